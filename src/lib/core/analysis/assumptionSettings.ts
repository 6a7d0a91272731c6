import { rangeOf } from '../scenario/coerceValue.js';
import type { Assumption, AssumptionValue } from '../scenario/types.js';

/** The settings a one-way analysis tries for an assumption: range ends, both truth values, every option. */
export function assumptionSettings(assumption: Assumption): AssumptionValue[] {
	if (assumption.kind === 'boolean') return [false, true];
	if (assumption.kind === 'choice') return (assumption.options ?? []).map((o) => o.id);
	const { min, max } = rangeOf(assumption);
	return [min, max];
}

/** `n` evenly spaced values over a numeric assumption's range. */
export function grid(assumption: Assumption, n: number): number[] {
	const { min, max } = rangeOf(assumption);
	return Array.from({ length: n }, (_, i) => min + ((max - min) * i) / (n - 1));
}
