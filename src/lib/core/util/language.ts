import { locales, type Locale } from '../../paraglide/runtime.js';

/** The language notes, glosses and the interface are written in; an excerpt in it needs no gloss. */
export const READER_LANGUAGE = 'en';

/** A language tag's language, lower case: "en-GB" → "en"; "" for none. Pure. */
export function baseLanguage(tag: string | undefined): string {
	return (tag ?? '').toLowerCase().split('-')[0];
}

/** Whether two language tags name the same language ("en" and "en-GB" do). Pure. */
export function sameLanguage(a: string | undefined, b: string): boolean {
	return baseLanguage(a) === baseLanguage(b);
}

/**
 * The language messages are given in for a language tag: the tag's
 * language when Branchpoint speaks it ("ja-JP" → ja), else English. Pure.
 */
export function messageLocale(tag: string | undefined): Locale {
	const base = baseLanguage(tag);
	return (locales as readonly string[]).includes(base) ? (base as Locale) : 'en';
}
