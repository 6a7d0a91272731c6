import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exportScenario } from '../../src/lib/export/exportScenario.js';
import { pdfToRaster, type Raster } from '../../src/lib/server/pdfToRaster.js';
import { exportSource, validRequest } from '../helpers/exports.js';

const shipped = exportSource('shipped');
const exported = async (raw: Record<string, string>) => (await exportScenario(shipped, validRequest(shipped.scenario, raw))).bytes;

/** The raster's pixels as one array, top row first. */
function pixels(raster: Raster): Uint8Array {
	const out = new Uint8Array(raster.width * raster.height * 3);
	let at = 0;
	for (const band of raster.bands) {
		out.set(band.bytes.subarray(band.offset, band.offset + band.height * raster.width * 3), at);
		at += band.height * raster.width * 3;
	}
	return out;
}

/** A PNG's size and pixels, read back by hand: IHDR, the IDAT data inflated, each row's filter byte. */
function decodePng(png: Uint8Array): { width: number; height: number; filters: Set<number>; pixels: Uint8Array } {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	let width = 0;
	let height = 0;
	const idat: Uint8Array[] = [];
	for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) {
		const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
		const data = png.subarray(at + 8, at + 8 + view.getUint32(at));
		if (type === 'IHDR') {
			width = view.getUint32(at + 8);
			height = view.getUint32(at + 12);
			expect([...data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
		}
		if (type === 'IDAT') idat.push(data);
	}
	const rows = inflateSync(Buffer.concat(idat));
	const stride = width * 3;
	expect(rows.length).toBe((stride + 1) * height);
	const filters = new Set<number>();
	const out = new Uint8Array(stride * height);
	for (let y = 0; y < height; y++) {
		filters.add(rows[y * (stride + 1)]);
		out.set(rows.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
	}
	return { width, height, filters, pixels: out };
}

describe('PDF figures', { timeout: 120_000 }, () => {
	it('are the same bytes when the fonts’ layouts are remembered from an earlier figure', async () => {
		// The first export lays every word out afresh; the later ones reuse those layouts.
		const first = await exported({ format: 'pdf', depth: '3' });
		await exported({ format: 'pdf', content: 'tornado' });
		const again = await exported({ format: 'pdf', depth: '3' });
		expect(again.length).toBeGreaterThan(10_000);
		expect(Buffer.compare(again, first)).toBe(0);
	});
});

describe('PNG figures', { timeout: 120_000 }, () => {
	it('are drawn in two bands side by side with the same pixels as in one', async () => {
		const pdf = await exported({ format: 'pdf' });
		const whole = await pdfToRaster(pdf, 200);
		expect(whole.bands).toHaveLength(1);
		const banded = await pdfToRaster(pdf, 200, whole.height);
		expect(banded.bands).toHaveLength(2);
		expect([banded.width, banded.height]).toEqual([whole.width, whole.height]);
		expect(Buffer.compare(pixels(banded), pixels(whole))).toBe(0);
	});

	it('hold exactly the pixels pdftoppm draws from the PDF figure, at the size the resolution asks', async () => {
		const [png, pdf] = await Promise.all([exported({ format: 'png', dpi: '150' }), exported({ format: 'pdf' })]);
		const decoded = decodePng(png);
		const reference = await pdfToRaster(pdf, 150);
		expect([decoded.width, decoded.height]).toEqual([reference.width, reference.height]);
		expect(decoded.filters).toEqual(new Set([0]));
		expect(Buffer.compare(decoded.pixels, pixels(reference))).toBe(0);
		// Not a blank page: the tree's ink is there.
		expect(decoded.pixels.some((v) => v < 128)).toBe(true);
	});
});
