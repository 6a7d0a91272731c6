import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { didYouMean } from '../util/didYouMean.js';
import { coerceValue } from './coerceValue.js';
import type { AssumptionValue, Scenario } from './types.js';

export interface OverrideProblem {
	id: string;
	message: string;
}

/**
 * Checks assumption values a user set (command line `--set`, URL, controls):
 * unknown ids get a "did you mean", bad values the assumption's rule. Valid
 * ones are kept even when others fail, so nothing the user typed is lost.
 * Problems are told in `lang`. Pure.
 */
export function checkOverrides(
	scenario: Scenario,
	raw: Readonly<Record<string, unknown>>,
	lang: Locale = 'en'
): { overrides: Record<string, AssumptionValue>; problems: OverrideProblem[] } {
	const locale = { locale: lang };
	const byId = new Map(scenario.assumptions.map((a) => [a.id, a]));
	const overrides: Record<string, AssumptionValue> = {};
	const problems: OverrideProblem[] = [];
	for (const [id, value] of Object.entries(raw)) {
		const assumption = byId.get(id);
		if (!assumption) {
			problems.push({ id, message: m.val_unknown_reference({ kind: m.val_kind_assumption({}, locale), name: id, hint: didYouMean(id, byId.keys(), lang) }, locale) });
			continue;
		}
		const coerced = coerceValue(assumption, value, lang);
		if (coerced.ok) overrides[id] = coerced.value;
		else problems.push({ id, message: coerced.message });
	}
	return { overrides, problems };
}
