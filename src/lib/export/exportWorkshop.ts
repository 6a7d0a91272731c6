import { createHash } from 'node:crypto';
import {
	assumptionValues,
	compileTree,
	cslItems,
	evaluate,
	exportLanguage,
	figureFrame,
	logTable,
	noteText,
	numberNotes,
	provenanceLine,
	publishableLog,
	reportMarkdown,
	reviewDocument,
	reviewWorkshop,
	sourceLine,
	toCsv,
	treeFigure,
	unrollTree,
	toMarkdownTable,
	type Provenance,
	type ScenarioModel,
	type WorkshopEvent,
	type WorkshopReview,
	type WorkshopState
} from '../core/index.js';
import { bibliography } from './citations.js';
import { reportNotes } from './exportReport.js';
import type { BuiltFigure } from './buildFigure.js';
import { VERSION } from './exportContext.js';
import { renderSvg } from './renderSvg.js';
import { svgToPdf } from './svgToPdf.js';
import { svgToPng } from './svgToPng.js';
import { writeDocx } from './writeDocx.js';
import { writeReportPdf } from './writeReportPdf.js';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export const WORKSHOP_EXPORT_FORMATS = ['md', 'docx', 'pdf', 'csv', 'json', 'svg', 'png'] as const;
export type WorkshopExportFormat = (typeof WORKSHOP_EXPORT_FORMATS)[number];
export type WorkshopExportContent = 'review' | 'log' | 'path';

/** What each content can be written as; the first content that takes a format is its default. */
export const WORKSHOP_CONTENTS: Record<WorkshopExportContent, readonly WorkshopExportFormat[]> = {
	review: ['md', 'docx', 'pdf'],
	log: ['csv', 'json'],
	path: ['svg', 'png', 'pdf']
};

/** The content of an export: the one asked for if it takes the format, else the format's default; an error message if it does not fit. */
export function workshopContent(format: WorkshopExportFormat, content: string | undefined, lang: Locale = 'en'): WorkshopExportContent | string {
	if (content === undefined || content === '') return (Object.keys(WORKSHOP_CONTENTS) as WorkshopExportContent[]).find((c) => WORKSHOP_CONTENTS[c].includes(format)) as WorkshopExportContent;
	if (!Object.hasOwn(WORKSHOP_CONTENTS, content)) return m.xp_ws_unknown_content({ content }, { locale: lang });
	const formats = WORKSHOP_CONTENTS[content as WorkshopExportContent];
	return formats.includes(format) ? (content as WorkshopExportContent) : m.xp_ws_content_format({ content, formats: formats.join(', '), format }, { locale: lang });
}

const TYPES: Record<WorkshopExportFormat, string> = {
	md: 'text/markdown; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8',
	svg: 'image/svg+xml; charset=utf-8',
	png: 'image/png',
	pdf: 'application/pdf'
};

export interface WorkshopExport {
	bytes: Uint8Array;
	contentType: string;
	fileName: string;
}

/**
 * A workshop's exports, the same bytes from the command line and the
 * review page: the after-action review as Markdown, DOCX or PDF, the raw log as
 * CSV (a row an event) or JSON (the log and the review's numbers). Names are
 * left out unless `names` (exports meant for publication leave them out);
 * the provenance carries the SHA-256 of the log as exported. A workshop's
 * exports are in the language it was run in, the language of the
 * scenario's texts on its screens.
 */
