import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Scenario } from '../scenario/types.js';
import { KIND_CHANCE, KIND_DECISION } from '../tree/compileTree.js';
import type { PointResult } from './createEvaluator.js';

/** The optimal choice at one decision: the node's path in the tree, its state and the move taken. */
export interface PolicyChoice {
	path: string;
	state: string;
	depth: number;
	move: string;
}

/**
 * The optimal policy as it matters: the choice at every decision reached
 * with positive probability when the optimal policy is followed, by the
 * decision's path (paths name the same decision across assumption values even
 * when guards change the tree elsewhere). Pure.
 */
export function policyOf(result: PointResult): Map<string, PolicyChoice> {
	const { flat, evaluation } = result;
	const nodes = flat.tree.nodes;
	const policy = new Map<string, PolicyChoice>();
	// Down the optimal policy from the root: the chosen move at a decision, every move of positive probability at a chance node.
	const stack = [0];
	while (stack.length > 0) {
		const i = stack.pop()!;
		const first = flat.childStart[i];
		const count = flat.childCount[i];
		if (flat.kind[i] === KIND_DECISION) {
			const chosen = evaluation.best[i];
			if (chosen < 0) continue;
			policy.set(nodes[i].path, { path: nodes[i].path, state: nodes[i].state, depth: nodes[i].depth, move: nodes[chosen].move ?? '' });
			stack.push(chosen);
		} else if (flat.kind[i] === KIND_CHANCE) {
			for (let k = first + count - 1; k >= first; k--) if (evaluation.probability[k] > 0) stack.push(k);
		}
	}
	return policy;
}

/** A decision whose optimal choice differs between two policies. */
export interface PolicyChange {
	/** The decision's path ('' for the first decision). */
	path: string;
	state: string;
	from: string;
	to: string;
}

/**
 * Where `after` chooses differently from `before`, at decisions both reach;
 * shallowest first (a change at the first decision comes first). A decision
 * reached under only one of them follows from a change above it and is not
 * listed on its own. Pure.
 */
export function policyChanges(before: Map<string, PolicyChoice>, after: Map<string, PolicyChoice>): PolicyChange[] {
	const changes: (PolicyChange & { depth: number })[] = [];
	for (const [path, b] of before) {
		const a = after.get(path);
		if (a && a.move !== b.move) changes.push({ path, state: b.state, from: b.move, to: a.move, depth: b.depth });
	}
	changes.sort((x, y) => x.depth - y.depth || x.path.localeCompare(y.path));
	return changes.map(({ depth: _depth, ...change }) => change);
}

/** Whether two policies choose alike wherever both decide. */
export const samePolicy = (a: Map<string, PolicyChoice>, b: Map<string, PolicyChoice>) => policyChanges(a, b).length === 0;

/**
 * The root's value when a given policy is followed instead of the optimal
 * one: each decision takes the policy's move where the policy decides there
 * and that move is open, otherwise its own optimal move (counted in
 * `fallbacks`). The value is the weighted score, or one criterion's expected
 * value when `criterionIndex` ≥ 0 — as the evaluator reports. Pure.
 */
export function valueUnderPolicy(result: PointResult, policy: Map<string, PolicyChoice>, criterionIndex: number): { value: number; fallbacks: number } {
	const { flat, evaluation } = result;
	const nodes = flat.tree.nodes;
	const N = flat.size;
	const C = flat.criteria;
	const { reward, probability } = evaluation;
	const held = new Float64Array(N * C);
	let fallbacks = 0;
	for (let i = N - 1; i >= 0; i--) {
		const base = i * C;
		for (let c = 0; c < C; c++) held[base + c] = reward[base + c];
		const first = flat.childStart[i];
		const end = first + flat.childCount[i];
		if (flat.kind[i] === KIND_DECISION) {
			let chosen = evaluation.best[i];
			const choice = policy.get(nodes[i].path);
			if (choice) {
				let found = -1;
				for (let k = first; k < end; k++) if (nodes[k].move === choice.move) found = k;
				if (found >= 0) chosen = found;
				else fallbacks++;
			}
			for (let c = 0; c < C; c++) held[base + c] += held[chosen * C + c];
		} else if (flat.kind[i] === KIND_CHANCE) {
			for (let k = first; k < end; k++) for (let c = 0; c < C; c++) held[base + c] += probability[k] * held[k * C + c];
		}
	}
	if (criterionIndex >= 0) return { value: held[criterionIndex], fallbacks };
	let score = 0;
	for (let c = 0; c < C; c++) score += flat.weights[c] * held[c];
	return { value: score, fallbacks };
}

/** A decision in words: "the first decision", or its state's label and the moves leading to it. */
export function describeDecision(scenario: Scenario, path: string, state: string, lang: Locale = 'en'): string {
	if (path === '') return m.xp_first_decision({}, { locale: lang });
	const label = scenario.states.find((s) => s.id === state)?.label ?? state;
	return m.xp_decision_after({ label, path: path.split('/').join(' → ') }, { locale: lang });
}

/** A move's label in its state, or its id. */
export function moveLabel(scenario: Scenario, state: string, move: string): string {
	return scenario.states.find((s) => s.id === state)?.moves.find((m) => m.id === move)?.label ?? move;
}

/** A policy change in words: `at <decision>: “from” → “to”`. */
export function describeChange(scenario: Scenario, change: { path: string; state: string; from: string; to: string }, lang: Locale = 'en'): string {
	const decision = describeDecision(scenario, change.path, change.state, lang);
	return m.xp_change({ decision, from: moveLabel(scenario, change.state, change.from), to: moveLabel(scenario, change.state, change.to) }, { locale: lang });
}
