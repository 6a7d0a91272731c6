import { estimateTextWidth } from '../core/layout/estimateTextWidth.js';

export const TREE_FONT_SIZE = 13;
const FONT = `700 ${TREE_FONT_SIZE}px system-ui, 'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', sans-serif`;

/**
 * Measures the tree's text as the browser will draw it (canvas `measureText`
 * with the tree's font, in its boldest weight so bold labels fit too), with a
 * cache: a layout measures each label several times while wrapping it.
 */
export function measureTreeText(): (text: string) => number {
	const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	if (!context) return (text) => estimateTextWidth(text, TREE_FONT_SIZE);
	context.font = FONT;
	const cache = new Map<string, number>();
	return (text) => {
		let width = cache.get(text);
		if (width === undefined) {
			width = context.measureText(text).width;
			if (cache.size > 20_000) cache.clear();
			cache.set(text, width);
		}
		return width;
	};
}
