import { crc32 } from 'node:zlib';
import type { Provenance } from '../core/index.js';
import { pdfToPng } from '../server/pdfToPng.js';
import type { BuiltFigure } from './buildFigure.js';
import { ExportRefusal } from './ExportRefusal.js';
import { svgToPdf } from './svgToPdf.js';

/** Larger rasters take minutes and gigabytes; no journal asks for them. */
const MAX_PIXELS = 150e6;

export interface PngOptions {
	/** Dots per inch, the SVG's pixel being 1/96 inch. */
	dpi: number;
	figure: BuiltFigure;
	provenance: Provenance;
}

/**
 * The figure as PNG at the requested resolution: the vector PDF figure
 * rasterised by pdftoppm, so PNG and PDF match. The PNG records its
 * resolution (pHYs), so a journal's checker reads 300 dpi rather than 72,
 * and carries title, alt text, description and provenance as UTF-8 text
 * chunks.
 */
export async function svgToPng(svg: string, options: PngOptions): Promise<Uint8Array> {
	const { width, height } = options.figure.frame;
	const scale = options.dpi / 96;
	const pixels = Math.ceil(width * scale) * Math.ceil(height * scale);
	if (pixels > MAX_PIXELS) {
		throw new ExportRefusal(
			`At ${options.dpi} dpi this figure would be ${Math.ceil(width * scale).toLocaleString('en')} × ${Math.ceil(height * scale).toLocaleString('en')} pixels (${Math.round(pixels / 1e6)} Mpx; the limit is ${MAX_PIXELS / 1e6} Mpx). Choose a lower resolution, a subtree or fewer levels, or SVG or PDF, which scale without limit.`
		);
	}
	const png = withoutChunk(await pdfToPng(await svgToPdf(svg, { figure: options.figure, provenance: options.provenance }), options.dpi), 'pHYs');
	const metres = Math.round(options.dpi / 0.0254);
	const phys = new Uint8Array(9);
	new DataView(phys.buffer).setUint32(0, metres);
	new DataView(phys.buffer).setUint32(4, metres);
	phys[8] = 1;
	return insertChunks(png, [
		chunk('pHYs', phys),
		itxt('Title', options.figure.title),
		itxt('Description', `${options.figure.alt}\n\n${options.figure.description}`),
		itxt('Software', `${options.provenance.generator} ${options.provenance.version}`),
		itxt('Source', options.figure.sourceLine),
		itxt('Branchpoint-Provenance', JSON.stringify(options.provenance))
	]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** An iTXt chunk: keyword, no compression, no language, UTF-8 text. */
function itxt(keyword: string, text: string): Uint8Array {
	const k = new TextEncoder().encode(keyword);
	const t = new TextEncoder().encode(text);
	const data = new Uint8Array(k.length + 5 + t.length);
	data.set(k, 0);
	data.set(t, k.length + 5);
	return chunk('iTXt', data);
}

/** The PNG without chunks of this type. */
function withoutChunk(png: Uint8Array, type: string): Uint8Array {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const parts: Uint8Array[] = [png.subarray(0, 8)];
	for (let at = 8; at < png.length; ) {
		const end = at + 12 + view.getUint32(at);
		if (String.fromCharCode(...png.subarray(at + 4, at + 8)) !== type) parts.push(png.subarray(at, end));
		at = end;
	}
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let offset = 0;
	for (const p of parts) {
		out.set(p, offset);
		offset += p.length;
	}
	return out;
}

/** Inserts chunks right after IHDR (8-byte signature + 25-byte IHDR). */
function insertChunks(png: Uint8Array, chunks: Uint8Array[]): Uint8Array {
	const at = 8 + 25;
	const extra = chunks.reduce((n, c) => n + c.length, 0);
	const out = new Uint8Array(png.length + extra);
	out.set(png.subarray(0, at), 0);
	let offset = at;
	for (const c of chunks) {
		out.set(c, offset);
		offset += c.length;
	}
	out.set(png.subarray(at), offset);
	return out;
}
