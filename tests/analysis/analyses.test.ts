import { describe, expect, it } from 'vitest';
import { mersenne } from 'pure-rand/generator/mersenne';
import { buildMachine, createEvaluator, evppi, monteCarlo, sampleAssumption, sampleDistribution, threshold, tornado, twoWay, uniformFrom, type Distribution } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

// The worked example: SANCTION scores 7 − 6p (enforcement 8 − 6p, cost 2 at weight 0.5), WAIT 0.
const example = buildMachine(parseValid(exampleText()));
// With WAIT worth enforcement 3, the preferred option switches at p = 2/3, and p is uniform on 0..1.
const crossingText = replaceOnce(
	replaceOnce(exampleText(), 'payoffs: { enforcement: "0" }', 'payoffs: { enforcement: "3" }'),
	'distribution: { type: beta, alpha: 5, beta: 5 }',
	'distribution: { type: uniform, min: 0, max: 1 }'
);
const crossing = buildMachine(parseValid(crossingText));
const pEvade = (model: typeof example) => model.scenario.assumptions.find((a) => a.id === 'p_evade')!;

describe('tornado', () => {
	it('gives each assumption’s swing over its range, sorted, with the policy at both ends', () => {
		const t = tornado(createEvaluator(example));
		expect(t.base).toEqual({ value: 4, best: 'SANCTION' });
		expect(t.bars).toHaveLength(1);
		const [bar] = t.bars;
		expect(bar.low).toEqual({ setting: 1, value: 1, best: 'SANCTION' });
		expect(bar.high).toEqual({ setting: 0, value: 7, best: 'SANCTION' });
		expectClose(bar.swing, 6);
		expect(bar.policyChanges).toBe(false);
	});

	it('marks an assumption across whose range the preferred option changes', () => {
		expect(tornado(createEvaluator(crossing)).bars[0].policyChanges).toBe(true);
	});

	it('refuses an unknown criterion, naming the closest', () => {
		expect(() => createEvaluator(example, { criterion: 'enforcment' })).toThrow('Unknown criterion "enforcment". Did you mean "enforcement"? Criteria: enforcement, cost.');
	});

	it('works on one criterion in its units', () => {
		const t = tornado(createEvaluator(example, { criterion: 'enforcement' }));
		expectClose(t.bars[0].swing, 6);
		expectClose(t.base.value, 5);
	});
});

describe('threshold', () => {
	it('finds where the preferred option switches, to the stated tolerance', () => {
		const r = threshold(createEvaluator(crossing), pEvade(crossing), { tolerance: 1e-6 });
		expect(r.start).toBe('SANCTION');
		expect(r.switches).toHaveLength(1);
		expect(Math.abs(r.switches[0].at - 2 / 3)).toBeLessThanOrEqual(1e-6);
		expect(r.switches[0]).toMatchObject({ from: 'SANCTION', to: 'WAIT' });
	});

	it('reports no switch when the option is preferred across the range', () => {
		expect(threshold(createEvaluator(example), pEvade(example)).switches).toEqual([]);
	});
});

describe('two-way sensitivity', () => {
	it('maps the preferred option over a grid of two assumptions', () => {
		const text = crossingText.replace(
			'\ncriteria:',
			'\n  - { id: q, label: Q, kind: probability, default: 0.5, citations: [c-evasion], judgment: true }\ncriteria:'
		);
		const model = buildMachine(parseValid(text));
		const a = model.scenario.assumptions;
		const r = twoWay(createEvaluator(model), a[0], a[1], { steps: 4 });
		// q changes nothing; p_evade at 0, 1/3 favours SANCTION (7, 5 > 3), at 2/3 they tie (3 = 3, first kept), at 1 WAIT.
		for (const row of r.best) expect(row.map((b) => r.options[b])).toEqual(['SANCTION', 'SANCTION', 'SANCTION', 'WAIT']);
		expectClose(r.value[0][1], 5);
	});
});

