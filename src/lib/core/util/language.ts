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
