import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Citation, Scenario, Source } from '../scenario/types.js';
import { baseLanguage, READER_LANGUAGE, sameLanguage } from '../util/language.js';
import { formatDay, punctuation } from './format.js';

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

/** A source as notes name it: publisher (or author), title, date — in English “Title”, in Japanese 「題名」. Pure. */
export function sourceName(source: Source, lang: Locale = 'en'): string {
	const { comma, quote } = punctuation(lang);
	const who = source.author ? `${source.author}${comma}${source.publisher}` : source.publisher;
	const when = source.date ? formatDay(source.date, lang) : m.xp_undated({}, { locale: lang });
	return lang === 'ja' ? `${who}${quote(source.title)}${when}` : [who, quote(source.title), when].join(comma);
}

/** A source in a note, short: who and when; the "Source:" line gives titles. Pure. */
export function sourceShort(source: Source, lang: Locale = 'en'): string {
	return `${source.author ?? source.publisher}${punctuation(lang).comma}${source.date ? formatDay(source.date, lang) : m.xp_nd({}, { locale: lang })}`;
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
export function noteText(note: FigureNote, lang: Locale = 'en'): string {
	const from = note.source ? sourceShort(note.source, lang) : note.citation.source;
	const gloss = noteGloss(note.citation, note.source, lang);
	return `${note.number}. ${quoteExcerpt(note.citation.excerpt, note.source?.language)}${gloss ? m.xp_gloss_in_note({ gloss }, { locale: lang }) : ''}${punctuation(lang).paren(from)}`;
}

/** A language tag in the reader's words ("ja" → "Japanese", 日本語). */
function languageName(tag: string, lang: Locale): string {
	try {
		return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/**
 * How notes describe the excerpts of these sources: "in Japanese with an
 * English gloss", "in English", or, for several languages, each in its
 * source's language with a gloss where it is not English. Pure.
 */
export function excerptLanguages(sources: readonly Source[], lang: Locale = 'en'): string {
	const locale = { locale: lang };
	const tags = [...new Set(sources.map((s) => baseLanguage(s.language)).filter((t) => t !== ''))];
	if (tags.length === 0) return m.xp_excerpts_gloss_only({}, locale);
	const language = languageName(tags[0], lang);
	if (tags.length === 1) return tags[0] === lang ? m.xp_excerpts_in({ language }, locale) : m.xp_excerpts_in_glossed({ language }, locale);
	return m.xp_excerpts_several({ languages: tags.map((t) => languageName(t, lang)).join(punctuation(lang).comma) }, locale);
}

/**
 * The "Source:" line: the model, and each source the figure cites, in the
 * order of the scenario's source list. Pure.
 */
export function sourceLine(scenario: Scenario, notes: readonly FigureNote[], lang: Locale = 'en'): string {
	const locale = { locale: lang };
	const cited = new Set(notes.map((n) => n.citation.source));
	const used = scenario.sources.filter((s) => cited.has(s.id));
	const model = m.xp_model({ title: scenario.title, asOf: formatDay(scenario.asOf, lang) }, locale);
	return used.length === 0 ? m.xp_source_line({ model }, locale) : m.xp_source_line_built({ model, sources: used.map((s) => sourceName(s, lang)).join(punctuation(lang).semicolon) }, locale);
}
