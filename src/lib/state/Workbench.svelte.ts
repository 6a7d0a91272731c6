import { m } from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import { untrack } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import {
	buildMachine,
	checkOverrides,
	coerceValue,
	compileTree,
	evaluate,
	evaluationIssues,
	formulaValue,
	guardSignature,
	resolveValues,
	unrollTree,
	unknownCriterion,
	situationAt,
	drawMove,
	resolvePlay,
	moveRule,
	type ActorPlay,
	type PlayOverrides,
	type AssumptionValue,
	type Issue,
	type OpenMove,
	type Scenario,
	type ScenarioModel
} from '../core/index.js';
import { DEFAULT_METRICS, layoutLabelledTree, type LabelledLayout, type TreeMetrics } from '../core/layout/layoutLabelledTree.js';
import { EMPTY_WHAT_IF, type WhatIf } from './permalink.js';

type Overrides = Record<string, AssumptionValue>;

/** A move available at the walk's current state, with its current probability. */
export type WalkOption = OpenMove;

/**
 * The workbench's one live model: the user's what-if (assumption overrides,
 * perspective, criterion, walk) and everything derived from it through the
 * core pipeline. Derivations are staged so a change re-runs only what it
 * invalidates: the tree is re-unrolled only when a guard's truth value or
 * the perspective changes; otherwise an assumption change re-evaluates the
 * flat tree.
 */
export class Workbench {
	/** The scenario and its machine: replaced together, by `replaceScenario` only. */
	#scenario: Scenario;
	#model: ScenarioModel;
	get scenario(): Scenario {
		return this.#scenario;
	}
	get model(): ScenarioModel {
		return this.#model;
	}

	overrides = $state<Overrides>({});
	perspective = $state<string>('');
	/** How some actors play instead of as the scenario says: actor id → play (always valid, see `setPlay`). */
	play = $state<PlayOverrides>({});
	criterion = $state<string | undefined>(undefined);
	/** Assumption id → message for an entry that was refused; the value stays as it was. */
	inputErrors = $state<Record<string, string>>({});
	/** Path of the node shown in the inspector. */
	selected = $state<string>('');
	/** Levels shown below the root; deeper nodes are folded unless opened. "Fit" sets it to what the screen can show readably. */
	foldDepth = $state(2);
	/** Nodes folded by hand, and nodes below `foldDepth` opened by hand. */
	collapsed = new SvelteSet<string>();
	opened = new SvelteSet<string>();
	/** How the tree's text is measured: estimated until the browser can measure it. */
	metrics = $state<TreeMetrics>(DEFAULT_METRICS);
	search = $state('');
	walk = $state<string[]>([]);
	/** How many moves of `walk` are applied (stepping back keeps the later ones for "forward"). */
	walkCursor = $state(0);
	seed = $state(1);
	notices = $state<string[]>([]);

	#undo = $state<Overrides[]>([]);
	#redo = $state<Overrides[]>([]);

	values: Record<string, number>;
	signature: string;
	unrolled: ReturnType<typeof unrollTree>;
	flat: ReturnType<typeof compileTree> | undefined;
	evaluation: ReturnType<typeof evaluate> | undefined;
	layout: LabelledLayout | undefined;
	/** Path → node index in the current tree. */
	indexByPath: Map<string, number>;
	/** What makes the current evaluation unusable, located: limits, closed states, non-finite formulas, probability sums. */
	issues: Issue[];

