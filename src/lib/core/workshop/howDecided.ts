import type { StepHow } from './types.js';

/** How a step's move was decided, said for the room and the review. */
export const HOW_DECIDED: Readonly<Record<StepHow, string>> = {
	vote: 'team vote',
	'tie-break': 'tied vote, decided by the facilitator',
	'no-votes': 'no votes, decided by the facilitator',
	draw: 'drawn with the model’s probabilities',
	pick: 'chosen by the facilitator',
	override: 'set by the facilitator’s override'
};
