import { describe, expect, it } from 'vitest';
import { compileFormulaBook, formulaValue, parseScenario, resolveValues } from '../../src/lib/core/index.js';
import { exampleText, lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';

const withDerived = (derived: string) => replaceOnce(exampleText(), '\ncriteria:', `\nderived:\n${derived}criteria:`);

describe('the formula book', () => {
	it('compiles each distinct formula once', () => {
		const scenario = parseValid(exampleText());
		const { book, problems } = compileFormulaBook(scenario);
		expect(problems).toEqual([]);
		const sources = book.formulas.map((f) => f.source);
		expect(new Set(sources).size).toBe(sources.length);
		expect(sources).toEqual(expect.arrayContaining(['p_evade', '1 - p_evade', '2', '8', '0']));
	});

	it('orders derived values after what they read, whatever the file order', () => {
		const scenario = parseValid(withDerived(`  - { id: b, label: B, formula: "a * 2" }\n  - { id: a, label: A, formula: "p_evade + 1" }\n`));
		const { book } = compileFormulaBook(scenario);
		expect(book.derivedOrder.map((d) => d.id)).toEqual(['a', 'b']);
		const values = resolveValues(scenario, book, { p_evade: 0.25 });
		expect(values.b).toBe(2.5);
		expect(formulaValue(book, 'a * 2', values)).toBe(2.5);
	});

	it('reports derived values that depend on each other in a cycle, naming it', () => {
		const text = withDerived(`  - { id: a, label: A, formula: "b + 1" }\n  - { id: b, label: B, formula: "a + 1" }\n`);
		const issue = parseScenario(text).issues.find((i) => /cycle/.test(i.message));
		expect(issue?.message).toMatch(/a → b → a/);
		expect(issue?.line).toBe(lineOf(text, '{ id: a, label: A'));
	});

	it('refuses a formula that is not in the book', () => {
		const { book } = compileFormulaBook(parseValid(exampleText()));
		expect(() => formulaValue(book, 'p_evade * 7', {})).toThrow(/not a formula of this scenario/);
	});
});
