import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/**
 * A probability as a room reads it: its percentage, and the N of "1 in N"
 * when 1/N is within 3% of it (none above 50%). Pure.
 */
export function chanceParts(probability: number): { percent: string; oneIn?: number } {
	const percent = probability >= 0.995 || probability <= 0.005 ? `${Math.round(probability * 1000) / 10}%` : `${Math.round(probability * 100)}%`;
	if (probability <= 0 || probability > 0.5) return { percent };
	const n = Math.round(1 / probability);
	return Math.abs(n * probability - 1) < 0.03 ? { percent, oneIn: n } : { percent };
}

/** A probability said plainly for a room, in `lang`: "50% (a 1-in-2 outcome)", "50%（2回に1回）". Pure. */
export function describeChance(probability: number, lang: Locale = 'en'): string {
	const { percent, oneIn } = chanceParts(probability);
	return oneIn === undefined ? percent : m.chance_one_in({ percent, n: oneIn }, { locale: lang });
}
