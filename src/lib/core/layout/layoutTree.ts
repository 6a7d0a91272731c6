import { hierarchy, tree as d3tree } from 'd3-hierarchy';
import { line } from 'd3-shape';
import type { FlatTree } from '../tree/compileTree.js';

export interface LayoutOptions {
	/** Paths of nodes whose subtrees are hidden. */
	collapsed?: ReadonlySet<string>;
	/** Vertical distance between sibling leaves. */
	rowHeight?: number;
	/** Horizontal distance between tree levels. */
	columnWidth?: number;
	/** Index of the node to lay out from (a subtree); default the root. */
	root?: number;
	/** Levels below `root` to show; deeper subtrees count as hidden. */
	maxDepth?: number;
	/** Which children to show; the others are left out (not counted as hidden). */
	keep?: (parent: number, child: number) => boolean;
}

export interface PlacedNode {
	index: number;
	x: number;
	y: number;
	/** Hidden descendants (collapsed here). */
	hiddenChildren: number;
}

export interface PlacedLink {
	source: number;
	target: number;
	/** SVG path data, right-angled as decision trees are drawn. */
	d: string;
	/** Where the branch label starts: at the beginning of the horizontal run into the child. */
	labelX: number;
	labelY: number;
}

export interface TreeLayout {
	nodes: PlacedNode[];
	links: PlacedLink[];
	/** Bounds of node positions. */
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

interface Datum {
	index: number;
	children: Datum[];
	hidden: number;
}

/** How far right of the parent its children's shared vertical runs: clear of the parent's siblings and their marks. */
export const STUB = 20;

const polyline = line<[number, number]>();

/** Parent → a short stub right → down (or up) to the child's row → across to the child. */
function elbow(s: [number, number], t: [number, number]): string {
	return polyline([s, [s[0] + STUB, s[1]], [s[0] + STUB, t[1]], t]) ?? '';
}

/**
 * Positions for the visible part of the tree, root on the left, using
 * d3-hierarchy's `tree`: the Reingold–Tilford "tidy" layout. Collapsed
 * subtrees are left out. Pure.
 */
export function layoutTree(flat: FlatTree, options: LayoutOptions = {}): TreeLayout {
	const rowHeight = options.rowHeight ?? 44;
	const columnWidth = options.columnWidth ?? 260;
	const collapsed = options.collapsed ?? new Set<string>();
	const maxDepth = options.maxDepth ?? Infinity;
	const keep = options.keep ?? (() => true);
	const build = (i: number, level: number): Datum => {
		const count = flat.childCount[i];
		if (count > 0 && (level >= maxDepth || collapsed.has(flat.tree.nodes[i].path))) return { index: i, children: [], hidden: count };
		const children: Datum[] = [];
		for (let k = 0; k < count; k++) if (keep(i, flat.childStart[i] + k)) children.push(build(flat.childStart[i] + k, level + 1));
		return { index: i, children, hidden: 0 };
	};
	const root = d3tree<Datum>().nodeSize([rowHeight, columnWidth])(hierarchy(build(options.root ?? 0, 0)));
	const nodes: PlacedNode[] = [];
	const links: PlacedLink[] = [];
	let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
	root.each((node) => {
		// d3's tree grows downwards; swap axes so that it grows to the right.
		const x = node.y;
		const y = node.x;
		nodes.push({ index: node.data.index, x, y, hiddenChildren: node.data.hidden });
		x0 = Math.min(x0, x);
		x1 = Math.max(x1, x);
		y0 = Math.min(y0, y);
		y1 = Math.max(y1, y);
		if (node.parent) {
			const s: [number, number] = [node.parent.y, node.parent.x];
			const t: [number, number] = [x, y];
			links.push({ source: node.parent.data.index, target: node.data.index, d: elbow(s, t), labelX: s[0] + STUB + 6, labelY: y });
		}
	});
	return { nodes, links, x0, x1, y0, y1 };
}
