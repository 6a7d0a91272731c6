import { m } from '../../paraglide/messages.js';
import { coerceValue, rangeOf } from './coerceValue.js';
import type { Report } from './Report.js';
import type { Assumption, Scenario } from './types.js';

function checkDistribution(assumption: Assumption, path: (string | number)[], report: Report) {
	const d = assumption.distribution;
	if (!d) return;
	const locale = { locale: report.lang };
	if (assumption.kind === 'boolean' || assumption.kind === 'choice') {
		if (d.type !== 'discrete') report.error([...path, 'type'], m.val_discrete_only({ kind: assumption.kind }, locale));
	}
	const { min, max } = rangeOf(assumption);
	if (d.type === 'triangular' && !(d.min <= d.mode && d.mode <= d.max && d.min < d.max)) {
		report.error(path, m.val_triangular_order({}, locale));
	}
	if ((d.type === 'triangular' || d.type === 'uniform') && (d.min < min || d.max > max)) {
		report.error(path, m.val_distribution_outside({ min, max }, locale));
	}
	if (d.type === 'uniform' && !(d.min < d.max)) report.error(path, m.val_uniform_order({}, locale));
	if (d.type === 'normal' && (d.mean + 3 * d.sd < min || d.mean - 3 * d.sd > max)) {
		report.warning(path, m.val_normal_outside({ min, max }, locale));
	}
	if (d.type === 'beta' && (min !== 0 || max !== 1) && assumption.kind === 'probability') {
		report.warning(path, m.val_beta_clamped({}, locale));
	}
	if (d.type === 'discrete') {
		if (d.values.length !== d.weights.length) {
			report.error([...path, 'weights'], m.val_weights_per_value({ values: d.values.length, weights: d.weights.length }, locale));
		}
		if (!(d.weights.reduce((s, w) => s + w, 0) > 0)) report.error([...path, 'weights'], m.val_weights_all_zero({}, locale));
		if (assumption.kind === 'choice') {
			const count = assumption.options?.length ?? 0;
			d.values.forEach((v, i) => {
				if (!Number.isInteger(v) || v < 0 || v >= count) {
					report.error([...path, 'values', i], m.val_choice_positions({ last: count - 1 }, locale));
				}
			});
		} else if (assumption.kind === 'boolean') {
			d.values.forEach((v, i) => {
				if (v !== 0 && v !== 1) report.error([...path, 'values', i], m.val_boolean_values({}, locale));
			});
		} else {
			d.values.forEach((v, i) => {
				if (v < min || v > max) report.error([...path, 'values', i], m.val_value_outside({ value: v, min, max }, locale));
			});
		}
	}
}

/** Each assumption is well-formed for its kind; defaults and presets lie in range. */
export function checkAssumptions(scenario: Scenario, report: Report): void {
	const locale = { locale: report.lang };
	scenario.assumptions.forEach((assumption, i) => {
		const path = ['assumptions', i];
		const numeric = assumption.kind === 'probability' || assumption.kind === 'number';
		if (numeric) {
			if (assumption.kind === 'number' && (assumption.min === undefined || assumption.max === undefined)) {
				report.error(path, m.val_number_needs_range({ id: assumption.id }, locale));
			}
			const { min, max } = rangeOf(assumption);
			if (assumption.kind === 'probability' && (min < 0 || max > 1)) {
				report.error(path, m.val_probability_range({ min, max }, locale));
			}
			if (!(min < max)) report.error([...path, 'max'], m.val_max_above_min({ min, max }, locale));
		} else {
			for (const key of ['min', 'max', 'step'] as const) {
				if (assumption[key] !== undefined) report.error([...path, key], m.val_kind_has_no({ kind: assumption.kind, key }, locale), { key: true });
			}
		}
		if (assumption.kind === 'choice') {
			if (!assumption.options) report.error(path, m.val_choice_needs_options({ id: assumption.id }, locale));
			const seen = new Set<string>();
			assumption.options?.forEach((option, j) => {
				if (seen.has(option.id)) report.error([...path, 'options', j, 'id'], m.val_duplicate_option({ id: option.id }, locale));
				seen.add(option.id);
			});
		} else if (assumption.options) {
			report.error([...path, 'options'], m.val_options_only_choice({}, locale), { key: true });
		}
		const coerced = coerceValue(assumption, assumption.default, report.lang);
		if (!coerced.ok) report.error([...path, 'default'], coerced.message);
		checkDistribution(assumption, [...path, 'distribution'], report);
	});
	const byId = new Map(scenario.assumptions.map((a) => [a.id, a]));
	scenario.presets.forEach((preset, i) => {
		for (const [key, value] of Object.entries(preset.values)) {
			const assumption = byId.get(key);
			if (!assumption) continue;
			const coerced = coerceValue(assumption, value, report.lang);
			if (!coerced.ok) report.error(['presets', i, 'values', key], coerced.message);
		}
	});
}
