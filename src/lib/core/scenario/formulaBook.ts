import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { compileFormula, type CompiledFormula } from '../formula/compileFormula.js';
import type { DocPath } from './Issue.js';
import { signalValues } from './signals.js';
import type { Scenario } from './types.js';

/** Where a formula is written, and its text. */
export interface FormulaSite {
	path: DocPath;
	/** Its key in the scenario's `sourceMap`: `derived.<id>` for a derived value, else the dotted path. */
	key: string;
	source: string;
	/** The value it defines: a derived value's id, or a value a signal gives (`signalValues`). */
	derivedId?: string;
}

export interface FormulaProblem {
	path: DocPath;
	message: string;
	char?: number;
}

/**
 * Every formula of a scenario compiled once, deduplicated by text, and the
 * derived values in an order where each comes after what it reads.
 */
export interface FormulaBook {
	/** Distinct formulas; a slot index is a position here. */
	readonly formulas: readonly CompiledFormula[];
	readonly slotOf: ReadonlyMap<string, number>;
	/** 1 for each formula (by slot) that reads the machine's context: its value depends on where on the tree it is read. */
	readonly readsContext: Uint8Array;
	readonly derivedOrder: readonly { id: string; formula: CompiledFormula }[];
}

/** The values the spiral model gives formulas: its risk, growth rate, and 1 when stable. */
export const SPIRAL_OUTPUTS = ['spiral_risk', 'spiral_growth', 'spiral_stable'] as const;

const SPIRAL_FIELDS = ['start', 'reaction', 'restraint', 'grievance'] as const;

/** The value of a formula of the book (by its text) at these values. */
export function formulaValue(book: FormulaBook, source: string, values: Readonly<Record<string, number>>): number {
	const slot = book.slotOf.get(source);
	if (slot === undefined) throw new Error(`formulaValue: "${source}" is not a formula of this scenario`);
	return book.formulas[slot].evaluate(values);
}

/** Whether a formula of the book (by its text) reads the machine's context. */
export function formulaReadsContext(book: FormulaBook, source: string): boolean {
	const slot = book.slotOf.get(source);
	return slot !== undefined && book.readsContext[slot] === 1;
}

/** Every formula site of a scenario, in document order. */
export function formulaSites(scenario: Scenario): FormulaSite[] {
	const sites: FormulaSite[] = [];
	const add = (path: string[], source: string) => sites.push({ path, key: path.join('.'), source });
	if (scenario.spiral) {
		for (const side of ['x', 'y'] as const) {
			for (const field of SPIRAL_FIELDS) add(['spiral', side, field], scenario.spiral[side][field]);
		}
	}
	if (scenario.risk) add(['risk', 'tolerance'], scenario.risk.tolerance);
	scenario.actors.forEach((a, i) => {
		if (a.rationality !== undefined) sites.push({ path: ['actors', i, 'rationality'], key: `actors.${a.id}.rationality`, source: a.rationality });
	});
	scenario.derived.forEach((d, i) => sites.push({ path: ['derived', i, 'formula'], key: `derived.${d.id}`, source: d.formula, derivedId: d.id }));
	for (const signal of scenario.signals) {
		for (const v of signalValues(signal)) sites.push({ path: [...v.at], key: `signals.${signal.id}.${v.id}`, source: v.formula, derivedId: v.id });
	}
	for (const state of scenario.states) {
		const base = ['machine', 'states', state.id];
		for (const [criterion, source] of Object.entries(state.payoffs)) add([...base, 'meta', 'payoffs', criterion], source);
		for (const move of state.moves) {
			const at = [...base, 'on', move.id];
			if (move.guard !== undefined) add([...at, 'guard', 'params', 'expr'], move.guard);
			if (move.probability !== undefined) add([...at, 'meta', 'probability'], move.probability);
			for (const [criterion, source] of Object.entries(move.payoffs)) add([...at, 'meta', 'payoffs', criterion], source);
			for (const a of move.assign) sites.push({ path: a.at, key: a.at.join('.'), source: a.formula });
		}
		for (const a of state.always) {
			if (a.guard !== undefined) sites.push({ path: [...a.at, 'guard', 'params', 'expr'], key: [...a.at, 'guard', 'params', 'expr'].join('.'), source: a.guard });
		}
	}
	return sites;
}