export async function exportWorkshop(options: {
	id: string;
	model: ScenarioModel;
	state: WorkshopState;
	events: readonly WorkshopEvent[];
	format: WorkshopExportFormat;
	content: WorkshopExportContent;
	names: boolean;
}): Promise<WorkshopExport> {
	const { id, model, state, format, content, names } = options;
	const events = publishableLog(options.events, { names });
	const logSha256 = createHash('sha256').update(JSON.stringify(events)).digest('hex');
	const { setup } = state;
	const lang = exportLanguage(setup.language) ?? 'en';
	const provenance: Provenance = {
		generator: 'Branchpoint',
		version: VERSION,
		scenarioId: setup.scenarioId,
		scenarioSha256: setup.scenarioSha256,
		assumptions: assumptionValues(model.scenario, setup.overrides),
		overrides: setup.overrides,
		...(setup.preset ? { preset: setup.preset } : {}),
		perspective: setup.perspective,
		seed: setup.seed,
		runs: 0,
		options: new URLSearchParams({ format, content, ...(names ? { names: '1' } : {}) }).toString(),
		workshop: { id, logSha256, events: events.length, names }
	};
	const fileName = `workshop-${id}-${content}.${format}`;
	const done = (bytes: Uint8Array): WorkshopExport => ({ bytes, contentType: TYPES[format], fileName });
	if (format === 'csv') return done(new TextEncoder().encode(toCsv(logTable(events))));
	if (content === 'path') {
		const figure = playedPathFigure(model, state, provenance, lang);
		const svg = renderSvg(figure, provenance, false);
		if (format === 'svg') return done(new TextEncoder().encode(svg));
		return done(format === 'pdf' ? await svgToPdf(svg, { figure, provenance }) : await svgToPng(svg, { dpi: 300, figure, provenance, lang }));
	}
	const review = reviewWorkshop(model, state, { names, lang });
	if (format === 'json') return done(new TextEncoder().encode(`${JSON.stringify({ provenance, review, events }, null, 2)}\n`));
	const doc = reviewDocument({ state, review, scenario: model.scenario, provenance, names, citations: stepCitations(model, review, lang), lang });
	if (format === 'md') return done(new TextEncoder().encode(reportMarkdown(doc, new Map(), toMarkdownTable)));
	if (format === 'pdf') return done(await writeReportPdf(doc));
	return done(await writeDocx(doc, new Map()));
}

/** The excerpts behind each played step (its state and the move taken) as numbered notes, and the bibliography. */
function stepCitations(model: ScenarioModel, review: WorkshopReview, lang: Locale): { perStep: number[][]; notes: { number: number; text: string }[]; bibliography: string[] } {
	const { scenario } = model;
	const items = cslItems(scenario.sources);
	const numbered = numberNotes(
		scenario,
		review.steps.map((s) => {
			const state = scenario.states.find((x) => x.id === s.step.state);
			return [...new Set([...(state?.citations ?? []), ...(state?.moves.find((m) => m.id === s.step.move)?.citations ?? [])])];
		})
	);
	return { perStep: numbered.numbers, notes: reportNotes(numbered.notes, new Map(items.map((i) => [i.id, i])), lang), bibliography: bibliography(items, lang) };
}

/**
 * The played path on the decision tree: every option open at each step, the
 * path taken shaded beneath the lines, the optimal policy heavy and starred,
 * as the workbench and the scenario's tree figures draw them.
 */
function playedPathFigure(model: ScenarioModel, state: WorkshopState, provenance: Provenance, lang: Locale): BuiltFigure {
	const { setup } = state;
	const { scenario } = model;
	const unrolled = unrollTree(model, { values: setup.values, perspective: setup.perspective, lang });
	if (!unrolled.tree) throw new Error(`the scenario does not unroll under the workshop's values (${unrolled.issues[0]?.message})`);
	const flat = compileTree(unrolled.tree, model);
	const figure = treeFigure({ scenario, flat, evaluation: evaluate(flat, { values: setup.values }), played: state.path.map((e) => e.step.move), lang });
	const locale = { locale: lang };
	const title = m.xp_path_title({ title: setup.title }, locale);
	const caption = m.xp_path_caption({}, locale);
	const source = sourceLine(scenario, figure.notes, lang);
	const frame = figureFrame({
		plotWidth: figure.width,
		plotHeight: figure.height,
		title,
		caption,
		sourceLine: source,
		notes: figure.notes.map((n) => noteText(n, lang)),
		notesHeading: m.xp_notes_heading({}, locale),
		provenance: provenanceLine(provenance, lang)
	});
	return { plot: { kind: 'tree', figure }, frame, title, caption, sourceLine: source, notes: figure.notes, alt: figure.alt, description: figure.longDescription, lang };
}
