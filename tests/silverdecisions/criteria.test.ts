import { describe, expect, it } from 'vitest';
import { readSilverDecisions } from '../../src/lib/core/silverdecisions/readSilverDecisions.js';
import { expectClose } from '../helpers/approx.js';
import { importSd, rootChoice, rootExpected } from '../helpers/silverdecisions.js';

type Json = Record<string, unknown>;

/** Two options, A [cost 2, effect 3] and B [cost 5, effect 8]; SilverDecisions' payoff slots in that order. */
function twoOptions(fields: Json, code = ''): Json {
	const terminal = { type: 'terminal', name: '', childEdges: [] };
	return {
		SilverDecisions: '1.1.0',
		...fields,
		data: {
			code,
			trees: [
				{
					type: 'decision',
					name: 'Treatment',
					childEdges: [
						{ name: 'A', payoff: ['2', '3'], childNode: terminal },
						{ name: 'B', payoff: ['5', '8'], childNode: terminal }
					]
				}
			],
			payoffNames: ['Cost', 'Effect'],
			...(fields.data as Json | undefined)
		}
	};
}

describe('criteria from SilverDecisions’ rule, view and weight', () => {
	it('a two-criteria rule: directions from its name, weights w and 1', () => {
		// min-max with weight 0.5: score −0.5 × cost + effect: A −1 + 3 = 2, B −2.5 + 8 = 5.5.
		const imported = importSd(twoOptions({ rule: 'min-max', viewMode: 'twoCriteria', data: { defaultCriterion1Weight: '0.5' } }));
		expect(imported.scenario.criteria.map((c) => [c.id, c.label, c.direction, c.weight])).toEqual([
			['cost', 'Cost', 'min', 0.5],
			['effect', 'Effect', 'max', 1]
		]);
		const run = imported.run();
		expectClose(run.evaluation?.score[0] ?? NaN, 5.5);
		expect(rootChoice(run)).toBe(1);
	});

	it('a single-criterion view: that slot decides; the other is carried with weight 0, and the notes say so', () => {
		const imported = importSd(twoOptions({ rule: 'expected-value-minimization', viewMode: 'criterion1' }));
		expect(imported.scenario.criteria.map((c) => [c.id, c.direction, c.weight])).toEqual([
			['cost', 'min', 1],
			['effect', 'min', 0]
		]);
		expect(rootChoice(imported.run())).toBe(0);
		expect(imported.result.notes).toEqual(['The second payoff, "Effect", is not what SilverDecisions optimised in this view; it is carried as a criterion with weight 0.']);
	});

	it('the second criterion’s view optimises the second slot', () => {
		const imported = importSd(twoOptions({ rule: 'expected-value-maximization', viewMode: 'criterion2' }));
		expect(imported.scenario.criteria.map((c) => [c.id, c.direction, c.weight])).toEqual([
			['effect', 'max', 1],
			['cost', 'max', 0]
		]);
		expect(rootExpected(imported.run())).toEqual([8, 5]);
	});

	it('a robust rule becomes expected values in its direction, said in a note', () => {
		const imported = importSd(twoOptions({ rule: 'maxi-min', viewMode: 'criterion1' }));
		expect(imported.scenario.criteria[0]).toMatchObject({ direction: 'max' });
		expect(imported.result.notes[0]).toMatch(/^SilverDecisions used the rule maxi-min, which looks only at the worst or best outcome/);
	});

	it('reads back the weights Branchpoint wrote as variables, when they agree with the rule and weight', () => {
		const agreeing = importSd(twoOptions({ rule: 'min-max', viewMode: 'twoCriteria', data: { defaultCriterion1Weight: 0.25 } }, 'weight_money = -0.5  # Money spent\nweight_health = 2'));
		expect(agreeing.scenario.criteria.map((c) => [c.id, c.label, c.direction, c.weight])).toEqual([
			['money', 'Cost', 'min', 0.5],
			['health', 'Effect', 'max', 2]
		]);
		expect(agreeing.scenario.assumptions).toEqual([]);
		// Edited in SilverDecisions since: its own weight wins, and the variables stay variables.
		const edited = importSd(twoOptions({ rule: 'min-max', viewMode: 'twoCriteria', data: { defaultCriterion1Weight: 1 } }, 'weight_money = -0.5\nweight_health = 2'));
		expect(edited.scenario.criteria.map((c) => [c.id, c.weight])).toEqual([
			['cost', 1],
			['effect', 1]
		]);
		expect(edited.scenario.assumptions.map((a) => a.id)).toEqual(['weight_money', 'weight_health']);
	});

	it('splits a weighted score written as weight_<criterion> × payoff back into its criteria', () => {
		const terminal = { type: 'terminal', name: '', childEdges: [] };
		const file = {
			SilverDecisions: '1.1.0',
			rule: 'expected-value-maximization',
			viewMode: 'criterion1',
			data: {
				code: 'weight_security = 0.5  # Security\nweight_cost = -0.25  # Cost\nweight_spare = 0',
				trees: [
					{
						type: 'decision',
						name: 'Act',
						childEdges: [
							{ name: 'Arm', payoff: ['weight_security * 4 + weight_cost * (2 + 2)', 0], childNode: terminal },
							{ name: 'Talk', payoff: ['weight_security * (1)', '0'], childNode: terminal },
							{ name: 'Wait', payoff: [0, 0], childNode: terminal }
						]
					}
				]
			}
		};
		const imported = importSd(file);
		expect(imported.scenario.criteria.map((c) => [c.id, c.label, c.direction, c.weight])).toEqual([
			['security', 'Security', 'max', 0.5],
			['cost', 'Cost', 'min', 0.25],
			['spare', 'spare', 'max', 0]
		]);
		expect(imported.scenario.states[0].moves.map((m) => m.payoffs)).toEqual([{ security: '4', cost: '2 + 2' }, { security: '1' }, {}]);
		expect(imported.result.notes[0]).toMatch(/split back into its 3 criteria/);
		// Arm: 0.5 × 4 − 0.25 × 4 = 1, the same score SilverDecisions computes from the single payoff.
		expectClose(imported.run().evaluation?.score[0] ?? NaN, 1);
	});
});

