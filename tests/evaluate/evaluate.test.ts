import { describe, expect, it } from 'vitest';
import {
	actorScores,
	buildMachine,
	compileTree,
	evaluate,
	evaluateScenario,
	evaluateSlots,
	evaluateWithSlots,
	evaluationJson,
	optimalPolicy,
	resolveValues,
	treeText,
	unrollTree,
	type Evaluation,
	type FlatTree,
	type ScenarioModel
} from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { expectClose } from '../helpers/approx.js';
import { exampleModel, exampleText, leakageText, lineOf, parseValid } from '../helpers/scenarios.js';

interface Evaluated {
	flat: FlatTree;
	evaluation: Evaluation;
}

/** unrollTree → compileTree → evaluate at the defaults with `values` on top. */
function run(model: ScenarioModel, options: { values?: Record<string, number>; perspective?: string; criterion?: string } = {}): Evaluated {
	const values = { ...resolveValues(model.scenario, model.book), ...options.values };
	const result = unrollTree(model, { values, perspective: options.perspective });
	if (!result.tree) throw new Error(result.issues.map((i) => i.message).join('\n'));
	const flat = compileTree(result.tree, model);
	return { flat, evaluation: evaluate(flat, { values, criterion: options.criterion }) };
}

/** Expected values per criterion at a node. */
function expectedAt({ flat, evaluation }: Evaluated, node: number): number[] {
	return Array.from(evaluation.expected.subarray(node * flat.criteria, node * flat.criteria + flat.criteria));
}

function nodeAt({ flat }: Evaluated, path: string): number {
	const index = flat.tree.nodes.findIndex((n) => n.path === path);
	if (index < 0) throw new Error(`no node at ${path}`);
	return index;
}

const chosenMove = (e: Evaluated, node = 0) => e.flat.tree.nodes[e.evaluation.best[node]].move;

/** A decision between two moves that end equally well and a worse one. */
const tiesText = `${scenarioHeader({ id: 'ties' })}
actors:
  - { id: a, name: A, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
  - { id: cost, label: Cost, direction: min, weight: 0.5 }
machine:
  id: ties
  initial: choose
  states:
    choose:
      meta: { actor: a, label: Choose, citations: [c1] }
      on:
        WORSE: { target: low, meta: { label: Worse, citations: [c1] } }
        LEFT: { target: high, meta: { label: Left, citations: [c1] } }
        RIGHT: { target: high, meta: { label: Right, citations: [c1] } }
        COSTLY: { target: higher, meta: { label: Costly, payoffs: { cost: "2" }, citations: [c1] } }
    low:
      type: final
      meta: { label: Low, payoffs: { gain: "1" }, citations: [c1] }
    high:
      type: final
      meta: { label: High, payoffs: { gain: "2" }, citations: [c1] }
    higher:
      type: final
      meta: { label: Higher, payoffs: { gain: "3" }, citations: [c1] }
`;

/**
 * A lottery whose second move closes when x is near 0.3: its probabilities
 * sum to 1 at every point parseScenario checks (x = 0, 0.5, 1) but not at 0.3.
 */
const lotteryText = `${scenarioHeader({ id: 'lottery' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1] }
assumptions:
  - { id: x, label: X, kind: number, default: 0.5, min: 0, max: 1, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: lottery
  initial: start
  states:
    start:
      meta: { actor: a, label: Start, citations: [c1] }
      on:
        GO: { target: lottery, meta: { label: Go, citations: [c1] } }
    lottery:
      meta: { actor: b, label: Lottery, citations: [c1] }
      on:
        WIN: { target: won, meta: { label: Win, probability: "0.5", citations: [c1] } }
        LOSE:
          target: lost
          guard: { type: formula, params: { expr: "abs(x - 0.3) > 0.01" } }
          meta: { label: Lose, probability: "0.5", citations: [c1] }
    won:
      type: final
      meta: { label: Won, payoffs: { gain: "4" }, citations: [c1] }
    lost:
      type: final
      meta: { label: Lost, citations: [c1] }
`;

/**
 * A offers help at a cost; B then accepts (gain 4) or refuses (gain −2).
 * B's preferences value A's gain negatively and ignore cost.
 */
