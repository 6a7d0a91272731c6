import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/approx.js';
import { importSd, rootChoice, rootExpected, sdFixture, sdNumber } from '../helpers/silverdecisions.js';

/**
 * SilverDecisions' own test and demo trees, which carry the values
 * SilverDecisions computed for them (`computed.<rule>` on every node and
 * edge, as exact fractions): imported, each evaluates to those values.
 */
type Computed = { computed: Record<string, { payoff?: unknown; combinedPayoff?: unknown; optimal?: boolean }> };
type SdTree = Computed & { childEdges: Computed[] };

function sdRoot(name: string, tree = 0): { rule: string; root: SdTree; scope: Record<string, number> } {
	const file = JSON.parse(sdFixture(name));
	const data = file.data ?? file;
	return { rule: file.rule, root: data.trees[tree], scope: data.expressionScope };
}

/** The root's payoff per criterion as SilverDecisions stored it (a single value in old files). */
const sdPayoff = (root: SdTree, rule: string) => {
	const payoff = root.computed[rule].payoff;
	return (Array.isArray(payoff) ? payoff : [payoff]).map(sdNumber);
};
const sdOptimal = (root: SdTree, rule: string) => root.childEdges.flatMap((e, i) => (e.computed[rule].optimal ? [i] : []));

describe('SilverDecisions’ own example trees', () => {
	it('rockefellerWithParams: a tree-level random draw and a node-level pplus, at the value SilverDecisions drew', () => {
		const { rule, root, scope } = sdRoot('rockefellerWithParams.json');
		const imported = importSd(sdFixture('rockefellerWithParams.json'), { fileName: 'rockefellerWithParams.json' });
		// pr = random(0.1, 0.9): an assumption over that range, uniform, at its mean.
		expect(imported.scenario.assumptions.find((a) => a.id === 'pr')).toMatchObject({ kind: 'probability', default: 0.5, min: 0.1, max: 0.9, distribution: { type: 'uniform', min: 0.1, max: 0.9 } });
		// pplus = pr*sens+(1-pr)*(1-spec), defined at node A: a derived value the test's branches read.
		expect(imported.scenario.derived).toMatchObject([{ id: 'pplus', formula: 'pr * sens + (1 - pr) * (1 - spec)', label: 'pplus (at A)' }]);
		// The value SilverDecisions computed at its draw pr = 0.5503…: 1165 891810/1849771, taking the test.
		const run = imported.run({ pr: scope.pr });
		expectClose(rootExpected(run)[0], sdPayoff(root, rule)[0]);
		expectClose(rootExpected(run)[0], 1165 + 891810 / 1849771);
		expect([rootChoice(run)]).toEqual(sdOptimal(root, rule));
		expect(imported.scenario.states[0].moves[rootChoice(run)].label).toBe('testuj');
		// The test's "+" and "-" branches get ids from their signs.
		expect(imported.scenario.states.find((s) => s.id === 'chance_testuj')?.moves.map((m) => [m.id, m.probability])).toEqual([
			['PLUS', 'pplus'],
			['MINUS', '1 - pplus']
		]);
	});

	it('variables_pass (format 0.5.2): node-level variables shadow the root’s in their subtree only', () => {
		const { rule, root, scope } = sdRoot('variables_pass.json');
		const imported = importSd(sdFixture('variables_pass.json'));
		// The root says up = 1, down = 0; the first chance node says up = 0, down = 1 for its own subtree.
		const moves = imported.scenario.states.filter((s) => s.moves.length === 2 && s.actor === 'chance').map((s) => s.moves.map((m) => m.payoffs.payoff));
		expect(moves).toEqual([
			['up_chance_move_1', 'down_chance_move_1'],
			['up_decision', 'down_decision']
		]);
		expect(imported.scenario.assumptions.find((a) => a.id === 'p')).toMatchObject({ default: 0.5, min: 0, max: 1, distribution: { type: 'uniform', min: 0, max: 1 } });
		// Its `# reversed` comments are kept beside the moves.
		expect(imported.result.yaml).toContain('        # reversed\n');
		const run = imported.run({ p: scope.p });
		expectClose(rootExpected(run)[0], sdPayoff(root, rule)[0]);
		expect([rootChoice(run)]).toEqual(sdOptimal(root, rule));
	});

	it('mcdm2: two criteria under max-min with weight 2 give SilverDecisions’ combined value; ties are taken first, not averaged', () => {
		const { rule, root } = sdRoot('mcdm2.json');
		const imported = importSd(sdFixture('mcdm2.json'));
		expect(imported.scenario.criteria.map((c) => [c.id, c.direction, c.weight])).toEqual([
			['effect', 'max', 2],
			['cost', 'min', 1]
		]);
		const run = imported.run();
		// SilverDecisions' combined payoff 2 × effect − cost is the weighted score.
		expectClose(run.evaluation?.score[0] ?? NaN, sdNumber(root.computed[rule].combinedPayoff));
		// Treatments B (3, 3) and C (4, 5) tie at 3: SilverDecisions averages the tied branches ([3.5, 4]);
		// Branchpoint takes the first and reports the tie.
		expect(sdOptimal(root, rule)).toEqual([1, 2]);
		expect(sdOptimal(root, rule)).toContain(rootChoice(run));
		expect(rootExpected(run)).toEqual([3, 3]);
		expect(run.evaluation?.ties.get(0)?.length).toBe(2);
		expect(sdPayoff(root, rule)).toEqual([3.5, 4]);
	});

	it('payofftransform_pass: a function defined in a node’s code is written out where it is called', () => {
		for (const [tree, expected] of [
			[0, 3],
			[1, 16.5]
		] as const) {
			const { rule, root } = sdRoot('payofftransform_pass.json', tree);
			const imported = importSd(sdFixture('payofftransform_pass.json'), { tree });
			expect(imported.result.issues.map((i) => i.message)).toEqual(['The file has 2 trees; tree ' + tree + ' is imported and the others are left out.']);
			const run = imported.run();
			expectClose(rootExpected(run)[0], sdPayoff(root, rule)[0]);
			expectClose(rootExpected(run)[0], expected);
			expect([rootChoice(run)]).toEqual(sdOptimal(root, rule));
		}
		const second = importSd(sdFixture('payofftransform_pass.json'), { tree: 1 });
		// transformPayoff(p) = p^2/2, inlined: transformPayoff(9) = 40.5.
		expect(second.scenario.states.flatMap((s) => s.moves.map((m) => m.payoffs.payoff)).filter(Boolean)).toContain('((9) ^ 2 / 2)');
	});
});