/** Compiles every formula of the scenario; problems carry the formula's path and are told in `lang`. Pure. */
export function compileFormulaBook(scenario: Scenario, lang: Locale = 'en'): { book: FormulaBook; problems: FormulaProblem[] } {
	const locale = { locale: lang };
	const assumptionIds = new Set(scenario.assumptions.map((a) => a.id));
	const contextIds = new Set(Object.keys(scenario.context));
	const known = new Set([...assumptionIds, ...derivedValues(scenario).map((d) => d.id), ...(scenario.spiral ? SPIRAL_OUTPUTS : []), ...contextIds]);
	const problems: FormulaProblem[] = [];
	const formulas: CompiledFormula[] = [];
	const slotOf = new Map<string, number>();
	const failed = new Set<string>();
	for (const site of formulaSites(scenario)) {
		// The spiral is computed right after the assumptions, so it reads only those.
		if (site.path[0] === 'spiral') {
			const own = compileFormula(site.source, assumptionIds, lang);
			if (!own.ok) {
				problems.push({ path: site.path, message: m.val_spiral_reads_assumptions({ message: own.message }, locale), char: own.char });
				failed.add(site.source);
				continue;
			}
		}
		if (!slotOf.has(site.source) && !failed.has(site.source)) {
			const result = compileFormula(site.source, known, lang);
			if (result.ok) {
				slotOf.set(site.source, formulas.length);
				formulas.push(result.formula);
			} else {
				problems.push({ path: site.path, message: result.message, char: result.char });
				failed.add(site.source);
			}
		}
		// The context changes along a path: only the machine's own formulas, evaluated on the path, can read it.
		const slot = slotOf.get(site.source);
		const read = slot === undefined || site.path[0] === 'machine' ? undefined : formulas[slot].symbols.find((s) => contextIds.has(s));
		if (read !== undefined) {
			const why = (site.path[0] === 'derived' ? m.val_derived_once : m.val_formula_once)({}, locale);
			problems.push({ path: site.path, message: m.val_context_outside_machine({ name: read, why }, locale), char: site.source.search(new RegExp(`(?<![A-Za-z0-9_])${read}(?![A-Za-z0-9_])`)) + 1 });
		}
	}
	const readsContext = Uint8Array.from(formulas, (f) => (f.symbols.some((s) => contextIds.has(s)) ? 1 : 0));
	const derivedOrder = orderDerived(scenario, formulas, slotOf, problems, lang);
	return { book: { formulas, slotOf, readsContext, derivedOrder }, problems };
}

/** Depth-first topological order of derived values; a cycle is a problem, named. */
function orderDerived(
	scenario: Scenario,
	formulas: CompiledFormula[],
	slotOf: Map<string, number>,
	problems: FormulaProblem[],
	lang: Locale
): { id: string; formula: CompiledFormula }[] {
	const byId = new Map(derivedValues(scenario).map((d) => [d.id, { d }]));
	const order: { id: string; formula: CompiledFormula }[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (id: string, trail: string[]): boolean => {
		const entry = byId.get(id);
		if (!entry) return true;
		if (state.get(id) === 'done') return true;
		if (state.get(id) === 'visiting') {
			const cycle = [...trail.slice(trail.indexOf(id)), id].join(' → ');
			problems.push({ path: entry.d.path, message: m.val_derived_cycle({ cycle }, { locale: lang }) });
			return false;
		}
		const slot = slotOf.get(entry.d.formula);
		if (slot === undefined) return false;
		state.set(id, 'visiting');
		for (const symbol of formulas[slot].symbols) if (!visit(symbol, [...trail, id])) return false;
		state.set(id, 'done');
		order.push({ id, formula: formulas[slot] });
		return true;
	};
	for (const d of derivedValues(scenario)) visit(d.id, []);
	return order;
}

/** Every value computed from a formula before the tree: derived values, then what signals give. */
function derivedValues(scenario: Scenario): { id: string; formula: string; path: DocPath }[] {
	return [
		...scenario.derived.map((d, i) => ({ id: d.id, formula: d.formula, path: ['derived', i, 'formula'] })),
		...scenario.signals.flatMap((signal) => signalValues(signal).map((v) => ({ id: v.id, formula: v.formula, path: [...v.at] })))
	];
}
