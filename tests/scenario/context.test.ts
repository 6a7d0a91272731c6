import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import {
	buildMachine,
	compileTree,
	createEvaluator,
	evaluate,
	evaluateScenario,
	guardSignature,
	nodeTable,
	parseScenario,
	resolveValues,
	simulatePolicy,
	unrollTree,
	walksTheTree,
	type ScenarioContext,
	type ScenarioModel
} from '../../src/lib/core/index.js';
import { runCommand } from '../../src/cli/runCommand.js';
import { expectClose } from '../helpers/approx.js';
import { lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';
import { roundsSpelledOut } from '../fixtures/roundsSpelledOut.js';

const FILE = 'tests/fixtures/e2e-scenarios/rounds/scenario.yaml';
const TEXT = readFileSync(FILE, 'utf8');
const errorsOf = (text: string) => parseScenario(text).issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message}`);

const withContext = buildMachine(parseValid(TEXT));
const byHand = buildMachine(parseValid(roundsSpelledOut(TEXT, 3)));

describe('a machine with context for rounds', () => {
	it('needs four states where the spelled-out game needs one per history', () => {
		expect(withContext.scenario.states).toHaveLength(4);
		expect(byHand.scenario.states.length).toBeGreaterThan(60);
	});

	it('gives the values of the same game spelled out state by state, over a grid of assumptions', () => {
		for (const p_bold of [0.2, 0.5, 0.6]) {
			for (const momentum of [0, 0.15, 0.2]) {
				for (const p_safe of [0.5, 0.8, 1]) {
					for (const bonus of [0, 10]) {
						const overrides = { p_bold, momentum, p_safe, bonus };
						const a = evaluateScenario(withContext, { overrides });
						const b = evaluateScenario(byHand, { overrides });
						expect(a.issues, JSON.stringify(overrides)).toEqual([]);
						expect(b.issues).toEqual([]);
						// The same tree, node for node: breadth-first order and paths agree.
						expect(a.flat!.tree.nodes.map((n) => n.path)).toEqual(b.flat!.tree.nodes.map((n) => n.path));
						for (let i = 0; i < a.flat!.size; i++) {
							expectClose(a.evaluation!.expected[i], b.evaluation!.expected[i]);
							expectClose(a.evaluation!.probability[i], b.evaluation!.probability[i]);
						}
						expect(Array.from(a.evaluation!.best)).toEqual(Array.from(b.evaluation!.best));
					}
				}
			}
		}
	});

	it('is solved by hand at the ends of the game: three bold wins pay 3.5 + 3 + 2.5 and the bonus', () => {
		const run = evaluateScenario(withContext, {});
		const nodes = run.flat!.tree.nodes;
		const leaf = nodes.findIndex((n) => n.path === 'BOLD/WIN/BOLD/WIN/BOLD/WIN');
		expect(nodes[leaf].state).toBe('over');
		expect(nodes[leaf].context).toEqual({ period: 4, wins: 3, losses: 0 });
		expectClose(run.evaluation!.accumulated[leaf], 3.5 + 3 + 2.5 + 2);
		// The third bold play wins with 0.5 + 2 × 0.15.
		expectClose(run.evaluation!.probability[leaf], 0.8);
		// After two losses the guard on the context closes the bold play.
		const twoLost = nodes.find((n) => n.path === 'BOLD/LOSE/BOLD/LOSE')!;
		expect(twoLost.children.map((k) => nodes[k].move)).toEqual(['SAFE']);
		// The policy depends on the history: safe first, then bold after a win.
		expect(nodes[run.evaluation!.best[0]].move).toBe('SAFE');
		expect(nodes[run.evaluation!.best[nodes.findIndex((n) => n.path === 'SAFE/WIN')]].move).toBe('BOLD');
	});

	it('unrolls to XState’s own states and contexts: seeded walks down the tree replayed on a real actor', () => {
		const values = resolveValues(withContext.scenario, withContext.book, { momentum: 0.2 });
		const flat = compileTree(unrollTree(withContext, { values }).tree!, withContext);
		const evaluation = evaluate(flat, { values });
		const walks = simulatePolicy(flat, evaluation, { runs: 400, seed: 11, decisions: 'random', topPaths: 1000 });
		expect(walks.distinctPaths).toBeGreaterThan(20);
		const byPath = new Map(flat.tree.nodes.map((n) => [n.path, n]));
		for (const { path } of walks.paths) {
			const actor = createActor(withContext.machine, { input: { values } }).start();
			const moves = path.split('/');
			moves.forEach((move, k) => {
				const node = byPath.get(moves.slice(0, k).join('/'))!;
				const snapshot = actor.getSnapshot();
				expect(String(snapshot.value)).toBe(node.state);
				expect((snapshot.context as ScenarioContext).vars).toEqual(node.context);
				// The moves open on the tree are the moves XState can take.
				const open = withContext.scenario.states.find((s) => s.id === node.state)!.moves.filter((m) => snapshot.can({ type: m.id })).map((m) => m.id);
				expect(node.children.map((c) => flat.tree.nodes[c].move)).toEqual(open);
				actor.send({ type: move });
			});
			const leaf = byPath.get(path)!;
			expect(String(actor.getSnapshot().value)).toBe(leaf.state);
			expect((actor.getSnapshot().context as ScenarioContext).vars).toEqual(leaf.context);
			expect(actor.getSnapshot().status).toBe('done');
			actor.stop();
		}
	});

	it('re-unrolls when an assumption a context guard or assign reads changes, and only then', () => {
		const model = buildMachine(parseValid(replaceOnce(TEXT, 'expr: "losses < 2"', 'expr: "losses < max_losses"').replace('\ncriteria:', '\n  - { id: max_losses, label: Losses before bold is closed, kind: number, default: 2, min: 1, max: 3, step: 1, citations: [c-evasion], judgment: true }\n\ncriteria:')));
		const at = (overrides: Record<string, number>) => guardSignature(model, resolveValues(model.scenario, model.book, overrides));
		expect(at({ bonus: 5, p_bold: 0.3 })).toBe(at({}));
		expect(at({ max_losses: 1 })).not.toBe(at({}));
		const evaluator = createEvaluator(model);
		expect(evaluator.at({ max_losses: 1 }).flat.size).toBeLessThan(evaluator.at({}).flat.size);
		expectClose(evaluator.at({ max_losses: 2 }).value, evaluateScenario(model, {}).evaluation!.score[0]);
	});

	it('simulates by walking the tree, which follows the context', () => {
		const run = evaluateScenario(withContext, {});
		expect(walksTheTree(withContext, run.flat!)).toBe(true);
		const json = JSON.parse(runCommand('analyse', [FILE, 'simulate'], { json: true, runs: '2000', seed: '4' }).stdout) as { endStates: { state: string; share: number }[]; meanLength: number };
		expect(json.endStates).toEqual([{ state: 'over', share: 1 }]);
		expect(json.meanLength).toBe(6);
	});

	it('shows each node’s context in the text tree, the JSON and the node table', () => {
		const out = runCommand('tree', [FILE], { depth: '2' }).stdout;
		expect(out).toContain('Bold or safe? (period 2, wins 1, losses 0) [decision · Player]');
		const json = JSON.parse(runCommand('evaluate', [FILE], { json: true }).stdout) as { nodes: { path: string; context: Record<string, number> }[] };
		expect(json.nodes.find((n) => n.path === 'SAFE/LOSE/BOLD/WIN')!.context).toEqual({ period: 3, wins: 1, losses: 1 });
		const run = evaluateScenario(withContext, {});
		const table = nodeTable(withContext.scenario, run.flat!, run.evaluation!);
		expect(table.header.slice(0, 9)).toEqual(['path', 'depth', 'kind', 'actor', 'state', 'period', 'wins', 'losses', 'move']);
		expect(table.rows.find((row) => row[0] === 'SAFE/LOSE/BOLD/WIN')!.slice(0, 9)).toEqual(['SAFE/LOSE/BOLD/WIN', '4', 'decision', 'player', 'Bold or safe?', '3', '1', '1', 'Won']);
	});
});

describe('checks of the context, located', () => {
	it('refuses an assign to a value the context does not declare, with a suggestion', () => {
		const text = replaceOnce(TEXT, 'losses: "losses + 1" } }\n          meta: { label: Lost, probability: "1 - (p_bold', 'loses: "losses + 1" } }\n          meta: { label: Lost, probability: "1 - (p_bold');
		expect(errorsOf(text)).toEqual([`${lineOf(text, 'loses: "losses + 1"')}:${text.split('\n')[lineOf(text, 'loses: "losses + 1"') - 1].indexOf('loses:') + 1} Move "LOSE" assigns "loses", which is not a value of the machine's context. Did you mean "losses"?`]);
	});

	it('refuses a context value named like an assumption', () => {
		const text = replaceOnce(TEXT, '    wins: 0\n', '    wins: 0\n    bonus: 0\n');
		expect(errorsOf(text)).toEqual([`${lineOf(text, '    bonus: 0')}:5 The context value "bonus" has the id of an assumption; formulas could not tell them apart. Rename one.`]);
	});

	it('refuses a derived value that reads the context, at the name', () => {
		const text = replaceOnce(TEXT, '\ncriteria:', '\nderived:\n  - { id: late, label: Late, formula: "period * 2" }\n\ncriteria:');
		const errors = errorsOf(text);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/"period" is a value of the machine's context, read only by the machine's guards, probabilities, payoffs and assign actions: a derived value is computed once, before the tree\.$/);
		expect(errors[0].startsWith(`${lineOf(text, 'formula: "period * 2"')}:`)).toBe(true);
	});

	it('refuses an "always" transition to an unknown state or into a state that is left at once', () => {
		const unknown = replaceOnce(TEXT, '        target: over\n', '        target: ovre\n');
		expect(errorsOf(unknown)).toContain(`${lineOf(unknown, 'target: ovre')}:17 An "always" transition of state "decide" targets unknown state "ovre". Did you mean "over"?`);
		const looping = replaceOnce(TEXT, '        target: over\n', '        target: decide\n');
		expect(errorsOf(looping)).toContain(`${lineOf(looping, 'target: decide')}:17 An "always" transition of state "decide" leads to "decide", which has "always" transitions of its own; lead it to where they would go, so that the machine cannot pass from state to state forever.`);
	});

	it('still refuses a cycle that nothing counts', () => {
		const text = TEXT.replace(/actions: \{ type: assign, params: \{ period: "period \+ 1", (wins|losses): "\1 \+ 1" \} \}/g, '').replace('actions: [{ type: assign, params: { period: "period + 1" } }, { type: assign, params: { wins: "wins + 1" } }]', '');
		expect(errorsOf(text).some((e) => /form a cycle with no bound; give one of them "maxVisits" in its meta, or count the rounds in the machine's context/.test(e))).toBe(true);
	});

	it('reports a round counter that never ends the game at the tree’s limits, with the way out', () => {
		const text = replaceOnce(TEXT, 'expr: "period > 3"', 'expr: "period < 0"');
		expect(errorsOf(text)).toEqual([
			`${lineOf(text, '    safe:')}:5 At the defaults: the tree has more than 20000 nodes; raise limits.maxNodes, or merge or bound moves so that fewer paths exist, or end the rounds with a guard or an "always" transition that reads the machine's context.`
		]);
		const deep = replaceOnce(text, 'machine:\n', 'limits: { maxNodes: 200000, maxDepth: 12 }\n\nmachine:\n');
		expect(errorsOf(deep)[0]).toMatch(/At the defaults: the tree is deeper than 12 moves along .*; raise limits\.maxDepth or bound the cycle with a lower maxVisits, or end the rounds with a guard or an "always" transition that reads the machine's context\.$/);
	});

	it('reports an assign that gives no finite number, where it is written, with the path', () => {
		const text = replaceOnce(TEXT, 'wins: "wins + 1" } }\n          meta: { label: Won, probability: "p_bold', 'wins: "wins / (wins - wins)" } }\n          meta: { label: Won, probability: "p_bold');
		expect(errorsOf(text)).toEqual([`${lineOf(text, 'wins / (wins - wins)')}:${text.split('\n')[lineOf(text, 'wins / (wins - wins)') - 1].indexOf('"wins / (wins - wins)"') + 1} At the defaults: move "WIN" sets wins = wins / (wins - wins) to NaN after BOLD (context period = 1, wins = 0, losses = 0); it must give a finite number.`]);
	});

	it('reports a probability that leaves 0..1 only at some contexts, with the point, the path and the values', () => {
		const text = replaceOnce(TEXT, 'default: 0.15, min: 0, max: 0.2', 'default: 0.15, min: 0, max: 0.4');
		expect(errorsOf(text)).toEqual([
			`${lineOf(text, 'probability: "p_bold + momentum * wins"')}:44 With momentum = 0.4 (its maximum): the probability "p_bold + momentum * wins" is 1.3 at bold after BOLD/WIN/BOLD/WIN/BOLD, with p_bold = 0.5, momentum = 0.4, wins = 2; it must lie between 0 and 1.`,
			`${lineOf(text, 'probability: "1 - (p_bold + momentum * wins)"')}:45 With momentum = 0.4 (its maximum): the probability "1 - (p_bold + momentum * wins)" is -0.3 at bold after BOLD/WIN/BOLD/WIN/BOLD, with p_bold = 0.5, momentum = 0.4, wins = 2; it must lie between 0 and 1.`
		]);
	});
});
