import { getLocale } from '../paraglide/runtime.js';

/** A date written YYYY-MM-DD, in the reader's language: "4 Jul 2024", "2024年7月4日". Other text is returned as it is. */
export function formatDate(iso: string, locale: string = getLocale()): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) return iso;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: locale === 'ja' ? 'long' : 'medium', timeZone: 'UTC' }).format(date);
}
