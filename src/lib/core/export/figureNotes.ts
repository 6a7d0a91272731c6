import type { Citation, Scenario, Source } from '../scenario/types.js';

/** A numbered note: one cited excerpt, with its gloss and source. */
export interface FigureNote {
	number: number;
	citation: Citation;
	source?: Source;
}

/**
 * Numbers the citations of a figure's elements in the order they first
 * appear; an excerpt cited by several elements keeps one number. Returns the
 * notes and, per element, its note numbers. Pure.
 */
export function numberNotes(scenario: Scenario, perElement: readonly (readonly string[])[]): { notes: FigureNote[]; numbers: number[][] } {
	const citations = new Map(scenario.citations.map((c) => [c.id, c]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	const byId = new Map<string, number>();
	const notes: FigureNote[] = [];
	const numbers = perElement.map((ids) =>
		ids.flatMap((id) => {
			const citation = citations.get(id);
			if (!citation) return [];
			let n = byId.get(id);
			if (n === undefined) {
				n = notes.length + 1;
				byId.set(id, n);
				notes.push({ number: n, citation, source: sources.get(citation.source) });
			}
			return [n];
		})
	);
	return { notes, numbers };
}

/** A source as notes name it: publisher (or author), title, date. Pure. */
export function sourceName(source: Source): string {
	const who = source.author ? `${source.author}, ${source.publisher}` : source.publisher;
	return [who, `“${source.title}”`, source.date ?? 'undated'].join(', ');
}

/** A source in a note, short: who and when; the "Source:" line gives titles. Pure. */
export function sourceShort(source: Source): string {
	return `${source.author ?? source.publisher}, ${source.date ?? 'n.d.'}`;
}

/** A note as one line of text: excerpt, gloss, and the source in short. Pure. */
export function noteText(note: FigureNote): string {
	const from = note.source ? sourceShort(note.source) : note.citation.source;
	return `${note.number}. 「${note.citation.excerpt}」 ${note.citation.gloss} (${from})`;
}

/**
 * The "Source:" line: the model, and each source the figure cites, in the
 * order of the scenario's source list. Pure.
 */
export function sourceLine(scenario: Scenario, notes: readonly FigureNote[]): string {
	const cited = new Set(notes.map((n) => n.citation.source));
	const used = scenario.sources.filter((s) => cited.has(s.id));
	const model = `Branchpoint model “${scenario.title}” (as of ${scenario.asOf})`;
	return used.length === 0 ? `Source: ${model}.` : `Source: ${model}, built on ${used.map(sourceName).join('; ')}.`;
}
