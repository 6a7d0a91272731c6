import { line } from 'd3-shape';
import { KIND_CHANCE, type FlatTree } from '../tree/compileTree.js';
import { estimateTextWidth } from './estimateTextWidth.js';
import { wrapLabel, type WrappedLabel } from './wrapLabel.js';

/** Sizes of the tree's text, in layout units (screen pixels at scale 1). */
export interface TreeMetrics {
	fontSize: number;
	lineHeight: number;
	/** Width of a text at `fontSize`. */
	measure: (text: string) => number;
	/** A branch label wraps at this width… */
	maxLabelWidth: number;
	/** …onto at most this many lines, then ends in "…". */
	maxLabelLines: number;
	/** The text right of a leaf is shortened past this width. */
	maxLeafWidth: number;
}

export const DEFAULT_METRICS: TreeMetrics = {
	fontSize: 13,
	lineHeight: 16,
	measure: (text) => estimateTextWidth(text, 13),
	maxLabelWidth: 190,
	maxLabelLines: 2,
	maxLeafWidth: 170
};

export interface LabelledLayoutOptions {
	/** Whether the subtree of a node (by index and depth) is folded. */
	folded?: (index: number, depth: number) => boolean;
	/** Levels below the root to show; deeper subtrees are folded. */
	maxDepth?: number;
	/** The name on the branch into a node (its move's label). */
	branchLabel: (index: number) => string;
	/** The text right of a leaf (an outcome's name, or how many moves are folded there). */
	leafLabel: (index: number, hidden: number) => string;
	metrics?: TreeMetrics;
}

export interface LabelledNode {
	/** Index in the flat tree. */
	index: number;
	x: number;
	y: number;
	depth: number;
	/** Position of the parent in `nodes`, −1 for the root. */
	parent: number;
	/** Moves folded here (0 when open or a terminal). */
	hiddenChildren: number;
	/** Children shown. */
	shownChildren: number;
	/** 1-based position among its siblings, and how many siblings there are. */
	posInSet: number;
	setSize: number;
	/** The branch label above the link into this node (none at the root). */
	label: WrappedLabel & { full: string };
	/** The text right of a leaf, shortened to fit (empty for open nodes). */
	leaf: WrappedLabel & { full: string };
	/** Whether the link into this node comes from a chance node (a probability is drawn below it). */
	chance: boolean;
}

export interface LabelledLink {
	/** Positions in `nodes`. */
	source: number;
	target: number;
	d: string;
}

export interface LabelledLayout {
	/** Depth-first, in reading order (top to bottom): the order a keyboard walks. */
	nodes: LabelledNode[];
	links: LabelledLink[];
	/** Extent of everything drawn, labels included. */
	bounds: { left: number; right: number; top: number; bottom: number };
	/** Space reserved right of a leaf for its value, before its text. */
	valueWidth: number;
}

/** How far right of a node its children's shared vertical run is. */
export const STUB = 20;
/** Half the size of a node's mark. */
export const MARK = 9;
/** Space between a branch label's end and the node it leads to. */
const NODE_GAP = 14;
/** Vertical space between the bands of sibling subtrees. */
const BAND_GAP = 3;
/** Baselines of the text above a branch (its label's last line) and below it (probability, value), from the branch's line. */
export const ABOVE_BASELINE = -3;
export const BELOW_BASELINE = 13;

const polyline = line<[number, number]>();

/**
 * Positions for the visible part of the tree, root on the left, with room for
 * every label: each subtree gets its own horizontal band, as decision-tree
 * tools draw them, so an outcome's text can never run into a deeper branch of
 * a neighbour (a depth-wise tidy layout packs subtrees closer, but only
 * compares nodes at the same depth). A parent sits midway between its first
 * and last child; each column is as wide as the longest branch label into it.
 * Pure.
 */
