import { assign, setup, type AnyStateMachine } from 'xstate';
import { compileFormulaBook, formulaValue, type FormulaBook } from '../scenario/formulaBook.js';
import type { Values } from '../scenario/resolveValues.js';
import type { Scenario } from '../scenario/types.js';

/**
 * The machine's context: the values formulas read, visits to bounded
 * states on this path, and the scenario's own context values (`vars`: a
 * round counter, an escalation level), which moves set with `assign`.
 */
export interface ScenarioContext {
	values: Values;
	visits: Readonly<Record<string, number>>;
	vars: Readonly<Record<string, number>>;
}

/**
 * What the machine's formulas read in this context: the values, and the
 * scenario's context values on top (their ids never clash). No copy when
 * the scenario has no context.
 */
export function scopeOf(values: Values, vars: Readonly<Record<string, number>>): Values {
	return Object.keys(vars).length === 0 ? values : Object.assign(Object.create(values) as Record<string, number>, vars);
}

export interface ScenarioInput {
	values: Values;
}

/** A scenario made executable: its formulas compiled and its XState machine. */
export interface ScenarioModel {
	readonly scenario: Scenario;
	readonly book: FormulaBook;
	readonly machine: AnyStateMachine;
	/** The config given to `createMachine`: XState v5 JSON. */
	readonly config: Record<string, unknown>;
}

interface GuardParams {
	expr?: string;
	/** A bounded target state and how often one path may enter it. */
	state?: string;
	maxVisits?: number;
}

/**
 * The XState v5 config for a scenario: the `machine:` section as written,
 * with each guard that leads into a `maxVisits` state also checking the
 * visit count (guard `bounded`) and such states counting their entries.
 * Plain JSON, readable by XState tooling. Pure.
 */
export function machineConfig(scenario: Scenario): Record<string, unknown> {
	const bounded = new Map(scenario.states.filter((s) => s.maxVisits !== undefined).map((s) => [s.id, s.maxVisits as number]));
	const raw = scenario.machineConfig as { states: Record<string, Record<string, unknown>> };
	/** The guard of a transition into `target`: its formula, and the visit count where the target is bounded. */
	const guardInto = (target: string, expr: string | undefined) => {
		const max = bounded.get(target);
		if (max !== undefined) return { type: 'bounded', params: { expr, state: target, maxVisits: max } };
		return expr !== undefined ? { type: 'formula', params: { expr } } : undefined;
	};
	const states = Object.fromEntries(
		scenario.states.map((state) => {
			const written = raw.states[state.id];
			const on = Object.fromEntries(
				state.moves.map((move) => {
					const original = (written.on as Record<string, unknown> | undefined)?.[move.id];
					const transition = typeof original === 'string' ? { target: original } : { ...(original as object) };
					const max = bounded.get(move.target);
					const guard = guardInto(move.target, move.guard);
					// A move back into the same state must re-enter it for the entry count to run.
					const reenter = max !== undefined && move.target === state.id ? { reenter: true } : {};
					// Formulas as text, as the book keys them (YAML may have given a number).
					const actions = move.assign.length > 0 ? { actions: [{ type: 'assign', params: Object.fromEntries(move.assign.map((a) => [a.id, a.formula])) }] } : {};
					return [move.id, guard ? { ...transition, ...actions, ...reenter, guard } : { ...transition, ...actions }];
				})
			);
			const always = state.always.map((a) => {
				const guard = guardInto(a.target, a.guard);
				return guard ? { target: a.target, guard } : { target: a.target };
			});
			const entry = bounded.has(state.id) ? { entry: [{ type: 'countVisit', params: { state: state.id } }] } : {};
			return [state.id, { ...written, ...entry, ...(state.moves.length > 0 ? { on } : {}), ...(always.length > 0 ? { always } : {}) }];
		})
	);
	return { ...(scenario.machineConfig as object), context: { values: {}, visits: {}, vars: { ...scenario.context } }, states };
}

/**
 * Builds the scenario's XState machine with `setup()`: parameterised guards
 * read assumption values from context through formulas compiled once.
 * Pure: the machine is logic, no actor is started.
 */
export function buildMachine(scenario: Scenario): ScenarioModel {
	const { book, problems } = compileFormulaBook(scenario);
	if (problems.length > 0) throw new Error(`buildMachine: scenario has formula errors; run parseScenario first (${problems[0].message})`);
	const open = (expr: string | undefined, values: Values) =>
		expr === undefined || formulaValue(book, expr, values) !== 0;
	const config = machineConfig(scenario);
	const machine = setup({
		types: {} as { context: ScenarioContext; events: { type: string }; input: ScenarioInput },
		guards: {
			formula: ({ context }, params: GuardParams) => open(params.expr, scopeOf(context.values, context.vars)),
			bounded: ({ context }, params: GuardParams) =>
				(context.visits[params.state as string] ?? 0) < (params.maxVisits as number) && open(params.expr, scopeOf(context.values, context.vars))
		},
		actions: {
			// Every new value reads the context as it was before the move.
			assign: assign({
				vars: ({ context }, params: Record<string, string>) => {
					const scope = scopeOf(context.values, context.vars);
					const next = { ...context.vars };
					for (const id in params) next[id] = formulaValue(book, params[id], scope);
					return next;
				}
			}),
			countVisit: assign({
				visits: ({ context }, params: { state: string }) => ({
					...context.visits,
					[params.state]: (context.visits[params.state] ?? 0) + 1
				})
			})
		}
	}).createMachine({
		...(config as object),
		context: ({ input }: { input: ScenarioInput }) => ({ values: input.values, visits: {}, vars: { ...scenario.context } })
	} as never);
	return { scenario, book, machine: machine as unknown as AnyStateMachine, config };
}
