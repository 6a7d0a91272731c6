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
	const context = new Set(Object.keys(scenario.context));
	const values = new Map<string, string>([
		...scenario.assumptions.map((a) => [a.id, 'an assumption'] as const),
		...scenario.derived.map((d) => [d.id, 'a derived value'] as const),
		...scenario.signals.flatMap((s) => signalValues(s).map((v) => [v.id, `a value signal "${s.id}" gives`] as const)),
		...(scenario.spiral ? SPIRAL_OUTPUTS.map((id) => [id, 'a value of the spiral model'] as const) : [])
	]);
	for (const id of context) {
		const path = ['machine', 'context', id];
		const taken = values.get(id);
		if (taken !== undefined) report.error(path, `The context value "${id}" has the id of ${taken}; formulas could not tell them apart. Rename one.`, { key: true });
		else if (id === 'true' || id === 'false' || ALLOWED_FUNCTIONS.has(id) || id in Object.prototype) {
			report.error(path, `"${id}" is a name formulas already use; choose another id for the context value.`, { key: true });
		}
	}
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	for (const state of scenario.states) {
		for (const move of state.moves) {
			for (const a of move.assign) {
				if (context.has(a.id)) continue;
				const hint = context.size === 0 ? ' Declare it, with its starting value, under the machine\'s "context".' : didYouMean(a.id, context);
				report.error(a.at, `Move "${move.id}" assigns "${a.id}", which is not a value of the machine's context.${hint}`, { key: true });
			}
		}
		if (state.always.length > 0 && state.final) report.error(state.always[0].at, `Final state "${state.id}" cannot have "always" transitions.`, { key: true });
		for (const a of state.always) {
			const target = states.get(a.target);
			if (!target) report.error([...a.at, 'target'], `An "always" transition of state "${state.id}" targets unknown state "${a.target}".${didYouMean(a.target, states.keys())}`);
			else if (target.always.length > 0) {
				report.error([...a.at, 'target'], `An "always" transition of state "${state.id}" leads to "${a.target}", which has "always" transitions of its own; lead it to where they would go, so that the machine cannot pass from state to state forever.`);
			}
		}
	}
}
