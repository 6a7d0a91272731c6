import { didYouMean } from './didYouMean.js';

/**
 * The message for a criterion id that names none of the scenario's: the
 * closest id when one is a plausible typo, and every id to choose from.
 * One wording wherever a criterion comes from the user (command line,
 * export request, link, analyses). Pure.
 */
export function unknownCriterion(id: string, criteria: readonly string[]): string {
	return `Unknown criterion "${id}".${didYouMean(id, criteria)} Criteria: ${criteria.join(', ') || 'none'}.`;
}
