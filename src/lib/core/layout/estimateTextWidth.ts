/**
 * A text's width in pixels at a font size, estimated from character classes:
 * full-width (CJK, kana, full-width forms) one em, narrow Latin letters and
 * punctuation less, everything else 0.6 em — the advance of a typical
 * sans-serif. A browser measures instead (canvas `measureText`); this keeps
 * the layout pure and testable. Pure.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || code >= 0x20000)) em += 1;
		else if ('iljtf.,:;!|\'" ()[]'.includes(char)) em += 0.33;
		else if (char >= 'A' && char <= 'Z') em += 0.68;
		else if (char === 'm' || char === 'w' || char === 'M' || char === 'W') em += 0.85;
		else em += 0.58;
	}
	return em * fontSize;
}