const helpText = `${scenarioHeader({ id: 'help' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1], preferences: { gain: -1 } }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
  - { id: cost, label: Cost, direction: min, weight: 1 }
machine:
  id: help
  initial: offer
  states:
    offer:
      meta: { actor: a, label: Offer, citations: [c1] }
      on:
        HELP: { target: respond, meta: { label: Help, payoffs: { cost: "0.5" }, citations: [c1] } }
        HOLD: { target: held, meta: { label: Hold, citations: [c1] } }
    respond:
      meta: { actor: b, label: Respond, citations: [c1] }
      on:
        ACCEPT: { target: done, meta: { label: Accept, probability: "0.5", payoffs: { gain: "4" }, citations: [c1] } }
        REFUSE: { target: done, meta: { label: Refuse, probability: "0.5", payoffs: { gain: "-2" }, citations: [c1] } }
    held:
      type: final
      meta: { label: Held, citations: [c1] }
    done:
      type: final
      meta: { label: Done, citations: [c1] }
`;

describe('rollback on the worked example', () => {
	it('at the defaults expects enforcement 5, cost 2, score 4 and chooses SANCTION', () => {
		const e = run(exampleModel());
		expectClose(expectedAt(e, 0)[0], 5);
		expectClose(expectedAt(e, 0)[1], 2);
		// score = 1 × (+1) × 5 + 0.5 × (−1) × 2
		expectClose(e.evaluation.score[0], 4);
		expect(chosenMove(e)).toBe('SANCTION');
		expect(e.evaluation.problems).toEqual([]);
		expect(e.evaluation.ties.size).toBe(0);
	});

	it('with p_evade = 0.9 expects enforcement 2.6 and score 1.6, still choosing SANCTION', () => {
		const e = run(exampleModel(), { values: { p_evade: 0.9 } });
		expectClose(expectedAt(e, 0)[0], 0.9 * 2 + 0.1 * 8);
		expectClose(expectedAt(e, 0)[1], 2);
		expectClose(e.evaluation.score[0], 1.6);
		expect(chosenMove(e)).toBe('SANCTION');
	});

	// The sanction branch scores (2p + 8(1 − p)) − 1 = 7 − 6p > 0 = WAIT's score for every p in 0..1.
	it.each([0, 0.25, 0.5, 0.75, 1])('with p_evade = %s the sanction branch scores 7 − 6p and beats waiting', (p) => {
		const e = run(exampleModel(), { values: { p_evade: p } });
		expectClose(e.evaluation.score[nodeAt(e, 'SANCTION')], 7 - 6 * p);
		expectClose(e.evaluation.score[nodeAt(e, 'WAIT')], 0);
		expectClose(e.evaluation.score[0], 7 - 6 * p);
		expect(chosenMove(e)).toBe('SANCTION');
	});

	it.each([
		{ criterion: 'cost', move: 'WAIT', enforcement: 0, cost: 0, objective: -0 },
		{ criterion: 'enforcement', move: 'SANCTION', enforcement: 5, cost: 2, objective: 5 }
	])('optimising $criterion alone chooses $move', ({ criterion, move, enforcement, cost, objective }) => {
		const e = run(exampleModel(), { criterion });
		expect(chosenMove(e)).toBe(move);
		expectClose(expectedAt(e, 0)[0], enforcement);
		expectClose(expectedAt(e, 0)[1], cost);
		expectClose(e.evaluation.objective[0], objective);
	});

	it('minimising cost ranks SANCTION by −cost', () => {
		const e = run(exampleModel(), { criterion: 'cost' });
		expectClose(e.evaluation.objective[nodeAt(e, 'SANCTION')], -2);
		expectClose(e.evaluation.objective[nodeAt(e, 'WAIT')], 0);
	});

	it('refuses an unknown criterion, naming the closest and every criterion', () => {
		const { flat } = run(exampleModel());
		expect(() => evaluate(flat, { values: { p_evade: 0.5 }, criterion: 'costs' })).toThrow('Unknown criterion "costs". Did you mean "cost"? Criteria: enforcement, cost.');
	});

	it('records each move’s probability, reward and the payoffs accumulated from the root', () => {
		const e = run(exampleModel(), { values: { p_evade: 0.25 } });
		const { probability, reward, accumulated } = e.evaluation;
		expect(Array.from(probability)).toEqual([1, 1, 1, 0.25, 0.75]);
		expect(Array.from(reward)).toEqual([0, 0, 0, 2, 0, 0, 2, 0, 8, 0]);
		expect(Array.from(accumulated)).toEqual([0, 0, 0, 2, 0, 0, 2, 2, 8, 2]);
		expectClose(expectedAt(e, nodeAt(e, 'SANCTION'))[0], 0.25 * 2 + 0.75 * 8);
	});

	it('gives the probability of reaching each node, with and without following the optimal policy', () => {
		const e = run(exampleModel(), { values: { p_evade: 0.25 } });
		const at = (path: string) => nodeAt(e, path);
		expect([at(''), at('SANCTION'), at('WAIT'), at('SANCTION/EVADE'), at('SANCTION/DISRUPTED')].map((i) => e.evaluation.reach[i])).toEqual([1, 1, 1, 0.25, 0.75]);
		expect([at(''), at('SANCTION'), at('WAIT'), at('SANCTION/EVADE'), at('SANCTION/DISRUPTED')].map((i) => e.evaluation.reachOptimal[i])).toEqual([1, 1, 0, 0.25, 0.75]);
	});

	it('gives probabilities that reach the terminals under the optimal policy that sum to 1', () => {
		for (const p of [0, 0.3, 0.9]) {
			const e = run(exampleModel(), { values: { p_evade: p } });
			const sum = e.flat.tree.nodes.reduce((s, n, i) => s + (n.kind === 'terminal' ? e.evaluation.reachOptimal[i] : 0), 0);
			expectClose(sum, 1);
		}
	});

	it('marks the chosen child only at decision nodes', () => {
		const e = run(exampleModel());
		expect(Array.from(e.evaluation.best)).toEqual([nodeAt(e, 'SANCTION'), -1, -1, -1, -1]);
	});

	it('gives the same result from precomputed formula values', () => {
		const model = exampleModel();
		const { flat, evaluation } = run(model, { values: { p_evade: 0.7 } });
		const values = { ...resolveValues(model.scenario, model.book), p_evade: 0.7 };
		const again = evaluateWithSlots(flat, evaluateSlots(flat, values));
		expect(Array.from(again.expected)).toEqual(Array.from(evaluation.expected));
		expect(Array.from(again.best)).toEqual(Array.from(evaluation.best));
	});
});

