import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluate, evaluateScenario, parseScenario, scenarioToSilverDecisions, type ScenarioRun } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { importSd, rootChoice, rootExpected } from '../helpers/silverdecisions.js';

/** Every scenario folder that validates: the shipped ones, and the end-to-end fixtures (`broken` is meant not to). */
function scenarioFolders(): string[] {
	const under = (dir: string) =>
		readdirSync(dir, { withFileTypes: true })
			.filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'scenario.yaml')))
			.map((e) => join(dir, e.name));
	return [...under('scenarios'), ...under('tests/fixtures/e2e-scenarios')].filter((folder) => parseScenario(readFileSync(join(folder, 'scenario.yaml'), 'utf8')).scenario !== undefined);
}

type SdEdge = { name: string; probability?: string; payoff: string[]; childNode: SdNode };
type SdNode = { type: string; name: string; childEdges: SdEdge[] };

function* edgesOf(node: SdNode): Generator<[SdNode, SdEdge, number]> {
	for (const [i, e] of node.childEdges.entries()) {
		yield [node, e, i];
		yield* edgesOf(e.childNode);
	}
}

function exported(folder: string) {
	const scenario = parseScenario(readFileSync(join(folder, 'scenario.yaml'), 'utf8')).scenario;
	if (!scenario) throw new Error(`${folder} does not validate`);
	const model = buildMachine(scenario);
	const run = evaluateScenario(model);
	if (!run.flat || !run.evaluation) throw new Error(`${folder} does not evaluate`);
	const sd = scenarioToSilverDecisions({ model, run: { values: run.values, flat: run.flat, evaluation: run.evaluation } });
	return { scenario, run, sd };
}

/** Without its risk tolerance: what SilverDecisions, which decides by expected values, computes. */
function riskNeutral(run: ScenarioRun): ScenarioRun {
	const flat = run.flat as NonNullable<ScenarioRun['flat']>;
	return { ...run, evaluation: evaluate({ ...flat, riskToleranceSlot: -1 }, { values: run.values }) };
}

const FOLDERS = scenarioFolders();

// The shipped scenario's tree has 1,172 nodes: written, read back and validated twice, it takes seconds.
describe('round trip through SilverDecisions', { timeout: 60_000 }, () => {
	it('covers every scenario in scenarios/ and the valid end-to-end fixtures', () => {
		expect(FOLDERS).toEqual(expect.arrayContaining(['scenarios/example-minimal', 'scenarios/russia-dprk-2024', 'tests/fixtures/e2e-scenarios/rounds', 'tests/fixtures/e2e-scenarios/wildcatter']));
		expect(FOLDERS).not.toContain('tests/fixtures/e2e-scenarios/broken');
	});

	it.each(FOLDERS)('%s exported and imported back evaluates to the same expected values and optimal first move', (folder) => {
		const { scenario, run, sd } = exported(folder);
		const back = importSd(sd.text, { id: 'round-trip' });
		const again = back.run();
		// SilverDecisions decides by expected values: a risk-averse scenario comes back risk-neutral, and says so.
		const original = scenario.risk ? riskNeutral(run) : run;
		if (scenario.risk) expect(sd.warnings.join('\n')).toMatch(/not risk-neutral/);

		// Every criterion, with its direction and weight.
		expect(back.scenario.criteria.map((c) => [c.id, c.direction, c.weight])).toEqual(scenario.criteria.map((c, i) => [c.id.replace(/[^A-Za-z0-9]+/g, '_').toLowerCase(), Math.sign(run.flat?.weights[i] ?? 0) < 0 ? 'min' : 'max', Math.abs(run.flat?.weights[i] ?? 0)]));
		rootExpected(again).forEach((v, c) => expectClose(v, rootExpected(original)[c]));
		expectClose(again.evaluation?.score[0] ?? NaN, original.evaluation?.score[0] ?? NaN);
		expect(rootChoice(again)).toBe(rootChoice(original));
		if (rootChoice(original) >= 0) {
			const first = original.flat?.tree.nodes[(original.evaluation?.best[0] ?? 0)];
			const label = scenario.states.find((s) => s.id === original.flat?.tree.nodes[0].state)?.moves.find((mv) => mv.id === first?.move)?.label;
			const taken = back.scenario.states[0].moves[rootChoice(again)];
			expect(taken.label).toBe(label);
		}
		// The same tree, node for node (both breadth-first), with the same values everywhere.
		expect(again.flat?.size).toBe(original.flat?.size);
		const a = again.evaluation?.expected ?? new Float64Array();
		const b = original.evaluation?.expected ?? new Float64Array();
		expect(a.length).toBe(b.length);
		for (let i = 0; i < a.length; i++) if (Number.isFinite(b[i])) expectClose(a[i], b[i]);
	});
});

