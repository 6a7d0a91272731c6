import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { buildMachine } from '../machine/buildMachine.js';
import { formulaReadsContext, formulaSites } from '../scenario/formulaBook.js';
import type { Report } from '../scenario/Report.js';
import { resolveValues } from '../scenario/resolveValues.js';
import { testPoints } from '../scenario/testPoints.js';
import type { Scenario } from '../scenario/types.js';
import { compileTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { evaluate } from './evaluate.js';
import { evaluationIssues } from './evaluationIssues.js';

/**
 * Validation of the formulas that read the machine's context, which have a
 * value per path rather than one per test point: at each test point the
 * tree is unrolled over state and context and evaluated, and what fails
 * there is reported once, located where it is written, with the point,
 * the path and the values: an `assign` that is not finite, a formula that
 * is not finite where its node is reached, a probability outside 0..1, and
 * the probabilities of a state whose moves read the context not summing
 * to 1; also an unrolling that passes the scenario's limits. The scenario
 * must be otherwise valid.
 */
export function checkContextOnTree(scenario: Scenario, report: Report): void {
	if (Object.keys(scenario.context).length === 0) return;
	const model = buildMachine(scenario);
	const { book } = model;
	const reads = (source: string | undefined) => source !== undefined && formulaReadsContext(book, source);
	const onContext = new Set(formulaSites(scenario).filter((site) => reads(site.source)).map((site) => site.key));
	for (const state of scenario.states) {
		if (state.moves.some((m) => reads(m.probability) || reads(m.guard))) {
			onContext.add(`machine.states.${state.id}.on`);
		}
	}
	const { lang } = report;
	const seen = new Set<string>();
	for (const point of testPoints(scenario, lang)) {
		const values = resolveValues(scenario, book, point.overrides);
		const unrolled = unrollTree(model, { values, lang });
		const issues = unrolled.tree ? [] : unrolled.issues;
		if (unrolled.tree) {
			const flat = compileTree(unrolled.tree, model);
			issues.push(...evaluationIssues(model, flat, evaluate(flat, { values }), values, lang).filter((i) => onContext.has(i.path.join('.'))));
		}
		for (const issue of issues) {
			const key = issue.path.join('.');
			if (seen.has(key)) continue;
			seen.add(key);
			report.issues.push({ ...issue, message: atPoint(point.label, issue.message, lang) });
		}
		if (!unrolled.tree) return;
	}
}

/** `At the defaults: the tree …`: a message said at a test point; English starts the sentence anew with the point. */
function atPoint(point: string, message: string, lang: Locale): string {
	if (lang !== 'en') return m.val_at_point({ point, message }, { locale: lang });
	return m.val_at_point({ point: `${point[0].toUpperCase()}${point.slice(1)}`, message: `${message[0].toLowerCase()}${message.slice(1)}` }, { locale: lang });
}
