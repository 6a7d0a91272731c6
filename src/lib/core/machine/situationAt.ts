import type { AnyMachineSnapshot } from 'xstate';
import { formulaValue } from '../scenario/formulaBook.js';
import type { Values } from '../scenario/resolveValues.js';
import type { Move, State } from '../scenario/types.js';
import { scopeOf, type ScenarioContext, type ScenarioModel } from './buildMachine.js';
import { createStepper } from './createStepper.js';

/** A move open in a state, with its probability where the state is a chance move for the perspective. */
export interface OpenMove {
	move: Move;
	probability?: number;
}

/** Where a walk of moves from the initial state stands. */
export interface Situation {
	snapshot: AnyMachineSnapshot;
	state: State;
	/** How many of the walk's moves the machine took. */
	applied: number;
	/** The first move the machine refused, if any: the walk stops before it. */
	refused?: string;
	/** Moves open here under the values, in the scenario's order; none in a final state. */
	moves: OpenMove[];
}

/**
 * Replays `walk` through the scenario's XState machine (its own transition
 * logic, guards read `values`) and lists the moves open where it stops.
 * A chance state's moves carry their probability: the move's formula, or
 * equal shares among the open moves when the scenario gives none. Pure.
 */
export function situationAt(model: ScenarioModel, options: { values: Values; perspective: string; walk: readonly string[] }): Situation {
	const stepper = createStepper(model, options.values);
	let snapshot = stepper.initial;
	let applied = 0;
	for (const type of options.walk) {
		if (!snapshot.can({ type })) break;
		snapshot = stepper.step(snapshot, { type });
		applied++;
	}
	const state = model.scenario.states.find((s) => s.id === String(snapshot.value));
	if (!state) throw new Error(`situationAt: the machine is in unknown state "${String(snapshot.value)}"`);
	const open = state.final ? [] : state.moves.filter((m) => snapshot.can({ type: m.id }));
	const chance = state.actor !== options.perspective;
	// A move's probability reads the machine's context where the walk stands.
	const scope = scopeOf(options.values, (snapshot.context as ScenarioContext).vars);
	const moves = open.map((move) => ({
		move,
		probability: !chance ? undefined : move.probability === undefined ? 1 / open.length : formulaValue(model.book, move.probability, scope)
	}));
	return { snapshot, state, applied, refused: applied < options.walk.length ? options.walk[applied] : undefined, moves };
}
