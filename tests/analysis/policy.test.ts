import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMachine, createEvaluator, policyChanges, policyOf, threshold, tornado, valueUnderPolicy } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { parseValid } from '../helpers/scenarios.js';

// Go to trial (stop: 2); win 0.5 → 10 + 8r(1 − r); lose → accept 3, or appeal: 8 with chance p.
// By hand: appeal is worth 8p, so the offer's decision switches at p = 3/8; going to trial is
// worth 5 + 4r(1 − r) + max(3, 8p)/2 and stays best. Base p = 0.7, r = 0: 5 + 2.8 = 7.8, appealing.
const model = buildMachine(parseValid(readFileSync('tests/fixtures/e2e-scenarios/appeal/scenario.yaml', 'utf8')));
const assumption = (id: string) => model.scenario.assumptions.find((a) => a.id === id)!;
const bar = (t: ReturnType<typeof tornado>, id: string) => t.bars.find((b) => b.assumption === id)!;

describe('the optimal policy at every decision it reaches', () => {
	it('lists the choice at each reached decision by its path', () => {
		const base = createEvaluator(model).at({});
		expect([...policyOf(base).values()].map((c) => [c.path, c.move])).toEqual([
			['', 'GO'],
			['GO/LOSE', 'APPEAL']
		]);
		const low = createEvaluator(model).at({ p: 0.2 });
		expect(policyChanges(policyOf(base), policyOf(low))).toEqual([{ path: 'GO/LOSE', state: 'offer', from: 'APPEAL', to: 'ACCEPT' }]);
	});

	it('values a held policy by hand: appealing at p = 0.2 is worth 5 + 0.5 × 1.6', () => {
		const evaluator = createEvaluator(model);
		const held = valueUnderPolicy(evaluator.at({ p: 0.2 }), policyOf(evaluator.at({})), evaluator.criterionIndex);
		expectClose(held.value, 5.8);
		expect(held.fallbacks).toBe(0);
		// Re-optimised, accepting is better there: 5 + 0.5 × 3.
		expectClose(evaluator.at({ p: 0.2 }).value, 6.5);
	});
});

describe('tornado over the whole policy', () => {
	it('flags a switch at a later decision and says where, though the first choice never changes', () => {
		const t = tornado(createEvaluator(model));
		const p = bar(t, 'p');
		expect(p.low.best).toBe('GO');
		expect(p.high.best).toBe('GO');
		expect(p.policyChanges).toBe(true);
		expect(p.policySwitch).toEqual({ setting: 0, path: 'GO/LOSE', state: 'offer', from: 'APPEAL', to: 'ACCEPT' });
		expect(bar(t, 'r').policyChanges).toBe(false);
	});

	it('sweeps the range and finds an interior maximum the ends miss', () => {
		const r = bar(tornado(createEvaluator(model)), 'r');
		expect(r.high.setting).toBeCloseTo(0.5, 12);
		expectClose(r.high.value, 8.8);
		expectClose(r.low.value, 7.8);
		expectClose(r.swing, 1);
		// Looking at the ends only, as before, sees no swing at all.
		expectClose(bar(tornado(createEvaluator(model), { points: 2 }), 'r').swing, 0);
	});

	it('re-optimised: p from 0 (6.5, accepting) to 1 (9, appealing)', () => {
		const t = tornado(createEvaluator(model));
		expect(t.policy).toBe('reoptimise');
		const p = bar(t, 'p');
		expectClose(p.low.value, 6.5);
		expectClose(p.high.value, 9);
		expectClose(p.swing, 2.5);
	});

	it('with the base policy held: appealing whatever p, 5 + 4p from 5 to 9 — the convention of decision-tree tools', () => {
		const t = tornado(createEvaluator(model), { policy: 'fixed' });
		expect(t.policy).toBe('fixed');
		const p = bar(t, 'p');
		expect(p.low.setting).toBe(0);
		expectClose(p.low.value, 5);
		expect(p.high.setting).toBe(1);
		expectClose(p.high.value, 9);
		expectClose(p.swing, 4);
		// The switch is still reported: held, the policy is no longer the best below 3/8.
		expect(p.policySwitch?.path).toBe('GO/LOSE');
		expectClose(t.base.value, 7.8);
	});
});

describe('threshold over the whole policy', () => {
	it('finds the later decision’s switch at p = 3/8 and names the decision', () => {
		const r = threshold(createEvaluator(model), assumption('p'), { tolerance: 1e-6 });
		expect(r.start).toBe('GO');
		expect(r.switches).toHaveLength(1);
		expect(Math.abs(r.switches[0].at - 3 / 8)).toBeLessThanOrEqual(1e-6);
		expect(r.switches[0]).toMatchObject({ decision: 'GO/LOSE', state: 'offer', from: 'ACCEPT', to: 'APPEAL' });
	});

	it('sees no switch for an assumption that moves values only', () => {
		expect(threshold(createEvaluator(model), assumption('r')).switches).toEqual([]);
	});
});