	constructor(scenario: Scenario, start: WhatIf = EMPTY_WHAT_IF) {
		this.#scenario = $state.raw(scenario);
		this.#model = $state.raw(buildMachine(scenario));
		this.values = $derived(resolveValues(this.scenario, this.model.book, this.overrides));
		this.signature = $derived(guardSignature(this.model, this.values));
		this.unrolled = $derived.by(() => {
			// Depends on structure only: the machine, the guard signature and the perspective.
			void this.model;
			void this.signature;
			const perspective = this.perspective;
			return untrack(() => unrollTree(this.model, { values: this.values, perspective, lang: getLocale() }));
		});
		this.flat = $derived(this.unrolled.tree ? compileTree(this.unrolled.tree, this.model, { play: this.play }) : undefined);
		this.evaluation = $derived(this.flat ? evaluate(this.flat, { values: this.values, criterion: this.criterion }) : undefined);
		this.layout = $derived(this.flat ? this.layoutWith({ folded: (path, depth) => this.isFolded(path, depth) }) : undefined);
		this.issues = $derived(
			this.flat && this.evaluation ? [...this.unrolled.issues, ...evaluationIssues(this.model, this.flat, this.evaluation, this.values, getLocale())] : this.unrolled.issues
		);
		this.indexByPath = $derived(new Map(this.unrolled.tree?.nodes.map((n) => [n.path, n.index]) ?? []));
		this.perspective = start.perspective && scenario.actors.some((a) => a.id === start.perspective && a.kind === 'actor') ? start.perspective : scenario.perspective;
		if (start.perspective && start.perspective !== this.perspective) this.notices.push(m.wb_notice_perspective({ perspective: start.perspective, shown: this.perspective }));
		if (start.criterion && !scenario.criteria.some((c) => c.id === start.criterion)) {
			this.notices.push(m.wb_notice_criterion({ problem: unknownCriterion(start.criterion, scenario.criteria.map((c) => c.id), getLocale()) }));
		} else this.criterion = start.criterion;
		for (const [id, play] of Object.entries(start.play ?? {})) {
			const problem = this.setPlay(id, play);
			if (problem) this.notices.push(m.wb_notice_play({ id, problem }));
		}
		this.overrides = { ...start.overrides };
		this.seed = start.seed;
		this.walk = [...start.walk];
		this.walkCursor = start.walk.length;
	}

	/**
	 * The same workbench over an edited version of its scenario (the
	 * editor's live view): the tree is drawn again from it, and what still
	 * applies is kept — values set for assumptions it still has, the
	 * criterion, how actors play, folds and the selection — so the view does
	 * not jump while the author types.
	 */
	replaceScenario(next: Scenario): void {
		const followed = this.perspective === this.#scenario.perspective;
		const plays = this.play;
		this.#scenario = next;
		this.#model = buildMachine(next);
		if (followed || !next.actors.some((a) => a.id === this.perspective && a.kind === 'actor')) this.perspective = next.perspective;
		if (this.criterion !== undefined && !next.criteria.some((c) => c.id === this.criterion)) this.criterion = undefined;
		// Values and plays are checked again, as the constructor checks them: the edit may have changed a range or an actor.
		// Each is written only when there is something, as every write redraws what reads it.
		if (Object.keys(this.overrides).length > 0) this.overrides = checkOverrides(next, Object.fromEntries(Object.entries(this.overrides).map(([id, v]) => [id, String(v)])), getLocale()).overrides;
		if (Object.keys(plays).length > 0) {
			this.play = {};
			for (const [id, play] of Object.entries(plays)) this.setPlay(id, play);
		}
		if (Object.keys(this.inputErrors).length > 0) this.inputErrors = {};
		if (this.#undo.length > 0 || this.#redo.length > 0) {
			this.#undo = [];
			this.#redo = [];
		}
	}

	/** Applies overrides read from a link or autosave, keeping the valid ones and noting the rest. */
	applyRaw(raw: Record<string, string>): void {
		const { overrides, problems } = checkOverrides(this.scenario, raw, getLocale());
		this.overrides = { ...this.overrides, ...overrides };
		for (const p of problems) this.notices.push(m.wb_notice_value({ id: p.id, problem: p.message }));
	}

	/**
	 * Sets how an actor plays (its default when it is the scenario's);
	 * returns why a play is refused (no preferences, no rationality, nature).
	 */
	setPlay(id: string, play: ActorPlay): string | undefined {
		const actor = this.scenario.actors.find((a) => a.id === id);
		const next = { ...this.play };
		if (actor && play === actor.play) delete next[id];
		else next[id] = play;
		const problem = resolvePlay(this.scenario, next, getLocale()).problems[0];
		if (problem) return problem;
		this.play = next;
		return undefined;
	}

