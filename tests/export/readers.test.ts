import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawExportOptions } from '../../src/lib/core/index.js';
import { exportScenario } from '../../src/lib/export/exportScenario.js';
import { exportSource, validRequest } from '../helpers/exports.js';

/**
 * Exports opened by the programs an author would use: poppler (the PDF
 * engine of most Linux viewers) for PDF and PNG, LibreOffice for DOCX. The
 * rendered pages are kept in test-results/exports to look at.
 */
const OUT = 'test-results/exports';
mkdirSync(OUT, { recursive: true });
const shipped = exportSource('shipped');

async function save(raw: RawExportOptions, name: string): Promise<string> {
	const file = join(OUT, name);
	writeFileSync(file, (await exportScenario(shipped, validRequest(shipped.scenario, raw))).bytes);
	return file;
}

/** Share of non-white pixels in a greyscale PGM (P5) image. */
function ink(pgm: Buffer): number {
	const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 50))!;
	const pixels = pgm.subarray(header[0].length);
	let dark = 0;
	for (const p of pixels) if (p < 200) dark++;
	return dark / pixels.length;
}

describe('PDF', { timeout: 60_000 }, () => {
	it.each([['tree', 'pdf-tree'], ['tornado', 'pdf-tornado'], ['spiral', 'pdf-spiral']])('%s: one page, Noto Sans CJK embedded, renders with ink', async (content, name) => {
		const pdf = await save({ format: 'pdf', content }, `${name}.pdf`);
		const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
		expect(info).toMatch(/Pages:\s+1/);
		expect(info).toMatch(/Title:\s+Russia–DPRK treaty/);
		expect(info).toMatch(/Creator:\s+Branchpoint 0\.1\.0/);
		const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
		expect(fonts.length).toBeGreaterThan(0);
		for (const line of fonts) expect(line).toMatch(/\+NotoSansCJKjp-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
		execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, join(OUT, name)]);
		expect(ink(execFileSync('pdftoppm', ['-gray', '-r', '20', '-singlefile', pdf]))).toBeGreaterThan(0.01);
		const words = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		expect(words).toContain('Source:');
		expect(words).toMatch(/北朝鮮|ロシア/);
	});

	it('PNG at 600 dpi is twice the pixels of 300 dpi', async () => {
		const size = (file: string) => {
			const png = readFileSync(file);
			return [png.readUInt32BE(16), png.readUInt32BE(20)];
		};
		const [w3, h3] = size(await save({ format: 'png', content: 'spiral' }, 'spiral-300.png'));
		const [w6, h6] = size(await save({ format: 'png', content: 'spiral', dpi: '600' }, 'spiral-600.png'));
		expect(Math.abs(w6 - 2 * w3)).toBeLessThanOrEqual(2);
		expect(Math.abs(h6 - 2 * h3)).toBeLessThanOrEqual(2);
	});
});

describe('DOCX', { timeout: 60_000 }, () => {
	it('opens in LibreOffice: the report converts to PDF with its tables, figures and bibliography', async () => {
		const docx = await save({ format: 'docx', runs: '200' }, 'report.docx');
		const profile = mkdtempSync(join(tmpdir(), 'lo-'));
		execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'pipe', timeout: 120_000 });
		const pdf = join(OUT, 'report.pdf');
		const words = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
		for (const expected of ['Summary', 'Table 1.', 'Table 2. Assumptions', 'Figure 1.', 'Figure 6.', 'Bibliography', 'ロシアと北朝鮮の新条約', 'Provenance']) expect(words).toContain(expected);
		expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])).toBeGreaterThan(5);
		execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '4', pdf, join(OUT, 'report-page')]);
	}, 180_000);

	it('opens in LibreOffice: the options table alone', async () => {
		const docx = await save({ format: 'docx', content: 'options', runs: '200' }, 'options.docx');
		const profile = mkdtempSync(join(tmpdir(), 'lo-'));
		execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'txt:Text', '--outdir', OUT, docx], { stdio: 'pipe', timeout: 120_000 });
		const txt = readFileSync(join(OUT, 'options.txt'), 'utf8');
		expect(txt).toContain('Joint expert mission on missile debris in Europe');
		expect(txt).toContain('P(best)');
	}, 180_000);
});
