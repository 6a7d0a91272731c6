import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/** A number as the CLI and tables print it: up to `digits` decimals, no trailing zeros, no "-0". */
export function formatNumber(x: number, digits = 3): string {
	if (!Number.isFinite(x)) return String(x);
	const rounded = Number(x.toFixed(digits));
	return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The one rounding rule for values (expected values, scores, payoffs), as every view, export and command prints them. */
export const VALUE_ROUNDING = 'three significant figures, to at most three decimal places';

/** `VALUE_ROUNDING` in a language. */
export function valueRounding(lang: Locale): string {
	return m.xp_value_rounding({}, { locale: lang });
}

/**
 * A value (an expected value, a score, a payoff) rounded by the one rule
 * stated in `VALUE_ROUNDING`: −0.4648 → "-0.465", 12.345 → "12.3", 0.00012 → "0".
 */
export function formatValue(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	const rounded = Number(Number(x.toPrecision(3)).toFixed(3));
	return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A probability as a percentage with one decimal. */
export function formatPercent(p: number): string {
	return `${formatNumber(p * 100, 1)}%`;
}

/**
 * A date as the language writes it: an ISO date ("2024-06-20", "2024-06",
 * "2024") in Japanese as 2024年6月20日; other text, and every date in
 * English, as written. Pure.
 */
export function formatDay(date: string, lang: Locale): string {
	const ymd = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
	if (lang !== 'ja' || !ymd) return date;
	return `${ymd[1]}年${ymd[2] ? `${Number(ymd[2])}月` : ''}${ymd[3] ? `${Number(ymd[3])}日` : ''}`;
}

/** The punctuation that joins a language's phrases: list separators, brackets and quotation marks. */
export interface Punctuation {
	/** Between items of a list: ", " or "、". */
	comma: string;
	/** Between clauses or longer items: "; " or "；". */
	semicolon: string;
	/** A phrase in brackets after another: " (x)" or "（x）". */
	paren: (text: string) => string;
	/** A label quoted: “x” or 「x」. */
	quote: (text: string) => string;
	/** After a heading word: ": " or "：". */
	colon: string;
	/** Between sentences: a space in English, nothing in Japanese. */
	sentenceGap: string;
}

const PUNCTUATION: Record<Locale, Punctuation> = {
	en: { comma: ', ', semicolon: '; ', paren: (t) => ` (${t})`, quote: (t) => `“${t}”`, colon: ': ', sentenceGap: ' ' },
	ja: { comma: '、', semicolon: '；', paren: (t) => `（${t}）`, quote: (t) => `「${t}」`, colon: '：', sentenceGap: '' }
};

/** The punctuation of a language. Pure. */
export function punctuation(lang: Locale): Punctuation {
	return PUNCTUATION[lang];
}
