import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../src/lib/core/index.js';
import { layoutTree } from '../../src/lib/core/layout/layoutTree.js';
import { exampleModel } from '../helpers/scenarios.js';

const flat = evaluateScenario(exampleModel()).flat!;

describe('layoutTree', () => {
	it('places the root on the left and each level one column to the right', () => {
		const layout = layoutTree(flat, { columnWidth: 100, rowHeight: 20 });
		const x = new Map(layout.nodes.map((n) => [n.index, n.x]));
		expect(x.get(0)).toBe(0);
		for (const node of flat.tree.nodes) expect(x.get(node.index)).toBe(node.depth * 100);
	});

	it('keeps siblings at least one row apart', () => {
		const layout = layoutTree(flat, { rowHeight: 30 });
		const ys = layout.nodes.filter((n) => flat.tree.nodes[n.index].depth === 2).map((n) => n.y).sort((a, b) => a - b);
		for (let k = 1; k < ys.length; k++) expect(ys[k] - ys[k - 1]).toBeGreaterThanOrEqual(30);
	});

	it('leaves out the subtree of a collapsed node and counts what it hides', () => {
		const layout = layoutTree(flat, { collapsed: new Set(['SANCTION']) });
		expect(layout.nodes.map((n) => flat.tree.nodes[n.index].path).sort()).toEqual(['', 'SANCTION', 'WAIT']);
		expect(layout.nodes.find((n) => flat.tree.nodes[n.index].path === 'SANCTION')?.hiddenChildren).toBe(2);
		expect(layout.links).toHaveLength(2);
	});

	it('draws right-angled links whose vertical run stays clear of the parent’s column', () => {
		const layout = layoutTree(flat, { columnWidth: 100, rowHeight: 20 });
		for (const link of layout.links) {
			const points = link.d.slice(1).split('L').map((p) => p.split(',').map(Number));
			expect(points).toHaveLength(4);
			const [s, a, b, t] = points;
			expect(a[1]).toBe(s[1]);
			expect(a[0]).toBe(b[0]);
			expect(b[1]).toBe(t[1]);
			expect(a[0]).toBeGreaterThan(s[0] + 10);
			expect(a[0]).toBeLessThan(t[0]);
		}
	});
});
