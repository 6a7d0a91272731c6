import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatValue, VALUE_ROUNDING } from '../../src/lib/core/index.js';

describe('one rounding rule for values', () => {
	it('rounds to three significant figures, at most three decimals', () => {
		expect(VALUE_ROUNDING).toBe('three significant figures, to at most three decimal places');
		expect(formatValue(-0.4648)).toBe('-0.465');
		expect(formatValue(1.9187)).toBe('1.92');
		expect(formatValue(12.345)).toBe('12.3');
		expect(formatValue(8.4)).toBe('8.4');
		expect(formatValue(1234.5)).toBe('1230');
		expect(formatValue(0.0012)).toBe('0.001');
		expect(formatValue(0.00012)).toBe('0');
		expect(formatValue(-1e-17)).toBe('0');
		expect(formatValue(Number.NaN)).toBe('NaN');
	});

	it('keeps probabilities and percentages as they were', () => {
		expect(formatNumber(0.348)).toBe('0.348');
		expect(formatPercent(0.0691)).toBe('6.9%');
	});
});
