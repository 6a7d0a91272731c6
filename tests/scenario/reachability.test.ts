import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluateScenario, formatIssue, parseScenario } from '../../src/lib/core/index.js';
import { runCommand } from '../../src/cli/runCommand.js';
import { expectClose } from '../helpers/approx.js';
import { lineOf, parseValid } from '../helpers/scenarios.js';

// The oil wildcatter with its posteriors written by hand and the natural
// ranges 0..1: the chance of oil after a negative test is 0/0 exactly where
// the test always reads positive, so that branch is never reached.
const FILE = 'tests/fixtures/e2e-scenarios/wildcatter-by-hand/scenario.yaml';
const TEXT = readFileSync(FILE, 'utf8');

describe('formulas judged where they matter', () => {
	it('notes, at the formula, one that is undefined only on branches reached with probability 0', () => {
		const result = parseScenario(TEXT);
		expect(result.scenario).toBeDefined();
		const line = lineOf(TEXT, 'id: post_neg');
		expect(result.issues).toEqual([
			{
				severity: 'note',
				path: ['derived', 2, 'formula'],
				line,
				column: TEXT.split('\n')[line - 1].indexOf('"(1 - sens)') + 1,
				message:
					'The formula gives NaN with every numeric assumption at its minimum and 1 other test point (it reads sens = 0, prior = 0, pplus = 1), but only on branches reached with probability 0 there, which contribute nothing; no error.'
			}
		]);
		expect(formatIssue(result.issues[0], FILE)).toMatch(/^tests\/fixtures\/e2e-scenarios\/wildcatter-by-hand\/scenario\.yaml:\d+:\d+: note: The formula gives NaN/);
	});

	it('keeps it an error where its node can be reached, with the values that break it', () => {
		const reachable = TEXT.replace('probability: pplus,', 'probability: "0.5",').replace('probability: 1 - pplus,', 'probability: "0.5",');
		const result = parseScenario(reachable);
		expect(result.scenario).toBeUndefined();
		expect(result.issues.map((i) => `${i.severity} ${i.path.join('.')} ${i.message}`)).toEqual([
			'error derived.2.formula The formula gives NaN with every numeric assumption at its minimum (it reads sens = 0, prior = 0, pplus = 1); it must give a finite number (check for division by zero or log of 0).'
		]);
	});

	it('gives the textbook answer: test, drill on a positive only, worth 41.5 against 30 without the test', () => {
		const json = JSON.parse(runCommand('evaluate', [FILE], { json: true }).stdout) as { score: number; policy: { path: string; move: string }[]; nodes: { path: string; expected: { value: number } }[] };
		expectClose(json.score, 0.55 * (200 * (9 / 11) - 70) - 10);
		expect(json.policy.map((s) => `${s.path || '(start)'} ${s.move}`)).toEqual(['(start) TEST', 'NO_TEST DRILL', 'TEST/POSITIVE DRILL_POS', 'TEST/NEGATIVE STOP_NEG']);
		expectClose(json.nodes.find((n) => n.path === 'NO_TEST')!.expected.value, 30);
		// The test is worth 21.5 before its cost of 10.
		expectClose(json.nodes.find((n) => n.path === 'TEST')!.expected.value + 10 - 30, 21.5);
	});

	it('evaluates where the test always reads positive: the unreached branch contributes nothing and is not an error', () => {
		const model = buildMachine(parseValid(TEXT));
		const run = evaluateScenario(model, { overrides: { prior: 1, sens: 1 } });
		expect(run.issues).toEqual([]);
		expect(run.evaluation!.score[0]).toBe(130);
		const negative = run.flat!.tree.nodes.findIndex((n) => n.path === 'TEST/NEGATIVE');
		expect(run.evaluation!.reach[negative]).toBe(0);
		expect(run.evaluation!.reach[run.flat!.tree.nodes.findIndex((n) => n.path === 'TEST/NEGATIVE/DRILL_NEG/OIL_NEG')]).toBe(0);
	});
});

describe('a branch never reached, printed', () => {
	it('shows its undefined values as "—", saying it is never reached, not as NaN', () => {
		const text = runCommand('tree', [FILE], { set: ['prior=1', 'sens=1'] }).stdout;
		expect(text).not.toContain('NaN');
		expect(text).toMatch(/Drill → The well after a negative test \[chance · Chance\] ▸ expected: value — \| score — \(never reached; its formulas are not defined here\)/);
		expect(text).toContain('p — Oil → Oil found');
	});
});
