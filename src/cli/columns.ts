/**
 * East Asian Wide and Fullwidth characters (Unicode UAX #11), which a
 * terminal draws two columns wide: CJK ideographs, kana, hangul, fullwidth
 * forms and the like. Ambiguous ones (★, …, –) count as narrow, as
 * terminals outside East Asian locales draw them.
 */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** The columns a character takes: two if wide, else its UTF-16 length, as `padEnd` counts it. */
const charColumns = (char: string) => (WIDE.test(char) ? 2 : char.length);

/** The columns a text takes in a terminal; for text without wide characters, its length. Pure. */
export function columns(text: string): number {
	let n = 0;
	for (const char of text) n += charColumns(char);
	return n;
}

/** `text.padEnd(width)` by terminal columns, so Japanese labels line up with the numbers after them. Pure. */
export function padEndColumns(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - columns(text)));
}

/** `text.padStart(width)` by terminal columns. Pure. */
export function padStartColumns(text: string, width: number): string {
	return ' '.repeat(Math.max(0, width - columns(text))) + text;
}

/** The longest start of `text` that fits in `width` columns (`text.slice(0, width)` for narrow text). Pure. */
export function fitColumns(text: string, width: number): string {
	let out = '';
	let used = 0;
	for (const char of text) {
		if (used + charColumns(char) > width) break;
		out += char;
		used += charColumns(char);
	}
	return out;
}
