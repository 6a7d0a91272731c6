import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWidth, truncate, wrapText } from '../../src/lib/core/index.js';

describe('wrapText', () => {
	it('breaks English at spaces', () => {
		expect(wrapText('the quick brown fox jumps over the lazy dog', 100, 10)).toEqual(['the quick brown fox', 'jumps over the lazy', 'dog']);
	});

	it('breaks Japanese between characters, each a full em wide', () => {
		expect(wrapText('ロシアと北朝鮮の新条約', 50, 10)).toEqual(['ロシアと北', '朝鮮の新条', '約']);
	});

	it('starts no line with a closing mark and ends none with an opening bracket', () => {
		// Five characters fit a line: 。 would start the second line and 「 end the first.
		expect(wrapText('北朝鮮の条約。次', 50, 10)).toEqual(['北朝鮮の条', '約。次']);
		expect(wrapText('ロシアと「新条約」', 50, 10)).toEqual(['ロシアと', '「新条約」']);
	});

	it('keeps explicit line breaks', () => {
		expect(wrapText('Notes:\n1. a', 500, 10)).toEqual(['Notes:', '1. a']);
	});

	it('never loses a character and keeps lines within the width unless one word is wider', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('a', 'bb', 'ccc ', ' ', 'ロ', 'シア', 'Word', '「', '」'), { maxLength: 60 }), fc.integer({ min: 40, max: 400 }), (parts, width) => {
				const text = parts.join('').replace(/\n/g, '');
				const lines = wrapText(text, width, 10);
				expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
				for (const line of lines) if (line.includes(' ') || [...line].length > 1) expect(textWidth(line.trim(), 10)).toBeLessThanOrEqual(width + textWidth(line.trim().split(' ').pop() ?? '', 10));
			})
		);
	});
});

describe('truncate', () => {
	it('shortens with an ellipsis only when needed', () => {
		expect(truncate('abcdef', 4)).toBe('abc…');
		expect(truncate('abc', 4)).toBe('abc');
	});
});
