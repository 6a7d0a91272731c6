import type { LabelledLayout } from './layoutLabelledTree.js';

/** What a key does in the tree: move the focus (a position in `layout.nodes`), or open or fold the focused node. */
export type TreeKeyAction = { focus: number } | { expand: number } | { collapse: number } | { select: number } | undefined;

/**
 * The WAI-ARIA tree pattern's keys over the nodes shown, in reading order:
 * Up and Down move, Right opens a folded node or moves to its first child,
 * Left folds an open node or moves to its parent, Home and End go to the first
 * and last node, Enter and Space select. Pure.
 * https://www.w3.org/WAI/ARIA/apg/patterns/treeview/
 */
export function treeKeys(layout: LabelledLayout, at: number, key: string): TreeKeyAction {
	const nodes = layout.nodes;
	const node = nodes[at];
	if (!node) return nodes.length > 0 ? { focus: 0 } : undefined;
	switch (key) {
		case 'ArrowDown':
			return at + 1 < nodes.length ? { focus: at + 1 } : undefined;
		case 'ArrowUp':
			return at > 0 ? { focus: at - 1 } : undefined;
		case 'Home':
			return { focus: 0 };
		case 'End':
			return { focus: nodes.length - 1 };
		case 'ArrowRight':
			if (node.hiddenChildren > 0) return { expand: at };
			return node.shownChildren > 0 ? { focus: at + 1 } : undefined;
		case 'ArrowLeft':
			if (node.shownChildren > 0) return { collapse: at };
			return node.parent >= 0 ? { focus: node.parent } : undefined;
		case 'Enter':
		case ' ':
			return { select: at };
		default:
			return undefined;
	}
}
