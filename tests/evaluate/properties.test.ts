import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
	buildMachine,
	compileTree,
	evaluate,
	guardSignature,
	resolveValues,
	unrollTree,
	type DecisionTree,
	type Evaluation,
	type FlatTree,
	type Scenario,
	type ScenarioModel,
	type Values
} from '../../src/lib/core/index.js';
import { permuteMoves, scenarioSpecArbitrary, specYaml, type ScenarioSpec } from '../fixtures/randomScenario.js';
import { expectClose } from '../helpers/approx.js';
import { parseValid } from '../helpers/scenarios.js';

const RUNS = { numRuns: 100 };

interface Prepared {
	model: ScenarioModel;
	values: Values;
	tree: DecisionTree;
	flat: FlatTree;
	evaluation: Evaluation;
}

function prepare(spec: ScenarioSpec, perspective = 'a', values?: Values): Prepared {
	const model = buildMachine(parseValid(specYaml(spec)));
	const at = values ?? resolveValues(model.scenario, model.book);
	const result = unrollTree(model, { values: at, perspective });
	if (!result.tree) throw new Error(result.issues.map((i) => i.message).join('\n'));
	const flat = compileTree(result.tree, model);
	return { model, values: at, tree: result.tree, flat, evaluation: evaluate(flat, { values: at }) };
}

interface Rolled {
	expected: number[];
	/** The chosen child at a decision node, else -1. */
	best: number;
}

/**
 * Expected-value rollback written the plain way: recursion over the node
 * objects, payoffs read as the constants they are, a strategic actor's
 * best moves found by comparing its scores. The reference the typed-array
 * fold must agree with.
 */
function rollback(scenario: Scenario, tree: DecisionTree): Rolled[] {
	const criteria = scenario.criteria;
	const actor = scenario.actors.find((a) => a.id === tree.perspective)!;
	const weights = criteria.map((c) => (actor.preferences ? (actor.preferences[c.id] ?? 0) : c.weight) * (c.direction === 'max' ? 1 : -1));
	const score = (expected: number[]) => expected.reduce((s, v, c) => s + weights[c] * v, 0);
	const out: Rolled[] = [];
	const visit = (i: number): Rolled => {
		const node = tree.nodes[i];
		const reward = criteria.map((c) => node.payoffs.filter((p) => p.criterion === c.id).reduce((s, p) => s + Number(p.formula), 0));
		const children = node.children.map(visit);
		let result: Rolled;
		if (node.kind === 'terminal') result = { expected: reward, best: -1 };
		else if (node.kind === 'decision') {
			const scores = children.map((child) => score(child.expected));
			const top = Math.max(...scores);
			const k = scores.findIndex((s) => s >= top - 1e-9 * Math.max(1, Math.abs(top)));
			result = { expected: reward.map((r, c) => r + children[k].expected[c]), best: node.children[k] };
		} else {
			const chooser = scenario.actors.find((a) => a.id === node.actor);
			let p = node.children.map((child) => {
				const formula = tree.nodes[child].probability;
				return formula === undefined ? 1 / node.children.length : Number(formula);
			});
			if (chooser?.play === 'strategic') {
				// Backward induction: the actor's best moves by its own weights, tied ones equally.
				const own = criteria.map((c) => (chooser.preferences?.[c.id] ?? 0) * (c.direction === 'max' ? 1 : -1));
				const values = children.map((child) => child.expected.reduce((s, v, c) => s + own[c] * v, 0));
				const top = Math.max(...values);
				const best = values.map((v) => v >= top - 1e-9 * Math.max(1, Math.abs(top)));
				p = best.map((b) => (b ? 1 / best.filter(Boolean).length : 0));
			}
			result = { expected: reward.map((r, c) => children.reduce((s, child, k) => s + p[k] * child.expected[c], r)), best: -1 };
		}
		out[i] = result;
		return result;
	};
	visit(0);
	return out;
}

/** The spec with b choosing for itself by its preferences (given some where it has none). */
const strategic = (spec: ScenarioSpec): ScenarioSpec => ({
	...spec,
	play: 'strategic',
	preferences: spec.preferences ?? Object.fromEntries(spec.criteria.map((c, i) => [c.id, i % 2 === 0 ? 1 : -0.5]))
});

/** The evaluation agrees with the plain recursive rollback at every node: expected values and choices. */
function expectReferenceRollback({ model, tree, flat, evaluation }: Prepared): void {
	const C = flat.criteria;
	rollback(model.scenario, tree).forEach((node, i) => {
		node.expected.forEach((v, c) => expectClose(evaluation.expected[i * C + c], v));
		expect(evaluation.best[i]).toBe(node.best);
	});
}

const leaves = (tree: DecisionTree) => tree.nodes.filter((n) => n.children.length === 0);
const terminalSum = (p: Prepared, array: Float64Array) => p.tree.nodes.reduce((s, n, i) => s + (n.kind === 'terminal' ? array[i] : 0), 0);

