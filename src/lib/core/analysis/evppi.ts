import type { MonteCarloResult } from './monteCarlo.js';

export interface Evppi {
	assumption: string;
	value: number;
}

/**
 * Partial expected value of perfect information per assumption, from the
 * Monte Carlo runs by binning (Strong & Oakley's one-parameter
 * approximation): runs sorted by the assumption are cut into √runs bins of
 * equal size; knowing the assumption is worth the mean over bins of the best
 * option's mean value within the bin, less the best overall mean. Pure.
 */
export function evppi(result: MonteCarloResult, assumptionIds: readonly string[]): Evppi[] {
	const R = result.runs;
	if (R === 0 || result.options.length === 0) return assumptionIds.map((assumption) => ({ assumption, value: 0 }));
	// As for EVPI, only options open in every run are compared.
	const always = result.values.map((v, o) => (v.every((x) => !Number.isNaN(x)) ? o : -1)).filter((o) => o >= 0);
	if (always.length === 0) return assumptionIds.map((assumption) => ({ assumption, value: 0 }));
	const overall = Math.max(...always.map((o) => result.values[o].reduce((s, x) => s + x, 0) / R));
	const bins = Math.max(1, Math.round(Math.sqrt(R)));
	return assumptionIds.map((assumption) => {
		const a = result.assumptions.indexOf(assumption);
		if (a < 0) throw new Error(`evppi: no draws for "${assumption}"`);
		const draws = result.draws[a];
		const order = Array.from({ length: R }, (_, r) => r).sort((p, q) => draws[p] - draws[q]);
		let total = 0;
		for (let b = 0; b < bins; b++) {
			const from = Math.floor((b * R) / bins);
			const to = Math.floor(((b + 1) * R) / bins);
			if (to <= from) continue;
			let bestMean = -Infinity;
			for (const o of always) {
				let sum = 0;
				for (let k = from; k < to; k++) sum += result.values[o][order[k]];
				bestMean = Math.max(bestMean, sum / (to - from));
			}
			total += bestMean * (to - from);
		}
		return { assumption, value: Math.max(0, total / R - overall) };
	});
}
