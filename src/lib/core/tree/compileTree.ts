import type { CompiledFormula } from '../formula/compileFormula.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import type { Scenario } from '../scenario/types.js';
import { resolvePlay, type PlayOverrides } from './actorPlay.js';
import type { DecisionTree } from './types.js';

export const KIND_DECISION = 0;
export const KIND_CHANCE = 1;
export const KIND_TERMINAL = 2;

/**
 * A decision tree as flat typed arrays, nodes in breadth-first order, with
 * formula slots in place of numbers: an assumption change re-evaluates the
 * formulas once and then folds over the arrays, without touching objects.
 */
export interface FlatTree {
	readonly size: number;
	/** Number of criteria, C; per-criterion arrays are node-major (`i * C + c`). */
	readonly criteria: number;
	readonly criterionIds: readonly string[];
	readonly actorIds: readonly string[];
	readonly kind: Uint8Array;
	readonly parent: Int32Array;
	readonly childStart: Int32Array;
	readonly childCount: Int32Array;
	/**
	 * The edge into each node: a distinct (state, move, target) of the
	 * machine. Many nodes share an edge, so its probability and payoffs are
	 * evaluated once per edge, not once per node.
	 */
	readonly edge: Int32Array;
	/** Slot of each edge's probability formula; -1 when equal among siblings. */
	readonly edgeProbabilitySlot: Int32Array;
	/** Payoff terms per edge in compressed rows: terms of edge e are `payoffStart[e] .. payoffStart[e+1]`. */
	readonly payoffStart: Int32Array;
	readonly payoffSlot: Int32Array;
	readonly payoffCriterion: Int32Array;
	/** Index into actorIds of who moves at each node; -1 at terminals. */
	readonly actor: Int32Array;
	/** The perspective's weight per criterion, signed by direction (+ for max, − for min). */
	readonly weights: Float64Array;
	/** Every actor's signed weights, actor-major (`a * C + c`). */
	readonly actorWeights: Float64Array;
	/**
	 * 1 where an actor has a score of its own: it states preferences, or it
	 * is the scenario's or this tree's perspective (whose weights are the
	 * criteria's by design). 0 for nature and for actors without
	 * preferences, whose "score" would only repeat the perspective's.
	 */
	readonly actorScored: Uint8Array;
	/**
	 * How each actor's moves are taken where it is not the perspective
	 * (actor order): PLAY_CHANCE, PLAY_STRATEGIC or PLAY_BOUNDED.
	 */
	readonly actorPlay: Uint8Array;
	/** Slot of each actor's rationality λ formula; -1 where it has none. */
	readonly actorRationalitySlot: Int32Array;
	/** Slot of the perspective's risk tolerance R; -1 when the scenario is risk-neutral. */
	readonly riskToleranceSlot: number;
	/** Signs of the criteria: +1 for max, −1 for min. */
	readonly signs: Float64Array;
	/** The scenario's formulas: slot s < formulas.length is `formulas[s]` evaluated at the assumption values. */
	readonly formulas: readonly CompiledFormula[];
	/**
	 * Slots past the formulas': a formula that reads the machine's context,
	 * at one context met on the tree (slot `formulas.length + k`), with the
	 * first node that uses it. Empty when the scenario has no context.
	 */
	readonly contextual: readonly ContextualSlot[];
	/** 1 for each formula that reads the machine's context: its own slot has no meaning, only its contextual ones. */
	readonly readsContext: Uint8Array;
	readonly tree: DecisionTree;
}

export interface ContextualSlot {
	/** Index into `formulas`. */
	formula: number;
	context: Readonly<Record<string, number>>;
	node: number;
}

/** The formula behind a slot: its own, or the one a contextual slot evaluates. */
export function formulaOfSlot(flat: FlatTree, slot: number): number {
	return slot < flat.formulas.length ? slot : flat.contextual[slot - flat.formulas.length].formula;
}

/** Every actor's weights over the criteria, signed by each criterion's direction. */
export function signedWeights(scenario: Scenario): { actorIds: string[]; weights: Float64Array; signs: Float64Array } {
	const C = scenario.criteria.length;
	const signs = Float64Array.from(scenario.criteria, (c) => (c.direction === 'max' ? 1 : -1));
	const weights = new Float64Array(scenario.actors.length * C);
	scenario.actors.forEach((actor, a) => {
		scenario.criteria.forEach((criterion, c) => {
			const w = actor.preferences ? (actor.preferences[criterion.id] ?? 0) : criterion.weight;
			weights[a * C + c] = w * signs[c];
		});
	});
	return { actorIds: scenario.actors.map((a) => a.id), weights, signs };
}

/**
 * Lays the tree out in typed arrays and resolves formula text to slots;
 * `play` changes how some actors play (a what-if), and must be valid
 * (`resolvePlay`). Pure.
 */
