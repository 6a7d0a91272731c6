/**
 * A probability said plainly for a room: "50% (a 1-in-2 outcome)"; the
 * "1 in N" is given when 1/N is within 3% of the probability. Pure.
 */
export function describeChance(probability: number): string {
	const percent = probability >= 0.995 || probability <= 0.005 ? `${Math.round(probability * 1000) / 10}%` : `${Math.round(probability * 100)}%`;
	if (probability <= 0 || probability > 0.5) return percent;
	const n = Math.round(1 / probability);
	return Math.abs(n * probability - 1) < 0.03 ? `${percent} (a 1-in-${n} outcome)` : percent;
}
