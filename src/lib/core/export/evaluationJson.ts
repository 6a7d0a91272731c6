import { actorScores, type Evaluation } from '../evaluate/evaluate.js';
import type { Scenario } from '../scenario/types.js';
import { ACTOR_PLAYS } from '../scenario/types.js';
import { moveRule } from '../tree/actorPlay.js';
import type { FlatTree } from '../tree/compileTree.js';

export interface PolicyStep {
	path: string;
	state: string;
	move: string;
	label: string;
	/** Other moves that are exactly as good. */
	tiedWith: string[];
	/** Probability of reaching this decision under the optimal policy. */
	reach: number;
}

const perCriterion = (flat: FlatTree, array: Float64Array, i: number) =>
	Object.fromEntries(flat.criterionIds.map((id, c) => [id, array[i * flat.criteria + c]]));

/** The optimal policy: the chosen move at every decision node, in tree order. Pure. */
export function optimalPolicy(scenario: Scenario, flat: FlatTree, evaluation: Evaluation): PolicyStep[] {
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	const steps: PolicyStep[] = [];
	for (let i = 0; i < flat.size; i++) {
		const chosen = evaluation.best[i];
		if (chosen < 0) continue;
		const node = flat.tree.nodes[i];
		const move = flat.tree.nodes[chosen].move as string;
		steps.push({
			path: node.path,
			state: node.state,
			move,
			label: states.get(node.state)?.moves.find((m) => m.id === move)?.label ?? move,
			tiedWith: (evaluation.ties.get(i) ?? []).filter((k) => k !== chosen).map((k) => flat.tree.nodes[k].move as string),
			reach: evaluation.reachOptimal[i]
		});
	}
	return steps;
}

/** The evaluated tree as plain JSON: root values, policy and every node. Pure. */
export function evaluationJson(options: {
	scenario: Scenario;
	flat: FlatTree;
	evaluation: Evaluation;
	values: Readonly<Record<string, number>>;
	criterion?: string;
}) {
	const { scenario, flat, evaluation, values, criterion } = options;
	const rootScores = actorScores(flat, evaluation, 0);
	return {
		scenario: scenario.id,
		perspective: flat.tree.perspective,
		objective: criterion ?? 'weighted score',
		values,
		expected: perCriterion(flat, evaluation.expected, 0),
		score: evaluation.score[0],
		// With a risk tolerance: its value, and the certainty equivalent decisions maximise.
		...(evaluation.riskAdjusted ? { riskTolerance: evaluation.slotValues[flat.riskToleranceSlot], certaintyEquivalent: evaluation.objectiveSign * evaluation.certainty[0] } : {}),
		// Actors without a score of their own (no preferences) are left out, not given the perspective's.
		actorScores: Object.fromEntries(
			scenario.actors.flatMap((actor, a) => (actor.kind === 'actor' && !Number.isNaN(rootScores[a]) ? [[actor.id, rootScores[a]]] : []))
		),
		// How each actor other than the perspective moves: chance, strategic or bounded.
		play: Object.fromEntries(scenario.actors.flatMap((actor, a) => (actor.id === flat.tree.perspective ? [] : [[actor.id, ACTOR_PLAYS[flat.actorPlay[a]]]]))),
		policy: optimalPolicy(scenario, flat, evaluation),
		nodes: flat.tree.nodes.map((node, i) => ({
			path: node.path,
			state: node.state,
			// The machine's context values here, where the scenario has a context.
			...(node.context ? { context: node.context } : {}),
			kind: node.kind,
			/** How the move here is taken: decision, chance, strategic or bounded; null at outcomes. */
			rule: moveRule(flat, i) ?? null,
			actor: node.actor ?? null,
			move: node.move ?? null,
			probability: evaluation.probability[i],
			reward: perCriterion(flat, evaluation.reward, i),
			accumulated: perCriterion(flat, evaluation.accumulated, i),
			expected: perCriterion(flat, evaluation.expected, i),
			score: evaluation.score[i],
			...(evaluation.riskAdjusted ? { certaintyEquivalent: evaluation.objectiveSign * evaluation.certainty[i] } : {}),
			best: evaluation.best[i] >= 0 ? flat.tree.nodes[evaluation.best[i]].move : null,
			reach: evaluation.reach[i],
			reachOptimal: evaluation.reachOptimal[i]
		}))
	};
}
