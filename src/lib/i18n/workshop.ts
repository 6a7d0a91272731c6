import { chanceParts, type StepView } from '../core/index.js';
import { m } from '../paraglide/messages.js';

/** How a played step was decided, in the reader's language. */
export function howDecided(how: StepView['how']): string {
	return {
		vote: m.how_vote,
		'tie-break': m.how_tie_break,
		'no-votes': m.how_no_votes,
		draw: m.how_draw,
		pick: m.how_pick,
		override: m.how_override
	}[how]();
}

/** A probability said plainly for a room, in the reader's language: "50% (a 1-in-2 outcome)", "50%（2回に1回）". */
export function chanceText(probability: number): string {
	const { percent, oneIn } = chanceParts(probability);
	return oneIn === undefined ? percent : m.chance_one_in({ percent, n: oneIn });
}
