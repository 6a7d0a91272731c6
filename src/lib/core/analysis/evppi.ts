import type { MonteCarloResult } from './monteCarlo.js';
import { valueOfInformation } from './valueOfInformation.js';

export interface Evppi {
	assumption: string;
	value: number;
}

/**
 * Partial expected value of perfect information per assumption, from the
 * Monte Carlo runs by binning (Strong & Oakley's one-parameter
 * approximation): runs sorted by the assumption are cut into about √runs
 * bins (runs with equal draws stay together); knowing the assumption lets
 * the decision maker rank the options per bin instead of once overall.
 * `sign` is −1 when less of the value is better. Pure.
 */
export function evppi(result: MonteCarloResult, assumptionIds: readonly string[], sign = 1): Evppi[] {
	const R = result.runs;
	if (R === 0 || result.options.length === 0) return assumptionIds.map((assumption) => ({ assumption, value: 0 }));
	const bins = Math.max(1, Math.round(Math.sqrt(R)));
	return assumptionIds.map((assumption) => {
		const a = result.assumptions.indexOf(assumption);
		if (a < 0) throw new Error(`evppi: no draws for "${assumption}"`);
		const draws = result.draws[a];
		const order = Array.from({ length: R }, (_, r) => r).sort((p, q) => draws[p] - draws[q]);
		// Runs with equal draws (a boolean, a choice) belong to one bin.
		const groups: number[][] = [];
		let from = 0;
		for (let b = 1; b <= bins; b++) {
			let to = Math.floor((b * R) / bins);
			while (to < R && to > from && draws[order[to]] === draws[order[to - 1]]) to++;
			if (to > from) groups.push(order.slice(from, to));
			from = to;
		}
		return { assumption, value: valueOfInformation(result.values, sign, groups) };
	});
}
