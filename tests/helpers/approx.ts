import { expect } from 'vitest';

/** Numbers compare with a tolerance (after d3-shape's test/asserts.js). */
export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
	expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}
