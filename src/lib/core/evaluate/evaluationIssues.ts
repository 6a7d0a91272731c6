import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { scopeOf, type ScenarioModel } from '../machine/buildMachine.js';
import { formulaSites } from '../scenario/formulaBook.js';
import type { Issue } from '../scenario/Issue.js';
import type { Values } from '../scenario/resolveValues.js';
import { valuesRead } from '../scenario/valuesRead.js';
import type { FlatTree } from '../tree/compileTree.js';
import type { Evaluation } from './evaluate.js';
import { nonFiniteThatMatters, slotsOnTree } from './reachability.js';

/**
 * What makes an evaluation meaningless under the current assumption values,
 * as located issues: a formula (or derived value) that is not a finite
 * number, and chance nodes whose probabilities do not sum to 1 — naming
 * the state, the path and by how much. A non-finite value is reported once,
 * where its formula is written, with the values it read; formulas that are
 * not finite only because they read it are not reported again, and one
 * used only on branches reached with probability 0 is not reported (see
 * `nonFiniteThatMatters`). Messages are in `lang`. Pure.
 */
export function evaluationIssues(model: ScenarioModel, flat: FlatTree, evaluation: Evaluation, values: Values, lang: Locale = 'en'): Issue[] {
	const { scenario, book } = model;
	const locale = { locale: lang };
	const after = (path: string) => (path ? m.val_after_path({ path }, locale) : m.val_after_start({}, locale));
	const at = (key: string) => scenario.sourceMap[key] ?? { line: 1, column: 1 };
	const issues: Issue[] = [];
	const derivedIds = new Set(book.derivedOrder.map((d) => d.id));
	const readsNonFinite = (symbols: readonly string[]) => symbols.some((s) => derivedIds.has(s) && !Number.isFinite(values[s]));
	const reported = new Set<string>();
	const slots = slotsOnTree(flat, evaluation);
	const matters = nonFiniteThatMatters(model, flat, evaluation, values, slots);
	const contextual = contextualProblems(flat, evaluation, slots.reached);
	for (const site of formulaSites(scenario)) {
		const slot = book.slotOf.get(site.source);
		if (slot === undefined) continue;
		const formula = book.formulas[slot];
		if (flat.readsContext[slot]) {
			const problem = contextual.get(slot);
			if (problem && !reported.has(site.source)) {
				reported.add(site.source);
				const node = flat.tree.nodes[problem.node];
				const read = valuesRead(formula.symbols, scopeOf(values, problem.context));
				const where = m.val_at_state({ state: node.state, after: after(node.path) }, locale);
				const message = problem.probability
					? m.val_probability_on_path({ formula: site.source, value: +problem.value.toFixed(6), where, read }, locale)
					: m.val_formula_on_path({ formula: site.source, value: problem.value, where, read }, locale);
				issues.push({ severity: 'error', path: site.path, ...at(site.key), message });
			}
			continue;
		}
		const derived = site.derivedId === undefined ? undefined : { id: site.derivedId };
		// A derived value is computed before the tree and may be read by no node, so its value comes from `values`.
		const value = derived ? values[derived.id] : evaluation.slotValues[slot];
		if (Number.isFinite(value) || readsNonFinite(formula.symbols) || (!derived && reported.has(site.source))) continue;
		// Used only on branches reached with probability 0, it contributes nothing.
		if (derived ? !matters.derived.has(derived.id) : !matters.formulas.has(site.source)) continue;
		if (!derived) reported.add(site.source);
		const read = formula.symbols.length > 0 ? m.val_with_values({ values: valuesRead(formula.symbols, values) }, locale) : '';
		const what = derived ? m.val_derived_named({ id: derived.id, formula: site.source }, locale) : m.val_formula_named({ formula: site.source }, locale);
		issues.push({ severity: 'error', path: site.path, ...at(site.key), message: m.val_not_finite({ what, value, read }, locale) });
	}
	// A probability outside 0..1 can still sum to 1 with its siblings: the static check cannot see those that read the context.
	if ([...contextual.values()].some((p) => p.probability)) return issues;
	for (const { node, sum } of evaluation.problems) {
		// A sum that is not finite comes from a probability reported above.
		if (!Number.isFinite(sum)) continue;
		const n = flat.tree.nodes[node];
		const by = sum > 1 ? m.val_over_by({ amount: +(sum - 1).toFixed(6) }, locale) : m.val_short_by({ amount: +(1 - sum).toFixed(6) }, locale);
		const { line, column } = at(`machine.states.${n.state}`);
		issues.push({
			severity: 'error',
			path: ['machine', 'states', n.state, 'on'],
			line,
			column,
			message: m.val_node_probability_sum({ state: n.state, after: after(n.path), sum: +sum.toFixed(6), by }, locale)
		});
	}
	return issues;
}

interface ContextualProblem {
	node: number;
	context: Readonly<Record<string, number>>;
	value: number;
	/** The value is a probability outside 0..1 (else it is not finite). */
	probability: boolean;
}

/**
 * The first problem of each formula that reads the machine's context, at the
 * contexts where the tree uses it: not a finite number on a move into a
 * node reached with positive probability, or, as a move's probability, a
 * number outside 0..1. Keyed by the formula's slot. Pure.
 */
function contextualProblems(flat: FlatTree, evaluation: Evaluation, reached: Uint8Array): Map<number, ContextualProblem> {
	const out = new Map<number, ContextualProblem>();
	if (flat.contextual.length === 0) return out;
	const B = flat.formulas.length;
	const probability = new Uint8Array(B + flat.contextual.length);
	for (const slot of flat.edgeProbabilitySlot) if (slot >= 0) probability[slot] = 1;
	flat.contextual.forEach(({ formula, context, node }, k) => {
		if (out.has(formula)) return;
		const value = evaluation.slotValues[B + k];
		if (!Number.isFinite(value)) {
			if (reached[B + k]) out.set(formula, { node, context, value, probability: false });
		} else if (probability[B + k] && (value < -1e-9 || value > 1 + 1e-9)) out.set(formula, { node, context, value, probability: true });
	});
	return out;
}
