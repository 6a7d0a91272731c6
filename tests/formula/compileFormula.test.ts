import { describe, expect, it } from 'vitest';
import { compileFormula, type CompiledFormula } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';

const known = new Set(['x', 'y', 'flag', 'p_evade']);
const scope = { x: 2, y: 3, flag: 1, p_evade: 0.5 };

function compiled(source: string, names: ReadonlySet<string> = known): CompiledFormula {
	const result = compileFormula(source, names);
	if (!result.ok) throw new Error(`${source}: ${result.message}`);
	return result.formula;
}

describe('compileFormula evaluates the allowed constructs', () => {
	it.each([
		{ source: '1 + 2 * 3', value: 7 },
		{ source: '(1 + 2) * 3', value: 9 },
		{ source: 'x - y / 2', value: 0.5 },
		{ source: '2 ^ 10', value: 1024 },
		{ source: '7 % 3', value: 1 },
		{ source: '-x + +y', value: 1 },
		{ source: '2 x', value: 4 },
		{ source: 'x == 2', value: 1 },
		{ source: 'x != 2', value: 0 },
		{ source: 'x < y', value: 1 },
		{ source: 'x <= 2', value: 1 },
		{ source: 'x > y', value: 0 },
		{ source: 'y >= 4', value: 0 },
		{ source: 'flag and x > 1', value: 1 },
		{ source: 'flag and x > 5', value: 0 },
		{ source: 'x > 5 or y > 2', value: 1 },
		{ source: 'not flag', value: 0 },
		{ source: 'not (x > 5)', value: 1 },
		{ source: 'x > 1 ? 10 : 20', value: 10 },
		{ source: 'x > 5 ? 10 : 20', value: 20 },
		{ source: 'flag ? true : false', value: 1 },
		{ source: 'true', value: 1 },
		{ source: 'false', value: 0 },
		{ source: 'true + true', value: 2 },
		{ source: 'min(x, y, 1)', value: 1 },
		{ source: 'max(x, y)', value: 3 },
		{ source: 'abs(-2.5)', value: 2.5 },
		{ source: 'exp(0)', value: 1 },
		{ source: 'log(exp(3))', value: 3 },
		{ source: 'log(8, 2)', value: 3 },
		{ source: 'sqrt(16)', value: 4 },
		{ source: 'round(2.5)', value: 3 },
		{ source: 'round(1.2345, 2)', value: 1.23 },
		{ source: 'floor(-1.5)', value: -2 },
		{ source: 'ceil(1.2)', value: 2 },
		{ source: 'min(0.95, p_evade + 0.3 * flag)', value: 0.8 }
	])('$source gives $value', ({ source, value }) => {
		const result = compiled(source).evaluate(scope);
		expect(typeof result).toBe('number');
		expectClose(result, value);
	});
});

describe('compileFormula refuses what a formula may not contain, with a message', () => {
	const notAllowed = (name: string) => new RegExp(`Function "${name}" is not allowed in formulas; use one of min, max, abs`);
	it.each([
		{ name: 'a range', source: '1:1e8', message: /Ranges such as 1:10 are not allowed/ },
		{ name: 'an open-ended range', source: ':1e308', message: /Ranges such as 1:10 are not allowed|Formula syntax error/ },
		{ name: 'an assignment', source: 'x = 1', message: /Assignments \(=\) are not allowed in formulas; use == to compare/ },
		{ name: 'a function definition', source: 'f(t) = t', message: /Function definitions are not allowed/ },
		{ name: 'property access', source: 'x.constructor', message: /Property access \(a\.b\) is not allowed/ },
		{ name: 'indexing by a string', source: 'x["constructor"]', message: /Property access|Indexing/ },
		{ name: 'a matrix', source: '[1, 2]', message: /Matrices \(\[…\]\) are not allowed/ },
		{ name: 'an object', source: '{a: 1}', message: /Objects \(\{…\}\) are not allowed/ },
		{ name: 'a string', source: '"abc"', message: /Only numbers and true\/false may appear as constants/ },
		{ name: 'several statements', source: 'x; y', message: /A formula is one expression/ },
		{ name: 'a chained comparison', source: '1 < x < 3', message: /Chained comparisons .* join them with "and"/ },
		{ name: 'import', source: 'import("fs")', message: notAllowed('import') },
		{ name: 'evaluate', source: 'evaluate("1")', message: notAllowed('evaluate') },
		{ name: 'parse', source: 'parse("1")', message: notAllowed('parse') },
		{ name: 'compile', source: 'compile("1")', message: notAllowed('compile') },
		{ name: 'createUnit', source: 'createUnit("foo")', message: notAllowed('createUnit') },
		{ name: 'simplify', source: 'simplify("x")', message: notAllowed('simplify') },
		{ name: 'derivative', source: 'derivative("x^2", "x")', message: notAllowed('derivative') },
		{ name: 'resolve', source: 'resolve(x)', message: notAllowed('resolve') },
		{ name: 'reviver', source: 'reviver(1)', message: notAllowed('reviver') },
		{ name: 'a function outside the list', source: 'sin(x)', message: notAllowed('sin') },
		{ name: 'calling an assumption', source: 'x(1)', message: notAllowed('x') },
		{ name: 'an unknown symbol, with did-you-mean', source: 'p_evad * 2', message: /Unknown symbol "p_evad": declare it as an assumption or derived value\. Did you mean "p_evade"\?/ },
		{ name: 'an empty formula', source: '   ', message: /Formula is empty/ },
		{ name: 'a formula over 500 characters', source: `${'x + '.repeat(125)}1`, message: /Formula is 501 characters long; the limit is 500\. Split it into derived values\./ },
		{ name: 'brackets nested 41 deep', source: `${'('.repeat(41)}1${')'.repeat(41)}`, message: /Formula nests brackets 41 deep; the limit is 40\./ },
		{ name: 'a syntax error', source: 'x + * y', message: /^Formula syntax error: Value expected/ }
	])('$name: $source', ({ source, message }) => {
		const result = compileFormula(source, known);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('gives no did-you-mean when no declared name is close', () => {
		const result = compileFormula('zebra + 1', known);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.message).toMatch(/Unknown symbol "zebra"/);
			expect(result.message).not.toMatch(/Did you mean/);
		}
	});

	it('points a syntax error at its character', () => {
		const source = 'x + * y';
		const result = compileFormula(source, known);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.char).toBe(5);
			expect(source.slice(result.char! - 1)).toBe('* y');
			expect(result.message).not.toMatch(/\(char \d+\)/);
		}
	});

	it('points the bracket limit at the 41st opening bracket', () => {
		const source = `x + ${'('.repeat(41)}1${')'.repeat(41)}`;
		const result = compileFormula(source, known);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.char).toBe(4 + 41);
	});

	it('accepts exactly 500 characters and 40 nested brackets', () => {
		const long = `${'x + '.repeat(124)}1000`;
		expect(long).toHaveLength(500);
		expect(compileFormula(long, known).ok).toBe(true);
		expect(compileFormula(`${'('.repeat(40)}1${')'.repeat(40)}`, known).ok).toBe(true);
	});

	// Operators that parse but map to functions the restricted instance lacks
	// (xor, !, ', bitwise, unit conversion) must come back as a refusal, not a
	// thrown error: parseScenario relies on compileFormula never throwing.
	it.each(['x xor 1', 'x!', "x'", '1 & 3', '1 | 2', '1 << 2', '~1', '5 to 3'])(
		'refuses the operator in %s without throwing',
		(source) => {
			let result: ReturnType<typeof compileFormula> | undefined;
			expect(() => {
				result = compileFormula(source, known);
			}).not.toThrow();
			expect(result?.ok).toBe(false);
		}
	);
});

