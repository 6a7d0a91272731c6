import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { CslItem } from '../core/index.js';

/**
 * A scenario's sources as files a reader can import or paste: CSL-JSON,
 * BibTeX and Chicago notes-bibliography text. Every output is a function of
 * the items alone, byte for byte: the items carry no access date, so the style
 * never prints one, and nothing here reads the clock.
 *
 * Reads its style with `node:fs`, so it runs on the server and in the CLI.
 */

/** CSL-JSON, two-space indented, keys in a fixed order, with a final newline. */
export function cslJson(items: CslItem[]): string {
	return `${JSON.stringify(items.map(ordered), null, 2)}\n`;
}

/**
 * BibTeX through citation-js, with each source id as the key (ids are letters,
 * digits, "_", "." and "-", all legal in keys) and text left in UTF-8, because
 * the default ASCII escaping deletes Japanese rather than escaping it. Use
 * biber or a UTF-8 BibTeX. The settings are citation-js globals, so they are
 * set for this call and restored.
 */
export function bibtex(items: CslItem[]): string {
	const settings = plugins.config.get('@bibtex').format;
	const saved = { ...settings };
	Object.assign(settings, { useIdAsLabel: true, checkLabel: false, asciiOnly: false });
	try {
		return `${new Cite(items).format('bibtex', { format: 'text' }).trim()}\n`;
	} finally {
		Object.assign(settings, saved);
	}
}

/**
 * The Chicago bibliography, one plain-text entry per item, in the style's
 * order (author, or the outlet or title standing in for one, then title).
 */
export function chicagoBibliography(items: CslItem[]): string[] {
	const entries = new Cite(items).format('bibliography', { style: chicagoStyle(), format: 'text', lang: 'en-US', asEntryArray: true });
	return entries.map(([, text]) => text.trim());
}

/**
 * The footnote Chicago gives this item, as plain text. The CMOS 18 style
 * writes every note in the short form (author, "short title") and leaves the
 * full details to the bibliography, so there is no separate full first note
 * (that form is in the separate chicago-fullnote-bibliography.csl style).
 */
export function chicagoNote(item: CslItem): string {
	const options = { style: chicagoStyle(), format: 'text', lang: 'en-US', entry: item.id, citationsPre: [], citationsPost: [] };
	return new Cite([item]).format('citation', options);
}

const CHICAGO = 'chicago-note-bibliography';

/**
 * Registers the Citation Style Language's "Chicago Manual of Style 18th
 * edition (note)" style (citation-style-language/styles, CC BY-SA 3.0) once,
 * and returns its name.
 */
function chicagoStyle(): string {
	const styles = plugins.config.get('@csl').styles;
	if (!styles.has(CHICAGO)) styles.add(CHICAGO, readFileSync(new URL('./styles/chicago-note-bibliography.csl', import.meta.url), 'utf8'));
	return CHICAGO;
}

/** CslItem's fields in declaration order: what CSL-JSON readers expect to see first comes first. */
const KEYS: readonly (keyof CslItem)[] = ['id', 'type', 'title', 'author', 'container-title', 'publisher', 'genre', 'issued', 'URL', 'language'];

function ordered(item: CslItem): Partial<CslItem> {
	return Object.fromEntries(KEYS.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]));
}
