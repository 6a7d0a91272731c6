import {
	cslItems,
	describeChange,
	numberNotes,
	excerptLanguages,
	formatNumber,
	noteGloss,
	quoteExcerpt,
	formatValue,
	formatDay,
	formatPercent,
	nothingUncertain,
	optionRows,
	punctuation,
	valueRounding,
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
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { buildFigure, type BuiltFigure } from './buildFigure.js';
import { bibliography, noteReference } from './citations.js';
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
	return m.xp_risk_clause({ tolerance: formatValue(evaluation.slotValues[flat.riskToleranceSlot]) }, { locale: ctx.lang });
}

/** How the actors that choose for themselves play, as a sentence (with a trailing space), or "" when none do. */
function playSentence(scenario: Scenario, play: Record<string, ActorPlay> | undefined, lang: Locale): string {
	if (!play) return '';
	const locale = { locale: lang };
	const parts = Object.entries(play).map(([id, p]) => {
		const actor = scenario.actors.find((a) => a.id === id) as Actor;
		return m.xp_plays({ actor: actor.name, play: playDescription(p, actor, scenario, lang) }, locale);
	});
	return m.xp_others_choose({ parts: parts.join(punctuation(lang).semicolon) }, locale);
}

/** Figures in a Word report: sharp in print, small enough to mail. */
const DOCX_DPI = 200;

function assumptionTable(ctx: ExportContext, notesOf: ReadonlyMap<string, number[]>): Table {
	const { scenario } = ctx.source;
	const lang = ctx.lang;
	const locale = { locale: lang };
	const { comma, semicolon } = punctuation(lang);
	const values = ctx.provenance.assumptions;
	const citations = new Map(scenario.citations.map((c) => [c.id, c]));
	const sources = new Map(scenario.sources.map((s) => [s.id, s]));
	const rows = scenario.assumptions.map((a) => {
		const v = values[a.id];
		const shown = a.kind === 'choice' || a.kind === 'boolean' ? ctx.settingLabel(a.id, v) : formatNumber(Number(v));
		const range = a.kind === 'choice' ? (a.options ?? []).map((o) => o.label).join(' / ') : a.kind === 'boolean' ? m.xp_yes_no({}, locale) : `${formatNumber(a.min ?? 0)} – ${formatNumber(a.max ?? 1)}`;
		const notes = notesOf.get(a.id) ?? [];
		const set = a.id in ctx.provenance.overrides ? m.xp_set_mark({}, locale) : '';
		const cited = [...new Set(a.citations.map((id) => citations.get(id)?.source ?? ''))].flatMap((id) => sources.get(id) ?? []);
		const source = [cited.map((s) => sourceShort(s, lang)).join(semicolon), notes.length > 0 ? m.xp_notes_numbers({ numbers: [...notes].sort((x, y) => x - y).join(comma) }, locale) : ''].filter((x) => x !== '').join(' — ');
		return [a.label, `${shown}${set}`, range, a.unit ?? (a.kind === 'probability' ? m.xp_probability_unit({}, locale) : ''), a.judgment ? m.xp_basis_judgment({}, locale) : m.xp_basis_source({}, locale), source];
	});
	const header = [m.xp_col_assumption({}, locale), m.xp_col_value({}, locale), m.xp_col_range({}, locale), m.xp_col_unit({}, locale), m.xp_col_basis({}, locale), m.xp_col_source({}, locale)];
	return { header, rows, numeric: [false, true, false, false, false, false] };
}

function figureKinds(scenario: ExportContext['source']['scenario']): ExportContent[] {
	// A region map needs two numeric assumptions; a spiral, the scenario's spiral section.
	const numeric = scenario.assumptions.filter((a) => a.kind === 'number' || a.kind === 'probability').length;
	return ['tree', 'tornado', 'histogram', 'risk', ...(numeric >= 2 ? (['twoway'] as const) : []), ...(scenario.spiral ? (['spiral'] as const) : [])];
}

