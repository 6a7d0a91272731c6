import type { Values } from '../scenario/resolveValues.js';
import { KIND_CHANCE, KIND_DECISION, type FlatTree } from '../tree/compileTree.js';

export interface EvaluateOptions {
	values: Values;
	/** Optimise one criterion (in its direction); the weighted score when left out. */
	criterion?: string;
}

/** A chance node whose probabilities do not sum to 1. */
export interface ProbabilityProblem {
	node: number;
	sum: number;
}

export interface Evaluation {
	/** The value of each formula slot. */
	readonly slotValues: Float64Array;
	/** Probability of the move into each node (1 at the root and under decision nodes). */
	readonly probability: Float64Array;
	/** Payoffs incurred on arriving at each node, per criterion. */
	readonly reward: Float64Array;
	/** Payoffs accumulated from the root to each node, per criterion (a terminal's outcome). */
	readonly accumulated: Float64Array;
	/** Expected payoffs from each node on (including its own), per criterion. */
	readonly expected: Float64Array;
	/** The perspective's weighted score of `expected`. */
	readonly score: Float64Array;
	/** What decisions maximise: the score, or the signed criterion. */
	readonly objective: Float64Array;
	/** Every actor's weighted score of `expected`, actor-major per node (`i * A + a`). */
	readonly actorScore: Float64Array;
	/** The chosen child at each decision node; -1 elsewhere. */
	readonly best: Int32Array;
	/** Decision nodes where several children are optimal: node → the tied children. */
	readonly ties: ReadonlyMap<number, readonly number[]>;
	/** Probability of reaching each node if the decisions on its path are taken. */
	readonly reach: Float64Array;
	/** Probability of reaching each node under the optimal policy. */
	readonly reachOptimal: Float64Array;
	readonly problems: readonly ProbabilityProblem[];
}

const TIE = 1e-9;

/** Formula values for one set of assumption values: each formula evaluated once. */
export function evaluateSlots(flat: FlatTree, values: Values): Float64Array {
	const out = new Float64Array(flat.formulas.length);
	for (let s = 0; s < out.length; s++) out[s] = flat.formulas[s].evaluate(values);
	return out;
}

/**
 * Expected-value rollback over the flat tree: a post-order fold (reverse
 * breadth-first order) in the manner of d3-hierarchy's `eachAfter`, then a
 * forward pass for reach probabilities. Decision nodes take the child with
 * the highest objective (ties reported, the first kept); chance nodes
 * weight children by their probabilities. Pure.
 */
export function evaluate(flat: FlatTree, options: EvaluateOptions): Evaluation {
	return evaluateWithSlots(flat, evaluateSlots(flat, options.values), options.criterion);
}

/** `evaluate` with formula values already computed (analyses vary them directly). Pure. */
export function evaluateWithSlots(flat: FlatTree, slotValues: Float64Array, criterion?: string): Evaluation {
	const N = flat.size;
	const C = flat.criteria;
	const A = flat.actorIds.length;
	const { kind, parent, childStart, childCount, probabilitySlot, payoffStart, payoffSlot, payoffCriterion } = flat;
	const criterionIndex = criterion === undefined ? -1 : flat.criterionIds.indexOf(criterion);
	if (criterion !== undefined && criterionIndex < 0) throw new Error(`evaluate: unknown criterion "${criterion}"`);

	const probability = new Float64Array(N);
	const reward = new Float64Array(N * C);
	const accumulated = new Float64Array(N * C);
	const expected = new Float64Array(N * C);
	const score = new Float64Array(N);
	const objective = new Float64Array(N);
	const best = new Int32Array(N).fill(-1);

	for (let i = 0; i < N; i++) {
		const p = parent[i];
		probability[i] = p < 0 || kind[p] === KIND_DECISION ? 1 : probabilitySlot[i] >= 0 ? slotValues[probabilitySlot[i]] : 1 / childCount[p];
		for (let t = payoffStart[i]; t < payoffStart[i + 1]; t++) reward[i * C + payoffCriterion[t]] += slotValues[payoffSlot[t]];
		for (let c = 0; c < C; c++) accumulated[i * C + c] = (p < 0 ? 0 : accumulated[p * C + c]) + reward[i * C + c];
	}

	const problems: ProbabilityProblem[] = [];
	const ties = new Map<number, number[]>();
	for (let i = N - 1; i >= 0; i--) {
		const base = i * C;
		const first = childStart[i];
		const count = childCount[i];
		if (kind[i] === KIND_DECISION) {
			let chosen = first;
			for (let k = first + 1; k < first + count; k++) if (objective[k] > objective[chosen] + TIE * Math.max(1, Math.abs(objective[chosen]))) chosen = k;
			best[i] = chosen;
			for (let c = 0; c < C; c++) expected[base + c] = reward[base + c] + expected[chosen * C + c];
			const tied: number[] = [];
			for (let k = first; k < first + count; k++) if (Math.abs(objective[k] - objective[chosen]) <= TIE * Math.max(1, Math.abs(objective[chosen]))) tied.push(k);
			if (tied.length > 1) ties.set(i, tied);
		} else {
			for (let c = 0; c < C; c++) expected[base + c] = reward[base + c];
			if (kind[i] === KIND_CHANCE) {
				let sum = 0;
				for (let k = first; k < first + count; k++) {
					const pk = probability[k];
					sum += pk;
					for (let c = 0; c < C; c++) expected[base + c] += pk * expected[k * C + c];
				}
				if (Math.abs(sum - 1) > 1e-9) problems.push({ node: i, sum });
			}
		}
		let s = 0;
		for (let c = 0; c < C; c++) s += flat.weights[c] * expected[base + c];
		score[i] = s;
		objective[i] = criterionIndex < 0 ? s : flat.signs[criterionIndex] * expected[base + criterionIndex];
	}

	const actorScore = new Float64Array(N * A);
	for (let i = 0; i < N; i++) {
		for (let a = 0; a < A; a++) {
			let s = 0;
			for (let c = 0; c < C; c++) s += flat.actorWeights[a * C + c] * expected[i * C + c];
			actorScore[i * A + a] = s;
		}
	}

	const reach = new Float64Array(N);
	const reachOptimal = new Float64Array(N);
	for (let i = 0; i < N; i++) {
		const p = parent[i];
		if (p < 0) {
			reach[i] = 1;
			reachOptimal[i] = 1;
		} else if (kind[p] === KIND_DECISION) {
			reach[i] = reach[p];
			reachOptimal[i] = best[p] === i ? reachOptimal[p] : 0;
		} else {
			reach[i] = reach[p] * probability[i];
			reachOptimal[i] = reachOptimal[p] * probability[i];
		}
	}
	problems.reverse();
	return { slotValues, probability, reward, accumulated, expected, score, objective, actorScore, best, ties, reach, reachOptimal, problems };
}
