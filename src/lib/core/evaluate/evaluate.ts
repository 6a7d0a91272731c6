import type { Values } from '../scenario/resolveValues.js';
import { PLAY_BOUNDED, PLAY_CHANCE } from '../tree/actorPlay.js';
import { KIND_CHANCE, KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import { unknownCriterion } from '../util/unknownCriterion.js';

export interface EvaluateOptions {
	values: Values;
	/** Optimise one criterion (in the perspective's direction for it); the weighted score when left out. */
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
	/**
	 * The certainty equivalent of the objective from each node on, for a
	 * perspective with a risk tolerance (exponential utility): what decisions
	 * maximise then. Equal to `objective` when the scenario is risk-neutral.
	 */
	readonly certainty: Float64Array;
	/** Whether the scenario declares a risk tolerance (so `certainty` differs from `objective`). */
	readonly riskAdjusted: boolean;
	/** +1, or −1 when one criterion to minimise is optimised: `objectiveSign × certainty[i]` is in the criterion's units. */
	readonly objectiveSign: number;
	/** The chosen child at each decision node; -1 elsewhere. */
	readonly best: Int32Array;
	/** Decision nodes where several children are optimal: node → the tied children. */
	readonly ties: ReadonlyMap<number, readonly number[]>;
	/**
	 * Nodes of a strategic actor (other than the perspective) where several
	 * moves are best for it: node → the tied children, each taken with an
	 * equal share.
	 */
	readonly playTies: ReadonlyMap<number, readonly number[]>;
	/** Probability of reaching each node if the decisions on its path are taken. */
	readonly reach: Float64Array;
	/** Probability of reaching each node under the optimal policy. */
	readonly reachOptimal: Float64Array;
	readonly problems: readonly ProbabilityProblem[];
}

const TIE = 1e-9;

/**
 * Formula values for one set of assumption values: each formula evaluated
 * once, and each formula that reads the machine's context once per context
 * it meets on the tree.
 */
export function evaluateSlots(flat: FlatTree, values: Values): Float64Array {
	const B = flat.formulas.length;
	const out = new Float64Array(B + flat.contextual.length);
	for (let s = 0; s < B; s++) out[s] = flat.readsContext[s] ? NaN : flat.formulas[s].evaluate(values);
	// One scope for every context: the values underneath, the context's own on top (all contexts have the same keys).
	const scope: Record<string, number> = Object.create(values);
	for (let k = 0; k < flat.contextual.length; k++) {
		const { formula, context } = flat.contextual[k];
		Object.assign(scope, context);
		out[B + k] = flat.formulas[formula].evaluate(scope);
	}
	return out;
}

/**
 * Expected-value rollback over the flat tree: a post-order fold (reverse
 * breadth-first order) in the manner of d3-hierarchy's `eachAfter`, then a
 * forward pass for reach probabilities. Decision nodes take the child with
 * the highest objective (ties reported, the first kept); chance nodes
 * weight children by their probabilities. A child reached with probability
 * 0 contributes nothing, even where its value is not a number.
 *
 * The nodes of another actor that plays for itself are solved in the same
 * pass, which is backward induction (a subgame-perfect solution): each of
 * its moves is valued by the actor's own weights over the expected payoffs
 * below it. A `strategic` actor takes its best move; where several are
 * best within a relative 1e-9, it takes each with an equal share (the
 * limit of bounded play as λ grows), and the tie is reported. A `bounded`
 * actor takes move k with probability exp(λ·v_k) / Σ exp(λ·v_j) (logit
 * quantal response), λ being its rationality. Pure.
 */
export function evaluate(flat: FlatTree, options: EvaluateOptions): Evaluation {
	return evaluateWithSlots(flat, evaluateSlots(flat, options.values), options.criterion);
}

/** `evaluate` with formula values already computed (analyses vary them directly). Pure. */
export function evaluateWithSlots(flat: FlatTree, slotValues: Float64Array, criterion?: string): Evaluation {
	const N = flat.size;
	const C = flat.criteria;
	const { kind, parent, childStart, childCount, edge, edgeProbabilitySlot, payoffStart, payoffSlot, payoffCriterion, weights, signs, actor, actorPlay, actorWeights, actorRationalitySlot } = flat;
	const criterionIndex = criterion === undefined ? -1 : flat.criterionIds.indexOf(criterion);
	if (criterion !== undefined && criterionIndex < 0) throw new Error(unknownCriterion(criterion, flat.criterionIds));
	// One criterion is optimised in the perspective's own direction: the sign of
	// its (signed) weight, or the criterion's direction where it gives no weight.
	const criterionSign = criterionIndex < 0 ? 0 : weights[criterionIndex] !== 0 ? Math.sign(weights[criterionIndex]) : signs[criterionIndex];

	// Each edge's payoffs and probability once; nodes read them through `edge`.
	const E = edgeProbabilitySlot.length;
	const edgeReward = new Float64Array(E * C);
	const edgeProbability = new Float64Array(E);
	for (let e = 0; e < E; e++) {
		for (let t = payoffStart[e]; t < payoffStart[e + 1]; t++) edgeReward[e * C + payoffCriterion[t]] += slotValues[payoffSlot[t]];
		edgeProbability[e] = edgeProbabilitySlot[e] >= 0 ? slotValues[edgeProbabilitySlot[e]] : NaN;
	}
	// The share of each child of a node where an actor plays for itself; NaN elsewhere.
	const played = actorPlay.some((p) => p !== PLAY_CHANCE) ? new Float64Array(N).fill(NaN) : undefined;
	const probabilityOf = (k: number, count: number) => {
		if (played !== undefined && played[k] === played[k]) return played[k];
		// Moves without probabilities are equally likely; a probability that is not a number stays so.
		return edgeProbabilitySlot[edge[k]] >= 0 ? edgeProbability[edge[k]] : 1 / count;
	};
	const playTies = new Map<number, number[]>();
	let widest = 1;
	if (played) for (let i = 0; i < N; i++) if (childCount[i] > widest) widest = childCount[i];
	const actorValue = new Float64Array(widest);
	/** Sets `played` for the children of node i, where actor a chooses for itself. */
	const playChoice = (i: number, a: number, first: number, end: number) => {
		const shares = played as Float64Array;
		let top = -Infinity;
		for (let k = first; k < end; k++) {
			let v = 0;
			for (let c = 0; c < C; c++) v += actorWeights[a * C + c] * expected[k * C + c];
			actorValue[k - first] = v;
			if (v > top) top = v;
		}
		if (actorPlay[a] === PLAY_BOUNDED) {
			const lambda = slotValues[actorRationalitySlot[a]];
			let total = 0;
			for (let k = first; k < end; k++) total += shares[k] = Math.exp(lambda * (actorValue[k - first] - top));
			for (let k = first; k < end; k++) shares[k] /= total;
			return;
		}
		const margin = TIE * (top < -1 ? -top : top > 1 ? top : 1);
		let tied = 0;
		for (let k = first; k < end; k++) if (top - actorValue[k - first] <= margin) tied++;
		for (let k = first; k < end; k++) shares[k] = top - actorValue[k - first] <= margin ? 1 / tied : 0;
		if (tied > 1) {
			const list: number[] = [];
			for (let k = first; k < end; k++) if (shares[k] > 0) list.push(k);
			playTies.set(i, list);
		}
	};

	const expected = new Float64Array(N * C);
	const score = new Float64Array(N);
	const objective = new Float64Array(N);
	const best = new Int32Array(N).fill(-1);
	const problems: ProbabilityProblem[] = [];
	const ties = new Map<number, number[]>();
	// With a risk tolerance R, decisions maximise the certainty equivalent of the objective,
	// CE = −R ln E[exp(−x / R)] (exponential utility); risk-neutral, it is the objective itself.
	const tolerance = flat.riskToleranceSlot >= 0 ? slotValues[flat.riskToleranceSlot] : NaN;
	const risky = tolerance === tolerance;
	const certainty = risky ? new Float64Array(N) : objective;

	// The rollback: one post-order pass, children (later in breadth-first order) already folded.
	for (let i = N - 1; i >= 0; i--) {
		const base = i * C;
		const eBase = edge[i] * C;
		const first = childStart[i];
		const count = childCount[i];
		const end = first + count;
		if (kind[i] === KIND_DECISION) {
			// The first child within a relative 1e-9 of the best is chosen; the others that close are ties.
			// A child whose value is not a number (its branch is never reached, or a formula failed) is never preferred.
			const rank = certainty;
			let top = first;
			for (let k = first + 1; k < end; k++) if (rank[k] > rank[top] || rank[top] !== rank[top]) top = k;
			const margin = TIE * (rank[top] < -1 ? -rank[top] : rank[top] > 1 ? rank[top] : 1);
			let chosen = -1;
			let tied = 0;
			for (let k = first; k < end; k++) {
				if (rank[top] - rank[k] <= margin) {
					if (chosen < 0) chosen = k;
					tied++;
				}
			}
			if (chosen < 0) chosen = first;
			best[i] = chosen;
			for (let c = 0; c < C; c++) expected[base + c] = edgeReward[eBase + c] + expected[chosen * C + c];
			if (tied > 1) {
				const list: number[] = [];
				for (let k = first; k < end; k++) if (rank[top] - rank[k] <= margin) list.push(k);
				ties.set(i, list);
			}
		} else {
			for (let c = 0; c < C; c++) expected[base + c] = edgeReward[eBase + c];
			if (kind[i] === KIND_CHANCE) {
				const a = actor[i];
				if (played !== undefined && a >= 0 && actorPlay[a] !== PLAY_CHANCE) {
					// Another actor choosing for itself: its shares, summing to 1 by construction.
					playChoice(i, a, first, end);
					for (let k = first; k < end; k++) {
						const pk = played[k];
						if (pk === 0) continue;
						for (let c = 0; c < C; c++) expected[base + c] += pk * expected[k * C + c];
					}
				} else {
					let sum = 0;
					for (let k = first; k < end; k++) {
						const e = edge[k];
						const pk = edgeProbabilitySlot[e] >= 0 ? edgeProbability[e] : 1 / count;
						sum += pk;
						if (pk === 0) continue;
						for (let c = 0; c < C; c++) expected[base + c] += pk * expected[k * C + c];
					}
					if (Math.abs(sum - 1) > 1e-9) problems.push({ node: i, sum });
				}
			}
		}
		let s = 0;
		for (let c = 0; c < C; c++) s += weights[c] * expected[base + c];
		score[i] = s;
		objective[i] = criterionIndex < 0 ? s : criterionSign * expected[base + criterionIndex];
		if (risky) {
			let own = 0;
			if (criterionIndex < 0) for (let c = 0; c < C; c++) own += weights[c] * edgeReward[eBase + c];
			else own = criterionSign * edgeReward[eBase + criterionIndex];
			if (count === 0) certainty[i] = own;
			else if (kind[i] === KIND_DECISION) certainty[i] = own + certainty[best[i]];
			else {
				// −R ln Σ p exp(−CE_k / R), as a log-sum-exp so that large values do not overflow.
				let m = -Infinity;
				for (let k = first; k < end; k++) if (probabilityOf(k, count) !== 0 && -certainty[k] / tolerance > m) m = -certainty[k] / tolerance;
				let sum = 0;
				for (let k = first; k < end; k++) {
					const pk = probabilityOf(k, count);
					if (pk !== 0) sum += pk * Math.exp(-certainty[k] / tolerance - m);
				}
				certainty[i] = own - tolerance * (m + Math.log(sum));
			}
		}
	}
	problems.reverse();

	// Per-node probabilities, payoffs and reach are forward quantities the
	// rollback does not need; they are computed on first use.
	let forward: { probability: Float64Array; reward: Float64Array; accumulated: Float64Array; reach: Float64Array; reachOptimal: Float64Array } | undefined;
	const computeForward = () => {
		if (forward) return forward;
		const probability = new Float64Array(N);
		const reward = new Float64Array(N * C);
		const accumulated = new Float64Array(N * C);
		const reach = new Float64Array(N);
		const reachOptimal = new Float64Array(N);
		for (let i = 0; i < N; i++) {
			const p = parent[i];
			const base = i * C;
			const eBase = edge[i] * C;
			for (let c = 0; c < C; c++) reward[base + c] = edgeReward[eBase + c];
			if (p < 0) {
				probability[i] = 1;
				reach[i] = 1;
				reachOptimal[i] = 1;
				for (let c = 0; c < C; c++) accumulated[c] = reward[c];
				continue;
			}
			for (let c = 0; c < C; c++) accumulated[base + c] = accumulated[p * C + c] + reward[base + c];
			if (kind[p] === KIND_DECISION) {
				probability[i] = 1;
				reach[i] = reach[p];
				reachOptimal[i] = best[p] === i ? reachOptimal[p] : 0;
			} else {
				probability[i] = probabilityOf(i, childCount[p]);
				// Below a node never reached, nothing is reached, whatever the probabilities there.
				reach[i] = reach[p] === 0 ? 0 : reach[p] * probability[i];
				reachOptimal[i] = reachOptimal[p] === 0 ? 0 : reachOptimal[p] * probability[i];
			}
		}
		forward = { probability, reward, accumulated, reach, reachOptimal };
		return forward;
	};
	return {
		slotValues,
		expected,
		score,
		objective,
		certainty,
		riskAdjusted: risky,
		objectiveSign: criterionIndex < 0 ? 1 : criterionSign,
		best,
		ties,
		playTies,
		problems,
		get probability() {
			return computeForward().probability;
		},
		get reward() {
			return computeForward().reward;
		},
		get accumulated() {
			return computeForward().accumulated;
		},
		get reach() {
			return computeForward().reach;
		},
		get reachOptimal() {
			return computeForward().reachOptimal;
		}
	};
}

/** The perspective's weighted score of per-criterion values at node `i` (e.g. `accumulated` for an outcome). Pure. */
export function weightedScore(flat: FlatTree, perCriterion: Float64Array, i: number): number {
	let s = 0;
	for (let c = 0; c < flat.criteria; c++) s += flat.weights[c] * perCriterion[i * flat.criteria + c];
	return s;
}

/**
 * Every actor's weighted score of the expected payoffs at node `i` (actor
 * order of `flat.actorIds`), by its own preferences. NaN for an actor that
 * has none (nature, or an actor other than the perspective without
 * `preferences`, see `flat.actorScored`): the criteria weights are the
 * perspective's, so they would give it the perspective's own gain. Pure.
 */
export function actorScores(flat: FlatTree, evaluation: Evaluation, i: number): Float64Array {
	const C = flat.criteria;
	const A = flat.actorIds.length;
	const out = new Float64Array(A);
	for (let a = 0; a < A; a++) {
		if (!flat.actorScored[a]) {
			out[a] = NaN;
			continue;
		}
		let s = 0;
		for (let c = 0; c < C; c++) s += flat.actorWeights[a * C + c] * evaluation.expected[i * C + c];
		out[a] = s;
	}
	return out;
}
