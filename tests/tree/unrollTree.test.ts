import { describe, expect, it } from 'vitest';
import {
	buildMachine,
	compileTree,
	evaluate,
	guardSignature,
	resolveValues,
	unrollTree,
	type DecisionTree,
	type ScenarioModel
} from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { expectClose } from '../helpers/approx.js';
import { exampleModel, exampleText, lineOf, parseValid, replaceOnce, unrollValid } from '../helpers/scenarios.js';

function defaults(model: ScenarioModel) {
	return resolveValues(model.scenario, model.book);
}

const unrolled = unrollValid;

/** The shape every unrolled tree has: breadth-first, children contiguous and after their parent. */
function expectBreadthFirst(tree: DecisionTree): void {
	tree.nodes.forEach((node, i) => {
		expect(node.index).toBe(i);
		if (i > 0) expect(node.depth).toBeGreaterThanOrEqual(tree.nodes[i - 1].depth);
		node.children.forEach((child, k) => {
			expect(child).toBe(node.children[0] + k);
			expect(child).toBeGreaterThan(i);
			expect(tree.nodes[child].parent).toBe(i);
			expect(tree.nodes[child].depth).toBe(node.depth + 1);
			expect(tree.nodes[child].path).toBe(node.path === '' ? tree.nodes[child].move : `${node.path}/${tree.nodes[child].move}`);
		});
	});
	expect(tree.nodes[0].parent).toBe(-1);
	expect(tree.nodes.filter((n) => n.parent < 0)).toHaveLength(1);
}

/** A decision whose two moves are guarded by `flag` and `x > 0.5`, and one that is not. */
const guardedText = `${scenarioHeader({ id: 'guards' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1] }
assumptions:
  - { id: flag, label: Flag, kind: boolean, default: true, citations: [c1] }
  - { id: x, label: X, kind: number, default: 0.3, min: 0, max: 1, citations: [c1] }
  - { id: other, label: Unrelated, kind: number, default: 1, min: 0, max: 5, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: guards
  initial: choose
  states:
    choose:
      meta: { actor: a, label: Choose, citations: [c1] }
      on:
        FLAGGED:
          target: done
          guard: { type: formula, params: { expr: flag } }
          meta: { label: Flagged, citations: [c1] }
        HIGH:
          target: done
          guard: { type: formula, params: { expr: "x > 0.5" } }
          meta: { label: High, payoffs: { gain: other }, citations: [c1] }
        PLAIN: { target: done, meta: { label: Plain, citations: [c1] } }
    done:
      type: final
      meta: { label: Done, citations: [c1] }
`;

/** After GO, a chance state whose moves are all guarded by \`gate_open\`. */
const gateText = `${scenarioHeader({ id: 'gate' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1] }
assumptions:
  - { id: gate_open, label: Gate open, kind: boolean, default: true, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: gate
  initial: start
  states:
    start:
      meta: { actor: a, label: Start, citations: [c1] }
      on:
        GO: { target: gate, meta: { label: Go, citations: [c1] } }
    gate:
      meta: { actor: b, label: Gate, citations: [c1] }
      on:
        THROUGH:
          target: done
          guard: { type: formula, params: { expr: gate_open } }
          meta: { label: Through, citations: [c1] }
        AROUND:
          target: done
          guard: { type: formula, params: { expr: gate_open } }
          meta: { label: Around, citations: [c1] }
    done:
      type: final
      meta: { label: Done, citations: [c1] }
`;