describe('reading the file’s fields', () => {
	it('reads files before 0.7.0, with their trees at the top and one payoff per edge', () => {
		const read = readSilverDecisions({ SilverDecisions: '0.5.2', rule: 'expected-value-maximization', code: 'x = 1', trees: [{ type: 'terminal', childEdges: [] }] });
		expect(read.doc).toMatchObject({ version: '0.5.2', code: 'x = 1', dataPath: [], codePath: ['code'] });
	});

	it('reads saved sensitivity ranges and probabilistic formulas by variable', () => {
		const read = readSilverDecisions(
			twoOptions({
				rule: 'max-min',
				sensitivityAnalysis: {
					'spider-plot': { variables: [{ name: 'a' }] },
					'tornado-diagram': { variables: [{ name: 'a', min: 1, max: 2, length: 3 }, { name: 'bad', min: 2, max: 1 }] },
					'sensitivity-analysis': { variables: [{ name: 'a', min: 0, max: 9 }, { name: 'b', min: '0', max: '4' }] },
					'probabilistic-sensitivity-analysis': { numberOfRuns: 10, variables: [{ name: 'c', formula: 'Normal(0, 1)' }] }
				}
			})
		);
		expect([...(read.doc?.ranges ?? [])]).toEqual([
			['a', { min: 1, max: 2 }],
			['b', { min: 0, max: 4 }]
		]);
		expect([...(read.doc?.distributions ?? [])]).toEqual([['c', 'Normal(0, 1)']]);
	});

	it('takes the day it was saved as the scenario’s "as of"', () => {
		const imported = importSd(twoOptions({ rule: 'max-min', savetime: '2021-09-11T20:02:31.157Z' }));
		expect(imported.scenario.asOf).toBe('2021-09-11');
	});
});