export function compileTree(tree: DecisionTree, model: ScenarioModel, options: { play?: PlayOverrides } = {}): FlatTree {
	const { scenario, book } = model;
	const N = tree.nodes.length;
	const C = scenario.criteria.length;
	const criterionIndex = new Map(scenario.criteria.map((c, i) => [c.id, i]));
	const { actorIds, weights: actorWeights, signs } = signedWeights(scenario);
	const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
	const perspective = actorIndex.get(tree.perspective);
	if (perspective === undefined) throw new Error(`compileTree: unknown perspective "${tree.perspective}"`);
	const { play: actorPlay, problems } = resolvePlay(scenario, options.play);
	if (problems.length > 0) throw new Error(`compileTree: ${problems.join(' ')}`);

	const kind = new Uint8Array(N);
	const parent = new Int32Array(N);
	const childStart = new Int32Array(N);
	const childCount = new Int32Array(N);
	const edge = new Int32Array(N);
	const actor = new Int32Array(N);
	const edgeIndex = new Map<string, number>();
	const edgeNodes: number[] = [];
	const slot = (formula: string) => {
		const s = book.slotOf.get(formula);
		if (s === undefined) throw new Error(`compileTree: formula "${formula}" was not compiled`);
		return s;
	};
	const B = book.formulas.length;
	const { readsContext } = book;
	const contextual: ContextualSlot[] = [];
	const contextualIndex = new Map<string, number>();
	const contextKey = (context: Readonly<Record<string, number>> | undefined) => (context === undefined ? '' : Object.values(context).join(','));
	/** The slot of a formula on the tree at a node whose context it reads. */
	const slotAt = (formula: string, node: number) => {
		const s = slot(formula);
		if (!readsContext[s]) return s;
		const context = tree.nodes[node].context as Readonly<Record<string, number>>;
		const key = `${s}|${contextKey(context)}`;
		let k = contextualIndex.get(key);
		if (k === undefined) {
			k = contextual.length;
			contextualIndex.set(key, k);
			contextual.push({ formula: s, context, node });
		}
		return B + k;
	};

	for (let i = 0; i < N; i++) {
		const node = tree.nodes[i];
		kind[i] = node.kind === 'decision' ? KIND_DECISION : node.kind === 'chance' ? KIND_CHANCE : KIND_TERMINAL;
		parent[i] = node.parent;
		childCount[i] = node.children.length;
		childStart[i] = node.children.length > 0 ? node.children[0] : -1;
		for (let k = 1; k < node.children.length; k++) {
			if (node.children[k] !== node.children[0] + k) throw new Error('compileTree: children are not contiguous');
		}
		actor[i] = node.actor === undefined ? -1 : (actorIndex.get(node.actor) ?? -1);
		const from = node.parent >= 0 ? tree.nodes[node.parent] : undefined;
		const key = `${from?.state ?? ''}|${node.move ?? ''}|${node.state}|${contextKey(from?.context)}|${contextKey(node.context)}`;
		let e = edgeIndex.get(key);
		if (e === undefined) {
			e = edgeNodes.length;
			edgeIndex.set(key, e);
			edgeNodes.push(i);
		}
		edge[i] = e;
	}

	const E = edgeNodes.length;
	const edgeProbabilitySlot = new Int32Array(E);
	const payoffStart = new Int32Array(E + 1);
	const termCount = edgeNodes.reduce((sum, i) => sum + tree.nodes[i].payoffs.length, 0);
	const payoffSlot = new Int32Array(termCount);
	const payoffCriterion = new Int32Array(termCount);
	let term = 0;
	edgeNodes.forEach((i, e) => {
		const node = tree.nodes[i];
		// A move's formulas read the context it leaves; a state's payoffs, the context it is entered with.
		edgeProbabilitySlot[e] = node.probability === undefined ? -1 : slotAt(node.probability, node.parent);
		payoffStart[e] = term;
		for (const p of node.payoffs) {
			payoffSlot[term] = slotAt(p.formula, p.of === 'move' ? node.parent : i);
			payoffCriterion[term] = criterionIndex.get(p.criterion) as number;
			term++;
		}
	});
	payoffStart[E] = term;
	return {
		size: N,
		criteria: C,
		criterionIds: scenario.criteria.map((c) => c.id),
		actorIds,
		kind,
		parent,
		childStart,
		childCount,
		edge,
		edgeProbabilitySlot,
		payoffStart,
		payoffSlot,
		payoffCriterion,
		actor,
		weights: actorWeights.slice(perspective * C, perspective * C + C),
		actorWeights,
		actorScored: Uint8Array.from(scenario.actors, (a) => (a.preferences !== undefined || a.id === scenario.perspective || a.id === tree.perspective ? 1 : 0)),
		actorPlay,
		riskToleranceSlot: scenario.risk ? slot(scenario.risk.tolerance) : -1,
		actorRationalitySlot: Int32Array.from(scenario.actors, (a) => (a.rationality === undefined ? -1 : slot(a.rationality))),
		signs,
		formulas: book.formulas,
		contextual,
		readsContext,
		tree
	};
}
