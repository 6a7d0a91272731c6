import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ScenarioDocument } from './schema.js';
import type { DocPath } from './Issue.js';
import type { Signal } from './types.js';

/** A value the engine derives from a signal: its id in formulas, what it is, its formula and where that is written. */
export interface SignalValue {
	id: string;
	/** The signal's label and what the value is: "Seismic test: chance of positive". */
	label: string;
	/** What the value is, without the signal's label: "chance of positive". */
	what: string;
	formula: string;
	at: DocPath;
	/** prior: P(state); likelihood: P(result | state); chance: P(result); posterior: P(state | result). */
	role: 'prior' | 'likelihood' | 'chance' | 'posterior';
}

/** Binary signals' results, and the name of a hypothesis's negation. */
export const POSITIVE = 'positive';
export const NEGATIVE = 'negative';
export const notState = (hypothesis: string) => `not_${hypothesis}`;

/**
 * A signal as written, in either form, as states and results. The
 * two-state form (hypothesis, prior, sensitivity, specificity) becomes the
 * states `<h>` and `not_<h>` and the results `positive` and `negative`;
 * what it lacks is left for `checkSignals` to report. Pure.
 */
export function toSignal(doc: ScenarioDocument['signals'][number], i: number): Signal {
	const at = ['signals', i] as const;
	const base = { id: doc.id, label: doc.label, description: doc.description, citations: doc.citations, at };
	if (doc.states !== undefined || doc.results !== undefined) {
		return {
			...base,
			states: Object.entries(doc.states ?? {}).map(([id, prior]) => ({ id, prior, at: [...at, 'states', id] })),
			// A chance missing under a state is reported by checkSignals; 0 stands in so that nothing else fails for it.
			results: Object.entries(doc.results ?? {}).map(([id, table]) => ({
				id,
				likelihood: Object.fromEntries(
					Object.keys(doc.states ?? {}).map((state) => [state, state in table ? { formula: table[state], at: [...at, 'results', id, state] } : { formula: '0', at: [...at, 'results', id] }])
				)
			}))
		};
	}
	const h = doc.hypothesis ?? 'hypothesis';
	const not = notState(h);
	const prior = doc.prior ?? '0';
	const sensitivity = doc.sensitivity ?? '0';
	const specificity = doc.specificity ?? '0';
	const where = (field: string) => [...at, field];
	return {
		...base,
		states: [
			{ id: h, prior, at: where('prior') },
			{ id: not, prior: `1 - (${prior})`, at: where('prior') }
		],
		results: [
			{ id: POSITIVE, likelihood: { [h]: { formula: sensitivity, at: where('sensitivity') }, [not]: { formula: `1 - (${specificity})`, at: where('specificity') } } },
			{ id: NEGATIVE, likelihood: { [h]: { formula: `1 - (${sensitivity})`, at: where('sensitivity') }, [not]: { formula: specificity, at: where('specificity') } } }
		]
	};
}

/**
 * The values a signal gives formulas, in an order where each comes after
 * what it reads: for each state s and result r, `<id>_<s>` (its prior),
 * `<id>_<r>_if_<s>` (the likelihood), `<id>_<r>` (the chance of the
 * result, Σ prior × likelihood) and `<id>_<s>_given_<r>` (the posterior,
 * by Bayes' rule). A posterior after a result that cannot occur is 0/0:
 * it is judged where it is used, like any formula. Labels are in `lang`. Pure.
 */
export function signalValues(signal: Signal, lang: Locale = 'en'): SignalValue[] {
	const { id } = signal;
	const locale = { locale: lang };
	// States and results read as words in labels: russian_help → russian help.
	const word = (name: string) => name.replaceAll('_', ' ');
	const named = (what: string) => ({ what, label: m.val_signal_value_label({ signal: signal.label, what }, locale) });
	const out: SignalValue[] = [];
	for (const s of signal.states) out.push({ id: `${id}_${s.id}`, ...named(m.val_signal_prior({ state: word(s.id) }, locale)), formula: s.prior, at: s.at, role: 'prior' });
	for (const r of signal.results) {
		for (const s of signal.states) {
			const l = r.likelihood[s.id];
			if (l) out.push({ id: `${id}_${r.id}_if_${s.id}`, ...named(m.val_signal_likelihood({ result: word(r.id), state: word(s.id) }, locale)), formula: l.formula, at: l.at, role: 'likelihood' });
		}
	}
	const at = [...signal.at, 'id'];
	for (const r of signal.results) {
		const terms = signal.states.filter((s) => r.likelihood[s.id]).map((s) => `${id}_${s.id} * ${id}_${r.id}_if_${s.id}`);
		out.push({ id: `${id}_${r.id}`, ...named(m.val_signal_chance({ result: word(r.id) }, locale)), formula: terms.length > 0 ? terms.join(' + ') : '0', at, role: 'chance' });
	}
	for (const r of signal.results) {
		for (const s of signal.states) {
			if (!r.likelihood[s.id]) continue;
			out.push({ id: `${id}_${s.id}_given_${r.id}`, ...named(m.val_signal_posterior({ state: word(s.id), result: word(r.id) }, locale)), formula: `${id}_${s.id} * ${id}_${r.id}_if_${s.id} / ${id}_${r.id}`, at, role: 'posterior' });
		}
	}
	return out;
}
