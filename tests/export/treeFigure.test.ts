import { describe, expect, it } from 'vitest';
import { compileTree, evaluate, resolveValues, treeFigure, type TreeFigure } from '../../src/lib/core/index.js';
import { buildMachine } from '../../src/lib/core/index.js';
import { exportSource } from '../helpers/exports.js';
import { unrollValid } from '../helpers/scenarios.js';

function figureOf(which: 'example' | 'shipped', options: Partial<Parameters<typeof treeFigure>[0]> = {}): TreeFigure {
	const { scenario } = exportSource(which);
	const model = buildMachine(scenario);
	const values = resolveValues(scenario, model.book);
	const flat = compileTree(unrollValid(model), model);
	return treeFigure({ scenario, flat, evaluation: evaluate(flat, { values }), ...options });
}

describe('treeFigure', () => {
	it('draws the worked example whole, every move labelled', () => {
		const figure = figureOf('example');
		expect(figure.nodes).toHaveLength(5);
		expect(figure.links.map((l) => l.label).sort()).toEqual(['Adapt and evade', 'Disrupted', 'Targeted sanctions', 'Wait']);
		expect(figure.links.filter((l) => l.probability !== undefined)).toHaveLength(2);
	});

	it('marks exactly one preferred move at each drawn decision', () => {
		const figure = figureOf('shipped');
		const decisions = figure.nodes.filter((n) => n.kind === 'decision' && figure.links.some((l) => figure.nodes.find((m) => m.path === l.target)?.parent === n.path));
		for (const d of decisions) expect(figure.links.filter((l) => l.chosen && figure.nodes.find((m) => m.path === l.target)?.parent === d.path)).toHaveLength(1);
	});

	it('stops at the depth asked for and counts what it leaves out', () => {
		const shallow = figureOf('shipped', { depth: 1 });
		expect(Math.max(...shallow.nodes.map((n) => n.path.split('/').length))).toBe(1);
		expect(shallow.nodes.filter((n) => n.hidden > 0).length).toBeGreaterThan(0);
		expect(figureOf('shipped', { depth: 2 }).nodes.length).toBeGreaterThan(shallow.nodes.length);
	});

	it('draws a subtree from the node named', () => {
		const whole = figureOf('shipped', { depth: 1 });
		const first = whole.links.find((l) => l.chosen)!.target;
		const sub = figureOf('shipped', { root: first, depth: 1 });
		expect(sub.nodes.every((n) => n.path === first || n.path.startsWith(`${first}/`))).toBe(true);
		expect(sub.heading.label).not.toBe(whole.heading.label);
	});

	it('with optimalOnly keeps a single move at each decision', () => {
		const figure = figureOf('shipped', { optimalOnly: true, depth: 4 });
		const byParent = new Map<string, number>();
		for (const n of figure.nodes) if (n.parent !== undefined) byParent.set(n.parent, (byParent.get(n.parent) ?? 0) + 1);
		for (const n of figure.nodes) if (n.kind === 'decision' && byParent.has(n.path)) expect(byParent.get(n.path)).toBe(1);
	});

	it('numbers notes in order of first use and every superscript has its note', () => {
		const figure = figureOf('shipped');
		expect(figure.notes.map((n) => n.number)).toEqual(figure.notes.map((_, k) => k + 1));
		const used = new Set([...figure.heading.notes, ...figure.links.flatMap((l) => l.notes)]);
		expect([...used].sort((a, b) => a - b)).toEqual(figure.notes.map((n) => n.number));
		expect(new Set(figure.notes.map((n) => n.citation.id)).size).toBe(figure.notes.length);
	});

	it('writes alt text naming the preferred first move and a line per node in the long description', () => {
		const figure = figureOf('shipped');
		const preferred = figure.links.find((l) => l.chosen && figure.nodes.find((n) => n.path === l.target)?.parent === '')!;
		expect(figure.alt).toContain(`The preferred first move is “${preferred.fullLabel}”`);
		expect(figure.longDescription.split('\n')).toHaveLength(figure.nodes.length);
	});

	it('refuses a path that names no node', () => {
		expect(() => figureOf('example', { root: 'NOPE' })).toThrow('No node at path "NOPE"');
	});
});
