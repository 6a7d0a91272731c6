import { mersenne } from 'pure-rand/generator/mersenne';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { numericValue } from '../scenario/coerceValue.js';
import type { AssumptionValue } from '../scenario/types.js';
import type { Evaluator } from './createEvaluator.js';
import { sampleAssumption, uniformFrom } from './distributions.js';
import { valueOfInformation } from './valueOfInformation.js';

export interface OptionSummary {
	option: string;
	mean: number;
	sd: number;
	p5: number;
	p50: number;
	p95: number;
	/** Share of runs in which this option is preferred. */
	probabilityBest: number;
	/** Share of runs in which the option was open (its guards held); statistics are over those runs. */
	available: number;
}

/** What the command line, the workbench and reports say instead of numbers when `uncertain` is empty. */
export const NOTHING_UNCERTAIN = 'Nothing is uncertain: no assumption has a distribution, so Monte Carlo and EVPI have nothing to vary.';

/** `NOTHING_UNCERTAIN` in a language. */
export function nothingUncertain(lang: Locale = 'en'): string {
	return m.xp_nothing_uncertain({}, { locale: lang });
}

export interface MonteCarloResult {
	runs: number;
	seed: number;
	/**
	 * The assumptions the runs vary: those with a distribution, in scenario
	 * order. Empty means every run is the same evaluation, so the spread,
	 * P(best) and EVPI say nothing; show `NOTHING_UNCERTAIN` instead.
	 */
	uncertain: readonly string[];
	options: readonly string[];
	/** values[o][r]: option o's value in run r. */
	values: Float64Array[];
	/** The preferred option per run. */
	best: Int32Array;
	/** Assumption ids in scenario order, as `draws` lists them. */
	assumptions: readonly string[];
	/** draws[a][r]: the number formulas saw for assumption a in run r. */
	draws: Float64Array[];
	summaries: OptionSummary[];
	/**
	 * Expected value of perfect information, in the value's units: knowing
	 * every drawn assumption, the best open option each run, against the best
	 * fixed ranking of options (take the first one open) without knowing.
	 */
	evpi: number;
}

function percentileOf(sorted: Float64Array, p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Probabilistic sensitivity: each run draws every assumption that has a
 * distribution (the others stay at their base values) from a Mersenne
 * Twister seeded with `seed`, and evaluates the tree. The same seed gives
 * the same numbers everywhere. `onProgress` is called every `progressEvery`
 * runs and may return false to stop early. Pure given the seed.
 */
export function monteCarlo(
	evaluator: Evaluator,
	options: { runs?: number; seed?: number; onProgress?: (done: number) => boolean | void; progressEvery?: number } = {}
): MonteCarloResult {
	const runs = options.runs ?? 1000;
	const seed = options.seed ?? 1;
	const u = uniformFrom(mersenne(seed));
	const assumptions = evaluator.model.scenario.assumptions;
	const base = evaluator.base;
	const O = evaluator.optionIds.length;
	const values = Array.from({ length: O }, () => new Float64Array(runs));
	const draws = assumptions.map(() => new Float64Array(runs));
	const best = new Int32Array(runs);
	let done = 0;
	for (let r = 0; r < runs; r++) {
		const overrides: Record<string, AssumptionValue> = {};
		assumptions.forEach((a, i) => {
			const v = sampleAssumption(a, u, base[a.id] ?? a.default);
			overrides[a.id] = v;
			draws[i][r] = numericValue(a, v);
		});
		const result = evaluator.at(overrides);
		for (let o = 0; o < O; o++) values[o][r] = result.options[o];
		best[r] = result.best;
		done = r + 1;
		if (options.onProgress && done % (options.progressEvery ?? 100) === 0 && options.onProgress(done) === false) break;
	}
	const used = (a: Float64Array) => a.subarray(0, done);
	// An option closed by a guard in a run has no value there (NaN).
	const summaries = evaluator.optionIds.map((option, o): OptionSummary => {
		const v = used(values[o]).filter((x) => !Number.isNaN(x));
		const n = v.length;
		const mean = n > 0 ? v.reduce((s, x) => s + x, 0) / n : NaN;
		const sd = n > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)) : 0;
		const sorted = Float64Array.from(v).sort();
		let wins = 0;
		for (let r = 0; r < done; r++) if (best[r] === o) wins++;
		return { option, mean, sd, p5: percentileOf(sorted, 0.05), p50: percentileOf(sorted, 0.5), p95: percentileOf(sorted, 0.95), probabilityBest: wins / done, available: n / Math.max(1, done) };
	});
	// Perfect information: every run is known on its own.
	const evpi = valueOfInformation(values.map(used), evaluator.sign, Array.from({ length: done }, (_, r) => [r]));
	return {
		runs: done,
		seed,
		uncertain: assumptions.filter((a) => a.distribution !== undefined).map((a) => a.id),
		options: evaluator.optionIds,
		values: values.map(used),
		assumptions: assumptions.map((a) => a.id),
		best: best.subarray(0, done),
		draws: draws.map(used),
		summaries,
		evpi
	};
}
