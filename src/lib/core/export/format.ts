/** A number as the CLI and tables print it: up to `digits` decimals, no trailing zeros, no "-0". */
export function formatNumber(x: number, digits = 3): string {
	if (!Number.isFinite(x)) return String(x);
	const rounded = Number(x.toFixed(digits));
	return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A probability as a percentage with one decimal. */
export function formatPercent(p: number): string {
	return `${formatNumber(p * 100, 1)}%`;
}
