import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/approx.js';
import { importSd, rootChoice, rootExpected, sdFixture } from '../helpers/silverdecisions.js';

/**
 * tests/fixtures/silverdecisions/launch-or-pilot.json, written by hand in
 * SilverDecisions' format and solved here by hand. Tree-level code:
 * p = 0.6, gain = 100, cost = 30, q = random(0.2, 0.4) (mean 0.3).
 * Criteria: Profit (max) and Risk (min) under `max-min` with criterion-1
 * weight 2, so options rank by 2 × profit − risk.
 *
 * Launch (payoff −cost = −30, risk 1) → Market, whose node code says
 * gain = gain × 1.5 = 150 and pplus = p + 0.1 = 0.7, for that subtree only:
 *   Success (0.7): profit 150, risk 2; Failure (#, 0.3): profit 0, risk 5.
 *   Market: profit 0.7 × 150 = 105, risk 0.7 × 2 + 0.3 × 5 = 2.9.
 *   Launch: profit −30 + 105 = 75, risk 1 + 2.9 = 3.9; score 2 × 75 − 3.9 = 146.1.
 * Pilot (−10, 0) → Pilot result, where gain is the tree-level 100 again:
 *   Good (q = 0.3): +100, risk 1, then Scale up? Scale: gain / 2 = 50, risk 1
 *   (score 99) beats Stop (0), so Good is worth 150, risk 2; Bad (#, 0.7): 0, 0.
 *   Pilot: profit −10 + 0.3 × 150 = 35, risk 0.3 × 2 = 0.6; score 69.4.
 * Wait: 0, 0; score 0.
 * So Launch is optimal, and the root is worth profit 75, risk 3.9, score 146.1.
 * SilverDecisions' own computation engine (sd-computations 0.6.1, run on
 * this file) gives the same: payoff [75, 3.9], combined 146.1, Launch optimal.
 */
const FILE = 'launch-or-pilot.json';

