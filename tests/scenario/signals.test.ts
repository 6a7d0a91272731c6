import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluateScenario, parseScenario, resolveValues } from '../../src/lib/core/index.js';
import { runCommand } from '../../src/cli/runCommand.js';
import { expectClose } from '../helpers/approx.js';
import { lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';

const FILE = 'tests/fixtures/e2e-scenarios/wildcatter/scenario.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const BY_HAND = readFileSync('tests/fixtures/e2e-scenarios/wildcatter-by-hand/scenario.yaml', 'utf8');
const errorsOf = (text: string) => parseScenario(text).issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message}`);

describe('a signal declared by its prior, sensitivity and specificity', () => {
	it('gives the textbook wildcatter: the test reads positive with 0.55, oil after it 9/11, after a negative 1/9', () => {
		const model = buildMachine(parseValid(TEXT));
		const values = resolveValues(model.scenario, model.book);
		expectClose(values.seismic_positive, 0.55);
		expectClose(values.seismic_negative, 0.45);
		expectClose(values.seismic_oil_given_positive, 9 / 11);
		expectClose(values.seismic_oil_given_negative, 1 / 9);
		expectClose(values.seismic_not_oil_given_negative, 8 / 9);
		const json = JSON.parse(runCommand('evaluate', [FILE], { json: true }).stdout) as { score: number; policy: { path: string; move: string }[]; nodes: { path: string; expected: { value: number } }[] };
		expectClose(json.score, 41.5);
		expect(json.policy.filter((s) => s.path !== 'NO_TEST').map((s) => `${s.path || '(start)'} ${s.move}`)).toEqual(['(start) TEST', 'TEST/POSITIVE DRILL_POS', 'TEST/NEGATIVE STOP_NEG']);
		// The value of the test, before its cost: 51.5 with it against 30 without.
		expectClose(json.nodes.find((n) => n.path === 'TEST')!.expected.value + 10 - json.nodes.find((n) => n.path === 'NO_TEST')!.expected.value, 21.5);
	});

	it('equals the same problem with Bayes’ rule written by hand, across the ranges', () => {
		const declared = buildMachine(parseValid(TEXT));
		const byHand = buildMachine(parseValid(BY_HAND));
		for (const prior of [0.1, 0.5, 0.9]) {
			for (const sens of [0.3, 0.9]) {
				for (const spec of [0.4, 0.8]) {
					const overrides = { prior, sens, spec };
					expectClose(evaluateScenario(declared, { overrides }).evaluation!.score[0], evaluateScenario(byHand, { overrides }).evaluation!.score[0]);
				}
			}
		}
	});

	it('evaluates at the ends of its ranges, where a reading never occurs, without an error', () => {
		const model = buildMachine(parseValid(TEXT));
		const settings: Record<string, number>[] = [{ prior: 1, sens: 1 }, { prior: 0, spec: 1 }, { prior: 0, sens: 0, spec: 0 }];
		for (const overrides of settings) {
			const run = evaluateScenario(model, { overrides });
			expect(run.issues, JSON.stringify(overrides)).toEqual([]);
			expect(Number.isFinite(run.evaluation!.score[0])).toBe(true);
		}
	});
});

describe('a signal with a likelihood table', () => {
	const TABLE = replaceOnce(
		TEXT,
		'    hypothesis: oil\n    prior: prior\n    sensitivity: sens\n    specificity: spec\n',
		'    states: { oil: prior, not_oil: 1 - prior }\n    results:\n      positive: { oil: sens, not_oil: 1 - spec }\n      negative: { oil: 1 - sens, not_oil: spec }\n'
	);

	it('gives the same values as the two-state form', () => {
		const a = buildMachine(parseValid(TABLE));
		const b = buildMachine(parseValid(TEXT));
		expectClose(evaluateScenario(a).evaluation!.score[0], evaluateScenario(b).evaluation!.score[0]);
	});

	it('refuses a result without a chance under some state, an unknown state, and chances that do not sum to 1, each where it is written', () => {
		const missing = TABLE.replace('negative: { oil: 1 - sens, not_oil: spec }', 'negative: { oil: 1 - sens }');
		expect(errorsOf(missing)).toEqual([`${lineOf(missing, 'negative: { oil: 1 - sens }')}:7 Result "negative" gives no chance under not_oil; give its chance under every state.`]);
		const unknown = TABLE.replace('negative: { oil: 1 - sens, not_oil: spec }', 'negative: { oil: 1 - sens, not_oli: spec }');
		expect(errorsOf(unknown).join("\n")).toMatch(/Unknown state "not_oli"\. Did you mean "not_oil"\? States: oil, not_oil\./);
		const sums = TABLE.replace('states: { oil: prior, not_oil: 1 - prior }', 'states: { oil: prior, not_oil: 0.6 }');
		expect(errorsOf(sums)).toEqual([`${lineOf(sums, 'states: { oil')}:20 Signal "seismic": the prior chances of its states sum to 1.1 at the defaults; they must sum to 1.`]);
	});
});

describe('a signal written wrongly', () => {
	it('names what a two-state signal lacks, and a mix of the two forms', () => {
		const lacking = replaceOnce(TEXT, '    specificity: spec\n', '');
		expect(errorsOf(lacking)).toEqual([`${lineOf(lacking, '- id: seismic')}:5 Signal "seismic" lacks specificity: a two-state signal gives hypothesis, prior, sensitivity, specificity (or write states and results instead).`]);
		const mixed = replaceOnce(TEXT, '    specificity: spec\n', '    specificity: spec\n    states: { oil: prior, dry: 1 - prior }\n');
		expect(errorsOf(mixed)[0]).toMatch(/Signal "seismic" mixes its two forms/);
	});

	it('refuses a value that takes an assumption’s id', () => {
		const clash = TEXT.replace('\nderived:', '\n  - { id: seismic_positive, label: Clash, kind: probability, default: 0.5, min: 0, max: 1, citations: [c-evasion] }\n\nderived:').replace('\nsignals:', '\n  - { id: seismic_positive, label: Clash, kind: probability, default: 0.5, min: 0, max: 1, citations: [c-evasion] }\n\nsignals:');
		expect(errorsOf(clash)).toEqual([`${lineOf(clash, '- id: seismic')}:9 Signal "seismic" gives the value "seismic_positive", which is already the id of assumption "seismic_positive"; rename one.`]);
	});
});