describe('the SilverDecisions file written', () => {
	it.each(FOLDERS)('%s: a file SilverDecisions opens', (folder) => {
		const { sd } = exported(folder);
		const file = JSON.parse(sd.text);
		expect(file.SilverDecisions).toBe('1.1.0');
		expect(file.data.trees).toHaveLength(1);
		expect(typeof file.data.code).toBe('string');
		expect(['criterion1', 'twoCriteria']).toContain(file.viewMode);
		for (const [node, edge, i] of edgesOf(file.data.trees[0])) {
			expect(edge.payoff).toHaveLength(2);
			// SilverDecisions skips any payoff or probability with "=" in it (it takes it for an assignment).
			for (const text of [...edge.payoff, edge.probability ?? '']) expect(text).not.toContain('=');
			if (node.type === 'chance') {
				expect(edge.probability).toBeDefined();
				// The last move takes the rest, so the probabilities sum to exactly 1 in SilverDecisions' fractions.
				if (i === node.childEdges.length - 1) expect(edge.probability).toBe('#');
			} else expect(edge.probability).toBeUndefined();
		}
		// Every variable an expression reads is defined in the code, and its value is in the saved scope.
		const defined = new Set([...file.data.code.matchAll(/^([A-Za-z_][A-Za-z0-9_]*) = /gm)].map((m) => m[1]));
		for (const name of defined) expect(Number.isFinite(file.data.expressionScope[name]), name).toBe(true);
	});

	it('writes two criteria as SilverDecisions’ two-criteria rule with the ratio of their weights', () => {
		const file = JSON.parse(exported('scenarios/example-minimal').sd.text);
		expect(file).toMatchObject({ viewMode: 'twoCriteria', rule: 'max-min', data: { payoffNames: ['Sanctions enforcement', 'Cost to the coalition'], defaultCriterion1Weight: 2 } });
		expect(file.data.code).toMatch(/^weight_enforcement = 1 {2}# Sanctions enforcement$/m);
		expect(file.data.code).toMatch(/^weight_cost = -0\.5 {2}# Cost to the coalition$/m);
		expect(file.data.code).toMatch(/^p_evade = 0\.5 {2}# Targeted networks adapt and evade$/m);
		expect(file.data.trees[0].childEdges[0]).toMatchObject({ name: 'Targeted sanctions', payoff: ['0', '2'] });
		const reaction = file.data.trees[0].childEdges[0].childNode;
		expect(reaction.childEdges.map((e: SdEdge) => [e.name, e.probability, e.payoff])).toEqual([
			['Adapt and evade', 'p_evade', ['2', '0']],
			['Disrupted', '#', ['8', '0']]
		]);
		expect(file.sensitivityAnalysis['tornado-diagram'].variables).toEqual([{ name: 'p_evade', min: 0, max: 1, length: 5 }]);
	});

	it('writes more criteria than two as one weighted score, each weight a variable, and says so', () => {
		const { sd } = exported('scenarios/russia-dprk-2024');
		const file = JSON.parse(sd.text);
		expect(file).toMatchObject({ viewMode: 'criterion1', rule: 'expected-value-maximization', data: { payoffNames: ['Weighted score', ''] } });
		expect(file.data.code).toMatch(/^weight_escalation = -0\.2 {2}# Escalation risk$/m);
		const first = file.data.trees[0].childEdges[0];
		expect(first.payoff[0]).toBe('weight_escalation * 0.5 + weight_enforcement * 2 + weight_intelligence * 1 + weight_cost * 2');
		expect(sd.warnings.join('\n')).toMatch(/5 criteria are written as one weighted score/);
		expect(sd.warnings.join('\n')).toMatch(/spiral model's outputs are written as numbers/);
		expect(sd.warnings.join('\n')).toMatch(/no beta distribution: only the range of p_veto/);
	});

	it('writes a formula that reads the machine’s context with the context’s values at each node', () => {
		const { sd } = exported('tests/fixtures/e2e-scenarios/rounds');
		const file = JSON.parse(sd.text);
		// Round 1, a bold play won: p_bold + momentum * wins with no wins yet, paying 4 − 0.5 × period in period 1.
		const bold = file.data.trees[0].childEdges[0].childNode;
		expect(bold.childEdges[0]).toMatchObject({ probability: 'p_bold + momentum * 0', payoff: ['4 - 0.5 * 1', '0'] });
		expect(sd.warnings.join('\n')).toMatch(/read the machine's context are written with its values/);
	});

	it('writes the choices of an actor who plays for itself as numbers', () => {
		const { sd } = exported('tests/fixtures/e2e-scenarios/centipede');
		expect(sd.warnings.join('\n')).toMatch(/chooses for itself, are written as the probabilities of its choice/);
		const file = JSON.parse(sd.text);
		const second = file.data.trees[0].childEdges[1].childNode;
		expect(second.type).toBe('chance');
		expect(second.childEdges[0].probability).toMatch(/^[01]$/);
	});

	it('exports one criterion alone when asked', () => {
		const scenario = parseScenario(readFileSync('scenarios/example-minimal/scenario.yaml', 'utf8')).scenario;
		if (!scenario) throw new Error('invalid');
		const model = buildMachine(scenario);
		const run = evaluateScenario(model, { criterion: 'cost' });
		const sd = scenarioToSilverDecisions({ model, run: { values: run.values, flat: run.flat!, evaluation: run.evaluation! }, criterion: 'cost' });
		const file = JSON.parse(sd.text);
		expect(file).toMatchObject({ viewMode: 'criterion1', rule: 'expected-value-minimization', data: { payoffNames: ['Cost to the coalition', ''] } });
		const back = importSd(sd.text);
		expect(back.scenario.criteria).toMatchObject([{ id: 'cost', direction: 'min', weight: 1 }]);
		expect(rootChoice(back.run())).toBe(1);
	});

	it('writes its notes in Japanese when asked, and stays the same file otherwise', () => {
		const scenario = parseScenario(readFileSync('scenarios/example-minimal/scenario.yaml', 'utf8')).scenario;
		if (!scenario) throw new Error('invalid');
		const model = buildMachine(scenario);
		const run = evaluateScenario(model);
		const input = { model, run: { values: run.values, flat: run.flat!, evaluation: run.evaluation! } };
		const en = scenarioToSilverDecisions(input);
		const ja = scenarioToSilverDecisions({ ...input, lang: 'ja' });
		expect(ja.text).toContain('引用・資料・プリセット');
		expect(JSON.parse(ja.text).data.trees).toEqual(JSON.parse(en.text).data.trees);
		expect(scenarioToSilverDecisions(input).text).toBe(en.text);
	});
});
