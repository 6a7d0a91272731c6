import { ALLOWED_FUNCTIONS } from '../formula/restrictedMath.js';
import { didYouMean } from '../util/didYouMean.js';
import { READER_LANGUAGE, sameLanguage } from '../util/language.js';
import type { DocPath } from './Issue.js';
import { SPIRAL_OUTPUTS } from './formulaBook.js';
import { RESERVED_NAMES } from './readYaml.js';
import type { Report } from './Report.js';
import type { Scenario } from './types.js';

/**
 * Ids are unique within their kind and not reserved; every reference names
 * something declared, with a "did you mean" when a declared name is close.
 */
export function checkReferences(scenario: Scenario, report: Report): void {
	const declare = (kind: string, items: { id: string }[], base: string, shared?: Set<string>) => {
		const seen = shared ?? new Set<string>();
		items.forEach((item, i) => {
			const path = [base, i, 'id'];
			if (RESERVED_NAMES.has(item.id)) report.error(path, `"${item.id}" is a reserved name and cannot be an id.`);
			else if (seen.has(item.id)) report.error(path, `Duplicate ${kind} id "${item.id}"; ids must be unique.`);
			seen.add(item.id);
		});
		return new Set(items.map((item) => item.id));
	};
	const sources = declare('source', scenario.sources, 'sources');
	const actors = declare('actor', scenario.actors, 'actors');
	const valueNames = new Set<string>();
	const assumptions = declare('assumption', scenario.assumptions, 'assumptions', valueNames);
	// Formulas read these names as constants or functions, so a value by that name would be ignored.
	[...scenario.assumptions.map((a, i) => ['assumptions', i, a.id] as const), ...scenario.derived.map((d, i) => ['derived', i, d.id] as const)].forEach(([base, i, id]) => {
		if (id === 'true' || id === 'false' || ALLOWED_FUNCTIONS.has(id) || id in Object.prototype) {
			report.error([base, i, 'id'], `"${id}" is a name formulas already use; choose another id.`);
		}
	});
	declare('derived value (derived and assumption ids share one namespace)', scenario.derived, 'derived', valueNames);
	const criteria = declare('criterion', scenario.criteria, 'criteria');
	const citations = declare('citation', scenario.citations, 'citations');
	declare('preset', scenario.presets, 'presets');
	declare('inject', scenario.injects, 'injects');
	const states = new Set(scenario.states.map((s) => s.id));
	for (const name of [...states, ...scenario.states.flatMap((s) => s.moves.map((m) => m.id))]) {
		if (RESERVED_NAMES.has(name)) report.error(['machine', 'states'], `"${name}" is a reserved name.`);
	}

	const refer = (path: DocPath, kind: string, name: string, known: Set<string>, at?: { key: true }) => {
		if (!known.has(name)) {
			report.error(path, `Unknown ${kind} "${name}".${didYouMean(name, known)}`, at);
		}
	};
	const citeAll = (path: DocPath, ids: string[], required: boolean, what: string) => {
		ids.forEach((id, i) => refer([...path, i], 'citation', id, citations));
		if (required && ids.length === 0) {
			report.error(path.slice(0, -1), `${what} cites no source; add at least one citation id under "citations".`);
		}
	};
	const criteriaKeys = (path: DocPath, record: Record<string, unknown>) => {
		for (const key of Object.keys(record)) refer([...path, key], 'criterion', key, criteria, { key: true });
	};

	const perspective = scenario.actors.find((a) => a.id === scenario.perspective);
	refer(['perspective'], 'actor', scenario.perspective, actors);
	if (perspective?.kind === 'nature') {
		report.error(['perspective'], `"${perspective.id}" is a nature actor; the perspective must be an actor who decides.`);
	}
	scenario.actors.forEach((actor, i) => {
		citeAll(['actors', i, 'citations'], actor.citations, actor.kind === 'actor', `Actor "${actor.id}"`);
		if (actor.preferences) criteriaKeys(['actors', i, 'preferences'], actor.preferences);
	});
	scenario.assumptions.forEach((a, i) => citeAll(['assumptions', i, 'citations'], a.citations, true, `Assumption "${a.id}"`));
	scenario.derived.forEach((d, i) => citeAll(['derived', i, 'citations'], d.citations, false, ''));
	scenario.citations.forEach((c, i) => {
		refer(['citations', i, 'source'], 'source', c.source, sources);
		const source = scenario.sources.find((s) => s.id === c.source);
		if (source && !sameLanguage(source.language, READER_LANGUAGE) && c.gloss.trim() === '') {
			report.error(['citations', i, 'excerpt'], `The excerpt is in the language "${source.language}" of source "${source.id}"; add a gloss in English, the reader's language.`);
		}
	});
	scenario.presets.forEach((preset, i) => {
		for (const key of Object.keys(preset.values)) {
			refer(['presets', i, 'values', key], 'assumption', key, assumptions, { key: true });
		}
	});
	scenario.injects.forEach((inject, i) => {
		citeAll(['injects', i, 'citations'], inject.citations, true, `Inject "${inject.id}"`);
		if (inject.state !== undefined) refer(['injects', i, 'state'], 'state', inject.state, states);
	});
	for (const state of scenario.states) {
		const base = ['machine', 'states', state.id];
		if (state.final) {
			if (state.moves.length > 0) report.error([...base, 'on'], `Final state "${state.id}" cannot have moves.`);
		} else {
			if (state.actor === undefined) {
				report.error([...base, 'meta'], `State "${state.id}" needs "actor": who moves here.`);
			} else refer([...base, 'meta', 'actor'], 'actor', state.actor, actors);
			if (state.moves.length === 0) {
				report.error(base, `State "${state.id}" has no moves; give it moves under "on" or make it "type: final".`, { key: true });
			}
		}
		criteriaKeys([...base, 'meta', 'payoffs'], state.payoffs);
		citeAll([...base, 'meta', 'citations'], state.citations, true, `State "${state.id}"`);
		for (const move of state.moves) {
			const at = [...base, 'on', move.id];
			if (!states.has(move.target)) {
				report.error([...at, 'target'], `Move "${move.id}" targets unknown state "${move.target}".${didYouMean(move.target, states)}`);
			}
			criteriaKeys([...at, 'meta', 'payoffs'], move.payoffs);
			citeAll([...at, 'meta', 'citations'], move.citations, true, `Move "${move.id}" of state "${state.id}"`);
		}
	}
	if (!states.has(scenario.initial)) {
		report.error(['machine', 'initial'], `Unknown initial state "${scenario.initial}".${didYouMean(scenario.initial, states)}`);
	}

	if (scenario.spiral) {
		for (const side of ['x', 'y'] as const) refer(['spiral', side, 'actor'], 'actor', scenario.spiral[side].actor, actors);
		citeAll(['spiral', 'citations'], scenario.spiral.citations, true, 'The spiral model');
		for (const name of SPIRAL_OUTPUTS) {
			if (valueNames.has(name)) report.error(['spiral'], `"${name}" is a value the spiral model gives formulas; rename the assumption or derived value of that id.`, { key: true });
		}
	}

	const used = new Set([
		...(scenario.spiral?.citations ?? []),
		...scenario.actors.flatMap((a) => a.citations),
		...scenario.assumptions.flatMap((a) => a.citations),
		...scenario.derived.flatMap((d) => d.citations),
		...scenario.injects.flatMap((j) => j.citations),
		...scenario.states.flatMap((s) => [...s.citations, ...s.moves.flatMap((m) => m.citations)])
	]);
	scenario.citations.forEach((c, i) => {
		if (!used.has(c.id)) report.warning(['citations', i, 'id'], `Citation "${c.id}" is never used.`);
		if ([...c.excerpt].length > 300) {
			report.error(['citations', i, 'excerpt'], `The excerpt is ${[...c.excerpt].length} characters; quote at most 300 (a clause or a sentence).`);
		}
	});
	scenario.sources.forEach((s, i) => {
		if (s.url && !/^https?:\/\//.test(s.url)) report.error(['sources', i, 'url'], 'A source address must start with http:// or https://.');
	});
}
