import { formulaSites } from './formulaBook.js';
import { toSignal } from './signals.js';
import type { Locator } from './locate.js';
import type { ScenarioDocument } from './schema.js';
import type { Scenario, SourceMap, State } from './types.js';

/** Turns the schema-checked document into the plain Scenario, moves listed per state. */
export function toScenario(
	doc: ScenarioDocument,
	raw: Record<string, unknown>,
	locator: Locator
): Scenario {
	const sourceMap: SourceMap = {};
	const mark = (path: (string | number)[], key: string) => {
		sourceMap[key] = locator.key(path);
	};
	const states: State[] = Object.entries(doc.machine.states).map(([id, state]) => {
		mark(['machine', 'states', id], `machine.states.${id}`);
		const moves = Object.entries(state.on ?? {}).map(([event, t]) => {
			mark(['machine', 'states', id, 'on', event], `machine.states.${id}.on.${event}`);
			const actions = t.actions === undefined ? [] : Array.isArray(t.actions) ? t.actions.map((a, k) => ({ a, at: ['actions', k] })) : [{ a: t.actions, at: ['actions'] }];
			return {
				id: event,
				target: t.target,
				label: t.meta?.label ?? event,
				description: t.meta?.description ?? t.description,
				probability: t.meta?.probability,
				payoffs: t.meta?.payoffs ?? {},
				guard: t.guard?.params.expr,
				assign: actions.flatMap(({ a, at }) =>
					Object.entries(a.params).map(([key, formula]) => ({ id: key, formula, at: ['machine', 'states', id, 'on', event, ...at, 'params', key] }))
				),
				citations: t.meta?.citations ?? []
			};
		});
		const always = state.always === undefined ? [] : Array.isArray(state.always) ? state.always.map((a, k) => ({ a, at: ['always', k] })) : [{ a: state.always, at: ['always'] }];
		return {
			id,
			final: state.type === 'final',
			actor: state.meta.actor,
			label: state.meta.label,
			description: state.meta.description ?? state.description,
			payoffs: state.meta.payoffs,
			maxVisits: state.meta.maxVisits,
			citations: state.meta.citations,
			moves,
			always: always.map(({ a, at }) => ({ target: a.target, guard: a.guard?.params.expr, at: ['machine', 'states', id, ...at] }))
		};
	});
	// A list item has no key: it is found by its position in the list.
	const item = (path: (string | number)[], key: string) => {
		sourceMap[key] = locator.value(path);
	};
	doc.assumptions.forEach((a, i) => item(['assumptions', i], `assumptions.${a.id}`));
	doc.criteria.forEach((c, i) => item(['criteria', i], `criteria.${c.id}`));
	doc.actors.forEach((a, i) => {
		if (a.rationality !== undefined) item(['actors', i, 'rationality'], `actors.${a.id}.rationality`);
	});
	doc.citations.forEach((c, i) => item(['citations', i], `citations.${c.id}`));
	const scenario: Scenario = {
		id: doc.id,
		languages: doc.languages ?? ['en'],
		language: (doc.languages ?? ['en'])[0],
		title: doc.title,
		description: doc.description,
		asOf: doc.asOf,
		perspective: doc.perspective,
		sources: doc.sources,
		actors: doc.actors,
		assumptions: doc.assumptions,
		derived: doc.derived,
		signals: doc.signals.map(toSignal),
		criteria: doc.criteria,
		citations: doc.citations,
		presets: doc.presets,
		injects: doc.injects,
		spiral: doc.spiral,
		risk: doc.risk,
		limits: doc.limits,
		initial: doc.machine.initial,
		context: doc.machine.context ?? {},
		states,
		machineConfig: raw.machine as Record<string, unknown>,
		sourceMap
	};
	// Each formula where it is written, for problems found only at run time.
	for (const site of formulaSites(scenario)) item([...site.path], site.key);
	return scenario;
}
