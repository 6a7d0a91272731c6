import {
	cslItems,
	describeChange,
	numberNotes,
	excerptLanguages,
	formatNumber,
	noteGloss,
	quoteExcerpt,
	formatValue,
	VALUE_ROUNDING,
	formatPercent,
	NOTHING_UNCERTAIN,
	optionRows,
	playDescription,
	provenanceLine,
	exportCommandLine,
	requestOptions,
	sourceShort,
	reportMarkdown,
	toMarkdownTable,
	type Actor,
	type ActorPlay,
	type Block,
	type CslItem,
	type ExportContent,
	type FigureNote,
	type ReportDocument,
	type Scenario,
	type Table
} from '../core/index.js';
import { buildFigure, type BuiltFigure } from './buildFigure.js';
import { chicagoBibliography, chicagoNote } from './citations.js';
import type { ExportContext } from './exportContext.js';
import { optionsTableOf, optionsTableText } from './exportTable.js';
import { renderSvg } from './renderSvg.js';
import { pdfToPng, svgToPng } from './svgToPng.js';
import { svgToPdf } from './svgToPdf.js';
import { writeDocx, type DocxFigure } from './writeDocx.js';

/** ", by its certainty equivalent …" where the scenario declares a risk tolerance, else "". */
function riskClause(ctx: ExportContext): string {
	const { evaluation, flat } = ctx.point;
	if (!evaluation.riskAdjusted) return '';
	return ` by its certainty equivalent (exponential utility with risk tolerance R = ${formatValue(evaluation.slotValues[flat.riskToleranceSlot])}; the values given for options are certainty equivalents where so labelled)`;
}

/** How the actors that choose for themselves play, as a sentence (with a trailing space), or "" when none do. */
function playSentence(scenario: Scenario, play: Record<string, ActorPlay> | undefined): string {
	if (!play) return '';
	const parts = Object.entries(play).map(([id, p]) => {
		const actor = scenario.actors.find((a) => a.id === id) as Actor;
		return `${actor.name} plays ${playDescription(p, actor, scenario)}`;
	});
	return `Other actors choose for themselves: ${parts.join('; ')}. `;
}

/** Figures in a Word report: sharp in print, small enough to mail. */
const DOCX_DPI = 200;

