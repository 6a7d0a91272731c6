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
 * maps a source file name to its content. Pure.
 */
export function verifyCitations(scenario: Scenario, texts: ReadonlyMap<string, string>): CitationCheck[] {
	const files = new Map(scenario.sources.map((s) => [s.id, s.file]));
	return scenario.citations.map((citation) => {
		const file = files.get(citation.source) ?? '';
		const base = { citation: citation.id, source: file, occurrences: 0 };
		const raw = texts.get(file);
		if (raw === undefined) return { ...base, ok: false, message: `source file "${file}" not found` };
		const text = raw.normalize('NFC');
		const excerpt = citation.excerpt.normalize('NFC');
		const offsets: number[] = [];
		for (let at = text.indexOf(excerpt); at >= 0; at = text.indexOf(excerpt, at + 1)) offsets.push(at);
		if (offsets.length === 0) {
			return { ...base, ok: false, message: `excerpt not found in ${file}: "${excerpt.slice(0, 40)}${excerpt.length > 40 ? '…' : ''}"` };
		}
		if (citation.offset !== undefined) {
			const ok = offsets.includes(citation.offset);
			return {
				...base,
				occurrences: offsets.length,
				ok,
				offset: ok ? citation.offset : offsets[0],
				message: ok ? `found at ${citation.offset}` : `excerpt is not at offset ${citation.offset}; found at ${offsets.join(', ')}`
			};
		}
		const note = offsets.length > 1 ? ` (occurs ${offsets.length} times; record an offset to pin it)` : '';
		return { ...base, ok: true, offset: offsets[0], occurrences: offsets.length, message: `found at ${offsets[0]}${note}` };
	});
}
