import PDFDocument from 'pdfkit';
import { pdfBytes } from './pdfBytes.js';
import { provenanceLine, type ReportDocument } from '../core/index.js';
import { parsedFigureFonts } from '../server/figureFonts.js';
import { m } from '../paraglide/messages.js';

/** A fixed creation date: the same report gives the same bytes (the provenance says what it was made from). */
const EPOCH = new Date(Date.UTC(2000, 0, 1));
const SIZES = { title: 18, 1: 14, 2: 12, 3: 11, text: 10, table: 8, small: 8 } as const;

/**
 * A report document as a PDF (A4), written with pdfkit: headings,
 * paragraphs with their note numbers, tables with header rows, lists, the
 * numbered notes, the bibliography and the provenance, in Noto Sans CJK
 * (embedded as subsets) so Japanese excerpts print anywhere. Figure blocks
 * are named, not drawn: the figures have their own PDF exports.
 */
export function writeReportPdf(report: ReportDocument): Promise<Uint8Array> {
	const fonts = parsedFigureFonts();
	const p = report.provenance;
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		compress: true,
		bufferPages: true,
		info: {
			Title: report.title,
			Subject: report.subtitle,
			Keywords: `Branchpoint; scenario ${p.scenarioId}; sha256 ${p.scenarioSha256}`,
			Creator: `${p.generator} ${p.version}`,
			Producer: `${p.generator} ${p.version} (pdfkit)`,
			CreationDate: EPOCH,
			ModDate: EPOCH
		},
		lang: report.lang
	});
	Object.assign(doc.info, { BranchpointProvenance: JSON.stringify(p) });
	// A parsed font, which pdfkit takes though its types name only files.
	doc.registerFont('text', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
	doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
	const width = doc.page.width - 2 * 56;
	const heading = (text: string, size: number) => {
		doc.moveDown(0.6).font('bold').fontSize(size).text(text, { width });
		doc.moveDown(0.3);
	};
	const paragraph = (text: string, options: { size?: number; font?: 'text' | 'bold'; indent?: number } = {}) => {
		doc.font(options.font ?? 'text').fontSize(options.size ?? SIZES.text).text(text, { width: width - (options.indent ?? 0), indent: 0, lineGap: 2 });
		doc.moveDown(0.4);
	};

	doc.font('bold').fontSize(SIZES.title).text(report.title, { width });
	doc.moveDown(0.3);
	paragraph(report.subtitle);
	for (const block of report.blocks) {
		switch (block.kind) {
			case 'heading':
				heading(block.text, SIZES[block.level]);
				break;
			case 'paragraph':
				paragraph(`${block.text}${block.notes && block.notes.length > 0 ? ` [${block.notes.join(', ')}]` : ''}`);
				break;
			case 'list':
				for (const item of block.items) paragraph(`• ${item}`);
				break;
			case 'figure':
				paragraph(`[${block.title} — exported separately as a figure.]`);
				break;
			case 'table':
				paragraph(block.title, { font: 'bold' });
				doc.font('text').fontSize(SIZES.table);
				doc.table({
					maxWidth: width,
					defaultStyle: { padding: 3, border: 0.5, borderColor: '#999999' },
					// The first column names things and gets room; numbers share the rest.
					columnStyles: (c) => ({ width: c === 0 && block.table.header.length > 2 ? width * 0.3 : '*', align: { x: block.table.numeric[c] ? 'right' : 'left', y: 'top' } }),
					rowStyles: (r) => (r === 0 ? { font: { src: 'bold' }, backgroundColor: '#eeeeee' } : undefined),
					data: [block.table.header.map((text) => ({ text, type: 'TH' as const })), ...block.table.rows]
				});
				doc.moveDown(0.3);
				paragraph(block.source, { size: SIZES.small });
				break;
		}
	}
	if (report.notes.length > 0) {
		heading(m.xp_h_notes({}, { locale: report.lang }), SIZES[1]);
		for (const n of report.notes) paragraph(`${n.number}. ${n.text}`, { size: SIZES.small + 1 });
	}
	if (report.bibliography.length > 0) {
		heading(m.xp_h_bibliography({}, { locale: report.lang }), SIZES[1]);
		for (const entry of report.bibliography) paragraph(entry, { size: SIZES.small + 1 });
	}
	paragraph(provenanceLine(p, report.lang), { size: SIZES.small });
	return pdfBytes(doc);
}
