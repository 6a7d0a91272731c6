import type { AssumptionValue } from '../scenario/types.js';
import { assumptionSettings, grid } from './assumptionSettings.js';
import type { Evaluator } from './createEvaluator.js';

export interface TornadoBar {
	assumption: string;
	label: string;
	/** The setting giving the lower and the higher value. */
	low: { setting: AssumptionValue; value: number; best: string };
	high: { setting: AssumptionValue; value: number; best: string };
	swing: number;
	/** The preferred option differs somewhere across the range. */
	policyChanges: boolean;
}

export interface Tornado {
	base: { value: number; best: string };
	bars: TornadoBar[];
}

/**
 * One-way sensitivity of the root value to every assumption across its
 * range — its ends, or `points` evenly spaced values; each option of a
 * choice, both truth values of a boolean — others at their base values;
 * bars sorted by swing, largest first. Pure.
 */
export function tornado(evaluator: Evaluator, options: { points?: number } = {}): Tornado {
	const name = (best: number) => evaluator.optionIds[best] ?? '';
	const base = evaluator.at({});
	const bars = evaluator.model.scenario.assumptions.map((assumption): TornadoBar => {
		const numeric = assumption.kind === 'probability' || assumption.kind === 'number';
		const settings = numeric && options.points !== undefined && options.points > 2 ? grid(assumption, options.points) : assumptionSettings(assumption);
		const points = settings.map((setting) => {
			const r = evaluator.at({ [assumption.id]: setting });
			return { setting, value: r.value, best: name(r.best) };
		});
		let low = points[0];
		let high = points[0];
		for (const p of points) {
			if (p.value < low.value) low = p;
			if (p.value > high.value) high = p;
		}
		return {
			assumption: assumption.id,
			label: assumption.label,
			low,
			high,
			swing: high.value - low.value,
			policyChanges: points.some((p) => p.best !== name(base.best))
		};
	});
	bars.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
	return { base: { value: base.value, best: name(base.best) }, bars };
}
