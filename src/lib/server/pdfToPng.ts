import { spawnSync } from 'node:child_process';

/**
 * Rasterises a one-page PDF with poppler's pdftoppm at `dpi`. PNG figures
 * are made this way from the PDF figure, so both show the same glyphs from
 * the same embedded fonts (resvg needed 20–40 s to load the 20 MB Noto CJK
 * collections on these machines; pdftoppm reads the PDF's small subsets).
 */
export function pdfToPng(pdf: Uint8Array, dpi: number): Uint8Array {
	const result = spawnSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', '-'], { input: pdf, maxBuffer: 1 << 30 });
	if (result.error) {
		const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
		throw new Error(missing ? 'PNG export needs pdftoppm from poppler (Debian/Ubuntu: apt-get install poppler-utils); SVG and PDF export work without it.' : `pdftoppm failed: ${result.error.message}`);
	}
	if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr.toString().trim()}`);
	return new Uint8Array(result.stdout);
}
