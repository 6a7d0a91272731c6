import { m } from '../../paraglide/messages.js';
import { didYouMean } from '../util/didYouMean.js';
import type { Report } from './Report.js';
import type { ScenarioDocument } from './schema.js';
import { signalValues } from './signals.js';
import type { Scenario } from './types.js';

const BINARY = ['hypothesis', 'prior', 'sensitivity', 'specificity'] as const;

/**
 * A signal is written in one of two forms — states and results, or a
 * hypothesis with prior, sensitivity and specificity — and completely: at
 * least two states and two results, each result giving a chance under
 * every state and no other. The values it gives formulas must not take an
 * assumption's or derived value's id. Returns whether it found an error.
 */
export function checkSignals(scenario: Scenario, doc: ScenarioDocument, report: Report): boolean {
	const before = report.issues.length;
	const { lang } = report;
	const locale = { locale: lang };
	const taken = new Map<string, string>([
		...scenario.assumptions.map((a) => [a.id, m.val_taken_assumption({ id: a.id }, locale)] as const),
		...scenario.derived.map((d) => [d.id, m.val_taken_derived({ id: d.id }, locale)] as const)
	]);
	doc.signals.forEach((written, i) => {
		const at = ['signals', i];
		const table = written.states !== undefined || written.results !== undefined;
		const binary = BINARY.filter((k) => written[k] !== undefined);
		if (table && binary.length > 0) {
			report.error(at, m.val_signal_mixes_forms({ id: written.id, binary: BINARY.join(', '), given: binary.join(', ') }, locale));
			return;
		}
		if (!table) {
			const missing = BINARY.filter((k) => written[k] === undefined);
			if (missing.length > 0) report.error(at, m.val_signal_lacks({ id: written.id, missing: missing.join(', '), binary: BINARY.join(', ') }, locale));
		} else {
			const states = Object.keys(written.states ?? {});
			const results = Object.entries(written.results ?? {});
			if (states.length < 2) report.error(written.states ? [...at, 'states'] : at, m.val_signal_two_states({ id: written.id }, locale));
			if (results.length < 2) report.error(written.results ? [...at, 'results'] : at, m.val_signal_two_results({ id: written.id }, locale));
			for (const [result, chances] of results) {
				for (const key of Object.keys(chances)) {
					if (!states.includes(key)) report.error([...at, 'results', result, key], m.val_signal_unknown_state({ key, hint: didYouMean(key, states, lang), states: states.join(', ') }, locale), { key: true });
				}
				const missing = states.filter((s) => !(s in chances));
				if (missing.length > 0) report.error([...at, 'results', result], m.val_signal_result_missing({ result, missing: missing.join(', ') }, locale), { key: true });
			}
		}
		const signal = scenario.signals[i];
		for (const value of signalValues(signal)) {
			const other = taken.get(value.id);
			if (other) report.error([...at, 'id'], m.val_signal_value_taken({ id: signal.id, value: value.id, other }, locale));
			taken.set(value.id, m.val_taken_signal({ id: signal.id }, locale));
		}
	});
	return report.issues.slice(before).some((i) => i.severity === 'error');
}
