import type { Report } from './Report.js';
import type { Scenario } from './types.js';

/**
 * Warns about a deciding actor other than the perspective that states no
 * preferences. The criteria weights are the perspective's; scoring another
 * actor by them would show the perspective's own gain as that actor's, so
 * such an actor is left out of per-actor scores (see `actorScores`). The
 * perspective needs none, and nature has no stake.
 */
export function checkActors(scenario: Scenario, report: Report): void {
	scenario.actors.forEach((actor, i) => {
		if (actor.kind !== 'actor' || actor.id === scenario.perspective || actor.preferences !== undefined) return;
		report.warning(
			['actors', i],
			`Actor "${actor.id}" has no preferences: it is left out of per-actor scores. Give it a weight per criterion under "preferences" to score outcomes as it sees them.`
		);
	});
}
