import { CHICAGO_NOTE_BIBLIOGRAPHY } from './styles/chicagoNoteBibliography.js';
import { LOCALE_JA_JP } from './styles/localeJaJP.js';
import { SIST02 } from './styles/sist02.js';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { CslItem } from '../core/index.js';
import type { Locale } from '../paraglide/runtime.js';

/**
 * A scenario's sources as files a reader can import or paste: CSL-JSON,
 * BibTeX, and bibliography text: Chicago notes-bibliography in English,
 * SIST 02 in Japanese. Every output is a function of
 * the items alone, byte for byte: the items carry no access date, so the style
 * never prints one, and nothing here reads the clock.
 *
 * The style is bundled as a module, so this runs wherever the exporter does.
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
		return `${withDates(new Cite(items).format('bibtex', { format: 'text' }).trim())}\n`;
	} finally {
		Object.assign(settings, saved);
	}
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * citation-js writes a day into the month field ("month = {jun 20}"), which
 * BibTeX styles print as it stands. Write the month as BibTeX's macro and
 * the full date as biblatex's `date` field instead.
 */
function withDates(bib: string): string {
	return bib.replace(/\tyear = \{(\d{4})\},\n\tmonth = \{([a-z]{3})(?: (\d{1,2}))?\},/g, (whole, year: string, month: string, day?: string) => {
		const m = MONTHS.indexOf(month) + 1;
		if (m === 0) return whole;
		const date = [year, String(m).padStart(2, '0'), ...(day ? [day.padStart(2, '0')] : [])].join('-');
		return `\tyear = {${year}},\n\tmonth = ${month},\n\tdate = {${date}},`;
	});
}

/**
 * A report's bibliography in its language, one plain-text entry per item:
 * in English the Chicago bibliography, in the style's order (author, or the
 * outlet or title standing in for one, then title); in Japanese SIST 02, the
 * Japan Science and Technology Agency's standard that Japanese journals
 * cite by, numbered in the order of the sources.
 */
export function bibliography(items: CslItem[], lang: Locale): string[] {
	if (lang !== 'ja') return chicagoBibliography(items);
	const entries = new Cite(items).format('bibliography', { style: sist02Style(), format: 'text', lang: 'ja-JP', asEntryArray: true });
	return entries.map(([, text]) => text.trim());
}

/**
 * How a note names its source, in the report's language: Chicago's short
 * note in English; in Japanese the source's SIST 02 reference in full, as
 * Japanese footnotes give it.
 */
export function noteReference(item: CslItem, lang: Locale): string {
	if (lang !== 'ja') return chicagoNote(item);
	const [[, text]] = new Cite([item]).format('bibliography', { style: sist02Style(), format: 'text', lang: 'ja-JP', asEntryArray: true });
	return text.trim().replace(/^\(\d+\)\s*/, '');
}

/** The Chicago bibliography, one plain-text entry per item, in the style's order. */
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
	if (!styles.has(CHICAGO)) styles.add(CHICAGO, CHICAGO_NOTE_BIBLIOGRAPHY);
	return CHICAGO;
}

const SIST02_STYLE = 'sist02-dated';

/** Registers the SIST 02 style (styles/sist02.ts) and CSL's Japanese locale once, and returns the style's name. */
function sist02Style(): string {
	const csl = plugins.config.get('@csl');
	if (!csl.styles.has(SIST02_STYLE)) csl.styles.add(SIST02_STYLE, SIST02);
	if (!csl.locales.has('ja-JP')) csl.locales.add('ja-JP', LOCALE_JA_JP);
	return SIST02_STYLE;
}

/** CslItem's fields in declaration order: what CSL-JSON readers expect to see first comes first. */
const KEYS: readonly (keyof CslItem)[] = ['id', 'type', 'title', 'author', 'container-title', 'publisher', 'genre', 'issued', 'URL', 'language'];

function ordered(item: CslItem): Partial<CslItem> {
	return Object.fromEntries(KEYS.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]));
}