describe('a SilverDecisions tree written by hand', () => {
	const imported = importSd(sdFixture(FILE), { id: 'launch-or-pilot' });

	it('imports without a problem, every element citing only the file for now', () => {
		expect(imported.result.issues).toEqual([]);
		expect(imported.result.notes).toEqual([]);
		expect(imported.result.validation.filter((i) => i.severity !== 'note')).toEqual([]);
		// Actor, 4 assumptions, 10 states and 9 moves: each listed once, with its place in the YAML.
		expect(imported.result.missingCitations).toHaveLength(1 + 4 + 10 + 9);
		for (const w of imported.result.missingCitations) {
			expect(w.severity).toBe('warning');
			expect(w.path[w.path.length - 1]).toBe('citations');
			expect((imported.result.yaml as string).split('\n')[w.line - 1].slice(w.column - 1)).toMatch(/^citations: \[c-imported\]/);
		}
	});

	it('evaluates at once to the values solved by hand', () => {
		const run = imported.run();
		const [profit, risk] = rootExpected(run);
		expectClose(profit, 75);
		expectClose(risk, 3.9);
		expectClose(run.evaluation?.score[0] ?? NaN, 146.1);
		expect(rootChoice(run)).toBe(0);
		expect(imported.scenario.states[0].moves.map((m) => m.label)).toEqual(['Launch', 'Pilot', 'Wait']);
	});

	it('reads a node-level definition only in its subtree: the pilot sees the tree-level gain', () => {
		const run = imported.run();
		const flat = run.flat;
		const pilot = (flat?.childStart[0] ?? 0) + 1;
		expectClose(run.evaluation?.expected[pilot * 2] ?? NaN, 35);
		expectClose(run.evaluation?.expected[pilot * 2 + 1] ?? NaN, 0.6);
		expectClose(run.evaluation?.score[pilot] ?? NaN, 69.4);
		// The shadowing definition is its own value, read from the Market node down; the tree-level one keeps its name.
		expect(imported.scenario.derived.map((d) => [d.id, d.formula, d.label])).toEqual([
			['gain_market', 'gain * 1.5', 'a full launch earns half again as much'],
			['pplus', 'p + 0.1', 'pplus (at Market)']
		]);
		const market = imported.scenario.states.find((s) => s.id === 'market');
		expect(market?.moves.map((m) => [m.id, m.probability, m.payoffs])).toEqual([
			['SUCCESS', 'pplus', { profit: 'gain_market', risk: '2' }],
			['FAILURE', '1 - pplus', { risk: '5' }]
		]);
		expect(imported.scenario.states.find((s) => s.id === 'scale_up')?.moves[0].payoffs).toEqual({ profit: 'gain / 2', risk: '1' });
	});

	it('carries the two criteria with the rule’s directions and the criterion-1 weight', () => {
		expect(imported.scenario.criteria.map((c) => [c.id, c.label, c.direction, c.weight])).toEqual([
			['profit', 'Profit', 'max', 2],
			['risk', 'Risk', 'min', 1]
		]);
	});

	it('turns random(0.2, 0.4) into an assumption with that range, a uniform distribution and its mean', () => {
		const q = imported.scenario.assumptions.find((a) => a.id === 'q');
		expect(q).toMatchObject({ label: 'chance the pilot goes well', kind: 'probability', default: 0.3, min: 0.2, max: 0.4, distribution: { type: 'uniform', min: 0.2, max: 0.4 } });
		expect(imported.result.yaml).toContain('# SilverDecisions had drawn 0.3172 when the file was saved.');
		// The pilot's value follows q: at its maximum, −10 + 0.4 × 150 = 50, risk 0.8.
		const run = imported.run({ q: 0.4 });
		const pilot = (run.flat?.childStart[0] ?? 0) + 1;
		expectClose(run.evaluation?.expected[pilot * 2] ?? NaN, 50);
		expectClose(run.evaluation?.expected[pilot * 2 + 1] ?? NaN, 0.8);
	});

	it('takes ranges from SilverDecisions’ saved sensitivity analysis, and guesses the rest, saying so', () => {
		const byId = new Map(imported.scenario.assumptions.map((a) => [a.id, a]));
		expect(byId.get('p')).toMatchObject({ kind: 'probability', default: 0.6, min: 0.5, max: 0.8 });
		expect(byId.get('gain')).toMatchObject({ kind: 'number', default: 100, min: 0, max: 200 });
		expect(byId.get('cost')).toMatchObject({ kind: 'number', default: 30, min: 0, max: 60 });
		expect(imported.result.yaml).toMatch(/# Range from SilverDecisions' sensitivity analysis\.\n {2}- id: p\n/);
		expect(imported.result.yaml).toMatch(/# The range is a guess around the value \(the file gives none\); set it\.\n {2}- id: gain\n/);
		// p = 0.5: pplus = 0.6; Launch: profit −30 + 0.6 × 150 = 60, risk 1 + 0.6 × 2 + 0.4 × 5 = 4.2.
		const [profit, risk] = rootExpected(imported.run({ p: 0.5 }));
		expectClose(profit, 60);
		expectClose(risk, 4.2);
	});

	it('writes tidy YAML: ids from names, labels from names, comments where the file had them', () => {
		const yaml = imported.result.yaml as string;
		expect(yaml).toMatch(/^# Imported by Branchpoint from the SilverDecisions file launch-or-pilot\.json \(format 1\.1\.0\)\./);
		expect(yaml).toContain('asOf: "2024-05-02"');
		expect(yaml).toContain('title: Launch or pilot');
		expect(yaml).toContain('    # Definitions at this node in SilverDecisions (they hold for its moves and its subtree): gain = gain * 1.5  # a full launch earns half again as much; pplus = p + 0.1');
		expect(yaml).toContain('        # recall costs\n        FAILURE:');
		expect(imported.scenario.states.map((s) => s.id)).toEqual(['launch', 'market', 'end_success', 'end_failure', 'pilot_result', 'scale_up', 'end_scale', 'end_stop', 'end_bad', 'end_wait']);
		expect(imported.scenario.states.find((s) => s.id === 'end_scale')?.label).toBe('Pilot → Good → Scale');
	});

	it('writes the scenario’s own words in Japanese when asked', () => {
		const ja = importSd(sdFixture(FILE), { id: 'launch-or-pilot', lang: 'ja' });
		expect(ja.result.yaml).toContain('languages: [ja]');
		expect(ja.scenario.actors.map((a) => a.name)).toEqual(['意思決定者', '偶然']);
		expect(ja.result.missingCitations[0].message).toMatch(/根拠となる資料の引用を加えてください/);
	});
});
