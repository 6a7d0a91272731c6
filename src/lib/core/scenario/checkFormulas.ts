import { m } from '../../paraglide/messages.js';
import type { FormulaBook, FormulaProblem, FormulaSite } from './formulaBook.js';
import { formulaReadsContext, formulaSites, formulaValue } from './formulaBook.js';
import type { Report } from './Report.js';
import { resolveValues, type Values } from './resolveValues.js';
import { testPoints } from './testPoints.js';
import { valuesRead } from './valuesRead.js';
import type { Scenario } from './types.js';

const TOLERANCE = 1e-9;

/**
 * A derived value, probability or payoff that is not finite at some test
 * points: an error only if its node is reached there with positive
 * probability, which needs the tree (`classifyNonFinite`).
 */
export interface DeferredNonFinite {
	site: FormulaSite;
	/** Each test point where it fails: what failed, its value there, and the values it read (`" (it reads …)"`, or ""). */
	points: { label: string; values: Values; what: string; value: number; read: string }[];
}

/** A move's probability or a payoff, on the tree: with derived values, what may fail harmlessly on a branch never reached. */
function onTheTree(path: readonly (string | number)[]): boolean {
	return (path[0] === 'machine' && (path.includes('payoffs') || path[path.length - 1] === 'probability'));
}

/**
 * Reports formula problems where they are written, then evaluates every
 * formula at each test point: results must be finite, probabilities within
 * 0..1, rationalities 0 or more, and the probabilities of a state's open
 * moves must sum to 1. Derived values, probabilities and payoffs that are
 * not finite are returned instead of reported, to be judged where their
 * nodes are reached.
 */
