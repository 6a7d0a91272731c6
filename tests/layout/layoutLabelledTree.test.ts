import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMachine, compileTree, evaluateScenario, resolveValues, unrollTree, type FlatTree } from '../../src/lib/core/index.js';
import { DEFAULT_METRICS, layoutLabelledTree, MARK, STUB, type LabelledLayout, type LabelledLayoutOptions } from '../../src/lib/core/layout/layoutLabelledTree.js';
import { scenarioSpecArbitrary, specYaml } from '../fixtures/randomScenario.js';
import { exampleModel, parseValid, SHIPPED_FILE } from '../helpers/scenarios.js';
import { readFileSync } from 'node:fs';

const example = evaluateScenario(exampleModel()).flat!;
const shipped = evaluateScenario(buildMachine(parseValid(readFileSync(SHIPPED_FILE, 'utf8')))).flat!;

/** Labels from the tree itself: the move id on the branch, the state id at a leaf. */
function labels(flat: FlatTree): Pick<LabelledLayoutOptions, 'branchLabel' | 'leafLabel'> {
	return {
		branchLabel: (i) => `${flat.tree.nodes[i].move} branch label`,
		leafLabel: (i, hidden) => (hidden > 0 ? `+${hidden} moves` : flat.tree.nodes[i].state)
	};
}

interface Box {
	what: string;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** Every piece of text the workbench draws for the layout, as a box. */
function textBoxes(layout: LabelledLayout): Box[] {
	const { lineHeight } = DEFAULT_METRICS;
	const boxes: Box[] = [];
	for (const [at, n] of layout.nodes.entries()) {
		const parent = n.parent >= 0 ? layout.nodes[n.parent] : undefined;
		if (parent) {
			const x = parent.x + STUB + 6;
			boxes.push({ what: `label ${at}`, left: x, right: x + n.label.width, top: n.y - 1 - n.label.lines.length * lineHeight, bottom: n.y });
			if (n.chance || n.shownChildren > 0) boxes.push({ what: `below ${at}`, left: x, right: n.x - 12, top: n.y + 1, bottom: n.y + 1 + lineHeight });
		} else boxes.push({ what: 'root value', left: -MARK - 6 - layout.valueWidth, right: -MARK - 6, top: n.y - lineHeight / 2, bottom: n.y + lineHeight / 2 });
		if (n.shownChildren === 0 && parent) boxes.push({ what: `leaf ${at}`, left: n.x + MARK + 6, right: n.x + MARK + 6 + layout.valueWidth + n.leaf.width, top: n.y - lineHeight / 2, bottom: n.y + lineHeight / 2 });
	}
	return boxes;
}

function overlaps(boxes: Box[]): string[] {
	const found: string[] = [];
	const sorted = [...boxes].sort((a, b) => a.top - b.top);
	for (let i = 0; i < sorted.length; i++)
		for (let j = i + 1; j < sorted.length && sorted[j].top < sorted[i].bottom; j++) {
			const a = sorted[i];
			const b = sorted[j];
			if (a.left < b.right && b.left < a.right) found.push(`${a.what} × ${b.what}`);
		}
	return found;
}

describe('layoutLabelledTree', () => {
	it('lists nodes depth first, root on the left, each level further right', () => {
		const layout = layoutLabelledTree(example, labels(example));
		expect(layout.nodes[0]).toMatchObject({ index: 0, x: 0, depth: 0, parent: -1 });
		for (const [at, n] of layout.nodes.entries()) {
			if (at === 0) continue;
			expect(n.parent).toBeLessThan(at);
			expect(n.x).toBeGreaterThan(layout.nodes[n.parent].x);
			expect(n.depth).toBe(layout.nodes[n.parent].depth + 1);
		}
		const paths = layout.nodes.map((n) => example.tree.nodes[n.index].path);
		expect(paths).toEqual([...paths].sort(byPreorder(example)));
		expect(paths).toHaveLength(example.size);
	});

	it('puts a parent midway between its first and last child', () => {
		const layout = layoutLabelledTree(shipped, labels(shipped));
		for (const [at, n] of layout.nodes.entries()) {
			if (n.shownChildren === 0) continue;
			const children = layout.nodes.filter((c) => c.parent === at);
			expect(n.y).toBeCloseTo((children[0].y + children[children.length - 1].y) / 2, 6);
			expect(children.map((c) => c.posInSet)).toEqual(children.map((_, k) => k + 1));
			expect(children.every((c) => c.setSize === children.length)).toBe(true);
		}
	});

	it('leaves out folded subtrees and counts the moves they hide', () => {
		const layout = layoutLabelledTree(example, { ...labels(example), folded: (i) => example.tree.nodes[i].path === 'SANCTION' });
		const sanction = layout.nodes.find((n) => example.tree.nodes[n.index].path === 'SANCTION')!;
		expect(sanction.hiddenChildren).toBe(2);
		expect(sanction.shownChildren).toBe(0);
		expect(sanction.leaf.full).toBe('+2 moves');
		expect(layout.nodes.some((n) => example.tree.nodes[n.index].path.startsWith('SANCTION/'))).toBe(false);
	});

	it('shows only the levels asked for', () => {
		const layout = layoutLabelledTree(shipped, { ...labels(shipped), maxDepth: 2 });
		expect(Math.max(...layout.nodes.map((n) => n.depth))).toBe(2);
		expect(layout.nodes.filter((n) => n.depth === 2).every((n) => n.hiddenChildren === shipped.childCount[n.index])).toBe(true);
	});

	it('wraps long branch labels and makes the column as wide as its widest label', () => {
		const long = 'A very long option name that cannot fit on a single line of the tree';
		const layout = layoutLabelledTree(example, { ...labels(example), branchLabel: () => long });
		const child = layout.nodes[1];
		expect(child.label.lines.length).toBe(2);
		expect(child.label.truncated).toBe(true);
		expect(child.label.full).toBe(long);
		expect(child.x).toBeGreaterThanOrEqual(STUB + 6 + child.label.width);
	});

	it('draws no text over other text, over the whole shipped tree', () => {
		const layout = layoutLabelledTree(shipped, labels(shipped));
		expect(layout.nodes).toHaveLength(shipped.size);
		expect(overlaps(textBoxes(layout))).toEqual([]);
	});

	it('draws no text over other text on random trees whose outcomes end at different depths', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), fc.boolean(), (spec, fold) => {
				const model = buildMachine(parseValid(specYaml(spec)));
				const tree = unrollTree(model, { values: resolveValues(model.scenario, model.book), perspective: 'a' }).tree!;
				const flat = compileTree(tree, model);
				const layout = layoutLabelledTree(flat, { ...labels(flat), folded: fold ? (i) => i % 3 === 1 : undefined });
				expect(overlaps(textBoxes(layout))).toEqual([]);
				for (const n of layout.nodes) {
					expect(n.y).toBeGreaterThanOrEqual(layout.bounds.top);
					expect(n.y).toBeLessThanOrEqual(layout.bounds.bottom);
				}
			}),
			{ numRuns: 60 }
		);
	});
});

/** Orders paths as a depth-first walk of the tree visits them. */
function byPreorder(flat: FlatTree) {
	const order = new Map<string, number>();
	let k = 0;
	const visit = (i: number) => {
		order.set(flat.tree.nodes[i].path, k++);
		for (let c = 0; c < flat.childCount[i]; c++) visit(flat.childStart[i] + c);
	};
	visit(0);
	return (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
}
