import { spawn } from 'node:child_process';

/** An 8-bit RGB raster, three bytes a pixel, in horizontal bands from the top. */
export interface Raster {
	width: number;
	height: number;
	bands: Band[];
}

/** Rows of a raster: `height` rows of pixels from `offset` in `bytes`. */
export interface Band {
	height: number;
	offset: number;
	bytes: Uint8Array;
}

/** Below this many rows one pdftoppm is about as quick as two, and starting a process costs its own time. */
const SPLIT_FROM_ROWS = 3000;

/**
 * Rasterises a one-page PDF with poppler's pdftoppm at `dpi`, as raw RGB
 * (PPM). PNG figures are made this way from the PDF figure, so both show the
 * same glyphs from the same embedded fonts (resvg needed 20–40 s to load the
 * 20 MB Noto CJK collections on these machines; pdftoppm reads the PDF's
 * small subsets). A tall page (`rows`, the expected height in pixels) is
 * drawn as two bands by two pdftoppm side by side, which give the same pixels
 * as one. The PNG is encoded by the caller: pdftoppm's own PNG encoder took
 * seven times as long as its rasteriser on a 300 dpi tree.
 */
export async function pdfToRaster(pdf: Uint8Array, dpi: number, rows = 0, timeoutMs = 120_000): Promise<Raster> {
	const half = Math.floor(rows / 2);
	const crops = rows >= SPLIT_FROM_ROWS ? [['-y', '0', '-H', String(half)], ['-y', String(half), '-H', '1000000']] : [[]];
	const parts = await Promise.all(crops.map((crop) => pdftoppm(pdf, ['-r', String(dpi), ...(crop.length > 0 ? ['-x', '0', '-W', '1000000', ...crop] : []), '-singlefile', '-'], timeoutMs)));
	const bands = parts.map(parsePpm);
	if (bands.some((b) => b.width !== bands[0].width)) throw new Error('pdftoppm drew the bands of one figure at different widths.');
	return { width: bands[0].width, height: bands.reduce((n, b) => n + b.height, 0), bands };
}

function pdftoppm(pdf: Uint8Array, args: string[], timeoutMs: number): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		// Asynchronous, so a server keeps answering while a large raster is drawn; killed past the timeout.
		const child = spawn('pdftoppm', args, { timeout: timeoutMs });
		const out: Buffer[] = [];
		const err: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		child.on('error', (error: NodeJS.ErrnoException) =>
			reject(new Error(error.code === 'ENOENT' ? 'PNG export needs pdftoppm from poppler (Debian/Ubuntu: apt-get install poppler-utils); SVG and PDF export work without it.' : `pdftoppm failed: ${error.message}`))
		);
		child.on('close', (code, signal) => {
			if (code === 0) resolve(new Uint8Array(Buffer.concat(out)));
			else reject(new Error(signal ? `pdftoppm stopped after ${timeoutMs / 1000} s (${signal}).` : `pdftoppm failed: ${Buffer.concat(err).toString().trim()}`));
		});
		child.stdin.on('error', () => {});
		child.stdin.end(pdf);
	});
}

/** Reads a binary PPM (P6, maxval 255): four whitespace-separated header fields, one whitespace byte, then the pixels. */
export function parsePpm(bytes: Uint8Array): Band & { width: number } {
	const fields: string[] = [];
	let at = 0;
	const space = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
	while (fields.length < 4 && at < bytes.length) {
		while (at < bytes.length && space(bytes[at])) at++;
		const start = at;
		while (at < bytes.length && !space(bytes[at])) at++;
		fields.push(String.fromCharCode(...bytes.subarray(start, at)));
	}
	const [magic, w, h, max] = fields;
	const width = Number(w);
	const height = Number(h);
	const offset = at + 1;
	if (magic !== 'P6' || max !== '255' || !(width > 0) || !(height > 0) || bytes.length < offset + width * height * 3) {
		throw new Error(`pdftoppm gave an unexpected raster (${magic} ${w}×${h}, maxval ${max}, ${bytes.length} bytes).`);
	}
	return { width, height, offset, bytes };
}
