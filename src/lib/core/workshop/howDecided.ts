import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { StepHow } from './types.js';

const HOW = {
	vote: m.how_vote,
	'tie-break': m.how_tie_break,
	'no-votes': m.how_no_votes,
	draw: m.how_draw,
	pick: m.how_pick,
	override: m.how_override
} as const satisfies Record<StepHow, unknown>;

/** How a step's move was decided, said for the room and the review in `lang`: "team vote", "チームの投票". Pure. */
export function howDecided(how: StepHow, lang: Locale = 'en'): string {
	return HOW[how]({}, { locale: lang });
}