	whatIf(): WhatIf {
		return { overrides: this.overrides, perspective: this.perspective === this.scenario.perspective ? undefined : this.perspective, ...(Object.keys(this.play).length > 0 ? { play: { ...this.play } } : {}), criterion: this.criterion, walk: this.walk.slice(0, this.walkCursor), seed: this.seed };
	}

	#lastEdit: string | undefined;

	/**
	 * Sets an assumption from a control; a refused entry leaves the value and
	 * reports why. With `coalesce`, successive edits of the same assumption
	 * (a slider drag) make one undo step until `endEdit`.
	 */
	setAssumption(id: string, raw: unknown, options: { coalesce?: boolean } = {}): boolean {
		const assumption = this.scenario.assumptions.find((a) => a.id === id);
		if (!assumption) return false;
		const coerced = coerceValue(assumption, raw, getLocale());
		if (!coerced.ok) {
			this.inputErrors = { ...this.inputErrors, [id]: coerced.message };
			return false;
		}
		this.clearInputError(id);
		if (coerced.value === (this.overrides[id] ?? assumption.default)) return true;
		const next = { ...this.overrides };
		if (coerced.value === assumption.default) delete next[id];
		else next[id] = coerced.value;
		if (options.coalesce && this.#lastEdit === id) this.overrides = next;
		else this.#commit(next);
		this.#lastEdit = options.coalesce ? id : undefined;
		return true;
	}

	/** Ends a coalesced edit (the slider was released). */
	endEdit(): void {
		this.#lastEdit = undefined;
	}

	/** Drops a pending refusal message, e.g. when the user starts typing again. */
	clearInputError(id: string): void {
		if (!(id in this.inputErrors)) return;
		const { [id]: _, ...rest } = this.inputErrors;
		this.inputErrors = rest;
	}

	resetAssumption(id: string): void {
		if (!(id in this.overrides)) return;
		const { [id]: _, ...rest } = this.overrides;
		this.#commit(rest);
	}

	applyPreset(id: string | undefined): void {
		const preset = this.scenario.presets.find((p) => p.id === id);
		this.#commit(preset ? { ...preset.values } : {});
	}

	#commit(next: Overrides): void {
		this.#lastEdit = undefined;
		this.#undo = [...this.#undo, this.overrides];
		this.#redo = [];
		this.overrides = next;
	}

	get canUndo(): boolean {
		return this.#undo.length > 0;
	}
	get canRedo(): boolean {
		return this.#redo.length > 0;
	}
	undo(): void {
		const previous = this.#undo.at(-1);
		if (!previous) return;
		this.#redo = [...this.#redo, this.overrides];
		this.#undo = this.#undo.slice(0, -1);
		this.overrides = previous;
	}
	redo(): void {
		const next = this.#redo.at(-1);
		if (!next) return;
		this.#undo = [...this.#undo, this.overrides];
		this.#redo = this.#redo.slice(0, -1);
		this.overrides = next;
	}

	/** The tree laid out with its labels, folded by `folded` (node path and depth) or below `maxDepth`. */
	layoutWith(options: { folded?: (path: string, depth: number) => boolean; maxDepth?: number; metrics?: TreeMetrics }): LabelledLayout | undefined {
		const flat = this.flat;
		if (!flat) return undefined;
		const nodes = flat.tree.nodes;
		const states = new Map(this.scenario.states.map((s) => [s.id, s]));
		const folded = options.folded;
		return layoutLabelledTree(flat, {
			maxDepth: options.maxDepth,
			folded: folded && ((i, depth) => folded(nodes[i].path, depth)),
			branchLabel: (i) => {
				const move = nodes[i].move;
				return states.get(nodes[nodes[i].parent]?.state)?.moves.find((m) => m.id === move)?.label ?? move ?? '';
			},
			leafLabel: (i, hidden) => (hidden > 0 ? m.tree_more_moves({ count: hidden }) : (states.get(nodes[i].state)?.label ?? nodes[i].state)),
			metrics: options.metrics ?? this.metrics
		});
	}

