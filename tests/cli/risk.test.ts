import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/runCommand.js';
import { buildMachine, createEvaluator, evaluateScenario, monteCarlo, tornado } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { parseValid } from '../helpers/scenarios.js';
import { readFileSync } from 'node:fs';

// A 50–50 lottery over 100 or 0 against 40 for sure, with exponential utility.
const FILE = 'tests/fixtures/e2e-scenarios/lottery/scenario.yaml';
const ce = (R: number) => -R * Math.log((1 + Math.exp(-100 / R)) / 2);

interface Json {
	riskTolerance: number;
	certaintyEquivalent: number;
	score: number;
	policy: { move: string }[];
	nodes: { path: string; score: number; certaintyEquivalent: number }[];
}
const evaluate = (set: string[] = []) => JSON.parse(runCommand('evaluate', [FILE], { json: true, set }).stdout) as Json;

describe('risk attitude', () => {
	it('gives the lottery’s certainty equivalent by hand: 37.99 at R = 100, below the sure 40, which is taken', () => {
		const json = evaluate();
		expect(json.riskTolerance).toBe(100);
		expectClose(ce(100), 37.9893, 1e-4);
		expectClose(json.nodes.find((n) => n.path === 'LOTTERY')!.certaintyEquivalent, ce(100));
		expect(json.nodes.find((n) => n.path === 'LOTTERY')!.score).toBe(50);
		expect(json.policy[0].move).toBe('SURE');
		expectClose(json.certaintyEquivalent, 40);
	});

	it('takes the lottery when nearly risk-neutral: 48.75 at R = 1000', () => {
		const json = evaluate(['tolerance=1000']);
		expectClose(json.nodes.find((n) => n.path === 'LOTTERY')!.certaintyEquivalent, ce(1000));
		expectClose(ce(1000), 48.7503, 1e-4);
		expect(json.policy[0].move).toBe('LOTTERY');
	});

	it('finds the risk tolerance at which the two are equal, through the threshold search', () => {
		const result = runCommand('analyse', [FILE, 'threshold'], { assumption: 'tolerance', json: true });
		const switches = (JSON.parse(result.stdout) as { switches: { at: number }[] }).switches;
		expect(switches).toHaveLength(1);
		expectClose(ce(switches[0].at), 40, 1e-3);
	});

	it('prints each first response’s expected value and certainty equivalent', () => {
		const text = runCommand('evaluate', [FILE], {}).stdout;
		expect(text).toContain('Certainty equivalent                40  (of the weighted score; exponential utility, risk tolerance R = 100; decisions maximise it)');
		expect(text).toMatch(/Take the lottery\s+expected 50, certainty equivalent 38/);
	});

	it('compares options by their certainty equivalents in the tornado and Monte Carlo', () => {
		const model = buildMachine(parseValid(readFileSync(FILE, 'utf8')));
		const evaluator = createEvaluator(model);
		expectClose(evaluator.at({}).options[0], ce(100));
		const bar = tornado(evaluator).bars.find((b) => b.assumption === 'tolerance')!;
		expectClose(bar.high.value, ce(2000));
		expect(bar.policySwitch).toBeDefined();
		const run = evaluateScenario(model);
		expect(run.evaluation!.riskAdjusted).toBe(true);
		expect(monteCarlo(evaluator, { runs: 20, seed: 1 }).uncertain).toEqual([]);
	});

	it('refuses a risk tolerance of 0, at the formula', () => {
		const text = readFileSync(FILE, 'utf8').replace('tolerance: tolerance', 'tolerance: tolerance - 100');
		const issues = runCommand('validate', [FILE], {}).stderr;
		expect(issues).toBe('');
		const parsed = parseValidOrIssues(text);
		expect(parsed).toContain('The risk tolerance is 0 at the defaults; it must not be');
	});
});

function parseValidOrIssues(text: string): string {
	try {
		parseValid(text);
		return '';
	} catch (error) {
		return (error as Error).message;
	}
}