describe('compileFormula reports what a formula reads', () => {
	it('marks a formula without symbols as constant, with its value', () => {
		const formula = compiled('min(3, 2) + 0.5');
		expect(formula.constant).toBe(2.5);
		expect(formula.symbols).toEqual([]);
		expect(formula.evaluate({})).toBe(2.5);
	});

	it('gives a boolean constant as 1 or 0', () => {
		expect(compiled('true').constant).toBe(1);
		expect(compiled('1 > 2').constant).toBe(0);
	});

	it('leaves `constant` unset when the formula reads a symbol', () => {
		expect(compiled('x * 0').constant).toBeUndefined();
	});

	it('lists the ids read, once each, in first-use order', () => {
		const formula = compiled('y + max(x, y) * p_evade - x');
		expect(formula.symbols).toEqual(['y', 'x', 'p_evade']);
		expect(formula.source).toBe('y + max(x, y) * p_evade - x');
	});

	it('does not list a called function as a symbol', () => {
		expect(compiled('round(x) + sqrt(y)').symbols).toEqual(['x', 'y']);
	});

	it('reads new values on every call: a compiled formula keeps no state', () => {
		const formula = compiled('x * y');
		expect(formula.evaluate({ x: 2, y: 3 })).toBe(6);
		expect(formula.evaluate({ x: 5, y: 3 })).toBe(15);
		expect(formula.evaluate({ x: 2, y: 3 })).toBe(6);
	});

	it('does not change the scope it reads', () => {
		const values = Object.freeze({ x: 1, y: 2 });
		expect(compiled('x + y').evaluate(values)).toBe(3);
		expect(values).toEqual({ x: 1, y: 2 });
	});
});

describe('compileFormula keeps its result type', () => {
	// CompiledFormula.evaluate is typed to return a number; mathjs answers
	// sqrt and log of negatives with Complex objects unless told otherwise.
	it.each([
		{ source: 'sqrt(x)', x: -1 },
		{ source: 'log(x)', x: -1 },
		{ source: 'x ^ 0.5', x: -1 }
	])('$source at x = $x gives a plain number (NaN), not a complex object', ({ source, x }) => {
		const value = compiled(source).evaluate({ ...scope, x });
		expect(typeof value).toBe('number');
		expect(Number.isNaN(value)).toBe(true);
	});

	// Assumption ids may be any [A-Za-z][A-Za-z0-9_]*, so they can collide with
	// function names and Object.prototype members. Either refuse such a name
	// when compiling or read its value; never throw while evaluating.
	const builtInNames: { source: string; names: string[]; values: Record<string, number>; value: number }[] = [
		{ source: 'max(max, 1)', names: ['max'], values: { max: 2 }, value: 2 },
		{ source: 'toString + 1', names: ['toString'], values: { toString: 3 }, value: 4 },
		{ source: 'valueOf * 2', names: ['valueOf'], values: { valueOf: 3 }, value: 6 }
	];
	it.each(builtInNames)('an id named like a built-in ($source) is refused or read, never a throw', ({ source, names, values, value }) => {
		const result = compileFormula(source, new Set(names));
		if (!result.ok) {
			expect(result.message).toMatch(new RegExp(names[0]));
			return;
		}
		let got: number | undefined;
		expect(() => {
			got = result.formula.evaluate(values);
		}).not.toThrow();
		expect(got).toBe(value);
	});
});
