import type { Assumption } from '../scenario/types.js';
import { grid } from './assumptionSettings.js';
import type { Evaluator } from './createEvaluator.js';

export interface Switch {
	/** The value where the preferred option changes, within `tolerance`. */
	at: number;
	from: string;
	to: string;
}

export interface ThresholdResult {
	assumption: string;
	tolerance: number;
	/** The preferred option at the range's lower end. */
	start: string;
	switches: Switch[];
}

/**
 * The values of a numeric assumption at which the preferred option
 * switches: a scan over `steps` points finds each change, bisection narrows
 * it to `tolerance`. A switch between two scan points that switches back
 * before the next one is not seen; raise `steps` to look closer. Pure.
 */
export function threshold(evaluator: Evaluator, assumption: Assumption, options: { tolerance?: number; steps?: number } = {}): ThresholdResult {
	if (assumption.kind !== 'probability' && assumption.kind !== 'number') {
		throw new Error(`Threshold analysis needs a numeric assumption; "${assumption.id}" is ${assumption.kind}.`);
	}
	const tolerance = options.tolerance ?? 1e-4;
	const best = (x: number) => evaluator.optionIds[evaluator.at({ [assumption.id]: x }).best] ?? '';
	const xs = grid(assumption, options.steps ?? 41);
	const switches: Switch[] = [];
	let previous = best(xs[0]);
	const start = previous;
	for (let i = 1; i < xs.length; i++) {
		const current = best(xs[i]);
		if (current === previous) continue;
		let lo = xs[i - 1];
		let hi = xs[i];
		while (hi - lo > tolerance) {
			const mid = (lo + hi) / 2;
			if (best(mid) === previous) lo = mid;
			else hi = mid;
		}
		switches.push({ at: (lo + hi) / 2, from: previous, to: best(hi) });
		previous = current;
	}
	return { assumption: assumption.id, tolerance, start, switches };
}
