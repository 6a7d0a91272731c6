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
	const taken = new Map<string, string>([...scenario.assumptions.map((a) => [a.id, `assumption "${a.id}"`] as const), ...scenario.derived.map((d) => [d.id, `derived value "${d.id}"`] as const)]);
	doc.signals.forEach((written, i) => {
		const at = ['signals', i];
		const table = written.states !== undefined || written.results !== undefined;
		const binary = BINARY.filter((k) => written[k] !== undefined);
		if (table && binary.length > 0) {
			report.error(at, `Signal "${written.id}" mixes its two forms: give states and results, or ${BINARY.join(', ')} — not ${binary.join(', ')} as well.`);
			return;
		}
		if (!table) {
			const missing = BINARY.filter((k) => written[k] === undefined);
			if (missing.length > 0) report.error(at, `Signal "${written.id}" lacks ${missing.join(', ')}: a two-state signal gives ${BINARY.join(', ')} (or write states and results instead).`);
		} else {
			const states = Object.keys(written.states ?? {});
			const results = Object.entries(written.results ?? {});
			if (states.length < 2) report.error(written.states ? [...at, 'states'] : at, `Signal "${written.id}" needs at least two states (what may be true), each with its prior chance.`);
			if (results.length < 2) report.error(written.results ? [...at, 'results'] : at, `Signal "${written.id}" needs at least two results (what it may show).`);
			for (const [result, chances] of results) {
				for (const key of Object.keys(chances)) {
					if (!states.includes(key)) report.error([...at, 'results', result, key], `Unknown state "${key}".${didYouMean(key, states)} States: ${states.join(', ')}.`, { key: true });
				}
				const missing = states.filter((s) => !(s in chances));
				if (missing.length > 0) report.error([...at, 'results', result], `Result "${result}" gives no chance under ${missing.join(', ')}; give its chance under every state.`, { key: true });
			}
		}
		const signal = scenario.signals[i];
		for (const value of signalValues(signal)) {
			const other = taken.get(value.id);
			if (other) report.error([...at, 'id'], `Signal "${signal.id}" gives the value "${value.id}", which is already the id of ${other}; rename one.`);
			taken.set(value.id, `a value of signal "${signal.id}"`);
		}
	});
	return report.issues.slice(before).some((i) => i.severity === 'error');
}
