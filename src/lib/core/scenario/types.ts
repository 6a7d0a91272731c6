import type { DocPath } from './Issue.js';

/** The validated, plain-data form of a scenario file: serialisable, no functions. */

export interface Source {
	id: string;
	file: string;
	title: string;
	publisher: string;
	author?: string;
	date?: string;
	url?: string;
	language?: string;
}

export interface Actor {
	id: string;
	name: string;
	/** `nature` moves are never decisions. */
	kind: 'actor' | 'nature';
	description?: string;
	citations: string[];
	/** Criterion id → weight in this actor's own score; defaults to the criteria weights. */
	preferences?: Record<string, number>;
	/**
	 * How the actor's moves are taken when it is not the perspective:
	 * `chance` by the moves' probabilities; `strategic` the move best for it
	 * by its preferences, looking ahead (backward induction); `bounded` each
	 * move with probability ∝ exp(λ × its value to the actor), λ being
	 * `rationality` (logit quantal response).
	 */
	play: ActorPlay;
	/** Formula for λ ≥ 0 of `bounded` play. */
	rationality?: string;
}

export const ACTOR_PLAYS = ['chance', 'strategic', 'bounded'] as const;
export type ActorPlay = (typeof ACTOR_PLAYS)[number];

export type Distribution =
	| { type: 'beta'; alpha: number; beta: number }
	| { type: 'triangular'; min: number; mode: number; max: number }
	| { type: 'uniform'; min: number; max: number }
	| { type: 'normal'; mean: number; sd: number }
	| { type: 'discrete'; values: number[]; weights: number[] };

export interface ChoiceOption {
	id: string;
	label: string;
	value: number;
}

export type AssumptionKind = 'probability' | 'number' | 'boolean' | 'choice';

/** What a user may set an assumption to: a number, a boolean, or a choice option id. */
export type AssumptionValue = number | boolean | string;

export interface Assumption {
	id: string;
	label: string;
	kind: AssumptionKind;
	default: AssumptionValue;
	/** Numeric kinds: the range the UI offers and analyses sweep. */
	min?: number;
	max?: number;
	step?: number;
	unit?: string;
	options?: ChoiceOption[];
	distribution?: Distribution;
	description?: string;
	citations: string[];
	/** The value is analyst judgment rather than a figure from a source. */
	judgment: boolean;
}

export interface Derived {
	id: string;
	label: string;
	formula: string;
	unit?: string;
	description?: string;
	citations: string[];
}

/**
 * Evidence declared by its prior and likelihoods — a test, an intelligence
 * report, a debris analysis — from which the engine computes the chance of
 * each result and the posteriors after it (see `signalValues`).
 */
export interface Signal {
	id: string;
	label: string;
	description?: string;
	citations: string[];
	/** What may be true, each with its prior chance (a formula). */
	states: { id: string; prior: string; at: DocPath }[];
	/** What the signal may show: each result with its chance under each state (formulas). */
	results: { id: string; likelihood: Record<string, { formula: string; at: DocPath }> }[];
	/** Where the signal is declared. */
	at: DocPath;
}

export interface Criterion {
	id: string;
	label: string;
	direction: 'max' | 'min';
	unit?: string;
	weight: number;
	description?: string;
	judgment: boolean;
}

export interface Citation {
	id: string;
	source: string;
	excerpt: string;
	gloss: string;
	offset?: number;
}

export interface Preset {
	id: string;
	label: string;
	description?: string;
	values: Record<string, AssumptionValue>;
}

/**
 * A development a workshop's facilitator can push to the room: news, an
 * intelligence report, a statement. `state` names where it fits best.
 */
export interface Inject {
	id: string;
	title: string;
	text: string;
	state?: string;
	citations: string[];
}