function assumptionTable(ctx: ExportContext, notesOf: ReadonlyMap<string, number[]>): Table {
	const { scenario } = ctx.source;
	const values = ctx.provenance.assumptions;
	const citations = new Map(scenario.citations.map((c) => [c.id, c]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	const rows = scenario.assumptions.map((a) => {
		const v = values[a.id];
		const shown = a.kind === 'choice' ? (a.options?.find((o) => o.id === v)?.label ?? String(v)) : a.kind === 'boolean' ? (v ? 'yes' : 'no') : formatNumber(Number(v));
		const range = a.kind === 'choice' ? (a.options ?? []).map((o) => o.label).join(' / ') : a.kind === 'boolean' ? 'yes / no' : `${formatNumber(a.min ?? 0)} – ${formatNumber(a.max ?? 1)}`;
		const notes = notesOf.get(a.id) ?? [];
		const set = a.id in ctx.provenance.overrides ? ' (set)' : '';
		const cited = [...new Set(a.citations.map((id) => citations.get(id)?.source ?? ''))].flatMap((id) => sources.get(id) ?? []);
		const source = [cited.map(sourceShort).join('; '), notes.length > 0 ? `notes ${[...notes].sort((x, y) => x - y).join(', ')}` : ''].filter((x) => x !== '').join(' — ');
		return [a.label, `${shown}${set}`, range, a.unit ?? (a.kind === 'probability' ? 'probability' : ''), a.judgment ? 'analyst judgment' : 'from the source', source];
	});
	return { header: ['Assumption', 'Value', 'Range', 'Unit', 'Basis', 'Source'], rows, numeric: [false, true, false, false, false, false] };
}

function figureKinds(scenario: ExportContext['source']['scenario']): ExportContent[] {
	// A region map needs two numeric assumptions; a spiral, the scenario's spiral section.
	const numeric = scenario.assumptions.filter((a) => a.kind === 'number' || a.kind === 'probability').length;
	return ['tree', 'tornado', 'histogram', 'risk', ...(numeric >= 2 ? (['twoway'] as const) : []), ...(scenario.spiral ? (['spiral'] as const) : [])];
}

/** The report's content, in reading order. */
/** A report's numbered notes: each excerpt, its gloss and a Chicago short note for its source. */
export function reportNotes(notes: readonly FigureNote[], itemOf: ReadonlyMap<string, CslItem>): { number: number; text: string }[] {
	return notes.map((n) => {
		const item = itemOf.get(n.citation.source);
		const gloss = noteGloss(n.citation, n.source);
		return { number: n.number, text: `${quoteExcerpt(n.citation.excerpt, n.source?.language)}${gloss ? ` (${gloss})` : ''} ${item ? chicagoNote(item) : n.citation.source}` };
	});
}

export function buildReport(ctx: ExportContext, prebuilt?: ReadonlyMap<ExportContent, BuiltFigure>): { doc: ReportDocument; figures: Map<ExportContent, BuiltFigure> } {
	const { scenario } = ctx.source;
	const items = cslItems(scenario.sources);
	const itemOf = new Map(items.map((item) => [item.id, item]));
	const figures = figureKinds(scenario);
	const built = new Map(figures.map((f) => [f, prebuilt?.get(f) ?? buildFigure(ctx, f, { notes: false })]));
	// One numbering for the report: the tree figure's notes first, so its superscripts keep their numbers,
	// then each assumption's, then the spiral's.
	const numbered = numberNotes(scenario, [built.get('tree')?.notes.map((n) => n.citation.id) ?? [], ...scenario.assumptions.map((a) => a.citations), scenario.spiral?.citations ?? []]);
	const notes = reportNotes(numbered.notes, itemOf);
	const assumptionNotes = new Map(scenario.assumptions.map((a, k) => [a.id, numbered.numbers[k + 1]]));
	const spiralNotes = numbered.numbers[scenario.assumptions.length + 1];

	const rows = optionRows({ scenario, point: ctx.point, optionIds: ctx.evaluator.optionIds, optionLabels: ctx.evaluator.optionLabels, monteCarlo: ctx.monteCarlo() });
	const preferred = rows.find((r) => r.preferred);
	const actor = scenario.actors.find((a) => a.id === ctx.provenance.perspective)?.name ?? ctx.provenance.perspective;
	const mc = ctx.monteCarlo();
	const uncertain = mc.uncertain.length > 0;
	const tornado = ctx.tornado();
	const changes = tornado.bars.filter((b) => b.policyChanges);
	const figure = (content: ExportContent): Block => ({ kind: 'figure', content, title: `Figure ${figures.indexOf(content) + 1}. ${built.get(content)?.title ?? content}`, alt: built.get(content)?.alt ?? '' });
	const optionsText = optionsTableText(ctx);
	const blocks: Block[] = [
		{ kind: 'heading', level: 1, text: 'Summary' },
		{ kind: 'paragraph', text: scenario.description.trim() },
		{
			kind: 'paragraph',
			text: `As of ${scenario.asOf}. Decisions are taken from the perspective of ${actor}, ${ctx.objective.optimising}${riskClause(ctx)}. ${playSentence(scenario, ctx.provenance.play)}${preferred ? `The preferred first response is “${preferred.label}” (${ctx.request.criterion ? `${ctx.objective.name} ${formatValue(preferred.expected[scenario.criteria.findIndex((c) => c.id === ctx.request.criterion)])}` : `weighted score ${formatValue(preferred.score)}`}${uncertain ? `; best in ${formatPercent(preferred.probabilityBest ?? 0)} of ${mc.runs} Monte Carlo runs` : ''}).` : ''} ${uncertain ? `The expected value of perfect information is ${formatValue(mc.evpi)}.` : NOTHING_UNCERTAIN} Values are rounded to ${VALUE_ROUNDING}.${changes.length > 0 ? ` The optimal policy changes across the range of: ${changes.map((b) => `${b.label} (from ${String(b.policySwitch?.setting)}, ${describeChange(scenario, b.policySwitch!)})`).join('; ')}.` : ' The optimal policy holds across every assumption’s range, at every decision it reaches.'}`
		},
		{ kind: 'heading', level: 1, text: 'Options' },
		{ kind: 'table', title: `Table 1. ${optionsText.title}`, table: optionsTableOf(ctx, false), source: optionsText.source },
		{ kind: 'heading', level: 1, text: 'Assumptions' },
		{ kind: 'table', title: 'Table 2. Assumptions as used in this report', table: assumptionTable(ctx, assumptionNotes), source: `Values marked (set) differ from the scenario’s defaults. Analyst judgment: a value the model’s authors chose, not a figure from a source. The notes give the excerpts each assumption rests on, ${excerptLanguages(scenario.sources)}.` },
		{ kind: 'heading', level: 1, text: 'Decision tree' },
		figure('tree'),
		{ kind: 'heading', level: 1, text: 'Analyses' },
		{ kind: 'heading', level: 2, text: 'Sensitivity' },
		figure('tornado'),
		{ kind: 'heading', level: 2, text: 'Uncertainty' },
		figure('histogram'),
		figure('risk'),
		...(figures.includes('twoway') ? [{ kind: 'heading', level: 2, text: 'Two assumptions at once' } as Block, figure('twoway')] : []),
		...(scenario.spiral
			? [
					{ kind: 'heading', level: 2, text: 'Deterrence spiral' } as Block,
					figure('spiral'),
					{ kind: 'paragraph', text: 'The spiral model’s coefficients are analyst judgment, resting on the excerpts in the notes.', notes: spiralNotes } as Block
				]
			: []),
		{ kind: 'heading', level: 1, text: 'Provenance' },
		{ kind: 'paragraph', text: `${provenanceLine(ctx.provenance)}. On the same scenario file, this command makes the same report again: ${exportCommandLine(ctx.source.ref ?? ctx.provenance.scenarioId, requestOptions(scenario, ctx.request))}` }
	];
	return {
		doc: { title: scenario.title, subtitle: `Scenario report · ${ctx.provenance.generator} ${ctx.provenance.version}`, blocks, notes, bibliography: chicagoBibliography(items), provenance: ctx.provenance },
		figures: built
	};
}

/** The report as Markdown, DOCX, or JSON (its numbers and texts, for other tools). */
export async function exportReport(ctx: ExportContext): Promise<Uint8Array> {
	if (ctx.request.format === 'docx') return exportDocx(ctx);
	const { doc, figures } = buildReport(ctx);
	const encode = (text: string) => new TextEncoder().encode(text);
	if (ctx.request.format === 'md') {
		const svgs = new Map([...figures].map(([f, built]) => [f, renderSvg(built, ctx.provenance, ctx.request.greyscale)]));
		return encode(reportMarkdown(doc, svgs, toMarkdownTable));
	}
	const mc = ctx.monteCarlo();
	const json = {
		provenance: ctx.provenance,
		scenario: { id: ctx.source.id, title: ctx.source.scenario.title, asOf: ctx.source.scenario.asOf },
		options: optionRows({ scenario: ctx.source.scenario, point: ctx.point, optionIds: ctx.evaluator.optionIds, optionLabels: ctx.evaluator.optionLabels, monteCarlo: mc }),
		tornado: ctx.tornado(),
		monteCarlo: { runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, evpi: mc.evpi, summaries: mc.summaries },
		figures: Object.fromEntries([...figures].map(([f, b]) => [f, { title: b.title, caption: b.caption, alt: b.alt, description: b.description }])),
		report: doc,
		sources: cslItems(ctx.source.scenario.sources)
	};
	return encode(`${JSON.stringify(json, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`);
}

/** Figures drawn without the Monte Carlo simulation. */
const WITHOUT_MONTE_CARLO: ReadonlySet<ExportContent> = new Set(['tree', 'tornado', 'twoway', 'spiral']);

/**
 * The report as DOCX, its figures as PNG. The figures that need no Monte
 * Carlo runs are drawn first and rasterised by pdftoppm while the
 * simulation runs here; the others follow, side by side.
 */
async function exportDocx(ctx: ExportContext): Promise<Uint8Array> {
	const early = new Map(figureKinds(ctx.source.scenario).filter((f) => WITHOUT_MONTE_CARLO.has(f)).map((f) => [f, buildFigure(ctx, f, { notes: false })]));
	const png = (f: ExportContent, built: BuiltFigure, made: Promise<Uint8Array>) => made.then((bytes): [ExportContent, DocxFigure] => [f, { png: bytes, width: built.frame.width, height: built.frame.height }]);
	const options = (built: BuiltFigure) => ({ dpi: DOCX_DPI, figure: built, provenance: ctx.provenance });
	const pdfs = await Promise.all([...early.values()].map((built) => svgToPdf(renderSvg(built, ctx.provenance, ctx.request.greyscale), { figure: built, provenance: ctx.provenance })));
	const rasterising = [...early].map(([f, built], k) => png(f, built, pdfToPng(pdfs[k], options(built))));
	const { doc, figures } = buildReport(ctx, early);
	const rest = [...figures].filter(([f]) => !early.has(f)).map(([f, built]) => png(f, built, svgToPng(renderSvg(built, ctx.provenance, ctx.request.greyscale), options(built))));
	return writeDocx(doc, new Map(await Promise.all([...rasterising, ...rest])));
}
