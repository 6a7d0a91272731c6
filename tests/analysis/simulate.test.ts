import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mersenne } from 'pure-rand/generator/mersenne';
import { createActor } from 'xstate';
import { buildMachine, compileMachine, createEvaluator, openMoves, resolveValues, simulate, simulatePolicy, uniformFrom, walkTable, type ScenarioModel } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { exampleText, parseValid, SHIPPED_FILE } from '../helpers/scenarios.js';

const shipped = buildMachine(parseValid(readFileSync(SHIPPED_FILE, 'utf8')));
const example = buildMachine(parseValid(exampleText()));

/** Walks the compiled table and replays each walk on a real XState actor, comparing every step. */
function compareWithXState(model: ScenarioModel, overrides: Record<string, number | boolean | string>, walks: number, seed: number) {
	const values = resolveValues(model.scenario, model.book, overrides);
	const table = compileMachine(model, values);
	const u = uniformFrom(mersenne(seed));
	const buffer = new Int32Array(64);
	for (let w = 0; w < walks; w++) {
		const walk = walkTable(table, u);
		const actor = createActor(model.machine, { input: { values } }).start();
		const visits = new Int32Array(table.stateIds.length);
		let s = table.initial;
		visits[s]++;
		for (const m of walk.moves) {
			const snapshot = actor.getSnapshot();
			expect(String(snapshot.value)).toBe(table.stateIds[s]);
			const n = openMoves(table, s, visits, buffer);
			const open = Array.from(buffer.subarray(0, n), (k) => table.moveIds[k]).sort();
			const state = model.scenario.states.find((x) => x.id === table.stateIds[s])!;
			const can = state.moves.filter((mv) => snapshot.can({ type: mv.id })).map((mv) => mv.id).sort();
			expect(open).toEqual(can);
			actor.send({ type: table.moveIds[m] });
			s = table.target[m];
			visits[s]++;
		}
		expect(String(actor.getSnapshot().value)).toBe(table.stateIds[walk.end]);
		expect(actor.getSnapshot().status).toBe('done');
		actor.stop();
	}
}

describe('the compiled transition table', () => {
	it('equals XState on 1,000 random walks through the shipped scenario', () => {
		compareWithXState(shipped, {}, 1000, 17);
	});

	it('equals XState with guards closed (the debris mission refused, talks ruled out)', () => {
		compareWithXState(shipped, { ukraine_cooperates: false, p_troops: 0 }, 300, 3);
	});

	it('equals XState on a machine with a bounded cycle', () => {
		const text = exampleText().replace('          target: status_quo', '          target: choose').replace('        label: Respond to arms transfers?', '        label: Respond to arms transfers?\n        maxVisits: 3');
		compareWithXState(buildMachine(parseValid(text)), {}, 300, 5);
	});
});

describe('simulate', () => {
	it('gives end-state frequencies near their probabilities', () => {
		// Decisions at random: WAIT half the time; SANCTION then EVADE or DISRUPTED at 50/50.
		const r = simulate(example, resolveValues(example.scenario, example.book), { runs: 20000, seed: 2 });
		const share = Object.fromEntries(r.endStates.map((e) => [e.state, e.share]));
		expectClose(share.status_quo, 0.5, 0.02);
		expectClose(share.evaded, 0.25, 0.02);
		expectClose(share.disrupted, 0.25, 0.02);
		expect(r.distinctPaths).toBe(3);
	});

	it('gives the same result for the same seed', () => {
		const values = resolveValues(shipped.scenario, shipped.book);
		expect(simulate(shipped, values, { runs: 500, seed: 9 })).toEqual(simulate(shipped, values, { runs: 500, seed: 9 }));
	});
});

describe('simulatePolicy', () => {
	/** The shipped tree evaluated at its defaults, and each end state's probability under the optimal policy. */
	const point = createEvaluator(shipped).at({});
	const exact = new Map<string, number>();
	point.flat.tree.nodes.forEach((n, i) => {
		if (point.flat.childCount[i] === 0) exact.set(n.state, (exact.get(n.state) ?? 0) + point.evaluation.reachOptimal[i]);
	});

	it('follows the optimal policy: every walk starts with the preferred response and never takes a move the policy leaves', () => {
		const r = simulatePolicy(point.flat, point.evaluation, { runs: 3000, seed: 3, topPaths: 1000 });
		expect(r.decisions).toBe('optimal');
		const first = point.flat.tree.nodes[point.evaluation.best[0]].move;
		expect(r.paths.every((p) => p.path.split('/')[0] === first)).toBe(true);
		// Every end state reached is one the policy reaches with positive probability.
		for (const e of r.endStates) expect(exact.get(e.state), e.state).toBeGreaterThan(0);
	});

	it('gives end-state shares within sampling error of the probabilities under the optimal policy', () => {
		const runs = 20000;
		const r = simulatePolicy(point.flat, point.evaluation, { runs, seed: 5 });
		const share = new Map(r.endStates.map((e) => [e.state, e.share]));
		for (const [state, p] of exact) {
			if (p === 0) continue;
			// Four standard errors of a share from `runs` draws.
			expectClose(share.get(state) ?? 0, p, 4 * Math.sqrt((p * (1 - p)) / runs) + 1e-9);
		}
	});

	it('gives the same result for the same seed, and another for another', () => {
		const a = simulatePolicy(point.flat, point.evaluation, { runs: 500, seed: 9 });
		expect(simulatePolicy(point.flat, point.evaluation, { runs: 500, seed: 9 })).toEqual(a);
		expect(simulatePolicy(point.flat, point.evaluation, { runs: 500, seed: 10 })).not.toEqual(a);
	});
});

describe('simulatePolicy with an actor that chooses for itself', () => {
	const centipede = buildMachine(parseValid(readFileSync('tests/fixtures/e2e-scenarios/centipede/scenario.yaml', 'utf8')));

	it('follows the strategic actor’s choice: with the optimal policy every walk ends at once', () => {
		const point = createEvaluator(centipede).at({});
		const r = simulatePolicy(point.flat, point.evaluation, { runs: 500, seed: 2 });
		expect(r.endStates).toEqual([{ state: 'taken1', share: 1 }]);
	});

	it('takes the perspective’s decisions at random with decisions: random, and the strategic actor still takes', () => {
		const point = createEvaluator(centipede).at({});
		const r = simulatePolicy(point.flat, point.evaluation, { runs: 4000, seed: 2, decisions: 'random' });
		expect(r.decisions).toBe('random');
		// One passes half the time; two then always takes.
		expect(r.endStates.map((e) => e.state).sort()).toEqual(['taken1', 'taken2']);
		expect(Math.abs(r.endStates[0].share - 0.5)).toBeLessThan(0.04);
	});
});