describe('ties between decisions', () => {
	const model = buildMachine(parseValid(tiesText));
	const e = run(model);
	const [worse, left, right, costly] = ['WORSE', 'LEFT', 'RIGHT', 'COSTLY'].map((m) => nodeAt(e, m));

	it('reports every child with the best objective, equal outcomes or not', () => {
		// LEFT and RIGHT both give gain 2; COSTLY gives gain 3 at cost 2: 3 − 0.5 × 2 = 2.
		expect(e.evaluation.ties.get(0)).toEqual([left, right, costly]);
		expect(e.evaluation.ties.get(0)).not.toContain(worse);
	});

	it('keeps the first of the tied children and follows only it', () => {
		expect(e.evaluation.best[0]).toBe(left);
		expect(e.evaluation.reachOptimal[left]).toBe(1);
		expect(e.evaluation.reachOptimal[right]).toBe(0);
		expect(e.evaluation.reachOptimal[costly]).toBe(0);
		expectClose(e.evaluation.score[0], 2);
	});

	it('names the tied moves in the optimal policy', () => {
		const [step] = optimalPolicy(model.scenario, e.flat, e.evaluation);
		expect(step).toMatchObject({ path: '', state: 'choose', move: 'LEFT', label: 'Left', tiedWith: ['RIGHT', 'COSTLY'], reach: 1 });
	});

	it('reports no tie once one branch is strictly better', () => {
		const { evaluation } = run(model, { criterion: 'gain' });
		expect(evaluation.ties.size).toBe(0);
		expect(evaluation.best[0]).toBe(costly);
	});
});

describe('probabilities that do not sum to 1 at run time', () => {
	const model = buildMachine(parseValid(lotteryText));

	it('pass parseScenario, which checks only the defaults and each extreme', () => {
		expect(run(model).evaluation.problems).toEqual([]);
		expect(run(model, { values: { x: 0 } }).evaluation.problems).toEqual([]);
	});

	it('give a problem naming the chance node and the sum when a guard closes a move', () => {
		const e = run(model, { values: { x: 0.3 } });
		const lottery = nodeAt(e, 'GO');
		expect(e.evaluation.problems).toHaveLength(1);
		expect(e.evaluation.problems[0].node).toBe(lottery);
		expectClose(e.evaluation.problems[0].sum, 0.5);
	});

	it('become a located issue in evaluateScenario', () => {
		const result = evaluateScenario(model, { overrides: { x: 0.3 } });
		expect(result.issues).toHaveLength(1);
		expect(result.issues[0]).toMatchObject({
			severity: 'error',
			path: ['machine', 'states', 'lottery', 'on'],
			line: lineOf(lotteryText, '    lottery:'),
			message: 'The probabilities of the open moves of chance node "lottery" (after GO) sum to 0.5 (short by 0.5); they must sum to 1.'
		});
	});
});

