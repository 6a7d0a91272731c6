import { describe, expect, it } from 'vitest';
import { MAX_PANEL, MIN_CENTRE, MIN_PANEL, PANEL_STEP, defaultPanels, drawnWidths, parsePanels, resizeByKey } from '../../src/lib/state/panels.js';

describe('the workbench side panels', () => {
	it('default to wider panels on a large screen and fold the walk on a short one', () => {
		expect(defaultPanels(1920, 1080)).toEqual({ assumptions: { width: 300, collapsed: false }, inspector: { width: 340, collapsed: false }, walkCollapsed: false });
		expect(defaultPanels(1280, 800)).toEqual({ assumptions: { width: 260, collapsed: false }, inspector: { width: 300, collapsed: false }, walkCollapsed: true });
	});

	it('read back what was remembered, clamped, and fall back to the defaults for anything malformed', () => {
		const stored = JSON.stringify({ assumptions: { width: 9999, collapsed: true }, inspector: { width: 'wide', collapsed: 1 }, walkCollapsed: true });
		expect(parsePanels(stored, 1280, 1000)).toEqual({ assumptions: { width: MAX_PANEL, collapsed: true }, inspector: { width: 300, collapsed: false }, walkCollapsed: true });
		expect(parsePanels('{not json', 1920, 1080)).toEqual(defaultPanels(1920, 1080));
		expect(parsePanels('null', 1920, 1080)).toEqual(defaultPanels(1920, 1080));
		expect(parsePanels(null, 1280, 800)).toEqual(defaultPanels(1280, 800));
		expect(parsePanels(JSON.stringify({ assumptions: { width: 12 } }), 1280).assumptions.width).toBe(MIN_PANEL);
	});

	it('narrow open panels on a small window so that the tree keeps its room, never below the minimum', () => {
		const layout = defaultPanels(1280);
		expect(drawnWidths(layout, 1280, 34)).toEqual({ assumptions: 260, inspector: 300 });
		const small = drawnWidths(layout, 1100, 34);
		expect(small.assumptions + small.inspector + MIN_CENTRE).toBeLessThanOrEqual(1100);
		expect(small.assumptions).toBeGreaterThanOrEqual(MIN_PANEL);
		// A folded panel is its rail, and gives its room to the tree.
		layout.inspector.collapsed = true;
		expect(drawnWidths(layout, 1100, 34)).toEqual({ assumptions: 260, inspector: 34 });
	});

	it('resize by the keys of a window splitter, each side in its own direction', () => {
		expect(resizeByKey('ArrowRight', 260, 'assumptions')).toBe(260 + PANEL_STEP);
		expect(resizeByKey('ArrowRight', 300, 'inspector')).toBe(300 - PANEL_STEP);
		expect(resizeByKey('ArrowLeft', MIN_PANEL, 'assumptions')).toBe(MIN_PANEL);
		expect(resizeByKey('Home', 300, 'inspector')).toBe(MIN_PANEL);
		expect(resizeByKey('End', 300, 'inspector')).toBe(MAX_PANEL);
		expect(resizeByKey('a', 300, 'inspector')).toBeUndefined();
	});
});
