import { describeChance, howDecided as howDecidedIn, type StepHow } from '../core/index.js';
import { getLocale } from '../paraglide/runtime.js';

/** How a played step was decided, in the reader's language. */
export function howDecided(how: StepHow): string {
	return howDecidedIn(how, getLocale());
}

/** A probability said plainly for a room, in the reader's language: "50% (a 1-in-2 outcome)", "50%（2回に1回）". */
export function chanceText(probability: number): string {
	return describeChance(probability, getLocale());
}
