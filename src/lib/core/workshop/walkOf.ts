import type { WorkshopState } from './types.js';

/** The moves of the played path, in order: what `situationAt` replays. Pure. */
export function walkOf(state: WorkshopState): string[] {
	return state.path.map((entry) => entry.step.move);
}
