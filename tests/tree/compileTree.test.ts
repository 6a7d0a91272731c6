import { describe, expect, it } from 'vitest';
import {
	KIND_CHANCE,
	KIND_DECISION,
	KIND_TERMINAL,
	buildMachine,
	compileTree,
	signedWeights,
	type DecisionTree,
	type ScenarioModel
} from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { readFileSync } from 'node:fs';
import { exampleModel, parseValid, SHIPPED_FILE, unrollValid } from '../helpers/scenarios.js';

const treeOf = (model: ScenarioModel, perspective?: string): DecisionTree => unrollValid(model, { perspective });

/** Two actors with their own preferences over three criteria. */
const preferencesText = `${scenarioHeader({ id: 'prefs' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1], preferences: { gain: -1, risk: 2 } }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
  - { id: cost, label: Cost, direction: min, weight: 0.5 }
  - { id: risk, label: Risk, direction: min, weight: 0.25 }
machine:
  id: prefs
  initial: choose
  states:
    choose:
      meta: { actor: a, label: Choose, citations: [c1] }
      on:
        GO: { target: done, meta: { label: Go, payoffs: { gain: "1", cost: "1" }, citations: [c1] } }
    done:
      type: final
      meta: { label: Done, payoffs: { risk: "3" }, citations: [c1] }
`;

describe('compileTree lays the tree out in typed arrays', () => {
	const model = exampleModel();
	const tree = treeOf(model);
	const flat = compileTree(tree, model);

	it('keeps the nodes in breadth-first order with their kinds, parents and children', () => {
		expect(flat.size).toBe(5);
		expect(Array.from(flat.kind)).toEqual([KIND_DECISION, KIND_CHANCE, KIND_TERMINAL, KIND_TERMINAL, KIND_TERMINAL]);
		expect(Array.from(flat.parent)).toEqual([-1, 0, 0, 1, 1]);
		expect(Array.from(flat.childStart)).toEqual([1, 3, -1, -1, -1]);
		expect(Array.from(flat.childCount)).toEqual([2, 2, 0, 0, 0]);
		expect(flat.tree).toBe(tree);
	});

	it('names criteria and actors in scenario order and who moves at each node', () => {
		expect(flat.criteria).toBe(2);
		expect(flat.criterionIds).toEqual(['enforcement', 'cost']);
		expect(flat.actorIds).toEqual(['coalition', 'networks']);
		expect(Array.from(flat.actor)).toEqual([0, 1, -1, -1, -1]);
	});

	it('points each probability at the slot of its formula, -1 where siblings are equally likely', () => {
		const sources = Array.from(flat.edge, (e) => flat.edgeProbabilitySlot[e]).map((s) => (s < 0 ? null : flat.formulas[s].source));
		expect(sources).toEqual([null, null, null, 'p_evade', '1 - p_evade']);
	});

	it('lists each node’s payoff terms in compressed rows, one row per edge', () => {
		const terms = (i: number) => {
			const e = flat.edge[i];
			return Array.from({ length: flat.payoffStart[e + 1] - flat.payoffStart[e] }, (_, k) => {
				const t = flat.payoffStart[e] + k;
				return [flat.criterionIds[flat.payoffCriterion[t]], flat.formulas[flat.payoffSlot[t]].source];
			});
		};
		expect([0, 1, 2, 3, 4].map(terms)).toEqual([[], [['cost', '2']], [['enforcement', '0']], [['enforcement', '2']], [['enforcement', '8']]]);
	});

	it('shares one edge among nodes reached by the same move into the same state', () => {
		const model = buildMachine(parseValid(readFileSync(SHIPPED_FILE, 'utf8')));
		const sharedFlat = compileTree(treeOf(model), model);
		expect(new Set(sharedFlat.edge).size).toBeLessThan(sharedFlat.size / 10);
		for (let i = 1; i < sharedFlat.size; i++) {
			const node = sharedFlat.tree.nodes[i];
			const first = sharedFlat.tree.nodes.find((n) => sharedFlat.edge[n.index] === sharedFlat.edge[i])!;
			expect([first.move, first.state, sharedFlat.tree.nodes[first.parent].state]).toEqual([node.move, node.state, sharedFlat.tree.nodes[node.parent].state]);
		}
	});

	it('signs the perspective’s weights by direction: + for max, − for min', () => {
		expect(Array.from(flat.signs)).toEqual([1, -1]);
		expect(Array.from(flat.weights)).toEqual([1, -0.5]);
		// The networks' own preferences: enforcement −1 (max, so −1), cost 0 (min, so −0).
		expect(Array.from(flat.actorWeights)).toEqual([1, -0.5, -1, -0]);
		expect(Array.from(flat.actorScored)).toEqual([1, 1]);
	});

	it('does not change the tree it reads', () => {
		const before = JSON.stringify(tree);
		compileTree(tree, model);
		expect(JSON.stringify(tree)).toBe(before);
	});
});

describe('weights follow each actor’s preferences', () => {
	const model = buildMachine(parseValid(preferencesText));

	it('uses criteria weights for an actor without preferences and its own, signed, for one with them', () => {
		const { actorIds, weights, signs } = signedWeights(model.scenario);
		expect(actorIds).toEqual(['a', 'b']);
		expect(Array.from(signs)).toEqual([1, -1, -1]);
		// a: criteria weights 1, 0.5, 0.25 signed; b: gain −1 (max), cost missing → 0, risk 2 (min).
		expect(Array.from(weights).map((w) => w + 0)).toEqual([1, -0.5, -0.25, -1, 0, -2]);
	});

	it.each([
		{ perspective: 'a', weights: [1, -0.5, -0.25] },
		{ perspective: 'b', weights: [-1, 0, -2] }
	])('gives perspective $perspective its own weights', ({ perspective, weights }) => {
		const flat = compileTree(treeOf(model, perspective), model);
		expect(Array.from(flat.weights).map((w) => w + 0)).toEqual(weights);
	});
});

describe('compileTree refuses a broken tree with a short error', () => {
	const model = exampleModel();
	const tree = treeOf(model);

	it('throws when children are not contiguous', () => {
		const nodes = tree.nodes.map((n) => ({ ...n, children: [...n.children] }));
		nodes[1].children = [3, 5];
		expect(() => compileTree({ ...tree, nodes }, model)).toThrow('compileTree: children are not contiguous');
	});

	it('throws on a perspective the scenario does not have', () => {
		expect(() => compileTree({ ...tree, perspective: 'nobody' }, model)).toThrow('compileTree: unknown perspective "nobody"');
	});

	it('throws on a formula the model did not compile', () => {
		const nodes = tree.nodes.map((n, i) => (i === 3 ? { ...n, probability: 'p_evade / 2' } : n));
		expect(() => compileTree({ ...tree, nodes }, model)).toThrow('compileTree: formula "p_evade / 2" was not compiled');
	});
});
