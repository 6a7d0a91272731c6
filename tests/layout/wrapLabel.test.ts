import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../src/lib/core/layout/estimateTextWidth.js';
import { wrapLabel } from '../../src/lib/core/layout/wrapLabel.js';

/** Every character 10 px wide: widths are easy to reason about. */
const mono = (text: string) => [...text].length * 10;

describe('wrapLabel', () => {
	it.each([
		['fits on one line', 'Engage China', 200, 2, ['Engage China'], false],
		['breaks between words', 'Targeted sanctions with sharing', 200, 2, ['Targeted sanctions', 'with sharing'], false],
		['ends the last line in an ellipsis when the text runs over', 'one two three four five six seven eight', 100, 2, ['one two', 'three fou…'], true],
		['cuts a word longer than a line', 'Supercalifragilistic', 100, 1, ['Supercali…'], true],
		['breaks Japanese text between characters', '両首脳は包括的戦略パートナーシップ条約に署名', 100, 2, ['両首脳は包括的戦略パ', 'ートナーシップ条約…'], true]
	])('%s', (_, text, maxWidth, maxLines, lines, truncated) => {
		const wrapped = wrapLabel(text, { maxWidth, maxLines, measure: mono });
		expect(wrapped.lines).toEqual(lines);
		expect(wrapped.truncated).toBe(truncated);
		for (const line of wrapped.lines) expect(mono(line)).toBeLessThanOrEqual(maxWidth);
		expect(wrapped.width).toBe(Math.max(...wrapped.lines.map(mono)));
	});

	it('gives no lines for an empty label', () => {
		expect(wrapLabel('', { maxWidth: 100, maxLines: 2, measure: mono })).toEqual({ lines: [], truncated: false, width: 0 });
	});
});

describe('estimateTextWidth', () => {
	it('counts a full-width character as one em and Latin letters as less', () => {
		expect(estimateTextWidth('条約', 10)).toBe(20);
		expect(estimateTextWidth('ab', 10)).toBeLessThan(20);
		expect(estimateTextWidth('MW', 10)).toBeGreaterThan(estimateTextWidth('il', 10));
	});
});
