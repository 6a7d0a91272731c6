import { describe, expect, it } from 'vitest';
import { fitLevels } from '../../src/lib/core/layout/fitLevels.js';
import type { LabelledLayout } from '../../src/lib/core/layout/layoutLabelledTree.js';

/** A stand-in layout whose size grows with the levels shown: 200 px wide and 100 px tall per level. */
function grown(levels: number): LabelledLayout {
	return { nodes: [], links: [], bounds: { left: 0, right: 200 * levels, top: 0, bottom: 100 * 2 ** levels }, valueWidth: 40 };
}

describe('fitLevels', () => {
	it('shows the most levels that fit at a readable scale, and no more', () => {
		const asked: number[] = [];
		const fit = fitLevels({ layoutAt: (l) => (asked.push(l), grown(l)), height: 6, width: 620, viewHeight: 820, minScale: 0.9, maxScale: 1.5 });
		expect(fit.levels).toBe(3);
		expect(fit.overflows).toBe(false);
		// Never lays out beyond the first level that does not fit.
		expect(Math.max(...asked)).toBe(4);
	});

	it('scales up to fill the room, within the maximum', () => {
		const fit = fitLevels({ layoutAt: grown, height: 1, width: 2000, viewHeight: 2000, minScale: 0.9, maxScale: 1.5 });
		expect(fit).toMatchObject({ levels: 1, scale: 1.5 });
	});

	it('never scales below readable: shows one level and says it overflows', () => {
		const fit = fitLevels({ layoutAt: grown, height: 4, width: 100, viewHeight: 100, minScale: 0.9, maxScale: 1.5 });
		expect(fit).toMatchObject({ levels: 1, scale: 0.9, overflows: true });
	});

	it('shows every level of a tree that fits whole', () => {
		const fit = fitLevels({ layoutAt: grown, height: 2, width: 5000, viewHeight: 5000, minScale: 0.9, maxScale: 1 });
		expect(fit).toMatchObject({ levels: 2, scale: 1 });
	});
});