describe('unrollTree enumerates the machine breadth-first', () => {
	const tree = unrolled(exampleModel());

	it('unrolls the worked example to 5 nodes in breadth-first order', () => {
		expect(tree.nodes.map((n) => [n.state, n.kind, n.depth, n.parent, n.path])).toEqual([
			['choose', 'decision', 0, -1, ''],
			['reaction', 'chance', 1, 0, 'SANCTION'],
			['status_quo', 'terminal', 1, 0, 'WAIT'],
			['evaded', 'terminal', 2, 1, 'SANCTION/EVADE'],
			['disrupted', 'terminal', 2, 1, 'SANCTION/DISRUPTED']
		]);
		expect(tree.perspective).toBe('coalition');
	});

	it('keeps each node’s children contiguous and after it', () => {
		expect(tree.nodes.map((n) => n.children)).toEqual([[1, 2], [3, 4], [], [], []]);
		expectBreadthFirst(tree);
	});

	it('names who moves at decision and chance nodes, and nobody at terminals', () => {
		expect(tree.nodes.map((n) => n.actor)).toEqual(['coalition', 'networks', undefined, undefined, undefined]);
	});

	it('carries the move’s probability formula and the payoffs of the move and the state entered', () => {
		expect(tree.nodes.map((n) => n.probability)).toEqual([undefined, undefined, undefined, 'p_evade', '1 - p_evade']);
		expect(tree.nodes[1].payoffs).toEqual([{ criterion: 'cost', formula: '2', of: 'move' }]);
		expect(tree.nodes[3].payoffs).toEqual([{ criterion: 'enforcement', formula: '2', of: 'state' }]);
		expect(tree.nodes[4].payoffs).toEqual([{ criterion: 'enforcement', formula: '8', of: 'state' }]);
		expect(tree.nodes[0].payoffs).toEqual([]);
	});

	it('gives the same tree for the same input', () => {
		expect(unrolled(exampleModel())).toEqual(tree);
	});

	it('does not change the values it is given', () => {
		const model = exampleModel();
		const values = Object.freeze({ ...defaults(model) });
		expect(unrollTree(model, { values }).issues).toEqual([]);
		expect(values).toEqual(defaults(model));
	});
});

describe('the perspective decides which nodes are decisions', () => {
	const model = exampleModel();
	const tree = unrolled(model, { perspective: 'networks' });

	it('turns the coalition’s decision into a chance node and the networks’ chance node into a decision', () => {
		expect(tree.perspective).toBe('networks');
		expect(tree.nodes.map((n) => n.kind)).toEqual(['chance', 'decision', 'terminal', 'terminal', 'terminal']);
		expectBreadthFirst(tree);
	});

	it('makes the coalition’s moves equally likely, since they give no probability', () => {
		const evaluation = evaluate(compileTree(tree, model), { values: defaults(model) });
		expect(evaluation.problems).toEqual([]);
		expectClose(evaluation.probability[1], 0.5);
		expectClose(evaluation.probability[2], 0.5);
	});

	it('reports an unknown perspective as an issue, not a throw', () => {
		const result = unrollTree(model, { values: defaults(model), perspective: 'netwrks' });
		expect(result.tree).toBeUndefined();
		expect(result.issues).toHaveLength(1);
		expect(result.issues[0].severity).toBe('error');
		expect(result.issues[0].path).toEqual(['perspective']);
		expect(result.issues[0].message).toBe('Unknown perspective actor "netwrks"; choose one of coalition, networks.');
	});

	it('refuses a nature actor as the perspective', () => {
		const text = replaceOnce(exampleText(), '    name: Russia–DPRK supply networks\n    citations: [c-evasion]', '    name: Russia–DPRK supply networks\n    kind: nature');
		const nature = buildMachine(parseValid(text));
		const result = unrollTree(nature, { values: defaults(nature), perspective: 'networks' });
		expect(result.tree).toBeUndefined();
		expect(result.issues[0].message).toMatch(/Unknown perspective actor "networks"; choose one of coalition\./);
	});
});

describe('unrollTree stops at its limits with an issue', () => {
	const model = exampleModel();
	const values = defaults(model);

	it.each([
		{ limit: { maxNodes: 4 }, message: /^The tree has more than 4 nodes; raise limits\.maxNodes, or merge or bound moves/ },
		{ limit: { maxNodes: 1 }, message: /^The tree has more than 1 nodes/ },
		{ limit: { maxDepth: 1 }, message: /^The tree is deeper than 1 moves along SANCTION; raise limits\.maxDepth/ }
	])('$limit gives an issue, not a throw', ({ limit, message }) => {
		let result: ReturnType<typeof unrollTree> | undefined;
		expect(() => {
			result = unrollTree(model, { values, ...limit });
		}).not.toThrow();
		expect(result!.tree).toBeUndefined();
		expect(result!.issues).toHaveLength(1);
		expect(result!.issues[0].severity).toBe('error');
		expect(result!.issues[0].message).toMatch(message);
		expect(result!.issues[0].line).toBeGreaterThan(1);
	});

	it('allows a tree of exactly maxNodes nodes and maxDepth moves', () => {
		const result = unrollTree(model, { values, maxNodes: 5, maxDepth: 2 });
		expect(result.issues).toEqual([]);
		expect(result.tree?.nodes).toHaveLength(5);
	});

	it('reads the limits from the scenario’s own `limits`', () => {
		const text = replaceOnce(exampleText(), 'machine:\n', 'limits: { maxNodes: 3 }\n\nmachine:\n');
		const limited = buildMachine(parseValid(text));
		const result = unrollTree(limited, { values });
		expect(result.tree).toBeUndefined();
		expect(result.issues[0].message).toMatch(/more than 3 nodes/);
	});

	it('points a limit issue at the state being expanded', () => {
		const text = exampleText();
		const result = unrollTree(model, { values, maxDepth: 1 });
		expect(result.issues[0].path).toEqual(['machine', 'states', 'reaction']);
		expect(result.issues[0].line).toBe(lineOf(text, '    reaction:'));
	});
});