describe('Monte Carlo and value of information', () => {
	it('gives the same numbers for the same seed and different ones for another', () => {
		const run = (seed: number) => monteCarlo(createEvaluator(example), { runs: 200, seed }).values[0];
		expect(Array.from(run(3))).toEqual(Array.from(run(3)));
		expect(Array.from(run(3))).not.toEqual(Array.from(run(4)));
	});

	it('estimates each option’s mean and how often it is preferred', () => {
		const mc = monteCarlo(createEvaluator(crossing), { runs: 20000, seed: 11 });
		const [sanction, wait] = mc.summaries;
		expectClose(sanction.mean, 4, 0.02); // 7 − 6 · E[p], p uniform
		expectClose(wait.mean, 3);
		expectClose(sanction.probabilityBest, 2 / 3, 0.02);
		expect(sanction.available).toBe(1);
	});

	it('computes EVPI against the hand-computed value 1/3', () => {
		// E[max(7 − 6p, 3)] = 13/3 for p uniform; max(E[7 − 6p], 3) = 4.
		const mc = monteCarlo(createEvaluator(crossing), { runs: 20000, seed: 5 });
		expectClose(mc.evpi, 1 / 3, 0.03);
		const [partial] = evppi(mc, ['p_evade']);
		expectClose(partial.value, 1 / 3, 0.04);
	});

	it('names the assumptions it varies: those with a distribution', () => {
		expect(monteCarlo(createEvaluator(example), { runs: 10, seed: 1 }).uncertain).toEqual(['p_evade']);
	});

	it('says nothing is uncertain when no assumption has a distribution', () => {
		const certain = buildMachine(parseValid(replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', '')));
		const mc = monteCarlo(createEvaluator(certain), { runs: 50, seed: 1 });
		expect(mc.uncertain).toEqual([]);
		// What the numbers would say, and why they must not be shown as findings.
		expect(mc.evpi).toBe(0);
		expect(mc.summaries.map((s) => s.probabilityBest)).toEqual([1, 0]);
	});

	it('can be stopped through its progress callback', () => {
		const mc = monteCarlo(createEvaluator(example), { runs: 1000, seed: 1, progressEvery: 100, onProgress: (done) => done < 300 });
		expect(mc.runs).toBe(300);
	});
});

describe('distributions', () => {
	const cases: { d: Distribution; mean: number; min?: number; max?: number }[] = [
		{ d: { type: 'uniform', min: 2, max: 4 }, mean: 3 },
		{ d: { type: 'triangular', min: 0, mode: 0, max: 3 }, mean: 1 },
		{ d: { type: 'beta', alpha: 2, beta: 6 }, mean: 0.25 },
		{ d: { type: 'beta', alpha: 0.5, beta: 0.5 }, mean: 0.5 },
		{ d: { type: 'normal', mean: 0, sd: 1 }, mean: 0 },
		{ d: { type: 'normal', mean: 0, sd: 1 }, mean: Math.sqrt(2 / Math.PI), min: 0, max: Infinity },
		{ d: { type: 'discrete', values: [1, 2, 10], weights: [1, 1, 2] }, mean: 5.75 }
	];
	it.each(cases)('samples $d.type with the right mean', ({ d, mean, min, max }) => {
		const u = uniformFrom(mersenne(9));
		let sum = 0;
		const n = 40000;
		for (let i = 0; i < n; i++) {
			const x = sampleDistribution(d, u, min, max);
			if (min !== undefined) expect(x).toBeGreaterThanOrEqual(min);
			sum += x;
		}
		expectClose(sum / n, mean, 0.03);
	});
});

describe('drawing assumptions', () => {
	const u = () => uniformFrom(mersenne(21));
	const scenario = parseValid(exampleText());
	const probability = scenario.assumptions[0];

	it('keeps an assumption without a distribution at its value', () => {
		expect(sampleAssumption({ ...probability, distribution: undefined }, u(), 0.42)).toBe(0.42);
	});

	it('draws a boolean from a 0/1 discrete distribution in proportion to its weights', () => {
		const flag = { ...probability, kind: 'boolean' as const, default: true, min: undefined, max: undefined, distribution: { type: 'discrete' as const, values: [0, 1], weights: [3, 1] } };
		const draw = u();
		let trues = 0;
		for (let i = 0; i < 20000; i++) if (sampleAssumption(flag, draw, true) === true) trues++;
		expectClose(trues / 20000, 0.25, 0.03);
	});

	it('draws a choice by option position', () => {
		const choice = {
			...probability,
			kind: 'choice' as const,
			default: 'a',
			min: undefined,
			max: undefined,
			options: [{ id: 'a', label: 'A', value: 0 }, { id: 'b', label: 'B', value: 5 }],
			distribution: { type: 'discrete' as const, values: [1], weights: [1] }
		};
		expect(sampleAssumption(choice, u(), 'a')).toBe('b');
	});

	it('spreads a beta distribution over a number’s range', () => {
		const level = { ...probability, kind: 'number' as const, default: 5, min: 2, max: 6, distribution: { type: 'beta' as const, alpha: 1, beta: 1 } };
		const draw = u();
		let sum = 0;
		for (let i = 0; i < 20000; i++) sum += sampleAssumption(level, draw, 5) as number;
		expectClose(sum / 20000, 4, 0.02);
	});

	it('clamps draws to the assumption’s range', () => {
		const narrow = { ...probability, min: 0.4, max: 0.6, distribution: { type: 'uniform' as const, min: 0, max: 1 } };
		const draw = u();
		for (let i = 0; i < 1000; i++) {
			const x = sampleAssumption(narrow, draw, 0.5) as number;
			expect(x).toBeGreaterThanOrEqual(0.4);
			expect(x).toBeLessThanOrEqual(0.6);
		}
	});
});

describe('value of information with closed options and minimised criteria', () => {
	// WAIT (worth 3) is open only when open_wait holds, true in half the runs; SANCTION is 7 − 6p.
	const guarded = buildMachine(
		parseValid(
			replaceOnce(
				crossingText.replace('\ncriteria:', '\n  - { id: open_wait, label: Waiting is possible, kind: boolean, default: false, distribution: { type: discrete, values: [0, 1], weights: [1, 1] }, citations: [c-limited], judgment: true }\ncriteria:'),
				'        WAIT:\n          target: status_quo',
				'        WAIT:\n          target: status_quo\n          guard: { type: formula, params: { expr: open_wait } }'
			)
		)
	);

	it('keeps an option that a guard closes at the base values, as NaN', () => {
		const evaluator = createEvaluator(guarded);
		expect(evaluator.optionIds).toEqual(['SANCTION', 'WAIT']);
		expect(Number.isNaN(evaluator.at({}).options[1])).toBe(true);
		expect(evaluator.at({ open_wait: true }).options[1]).toBe(3);
	});

	it('values information about which options are open: EVPI 1/6 by hand', () => {
		// Without information: rank SANCTION (mean 4) over WAIT (3), so always SANCTION: 4.
		// With it: WAIT open (half the runs) gives E[max(7 − 6p, 3)] = 13/3, closed gives 4.
		const mc = monteCarlo(createEvaluator(guarded), { runs: 20000, seed: 8 });
		expectClose(mc.evpi, 0.5 * (13 / 3) + 0.5 * 4 - 4, 0.03);
		expectClose(mc.summaries[1].available, 0.5, 0.02);
		const partial = Object.fromEntries(evppi(mc, mc.assumptions).map((e) => [e.assumption, e.value]));
		expect(partial.open_wait).toBeLessThan(0.02); // alone, knowing it changes nothing: SANCTION stays first
		expect(partial.p_evade).toBeGreaterThan(0.1);
	});

	it('is zero for a criterion to minimise when one option is always cheapest', () => {
		const evaluator = createEvaluator(example, { criterion: 'cost' });
		expect(evaluator.sign).toBe(-1);
		const mc = monteCarlo(evaluator, { runs: 500, seed: 1 });
		expect(mc.summaries.map((s) => s.probabilityBest)).toEqual([0, 1]);
		expect(mc.evpi).toBe(0);
		expect(evppi(mc, mc.assumptions, evaluator.sign)[0].value).toBe(0);
	});
});
