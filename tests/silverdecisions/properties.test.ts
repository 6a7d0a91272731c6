import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluateScenario, scenarioToSilverDecisions } from '../../src/lib/core/index.js';
import { scenarioSpecArbitrary, specYaml, type ScenarioSpec } from '../fixtures/randomScenario.js';
import { expectClose } from '../helpers/approx.js';
import { parseValid } from '../helpers/scenarios.js';
import { importSd, rootExpected } from '../helpers/silverdecisions.js';

const RUNS = { numRuns: 40 };

describe('export and import are inverse on values', { timeout: 120_000 }, () => {
	it('any random layered scenario — guards, other actors choosing for themselves, 2 or 3 criteria — comes back with the same value at every node (the first state’s own payoffs moved onto its moves)', () => {
		sameValuesBack(RUNS);
	});

	it('three criteria and no payoff anywhere come back as three criteria (a counterexample, kept by its seed)', () => {
		sameValuesBack({ numRuns: 1, seed: -1062435181, path: '22:11:0:0:0:1:1:0:0', endOnFailure: true });
	});
});

/** Export then import, at every node and criterion, over random scenarios (`runs` as fast-check takes them). */
function sameValuesBack(runs: fc.Parameters<[ScenarioSpec, ScenarioSpec['play']]>) {
	fc.assert(
		fc.property(scenarioSpecArbitrary(), fc.constantFrom<ScenarioSpec['play']>('chance', 'strategic', 'bounded'), (spec, play) => {
			const scenario = parseValid(specYaml({ ...spec, play, preferences: spec.preferences ?? { k0: 1, k1: -1 } }));
			const model = buildMachine(scenario);
			const run = evaluateScenario(model);
			if (!run.flat || !run.evaluation) throw new Error('does not evaluate');
			const sd = scenarioToSilverDecisions({ model, run: { values: run.values, flat: run.flat, evaluation: run.evaluation } });
			const back = importSd(sd.text).run();
			expect(back.flat?.size).toBe(run.flat.size);
			const C = run.flat.criteria;
			// SilverDecisions has payoffs on moves only: the first state's own payoffs ride on each move out
			// of it, so the value from each of the root's children on carries them too.
			const shift = (i: number, c: number) => (run.flat?.parent[i] === 0 ? (run.evaluation?.reward[c] ?? NaN) : 0);
			for (let i = 0; i < run.flat.size; i++) {
				let score = 0;
				for (let c = 0; c < C; c++) {
					expectClose(back.evaluation?.expected[i * C + c] ?? NaN, run.evaluation.expected[i * C + c] + shift(i, c));
					score += run.flat.weights[c] * shift(i, c);
				}
				expectClose(back.evaluation?.score[i] ?? NaN, run.evaluation.score[i] + score);
			}
		}),
		runs
	);
}

/**
 * A random SilverDecisions tree: decision and chance nodes to depth 3,
 * probabilities in eighths with `#` for the last move, payoffs that read a
 * tree-level variable `v` or a node-level `w` (defined at some nodes, with
 * values that differ, so shadowing shows).
 */
interface RandomNode {
	type: 'decision' | 'chance' | 'terminal';
	/** The node's own `w = …`, when it has one. */
	w?: number;
	edges: { payoff: 'v' | 'w' | number; eighths: number; child: RandomNode }[];
}

function nodeArbitrary(depth: number): fc.Arbitrary<RandomNode> {
	const terminal = fc.constant<RandomNode>({ type: 'terminal', edges: [] });
	if (depth === 0) return terminal;
	const inner = fc
		.record({
			type: fc.constantFrom<'decision' | 'chance'>('decision', 'chance'),
			w: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }),
			edges: fc.array(fc.record({ payoff: fc.oneof(fc.constantFrom<'v' | 'w'>('v', 'w'), fc.integer({ min: -9, max: 9 })), eighths: fc.integer({ min: 0, max: 4 }), child: nodeArbitrary(depth - 1) }), { minLength: 1, maxLength: 3 })
		})
		.map((n): RandomNode => n);
	return fc.oneof({ weight: 1, arbitrary: terminal }, { weight: 3, arbitrary: inner });
}

/** The file: the tree-level code defines v and w; each node with its own w defines it again. */
function fileOf(root: RandomNode): unknown {
	const node = (n: RandomNode): unknown => ({
		type: n.type,
		name: '',
		code: n.w === undefined ? '' : `w = ${n.w}`,
		childEdges: n.edges.map((e, i) => ({
			name: `e${i}`,
			payoff: [String(e.payoff), 0],
			...(n.type === 'chance' ? { probability: i === n.edges.length - 1 ? '#' : String(e.eighths / 8) } : {}),
			childNode: node(e.child)
		}))
	});
	return { SilverDecisions: '1.1.0', rule: 'expected-value-maximization', viewMode: 'criterion1', data: { code: 'v = 2\nw = 7', trees: [node(root)] } };
}

/**
 * SilverDecisions' expected-value rule, written plainly from its source
 * (sd-computations' ObjectiveRule.computePayoff and ExpressionsEvaluator):
 * each node's scope is its parent's plus its own code; an edge's payoff is
 * read in its parent's scope; `#` takes what the other moves leave; a
 * decision takes the best child (ties are equal in value here, however
 * SilverDecisions splits them).
 */
function sdValue(n: RandomNode, scope: { v: number; w: number }): number {
	const own = n.w === undefined ? scope : { ...scope, w: n.w };
	const values = n.edges.map((e) => (typeof e.payoff === 'number' ? e.payoff : own[e.payoff]) + sdValue(e.child, own));
	if (n.edges.length === 0) return 0;
	if (n.type === 'decision') return Math.max(...values);
	const given = n.edges.slice(0, -1).reduce((s, e) => s + e.eighths / 8, 0);
	return values.reduce((s, v, i) => s + (i === n.edges.length - 1 ? 1 - given : n.edges[i].eighths / 8) * v, 0);
}

describe('an imported tree evaluates as SilverDecisions does', { timeout: 120_000 }, () => {
	it('any random tree with tree-level and node-level variables and "#" probabilities', () => {
		const chanceSumsValid = (n: RandomNode): boolean => (n.type !== 'chance' || n.edges.slice(0, -1).reduce((s, e) => s + e.eighths, 0) <= 8) && n.edges.every((e) => chanceSumsValid(e.child));
		fc.assert(
			fc.property(
				nodeArbitrary(3).filter((n) => n.type !== 'terminal' && chanceSumsValid(n)),
				(root) => {
					const imported = importSd(fileOf(root));
					expectClose(rootExpected(imported.run())[0], sdValue(root, { v: 2, w: 7 }));
				}
			),
			RUNS
		);
	});
});
