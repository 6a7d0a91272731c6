/**
 * The workbench's side panels (assumptions on the left, details on the right):
 * their widths and whether they are folded, as remembered in the browser.
 * Pure: the view reads and writes `localStorage` with these functions.
 */

export interface PanelState {
	/** Width in CSS pixels when open. */
	width: number;
	collapsed: boolean;
}

export interface PanelLayout {
	assumptions: PanelState;
	inspector: PanelState;
	/** Whether the what-if walk under the tree is folded to one line. */
	walkCollapsed: boolean;
}

export type PanelSide = 'assumptions' | 'inspector';

export const PANELS_KEY = 'branchpoint:panels';
export const MIN_PANEL = 200;
export const MAX_PANEL = 560;
/** One arrow-key press on a panel's edge moves it this far. */
export const PANEL_STEP = 16;
/** Below this viewport width the panels become tabs, each taking the full width in turn. */
export const NARROW = 1100;
/** The tree keeps at least this much width when both panels are open. */
export const MIN_CENTRE = 420;
/** Below this viewport height the what-if walk starts folded. */
export const SHORT = 900;

/**
 * Widths that leave the tree most of a laptop screen, and a little more room
 * for the panels on a large one; on a short screen the what-if walk starts
 * folded to its one line so that the tree gets the height.
 */
export function defaultPanels(viewportWidth: number, viewportHeight = 1000): PanelLayout {
	const wide = viewportWidth >= 1500;
	return {
		assumptions: { width: wide ? 300 : 260, collapsed: false },
		inspector: { width: wide ? 340 : 300, collapsed: false },
		walkCollapsed: viewportHeight < SHORT
	};
}

export const clampWidth = (width: number) => Math.round(Math.min(MAX_PANEL, Math.max(MIN_PANEL, width)));

/** The remembered layout, or the defaults for whatever is missing or malformed in it. */
export function parsePanels(stored: string | null, viewportWidth: number, viewportHeight?: number): PanelLayout {
	const layout = defaultPanels(viewportWidth, viewportHeight);
	let raw: unknown;
	try {
		raw = stored === null ? undefined : JSON.parse(stored);
	} catch {
		return layout;
	}
	if (typeof raw !== 'object' || raw === null) return layout;
	const record = raw as Record<string, unknown>;
	for (const side of ['assumptions', 'inspector'] as const) {
		const entry = record[side];
		if (typeof entry !== 'object' || entry === null) continue;
		const { width, collapsed } = entry as Record<string, unknown>;
		if (typeof width === 'number' && Number.isFinite(width)) layout[side].width = clampWidth(width);
		if (typeof collapsed === 'boolean') layout[side].collapsed = collapsed;
	}
	if (typeof record.walkCollapsed === 'boolean') layout.walkCollapsed = record.walkCollapsed;
	return layout;
}

/**
 * The widths actually drawn at a viewport width: each open panel as chosen,
 * narrowed (never below the minimum) so that the tree keeps `MIN_CENTRE`.
 */
export function drawnWidths(layout: PanelLayout, viewportWidth: number, rail: number): Record<PanelSide, number> {
	const want = {
		assumptions: layout.assumptions.collapsed ? rail : layout.assumptions.width,
		inspector: layout.inspector.collapsed ? rail : layout.inspector.width
	};
	const over = want.assumptions + want.inspector + MIN_CENTRE - viewportWidth;
	if (over <= 0) return want;
	const open = (['assumptions', 'inspector'] as const).filter((side) => !layout[side].collapsed);
	const result = { ...want };
	for (const side of open) result[side] = Math.max(MIN_PANEL, Math.round(want[side] - over / open.length));
	return result;
}

/** A key pressed on a panel's edge: the new width, or undefined when the key is not one of the edge's. */
export function resizeByKey(key: string, width: number, side: PanelSide): number | undefined {
	// The assumptions panel's edge is on its right, the inspector's on its left: → widens the first and narrows the second.
	const sign = side === 'assumptions' ? 1 : -1;
	if (key === 'ArrowRight') return clampWidth(width + sign * PANEL_STEP);
	if (key === 'ArrowLeft') return clampWidth(width - sign * PANEL_STEP);
	if (key === 'Home') return MIN_PANEL;
	if (key === 'End') return MAX_PANEL;
	return undefined;
}
