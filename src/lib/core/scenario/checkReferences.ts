import { m } from '../../paraglide/messages.js';
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
	const { lang } = report;
	const locale = { locale: lang };
	const declare = (kind: string, items: { id: string }[], base: string, shared?: Set<string>) => {
		const seen = shared ?? new Set<string>();
		items.forEach((item, i) => {
			const path = [base, i, 'id'];
			if (RESERVED_NAMES.has(item.id)) report.error(path, m.val_reserved_id({ id: item.id }, locale));
			else if (seen.has(item.id)) report.error(path, m.val_duplicate_id({ kind, id: item.id }, locale));
			seen.add(item.id);
		});
		return new Set(items.map((item) => item.id));
	};
	const kind = {
		source: m.val_kind_source({}, locale),
		actor: m.val_kind_actor({}, locale),
		assumption: m.val_kind_assumption({}, locale),
		criterion: m.val_kind_criterion({}, locale),
		citation: m.val_kind_citation({}, locale),
		state: m.val_kind_state({}, locale)
	};
	const sources = declare(kind.source, scenario.sources, 'sources');
	const actors = declare(kind.actor, scenario.actors, 'actors');
	const valueNames = new Set<string>();
	const assumptions = declare(kind.assumption, scenario.assumptions, 'assumptions', valueNames);
	// Formulas read these names as constants or functions, so a value by that name would be ignored.
	[...scenario.assumptions.map((a, i) => ['assumptions', i, a.id] as const), ...scenario.derived.map((d, i) => ['derived', i, d.id] as const)].forEach(([base, i, id]) => {
		if (id === 'true' || id === 'false' || ALLOWED_FUNCTIONS.has(id) || id in Object.prototype) {
			report.error([base, i, 'id'], m.val_formula_name_taken({ id }, locale));
		}
	});
	declare(m.val_kind_derived_shared({}, locale), scenario.derived, 'derived', valueNames);
	const criteria = declare(kind.criterion, scenario.criteria, 'criteria');
	const citations = declare(kind.citation, scenario.citations, 'citations');
	declare(m.val_kind_preset({}, locale), scenario.presets, 'presets');
	declare(m.val_kind_inject({}, locale), scenario.injects, 'injects');
	const states = new Set(scenario.states.map((s) => s.id));
	for (const name of [...states, ...scenario.states.flatMap((s) => s.moves.map((m) => m.id))]) {
		if (RESERVED_NAMES.has(name)) report.error(['machine', 'states'], m.val_reserved_name({ name }, locale));
	}

	const refer = (path: DocPath, kind: string, name: string, known: Set<string>, at?: { key: true }) => {
		if (!known.has(name)) {
			report.error(path, m.val_unknown_reference({ kind, name, hint: didYouMean(name, known, lang) }, locale), at);
		}
	};
	/** The citations at `path`; `uncited` says why none is too few, where one is required. */
	const citeAll = (path: DocPath, ids: string[], uncited?: string) => {
		ids.forEach((id, i) => refer([...path, i], kind.citation, id, citations));
		if (uncited !== undefined && ids.length === 0) report.error(path.slice(0, -1), uncited);
	};
	const criteriaKeys = (path: DocPath, record: Record<string, unknown>) => {
		for (const key of Object.keys(record)) refer([...path, key], kind.criterion, key, criteria, { key: true });
	};

	const perspective = scenario.actors.find((a) => a.id === scenario.perspective);
	refer(['perspective'], kind.actor, scenario.perspective, actors);
	if (perspective?.kind === 'nature') {
		report.error(['perspective'], m.val_perspective_nature({ id: perspective.id }, locale));
	}
	scenario.actors.forEach((actor, i) => {
		citeAll(['actors', i, 'citations'], actor.citations, actor.kind === 'actor' ? m.val_actor_cites_none({ id: actor.id }, locale) : undefined);
		if (actor.preferences) criteriaKeys(['actors', i, 'preferences'], actor.preferences);
	});
	scenario.assumptions.forEach((a, i) => citeAll(['assumptions', i, 'citations'], a.citations, m.val_assumption_cites_none({ id: a.id }, locale)));
	scenario.derived.forEach((d, i) => citeAll(['derived', i, 'citations'], d.citations));
	scenario.citations.forEach((c, i) => {
		refer(['citations', i, 'source'], kind.source, c.source, sources);
		const source = scenario.sources.find((s) => s.id === c.source);
		if (source && !sameLanguage(source.language, READER_LANGUAGE) && c.gloss.trim() === '') {
			report.error(['citations', i, 'excerpt'], m.val_gloss_needed({ language: String(source.language), source: source.id }, locale));
		}
	});
	scenario.presets.forEach((preset, i) => {
		for (const key of Object.keys(preset.values)) {
			refer(['presets', i, 'values', key], kind.assumption, key, assumptions, { key: true });
		}
	});
	scenario.injects.forEach((inject, i) => {
		citeAll(['injects', i, 'citations'], inject.citations, m.val_inject_cites_none({ id: inject.id }, locale));
		if (inject.state !== undefined) refer(['injects', i, 'state'], kind.state, inject.state, states);
	});
	for (const state of scenario.states) {
		const base = ['machine', 'states', state.id];
		if (state.final) {
			if (state.moves.length > 0) report.error([...base, 'on'], m.val_final_has_moves({ id: state.id }, locale));
		} else {
			if (state.actor === undefined) {
				report.error([...base, 'meta'], m.val_state_needs_actor({ id: state.id }, locale));
			} else refer([...base, 'meta', 'actor'], kind.actor, state.actor, actors);
			if (state.moves.length === 0) {
				report.error(base, m.val_state_no_moves({ id: state.id }, locale), { key: true });
			}
		}
		criteriaKeys([...base, 'meta', 'payoffs'], state.payoffs);
		citeAll([...base, 'meta', 'citations'], state.citations, m.val_state_cites_none({ id: state.id }, locale));
		for (const move of state.moves) {
			const at = [...base, 'on', move.id];
			if (!states.has(move.target)) {
				report.error([...at, 'target'], m.val_move_unknown_target({ move: move.id, target: move.target, hint: didYouMean(move.target, states, lang) }, locale));
			}
			criteriaKeys([...at, 'meta', 'payoffs'], move.payoffs);
			citeAll([...at, 'meta', 'citations'], move.citations, m.val_move_cites_none({ move: move.id, state: state.id }, locale));
		}
	}
	if (!states.has(scenario.initial)) {
		report.error(['machine', 'initial'], m.val_unknown_initial({ id: scenario.initial, hint: didYouMean(scenario.initial, states, lang) }, locale));
	}

	if (scenario.spiral) {
		for (const side of ['x', 'y'] as const) refer(['spiral', side, 'actor'], kind.actor, scenario.spiral[side].actor, actors);
		citeAll(['spiral', 'citations'], scenario.spiral.citations, m.val_spiral_cites_none({}, locale));
		for (const name of SPIRAL_OUTPUTS) {
			if (valueNames.has(name)) report.error(['spiral'], m.val_spiral_name_taken({ name }, locale), { key: true });
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
		if (!used.has(c.id)) report.warning(['citations', i, 'id'], m.val_citation_unused({ id: c.id }, locale));
		if ([...c.excerpt].length > 300) {
			report.error(['citations', i, 'excerpt'], m.val_excerpt_too_long({ length: [...c.excerpt].length, limit: 300 }, locale));
		}
	});
	scenario.sources.forEach((s, i) => {
		if (s.url && !/^https?:\/\//.test(s.url)) report.error(['sources', i, 'url'], m.val_source_url({}, locale));
	});
}
