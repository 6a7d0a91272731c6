import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { didYouMean } from './didYouMean.js';

/**
 * The message for a criterion id that names none of the scenario's: the
 * closest id when one is a plausible typo, and every id to choose from.
 * One wording wherever a criterion comes from the user (command line,
 * export request, link, analyses). Pure.
 */
export function unknownCriterion(id: string, criteria: readonly string[], lang: Locale = 'en'): string {
	const locale = { locale: lang };
	return m.cli_unknown_criterion({ id, hint: didYouMean(id, criteria, lang), criteria: criteria.join(', ') || m.cli_none({}, locale) }, locale);
}
