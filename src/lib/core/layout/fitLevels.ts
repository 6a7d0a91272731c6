import type { LabelledLayout } from './layoutLabelledTree.js';

export interface FitOptions {
	/** The layout showing this many levels below the root. */
	layoutAt: (levels: number) => LabelledLayout;
	/** The deepest level there is. */
	height: number;
	/** The room on screen, in pixels. */
	width: number;
	viewHeight: number;
	/** Scales below this make the text too small to read; above the maximum, too big. */
	minScale: number;
	maxScale: number;
}

export interface Fit {
	/** Levels shown; deeper ones are folded. */
	levels: number;
	scale: number;
	layout: LabelledLayout;
	/** Whether even the first level needs more room than there is at a readable size. */
	overflows: boolean;
}

const fitsAt = (layout: LabelledLayout, width: number, height: number, scale: number) =>
	(layout.bounds.right - layout.bounds.left) * scale <= width && (layout.bounds.bottom - layout.bounds.top) * scale <= height;

/**
 * As many levels as fit on screen with the text at a readable size, and the
 * scale that shows them: fitting folds levels rather than shrinking text
 * below `minScale`. Layouts grow with every level, so the search stops at the
 * first that does not fit — the cost follows what is shown, not the tree. Pure.
 */
export function fitLevels(options: FitOptions): Fit {
	const { width, viewHeight, minScale, maxScale } = options;
	let levels = 1;
	let layout = options.layoutAt(1);
	for (let next = 2; next <= options.height; next++) {
		if (!fitsAt(layout, width, viewHeight, minScale)) break;
		const deeper = options.layoutAt(next);
		if (!fitsAt(deeper, width, viewHeight, minScale)) break;
		levels = next;
		layout = deeper;
	}
	const w = layout.bounds.right - layout.bounds.left;
	const h = layout.bounds.bottom - layout.bounds.top;
	const scale = Math.max(minScale, Math.min(maxScale, width / w, viewHeight / h));
	return { levels, scale, layout, overflows: !fitsAt(layout, width, viewHeight, minScale) };
}
