import type { Source } from '../scenario/types.js';

/**
 * One bibliography item in CSL-JSON, the Citation Style Language's data format
 * (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html), limited
 * to the fields a scenario source can fill.
 */
export interface CslItem {
	id: string;
	type: 'article-newspaper' | 'report' | 'document';
	title: string;
	author?: { literal: string }[];
	'container-title'?: string;
	publisher?: string;
	genre?: string;
	issued?: { 'date-parts': [[number] | [number, number] | [number, number, number]] };
	URL?: string;
	language?: string;
}

/**
 * Maps scenario sources to CSL-JSON items, in the same order. Pure.
 *
 * The publisher text carries the analyst's annotations, which are not names:
 * - a comma-separated part written only in lower-case Latin letters ("column",
 *   "unknown publisher") describes the piece; "unknown publisher" (any case)
 *   means there is none, any other such part becomes the `genre` (Chicago
 *   prints "Column");
 * - a lower-case note in parentheses ("NHK (news)", "Yahoo!ニュース (individual
 *   author)") describes the outlet and is dropped; an acronym in parentheses,
 *   like "(IOG)", is part of the name and stays.
 *
 * The type is what Chicago needs to print the source the way CMOS does:
 * - `article-newspaper` when the outlet is news (a "(news)" note, or a name
 *   such as NHK, "… News", "…ニュース", "…新聞"); the outlet is the
 *   `container-title`, and Chicago leaves the publisher out;
 * - `report` for any other named publisher, such as an institute's policy
 *   commentary: it prints as author, "title", publisher, date;
 * - `document` when no publisher is known: a plain titled text. Not `article`,
 *   which Chicago's CSL style labels "Preprint".
 *
 * The author is one `literal` name, because Japanese names are written family
 * name first with no separator that CSL could split on; text after the first
 * comma is an affiliation ("辺真一 (Pyon Jin-il), Korea Report") and is dropped.
 * `issued` comes from a leading YYYY-MM-DD, YYYY-MM or YYYY with valid month
 * and day; any other date text leaves it out rather than guess. `URL` is kept
 * only when it is an http(s) address; an empty one means "unknown".
 */
export function cslItems(sources: readonly Source[]): CslItem[] {
	return sources.map(cslItem);
}

function cslItem(source: Source): CslItem {
	const { name, genre } = parsePublisher(source.publisher);
	const type = !name ? 'document' : isNews(source.publisher, name) ? 'article-newspaper' : 'report';
	const author = source.author ? authorName(source.author) : '';
	const issued = source.date ? parseDate(source.date) : undefined;
	const url = source.url?.trim() ?? '';
	const language = source.language?.trim() ?? '';
	return {
		id: source.id,
		type,
		title: source.title.trim(),
		...(author && { author: [{ literal: author }] }),
		...(name && (type === 'article-newspaper' ? { 'container-title': name } : { publisher: name })),
		...(genre && { genre }),
		...(issued && { issued: { 'date-parts': [issued] } }),
		...(/^https?:\/\/\S+$/i.test(url) && { URL: url }),
		...(language && { language })
	};
}

const ANNOTATION = /^[a-z]+(?: [a-z]+)*$/;
const UNKNOWN = /^unknown(?: publisher)?$/i;
const NEWS_NAME = /\bnews\b|ニュース|新聞|\bNHK\b/i;

function parsePublisher(text: string): { name: string; genre: string } {
	const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
	const isNote = (part: string) => ANNOTATION.test(part) || UNKNOWN.test(part);
	const notes = parts.filter(isNote);
	const name = parts
		.filter((part) => !isNote(part))
		.map(dropNotes)
		.filter(Boolean)
		.join(', ');
	return { name, genre: notes.filter((note) => !UNKNOWN.test(note)).join(', ') };
}

/** Removes parenthesised lower-case notes: "NHK (news)" → "NHK"; "(IOG)" stays. */
function dropNotes(part: string): string {
	return part.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (ANNOTATION.test(inner.trim()) ? '' : whole)).trim();
}

function isNews(publisher: string, name: string): boolean {
	return /\(\s*news\s*\)/i.test(publisher) || NEWS_NAME.test(name);
}

function authorName(text: string): string {
	return text.split(',')[0].trim();
}

/** The date parts of a leading YYYY, YYYY-MM or YYYY-MM-DD, or undefined. */
function parseDate(text: string): [number] | [number, number] | [number, number, number] | undefined {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d-])/.exec(text.trim());
	if (!match) return undefined;
	const year = Number(match[1]);
	if (match[2] === undefined) return [year];
	const month = Number(match[2]);
	if (month < 1 || month > 12) return undefined;
	if (match[3] === undefined) return [year, month];
	const day = Number(match[3]);
	return day >= 1 && day <= daysInMonth(year, month) ? [year, month, day] : undefined;
}

function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
