import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseRichardson, buildMachine, evaluateScenario, parseScenario, resolveValues, richardsonTrajectory, spiralParameters } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { lineOf, parseValid, replaceOnce, SHIPPED_FILE } from '../helpers/scenarios.js';

const base = { k: 0, l: 0, a: 1, b: 1, g: 0, h: 0, x0: 1, y0: 1 };

describe('the Richardson model', () => {
	it('is stable when restraint outweighs reaction, with the hand-computed equilibrium', () => {
		// a·b = 2 > k·l = 0.25; equilibrium x = (b·g + k·h)/(ab − kl) = (2·1 + 0.5·1)/1.75, y = (a·h + l·g)/1.75
		const r = analyseRichardson({ ...base, k: 0.5, l: 0.5, a: 1, b: 2, g: 1, h: 1 }, 10);
		expect(r.stable).toBe(true);
		expect(r.risk).toBe(0);
		expectClose(r.equilibrium!.x, 2.5 / 1.75);
		expectClose(r.equilibrium!.y, 1.5 / 1.75);
		// eigenvalues of [[−1, .5], [.5, −2]]: (−3 ± √2)/2
		expectClose(r.growth, (-3 + Math.sqrt(2)) / 2);
	});

	it('spirals when reaction outweighs restraint, with risk 1 − e^(−λT)', () => {
		const r = analyseRichardson({ ...base, k: 2, l: 2, a: 1, b: 1 }, 3);
		expect(r.stable).toBe(false);
		expectClose(r.growth, 1); // (−2 + √16)/2
		expectClose(r.risk, 1 - Math.exp(-3));
		expect(r.equilibrium).toBeUndefined();
	});

	it('gives a damped oscillation, not NaN, when one side appeases (k·l < 0)', () => {
		const r = analyseRichardson({ ...base, k: 1, l: -2, a: 0.5, b: 0.5 }, 10);
		expectClose(r.growth, -0.5);
		expect(r.stable).toBe(true);
		expect(r.risk).toBe(0);
	});

	it('integrates the levels: uncoupled decay follows e^(−at)', () => {
		const path = richardsonTrajectory({ ...base, a: 0.5, b: 2, x0: 3, y0: 1 }, 4, 400);
		const end = path[path.length - 1];
		expectClose(end.t, 4);
		expectClose(end.x, 3 * Math.exp(-2), 1e-8);
		expectClose(end.y, Math.exp(-8), 1e-8);
	});

	it('grows at the dominant eigenvalue when spiralling', () => {
		const p = { ...base, k: 2, l: 2, a: 1, b: 1, x0: 1, y0: 1 };
		const path = richardsonTrajectory(p, 2, 400);
		expectClose(path[path.length - 1].x, Math.exp(2), 1e-6);
	});
});

describe('the shipped scenario’s spiral', () => {
	const scenario = parseValid(readFileSync(SHIPPED_FILE, 'utf8'));
	const model = buildMachine(scenario);

	it('reads its coefficients from the assumptions and feeds spiral_risk into the tree', () => {
		const low = resolveValues(scenario, model.book, { deterrence_level: 0 });
		const high = resolveValues(scenario, model.book, { deterrence_level: 3 });
		expect(low.spiral_stable).toBe(1);
		expect(low.spiral_risk).toBe(0);
		expect(high.spiral_stable).toBe(0);
		expect(high.spiral_risk).toBeGreaterThan(0.5);
		expect(spiralParameters(scenario, model.book, high).l).toBeGreaterThan(spiralParameters(scenario, model.book, low).l);
		// Stronger deterrence: more escalation expected on the deterrence branch.
		const escalation = (level: number) => {
			const run = evaluateScenario(model, { overrides: { deterrence_level: level } });
			const node = run.flat!.tree.nodes.find((n) => n.path === 'DETERRENCE_AND_SHARING')!;
			return run.evaluation!.expected[node.index * run.flat!.criteria + run.flat!.criterionIds.indexOf('escalation')];
		};
		expect(escalation(3)).toBeGreaterThan(escalation(0));
	});

	it('refuses a spiral formula that reads a derived value, located', () => {
		const text = replaceOnce(readFileSync(SHIPPED_FILE, 'utf8'), '    restraint: "0.6"', '    restraint: "missile_threat"');
		const result = parseScenario(text);
		const issue = result.issues.find((i) => /reads assumptions only/.test(i.message));
		expect(issue?.line).toBe(lineOf(text, 'restraint: "missile_threat"'));
	});
});
