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
 * and at their maxima; and each preset.
 */
export function testPoints(scenario: Scenario): TestPoint[] {
	const points: TestPoint[] = [{ label: 'at the defaults', overrides: {} }];
	for (const a of scenario.assumptions) {
		if (a.kind === 'boolean') {
			points.push({ label: `with ${a.id} = ${!a.default}`, overrides: { [a.id]: !a.default } });
		} else if (a.kind === 'choice') {
			for (const option of a.options ?? []) {
				if (option.id !== a.default) points.push({ label: `with ${a.id} = ${option.id}`, overrides: { [a.id]: option.id } });
			}
		} else {
			const { min, max } = rangeOf(a);
			if (Number.isFinite(min)) points.push({ label: `with ${a.id} = ${min} (its minimum)`, overrides: { [a.id]: min } });
			if (Number.isFinite(max)) points.push({ label: `with ${a.id} = ${max} (its maximum)`, overrides: { [a.id]: max } });
		}
	}
	// Every numeric assumption at its minimum at once, and at its maximum: catches
	// probabilities that fail only in combination (all pairs would be too many).
	for (const [end, label] of [['min', 'minimum'], ['max', 'maximum']] as const) {
		const overrides: Record<string, AssumptionValue> = {};
		for (const a of scenario.assumptions) {
			if (a.kind !== 'probability' && a.kind !== 'number') continue;
			const v = rangeOf(a)[end];
			if (Number.isFinite(v)) overrides[a.id] = v;
		}
		if (Object.keys(overrides).length > 1) points.push({ label: `with every numeric assumption at its ${label}`, overrides });
	}
	for (const preset of scenario.presets) {
		points.push({ label: `in preset "${preset.id}"`, overrides: preset.values });
	}
	return points;
}
