import { isWide } from '../util/eastAsianWidth.js';

/**
 * Breaks text into lines no wider than `width` pixels at `fontSize`, for SVG
 * (which does not wrap). Widths are estimated, not measured, so that the
 * same text wraps the same way in the browser, the CLI and every renderer:
 * full-width (CJK) characters count 1 em, others about 0.56 em. Lines break
 * at spaces, and between any two full-width characters, as Japanese does,
 * but not before a closing bracket or mark (、。」) nor after an opening
 * bracket (「（): the Japanese rule of line-start and line-end prohibitions.
 * Pure.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const token of tokens(paragraph)) {
			const w = textWidth(token, fontSize);
			if (lineWidth + w > width && line.trim() !== '') {
				lines.push(line.trimEnd());
				line = token.trimStart();
				lineWidth = textWidth(line, fontSize);
			} else {
				line += token;
				lineWidth += w;
			}
		}
		lines.push(line.trimEnd());
	}
	return lines;
}

/** Estimated width in pixels of a line of text. Pure. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const ch of text) em += isWide(ch) ? 1 : ch === ' ' ? 0.3 : /[A-Z0-9mwMW@%]/.test(ch) ? 0.66 : 0.54;
	return em * fontSize;
}

/** Shortens text to at most `max` characters with an ellipsis. Pure. */
export function truncate(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Marks a Japanese line may not start with. */
const NO_LINE_START = new Set('、。，．・：；？！）」』】〕〉》ゝゞヽヾ々ー');
/** Brackets a Japanese line may not end with. */
const NO_LINE_END = new Set('（「『【〔〈《');

/**
 * Words with their following space, and single full-width characters; a
 * closing mark stays with what it follows, an opening bracket with what it
 * opens.
 */
function tokens(text: string): string[] {
	const out: string[] = [];
	let word = '';
	let opening = '';
	for (const ch of text) {
		if (NO_LINE_START.has(ch) && (word || opening || (out.length > 0 && !out[out.length - 1].endsWith(' ')))) {
			if (opening) opening += ch;
			else if (word) word += ch;
			else out[out.length - 1] += ch;
		} else if (NO_LINE_END.has(ch)) {
			if (word) out.push(word);
			word = '';
			opening += ch;
		} else if (isWide(ch)) {
			if (word) out.push(word);
			out.push(opening + ch);
			word = '';
			opening = '';
		} else if (opening) {
			word = opening + word + ch;
			opening = '';
		} else if (ch === ' ') {
			out.push(`${word} `);
			word = '';
		} else word += ch;
	}
	if (word) out.push(word);
	if (opening) out.push(opening);
	return out;
}
