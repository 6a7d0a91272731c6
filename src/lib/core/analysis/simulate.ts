import { mersenne } from 'pure-rand/generator/mersenne';
import type { ScenarioModel } from '../machine/buildMachine.js';
import type { Values } from '../scenario/resolveValues.js';
import { compileMachine, openMoves, type MachineTable } from './compileMachine.js';
import { uniformFrom, type Uniform } from './distributions.js';

export interface Walk {
	moves: string[];
	end: string;
}

export interface SimulationResult {
	runs: number;
	seed: number;
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
	return {
		runs,
		seed,
		endStates: [...ends].map(([s, n]) => ({ state: table.stateIds[s], share: n / runs })).sort((a, b) => b.share - a.share || a.state.localeCompare(b.state)),
		paths: [...paths].map(([path, n]) => ({ path, share: n / runs })).sort((a, b) => b.share - a.share || a.path.localeCompare(b.path)).slice(0, options.topPaths ?? 20),
		distinctPaths: paths.size,
		meanLength: steps / runs
	};
}
