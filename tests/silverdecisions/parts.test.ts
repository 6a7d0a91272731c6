import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../src/lib/core/formula/restrictedMath.js';
import { restFormula } from '../../src/lib/core/silverdecisions/importTree.js';
import { jsonErrorOffset, locateJsonPaths, positionAt } from '../../src/lib/core/silverdecisions/locateJson.js';
import { drawOf, type Draw } from '../../src/lib/core/silverdecisions/sdDraws.js';
import { exportFormula, stableGuid, sumOf } from '../../src/lib/core/silverdecisions/sdExportFormula.js';
import { translateExpression, type Binding } from '../../src/lib/core/silverdecisions/sdExpression.js';
import { asciiWords, eventIdFrom, formulaIdFrom, formulaIds, lowerIdFrom, oneLine } from '../../src/lib/core/silverdecisions/slugs.js';
import { sensitivitySettings } from '../../src/lib/core/silverdecisions/sdSensitivity.js';
import { parseValid } from '../helpers/scenarios.js';
import { readFileSync } from 'node:fs';

describe('locating JSON paths', () => {
	const text = '{\n  "a": 1,\n  "list": [\n    { "x": "y" },\n    { "z": [1, 2, {}] }\n  ],\n  "b": {}\n}';
	it.each([
		[['a'], 2, 8],
		[['list'], 3, 11],
		[['list', 0, 'x'], 4, 12],
		[['list', 1], 5, 5],
		[['list', 1, 'z', 2], 5, 19],
		[['b'], 7, 8],
		// A missing field: its nearest existing ancestor.
		[['list', 1, 'nothing'], 5, 5],
		[['list', 7], 3, 11],
		[[], 1, 1]
	] as const)('finds %j at %i:%i', (path, line, column) => {
		expect(locateJsonPaths(text, [path])).toEqual([{ line, column }]);
	});

	it('counts lines and columns from 1', () => {
		expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});

	it.each([
		['{"a": 1}', -1],
		['{"a": 1,}', 8],
		['[1, 2', 5],
		['{"a" 1}', 5],
		['{"a": [ } }', 8],
		['"x\ny"', 2],
		['nope', 0]
	])('finds where %j stops being JSON', (text, offset) => {
		expect(jsonErrorOffset(text)).toBe(offset);
	});
});

describe('ids from names', () => {
	it.each([
		['Zażółć gęślą jaźń', 'Zazolc_gesla_jazn'],
		['Scale up?', 'Scale_up'],
		['+', 'plus'],
		['-', 'minus'],
		['日本語', ''],
		['constructor', 'constructor']
	])('asciiWords(%j) is %j', (name, words) => {
		expect(asciiWords(name)).toBe(words);
	});

	it('makes formula ids that formulas can read, state ids in lower case, move ids in upper case', () => {
		expect(formulaIdFrom('1st price', 'v')).toBe('v_1st_price');
		expect(formulaIdFrom('$x', 'value')).toBe('x');
		expect(formulaIdFrom('日本', 'value')).toBe('value');
		expect(lowerIdFrom('Scale up?', 'decision')).toBe('scale_up');
		expect(eventIdFrom('nie ma', 'MOVE_1')).toBe('NIE_MA');
		expect(eventIdFrom('', 'MOVE_2')).toBe('MOVE_2');
	});

	it('hands out unique ids, never a name formulas already use', () => {
		const ids = formulaIds();
		expect([ids.take('max'), ids.take('p'), ids.take('p'), ids.take('p'), ids.take('and'), ids.take('toString')]).toEqual(['max_2', 'p', 'p_2', 'p_3', 'and_2', 'toString_2']);
	});

	it('cuts long texts to one line with an ellipsis', () => {
		expect(oneLine('a\n b\tc', 10)).toBe('a b c');
		expect(oneLine('abcdefghij', 5)).toBe('abcd…');
	});
});

