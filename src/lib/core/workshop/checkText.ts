/** Limits on what people type in a workshop, in characters (code points). */
export const TEXT_LIMITS = {
	name: 40,
	rationale: 140,
	title: 120,
	injectTitle: 120,
	injectText: 1000
} as const;

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * Checks a person's text: NFC, trimmed, within `max` characters, no control
 * characters; a one-line text may not hold line breaks. Pure.
 */
export function checkText(raw: unknown, options: { field: string; max: number; required: boolean; multiline?: boolean }): TextCheck {
	const { field, max, required } = options;
	if (raw === undefined || raw === null) return required ? { ok: false, message: `Write a ${field}.` } : { ok: true, text: '' };
	if (typeof raw !== 'string') return { ok: false, message: `The ${field} must be text.` };
	const text = (options.multiline ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').trim();
	if (required && text === '') return { ok: false, message: `Write a ${field}.` };
	const length = [...text].length;
	if (length > max) return { ok: false, message: `The ${field} is ${length} characters; keep it to ${max}.` };
	// C0 and C1 controls (U+0085 is a line break), the Unicode line and paragraph separators,
	// and bidirectional controls, which could make a name reorder the text around it.
	const forbidden = options.multiline
		? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/
		: /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
	if (forbidden.test(text)) return { ok: false, message: options.multiline ? `The ${field} holds a control character; remove it.` : `The ${field} is one line; remove line breaks and control characters.` };
	return { ok: true, text };
}
