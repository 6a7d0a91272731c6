/** The language notes, glosses and the interface are written in; an excerpt in it needs no gloss. */
export const READER_LANGUAGE = 'en';

/** Whether two language tags name the same language ("en" and "en-GB" do). Pure. */
export function sameLanguage(a: string | undefined, b: string): boolean {
	return (a ?? '').toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}
