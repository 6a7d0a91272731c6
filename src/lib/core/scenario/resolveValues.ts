import { numericValue } from './coerceValue.js';
import type { FormulaBook } from './formulaBook.js';
import type { AssumptionValue, Scenario } from './types.js';

/** What formulas read: every assumption and derived value as a number. */
export type Values = Readonly<Record<string, number>>;

/**
 * The values formulas see: defaults, overridden by `overrides` (already
 * checked with `coerceValue`), then derived values in dependency order. Pure.
 */
export function resolveValues(
	scenario: Scenario,
	book: FormulaBook,
	overrides: Readonly<Record<string, AssumptionValue>> = {}
): Values {
	const values: Record<string, number> = {};
	for (const assumption of scenario.assumptions) {
		values[assumption.id] = numericValue(assumption, overrides[assumption.id] ?? assumption.default);
	}
	for (const { id, formula } of book.derivedOrder) values[id] = formula.evaluate(values);
	return values;
}

/** The assumption values in force: defaults with overrides on top. */
export function assumptionValues(
	scenario: Scenario,
	overrides: Readonly<Record<string, AssumptionValue>> = {}
): Record<string, AssumptionValue> {
	return Object.fromEntries(scenario.assumptions.map((a) => [a.id, overrides[a.id] ?? a.default]));
}
