import { FIGURES, noteGloss, scenarioToSilverDecisions, type ExportRequest, type Provenance } from '../core/index.js';
import { buildFigure, type BuiltFigure } from './buildFigure.js';
import { exportContext, type ExportSource } from './exportContext.js';
import { renderSvg } from './renderSvg.js';
import { svgToPng } from './svgToPng.js';
import { svgToPdf } from './svgToPdf.js';
import { exportTable } from './exportTable.js';
import { exportReport } from './exportReport.js';
import { exportSources } from './exportSources.js';
import type { Locale } from '../paraglide/runtime.js';

/** One exported file. */
export interface ExportFile {
	bytes: Uint8Array;
	mediaType: string;
	/** A file name to save it under: scenario id, content, format. */
	fileName: string;
}

/** A figure's texts — alt text and long description for a journal's submission form among them — as JSON. */
function figureJson(figure: BuiltFigure, provenance: Provenance, lang: Locale): string {
	return `${JSON.stringify(
		{
			title: figure.title,
			caption: figure.caption,
			alt: figure.alt,
			longDescription: figure.description,
			source: figure.sourceLine,
			notes: figure.notes.map((n) => ({ number: n.number, excerpt: n.citation.excerpt, gloss: noteGloss(n.citation, n.source, lang), source: n.citation.source })),
			size: { width: figure.frame.width, height: figure.frame.height, unit: 'px (1/96 in)' },
			provenance
		},
		null,
		2
	)}\n`;
}

const MEDIA_TYPES = {
	svg: 'image/svg+xml',
	png: 'image/png',
	pdf: 'application/pdf',
	csv: 'text/csv; charset=utf-8',
	md: 'text/markdown; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	bib: 'application/x-bibtex; charset=utf-8',
	csl: 'application/vnd.citationstyles.csl+json',
	json: 'application/json',
	sd: 'application/json'
} as const;

const EXTENSIONS = { svg: 'svg', png: 'png', pdf: 'pdf', csv: 'csv', md: 'md', docx: 'docx', bib: 'bib', csl: 'csl.json', json: 'json', sd: 'sd.json' } as const;

/**
 * Branchpoint's one exporter: the CLI's `export` command and the
 * workbench's export endpoint both call it, so the same request gives the
 * same bytes from either.
 */
export async function exportScenario(source: ExportSource, request: ExportRequest): Promise<ExportFile> {
	const ctx = exportContext(source, request);
	const encode = (text: string) => new TextEncoder().encode(text);
	let bytes: Uint8Array;
	if ((FIGURES as readonly string[]).includes(request.content) && (request.format === 'svg' || request.format === 'png' || request.format === 'pdf')) {
		const figure = buildFigure(ctx, request.content);
		const svg = renderSvg(figure, ctx.provenance, request.greyscale);
		if (request.format === 'svg') bytes = encode(svg);
		else if (request.format === 'png') bytes = await svgToPng(svg, { dpi: request.dpi, figure, provenance: ctx.provenance, lang: request.lang });
		else bytes = await svgToPdf(svg, { figure, provenance: ctx.provenance });
	} else if (request.format === 'json' && (FIGURES as readonly string[]).includes(request.content)) {
		bytes = encode(figureJson(buildFigure(ctx, request.content), ctx.provenance, request.lang));
	} else if (request.format === 'csv' || ((request.format === 'md' || request.format === 'docx') && request.content === 'options')) {
		bytes = await exportTable(ctx);
	} else if (request.format === 'md' || request.format === 'docx' || request.format === 'json') {
		bytes = await exportReport(ctx);
	} else if (request.format === 'sd') {
		bytes = encode(scenarioToSilverDecisions({ model: ctx.model, run: ctx.point, criterion: request.criterion, lang: request.lang }).text);
	} else {
		bytes = encode(exportSources(ctx));
	}
	const subtree = request.content === 'tree' && request.subtree !== '' ? `-${request.subtree.replace(/[^\w-]+/g, '_')}` : '';
	// ASCII only: the name goes into a Content-Disposition header.
	const id = source.id.replace(/[^\w.-]+/g, '_');
	return { bytes, mediaType: MEDIA_TYPES[request.format], fileName: `${id}-${request.content}${subtree}.${EXTENSIONS[request.format]}` };
}
