import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Scenario } from './types.js';

export interface CitationCheck {
	citation: string;
	source: string;
	ok: boolean;
	/** Where the excerpt was found (JavaScript string index in the NFC text). */
	offset?: number;
	/** How many times the excerpt occurs in the source. */
	occurrences: number;
	message: string;
}

/**
 * Finds each citation's excerpt in its source text, both in Unicode NFC:
 * an excerpt that is missing, or not at its recorded offset, fails. `texts`
 * maps a source file name to its content; messages are in `lang`. Pure.
 */
export function verifyCitations(scenario: Scenario, texts: ReadonlyMap<string, string>, lang: Locale = 'en'): CitationCheck[] {
	const locale = { locale: lang };
	const files = new Map(scenario.sources.map((s) => [s.id, s.file]));
	return scenario.citations.map((citation) => {
		const file = files.get(citation.source) ?? '';
		const base = { citation: citation.id, source: file, occurrences: 0 };
		const raw = texts.get(file);
		if (raw === undefined) return { ...base, ok: false, message: m.val_source_file_missing({ file }, locale) };
		const text = raw.normalize('NFC');
		const excerpt = citation.excerpt.normalize('NFC');
		const offsets: number[] = [];
		for (let at = text.indexOf(excerpt); at >= 0; at = text.indexOf(excerpt, at + 1)) offsets.push(at);
		if (offsets.length === 0) {
			return { ...base, ok: false, message: m.val_excerpt_not_found({ file, excerpt: `${excerpt.slice(0, 40)}${excerpt.length > 40 ? '…' : ''}` }, locale) };
		}
		if (citation.offset !== undefined) {
			const ok = offsets.includes(citation.offset);
			return {
				...base,
				occurrences: offsets.length,
				ok,
				offset: ok ? citation.offset : offsets[0],
				message: ok ? m.val_excerpt_found_at({ offset: citation.offset, note: '' }, locale) : m.val_excerpt_wrong_offset({ offset: citation.offset, found: offsets.join(', ') }, locale)
			};
		}
		const note = offsets.length > 1 ? m.val_excerpt_occurs({ count: offsets.length }, locale) : '';
		return { ...base, ok: true, offset: offsets[0], occurrences: offsets.length, message: m.val_excerpt_found_at({ offset: offsets[0], note }, locale) };
	});
}
