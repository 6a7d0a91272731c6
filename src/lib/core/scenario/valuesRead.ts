/** A value as a message shows it: ten significant digits, so 0.1 + 0.2 reads 0.3. */
function show(value: number): string {
	return Number.isFinite(value) ? String(Number(value.toPrecision(10))) : String(value);
}

/**
 * `p_a = 0, p_b = 0`: the values a formula read, for a message that says why
 * it failed. Pure.
 */
export function valuesRead(symbols: readonly string[], values: Readonly<Record<string, number>>): string {
	return symbols.map((s) => `${s} = ${show(values[s])}`).join(', ');
}
