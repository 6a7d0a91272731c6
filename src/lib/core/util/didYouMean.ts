import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/** Levenshtein distance, the classic two-row dynamic programme. */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length];
}

/**
 * The closest candidate to a misspelt name, or undefined when none is close
 * enough to be a plausible typo (distance at most a third of the length).
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of candidates) {
		const d = distance(name.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	const limit = Math.min(name.length - 1, Math.max(2, Math.ceil(name.length / 3)));
	return bestDistance <= limit ? best : undefined;
}

/** ` Did you mean "x"?` (in Japanese without the leading space) or the empty string. */
export function didYouMean(name: string, candidates: Iterable<string>, lang: Locale = 'en'): string {
	const hit = closest(name, candidates);
	return hit === undefined ? '' : m.cli_did_you_mean({ name: hit }, { locale: lang });
}
