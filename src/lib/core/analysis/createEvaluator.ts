import { evaluate, type Evaluation } from '../evaluate/evaluate.js';
import { guardSignature } from '../machine/guardSignature.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import { resolveValues, type Values } from '../scenario/resolveValues.js';
import type { AssumptionValue } from '../scenario/types.js';
import type { PlayOverrides } from '../tree/actorPlay.js';
import { compileTree, KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { unknownCriterion } from '../util/unknownCriterion.js';

export interface EvaluatorOptions {
	perspective?: string;
	/** How some actors play instead of as the scenario says (valid: `resolvePlay`). */
	play?: PlayOverrides;
	/** One criterion, or the weighted score when left out. */
	criterion?: string;
	/** Assumption values every evaluation starts from (a preset, the user's what-if). */
	base?: Readonly<Record<string, AssumptionValue>>;
}

/** One evaluation at a set of assumption values, seen from the root decision. */
export interface PointResult {
	values: Values;
	flat: FlatTree;
	evaluation: Evaluation;
	/** The root's value: the weighted score, or the chosen criterion's expected value; their certainty equivalent when the scenario declares a risk tolerance. */
	value: number;
	/** Each root option's value, in move order (empty when the root is not a decision). */
	options: Float64Array;
	/** Index into `options` of the preferred option; -1 when the root is not a decision. */
	best: number;
}

export interface Evaluator {
	readonly model: ScenarioModel;
	readonly criterion?: string;
	/** The criterion's index in the scenario's criteria; -1 for the weighted score. */
	readonly criterionIndex: number;
	/** The moves of the root decision: what the analyses compare. */
	readonly optionIds: readonly string[];
	readonly optionLabels: readonly string[];
	/** +1 when more of `value` is better for the perspective, −1 when less is (a criterion to minimise). */
	readonly sign: number;
	/** The assumption values every evaluation starts from. */
	readonly base: Readonly<Record<string, AssumptionValue>>;
	at(overrides: Readonly<Record<string, AssumptionValue>>): PointResult;
}

/**
 * Evaluates a scenario at many assumption settings, as analyses do: the
 * tree is unrolled once per guard signature and reused while the structure
 * holds, so a sweep costs formula evaluation and rollback only. Unrolling
 * problems (limits, closed states) throw: analyses run on valid scenarios.
 */
export function createEvaluator(model: ScenarioModel, options: EvaluatorOptions = {}): Evaluator {
	const trees = new Map<string, FlatTree>();
	const { scenario } = model;
	const criterionIndex = options.criterion === undefined ? -1 : scenario.criteria.findIndex((c) => c.id === options.criterion);
	if (options.criterion !== undefined && criterionIndex < 0) throw new Error(unknownCriterion(options.criterion, scenario.criteria.map((c) => c.id)));
	const base = options.base ?? {};

	const flatFor = (values: Values): FlatTree => {
		const key = guardSignature(model, values);
		let flat = trees.get(key);
		if (!flat) {
			const unrolled = unrollTree(model, { values, perspective: options.perspective });
			if (!unrolled.tree) throw new Error(unrolled.issues.map((i) => i.message).join('\n'));
			flat = compileTree(unrolled.tree, model, { play: options.play });
			trees.set(key, flat);
		}
		return flat;
	};
	// With a risk tolerance, values are certainty equivalents (in the criterion's own units for one criterion).
	const valueAt = (flat: FlatTree, evaluation: Evaluation, i: number) =>
		evaluation.riskAdjusted ? sign * evaluation.certainty[i] : criterionIndex < 0 ? evaluation.score[i] : evaluation.expected[i * flat.criteria + criterionIndex];

	// The options are all moves of the initial state, whether or not a guard
	// closes some of them at the base values: a closed option is NaN.
	const first = flatFor(resolveValues(scenario, model.book, base));
	const rootState = scenario.states.find((s) => s.id === first.tree.nodes[0].state);
	const rootMoves = first.kind[0] === KIND_DECISION ? (rootState?.moves.map((m) => m.id) ?? []) : [];
	const optionLabels = rootMoves.map((id) => rootState?.moves.find((m) => m.id === id)?.label ?? id);
	const perspectiveWeights = first.weights;
	const sign = criterionIndex < 0 ? 1 : perspectiveWeights[criterionIndex] !== 0 ? Math.sign(perspectiveWeights[criterionIndex]) : first.signs[criterionIndex];

	return {
		model,
		criterion: options.criterion,
		criterionIndex,
		sign,
		base,
		optionIds: rootMoves,
		optionLabels,
		at(overrides) {
			const values = resolveValues(scenario, model.book, { ...base, ...overrides });
			const flat = flatFor(values);
			const evaluation = evaluate(flat, { values, criterion: options.criterion });
			const optionValues = new Float64Array(rootMoves.length).fill(NaN);
			let best = -1;
			if (flat.kind[0] === KIND_DECISION) {
				for (let k = 0; k < flat.childCount[0]; k++) {
					const child = flat.childStart[0] + k;
					const o = rootMoves.indexOf(flat.tree.nodes[child].move as string);
					if (o >= 0) optionValues[o] = valueAt(flat, evaluation, child);
					if (child === evaluation.best[0]) best = o;
				}
			}
			return { values, flat, evaluation, value: valueAt(flat, evaluation, 0), options: optionValues, best };
		}
	};
}
