import type { Values } from '../scenario/resolveValues.js';
import type { ScenarioModel } from './buildMachine.js';

/**
 * The truth value of every guard formula under `values`, as a string of 0s
 * and 1s. Two value sets with the same signature unroll to the same tree
 * structure, so a slider move re-unrolls only when this changes. Pure.
 */
export function guardSignature(model: ScenarioModel, values: Values): string {
	let signature = '';
	for (const state of model.scenario.states) {
		for (const move of state.moves) {
			if (move.guard === undefined) continue;
			const formula = model.book.formulas[model.book.slotOf.get(move.guard) as number];
			signature += formula.evaluate(values) !== 0 ? '1' : '0';
		}
	}
	return signature;
}
