import { mersenne } from 'pure-rand/generator/mersenne';
import type { Evaluation } from '../evaluate/evaluate.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import { someoneChooses } from '../tree/actorPlay.js';
import { KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import type { Values } from '../scenario/resolveValues.js';
import { compileMachine, openMoves, tableFollows, type MachineTable } from './compileMachine.js';
import { uniformFrom, type Uniform } from './distributions.js';

export interface Walk {
	moves: string[];
	end: string;
}

export interface SimulationResult {
	runs: number;
	seed: number;
	/** How the perspective's decisions were taken: at random among the open moves, or by the optimal policy. */
	decisions: 'random' | 'optimal';
	/** End state → share of walks. */
	endStates: { state: string; share: number }[];
	/** Distinct paths (moves joined by "/") → share, most frequent first, at most `topPaths`. */
	paths: { path: string; share: number }[];
	distinctPaths: number;
	meanLength: number;
}

/**
 * One random walk on the table from the initial state: each move drawn by
 * its probability among the open moves (equally likely where the state gives
 * none). Returns move indices into `table.moveIds`.
 */
export function walkTable(table: MachineTable, u: Uniform, maxSteps = 1000): { moves: number[]; end: number } {
	const visits = new Int32Array(table.stateIds.length);
	const buffer = new Int32Array(Math.max(1, ...table.moveCount));
	const moves: number[] = [];
	let s = table.initial;
	visits[s]++;
	while (!table.final[s]) {
		if (moves.length >= maxSteps) throw new Error(`simulate: a walk passed ${maxSteps} moves`);
		const n = openMoves(table, s, visits, buffer);
		if (n === 0) throw new Error(`simulate: no move is open in state "${table.stateIds[s]}"`);
		let chosen = buffer[n - 1];
		const x = u();
		const uniform = Number.isNaN(table.probability[buffer[0]]);
		let acc = 0;
		for (let k = 0; k < n; k++) {
			acc += uniform ? 1 / n : table.probability[buffer[k]];
			if (x < acc) {
				chosen = buffer[k];
				break;
			}
		}
		moves.push(chosen);
		s = table.target[chosen];
		visits[s]++;
	}
	return { moves, end: s };
}

/**
 * Whether random walks must go down the evaluated tree (`simulatePolicy`)
 * rather than the machine's flat table (`simulate`): where another actor
 * chooses for itself (its choices come from the evaluation), or where the
 * machine carries a context or leaves states by `always` transitions,
 * which the table does not follow. Pure.
 */
export function walksTheTree(model: ScenarioModel, flat: FlatTree): boolean {
	return someoneChooses(flat) || !tableFollows(model);
}

/**
 * Seeded random walks through the escalation machine on its compiled
 * table: frequencies of end states and of paths. Decision states are walked
 * as if each open move were equally likely, unless their moves give
 * probabilities. Pure given the seed.
 */
export function simulate(model: ScenarioModel, values: Values, options: { runs?: number; seed?: number; topPaths?: number } = {}): SimulationResult {
	const runs = options.runs ?? 10000;
	const seed = options.seed ?? 1;
	const table = compileMachine(model, values);
	const u = uniformFrom(mersenne(seed));
	const ends = new Map<number, number>();
	const paths = new Map<string, number>();
	let steps = 0;
	for (let r = 0; r < runs; r++) {
		const walk = walkTable(table, u);
		ends.set(walk.end, (ends.get(walk.end) ?? 0) + 1);
		const path = walk.moves.map((m) => table.moveIds[m]).join('/');
		paths.set(path, (paths.get(path) ?? 0) + 1);
		steps += walk.moves.length;
	}
	return summary(runs, seed, 'random', ends, (s) => table.stateIds[s], paths, steps, options.topPaths);
}

/**
 * Seeded walks down the evaluated tree that take the optimal policy at every
 * decision of the perspective (or, with `decisions: 'random'`, one of its
 * moves at random) and draw every other move by its probability — for an
 * actor that chooses for itself, the share its strategic or bounded choice
 * gives it, which assumes the perspective's later decisions are optimal.
 * With the optimal policy, the paths a crisis may take if the recommended
 * policy is followed; their shares converge on the tree's probabilities of
 * reaching each outcome under that policy. Pure given the seed.
 */
export function simulatePolicy(flat: FlatTree, evaluation: Evaluation, options: { runs?: number; seed?: number; topPaths?: number; decisions?: 'optimal' | 'random' } = {}): SimulationResult {
	const decisions = options.decisions ?? 'optimal';
	const runs = options.runs ?? 10000;
	const seed = options.seed ?? 1;
	const u = uniformFrom(mersenne(seed));
	const { nodes } = flat.tree;
	const ends = new Map<number, number>();
	const paths = new Map<string, number>();
	let steps = 0;
	for (let r = 0; r < runs; r++) {
		let i = 0;
		while (flat.childCount[i] > 0) {
			const start = flat.childStart[i];
			const n = flat.childCount[i];
			if (flat.kind[i] === KIND_DECISION) i = decisions === 'optimal' ? evaluation.best[i] : start + Math.min(n - 1, Math.floor(u() * n));
			else {
				const x = u();
				let acc = 0;
				let next = -1;
				for (let k = 0; k < n; k++) {
					const p = evaluation.probability[start + k];
					if (p <= 0) continue;
					next = start + k;
					acc += p;
					if (x < acc) break;
				}
				i = next;
			}
			if (i < 0) throw new Error('simulate: a chance node has no move with a positive probability');
			steps++;
		}
		ends.set(i, (ends.get(i) ?? 0) + 1);
		paths.set(nodes[i].path, (paths.get(nodes[i].path) ?? 0) + 1);
	}
	// Outcomes are counted by state, as the random walks count them.
	const byState = new Map<string, number>();
	for (const [i, count] of ends) byState.set(nodes[i].state, (byState.get(nodes[i].state) ?? 0) + count);
	const states = [...byState.keys()];
	return summary(runs, seed, decisions, new Map(states.map((state, k) => [k, byState.get(state)!])), (k) => states[k], paths, steps, options.topPaths);
}

function summary(runs: number, seed: number, decisions: SimulationResult['decisions'], ends: Map<number, number>, stateOf: (s: number) => string, paths: Map<string, number>, steps: number, topPaths = 20): SimulationResult {
	return {
		runs,
		seed,
		decisions,
		endStates: [...ends].map(([s, n]) => ({ state: stateOf(s), share: n / runs })).sort((a, b) => b.share - a.share || a.state.localeCompare(b.state)),
		paths: [...paths].map(([path, n]) => ({ path, share: n / runs })).sort((a, b) => b.share - a.share || a.path.localeCompare(b.path)).slice(0, topPaths),
		distinctPaths: paths.size,
		meanLength: steps / runs
	};
}