describe('guards shape the tree', () => {
	const model = buildMachine(parseValid(gateText));

	it('gives an issue naming a state whose every move is guarded closed', () => {
		const result = unrollTree(model, { values: { gate_open: 0 } });
		expect(result.tree).toBeUndefined();
		expect(result.issues).toHaveLength(1);
		expect(result.issues[0].message).toBe(
			'No move of state "gate" is open after GO under these assumptions; loosen a guard or add a move without one.'
		);
		expect(result.issues[0].path).toEqual(['machine', 'states', 'gate']);
		expect(result.issues[0].line).toBe(lineOf(gateText, '    gate:'));
	});

	it('unrolls the same scenario when the guards hold', () => {
		const result = unrollTree(model, { values: { gate_open: 1 } });
		expect(result.issues).toEqual([]);
		expect(result.tree!.nodes.map((n) => n.path)).toEqual(['', 'GO', 'GO/THROUGH', 'GO/AROUND']);
	});

	it('leaves out the moves whose guards are closed', () => {
		const guarded = buildMachine(parseValid(guardedText));
		const moves = (values: Record<string, number>) =>
			unrolled(guarded, { values: { ...defaults(guarded), ...values } }).nodes.slice(1).map((n) => n.move);
		expect(moves({ flag: 1, x: 0.3 })).toEqual(['FLAGGED', 'PLAIN']);
		expect(moves({ flag: 0, x: 0.3 })).toEqual(['PLAIN']);
		expect(moves({ flag: 0, x: 0.9 })).toEqual(['HIGH', 'PLAIN']);
		expect(moves({ flag: 1, x: 0.9 })).toEqual(['FLAGGED', 'HIGH', 'PLAIN']);
	});
});

describe('the guard signature changes exactly when a guard’s truth changes', () => {
	const model = buildMachine(parseValid(guardedText));
	const at = (values: Record<string, number>) => ({ ...defaults(model), ...values });
	const settings = [
		{ values: { flag: 1, x: 0.3, other: 1 }, signature: '10' },
		{ values: { flag: 1, x: 0.4, other: 1 }, signature: '10' },
		{ values: { flag: 1, x: 0.3, other: 4 }, signature: '10' },
		{ values: { flag: 1, x: 0.6, other: 1 }, signature: '11' },
		{ values: { flag: 0, x: 0.6, other: 1 }, signature: '01' },
		{ values: { flag: 0, x: 0.5, other: 2 }, signature: '00' }
	];

	it.each(settings)('$values gives $signature', ({ values, signature }) => {
		expect(guardSignature(model, at(values))).toBe(signature);
	});

	it('is the same for two settings exactly when every guard has the same truth', () => {
		const truths = (v: Record<string, number>) => [v.flag !== 0, v.x > 0.5].join();
		for (const a of settings) {
			for (const b of settings) {
				const same = guardSignature(model, at(a.values)) === guardSignature(model, at(b.values));
				expect(same, `${JSON.stringify(a.values)} vs ${JSON.stringify(b.values)}`).toBe(truths(a.values) === truths(b.values));
			}
		}
	});

	it('is recorded on the tree unrolled under those values', () => {
		for (const { values, signature } of settings) {
			expect(unrolled(model, { values: at(values) }).guardSignature).toBe(signature);
		}
	});

	it('is empty for a scenario without guards', () => {
		const example = exampleModel();
		expect(guardSignature(example, defaults(example))).toBe('');
	});
});