	isFolded(path: string, depth: number): boolean {
		return this.collapsed.has(path) || (depth >= this.foldDepth && !this.opened.has(path));
	}
	toggle(path: string): void {
		const depth = path === '' ? 0 : path.split('/').length;
		if (this.isFolded(path, depth)) {
			this.collapsed.delete(path);
			if (depth >= this.foldDepth) this.opened.add(path);
		} else {
			this.opened.delete(path);
			this.collapsed.add(path);
		}
	}
	/** Shows this many levels, folding the rest, and forgets what was opened or folded by hand. */
	foldTo(levels: number): void {
		this.collapsed.clear();
		this.opened.clear();
		this.foldDepth = levels;
	}
	expandAll(): void {
		this.foldTo(Infinity);
	}
	/** Opens every folded ancestor of a node so it can be seen. */
	reveal(path: string): void {
		const parts = path === '' ? [] : path.split('/');
		for (let k = 0; k < parts.length; k++) {
			const ancestor = k === 0 ? '' : parts.slice(0, k).join('/');
			this.collapsed.delete(ancestor);
			if (k >= this.foldDepth) this.opened.add(ancestor);
		}
	}

	/** Paths whose state or move label contains the search text. */
	matches = $derived.by(() => {
		const q = this.search.trim().toLowerCase();
		if (q === '' || !this.unrolled.tree) return [] as string[];
		const states = new Map(this.scenario.states.map((s) => [s.id, s]));
		const moveLabels = new Map(this.scenario.states.flatMap((s) => s.moves.map((m) => [`${s.id}:${m.id}`, m.label])));
		const nodes = this.unrolled.tree.nodes;
		return nodes
			.filter((n) => {
				const parent = n.parent >= 0 ? nodes[n.parent].state : '';
				const text = `${states.get(n.state)?.label ?? ''} ${moveLabels.get(`${parent}:${n.move}`) ?? ''} ${n.state} ${n.move ?? ''}`.toLowerCase();
				return text.includes(q);
			})
			.map((n) => n.path);
	});

	// The what-if walk replays the real XState machine from the initial state. A
	// move the machine refuses (a link's typo, or a guard closed by an
	// assumption change) stops the replay there; the walk itself is kept, so
	// reopening the guard resumes it.
	walkReplay = $derived.by(() => situationAt(this.model, { values: this.values, perspective: this.perspective, walk: this.walk.slice(0, this.walkCursor) }));
	walkSnapshot = $derived(this.walkReplay.snapshot);
	walkPath = $derived(this.walk.slice(0, this.walkReplay.applied).join('/'));
	// Where another actor chooses for itself, its moves are taken with the shares the evaluation gives them.
	walkOptions = $derived.by<WalkOption[]>(() => {
		const moves = this.walkReplay.moves;
		const at = this.indexByPath.get(this.walkPath);
		const { flat, evaluation } = this;
		if (at === undefined || !flat || !evaluation) return moves;
		const rule = moveRule(flat, at);
		if (rule !== 'strategic' && rule !== 'bounded') return moves;
		return moves.map((option) => {
			const child = this.indexByPath.get(this.walkPath === '' ? option.move.id : `${this.walkPath}/${option.move.id}`);
			return child === undefined ? option : { ...option, probability: evaluation.probability[child] };
		});
	});

	step(move: string): void {
		this.walk = [...this.walk.slice(0, this.walkReplay.applied), move];
		this.walkCursor = this.walk.length;
		this.selected = this.walkPath;
		this.reveal(this.walkPath);
	}
	back(): void {
		this.walkCursor = Math.max(0, Math.min(this.walkCursor, this.walkReplay.applied) - 1);
		this.selected = this.walkPath;
	}
	forward(): void {
		if (this.walkCursor < this.walk.length) this.walkCursor++;
		this.selected = this.walkPath;
	}
	restartWalk(): void {
		this.walk = [];
		this.walkCursor = 0;
		this.selected = '';
	}
	/** Draws a chance move with the seeded generator: the same seed and step give the same draw. */
	draw(): void {
		const options = this.walkOptions;
		if (options.length === 0 || options.some((o) => o.probability === undefined)) return;
		const { chosen } = drawMove(options.map((o) => o.probability as number), { seed: this.seed, index: this.walkReplay.applied });
		this.step(options[chosen].move.id);
	}
}