export function layoutLabelledTree(flat: FlatTree, options: LabelledLayoutOptions): LabelledLayout {
	const metrics = options.metrics ?? DEFAULT_METRICS;
	const { lineHeight, measure } = metrics;
	const folded = options.folded ?? (() => false);
	const maxDepth = options.maxDepth ?? Infinity;
	const valueWidth = measure('−00.00 ');
	const reachWidth = measure(' (100%)');
	const belowWidth = measure('100%') + 12 + valueWidth;

	interface Draft {
		index: number;
		depth: number;
		children: Draft[];
		hidden: number;
		label: WrappedLabel & { full: string };
		leaf: WrappedLabel & { full: string };
		chance: boolean;
		/** y relative to the parent's y. */
		offset: number;
		/** Extent of the subtree above and below this node's y. */
		top: number;
		bottom: number;
	}
	const none = { lines: [], truncated: false, width: 0, full: '' };
	const columns: number[] = [0];
	let visited = 0;

	const build = (i: number, depth: number, chance: boolean): Draft => {
		if (++visited > 200_000) throw new Error('Tree layout limit exceeded (200000 nodes)');
		const count = flat.childCount[i];
		const isFolded = count > 0 && (depth >= maxDepth || folded(i, depth));
		const full = depth === 0 ? '' : options.branchLabel(i);
		const label = depth === 0 ? none : { ...wrapLabel(full, { maxWidth: metrics.maxLabelWidth, maxLines: metrics.maxLabelLines, measure }), full };
		const leafFull = count === 0 || isFolded ? options.leafLabel(i, isFolded ? count : 0) : '';
		const leaf = leafFull === '' ? none : { ...wrapLabel(leafFull, { maxWidth: metrics.maxLeafWidth, maxLines: 1, measure }), full: leafFull };
		if (depth > 0) columns[depth] = Math.max(columns[depth] ?? 0, STUB + 6 + Math.max(label.width, chance || (count > 0 && !isFolded) ? belowWidth : 0) + NODE_GAP);
		const children: Draft[] = [];
		const isChance = flat.kind[i] === KIND_CHANCE;
		if (!isFolded) for (let k = 0; k < count; k++) children.push(build(flat.childStart[i] + k, depth + 1, isChance));
		// Above the node's line: its branch label; below: the probability and, for an open node, its value. The root's value is on its left.
		const above = Math.max(MARK + 2, label.lines.length * lineHeight + 1);
		const below = depth === 0 ? MARK + 2 : chance || children.length > 0 ? lineHeight + 1 : MARK + 2;
		const draft: Draft = { index: i, depth, children, hidden: isFolded ? count : 0, label, leaf, chance, offset: 0, top: -above, bottom: below };
		if (children.length > 0) {
			// Stack the children's bands, then centre the node between the first and last child.
			let cursor = 0;
			for (const [k, child] of children.entries()) {
				child.offset = k === 0 ? 0 : cursor - child.top;
				cursor = child.offset + child.bottom + BAND_GAP;
			}
			const mid = (children[0].offset + children[children.length - 1].offset) / 2;
			for (const child of children) child.offset -= mid;
			draft.top = Math.min(-above, ...children.map((c) => c.offset + c.top));
			draft.bottom = Math.max(below, ...children.map((c) => c.offset + c.bottom));
		}
		return draft;
	};
	const root = build(0, 0, false);

	const x = [0];
	for (let d = 1; d < columns.length; d++) x[d] = x[d - 1] + Math.max(90, columns[d]);
	const nodes: LabelledNode[] = [];
	const links: LabelledLink[] = [];
	let right = MARK;
	const place = (draft: Draft, y: number, parent: number, posInSet: number, setSize: number) => {
		const at = nodes.length;
		const nx = x[draft.depth];
		nodes.push({
			index: draft.index,
			x: nx,
			y,
			depth: draft.depth,
			parent,
			hiddenChildren: draft.hidden,
			shownChildren: draft.children.length,
			posInSet,
			setSize,
			label: draft.label,
			leaf: draft.leaf,
			chance: draft.chance
		});
		if (parent >= 0) {
			const p = nodes[parent];
			links.push({ source: parent, target: at, d: polyline([[p.x, p.y], [p.x + STUB, p.y], [p.x + STUB, y], [nx, y]]) ?? '' });
		}
		if (draft.children.length === 0) right = Math.max(right, nx + MARK + 6 + valueWidth + draft.leaf.width + (flat.childCount[draft.index] === 0 ? reachWidth : 0));
		for (const [k, child] of draft.children.entries()) place(child, y + child.offset, at, k + 1, draft.children.length);
	};
	place(root, -root.top, -1, 1, 1);
	return { nodes, links, bounds: { left: -MARK - 6 - valueWidth, right, top: 0, bottom: root.bottom - root.top }, valueWidth };
}
