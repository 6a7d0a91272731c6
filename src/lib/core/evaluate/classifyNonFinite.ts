import { m } from '../../paraglide/messages.js';
import { buildMachine } from '../machine/buildMachine.js';
import type { DeferredNonFinite } from '../scenario/checkFormulas.js';
import type { Report } from '../scenario/Report.js';
import type { Scenario } from '../scenario/types.js';
import { compileTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { evaluate } from './evaluate.js';
import { nonFiniteThatMatters } from './reachability.js';

/**
 * Judges the formulas that validation found not finite at some test points
 * (`checkFormulas`): at each such point the tree is unrolled and evaluated,
 * and the formula is an error if its node is reached there with positive
 * probability, with the values that break it. Where it fails only on
 * branches reached with probability 0, which contribute nothing, it is a
 * note, located. The scenario must be otherwise valid.
 */
export function classifyNonFinite(scenario: Scenario, deferred: readonly DeferredNonFinite[], report: Report): void {
	if (deferred.length === 0) return;
	const locale = { locale: report.lang };
	const model = buildMachine(scenario);
	const judged = new Map<object, ReturnType<typeof nonFiniteThatMatters> | undefined>();
	const mattersAt = (values: DeferredNonFinite['points'][number]['values']) => {
		if (!judged.has(values)) {
			const unrolled = unrollTree(model, { values });
			// A tree that cannot be unrolled here is reported by the evaluation's own checks; judge the formula strictly.
			if (!unrolled.tree) judged.set(values, undefined);
			else {
				const flat = compileTree(unrolled.tree, model);
				judged.set(values, nonFiniteThatMatters(model, flat, evaluate(flat, { values }), values));
			}
		}
		return judged.get(values);
	};
	for (const { site, points } of deferred) {
		const derived = site.derivedId;
		const reached = points.find((point) => {
			const matters = mattersAt(point.values);
			return !matters || (derived ? matters.derived.has(derived) : matters.formulas.has(site.source));
		});
		if (reached) {
			const message = m.val_formula_gives({ what: reached.what, value: reached.value, point: reached.label, read: reached.read }, locale);
			report.error(site.path, m.val_must_be_finite({ message }, locale));
		} else {
			const [first] = points;
			const where = points.length === 1 ? first.label : m.val_and_other_points({ first: first.label, count: points.length - 1 }, locale);
			const message = m.val_formula_gives({ what: first.what, value: first.value, point: where, read: first.read }, locale);
			report.note(site.path, m.val_only_unreached({ message }, locale));
		}
	}
}
