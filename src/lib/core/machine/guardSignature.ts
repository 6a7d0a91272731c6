import { formulaReadsContext } from '../scenario/formulaBook.js';
import type { Values } from '../scenario/resolveValues.js';
import type { ScenarioModel } from './buildMachine.js';

/**
 * The truth value of every guard formula under `values`, as a string of 0s
 * and 1s. Two value sets with the same signature unroll to the same tree
 * structure, so a slider move re-unrolls only when this changes.
 *
 * A guard that reads the machine's context has a truth value per path, and
 * an `assign` formula makes the context itself: for each such formula the
 * signature holds the exact values it reads besides the context, so equal
 * signatures still mean equal trees, contexts included. Pure.
 */
export function guardSignature(model: ScenarioModel, values: Values): string {
	const { scenario, book } = model;
	const formula = (source: string) => book.formulas[book.slotOf.get(source) as number];
	const inContext = (symbol: string) => Object.hasOwn(scenario.context, symbol);
	let signature = '';
	const read = new Set<string>();
	const guard = (source: string | undefined) => {
		if (source === undefined) return;
		const f = formula(source);
		if (formulaReadsContext(book, source)) for (const s of f.symbols) read.add(s);
		else signature += f.evaluate(values) !== 0 ? '1' : '0';
	};
	for (const state of scenario.states) {
		for (const move of state.moves) {
			guard(move.guard);
			for (const a of move.assign) for (const s of formula(a.formula).symbols) read.add(s);
		}
		for (const a of state.always) guard(a.guard);
	}
	for (const s of [...read].sort()) if (!inContext(s)) signature += `|${s}=${values[s]}`;
	return signature;
}
