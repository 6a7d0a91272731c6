/**
 * East Asian Wide and Fullwidth characters (Unicode UAX #11), drawn twice
 * as wide as Latin letters — a terminal gives them two columns, a figure
 * about one em: CJK ideographs, kana, hangul, fullwidth forms and the like.
 * Ambiguous ones (★, …, –) count as narrow, as outside East Asian locales.
 */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** Whether a character (one code point) is wide. Pure. */
export function isWide(char: string): boolean {
	return WIDE.test(char);
}