describe('SilverDecisions expressions as formulas', () => {
	const draws: Draw[] = [];
	const ctx = { lang: 'en' as const, draw: (d: Draw, hint: string) => (draws.push(d), `${hint}_draw`) };
	const scope = (entries: Record<string, Binding>) => new Map(Object.entries(entries));
	const translate = (text: string, bound: Record<string, Binding> = {}) => translateExpression(parseExpression(text), scope(bound), ctx, 'here');

	it('writes each name as the id it is bound to where the expression is read', () => {
		const t = translate('gain * 1.5 + up', { gain: { kind: 'value', id: 'gain_market' }, up: { kind: 'value', id: 'up' } });
		expect(t).toEqual({ ok: true, text: 'gain_market * 1.5 + up', ids: new Set(['gain_market', 'up']) });
	});

	it('inlines a function defined in the code, with its arguments', () => {
		const body = parseExpression('p^2/2');
		const t = translate('f(9) + f(a)', { f: { kind: 'function', name: 'f', params: ['p'], body, scope: new Map() }, a: { kind: 'value', id: 'a' } });
		expect(t.ok && t.text).toBe('((9) ^ 2 / 2) + ((a) ^ 2 / 2)');
	});

	it('refuses a function that calls itself', () => {
		const body = parseExpression('f(p) + 1');
		const bound: Record<string, Binding> = { f: { kind: 'function', name: 'f', params: ['p'], body, scope: new Map() } };
		expect(translate('f(1)', bound)).toEqual({ ok: false, message: 'f calls itself; a recursive function cannot be written out as a formula.' });
	});

	it('stops inlining calls that multiply the text', () => {
		const f: Binding = { kind: 'function', name: 'f', params: ['x'], body: parseExpression('x + x + x'), scope: new Map() };
		const nested = `f(${'f('.repeat(12)}1${')'.repeat(12)})`;
		const t = translate(nested, { f });
		expect(t.ok).toBe(false);
		if (!t.ok) expect(t.message).toMatch(/^Written out, the calls of f grow past what a formula may hold/);
	});

	it('rewrites mathjs functions the formula language lacks, and comparisons written as functions', () => {
		expect(translate('pow(2, 3) + mod(7, 2) + log10(100)')).toMatchObject({ ok: true, text: '((2) ^ (3)) + ((7) % (2)) + log(100, 10)' });
		expect(translate('largerEq(2, 1) ? 1 : 0')).toMatchObject({ ok: true, text: '((2) >= (1)) ? 1 : 0' });
		expect(translate('pi * 2')).toMatchObject({ ok: true, text: `${Math.PI} * 2` });
	});

	it('turns a random draw into an assumption', () => {
		draws.length = 0;
		expect(translate('1 + random(2, 4)')).toMatchObject({ ok: true, text: '1 + here_draw' });
		expect(draws).toEqual([{ call: 'random(2, 4)', distribution: { type: 'uniform', min: 2, max: 4 }, min: 2, max: 4, mean: 3 }]);
	});

	it.each([
		['q + 1', /^Unknown variable "q"/],
		['sin(1)', /^The function "sin" has no counterpart/],
		['a.b', /construct a scenario formula cannot hold/],
		['1 < 2 < 3', /^Chained comparisons/],
		['"text"', /is not a number/],
		['5!', /^The operator "!" has no counterpart/],
		['random(0, x)', /must be numbers/],
		['Poisson(2)', /^Poisson\(…\) has no counterpart among a scenario's distributions/]
	])('refuses %j with a message saying what to write', (text, message) => {
		const t = translate(text, { x: { kind: 'value', id: 'x' } });
		expect(t.ok).toBe(false);
		if (!t.ok) expect(t.message).toMatch(message);
	});

	it('writes SilverDecisions’ "#" as what the other moves leave, shared equally', () => {
		expect(restFormula(['p'], 1)).toBe('1 - p');
		expect(restFormula(['0.2', 'a ? b : c'], 1)).toBe('1 - (0.2 + (a ? b : c))');
		expect(restFormula(['p + q'], 2)).toBe('(1 - (p + q)) / 2');
		expect(restFormula([], 3)).toBe('1 / 3');
	});
});

describe('random draws', () => {
	it.each([
		['random', [], { type: 'uniform', min: 0, max: 1 }, 0.5],
		['random', [5], { type: 'uniform', min: 0, max: 5 }, 2.5],
		['Uniform', [1, 3], { type: 'uniform', min: 1, max: 3 }, 2],
		['Triangular', [0, 6, 3], { type: 'triangular', min: 0, mode: 3, max: 6 }, 3],
		['Normal', [10, 2], { type: 'normal', mean: 10, sd: 2 }, 10],
		['Bernoulli', [0.3], { type: 'discrete', values: [0, 1], weights: [0.7, 0.3] }, 0.3],
		['randomInt', [1, 4], { type: 'discrete', values: [1, 2, 3], weights: [1, 1, 1] }, 2]
	] as const)('%s(%j) is a distribution with its mean as the default', (name, args, distribution, mean) => {
		const drawn = drawOf(name, args, 'en');
		expect(drawn).toMatchObject({ ok: true, draw: { distribution, mean } });
	});

	it('spans a normal draw over four standard deviations each way', () => {
		expect(drawOf('Normal', [10, 2], 'en')).toMatchObject({ ok: true, draw: { min: 2, max: 18 } });
	});

	it('takes a draw with one possible value as that number', () => {
		expect(drawOf('random', [2, 2], 'en')).toMatchObject({ ok: true, draw: { constant: 2 } });
		expect(drawOf('Bernoulli', [1], 'en')).toMatchObject({ ok: true, draw: { constant: 1 } });
	});

	it.each([
		['random', [3, 1]],
		['Triangular', [0, 1, 2]],
		['Normal', [0, -1]],
		['Bernoulli', [2]],
		['randomInt', [0, 500]]
	] as const)('refuses %s(%j)', (name, args) => {
		const drawn = drawOf(name, args, 'en');
		expect(drawn.ok).toBe(false);
		if (!drawn.ok) expect(drawn.message).toMatch(/is not a valid draw/);
	});
});

describe('scenario formulas as SilverDecisions expressions', () => {
	it('writes the machine’s context as its values at the node', () => {
		expect(exportFormula('p_bold + momentum * wins', { wins: 2, period: 3 })).toEqual({ text: 'p_bold + momentum * 2', readsContext: true });
		expect(exportFormula('x - level', { level: -1 })).toEqual({ text: 'x - (-1)', readsContext: true });
		expect(exportFormula('round(x)', { round: 1 })).toEqual({ text: 'round(x)', readsContext: false });
	});

	it('gives a true-or-false formula as 1 or 0, and writes comparisons without "=" where asked', () => {
		expect(exportFormula('bonus * (wins == 3)', {}, { noEquals: true }).text).toBe('bonus * (equal(wins, 3))');
		expect(exportFormula('a >= 1 and b', {}, { noEquals: true }).text).toBe('(largerEq(a, 1) and b) ? 1 : 0');
		expect(exportFormula('a >= 1').text).toBe('(a >= 1) ? 1 : 0');
	});

	it('adds terms with brackets only where a term needs them', () => {
		expect(sumOf([])).toBe('0');
		expect(sumOf(['2'])).toBe('2');
		expect(sumOf(['a * 2', 'b - c', 'x ? 1 : 2'])).toBe('a * 2 + b - c + (x ? 1 : 2)');
	});

	it('makes stable ids in SilverDecisions’ guid form', () => {
		expect(stableGuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(stableGuid('a')).toBe(stableGuid('a'));
		expect(stableGuid('a')).not.toBe(stableGuid('b'));
	});

	it('saves ranges for the tornado and the distributions SilverDecisions can draw', () => {
		const scenario = parseValid(readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8'));
		const { settings, lostDistributions } = sensitivitySettings(scenario, 'expected-value-maximization');
		const tornado = (settings['tornado-diagram'] as { variables: { name: string; min: number; max: number }[] }).variables;
		expect(tornado.find((v) => v.name === 'deterrence_level')).toEqual({ name: 'deterrence_level', min: 0, max: 3, length: 5 });
		expect(tornado.find((v) => v.name === 'ukraine_cooperates')).toMatchObject({ min: 0, max: 1 });
		expect(tornado.find((v) => v.name === 'china_stance')).toMatchObject({ min: -1, max: 1 });
		const drawn = new Map((settings['probabilistic-sensitivity-analysis'] as { variables: { name: string; formula: string }[] }).variables.map((v) => [v.name, v.formula]));
		expect(drawn.get('pressure_effect')).toBe('Uniform(0.1, 0.5)');
		expect(drawn.get('kn23_failure')).toBe('Triangular(0.3, 0.7, 0.5)');
		expect(drawn.get('ukraine_cooperates')).toBe('Bernoulli(0.8)');
		// A choice draws option positions: the Ministry of Defense (value 1) is position 0, weight 0.6.
		expect(drawn.get('mission_lead')).toBe('Bernoulli(0.6)');
		expect(lostDistributions).toEqual(['p_veto', 'p_evasion_base', 'mission_sensitivity', 'mission_specificity', 'china_stance']);
	});
});
