export interface WrappedLabel {
	lines: string[];
	/** Whether text was cut (the last line ends in "…"). */
	truncated: boolean;
	/** Width of the widest line. */
	width: number;
}

export interface WrapOptions {
	maxWidth: number;
	maxLines: number;
	/** Width of a text in pixels. */
	measure: (text: string) => number;
}

/** Breaks between words, and anywhere in text without spaces (Japanese is written without them). */
function pieces(text: string): string[] {
	return text.match(/[^\s\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]+\s*|[\u3000-\u9fff\uac00-\ud7a3\uff00-\uffef]\s*|\s+/g) ?? [];
}

/**
 * A label broken into at most `maxLines` lines no wider than `maxWidth`,
 * the last shortened with "…" when the text does not fit. A single word
 * wider than a line is cut. Pure.
 */
export function wrapLabel(text: string, options: WrapOptions): WrappedLabel {
	const { maxWidth, maxLines, measure } = options;
	const lines: string[] = [];
	let line = '';
	let overflow = false;
	for (const word of pieces(text.trim())) {
		if (line === '' || measure((line + word).trimEnd()) <= maxWidth) {
			line += word;
			continue;
		}
		lines.push(line.trimEnd());
		line = word;
		if (lines.length === maxLines) {
			overflow = true;
			break;
		}
	}
	if (!overflow && line.trim() !== '') lines.push(line.trimEnd());
	const tooWide = lines.map((l) => measure(l) > maxWidth);
	const fitted = lines.map((l, k) => (tooWide[k] || (overflow && k === lines.length - 1) ? shorten(l, maxWidth, measure) : l));
	return { lines: fitted, truncated: overflow || tooWide.includes(true), width: Math.max(0, ...fitted.map(measure)) };
}

/** The longest start of the text that fits with "…" after it. */
function shorten(text: string, maxWidth: number, measure: (text: string) => number): string {
	const chars = [...text.trimEnd()];
	while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
	return `${chars.join('').trimEnd()}…`;
}
