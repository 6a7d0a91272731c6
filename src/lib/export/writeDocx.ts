import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	ImageRun,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ExportContent, ReportDocument, Table as TextTable } from '../core/index.js';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

/** The language Word marks the text with, for its spelling and its line breaking. */
const LANGUAGE_TAGS: Record<Locale, string> = { en: 'en-GB', ja: 'ja-JP' };

/** A figure as DOCX takes it: PNG bytes and its size in pixels at 96 dpi. */
export interface DocxFigure {
	png: Uint8Array;
	width: number;
	height: number;
}

/** The fixed time written for created and modified, so the same report gives the same bytes. */
const EPOCH = '2000-01-01T00:00:00Z';
/** Printable width of an A4/Letter page with Word's default margins, in pixels at 96 dpi. */
const PAGE_WIDTH = 600;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function tableOf(table: TextTable): Table {
	const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
	const cell = (text: string, column: number, header: boolean) =>
		new TableCell({
			children: [new Paragraph({ alignment: table.numeric[column] && !header ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: header, size: 18 })] })],
			borders: { top: border, bottom: border, left: border, right: border }
		});
	// The first column names things and gets room; numbers share the rest.
	const total = 9000;
	const first = table.header.length > 2 ? Math.round(total * 0.3) : Math.round(total / table.header.length);
	const rest = Math.round((total - first) / Math.max(1, table.header.length - 1));
	return new Table({
		width: { size: total, type: WidthType.DXA },
		columnWidths: table.header.map((_, c) => (c === 0 ? first : rest)),
		rows: [new TableRow({ tableHeader: true, children: table.header.map((h, c) => cell(h, c, true)) }), ...table.rows.map((r) => new TableRow({ children: r.map((v, c) => cell(v, c, false)) }))]
	});
}

/**
 * Writes a report as a Word document with the docx library: headings,
 * tables with header rows, figures as PNG with alt text, numbered notes and
 * a bibliography, and the provenance in the document properties (title,
 * subject, keywords, and custom properties per field). The zip is then
 * rewritten with fixed timestamps so equal reports are equal bytes.
 */
export async function writeDocx(doc: ReportDocument, figures: ReadonlyMap<ExportContent, DocxFigure>): Promise<Uint8Array> {
	const noteRefs = (notes?: number[]) => (notes && notes.length > 0 ? [new TextRun(` [${notes.join(', ')}]`)] : []);
	const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }), new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] })];
	/** Each figure's PNG by its stand-in's text. */
	const images = new Map<string, Uint8Array>();
	// docx numbers drawings from a counter shared by the whole process; fixed ids keep equal reports equal bytes.
	let drawing = 0;
	for (const block of doc.blocks) {
		switch (block.kind) {
			case 'heading':
				children.push(new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] }));
				break;
			case 'paragraph':
				children.push(new Paragraph({ children: [new TextRun(block.text), ...noteRefs(block.notes)] }));
				break;
			case 'table':
				children.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: block.title, bold: true })] }), tableOf(block.table), new Paragraph({ children: [new TextRun({ text: block.source, italics: true, size: 18 })] }));
				break;
			case 'figure': {
				const figure = figures.get(block.content);
				if (!figure) break;
				images.set(STAND_IN + block.content, figure.png);
				const scale = Math.min(1, PAGE_WIDTH / figure.width);
				children.push(
					new Paragraph({
						keepNext: true,
						children: [
							new ImageRun({
								type: 'png',
								data: standIn(block.content),
								transformation: { width: Math.round(figure.width * scale), height: Math.round(figure.height * scale) },
								altText: { id: String(++drawing), name: block.content, title: block.title, description: block.alt }
							})
						]
					}),
					new Paragraph({ children: [new TextRun({ text: block.title, italics: true })] })
				);
				break;
			}
			case 'list':
				for (const item of block.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
				break;
		}
	}
	if (doc.notes.length > 0) {
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(m.xp_h_notes({}, { locale: doc.lang }))] }));
		for (const n of doc.notes) children.push(new Paragraph({ indent: { left: 360, hanging: 360 }, children: [new TextRun({ text: `${n.number}. ${n.text}`, size: 20 })] }));
	}
	if (doc.bibliography.length > 0) {
		children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(m.xp_h_bibliography({}, { locale: doc.lang }))] }));
		for (const entry of doc.bibliography) children.push(new Paragraph({ indent: { left: 720, hanging: 720 }, children: [new TextRun(entry)] }));
	}
	const p = doc.provenance;
	const document = new Document({
		creator: `${p.generator} ${p.version}`,
		lastModifiedBy: `${p.generator} ${p.version}`,
		title: doc.title,
		subject: doc.subtitle,
		description: `Exported from scenario ${p.scenarioId} (sha256 ${p.scenarioSha256}).`,
		keywords: `Branchpoint; ${p.scenarioId}`,
		customProperties: [
			{ name: 'BranchpointVersion', value: p.version },
			{ name: 'ScenarioId', value: p.scenarioId },
			{ name: 'ScenarioSha256', value: p.scenarioSha256 },
			{ name: 'Perspective', value: p.perspective },
			{ name: 'Criterion', value: p.criterion ?? 'weighted score' },
			{ name: 'Seed', value: String(p.seed) },
			{ name: 'Runs', value: String(p.runs) },
			{ name: 'Assumptions', value: JSON.stringify(p.assumptions) },
			...(p.workshop ? [{ name: 'WorkshopLogSha256', value: p.workshop.logSha256 }] : []),
			{ name: 'Provenance', value: JSON.stringify(p) }
		],
		styles: { default: { document: { run: { font: { ascii: 'Calibri', eastAsia: 'Noto Sans CJK JP', hAnsi: 'Calibri' }, language: { value: LANGUAGE_TAGS[doc.lang], eastAsia: 'ja-JP' } } } } },
		sections: [{ children }]
	});
	return finish(new Uint8Array(await Packer.toBuffer(document)), images);
}

const STAND_IN = 'branchpoint-figure:';

/**
 * What docx is given in place of a figure's PNG: docx would deflate the
 * image, compressed already, and hash it, a third of the time a report took
 * to write. The image itself goes into the package after, in the media file
 * that holds its stand-in.
 */
function standIn(content: ExportContent): Uint8Array {
	return new TextEncoder().encode(STAND_IN + content);
}

/**
 * Rewrites the package with a fixed creation and modification time, in the
 * same file order, with each figure's PNG in place of its stand-in.
 */
function finish(docx: Uint8Array, images: ReadonlyMap<string, Uint8Array>): Uint8Array {
	const files = unzipSync(docx);
	const placed = new Set<string>();
	for (const name of Object.keys(files).filter((n) => n.startsWith('word/media/') && files[n].length < 100)) {
		const key = strFromU8(files[name]);
		const png = images.get(key);
		if (png) {
			files[name] = png as (typeof files)[string];
			placed.add(key);
		}
	}
	const missing = [...images.keys()].filter((key) => !placed.has(key));
	if (missing.length > 0) throw new Error(`The DOCX package has no place for the image of ${missing.map((key) => key.slice(STAND_IN.length)).join(', ')}.`);
	const core = files['docProps/core.xml'];
	if (core) files['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${EPOCH}`));
	const mtime = new Date(EPOCH);
	// Images are already compressed: stored as they are, the package is as small and made in a fraction of the time.
	return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime, level: /\.(png|jpe?g)$/i.test(name) ? 0 : 6 }]])), { level: 6 });
}
