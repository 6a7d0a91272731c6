import { describe, expect, it } from 'vitest';
import { checkText, TEXT_LIMITS } from '../../src/lib/core/index.js';

const line = { field: 'display name', max: TEXT_LIMITS.name, required: true };
const optional = { field: 'rationale', max: TEXT_LIMITS.rationale, required: false };
const block = { field: 'text', max: TEXT_LIMITS.injectText, required: true, multiline: true };

describe('checkText', () => {
	it.each([
		['a plain name', 'Ann Lee', line, 'Ann Lee'],
		['surrounding spaces, trimmed', '  Ann  ', line, 'Ann'],
		['exactly the limit', 'n'.repeat(40), line, 'n'.repeat(40)],
		['40 characters outside the BMP (80 UTF-16 units)', '🦊'.repeat(40), line, '🦊'.repeat(40)],
		['decomposed accents, normalised to NFC', 'Zoe\u0301', line, 'Zoé'],
		['nothing, when optional', undefined, optional, ''],
		['line breaks, in a multi-line text', 'one\ntwo\n\nthree', block, 'one\ntwo\n\nthree'],
		['Windows line breaks, made line feeds', 'one\r\ntwo', block, 'one\ntwo'],
		['a tab in a multi-line text', 'one\ttwo', block, 'one\ttwo']
	] as const)('accepts %s', (_, raw, options, text) => {
		expect(checkText(raw, options)).toEqual({ ok: true, text });
	});

	it.each([
		['nothing, when required', undefined, line, /Write a display name/],
		['null, when required', null, line, /Write a display name/],
		['only spaces', '   ', line, /Write a display name/],
		['a number', 42, line, /must be text/],
		['one character over the limit', 'n'.repeat(41), line, /41 characters; keep it to 40/],
		['a line feed in a one-line text', 'Ann\nLee', line, /one line/],
		['a carriage return in a one-line text', 'Ann\rLee', line, /one line/],
		['a tab in a one-line text', 'Ann\tLee', line, /one line/],
		['a NUL', 'Ann\u0000', line, /one line/],
		['DEL', 'Ann\u007f', line, /one line/],
		['an escape in a multi-line text', 'a\u001b[31m', block, /control character/],
		['a C1 control (U+0080) in a multi-line text', 'a\u0080b', block, /control character/],
		['a line separator (U+2028) in a one-line text', 'Ann\u2028Lee', line, /one line/],
		['a paragraph separator (U+2029) in a one-line text', 'Ann\u2029Lee', line, /one line/],
		['a next-line control (U+0085) in a one-line text', 'Ann\u0085Lee', line, /one line/]
	] as const)('refuses %s', (_, raw, options, message) => {
		const checked = checkText(raw, options);
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.message).toMatch(message);
	});
});
