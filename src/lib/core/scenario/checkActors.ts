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
	scenario.actors.forEach((actor, i) => {
		const at = ['actors', i];
		if (actor.kind === 'nature' && actor.play !== 'chance') {
			report.error([...at, 'play'], `Nature moves by chance; "${actor.id}" cannot play ${actor.play}. Make it an actor (kind: actor) with preferences to let it choose.`);
		} else if (actor.play !== 'chance' && actor.preferences === undefined && actor.id !== scenario.perspective) {
			report.error([...at, 'play'], `Actor "${actor.id}" plays ${actor.play}, choosing by its own preferences, but states none. Give it a weight per criterion under "preferences".`);
		} else if (actor.kind === 'actor' && actor.id !== scenario.perspective && actor.preferences === undefined) {
			report.warning(
				at,
				`Actor "${actor.id}" has no preferences: it is left out of per-actor scores. Give it a weight per criterion under "preferences" to score outcomes as it sees them.`
			);
		}
		if (actor.play === 'bounded' && actor.rationality === undefined) {
			report.error([...at, 'play'], `Actor "${actor.id}" plays bounded: give its rationality λ ≥ 0 under "rationality" (a formula, usually an assumption; 0 is uniformly random, large is strategic).`);
		}
	});
}
