import { formatDay, nodeTable, nothingUncertain, provenanceComment, optionRows, optionsTable, provenanceLine, toCsv, toMarkdownTable, valueRounding, type ReportDocument, type Table } from '../core/index.js';
import { m } from '../paraglide/messages.js';
import type { ExportContext } from './exportContext.js';
import { writeDocx } from './writeDocx.js';

/** The options table's title and source line. */
export function optionsTableText(ctx: ExportContext): { title: string; source: string } {
	const { scenario } = ctx.source;
	const locale = { locale: ctx.lang };
	return {
		title: m.xp_options_title({ title: scenario.title }, locale),
		source: m.xp_options_source(
			{
				actor: scenario.actors.find((a) => a.id === ctx.provenance.perspective)?.name ?? ctx.provenance.perspective,
				optimising: ctx.objective.optimising,
				mc: ctx.monteCarlo().uncertain.length > 0 ? m.xp_options_pbest({ runs: ctx.request.runs, seed: ctx.request.seed }, locale) : nothingUncertain(ctx.lang),
				rounding: valueRounding(ctx.lang),
				model: m.xp_model({ title: scenario.title, asOf: formatDay(scenario.asOf, ctx.lang) }, locale),
				provenance: provenanceLine(ctx.provenance, ctx.lang)
			},
			locale
		)
	};
}

export function optionsTableOf(ctx: ExportContext, exact: boolean): Table {
	const mc = ctx.monteCarlo();
	const rows = optionRows({ scenario: ctx.source.scenario, point: ctx.point, optionIds: ctx.evaluator.optionIds, optionLabels: ctx.evaluator.optionLabels, monteCarlo: mc.uncertain.length > 0 ? mc : undefined });
	return optionsTable(ctx.source.scenario, rows, exact, ctx.lang);
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
	const doc: ReportDocument = { title: text.title, subtitle: `${ctx.provenance.generator} ${ctx.provenance.version}`, blocks: [{ kind: 'table', title: text.title, table, source: text.source }], notes: [], bibliography: [], provenance: ctx.provenance, lang: ctx.lang };
	return writeDocx(doc, new Map());
}
