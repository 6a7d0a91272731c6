import { mersenne } from 'pure-rand/generator/mersenne';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/**
 * Draws one of `probabilities` (summing to 1) with a Mersenne Twister seeded
 * with seed × 1000 + index, so the same seed and index give the same outcome
 * every time (the workbench's walk counts steps, a workshop counts draws).
 * Distinct while seed × 1000 + index < 2^31. Returns the chosen position and
 * the uniform number that chose it. Pure.
 */
export function drawMove(probabilities: readonly number[], options: { seed: number; index: number }): { chosen: number; u: number } {
	if (probabilities.length === 0) throw new Error('drawMove: nothing to draw from');
	// Mersenne Twister seeds well from small integers (xoroshiro's first draws do not).
	const u = uniformFloat64(mersenne(options.seed * 1000 + options.index));
	let left = u;
	for (let i = 0; i < probabilities.length; i++) {
		left -= probabilities[i];
		if (left < 0) return { chosen: i, u };
	}
	return { chosen: probabilities.length - 1, u };
}
