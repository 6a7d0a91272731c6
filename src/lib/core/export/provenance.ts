import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ActorPlay, AssumptionValue } from '../scenario/types.js';
import { punctuation } from './format.js';

/**
 * What an export was made from, carried in every export (SVG and PDF
 * metadata, DOCX properties, JSON) so that a figure in a paper can be
 * traced back and regenerated: the same provenance gives the same bytes.
 */
export interface Provenance {
	generator: 'Branchpoint';
	version: string;
	scenarioId: string;
	/** SHA-256 of the scenario file's bytes, hex. */
	scenarioSha256: string;
	/** Every assumption's value as used, by id. */
	assumptions: Record<string, AssumptionValue>;
	/** The overrides the user set, by id (a subset of `assumptions`). */
	overrides: Record<string, AssumptionValue>;
	preset?: string;
	perspective: string;
	/** Actors other than the perspective that choose for themselves (strategic or bounded), by id; absent when none do. */
	play?: Record<string, ActorPlay>;
	/** Undefined: the weighted score. */
	criterion?: string;
	/** Monte Carlo seed and runs, for exports that sample. */
	seed: number;
	runs: number;
	/** The export's options as URL query parameters (the CLI's flags), defaults left out. */
	options: string;
	/** Exports of a workshop: which one, and the SHA-256 of its log as exported. */
	workshop?: { id: string; logSha256: string; events: number; names: boolean };
}

/** One line for a figure's foot or a document's colophon. Pure. */
export function provenanceLine(p: Provenance, lang: Locale = 'en'): string {
	const locale = { locale: lang };
	const { comma } = punctuation(lang);
	const set = Object.keys(p.overrides).sort();
	const what = [
		`${p.generator} ${p.version}`,
		m.xp_prov_scenario({ id: p.scenarioId, sha: p.scenarioSha256.slice(0, 12) }, locale),
		p.preset ? m.xp_prov_preset({ preset: p.preset }, locale) : '',
		set.length > 0 ? m.xp_prov_set({ settings: set.map((id) => `${id}=${String(p.overrides[id])}`).join(comma) }, locale) : m.xp_prov_defaults({}, locale),
		m.xp_prov_perspective({ perspective: p.perspective }, locale),
		p.play ? Object.entries(p.play).map(([id, play]) => m.xp_prov_plays({ id, play }, locale)).join(comma) : '',
		p.criterion ? m.xp_prov_criterion({ criterion: p.criterion }, locale) : '',
		m.xp_prov_seed({ seed: p.seed, runs: p.runs }, locale),
		p.workshop ? m.xp_prov_workshop({ id: p.workshop.id, events: p.workshop.events, sha: p.workshop.logSha256.slice(0, 12) }, locale) : ''
	];
	return what.filter((s) => s !== '').join(' · ');
}
