import { numericValue } from './coerceValue.js';
import { analyseRichardson, type RichardsonParameters } from '../spiral/richardson.js';
import { formulaValue, type FormulaBook, type SPIRAL_OUTPUTS } from './formulaBook.js';
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
	if (scenario.spiral) Object.assign(values, spiralValues(spiralParameters(scenario, book, values), scenario.spiral.horizon));
	for (const { id, formula } of book.derivedOrder) values[id] = formula.evaluate(values);
	return values;
}

/** The spiral model's coefficients at these values (assumptions suffice). Pure. */
export function spiralParameters(scenario: Scenario, book: FormulaBook, values: Values): RichardsonParameters {
	const spiral = scenario.spiral;
	if (!spiral) throw new Error('spiralParameters: the scenario has no spiral section');
	const at = (source: string) => formulaValue(book, source, values);
	return {
		k: at(spiral.x.reaction),
		l: at(spiral.y.reaction),
		a: at(spiral.x.restraint),
		b: at(spiral.y.restraint),
		g: at(spiral.x.grievance),
		h: at(spiral.y.grievance),
		x0: at(spiral.x.start),
		y0: at(spiral.y.start)
	};
}

function spiralValues(parameters: RichardsonParameters, horizon: number): Record<(typeof SPIRAL_OUTPUTS)[number], number> {
	const result = analyseRichardson(parameters, horizon);
	return { spiral_risk: result.risk, spiral_growth: result.growth, spiral_stable: result.stable ? 1 : 0 };
}

/** The assumption values in force: defaults with overrides on top. */
export function assumptionValues(
	scenario: Scenario,
	overrides: Readonly<Record<string, AssumptionValue>> = {}
): Record<string, AssumptionValue> {
	return Object.fromEntries(scenario.assumptions.map((a) => [a.id, overrides[a.id] ?? a.default]));
}
