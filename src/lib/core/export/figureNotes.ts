import type { Citation, Scenario, Source } from '../scenario/types.js';
import { baseLanguage, READER_LANGUAGE, sameLanguage } from '../util/language.js';

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

/** An excerpt in its own language's quotation marks: 「…」 for Japanese and Chinese, “…” otherwise. Pure. */
export function quoteExcerpt(excerpt: string, language: string | undefined): string {
	return sameLanguage(language, 'ja') || sameLanguage(language, 'zh') ? `「${excerpt}」` : `“${excerpt}”`;
}

/** The gloss a note prints: none for an excerpt already in the reader's language. */
export function noteGloss(citation: Citation, source: Source | undefined, reader: string = READER_LANGUAGE): string | undefined {
	return sameLanguage(source?.language, reader) ? undefined : citation.gloss || undefined;
}

/** A note as one line of text: excerpt, gloss where it is needed, and the source in short. Pure. */
export function noteText(note: FigureNote): string {
	const from = note.source ? sourceShort(note.source) : note.citation.source;
	const gloss = noteGloss(note.citation, note.source);
	return `${note.number}. ${quoteExcerpt(note.citation.excerpt, note.source?.language)}${gloss ? ` ${gloss}` : ''} (${from})`;
}

/** A language tag in English words ("ja" → "Japanese"). */
function languageName(tag: string): string {
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/**
 * How notes describe the excerpts of these sources: "in Japanese with an
 * English gloss", "in English", or, for several languages, each in its
 * source's language with a gloss where it is not English. Pure.
 */
export function excerptLanguages(sources: readonly Source[]): string {
	const tags = [...new Set(sources.map((s) => baseLanguage(s.language)).filter((t) => t !== ''))];
	if (tags.length === 0) return 'with an English gloss';
	if (tags.length === 1) return tags[0] === READER_LANGUAGE ? `in ${languageName(tags[0])}` : `in ${languageName(tags[0])} with an English gloss`;
	return `each in its source’s language (${tags.map(languageName).join(', ')}), with an English gloss where that is not English`;
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
