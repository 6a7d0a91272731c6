import { mersenne } from 'pure-rand/generator/mersenne';
import type { AssumptionValue } from '../scenario/types.js';
import type { Evaluator } from './createEvaluator.js';
import { sampleAssumption, uniformFrom } from './distributions.js';
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

export interface GroupEvppi {
	/** The assumptions learnt together. */
	group: readonly string[];
	value: number;
	/** Outer draws of the group and inner draws of the other uncertain assumptions per outer draw. */
	outer: number;
	inner: number;
	seed: number;
}

/**
 * Partial expected value of perfect information for a group of assumptions
 * learnt together, by nested Monte Carlo: `outer` draws of the group, and
 * for each `inner` draws of every other assumption with a distribution. A
 * decision maker who learns the group ranks the options per outer draw, by
 * their mean over its inner draws, instead of once overall
 * (`valueOfInformation`, with the same rule for options a guard closes).
 * With few inner draws the estimate leans high (the best of noisy means);
 * 100 × 100 keeps that small. Assumptions without a distribution stay at
 * their base values. Pure given the seed.
 */
export function evppiGroup(evaluator: Evaluator, group: readonly string[], options: { outer?: number; inner?: number; seed?: number } = {}): GroupEvppi {
	const outer = options.outer ?? 100;
	const inner = options.inner ?? 100;
	const seed = options.seed ?? 1;
	const u = uniformFrom(mersenne(seed));
	const assumptions = evaluator.model.scenario.assumptions;
	const inGroup = new Set(group);
	const base = evaluator.base;
	const O = evaluator.optionIds.length;
	const values = Array.from({ length: O }, () => new Float64Array(outer * inner));
	const blocks: number[][] = [];
	for (let i = 0; i < outer; i++) {
		const known: Record<string, AssumptionValue> = {};
		for (const a of assumptions) if (inGroup.has(a.id)) known[a.id] = sampleAssumption(a, u, base[a.id] ?? a.default);
		const block: number[] = [];
		for (let j = 0; j < inner; j++) {
			const overrides: Record<string, AssumptionValue> = { ...known };
			for (const a of assumptions) if (!inGroup.has(a.id)) overrides[a.id] = sampleAssumption(a, u, base[a.id] ?? a.default);
			const r = i * inner + j;
			const result = evaluator.at(overrides);
			for (let o = 0; o < O; o++) values[o][r] = result.options[o];
			block.push(r);
		}
		blocks.push(block);
	}
	return { group: [...group], value: valueOfInformation(values, evaluator.sign, blocks), outer, inner, seed };
}
