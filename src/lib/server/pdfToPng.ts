import { spawn } from 'node:child_process';

/**
 * Rasterises a one-page PDF with poppler's pdftoppm at `dpi`. PNG figures
 * are made this way from the PDF figure, so both show the same glyphs from
 * the same embedded fonts (resvg needed 20–40 s to load the 20 MB Noto CJK
 * collections on these machines; pdftoppm reads the PDF's small subsets).
 */
export function pdfToPng(pdf: Uint8Array, dpi: number, timeoutMs = 120_000): Promise<Uint8Array> {
	return new Promise((resolve, reject) => {
		// Asynchronous, so a server keeps answering while a large raster is drawn; killed past the timeout.
		const child = spawn('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', '-'], { timeout: timeoutMs });
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
