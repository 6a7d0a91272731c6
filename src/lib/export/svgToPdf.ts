import PDFDocument from 'pdfkit';
import { pdfBytes } from './pdfBytes.js';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Provenance } from '../core/index.js';
import { parsedFigureFonts } from '../server/figureFonts.js';
import type { BuiltFigure } from './buildFigure.js';

export interface PdfOptions {
	figure: BuiltFigure;
	provenance: Provenance;
}

/** A fixed creation date: the same figure gives the same bytes (the provenance says what it was made from). */
const EPOCH = new Date(Date.UTC(2000, 0, 1));

/**
 * The figure as a vector PDF page of its own size, drawn by pdfkit from the
 * SVG (svg-to-pdfkit), with Noto Sans CJK embedded as subsets so Japanese
 * text prints anywhere. Title, alt text and provenance go into the
 * document information.
 */
export function svgToPdf(svg: string, options: PdfOptions): Promise<Uint8Array> {
	const fonts = parsedFigureFonts();
	const { frame } = options.figure;
	// SVG pixels are 1/96 inch; PDF points 1/72.
	const scale = 72 / 96;
	const doc = new PDFDocument({
		size: [frame.width * scale, frame.height * scale],
		margin: 0,
		compress: true,
		info: {
			Title: options.figure.title,
			Subject: options.figure.alt,
			Keywords: `Branchpoint; scenario ${options.provenance.scenarioId}; sha256 ${options.provenance.scenarioSha256}`,
			Creator: `${options.provenance.generator} ${options.provenance.version}`,
			Producer: `${options.provenance.generator} ${options.provenance.version} (pdfkit)`,
			CreationDate: EPOCH,
			ModDate: EPOCH
		},
		lang: 'en'
	});
	// Custom document-information entries carry the full provenance.
	Object.assign(doc.info, { BranchpointProvenance: JSON.stringify(options.provenance) });
	// A parsed font, which pdfkit takes though its types name only files.
	doc.registerFont('figure', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
	doc.registerFont('figure-bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
	SVGtoPDF(doc, svg, 0, 0, { width: frame.width * scale, height: frame.height * scale, assumePt: false, fontCallback: (_family: string, bold: boolean) => (bold ? 'figure-bold' : 'figure') });
	return pdfBytes(doc);
}