export interface Move {
	/** The XState event type. */
	id: string;
	target: string;
	label: string;
	description?: string;
	/** Formula; used when the state is a chance node. */
	probability?: string;
	/** Criterion id → formula. */
	payoffs: Record<string, string>;
	/** Formula that must be non-zero for the move to be open. */
	guard?: string;
	/**
	 * XState `assign` actions of the move: machine context values set by
	 * formulas, each reading the context as it was before the move.
	 */
	assign: Assignment[];
	citations: string[];
}

/** One context value a move sets (`actions: { type: assign, params: { id: formula } }`). */
export interface Assignment {
	id: string;
	formula: string;
	/** Where the formula is written. */
	at: DocPath;
}

/**
 * An eventless (`always`) transition: the machine leaves the state at once
 * for `target` when the guard is open, so the state is passed through, not
 * a node of the tree. With a context it expresses a horizon exactly.
 */
export interface Always {
	target: string;
	guard?: string;
	/** Where the transition is written. */
	at: DocPath;
}

export interface State {
	id: string;
	final: boolean;
	actor?: string;
	label: string;
	description?: string;
	/** Criterion id → formula, incurred on entering the state. */
	payoffs: Record<string, string>;
	maxVisits?: number;
	citations: string[];
	moves: Move[];
	/** Eventless transitions, tried in order on entering the state. */
	always: Always[];
}

/** One side of the Richardson arms-race model; every field but actor and label is a formula over assumptions. */
export interface SpiralSide {
	actor: string;
	label: string;
	start: string;
	/** Reaction to the other side's level (k for x, l for y). */
	reaction: string;
	/** Restraint on one's own level (a for x, b for y). */
	restraint: string;
	grievance: string;
}

/** The deterrence-spiral model; its outputs are values formulas can read (SPIRAL_OUTPUTS). */
export interface Spiral {
	label: string;
	description?: string;
	x: SpiralSide;
	y: SpiralSide;
	horizon: number;
	citations: string[];
}

export interface Limits {
	maxNodes: number;
	maxDepth: number;
}

/** Where an element sits in the file, for messages raised after parsing. */
export type SourceMap = Record<string, { line: number; column: number }>;

export interface Scenario {
	id: string;
	/** The languages its texts are written in; the first is its own, the language of plain strings. */
	languages: string[];
	/** The language its texts were read in (`parseScenario`'s lang where the scenario has it). */
	language: string;
	title: string;
	description: string;
	asOf: string;
	perspective: string;
	sources: Source[];
	actors: Actor[];
	assumptions: Assumption[];
	derived: Derived[];
	/** Declared evidence; its priors, chances and posteriors are values formulas read. */
	signals: Signal[];
	criteria: Criterion[];
	citations: Citation[];
	presets: Preset[];
	/** Developments a workshop's facilitator can push, each cited. */
	injects: Inject[];
	spiral?: Spiral;
	/**
	 * The perspective's attitude to risk: decisions maximise the expected
	 * exponential utility u(x) = 1 − exp(−x / R) of the objective, R being
	 * the risk tolerance (a formula, ≠ 0; > 0 is risk-averse), and values
	 * are also given as certainty equivalents. Absent: risk-neutral.
	 */
	risk?: { tolerance: string; description?: string };
	limits: Limits;
	initial: string;
	/**
	 * The machine's `context` as written: numbers the machine carries from
	 * move to move (a round counter, an escalation level, a flag), set by
	 * moves' `assign` actions and read by the machine's formulas. Empty when
	 * the machine declares none.
	 */
	context: Readonly<Record<string, number>>;
	/** In document order. */
	states: State[];
	/** The `machine:` section exactly as written: XState v5 JSON. */
	machineConfig: Record<string, unknown>;
	/**
	 * Keys such as `machine.states.treaty.on.VETO`, `assumptions.p_veto` and,
	 * for each formula, `derived.<id>` or its dotted path
	 * (`machine.states.treaty.on.VETO.meta.probability`) → position in the file.
	 */
	sourceMap: SourceMap;
}
