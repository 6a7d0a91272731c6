import { coerceValue, rangeOf } from './coerceValue.js';
import type { Report } from './Report.js';
import type { Assumption, Scenario } from './types.js';

function checkDistribution(assumption: Assumption, path: (string | number)[], report: Report) {
	const d = assumption.distribution;
	if (!d) return;
	if (assumption.kind === 'boolean' || assumption.kind === 'choice') {
		if (d.type !== 'discrete') report.error([...path, 'type'], `A ${assumption.kind} assumption takes a discrete distribution.`);
	}
	const { min, max } = rangeOf(assumption);
	if (d.type === 'triangular' && !(d.min <= d.mode && d.mode <= d.max && d.min < d.max)) {
		report.error(path, 'A triangular distribution needs min ≤ mode ≤ max with min < max.');
	}
	if ((d.type === 'triangular' || d.type === 'uniform') && (d.min < min || d.max > max)) {
		report.error(path, `The distribution reaches outside the assumption's range ${min}..${max}.`);
	}
	if (d.type === 'uniform' && !(d.min < d.max)) report.error(path, 'A uniform distribution needs min < max.');
	if (d.type === 'normal' && (d.mean + 3 * d.sd < min || d.mean - 3 * d.sd > max)) {
		report.warning(path, `The normal distribution lies almost wholly outside the range ${min}..${max}; most draws would fall back to the nearest end.`);
	}
	if (d.type === 'beta' && (min !== 0 || max !== 1) && assumption.kind === 'probability') {
		report.warning(path, 'A beta distribution spans 0..1; draws outside the narrowed range are clamped.');
	}
	if (d.type === 'discrete') {
		if (d.values.length !== d.weights.length) {
			report.error([...path, 'weights'], `A discrete distribution needs one weight per value: ${d.values.length} values, ${d.weights.length} weights.`);
		}
		if (!(d.weights.reduce((s, w) => s + w, 0) > 0)) report.error([...path, 'weights'], 'The weights must not all be zero.');
		if (assumption.kind === 'choice') {
			const count = assumption.options?.length ?? 0;
			d.values.forEach((v, i) => {
				if (!Number.isInteger(v) || v < 0 || v >= count) {
					report.error([...path, 'values', i], `For a choice, discrete values are option positions 0..${count - 1}.`);
				}
			});
		} else if (assumption.kind === 'boolean') {
			d.values.forEach((v, i) => {
				if (v !== 0 && v !== 1) report.error([...path, 'values', i], 'For a boolean, discrete values are 0 (false) and 1 (true).');
			});
		} else {
			d.values.forEach((v, i) => {
				if (v < min || v > max) report.error([...path, 'values', i], `Value ${v} lies outside the range ${min}..${max}.`);
			});
		}
	}
}

/** Each assumption is well-formed for its kind; defaults and presets lie in range. */
export function checkAssumptions(scenario: Scenario, report: Report): void {
	scenario.assumptions.forEach((assumption, i) => {
		const path = ['assumptions', i];
		const numeric = assumption.kind === 'probability' || assumption.kind === 'number';
		if (numeric) {
			if (assumption.kind === 'number' && (assumption.min === undefined || assumption.max === undefined)) {
				report.error(path, `Number assumption "${assumption.id}" needs "min" and "max".`, );
			}
			const { min, max } = rangeOf(assumption);
			if (assumption.kind === 'probability' && (min < 0 || max > 1)) {
				report.error(path, `A probability's range lies within 0..1; got ${min}..${max}.`);
			}
			if (!(min < max)) report.error([...path, 'max'], `"max" (${max}) must be greater than "min" (${min}).`);
		} else {
			for (const key of ['min', 'max', 'step'] as const) {
				if (assumption[key] !== undefined) report.error([...path, key], `A ${assumption.kind} assumption has no "${key}".`, { key: true });
			}
		}
		if (assumption.kind === 'choice') {
			if (!assumption.options) report.error(path, `Choice assumption "${assumption.id}" needs "options".`);
			const seen = new Set<string>();
			assumption.options?.forEach((option, j) => {
				if (seen.has(option.id)) report.error([...path, 'options', j, 'id'], `Duplicate option id "${option.id}".`);
				seen.add(option.id);
			});
		} else if (assumption.options) {
			report.error([...path, 'options'], 'Only a choice assumption has options.', { key: true });
		}
		const coerced = coerceValue(assumption, assumption.default);
		if (!coerced.ok) report.error([...path, 'default'], coerced.message);
		checkDistribution(assumption, [...path, 'distribution'], report);
	});
	const byId = new Map(scenario.assumptions.map((a) => [a.id, a]));
	scenario.presets.forEach((preset, i) => {
		for (const [key, value] of Object.entries(preset.values)) {
			const assumption = byId.get(key);
			if (!assumption) continue;
			const coerced = coerceValue(assumption, value);
			if (!coerced.ok) report.error(['presets', i, 'values', key], coerced.message);
		}
	});
}
