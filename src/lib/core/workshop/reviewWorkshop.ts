import type { Locale } from '../../paraglide/runtime.js';
import { actorScores, evaluate, type Evaluation } from '../evaluate/evaluate.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import { compileTree, type FlatTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { describeChance } from './describeChance.js';
import type { StepTaken, Vote, WorkshopState } from './types.js';

/** One move open at a step, valued by the model under the workshop's values. */
export interface ReviewOption {
	move: string;
	label: string;
	/** Expected payoff per criterion from here on, the perspective's optimal policy after. */
	expected: Record<string, number>;
	/** The perspective's weighted score of `expected`. */
	score: number;
	/** What the mover itself gets by its own preferences (its weighted score); NaN when it has none. */
	valueToMover: number;
}

export interface ReviewStep {
	index: number;
	at: number;
	step: StepTaken;
	/** Every option that was open, in the scenario's order. */
	options: ReviewOption[];
	/**
	 * The option the model ranks first for the mover: the perspective's
	 * optimal move, or the best by the mover's own preferences. Undefined
	 * when the mover has none (nature, or an actor without preferences).
	 */
	best?: string;
	/** What the chosen move gave up against `best`, in the mover's own terms (0 when it was the best or there is none). */
	regret: number;
	/** Chance and facilitator picks: the probability said plainly, in the review's language. */
	chance?: string;
	/** Team votes: the split and the reasons given. */
	vote?: { tally: Record<string, number>; outcome: string; rationales: { move: string; rationale: string; name?: string }[] };
}

export interface WorkshopReview {
	steps: ReviewStep[];
	/** Over the team decisions: how much the choices gave up, each in its mover's terms. */
	totalRegret: number;
}

/**
 * The after-action review of a workshop: for every step of the played path,
 * the value of each option then, the model's best, the regret of the choice,
 * the vote and its reasons, and draws said plainly. Values come from the
 * decision tree under the workshop's values and perspective, so they are the
 * numbers the workbench shows for the same what-if. `names: false` leaves
 * participants' names out; `lang` is the language of the words in it
 * (English by default). Pure.
 */
export function reviewWorkshop(model: ScenarioModel, state: WorkshopState, options: { names: boolean; lang?: Locale }): WorkshopReview {
	const { setup } = state;
	const unrolled = unrollTree(model, { values: setup.values, perspective: setup.perspective });
	if (!unrolled.tree) throw new Error(`reviewWorkshop: the scenario does not unroll under the workshop's values (${unrolled.issues[0]?.message})`);
	const flat = compileTree(unrolled.tree, model);
	const evaluation = evaluate(flat, { values: setup.values });
	const byPath = new Map(unrolled.tree.nodes.map((n) => [n.path, n]));
	const steps = state.path.map((entry, index): ReviewStep => {
		const path = state.path.slice(0, index).map((e) => e.step.move).join('/');
		const node = byPath.get(path);
		if (!node) throw new Error(`reviewWorkshop: the played path "${path}" is not in the tree`);
		const mover = flat.actorIds.indexOf(entry.step.actor);
		const labels = new Map(model.scenario.states.find((s) => s.id === node.state)?.moves.map((m) => [m.id, m.label]));
		const choices = node.children.map((child) => {
			const move = unrolled.tree!.nodes[child].move ?? '';
			return optionAt(flat, evaluation, { child, mover, move, label: labels.get(move) ?? move });
		});
		// The perspective's own decisions are judged by its objective (the criterion or the weighted
		// score, in its direction); any other actor by its own preferences.
		const isPerspective = entry.step.actor === setup.perspective;
		const value = (i: number) => (isPerspective ? evaluation.objective[node.children[i]] : choices[i].valueToMover);
		const ranked = isPerspective || choices.every((o) => !Number.isNaN(o.valueToMover));
		const bestIndex = !ranked ? -1 : isPerspective && evaluation.best[node.index] >= 0 ? node.children.indexOf(evaluation.best[node.index]) : argmax(choices.map((_, i) => value(i)));
		const chosenIndex = choices.findIndex((o) => o.move === entry.step.move);
		if (chosenIndex < 0) throw new Error(`reviewWorkshop: move "${entry.step.move}" is not an option at "${path}"`);
		return {
			index,
			at: entry.at,
			step: entry.step,
			options: choices,
			...(bestIndex >= 0 ? { best: choices[bestIndex].move } : {}),
			regret: bestIndex >= 0 ? Math.max(0, value(bestIndex) - value(chosenIndex)) : 0,
			...(entry.step.probability !== undefined && entry.step.how !== 'vote' ? { chance: describeChance(entry.step.probability, options.lang) } : {}),
			...(entry.step.tally ? { vote: voteAt(state, entry.step, entry.at, options.names) } : {})
		};
	});
	const decisions = steps.filter((s) => s.vote);
	return { steps, totalRegret: decisions.reduce((sum, s) => sum + s.regret, 0) };
}

function optionAt(flat: FlatTree, evaluation: Evaluation, at: { child: number; mover: number; move: string; label: string }): ReviewOption {
	const C = flat.criteria;
	const expected = Object.fromEntries(flat.criterionIds.map((id, c) => [id, evaluation.expected[at.child * C + c]]));
	const score = evaluation.score[at.child];
	return { move: at.move, label: at.label, expected, score, valueToMover: at.mover >= 0 ? actorScores(flat, evaluation, at.child)[at.mover] : score };
}

function argmax(values: readonly number[]): number {
	return values.reduce((best, v, i) => (v > values[best] ? i : best), 0);
}

/** The last vote at the step's state that closed before the step was taken. */
function voteAt(state: WorkshopState, step: StepTaken, at: number, names: boolean): ReviewStep['vote'] {
	const vote = [...state.votes].reverse().find((v: Vote) => v.state === step.state && v.closed && v.closed.at <= at);
	if (!vote?.closed) return { tally: step.tally ?? {}, outcome: step.how, rationales: [] };
	const rationales = Object.entries(vote.ballots)
		.filter(([, b]) => b.rationale)
		.map(([id, b]) => ({ move: b.move, rationale: b.rationale as string, ...(names ? { name: state.participants[id]?.name ?? id } : {}) }));
	return { tally: vote.closed.tally, outcome: vote.closed.outcome, rationales };
}