// Every property parses its random scenario with parseValid, which fails
// with the issues if the generator ever writes an invalid one.
describe('laws of evaluation over random scenarios', () => {
	it('the typed-array rollback equals a plain recursive rollback at every node', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), fc.constantFrom('a', 'b'), (spec, perspective) => expectReferenceRollback(prepare(spec, perspective))),
			RUNS
		);
	});

	it('with another actor playing strategic, the rollback equals plain backward induction at every node', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), (spec) => expectReferenceRollback(prepare(strategic(spec)))),
			RUNS
		);
	});

	it('bounded play with a very large λ gives the strategic answer, and with λ = 0 the uniform one', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), (spec) => {
				const played = strategic(spec);
				const sharp = prepare({ ...played, play: 'bounded', lambda: 1e6 }).evaluation;
				const best = prepare(played).evaluation;
				// Uniform: b's moves without probabilities, played by chance.
				const uniformSpec = { ...played, play: 'chance' as const, states: played.states.map((st) => (st.actor === 'b' ? { ...st, moves: st.moves.map((m) => ({ ...m, eighths: undefined })) } : st)) };
				const uniform = prepare(uniformSpec).evaluation;
				const flat = prepare({ ...played, play: 'bounded', lambda: 0 });
				for (let i = 0; i < best.expected.length; i++) {
					expectClose(sharp.expected[i], best.expected[i]);
					expectClose(flat.evaluation.expected[i], uniform.expected[i]);
				}
				for (let i = 0; i < flat.tree.nodes.length; i++) expectClose(sharp.probability[i], best.probability[i]);
			}),
			RUNS
		);
	});

	it('an actor in chance mode gives the same numbers as one that never states a play', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), (spec) => {
				const unset = prepare(spec).evaluation;
				const chance = prepare({ ...spec, play: 'chance' }).evaluation;
				expect(Array.from(chance.expected)).toEqual(Array.from(unset.expected));
				expect(Array.from(chance.probability)).toEqual(Array.from(unset.probability));
			}),
			RUNS
		);
	});

	it('rollback is invariant under the order of moves', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), fc.integer(), (spec, seed) => {
				const original = prepare(spec);
				const permuted = prepare(permuteMoves(spec, seed));
				expect(permuted.tree.nodes.map((n) => n.path).sort()).toEqual(original.tree.nodes.map((n) => n.path).sort());
				expectClose(permuted.evaluation.score[0], original.evaluation.score[0]);
				// With a tie, which optimal branch is kept depends on order, and tied
				// branches can differ per criterion while scoring the same.
				if (original.evaluation.ties.size === 0 && permuted.evaluation.ties.size === 0) {
					for (let c = 0; c < original.flat.criteria; c++) expectClose(permuted.evaluation.expected[c], original.evaluation.expected[c]);
				}
			}),
			RUNS
		);
	});

	it('the probabilities of a chance node’s children sum to 1', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), fc.constantFrom('a', 'b'), (spec, perspective) => {
				const { tree, evaluation } = prepare(spec, perspective);
				expect(evaluation.problems).toEqual([]);
				for (const node of tree.nodes) {
					if (node.kind !== 'chance') continue;
					expectClose(node.children.reduce((s, k) => s + evaluation.probability[k], 0), 1);
				}
			}),
			RUNS
		);
	});

	it('the probabilities of reaching the terminals under the optimal policy sum to 1', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), fc.constantFrom('a', 'b'), (spec, perspective) => {
				const p = prepare(spec, perspective);
				expectClose(terminalSum(p, p.evaluation.reachOptimal), 1);
				expectClose(p.evaluation.reachOptimal[0], 1);
			}),
			RUNS
		);
	});

	it('the compiled tree equals XState: an actor sent along any path visits the nodes’ states and ends in the leaf’s', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), (spec) => {
				const { model, values, tree } = prepare(spec);
				const states = new Map(model.scenario.states.map((s) => [s.id, s]));
				for (const leaf of leaves(tree)) {
					const actor = createActor(model.machine, { input: { values } }).start();
					const trail: number[] = [];
					for (let i = leaf.index; i >= 0; i = tree.nodes[i].parent) trail.unshift(i);
					for (const [step, i] of trail.entries()) {
						const node = tree.nodes[i];
						if (step > 0) actor.send({ type: node.move as string });
						const snapshot = actor.getSnapshot();
						expect(snapshot.value).toBe(node.state);
						// The moves XState allows here are exactly the node's children.
						const open = (states.get(node.state)?.moves ?? []).filter((m) => snapshot.can({ type: m.id })).map((m) => m.id);
						expect(open).toEqual(node.children.map((k) => tree.nodes[k].move));
					}
					expect(actor.getSnapshot().status).toBe('done');
					actor.stop();
				}
			}),
			RUNS
		);
	});

	it('assumption values with the same guard signature unroll to the same tree', () => {
		fc.assert(
			fc.property(scenarioSpecArbitrary(), (spec) => {
				const model = buildMachine(parseValid(specYaml(spec)));
				const settings = [0, 1].flatMap((g0) => [0, 1].map((g1) => ({ g0, g1 })));
				const trees = settings.map((values) => ({ signature: guardSignature(model, values), paths: unrollTree(model, { values }).tree?.nodes.map((n) => n.path) }));
				for (const a of trees) for (const b of trees) if (a.signature === b.signature) expect(a.paths).toEqual(b.paths);
			}),
			RUNS
		);
	});
});