/** The report's content, in reading order. */
/** A report's numbered notes: each excerpt, its gloss and a Chicago short note for its source. */
export function reportNotes(notes: readonly FigureNote[], itemOf: ReadonlyMap<string, CslItem>, lang: Locale = 'en'): { number: number; text: string }[] {
	const { paren } = punctuation(lang);
	return notes.map((n) => {
		const item = itemOf.get(n.citation.source);
		const gloss = noteGloss(n.citation, n.source, lang);
		return { number: n.number, text: `${quoteExcerpt(n.citation.excerpt, n.source?.language)}${gloss ? paren(gloss) : ''} ${item ? noteReference(item, lang) : n.citation.source}` };
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
	const lang = ctx.lang;
	const locale = { locale: lang };
	const { semicolon, sentenceGap } = punctuation(lang);
	const notes = reportNotes(numbered.notes, itemOf, lang);
	const assumptionNotes = new Map(scenario.assumptions.map((a, k) => [a.id, numbered.numbers[k + 1]]));
	const spiralNotes = numbered.numbers[scenario.assumptions.length + 1];

	const rows = optionRows({ scenario, point: ctx.point, optionIds: ctx.evaluator.optionIds, optionLabels: ctx.evaluator.optionLabels, monteCarlo: ctx.monteCarlo() });
	const preferred = rows.find((r) => r.preferred);
	const actor = scenario.actors.find((a) => a.id === ctx.provenance.perspective)?.name ?? ctx.provenance.perspective;
	const mc = ctx.monteCarlo();
	const uncertain = mc.uncertain.length > 0;
	const tornado = ctx.tornado();
	const changes = tornado.bars.filter((b) => b.policyChanges);
	const figure = (content: ExportContent): Block => ({ kind: 'figure', content, title: m.xp_figure_title({ number: figures.indexOf(content) + 1, title: built.get(content)?.title ?? content }, locale), alt: built.get(content)?.alt ?? '' });
	const heading = (level: 1 | 2, text: string): Block => ({ kind: 'heading', level, text });
	const optionsText = optionsTableText(ctx);
	const value = ctx.request.criterion
		? m.xp_summary_value({ name: ctx.objective.name, value: formatValue(preferred?.expected[scenario.criteria.findIndex((c) => c.id === ctx.request.criterion)] ?? NaN) }, locale)
		: m.xp_summary_value({ name: m.xp_weighted_score({}, locale), value: formatValue(preferred?.score ?? NaN) }, locale);
	const summary = [
		m.xp_summary_asof({ asOf: formatDay(scenario.asOf, lang), actor, optimising: ctx.objective.optimising, risk: riskClause(ctx) }, locale),
		playSentence(scenario, ctx.provenance.play, lang),
		preferred ? m.xp_summary_preferred({ label: preferred.label, value, share: uncertain ? m.xp_summary_share({ share: formatPercent(preferred.probabilityBest ?? 0), runs: mc.runs }, locale) : '' }, locale) : '',
		sentenceGap,
		uncertain ? m.xp_summary_evpi({ evpi: formatValue(mc.evpi) }, locale) : nothingUncertain(lang),
		sentenceGap,
		m.xp_summary_rounding({ rounding: valueRounding(lang) }, locale),
		changes.length > 0
			? m.xp_summary_changes({ list: changes.map((b) => m.xp_summary_change_item({ label: b.label, setting: ctx.settingLabel(b.assumption, b.policySwitch!.setting), change: describeChange(scenario, b.policySwitch!, lang) }, locale)).join(semicolon) }, locale)
			: m.xp_summary_holds({}, locale)
	].join('');
	const blocks: Block[] = [
		heading(1, m.xp_h_summary({}, locale)),
		{ kind: 'paragraph', text: scenario.description.trim() },
		{ kind: 'paragraph', text: summary },
		heading(1, m.xp_h_options({}, locale)),
		{ kind: 'table', title: m.xp_table_title({ number: 1, title: optionsText.title }, locale), table: optionsTableOf(ctx, false), source: optionsText.source },
		heading(1, m.xp_h_assumptions({}, locale)),
		{ kind: 'table', title: m.xp_table_title({ number: 2, title: m.xp_assumptions_table_title({}, locale) }, locale), table: assumptionTable(ctx, assumptionNotes), source: m.xp_assumptions_table_source({ languages: excerptLanguages(scenario.sources, lang) }, locale) },
		heading(1, m.xp_h_tree({}, locale)),
		figure('tree'),
		heading(1, m.xp_h_analyses({}, locale)),
		heading(2, m.xp_h_sensitivity({}, locale)),
		figure('tornado'),
		heading(2, m.xp_h_uncertainty({}, locale)),
		figure('histogram'),
		figure('risk'),
		...(figures.includes('twoway') ? [heading(2, m.xp_h_twoway({}, locale)), figure('twoway')] : []),
		...(scenario.spiral ? [heading(2, m.xp_h_spiral({}, locale)), figure('spiral'), { kind: 'paragraph', text: m.xp_spiral_paragraph({}, locale), notes: spiralNotes } as Block] : []),
		heading(1, m.xp_h_provenance({}, locale)),
		{ kind: 'paragraph', text: m.xp_provenance_paragraph({ line: provenanceLine(ctx.provenance, lang), command: exportCommandLine(ctx.source.ref ?? ctx.provenance.scenarioId, requestOptions(scenario, ctx.request)) }, locale) }
	];
	return {
		doc: {
			title: scenario.title,
			subtitle: m.xp_report_subtitle({ generator: ctx.provenance.generator, version: ctx.provenance.version }, locale),
			blocks,
			notes,
			bibliography: bibliography(items, lang),
			provenance: ctx.provenance,
			lang
		},
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
