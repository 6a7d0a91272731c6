import type { AnyMachineSnapshot } from 'xstate';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ScenarioContext, ScenarioModel } from '../machine/buildMachine.js';
import { createStepper } from '../machine/createStepper.js';
import { guardSignature } from '../machine/guardSignature.js';
import type { Issue } from '../scenario/Issue.js';
import type { Values } from '../scenario/resolveValues.js';
import type { DecisionTree, NodeKind, PayoffTerm, TreeNode } from './types.js';

export interface UnrollOptions {
	values: Values;
	/** The actor whose moves are decisions; defaults to the scenario's. */
	perspective?: string;
	maxNodes?: number;
	maxDepth?: number;
	/** The language of the issues; English by default. */
	lang?: Locale;
}

export interface UnrollResult {
	tree?: DecisionTree;
	issues: Issue[];
}

function terms(payoffs: Record<string, string>, of: PayoffTerm['of']): PayoffTerm[] {
	return Object.entries(payoffs).map(([criterion, formula]) => ({ criterion, formula, of }));
}

/** The scenario's context values in a snapshot of its machine; undefined when it has none. */
function contextOf(snapshot: AnyMachineSnapshot, hasContext: boolean): Readonly<Record<string, number>> | undefined {
	return hasContext ? (snapshot.context as ScenarioContext).vars : undefined;
}

/**
 * Enumerates every path of the scenario's machine with XState's own
 * transition logic (`snapshot.can`, then the machine's `transition`, which
 * runs `assign` actions and `always` transitions): decision nodes for the
 * perspective actor's moves, chance nodes for the others', terminal nodes
 * at final states; with a machine context, each node carries its context
 * values, so the tree unrolls over state and context together.
 * Breadth-first, bounded by the scenario's node and depth limits; past a
 * limit, at a state with no open move, or where an `assign` gives a value
 * that is not a finite number, it stops with a located issue. Pure.
 */
export function unrollTree(model: ScenarioModel, options: UnrollOptions): UnrollResult {
	const { scenario } = model;
	const perspective = options.perspective ?? scenario.perspective;
	const maxNodes = options.maxNodes ?? scenario.limits.maxNodes;
	const maxDepth = options.maxDepth ?? scenario.limits.maxDepth;
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	const locale = { locale: options.lang ?? 'en' };
	const after = (path: string) => (path ? m.val_after_path({ path }, locale) : m.val_after_start({}, locale));
	const locate = (state: string, message: string): Issue => {
		const at = scenario.sourceMap[`machine.states.${state}`] ?? { line: 1, column: 1 };
		return { severity: 'error', path: ['machine', 'states', state], line: at.line, column: at.column, message };
	};
	if (!scenario.actors.some((a) => a.id === perspective && a.kind === 'actor')) {
		const choices = scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id);
		return { issues: [{ severity: 'error', path: ['perspective'], line: 1, column: 1, message: m.val_unknown_perspective_actor({ id: perspective, actors: choices.join(', ') }, locale) }] };
	}

	const kindOf = (stateId: string): NodeKind => {
		const state = states.get(stateId);
		if (!state || state.final) return 'terminal';
		return state.actor === perspective ? 'decision' : 'chance';
	};
	const stepper = createStepper(model, options.values);
	const first = stepper.initial;
	const rootState = String(first.value);
	const hasContext = Object.keys(scenario.context).length > 0;
	const counter = hasContext ? m.val_rounds_counter({}, locale) : '';
	const nodes: TreeNode[] = [
		{ index: 0, parent: -1, depth: 0, kind: kindOf(rootState), state: rootState, actor: states.get(rootState)?.actor, path: '', payoffs: terms(states.get(rootState)?.payoffs ?? {}, 'state'), children: [], ...(hasContext ? { context: contextOf(first, true) } : {}) }
	];
	const snapshots: AnyMachineSnapshot[] = [first];

	for (let i = 0; i < nodes.length; i++) {
		const node = nodes[i];
		const snapshot = snapshots[i];
		snapshots[i] = undefined as unknown as AnyMachineSnapshot; // release as we go
		if (node.kind === 'terminal') continue;
		const state = states.get(node.state);
		if (!state) throw new Error(`unrollTree: machine entered undeclared state "${node.state}"`);
		for (const move of state.moves) {
			const event = { type: move.id };
			if (!snapshot.can(event)) continue;
			const next = stepper.step(snapshot, event);
			const target = String(next.value);
			if (node.depth + 1 > maxDepth) {
				return { issues: [locate(node.state, m.val_tree_too_deep({ depth: maxDepth, path: node.path || m.val_tree_root({}, locale), counter }, locale))] };
			}
			if (nodes.length >= maxNodes) {
				return { issues: [locate(node.state, m.val_tree_too_many_nodes({ max: maxNodes, counter }, locale))] };
			}
			const child: TreeNode = {
				index: nodes.length,
				parent: i,
				depth: node.depth + 1,
				kind: kindOf(target),
				state: target,
				actor: states.get(target)?.actor,
				move: move.id,
				path: node.path === '' ? move.id : `${node.path}/${move.id}`,
				probability: move.probability,
				payoffs: [...terms(move.payoffs, 'move'), ...terms(states.get(target)?.payoffs ?? {}, 'state')],
				children: []
			};
			const context = contextOf(next, hasContext);
			if (context) {
				const bad = move.assign.find((a) => !Number.isFinite(context[a.id]));
				if (bad) {
					const at = scenario.sourceMap[bad.at.join('.')] ?? { line: 1, column: 1 };
					const before = Object.entries(node.context ?? {}).map(([k, v]) => `${k} = ${v}`).join(', ');
					return { issues: [{ severity: 'error', path: bad.at, line: at.line, column: at.column, message: m.val_assign_not_finite({ move: move.id, id: bad.id, formula: bad.formula, value: context[bad.id], after: after(node.path), context: before }, locale) }] };
				}
				child.context = context;
			}
			if (child.kind === 'terminal') child.actor = undefined;
			node.children.push(child.index);
			nodes.push(child);
			snapshots.push(next);
		}
		if (node.children.length === 0) {
			return { issues: [locate(node.state, m.val_no_open_move({ state: node.state, after: after(node.path) }, locale))] };
		}
	}
	return { tree: { nodes, perspective, guardSignature: guardSignature(model, options.values) }, issues: [] };
}