export function checkFormulas(scenario: Scenario, book: FormulaBook, problems: FormulaProblem[], report: Report): DeferredNonFinite[] {
	for (const problem of problems) {
		report.error(problem.path, problem.message, problem.char === undefined ? undefined : { char: problem.char });
	}
	if (problems.length > 0) return [];
	const locale = { locale: report.lang };

	const points = testPoints(scenario, report.lang).map((point) => ({
		label: point.label,
		values: resolveValues(scenario, book, point.overrides)
	}));
	const valueOf = (source: string, values: Values) => formulaValue(book, source, values);
	// A formula that reads the machine's context has a value per path: it is judged on the tree at each point (`checkOnTree`).
	const contextual = (source: string) => formulaReadsContext(book, source);

	// A formula that fails only because it reads a failing derived value is
	// left to the derived value's own report: one cause, one error.
	const derivedIds = new Set(book.derivedOrder.map((d) => d.id));
	const nonFinite = new Set<string>();
	const deferred: DeferredNonFinite[] = [];
	// What formulas read: a value a signal offers but nothing reads is not judged at all.
	const read = new Set([...book.formulas.flatMap((f) => f.symbols)]);
	for (const site of formulaSites(scenario)) {
		if (nonFinite.has(site.source)) continue;
		const fromSignal = site.key.startsWith('signals.');
		if (fromSignal && !read.has(site.derivedId as string)) continue;
		if (contextual(site.source)) continue;
		const { symbols } = book.formulas[book.slotOf.get(site.source) as number];
		const excusable = site.derivedId !== undefined || onTheTree(site.path);
		const failing: DeferredNonFinite['points'] = [];
		for (const point of points) {
			const value = valueOf(site.source, point.values);
			if (Number.isFinite(value)) continue;
			// A formula that fails because it reads a failing derived value is the derived value's problem.
			if (symbols.some((s) => derivedIds.has(s) && !Number.isFinite(point.values[s]))) {
				if (excusable) continue;
				nonFinite.add(site.source);
				break;
			}
			const read = symbols.length > 0 ? m.val_it_reads({ values: valuesRead(symbols, point.values) }, locale) : '';
			// A signal's value is named, its formula being the engine's.
			const what = fromSignal ? m.val_the_value({ id: String(site.derivedId), formula: site.source }, locale) : m.val_the_formula({}, locale);
			if (!excusable) {
				nonFinite.add(site.source);
				report.error(site.path, m.val_must_be_finite({ message: m.val_formula_gives({ what, value, point: point.label, read }, locale) }, locale));
				break;
			}
			failing.push({ label: point.label, values: point.values, what, value, read });
		}
		if (failing.length > 0) deferred.push({ site, points: failing });
	}
	if (nonFinite.size > 0) return deferred;

	scenario.actors.forEach((actor, i) => {
		if (actor.rationality === undefined) return;
		const low = points.find((point) => valueOf(actor.rationality as string, point.values) < 0);
		if (!low) return;
		const { symbols } = book.formulas[book.slotOf.get(actor.rationality) as number];
		const read = symbols.length > 0 ? m.val_it_reads({ values: valuesRead(symbols, low.values) }, locale) : '';
		report.error(['actors', i, 'rationality'], m.val_rationality_negative({ id: actor.id, value: round(valueOf(actor.rationality, low.values)), point: low.label, read }, locale));
	});

	if (scenario.risk) {
		const tolerance = scenario.risk.tolerance;
		const zero = points.find((point) => valueOf(tolerance, point.values) === 0);
		if (zero) report.error(['risk', 'tolerance'], m.val_risk_tolerance_zero({ point: zero.label }, locale));
	}

	// Signals: priors, and each state's chances of the results, lie in 0..1 and sum to 1.
	let signalsBad = false;
	for (const signal of scenario.signals) {
		const rows = [
			{ what: m.val_signal_priors({}, locale), terms: signal.states.map((s) => ({ formula: s.prior, at: s.at, name: s.id })) },
			...signal.states.map((s) => ({
				what: m.val_signal_chances_if({ state: s.id }, locale),
				terms: signal.results.flatMap((r) => (r.likelihood[s.id] ? [{ formula: r.likelihood[s.id].formula, at: r.likelihood[s.id].at, name: r.id }] : []))
			}))
		];
		for (const row of rows) {
			const bad = points.find((point) => {
				const values = row.terms.map((t) => valueOf(t.formula, point.values));
				const outside = values.findIndex((v) => v < -TOLERANCE || v > 1 + TOLERANCE);
				if (outside >= 0) {
					report.error([...row.terms[outside].at], m.val_signal_chance_outside({ id: signal.id, name: row.terms[outside].name, value: round(values[outside]), point: point.label }, locale));
					return true;
				}
				const sum = values.reduce((a, b) => a + b, 0);
				if (Math.abs(sum - 1) > TOLERANCE) {
					report.error([...row.terms[0].at], m.val_signal_sum({ id: signal.id, what: row.what, sum: round(sum), point: point.label }, locale));
					return true;
				}
				return false;
			});
			if (bad) {
				signalsBad = true;
				break;
			}
		}
	}
	// The moves' probabilities read the signals: their sums follow from the signal's own.
	if (signalsBad) return deferred;

	for (const state of scenario.states) {
		const withProbability = state.moves.filter((m) => m.probability !== undefined);
		if (withProbability.length === 0) continue;
		const alongPaths = state.moves.some((m) => contextual(m.probability ?? '0') || (m.guard !== undefined && contextual(m.guard)));
		const base = ['machine', 'states', state.id];
		if (withProbability.length < state.moves.length) {
			const missing = state.moves.filter((m) => m.probability === undefined).map((m) => m.id);
			report.error([...base, 'on'], m.val_probability_all_or_none({ id: state.id, missing: missing.join(', ') }, locale), { key: true });
			continue;
		}
		if (alongPaths) continue;
		for (const point of points) {
			let sum = 0;
			let open = 0;
			let bad = false;
			for (const move of state.moves) {
				if (move.guard !== undefined && valueOf(move.guard, point.values) === 0) continue;
				const p = valueOf(move.probability as string, point.values);
				if (p < -TOLERANCE || p > 1 + TOLERANCE) {
					report.error([...base, 'on', move.id, 'meta', 'probability'], m.val_move_probability_outside({ id: move.id, value: round(p), point: point.label }, locale));
					bad = true;
					break;
				}
				sum += p;
				open++;
			}
			if (bad) break;
			if (open > 0 && Math.abs(sum - 1) > TOLERANCE) {
				const by = sum > 1 ? m.val_over_by({ amount: round(sum - 1) }, locale) : m.val_short_by({ amount: round(1 - sum) }, locale);
				report.error(base, m.val_state_probability_sum({ id: state.id, sum: round(sum), point: point.label, by }, locale), { key: true });
				break;
			}
		}
	}
	return deferred;
}

function round(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}
