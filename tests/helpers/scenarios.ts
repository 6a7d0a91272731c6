import { readFileSync } from 'node:fs';
import { buildMachine, parseScenario, resolveValues, unrollTree, type DecisionTree, type Scenario, type ScenarioModel, type UnrollOptions } from '../../src/lib/core/index.js';

export const EXAMPLE_FILE = 'scenarios/example-minimal/scenario.yaml';
export const SHIPPED_FILE = 'scenarios/russia-dprk-2024/scenario.yaml';

export function exampleText(): string {
	return readFileSync(EXAMPLE_FILE, 'utf8');
}

/**
 * The worked example with two assumptions whose difference divides a
 * derived value that a payoff reads: finite at every test point, infinite
 * when they are set equal.
 */
export function leakageText(): string {
	return replaceOnce(
		exampleText(),
		'    judgment: true\n\ncriteria:',
		[
			'    judgment: true',
			'  - { id: routes_open, label: Routes kept open, kind: number, default: 2, min: 1, max: 10, citations: [c-evasion] }',
			'  - { id: routes_closed, label: Routes closed, kind: number, default: 0.5, min: 0, max: 5, citations: [c-sanctions] }',
			'',
			'derived:',
			'  - id: leakage',
			'    label: Leakage per route left open',
			'    formula: routes_open / (routes_open - routes_closed)',
			'',
			'criteria:'
		].join('\n')
	).replace('payoffs: { cost: "2" }', 'payoffs: { cost: "2 * leakage" }');
}

/** Parses text that must be valid; fails the test with the issues otherwise. */
export function parseValid(text: string): Scenario {
	const result = parseScenario(text);
	if (!result.scenario) throw new Error(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
	return result.scenario;
}

export function exampleModel() {
	return buildMachine(parseValid(exampleText()));
}

/** The 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string): number {
	const index = text.split('\n').findIndex((line) => line.includes(marker));
	if (index < 0) throw new Error(`marker not found: ${marker}`);
	return index + 1;
}

/** Replaces exactly one occurrence; fails loudly if the text is not there. */
export function replaceOnce(text: string, from: string, to: string): string {
	const at = text.indexOf(from);
	if (at < 0) throw new Error(`not found: ${from}`);
	return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Unrolls at the defaults (unless `values` are given); fails the test with the issues if it cannot. */
export function unrollValid(model: ScenarioModel, options: Partial<UnrollOptions> = {}): DecisionTree {
	const result = unrollTree(model, { values: resolveValues(model.scenario, model.book), ...options });
	if (!result.tree) throw new Error(result.issues.map((i) => i.message).join('\n'));
	return result.tree;
}
