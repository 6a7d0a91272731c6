import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/** Limits on what people type in a workshop, in characters (code points). */
export const TEXT_LIMITS = {
	name: 40,
	rationale: 140,
	title: 120,
	injectTitle: 120,
	injectText: 1000
} as const;

/** The fields people type, by their English names, each with its name in the reader's language. */
const FIELD_NAMES: Readonly<Record<string, (inputs: object, options: { locale: Locale }) => string>> = {
	title: m.wsx_field_title,
	'display name': m.wsx_field_display_name,
	rationale: m.wsx_field_rationale,
	text: m.wsx_field_text
};

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * Checks a person's text: NFC, trimmed, within `max` characters, no control
 * characters; a one-line text may not hold line breaks. What is wrong is
 * said in `lang` (English by default), the field by its name in that
 * language where it is one of `FIELD_NAMES`, else as given. Pure.
 */
export function checkText(raw: unknown, options: { field: string; max: number; required: boolean; multiline?: boolean; lang?: Locale }): TextCheck {
	const { max, required } = options;
	const locale = { locale: options.lang ?? 'en' };
	const field = Object.hasOwn(FIELD_NAMES, options.field) ? FIELD_NAMES[options.field]({}, locale) : options.field;
	if (raw === undefined || raw === null) return required ? { ok: false, message: m.wsx_text_missing({ field }, locale) } : { ok: true, text: '' };
	if (typeof raw !== 'string') return { ok: false, message: m.wsx_text_not_text({ field }, locale) };
	const text = (options.multiline ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
	if (required && text === '') return { ok: false, message: m.wsx_text_missing({ field }, locale) };
	const length = [...text].length;
	if (length > max) return { ok: false, message: m.wsx_text_too_long({ field, length, max }, locale) };
	// C0 and C1 controls (U+0085 is a line break), the Unicode line and paragraph separators,
	// and bidirectional controls, which could make a name reorder the text around it.
	const forbidden = options.multiline
		? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/
		: /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
	if (forbidden.test(text)) return { ok: false, message: options.multiline ? m.wsx_text_control({ field }, locale) : m.wsx_text_one_line({ field }, locale) };
	return { ok: true, text };
}
