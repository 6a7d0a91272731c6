import type { Assumption } from '../scenario/types.js';
import { grid } from './assumptionSettings.js';
import type { Evaluator } from './createEvaluator.js';
import { policyOf, policyChanges, samePolicy } from './policy.js';

export interface Switch {
	/** The value where the optimal policy changes, within `tolerance`. */
	at: number;
	/** The decision where it changes: its path ('' for the first decision) and state. */
	decision: string;
	state: string;
	/** The move chosen there below and above `at`. */
	from: string;
	to: string;
}

export interface ThresholdResult {
	assumption: string;
	tolerance: number;
	/** The preferred first option at the range's lower end. */
	start: string;
	switches: Switch[];
}

/**
 * The values of a numeric assumption at which the optimal policy switches,
 * at the first decision or at any later decision it reaches: a scan over
 * `steps` points finds each change, bisection narrows it to `tolerance`.
 * Each switch names the shallowest decision that changes. A switch between
 * two scan points that switches back before the next one is not seen; raise
 * `steps` to look closer. Pure.
 */
export function threshold(evaluator: Evaluator, assumption: Assumption, options: { tolerance?: number; steps?: number } = {}): ThresholdResult {
	if (assumption.kind !== 'probability' && assumption.kind !== 'number') {
		throw new Error(`Threshold analysis needs a numeric assumption; "${assumption.id}" is ${assumption.kind}.`);
	}
	const tolerance = options.tolerance ?? 1e-4;
	const at = (x: number) => evaluator.at({ [assumption.id]: x });
	const policyAt = (x: number) => policyOf(at(x));
	const xs = grid(assumption, options.steps ?? 41);
	const switches: Switch[] = [];
	const first = at(xs[0]);
	let previous = policyOf(first);
	for (let i = 1; i < xs.length; i++) {
		const current = policyAt(xs[i]);
		if (samePolicy(previous, current)) continue;
		let lo = xs[i - 1];
		let hi = xs[i];
		let below = previous;
		let above = current;
		while (hi - lo > tolerance) {
			const mid = (lo + hi) / 2;
			const middle = policyAt(mid);
			if (!samePolicy(previous, middle)) {
				hi = mid;
				above = middle;
			} else {
				lo = mid;
				below = middle;
			}
		}
		const change = policyChanges(below, above)[0];
		switches.push({ at: (lo + hi) / 2, decision: change.path, state: change.state, from: change.from, to: change.to });
		previous = current;
	}
	return { assumption: assumption.id, tolerance, start: evaluator.optionIds[first.best] ?? '', switches };
}
