import { describe, expect, it } from 'vitest';
import { buildMachine, compileTree, createEvaluator, evaluate, monteCarlo, nodeTable, optionRows, formatValue, optionsTable, resolveValues, toCsv, toMarkdownTable } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { exportSource } from '../helpers/exports.js';
import { unrollValid } from '../helpers/scenarios.js';

describe('toCsv', () => {
	it('quotes what needs quoting, ends lines with CRLF and starts with a byte-order mark', () => {
		const csv = toCsv({ header: ['a', 'b'], rows: [['x,y', 'say "hi"'], ['ロシア', 'line\nbreak']], numeric: [false, false] });
		expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\nロシア,"line\nbreak"\r\n');
	});
});

describe('toMarkdownTable', () => {
	it('escapes pipes, flattens line breaks and right-aligns numbers', () => {
		expect(toMarkdownTable({ header: ['name', 'n'], rows: [['a|b', '1'], ['c\nd', '2']], numeric: [false, true] })).toBe('| name | n |\n|:---|---:|\n| a\\|b | 1 |\n| c d | 2 |');
	});
});

describe('options table', () => {
	const { scenario } = exportSource('shipped');
	const evaluator = createEvaluator(buildMachine(scenario));
	const point = evaluator.at({});
	const mc = monteCarlo(evaluator, { runs: 200, seed: 3 });
	const rows = optionRows({ scenario, point, optionIds: evaluator.optionIds, optionLabels: evaluator.optionLabels, monteCarlo: mc });

	it('gives each first response its weighted score as the evaluator sees it', () => {
		expect(rows.map((r) => r.id)).toEqual(evaluator.optionIds);
		rows.forEach((r, o) => expectClose(r.score, point.options[o]));
	});

	it('marks the evaluator’s best option preferred, once', () => {
		expect(rows.filter((r) => r.preferred).map((r) => r.id)).toEqual([evaluator.optionIds[point.best]]);
	});

	it('carries P(best) from the Monte Carlo run, summing to 1', () => {
		expectClose(rows.reduce((s, r) => s + (r.probabilityBest ?? 0), 0), 1, 1e-9);
	});

	it('prints a column per criterion, rounded for reading or exact for spreadsheets', () => {
		const readable = optionsTable(scenario, rows, false);
		const exact = optionsTable(scenario, rows, true);
		expect(readable.header).toHaveLength(scenario.criteria.length + 4);
		expect(exact.rows[0][scenario.criteria.length + 1]).toBe(String(rows[0].score));
		// Rounded by the one rule: three significant figures, at most three decimals.
		expect(readable.rows[0][scenario.criteria.length + 1]).toBe(formatValue(rows[0].score));
	});
});

describe('nodeTable', () => {
	const { scenario } = exportSource('example');
	const model = buildMachine(scenario);
	const flat = compileTree(unrollValid(model), model);
	const evaluation = evaluate(flat, { values: resolveValues(scenario, model.book) });
	const table = nodeTable(scenario, flat, evaluation);

	it('has a row per node with its path, move, probability and citations', () => {
		expect(table.rows).toHaveLength(flat.size);
		const col = (name: string) => table.header.indexOf(name);
		const adapt = table.rows.find((r) => r[col('move')] === 'Adapt and evade')!;
		expect(adapt[col('path')]).toMatch(/\//);
		expect(Number(adapt[col('probability')])).toBeGreaterThan(0);
		expect(adapt[col('citations')]).toContain('c-evasion');
		expect(adapt[col('sources')]).toBe('column');
	});

	it('gives chance moves probabilities that sum to 1 under each parent', () => {
		const col = (name: string) => table.header.indexOf(name);
		const sums = new Map<number, number>();
		flat.tree.nodes.forEach((n, i) => {
			if (n.parent >= 0 && n.parent !== 0) sums.set(n.parent, (sums.get(n.parent) ?? 0) + Number(table.rows[i][col('probability')]));
		});
		for (const sum of sums.values()) expectClose(sum, 1, 1e-9);
	});
});
