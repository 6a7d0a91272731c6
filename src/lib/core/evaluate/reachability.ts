import type { ScenarioModel } from '../machine/buildMachine.js';
import type { Values } from '../scenario/resolveValues.js';
import { formulaOfSlot, type FlatTree } from '../tree/compileTree.js';
import type { Evaluation } from './evaluate.js';

/** The formulas and derived values whose non-finite value matters: they reach a node reached with positive probability. */
export interface NonFiniteThatMatters {
	/** Formula texts. */
	formulas: Set<string>;
	/** Derived value ids. */
	derived: Set<string>;
}

/**
 * Which non-finite formulas make an evaluation meaningless. A formula
 * matters where it is used on the move into a node that is reached with
 * positive probability (or with a probability that is itself not a
 * number), or where it is used off the tree (guards, rationality); a
 * derived value matters where such a formula reads it, directly or through
 * other derived values. A formula used only on branches reached with
 * probability 0 does not: those branches contribute nothing. Pure.
 */
export function nonFiniteThatMatters(model: ScenarioModel, flat: FlatTree, evaluation: Evaluation, values: Values, slots = slotsOnTree(flat, evaluation)): NonFiniteThatMatters {
	const { book, scenario } = model;
	const S = flat.formulas.length + flat.contextual.length;
	const { onTree, reached } = slots;
	const derivedFormula = new Map(book.derivedOrder.map((d) => [d.id, d.formula]));
	const out: NonFiniteThatMatters = { formulas: new Set(), derived: new Set() };
	const addDerived = (symbols: readonly string[]) => {
		for (const s of symbols) {
			const formula = derivedFormula.get(s);
			if (!formula || out.derived.has(s) || Number.isFinite(values[s])) continue;
			out.derived.add(s);
			addDerived(formula.symbols);
		}
	};
	// A derived value's own formula matters only through what reads it.
	const derivedSlot = new Uint8Array(S);
	for (const d of book.derivedOrder) derivedSlot[book.slotOf.get(d.formula.source) as number] = 1;
	for (let slot = 0; slot < S; slot++) {
		// A formula that reads the machine's context has values only at its contexts (the slots past the book's).
		if (slot < flat.formulas.length && flat.readsContext[slot]) continue;
		if (onTree[slot] ? !reached[slot] : derivedSlot[slot]) continue;
		const value = evaluation.slotValues[slot];
		if (Number.isFinite(value)) continue;
		const formula = book.formulas[formulaOfSlot(flat, slot)];
		out.formulas.add(formula.source);
		addDerived(formula.symbols);
	}
	// Derived values read by no formula at all (shown in the workbench only) still must be finite.
	const read = new Set(book.formulas.flatMap((f) => f.symbols));
	for (const d of book.derivedOrder) for (const s of d.formula.symbols) read.add(s);
	// A value a signal gives that nothing reads is only offered; an author's own derived value is shown, so it must be finite.
	for (const d of scenario.derived) if (!read.has(d.id) && !Number.isFinite(values[d.id])) addDerived([d.id]);
	return out;
}

/** Which slots the tree uses (on the move into some node), and which on a move into a node reached with positive probability or one that is not a number. Pure. */
export function slotsOnTree(flat: FlatTree, evaluation: Evaluation): { onTree: Uint8Array; reached: Uint8Array } {
	const S = flat.formulas.length + flat.contextual.length;
	const onTree = new Uint8Array(S);
	const reached = new Uint8Array(S);
	const mark = (e: number, into: Uint8Array) => {
		if (flat.edgeProbabilitySlot[e] >= 0) into[flat.edgeProbabilitySlot[e]] = 1;
		for (let t = flat.payoffStart[e]; t < flat.payoffStart[e + 1]; t++) into[flat.payoffSlot[t]] = 1;
	};
	const { reach } = evaluation;
	for (let i = 0; i < flat.size; i++) {
		mark(flat.edge[i], onTree);
		if (reach[i] !== 0) mark(flat.edge[i], reached);
	}
	return { onTree, reached };
}
