import { isWide } from '../lib/core/util/eastAsianWidth.js';

/** The columns a character takes in a terminal: two if wide (UAX #11), else its UTF-16 length, as `padEnd` counts it. */
const charColumns = (char: string) => (isWide(char) ? 2 : char.length);

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
