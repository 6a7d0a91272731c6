import { NOTHING_UNCERTAIN, nodeTable, provenanceComment, optionRows, optionsTable, provenanceLine, toCsv, toMarkdownTable, VALUE_ROUNDING, type ReportDocument, type Table } from '../core/index.js';
import type { ExportContext } from './exportContext.js';
import { writeDocx } from './writeDocx.js';

/** The options table's title and source line. */
export function optionsTableText(ctx: ExportContext): { title: string; source: string } {
	const { scenario } = ctx.source;
	return {
		title: `${scenario.title}: first responses compared`,
		source: `Expected value per criterion (↑ more is better, ↓ less is better) and weighted score from the perspective of ${scenario.actors.find((a) => a.id === ctx.provenance.perspective)?.name ?? ctx.provenance.perspective}; the preferred option (★) is the one ${ctx.objective.optimising}. ${ctx.monteCarlo().uncertain.length > 0 ? `P(best): share of ${ctx.request.runs} Monte Carlo runs (seed ${ctx.request.seed}) in which the option is best.` : NOTHING_UNCERTAIN} Values rounded to ${VALUE_ROUNDING}. Source: Branchpoint model “${scenario.title}” (as of ${scenario.asOf}). ${provenanceLine(ctx.provenance)}.`
	};
}

export function optionsTableOf(ctx: ExportContext, exact: boolean): Table {
	const mc = ctx.monteCarlo();
	const rows = optionRows({ scenario: ctx.source.scenario, point: ctx.point, optionIds: ctx.evaluator.optionIds, optionLabels: ctx.evaluator.optionLabels, monteCarlo: mc.uncertain.length > 0 ? mc : undefined });
	return optionsTable(ctx.source.scenario, rows, exact);
}

/** The options table (CSV, Markdown, DOCX) or the whole tree (CSV). */
export async function exportTable(ctx: ExportContext): Promise<Uint8Array> {
	const encode = (text: string) => new TextEncoder().encode(text);
	const { request } = ctx;
	if (request.content === 'nodes') return encode(toCsv(nodeTable(ctx.source.scenario, ctx.point.flat, ctx.point.evaluation)));
	const text = optionsTableText(ctx);
	if (request.format === 'csv') return encode(toCsv(optionsTableOf(ctx, true)));
	const table = optionsTableOf(ctx, false);
	if (request.format === 'md') return encode(`**${text.title}**\n\n${toMarkdownTable(table)}\n\n*${text.source}*\n\n${provenanceComment(ctx.provenance)}\n`);
	const doc: ReportDocument = { title: text.title, subtitle: `${ctx.provenance.generator} ${ctx.provenance.version}`, blocks: [{ kind: 'table', title: text.title, table, source: text.source }], notes: [], bibliography: [], provenance: ctx.provenance };
	return writeDocx(doc, new Map());
}
