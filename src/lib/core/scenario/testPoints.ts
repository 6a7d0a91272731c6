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
 * other truth value of a boolean); and each preset.
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
	for (const preset of scenario.presets) {
		points.push({ label: `in preset "${preset.id}"`, overrides: preset.values });
	}
	return points;
}
