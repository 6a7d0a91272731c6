import { m } from '../../paraglide/messages.js';
import { ALLOWED_FUNCTIONS } from '../formula/restrictedMath.js';
import { didYouMean } from '../util/didYouMean.js';
import { SPIRAL_OUTPUTS } from './formulaBook.js';
import type { Report } from './Report.js';
import { signalValues } from './signals.js';
import type { Scenario } from './types.js';

/**
 * The machine's context and what uses it: context ids do not clash with
 * the values formulas read; moves assign only declared context values;
 * `always` transitions lead to declared states, not from a final state nor
 * into another state that is left at once (which could loop forever).
 */
export function checkContext(scenario: Scenario, report: Report): void {
	const { lang } = report;
	const locale = { locale: lang };
	const context = new Set(Object.keys(scenario.context));
	const values = new Map<string, string>([
		...scenario.assumptions.map((a) => [a.id, m.val_taken_by_assumption({}, locale)] as const),
		...scenario.derived.map((d) => [d.id, m.val_taken_by_derived({}, locale)] as const),
		...scenario.signals.flatMap((s) => signalValues(s).map((v) => [v.id, m.val_taken_by_signal({ id: s.id }, locale)] as const)),
		...(scenario.spiral ? SPIRAL_OUTPUTS.map((id) => [id, m.val_taken_by_spiral({}, locale)] as const) : [])
	]);
	for (const id of context) {
		const path = ['machine', 'context', id];
		const taken = values.get(id);
		if (taken !== undefined) report.error(path, m.val_context_id_taken({ id, taken }, locale), { key: true });
		else if (id === 'true' || id === 'false' || ALLOWED_FUNCTIONS.has(id) || id in Object.prototype) {
			report.error(path, m.val_context_id_reserved({ id }, locale), { key: true });
		}
	}
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	for (const state of scenario.states) {
		for (const move of state.moves) {
			for (const a of move.assign) {
				if (context.has(a.id)) continue;
				const hint = context.size === 0 ? m.val_assign_declare({}, locale) : didYouMean(a.id, context, lang);
				report.error(a.at, m.val_assign_unknown({ move: move.id, id: a.id, hint }, locale), { key: true });
			}
		}
		if (state.always.length > 0 && state.final) report.error(state.always[0].at, m.val_final_always({ id: state.id }, locale), { key: true });
		for (const a of state.always) {
			const target = states.get(a.target);
			if (!target) report.error([...a.at, 'target'], m.val_always_unknown_target({ state: state.id, target: a.target, hint: didYouMean(a.target, states.keys(), lang) }, locale));
			else if (target.always.length > 0) {
				report.error([...a.at, 'target'], m.val_always_chain({ state: state.id, target: a.target }, locale));
			}
		}
	}
}
