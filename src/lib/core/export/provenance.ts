import type { ActorPlay, AssumptionValue } from '../scenario/types.js';

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
export function provenanceLine(p: Provenance): string {
	const set = Object.keys(p.overrides).sort();
	const what = [
		`${p.generator} ${p.version}`,
		`scenario ${p.scenarioId} (sha256 ${p.scenarioSha256.slice(0, 12)})`,
		p.preset ? `preset ${p.preset}` : '',
		set.length > 0 ? `set ${set.map((id) => `${id}=${String(p.overrides[id])}`).join(', ')}` : 'assumptions at their defaults',
		`perspective ${p.perspective}`,
		p.play ? Object.entries(p.play).map(([id, play]) => `${id} plays ${play}`).join(', ') : '',
		p.criterion ? `criterion ${p.criterion}` : '',
		`seed ${p.seed}, ${p.runs} runs`,
		p.workshop ? `workshop ${p.workshop.id}, ${p.workshop.events} events (log sha256 ${p.workshop.logSha256.slice(0, 12)})` : ''
	];
	return what.filter((s) => s !== '').join(' · ');
}
