import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluateScenario, parseScenario, scenarioToSilverDecisions } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { sdFixture } from '../helpers/silverdecisions.js';

/**
 * The exported files checked by SilverDecisions' own computation engine,
 * where it is at hand: SD_COMPUTATIONS names sd-computations' standalone
 * bundle (`dist/standalone/sd-computations.min.js` of
 * github.com/SilverDecisions/sd-computations, 0.6.1). The bundle exports
 * only its managers, so its browserify loader is made to hand back its
 * module table, from which sd-model's DataModel is taken. Skipped without
 * it: the repository does not ship SilverDecisions' code.
 */
const BUNDLE = process.env.SD_COMPUTATIONS;

type Engine = { evaluate(file: Record<string, unknown>, recalculate: boolean): Promise<{ valid: boolean; payoff: number[]; optimal: number[] }> };

function loadEngine(path: string): Engine {
	const source = readFileSync(path, 'utf8');
	const entry = /\},\{\},\[(\d+)\]\)\(\1\)/.exec(source);
	if (!entry) throw new Error('not the sd-computations standalone bundle');
	const patched = source.replace(entry[0], `},{},[${entry[1]}])`);
	const module = { exports: {} as (id: number) => Record<string, unknown> };
	new Function('module', 'exports', 'require', patched)(module, module.exports, createRequire(import.meta.url));
	const load = module.exports;
	const modelId = Number(/"sd-model":(\d+)/.exec(source)?.[1]);
	const { ComputationsManager } = load(Number(entry[1])) as { ComputationsManager: new (config: unknown, data: unknown) => Record<string, any> };
	const { DataModel } = load(modelId) as { DataModel: new (data: unknown) => Record<string, any> };
	return {
		async evaluate(file, recalculate) {
			const data = new DataModel(file.data);
			const manager = new ComputationsManager({ ruleName: file.rule, jobRepositoryType: 'simple' }, data);
			manager.objectiveRulesManager.setPayoffIndex(file.viewMode === 'twoCriteria' ? null : 0);
			// As SilverDecisions opens a file (the saved scope), or recalculates its code.
			await manager.checkValidityAndRecomputeObjective(false, recalculate, true);
			const root = data.getRoots()[0];
			const computed = root.computed[file.rule as string];
			return {
				valid: data.validationResults.every((r: { isValid(): boolean }) => r.isValid()),
				payoff: (Array.isArray(computed.payoff) ? computed.payoff : [computed.payoff]).map(Number),
				optimal: root.childEdges.flatMap((e: { computed: Record<string, { optimal?: boolean }> }, i: number) => (e.computed[file.rule as string].optimal ? [i] : []))
			};
		}
	};
}

describe.skipIf(!BUNDLE || !existsSync(BUNDLE))('SilverDecisions’ own engine on the files exported', { timeout: 60_000 }, () => {
	const engine = () => loadEngine(BUNDLE as string);

	it.each(['scenarios/example-minimal', 'scenarios/russia-dprk-2024', 'tests/fixtures/e2e-scenarios/rounds', 'tests/fixtures/e2e-scenarios/wildcatter'])('%s: valid, with Branchpoint’s value and first move', async (folder) => {
		const scenario = parseScenario(readFileSync(`${folder}/scenario.yaml`, 'utf8')).scenario;
		if (!scenario) throw new Error('invalid');
		const model = buildMachine(scenario);
		const run = evaluateScenario(model);
		const file = scenarioToSilverDecisions({ model, run: { values: run.values, flat: run.flat!, evaluation: run.evaluation! } }).file;
		const flat = run.flat!;
		for (const recalculate of [false, true]) {
			const result = await engine().evaluate(file, recalculate);
			expect(result.valid).toBe(true);
			const value = flat.criteria === 2 && file.viewMode === 'twoCriteria' ? result.payoff : [result.payoff[0]];
			const expected = file.viewMode === 'twoCriteria' ? [run.evaluation!.expected[0], run.evaluation!.expected[1]] : [run.evaluation!.score[0] / (flat.criteria === 1 ? Math.abs(flat.weights[0]) || 1 : 1)];
			value.forEach((v, i) => expectClose(v, expected[i]));
			expect(result.optimal).toContain(run.evaluation!.best[0] - flat.childStart[0]);
		}
	});

	it('computes the hand-solved values of launch-or-pilot.json', async () => {
		const result = await engine().evaluate(JSON.parse(sdFixture('launch-or-pilot.json')), false);
		expect(result).toMatchObject({ valid: true, optimal: [0] });
		expectClose(result.payoff[0], 75);
		expectClose(result.payoff[1], 3.9);
	});
});
