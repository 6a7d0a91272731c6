import { readFileSync } from 'node:fs';
import { mersenne } from 'pure-rand/generator/mersenne';
import { createActor } from 'xstate';
import { buildMachine, compileMachine, createEvaluator, monteCarlo, openMoves, parseScenario, resolveValues, tornado, uniformFrom, walkTable } from '../src/lib/core/index.js';
import { compare, median, sample, type Figure } from './stats.js';
import { syntheticScenario } from './syntheticScenario.js';

function model(text: string) {
	const parsed = parseScenario(text);
	if (!parsed.scenario) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
	return buildMachine(parsed.scenario);
}

export function analysisFigures(): Figure[] {
	const figures: Figure[] = [];
	const shipped = model(readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8'));

	// Tornado over every assumption of the shipped scenario (evaluator warm: trees cached per guard signature).
	const evaluator = createEvaluator(shipped);
	tornado(evaluator);
	// The default tornado sweeps each number over 11 points (it looked at the two ends before: budget 20 ms), so interior extremes are found.
	figures.push({ name: `tornado over all ${shipped.scenario.assumptions.length} assumptions, 11 points each, shipped scenario`, value: median(sample(() => tornado(evaluator))), unit: 'ms', maxValue: 60 });
	tornado(evaluator, { policy: 'fixed' });
	figures.push({ name: 'tornado with the base policy held, 11 points each, shipped scenario', value: median(sample(() => tornado(evaluator, { policy: 'fixed' }))), unit: 'ms', maxValue: 80 });

	figures.push({ name: `Monte Carlo, 1,000 runs, shipped scenario (${evaluator.at({}).flat.size} nodes, ${shipped.scenario.assumptions.filter((a) => a.distribution).length} uncertain assumptions)`, value: median(sample(() => monteCarlo(evaluator, { runs: 1000, seed: 1 }), { runs: 3, ms: 0, warmup: 1 })), unit: 'ms' });

	// Peer-sized: 9,841-node tree, 2 variables × 5 points.
	const big = createEvaluator(model(syntheticScenario({ levels: 8, branching: 3 })));
	tornado(big, { points: 5 });
	figures.push({ name: 'tornado, 9,841-node tree, 2 variables × 5 points', value: median(sample(() => tornado(big, { points: 5 }))), unit: 'ms', maxValue: 60, note: 'peer: 6.2 s' });

	// Peer-sized: 1,000 Monte Carlo runs on a small tree (15 nodes; the peer figure is for 16).
	const small = createEvaluator(model(syntheticScenario({ levels: 3, branching: 2 })));
	figures.push({ name: `Monte Carlo, 1,000 runs, ${small.at({}).flat.size}-node tree`, value: median(sample(() => monteCarlo(small, { runs: 1000, seed: 1 }), { runs: 5, ms: 200 })), unit: 'ms', note: 'peer: 11.9 s on 16 nodes' });

	// Compiled table stepping against XState actor.send on the same seeded walks, with identical end states.
	const values = resolveValues(shipped.scenario, shipped.book);
	const table = compileMachine(shipped, values);
	const walks = Array.from({ length: 200 }, (_, i) => walkTable(table, uniformFrom(mersenne(i + 1))));
	const events = walks.reduce((n, w) => n + w.moves.length, 0);
	const buffer = new Int32Array(16);
	const visits = new Int32Array(table.stateIds.length);
	const stepTable = () => {
		let ends = 0;
		for (const walk of walks) {
			visits.fill(0);
			let s = table.initial;
			visits[s]++;
			for (const m of walk.moves) {
				if (openMoves(table, s, visits, buffer) === 0) throw new Error('closed');
				s = table.target[m];
				visits[s]++;
			}
			ends += s;
		}
		return ends;
	};
	const stepActor = () => {
		let ends = 0;
		for (const walk of walks) {
			const actor = createActor(shipped.machine, { input: { values } }).start();
			for (const m of walk.moves) actor.send({ type: table.moveIds[m] });
			ends += table.stateIds.indexOf(String(actor.getSnapshot().value));
			actor.stop();
		}
		return ends;
	};
	if (stepTable() !== stepActor()) throw new Error('compiled table and XState end in different states');
	const [compiled, actor] = compare(stepTable, stepActor, { runs: 11, ms: 400 });
	figures.push({
		name: `machine stepping, ${walks.length} seeded walks (${events} events, same end states): XState actor.send`,
		value: actor,
		unit: 'ms',
		reference: { name: 'compiled transition table', value: compiled },
		minRatio: 100
	});
	return figures;
}
