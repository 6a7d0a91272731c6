import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { MonteCarloResult } from '../analysis/monteCarlo.js';
import type { PointResult } from '../analysis/createEvaluator.js';
import { weightedScore } from '../evaluate/evaluate.js';
import type { Scenario } from '../scenario/types.js';
import { formatPercent, formatValue, punctuation } from './format.js';
import type { Table } from './tables.js';

export interface OptionRow {
	id: string;
	label: string;
	/** False when a guard closes the option at these values. */
	open: boolean;
	/** Expected value per criterion, in the scenario's criterion order. */
	expected: number[];
	/** The perspective's weighted score. */
	score: number;
	/** The certainty equivalent of the value compared, where the scenario declares a risk tolerance. */
	certainty?: number;
	/** Share of Monte Carlo runs in which the option is best. */
	probabilityBest?: number;
	preferred: boolean;
}

export interface OptionsTableOptions {
	scenario: Scenario;
	point: PointResult;
	optionIds: readonly string[];
	optionLabels: readonly string[];
	monteCarlo?: MonteCarloResult;
}

/**
 * The first responses compared: each option's expected value per
 * criterion, weighted score and probability of being best under the
 * assumptions' distributions. Pure.
 */
export function optionRows(options: OptionsTableOptions): OptionRow[] {
	const { scenario, point, monteCarlo } = options;
	const { flat, evaluation } = point;
	const C = flat.criteria;
	const childOf = new Map<string, number>();
	for (let k = 0; k < flat.childCount[0]; k++) {
		const child = flat.childStart[0] + k;
		childOf.set(flat.tree.nodes[child].move ?? '', child);
	}
	return options.optionIds.map((id, o) => {
		const child = childOf.get(id);
		const open = child !== undefined;
		return {
			id,
			label: options.optionLabels[o],
			open,
			expected: scenario.criteria.map((_, c) => (open ? evaluation.expected[child * C + c] : NaN)),
			score: open ? weightedScore(flat, evaluation.expected, child) : NaN,
			...(evaluation.riskAdjusted ? { certainty: open ? evaluation.objectiveSign * evaluation.certainty[child] : NaN } : {}),
			probabilityBest: monteCarlo?.summaries[o]?.probabilityBest,
			preferred: o === point.best
		};
	});
}

/** The options table as text cells; `exact` keeps full precision (CSV), else numbers are rounded for reading. Pure. */
export function optionsTable(scenario: Scenario, rows: readonly OptionRow[], exact: boolean, lang: Locale = 'en'): Table {
	const locale = { locale: lang };
	const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '' : exact ? String(x) : formatValue(x));
	const pct = (x: number | undefined) => (x === undefined ? '' : exact ? String(x) : formatPercent(x));
	const criteria = scenario.criteria.map((c) => `${c.label}${c.unit ? punctuation(lang).paren(c.unit) : ''} ${c.direction === 'max' ? '↑' : '↓'}`);
	// Without Monte Carlo runs (nothing uncertain) there is no share of runs to give: no P(best) column.
	const simulated = rows.some((r) => r.probabilityBest !== undefined);
	// With a risk tolerance, options are compared by their certainty equivalents.
	const risk = rows.some((r) => r.certainty !== undefined);
	return {
		header: [m.xp_col_option({}, locale), ...criteria, m.xp_col_weighted_score({}, locale), ...(risk ? [m.xp_col_certainty({}, locale)] : []), ...(simulated ? ['P(best)'] : []), m.xp_col_preferred({}, locale)],
		rows: rows.map((r) => [r.open ? r.label : `${r.label}${m.xp_closed({}, locale)}`, ...r.expected.map(num), num(r.score), ...(risk ? [num(r.certainty)] : []), ...(simulated ? [pct(r.probabilityBest)] : []), r.preferred ? '★' : '']),
		numeric: [false, ...criteria.map(() => true), true, ...(risk ? [true] : []), ...(simulated ? [true] : []), false]
	};
}
