import { noteGloss } from '../export/figureNotes.js';
import type { Scenario } from '../scenario/types.js';
import type { CitedText } from './types.js';

/** The excerpts behind citation ids, each with its gloss and its source's title, publisher and date. Pure. */
export function citedTexts(scenario: Scenario, ids: readonly string[]): CitedText[] {
	return ids.flatMap((id) => {
		const citation = scenario.citations.find((c) => c.id === id);
		if (!citation) return [];
		const source = scenario.sources.find((s) => s.id === citation.source);
		return [{ excerpt: citation.excerpt, gloss: noteGloss(citation, source), language: source?.language, source: source ? `${source.title} (${source.publisher}${source.date ? `, ${source.date}` : ''})` : citation.source }];
	});
}
