import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlText } from '../../src/lib/core/scenario/yamlText.js';
import { importSd } from '../helpers/silverdecisions.js';

/** One chance node (probabilities `p1`, `p2`) under a decision against a sure 1. */
function chanceFile(code: string, p1: string, p2: string, extra: Record<string, unknown> = {}): unknown {
	const terminal = { type: 'terminal', childEdges: [] };
	return {
		SilverDecisions: '1.2.0',
		rule: 'expected-value-maximization',
		...extra,
		data: {
			code,
			trees: [
				{
					type: 'decision',
					name: 'Go',
					childEdges: [
						{
							name: 'Bet',
							payoff: [0, 0],
							childNode: {
								type: 'chance',
								name: 'Draw',
								childEdges: [
									{ name: 'Win', probability: p1, payoff: ['10', 0], childNode: terminal },
									{ name: 'Lose', probability: p2, payoff: ['0', 0], childNode: terminal }
								]
							}
						},
						{ name: 'Keep', payoff: ['1', 0], childNode: terminal }
					]
				}
			]
		}
	};
}

describe('ranges of imported numbers', () => {
	it('keeps a guessed range where the tree stays valid across it', () => {
		const imported = importSd(chanceFile('p = 0.4', 'p', '#'));
		expect(imported.scenario.assumptions).toMatchObject([{ id: 'p', kind: 'probability', default: 0.4, min: 0, max: 1 }]);
		expect(imported.result.notes).toEqual([]);
	});

	it('narrows guessed ranges to a tenth where their ends would make a probability invalid, and says so', () => {
		// pplus = p + 0.1 leaves 0..1 when p nears 1.
		const imported = importSd(chanceFile('p = 0.6\npplus = p + 0.1', 'pplus', '#'));
		expect(imported.scenario.assumptions).toMatchObject([{ id: 'p', kind: 'probability', default: 0.6, min: 0.54, max: 0.64 }]);
		expect(imported.result.notes).toEqual(['Ranges the file does not give were narrowed to a tenth, so that the probabilities stay valid at their ends; widen them where that still holds.']);
		expect(imported.result.yaml).toContain('# Narrowed to a tenth of the range around the value.');
	});

	it('holds numbers fixed where no range keeps the probabilities summing to 1', () => {
		// Two separate numbers must sum to 1: moving either alone breaks the chance node.
		const imported = importSd(chanceFile('a = 0.3\nb = 0.7', 'a', 'b'));
		expect(imported.scenario.assumptions).toEqual([]);
		expect(imported.scenario.derived.map((d) => [d.id, d.formula])).toEqual([
			['a', '0.3'],
			['b', '0.7']
		]);
		expect(imported.result.notes).toEqual(['Numbers whose range would make the tree invalid are held fixed as derived values; give them ranges that keep the probabilities valid.']);
		expect(imported.run().evaluation?.expected[0]).toBe(3);
	});

	it('leaves out a definition nothing reads when it fails at the ends of the ranges, and keeps the ranges', () => {
		const imported = importSd(chanceFile('p = 0.4\nodds = p / (1 - p)', 'p', '#'));
		expect(imported.scenario.derived).toEqual([]);
		expect(imported.scenario.assumptions).toMatchObject([{ id: 'p', min: 0, max: 1 }]);
		expect(imported.result.notes).toEqual(['Left out: odds, which nothing in the tree reads and which is not a number at the ends of the ranges. In SilverDecisions: odds = p / (1 - p)']);
	});

	it('keeps a range SilverDecisions saved, widened to take in the value', () => {
		const saved = { sensitivityAnalysis: { 'tornado-diagram': { variables: [{ name: 'p', min: 0.5, max: 0.9, length: 5 }] } } };
		const imported = importSd(chanceFile('p = 0.4', 'p', '#', saved));
		expect(imported.scenario.assumptions).toMatchObject([{ id: 'p', min: 0.4, max: 0.9 }]);
	});

	it('takes a distribution saved for the probabilistic analysis', () => {
		const saved = { sensitivityAnalysis: { 'probabilistic-sensitivity-analysis': { variables: [{ name: 'p', formula: 'Triangular(0.2, 0.6, 0.4)' }] } } };
		const imported = importSd(chanceFile('p = 0.4', 'p', '#', saved));
		expect(imported.scenario.assumptions).toMatchObject([{ id: 'p', kind: 'probability', min: 0.2, max: 0.6, distribution: { type: 'triangular', min: 0.2, mode: 0.4, max: 0.6 } }]);
	});

	it('makes a number read by no probability a number, and true or false a boolean', () => {
		const imported = importSd(chanceFile('p = 0.4\nprize = 0.5\non = true', 'p', '#'));
		expect(imported.scenario.assumptions.map((a) => [a.id, a.kind, a.default])).toEqual([
			['p', 'probability', 0.4],
			['prize', 'number', 0.5],
			['on', 'boolean', true]
		]);
	});
});

describe('texts in the YAML written', () => {
	it.each([
		['Launch', 'Launch'],
		['Scale up?', 'Scale up?'],
		['nie ma', 'nie ma'],
		['true', '"true"'],
		['1.5', '"1.5"'],
		['a: b', '"a: b"'],
		['x, y', '"x, y"'],
		['#tag', '"#tag"'],
		['testuj → + → sprzedaj', '"testuj → + → sprzedaj"']
	])('writes %j as %s', (text, written) => {
		expect(yamlText(text)).toBe(written);
	});

	it('reads back as the same text, whatever it holds', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
				expect(parse(`label: ${yamlText(text)}`, { schema: 'core' })).toEqual({ label: text });
				expect(parse(`meta: { label: ${yamlText(text)}, x: 1 }`, { schema: 'core' })).toEqual({ meta: { label: text, x: 1 } });
			}),
			{ numRuns: 500 }
		);
	});
});
