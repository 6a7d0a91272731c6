import type { PlacedLink, PlacedNode, TreeLayout } from './layoutTree.js';

/** A pan/zoom transform (screen = k · layout + (x, y)) and the screen size. */
export interface Viewport {
	x: number;
	y: number;
	k: number;
	width: number;
	height: number;
}

/**
 * The nodes and links of a layout that fall on screen, with a margin so
 * labels that stick out are kept. Drawing only these keeps re-rendering
 * cost proportional to what the user can see, not to the tree's size. Pure.
 */
export function cullLayout(layout: TreeLayout, viewport: Viewport, margin = 120): { nodes: PlacedNode[]; links: PlacedLink[] } {
	const { x, y, k, width, height } = viewport;
	// The visible rectangle in layout coordinates.
	const left = (-margin - x) / k;
	const right = (width + margin - x) / k;
	const top = (-margin - y) / k;
	const bottom = (height + margin - y) / k;
	const nodes = layout.nodes.filter((n) => n.x >= left - 300 && n.x <= right && n.y >= top && n.y <= bottom);
	const position = new Map(layout.nodes.map((n) => [n.index, n]));
	const links = layout.links.filter((link) => {
		const s = position.get(link.source) as PlacedNode;
		const t = position.get(link.target) as PlacedNode;
		const y0 = Math.min(s.y, t.y);
		const y1 = Math.max(s.y, t.y);
		return s.x <= right && t.x >= left && y1 >= top && y0 <= bottom;
	});
	return { nodes, links };
}
