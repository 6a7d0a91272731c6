/** A number as the CLI and tables print it: up to `digits` decimals, no trailing zeros, no "-0". */
export function formatNumber(x: number, digits = 3): string {
	if (!Number.isFinite(x)) return String(x);
	const rounded = Number(x.toFixed(digits));
	return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The one rounding rule for values (expected values, scores, payoffs), as every view, export and command prints them. */
export const VALUE_ROUNDING = 'three significant figures, to at most three decimal places';

/**
 * A value (an expected value, a score, a payoff) rounded by the one rule
 * stated in `VALUE_ROUNDING`: −0.4648 → "-0.465", 12.345 → "12.3", 0.00012 → "0".
 */
export function formatValue(x: number): string {
	if (!Number.isFinite(x)) return String(x);
	const rounded = Number(Number(x.toPrecision(3)).toFixed(3));
	return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A probability as a percentage with one decimal. */
export function formatPercent(p: number): string {
	return `${formatNumber(p * 100, 1)}%`;
}
