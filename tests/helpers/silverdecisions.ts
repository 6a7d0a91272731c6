import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { buildMachine, evaluateScenario, formatIssue, parseScenario, silverDecisionsToScenario, type AssumptionValue, type Scenario, type ScenarioRun, type SdImportOptions, type SdImportResult } from '../../src/lib/core/index.js';

export const SD_FIXTURES = 'tests/fixtures/silverdecisions';

export function sdFixture(name: string): string {
	return readFileSync(`${SD_FIXTURES}/${name}`, 'utf8');
}

export interface Imported {
	result: SdImportResult;
	scenario: Scenario;
	/** Evaluates the imported scenario, with some assumptions set. */
	run(overrides?: Record<string, AssumptionValue>): ScenarioRun;
}

/** Imports a SilverDecisions file that must import cleanly; fails the test with its issues otherwise. */
export function importSd(input: string | unknown, options: Partial<SdImportOptions> = {}): Imported {
	const result = silverDecisionsToScenario(input, { id: 'imported', asOf: '2024-07-04', ...options });
	expect(result.yaml, result.issues.map((i) => formatIssue(i, 'file.json')).join('\n')).toBeDefined();
	const parsed = parseScenario(result.yaml as string);
	expect(parsed.scenario, parsed.issues.map((i) => formatIssue(i)).join('\n')).toBeDefined();
	const scenario = parsed.scenario as Scenario;
	const model = buildMachine(scenario);
	return { result, scenario, run: (overrides = {}) => evaluateScenario(model, { overrides }) };
}

/** A number SilverDecisions stored in a file's `computed` values: "1165 891810/1849771", "-2 1/3", "3", or a number. */
export function sdNumber(value: unknown): number {
	if (typeof value === 'number') return value;
	const text = String(value).trim();
	const match = /^(-)?(?:(\d+)(?:\s+(\d+)\/(\d+))?|(\d+)\/(\d+))$/.exec(text);
	if (!match) throw new Error(`not a SilverDecisions number: ${text}`);
	const [, minus, whole, n1, d1, n2, d2] = match;
	const magnitude = whole !== undefined ? Number(whole) + (n1 ? Number(n1) / Number(d1) : 0) : Number(n2) / Number(d2);
	return minus ? -magnitude : magnitude;
}

/** The expected value of each criterion at the root of an evaluation. */
export function rootExpected(run: ScenarioRun): number[] {
	const flat = run.flat;
	if (!flat || !run.evaluation) throw new Error('no evaluation');
	return Array.from({ length: flat.criteria }, (_, c) => (run.evaluation as NonNullable<ScenarioRun['evaluation']>).expected[c]);
}

/** Which of the root's moves the evaluation takes (0-based), or -1. */
export function rootChoice(run: ScenarioRun): number {
	const flat = run.flat;
	if (!flat || !run.evaluation) throw new Error('no evaluation');
	const best = run.evaluation.best[0];
	return best < 0 ? -1 : best - flat.childStart[0];
}
