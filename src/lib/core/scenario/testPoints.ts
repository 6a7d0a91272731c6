import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { rangeOf } from './coerceValue.js';
import type { AssumptionValue, Scenario } from './types.js';

export interface TestPoint {
	/** How the point reads in a message: "at the defaults", "with p_veto = 0 (its minimum)". */
	label: string;
	overrides: Record<string, AssumptionValue>;
}

/**
 * The assumption settings a scenario is checked at: the defaults; each
 * assumption alone at its minimum and maximum (each option of a choice, the
 * other truth value of a boolean); all numeric assumptions at their minima,
 * and at their maxima; and each preset. Labels are in `lang`. Pure.
 */
export function testPoints(scenario: Scenario, lang: Locale = 'en'): TestPoint[] {
	const locale = { locale: lang };
	const points: TestPoint[] = [{ label: m.val_point_defaults({}, locale), overrides: {} }];
	for (const a of scenario.assumptions) {
		if (a.kind === 'boolean') {
			points.push({ label: m.val_point_with({ id: a.id, value: String(!a.default) }, locale), overrides: { [a.id]: !a.default } });
		} else if (a.kind === 'choice') {
			for (const option of a.options ?? []) {
				if (option.id !== a.default) points.push({ label: m.val_point_with({ id: a.id, value: option.id }, locale), overrides: { [a.id]: option.id } });
			}
		} else {
			const { min, max } = rangeOf(a);
			if (Number.isFinite(min)) points.push({ label: m.val_point_minimum({ id: a.id, value: min }, locale), overrides: { [a.id]: min } });
			if (Number.isFinite(max)) points.push({ label: m.val_point_maximum({ id: a.id, value: max }, locale), overrides: { [a.id]: max } });
		}
	}
	// Every numeric assumption at its minimum at once, and at its maximum: catches
	// probabilities that fail only in combination (all pairs would be too many).
	for (const [end, label] of [['min', m.val_point_all_minimum({}, locale)], ['max', m.val_point_all_maximum({}, locale)]] as const) {
		const overrides: Record<string, AssumptionValue> = {};
		for (const a of scenario.assumptions) {
			if (a.kind !== 'probability' && a.kind !== 'number') continue;
			const v = rangeOf(a)[end];
			if (Number.isFinite(v)) overrides[a.id] = v;
		}
		if (Object.keys(overrides).length > 1) points.push({ label, overrides });
	}
	for (const preset of scenario.presets) {
		points.push({ label: m.val_point_preset({ id: preset.id }, locale), overrides: preset.values });
	}
	return points;
}