describe('every actor’s score', () => {
	const model = buildMachine(parseValid(helpText));

	it('from A’s perspective: B’s response is chance, A helps, and B scores the outcome by its own preferences', () => {
		const e = run(model, { perspective: 'a' });
		expect(chosenMove(e)).toBe('HELP');
		// gain 0.5 × 4 + 0.5 × (−2) = 1, cost 0.5
		expectClose(expectedAt(e, 0)[0], 1);
		expectClose(expectedAt(e, 0)[1], 0.5);
		expectClose(e.evaluation.score[0], 0.5);
		expectClose(actorScores(e.flat, e.evaluation, 0)[0], 0.5);
		expectClose(actorScores(e.flat, e.evaluation, 0)[1], -1);
	});

	it('from B’s perspective: A’s offer is chance, and B refuses because it values A’s gain negatively', () => {
		const e = run(model, { perspective: 'b' });
		const respond = nodeAt(e, 'HELP');
		expect(e.flat.tree.nodes[0].kind).toBe('chance');
		expect(chosenMove(e, respond)).toBe('REFUSE');
		// respond: gain −2, cost 0.5; root: half of that and half of HOLD's nothing
		expectClose(expectedAt(e, 0)[0], -1);
		expectClose(expectedAt(e, 0)[1], 0.25);
		expectClose(e.evaluation.score[0], 1);
		expectClose(actorScores(e.flat, e.evaluation, 0)[0], -1.25);
		expectClose(actorScores(e.flat, e.evaluation, 0)[1], 1);
	});

	const withoutPreferences = helpText.replace(', preferences: { gain: -1 }', '').replace('  - { id: b, name: B, citations: [c1] }', '  - { id: b, name: B, citations: [c1] }\n  - { id: n, name: Nature, kind: nature }');

	it('leaves an actor without preferences, and nature, out of the per-actor scores instead of giving them the perspective’s', () => {
		const unscored = buildMachine(parseValid(withoutPreferences));
		const e = run(unscored, { perspective: 'a' });
		const scores = actorScores(e.flat, e.evaluation, 0);
		expect(e.flat.actorIds).toEqual(['a', 'b', 'n']);
		expectClose(scores[0], e.evaluation.score[0]);
		expect(Number.isNaN(scores[1])).toBe(true);
		expect(Number.isNaN(scores[2])).toBe(true);
		const json = evaluationJson({ scenario: unscored.scenario, flat: e.flat, evaluation: e.evaluation, values: {} });
		expect(json.actorScores).toEqual({ a: scores[0] });
	});

	it('scores an actor without preferences by the criteria weights while it is the perspective', () => {
		const e = run(buildMachine(parseValid(withoutPreferences)), { perspective: 'b' });
		const scores = actorScores(e.flat, e.evaluation, 0);
		expectClose(scores[1], e.evaluation.score[0]);
		// The scenario's perspective keeps the criteria weights as its own.
		expect(Number.isNaN(scores[0])).toBe(false);
	});

	it('gives the perspective’s actor score equal to the weighted score at every node', () => {
		for (const perspective of ['a', 'b']) {
			const e = run(model, { perspective });
			const a = e.flat.actorIds.indexOf(perspective);
			for (let i = 0; i < e.flat.size; i++) expectClose(actorScores(e.flat, e.evaluation, i)[a], e.evaluation.score[i]);
		}
	});
});

describe('evaluateScenario runs the pipeline from assumption values', () => {
	it('applies overrides on top of the defaults', () => {
		const result = evaluateScenario(exampleModel(), { overrides: { p_evade: 0.8 } });
		expect(result.issues).toEqual([]);
		expect(result.values.p_evade).toBe(0.8);
		expectClose(result.evaluation!.expected[0], 0.8 * 2 + 0.2 * 8);
		expectClose(result.evaluation!.score[0], 3.2 - 1);
	});

	it('passes the perspective and criterion on', () => {
		const result = evaluateScenario(exampleModel(), { perspective: 'networks', criterion: 'cost' });
		expect(result.flat!.tree.perspective).toBe('networks');
		// networks decide at the reaction and minimise cost: both moves cost the same 2, so they tie.
		expect(result.evaluation!.ties.get(1)).toEqual([3, 4]);
	});

	it('returns the unrolling issue and no evaluation when the tree cannot be built', () => {
		const result = evaluateScenario(exampleModel(), { perspective: 'nobody' });
		expect(result.evaluation).toBeUndefined();
		expect(result.issues[0].message).toMatch(/Unknown perspective actor "nobody"/);
	});
});

