import type { Assumption } from '../scenario/types.js';
import { grid } from './assumptionSettings.js';
import type { Evaluator } from './createEvaluator.js';

export interface TwoWayResult {
	x: { assumption: string; values: number[] };
	y: { assumption: string; values: number[] };
	/** best[j][i]: index into `options` of the preferred option at (x_i, y_j). */
	best: number[][];
	/** value[j][i]: the root value there. */
	value: number[][];
	options: readonly string[];
}

/** Which option is preferred across a grid of two numeric assumptions: a region map. Pure. */
export function twoWay(evaluator: Evaluator, x: Assumption, y: Assumption, options: { steps?: number } = {}): TwoWayResult {
	for (const a of [x, y]) {
		if (a.kind !== 'probability' && a.kind !== 'number') throw new Error(`Two-way analysis needs numeric assumptions; "${a.id}" is ${a.kind}.`);
	}
	const steps = options.steps ?? 21;
	const xs = grid(x, steps);
	const ys = grid(y, steps);
	const best: number[][] = [];
	const value: number[][] = [];
	for (const yv of ys) {
		const row = xs.map((xv) => evaluator.at({ [x.id]: xv, [y.id]: yv }));
		best.push(row.map((r) => r.best));
		value.push(row.map((r) => r.value));
	}
	return { x: { assumption: x.id, values: xs }, y: { assumption: y.id, values: ys }, best, value, options: evaluator.optionIds };
}
