import { m } from '../../paraglide/messages.js';
import type { Report } from './Report.js';
import type { Scenario } from './types.js';

/**
 * Checks how actors are scored and how they play. A deciding actor other
 * than the perspective without preferences is warned about: the criteria
 * weights are the perspective's, so scoring it by them would show the
 * perspective's own gain as that actor's, and it is left out of per-actor
 * scores (see `actorScores`). An actor that plays `strategic` or `bounded`
 * chooses by its preferences, so it must state them (or be the
 * perspective); nature plays only by chance; `bounded` play needs its
 * `rationality` (λ), which no other play reads.
 */
export function checkActors(scenario: Scenario, report: Report): void {
	const locale = { locale: report.lang };
	scenario.actors.forEach((actor, i) => {
		const at = ['actors', i];
		if (actor.kind === 'nature' && actor.play !== 'chance') {
			report.error([...at, 'play'], m.val_nature_plays({ id: actor.id, play: actor.play }, locale));
		} else if (actor.play !== 'chance' && actor.preferences === undefined && actor.id !== scenario.perspective) {
			report.error([...at, 'play'], m.val_plays_without_preferences({ id: actor.id, play: actor.play }, locale));
		} else if (actor.kind === 'actor' && actor.id !== scenario.perspective && actor.preferences === undefined) {
			report.warning(at, m.val_no_preferences({ id: actor.id }, locale));
		}
		if (actor.play === 'bounded' && actor.rationality === undefined) {
			report.error([...at, 'play'], m.val_bounded_needs_rationality({ id: actor.id }, locale));
		}
	});
}