describe('the evaluated tree as text and JSON', () => {
	const model = exampleModel();
	const e = run(model);

	it('stars the optimal move in the text tree', () => {
		const text = treeText({ scenario: model.scenario, flat: e.flat, evaluation: e.evaluation });
		const lines = text.split('\n');
		expect(lines.find((l) => l.includes('Targeted sanctions'))).toMatch(/★ Targeted sanctions/);
		expect(lines.find((l) => l.includes('Wait →'))).not.toMatch(/★/);
		expect(text).toMatch(/p 0\.5 Adapt and evade → Evaded; limited effect ▪ outcome: enforcement 2, cost 2 \| score 1, P\(reach under the optimal policy\) 50%/);
	});

	it('prints only the optimal paths when asked', () => {
		const text = treeText({ scenario: model.scenario, flat: e.flat, evaluation: e.evaluation, optimalOnly: true });
		expect(text).not.toMatch(/Wait/);
		expect(text).toMatch(/Disrupted/);
	});

	it('gives root values, the policy and every node in JSON', () => {
		const json = JSON.parse(JSON.stringify(evaluationJson({ scenario: model.scenario, flat: e.flat, evaluation: e.evaluation, values: { p_evade: 0.5 } })));
		expect(json.expected).toEqual({ enforcement: 5, cost: 2 });
		expect(json.score).toBe(4);
		expect(json.policy).toEqual([{ path: '', state: 'choose', move: 'SANCTION', label: 'Targeted sanctions', tiedWith: [], reach: 1 }]);
		expect(json.nodes).toHaveLength(5);
		expect(json.nodes[0]).toMatchObject({ path: '', kind: 'decision', best: 'SANCTION', reachOptimal: 1 });
		// The networks score by their own preferences (−enforcement), not by the coalition's weights.
		expect(json.actorScores).toEqual({ coalition: 4, networks: -5 });
	});
});

describe('evaluationIssues', () => {
	it('reports a payoff formula that is infinite under the current values instead of choosing by it', () => {
		const text = exampleText()
			.replace('payoffs: { cost: "2" }', 'payoffs: { cost: "2 / (p_evade - 0.4)" }');
		const model = buildMachine(parseValid(text));
		const run = evaluateScenario(model, { overrides: { p_evade: 0.4 } });
		expect(run.issues.map((i) => i.message)).toEqual(['The formula "2 / (p_evade - 0.4)" is Infinity, not a finite number, with p_evade = 0.4; a formula must give a finite number (check for division by zero).']);
		const line = lineOf(text, 'payoffs: { cost: "2 / (p_evade - 0.4)" }');
		expect(run.issues[0]).toMatchObject({ line, column: text.split('\n')[line - 1].indexOf('"2 /') + 1 });
	});

	/** Two assumptions whose difference divides: finite at every test point, infinite when they are set equal. */
	const leakage = leakageText();

	it('reports a derived value that is not finite once, at its formula, with the values it read', () => {
		const model = buildMachine(parseValid(leakage));
		const run = evaluateScenario(model, { overrides: { routes_open: 3, routes_closed: 3 } });
		expect(run.issues.map((i) => i.message)).toEqual([
			'Derived value leakage = routes_open / (routes_open - routes_closed) is Infinity, not a finite number, with routes_open = 3, routes_closed = 3; a formula must give a finite number (check for division by zero).'
		]);
		const line = lineOf(leakage, 'formula: routes_open /');
		expect(run.issues[0]).toMatchObject({ path: ['derived', 0, 'formula'], line, column: leakage.split('\n')[line - 1].indexOf('routes_open /') + 1 });
	});

	it('finds nothing wrong at values where the derived value is finite', () => {
		const model = buildMachine(parseValid(leakage));
		expect(evaluateScenario(model, { overrides: { routes_open: 3, routes_closed: 1 } }).issues).toEqual([]);
	});
});
