import type { ScenarioModel } from '../machine/buildMachine.js';
import { formulaValue } from '../scenario/formulaBook.js';
import type { Values } from '../scenario/resolveValues.js';

/**
 * The scenario's machine as a flat transition table for one set of
 * assumption values: per state a run of moves with target, probability and
 * whether the guard is open; visit bounds per state. Stepping it is plain
 * array indexing, for simulations of many random walks.
 */
export interface MachineTable {
	stateIds: readonly string[];
	moveIds: readonly string[];
	initial: number;
	final: Uint8Array;
	/** -1 for no bound. */
	maxVisits: Int32Array;
	moveStart: Int32Array;
	moveCount: Int32Array;
	target: Int32Array;
	/** NaN where the state's moves give no probability (equally likely among open moves). */
	probability: Float64Array;
	open: Uint8Array;
}

/** Whether the table can follow the machine: not when it carries a context or has `always` transitions. */
export function tableFollows(model: ScenarioModel): boolean {
	return Object.keys(model.scenario.context).length === 0 && model.scenario.states.every((s) => s.always.length === 0);
}

/** Pure; the machine must be one the table follows (`tableFollows`). */
export function compileMachine(model: ScenarioModel, values: Values): MachineTable {
	const { scenario, book } = model;
	if (!tableFollows(model)) throw new Error('compileMachine: the machine carries a context or has "always" transitions; walk the tree instead (walksTheTree)');
	const stateIds = scenario.states.map((s) => s.id);
	const index = new Map(stateIds.map((id, i) => [id, i]));
	const S = stateIds.length;
	const M = scenario.states.reduce((n, s) => n + s.moves.length, 0);
	const table: MachineTable = {
		stateIds,
		moveIds: scenario.states.flatMap((s) => s.moves.map((m) => m.id)),
		initial: index.get(scenario.initial) as number,
		final: new Uint8Array(S),
		maxVisits: new Int32Array(S).fill(-1),
		moveStart: new Int32Array(S),
		moveCount: new Int32Array(S),
		target: new Int32Array(M),
		probability: new Float64Array(M),
		open: new Uint8Array(M)
	};
	const value = (formula: string) => formulaValue(book, formula, values);
	let m = 0;
	scenario.states.forEach((state, s) => {
		table.final[s] = state.final ? 1 : 0;
		if (state.maxVisits !== undefined) table.maxVisits[s] = state.maxVisits;
		table.moveStart[s] = m;
		table.moveCount[s] = state.moves.length;
		for (const move of state.moves) {
			table.target[m] = index.get(move.target) as number;
			table.probability[m] = move.probability === undefined ? NaN : value(move.probability);
			table.open[m] = move.guard === undefined || value(move.guard) !== 0 ? 1 : 0;
			m++;
		}
	});
	return table;
}

/**
 * The moves open in state `s` given the visits so far: guard open and the
 * target's visit bound not reached — the same rule as the XState machine's
 * `formula` and `bounded` guards.
 */
export function openMoves(table: MachineTable, s: number, visits: Int32Array, out: Int32Array): number {
	let n = 0;
	for (let m = table.moveStart[s]; m < table.moveStart[s] + table.moveCount[s]; m++) {
		const t = table.target[m];
		if (table.open[m] && (table.maxVisits[t] < 0 || visits[t] < table.maxVisits[t])) out[n++] = m;
	}
	return n;
}
