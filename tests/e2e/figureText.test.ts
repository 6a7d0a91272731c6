import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../../tools/browser.js';

// Every figure of every scenario, as the exporter writes it (the server's export route is the
// CLI's exporter), laid out by Chromium: no two texts may overlap, and no text may sit on a link.
const base = () => inject('baseURL');

const FIGURES: Record<string, string[]> = {
	'russia-dprk-2024': [
		'content=tree',
		'content=tree&depth=3',
		'content=tree&optimal&depth=6',
		'content=tree&subtree=DEBRIS_MISSION&depth=4',
		'content=tornado',
		'content=twoway&steps=7',
		'content=histogram&runs=200',
		'content=risk&runs=200',
		'content=spiral'
	],
	'example-minimal': ['content=tree', 'content=tree&greyscale', 'content=tornado', 'content=histogram&runs=200', 'content=risk&runs=200'],
	// Outcomes at four depths: the case where outcome labels used to run into deeper branches.
	appeal: ['content=tree', 'content=tree&depth=4', 'content=tornado', 'content=twoway&steps=7', 'content=histogram&runs=200', 'content=risk&runs=200']
};

interface Problems {
	texts: number;
	overlaps: string[];
	onLinks: string[];
}

/** Loads an SVG and finds overlapping texts, and texts crossed by a link (sampled every 2 px). */
async function problemsIn(page: Page, svg: string): Promise<Problems> {
	await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`);
	await page.evaluate('document.fonts.ready');
	return page.evaluate(`(() => {
		const texts = [...document.querySelectorAll('svg text')].filter((t) => (t.textContent || '').trim() !== '' && !t.closest('defs, title, desc, metadata'));
		// A multi-line text (tspans on their own lines) is one box per line.
		const boxes = texts.flatMap((t) => {
			const lines = [...t.querySelectorAll(':scope > tspan[x]')];
			const parts = lines.length > 1 ? lines : [t];
			// The box of the glyphs' em square: a line box also holds the font's ascent and descent, which
			// overlap between lines set at 1.35 em without any ink touching.
			const size = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.d ?? 1);
			return parts.map((p) => {
				const b = p.getBoundingClientRect();
				const middle = (b.top + b.bottom) / 2;
				return { r: { left: b.left, right: b.right, top: middle - size / 2, bottom: middle + size / 2, width: b.width, height: size }, s: (p.textContent || '').trim().slice(0, 40) };
			});
		}).filter((b) => b.r.width > 0 && b.r.height > 0);
		const overlaps = [];
		const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
		for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i].r, boxes[j].r)) overlaps.push(boxes[i].s + ' × ' + boxes[j].s);
		const onLinks = [];
		for (const path of document.querySelectorAll('svg path[fill="none"]')) {
			const m = path.getScreenCTM();
			const length = path.getTotalLength();
			for (let d = 0; d <= length; d += 2) {
				const p = path.getPointAtLength(d);
				const x = m.a * p.x + m.c * p.y + m.e;
				const y = m.b * p.x + m.d * p.y + m.f;
				const box = boxes.find((b) => x > b.r.left + 1 && x < b.r.right - 1 && y > b.r.top + 1 && y < b.r.bottom - 1);
				if (box) {
					onLinks.push(box.s);
					break;
				}
			}
		}
		return { texts: boxes.length, overlaps, onLinks: [...new Set(onLinks)] };
	})()`);
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('exported figures have no colliding text', () => {
	for (const [scenario, figures] of Object.entries(FIGURES))
		it(`${scenario}: ${figures.length} figures`, async () => {
			const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
			const found: Record<string, Omit<Problems, 'texts'>> = {};
			for (const query of figures) {
				const response = await fetch(`${base()}/s/${scenario}/export?format=svg&${query}`);
				expect(response.status, `${scenario} ${query}: ${response.status}`).toBe(200);
				const { texts, overlaps, onLinks } = await problemsIn(page, await response.text());
				expect(texts, `${scenario} ${query}: texts drawn`).toBeGreaterThan(5);
				if (overlaps.length > 0 || onLinks.length > 0) found[query] = { overlaps, onLinks };
			}
			expect(found).toEqual({});
			await page.close();
		});
});
