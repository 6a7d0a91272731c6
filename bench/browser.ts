import { gzipSync } from 'node:zlib';
import { launch, open } from '../tools/browser.js';
import { buildApp, serveApp } from '../tools/serveApp.js';
import { percentile, type Figure } from './stats.js';
import { syntheticScenario } from './syntheticScenario.js';

interface Case {
	label: string;
	path: string;
	slider: string;
	values: [string, string];
	expandAll: boolean;
	/** After expanding, search for this label and jump to the hit (reading scale, off-screen nodes culled). */
	search?: string;
	/** After expanding, zoom out with the wheel until the whole tree is on screen (shapes only, every node drawn). */
	zoomOut?: boolean;
	maxP95: number;
}

/**
 * The in-page measurement, as source text: the bench runs under tsx, whose
 * transform would add helper calls to a function passed to the page.
 */
function measureInPage(slider: string, values: [string, string]): string {
	return `(async () => {
		const input = document.querySelector('[data-testid="slider-${slider}"]');
		const tree = document.querySelector('[data-testid="tree"]');
		const root = () => [...tree.querySelectorAll('[data-testid="node"]')].map((n) => n.getAttribute('aria-label')).join();
		// Svelte flushes its updates in a microtask; a few microtask turns see it done
		// (a macrotask would also wait on whatever the browser schedules first).
		const microtasks = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };
		const values = ${JSON.stringify(values)};
		const out = [];
		for (let k = 0; k < 70; k++) {
			const before = root();
			const t0 = performance.now();
			input.value = values[k % 2];
			input.dispatchEvent(new Event('input', { bubbles: true }));
			await microtasks();
			void tree.getBoundingClientRect().width; // style and layout
			const t = performance.now() - t0;
			if (root() === before && k > 0) throw new Error('the tree did not change');
			if (k >= 10) out.push(t);
			await new Promise((r) => requestAnimationFrame(r));
		}
		return out;
	})()`;
}

/**
 * The editor's measurement, as source text: a keystroke typed into the
 * scenario file (a character added to or taken from a comment at its end,
 * so the file stays valid) until the validated view is laid out: parsed,
 * validated, evaluated, the tree redrawn. CodeMirror reads the typing from
 * the DOM; the editor's own figure ("checked in … ms") must change each time.
 */
const MEASURE_EDITOR = `(async () => {
	const took = () => document.querySelector('.took')?.textContent ?? '';
	const microtasks = async () => { for (let i = 0; i < 5; i++) await Promise.resolve(); };
	const out = [];
	for (let k = 0; k < 40; k++) {
		const before = document.querySelector('.cm-content').textContent;
		const t0 = performance.now();
		if (k % 2 === 0) document.execCommand('insertText', false, 'x');
		else document.execCommand('delete');
		// CodeMirror reads DOM changes in a MutationObserver callback (a microtask), then Svelte flushes.
		for (let i = 0; i < 50 && document.querySelector('.cm-content').textContent === before; i++) await microtasks();
		await microtasks();
		void document.querySelector('[data-testid="tree"]').getBoundingClientRect().width;
		const t = performance.now() - t0;
		if (k >= 10) out.push(t);
		await new Promise((r) => setTimeout(r, 30));
	}
	return { times: out, shown: took() };
})()`;

/**
 * In Chromium: the time from an assumption change (an `input` event on the
 * slider) until the DOM is updated and laid out (paint excluded), p50 and p95 over 60
 * changes after 10 warm-up ones; and the gzipped JavaScript the workbench
 * page loads.
 */
export async function browserFigures(): Promise<Figure[]> {
	buildApp();
	const app = await serveApp({ scenarioDirs: ['scenarios'], extra: { synthetic: syntheticScenario({ levels: 6, branching: 4 }) } });
	const context = await launch();
	const figures: Figure[] = [];
	try {
		const cases: Case[] = [
			{ label: 'shipped scenario (russia-dprk-2024, default view)', path: '/s/russia-dprk-2024', slider: 'p_veto', values: ['0.3', '0.7'], expandAll: false, maxP95: 16 },
			{ label: 'shipped scenario, all 1,172 nodes expanded, zoomed out to the whole tree', path: '/s/russia-dprk-2024', slider: 'p_veto', values: ['0.3', '0.7'], expandAll: true, zoomOut: true, maxP95: 16 },
			{ label: 'shipped scenario, all expanded, at reading scale on a search hit', path: '/s/russia-dprk-2024', slider: 'p_veto', values: ['0.3', '0.7'], expandAll: true, search: 'Security Council vote', maxP95: 16 },
			{ label: 'generated 5,461-node scenario, all expanded, zoomed out to the whole tree', path: '/s/synthetic', slider: 'x', values: ['2', '3'], expandAll: true, zoomOut: true, maxP95: 50 },
			{ label: 'generated 5,461-node scenario, all expanded, at reading scale on a search hit', path: '/s/synthetic', slider: 'x', values: ['2', '3'], expandAll: true, search: 'End', maxP95: 50 }
		];
		for (const c of cases) {
			const scripts = new Map<string, number>();
			const page0 = await context.newPage();
			page0.on('response', async (response) => {
				if (response.request().resourceType() === 'script') {
					const body = await response.body().catch(() => undefined);
					if (body) scripts.set(response.url(), gzipSync(body).length);
				}
			});
			await page0.goto(`${app.baseURL}${c.path}`);
			await page0.waitForSelector('[data-hydrated]');
			await page0.waitForLoadState('networkidle');
			if (c === cases[0]) {
				const bytes = [...scripts.values()].reduce((a, b) => a + b, 0);
				figures.push({ name: 'workbench page: gzipped JavaScript loaded', value: bytes / 1024, unit: 'kB', maxValue: 250, note: `${scripts.size} scripts` });
			}
			await page0.close();

			const { page } = await open(context, `${app.baseURL}${c.path}`);
			if (c.expandAll) await page.locator('[data-testid="expand-all"]').click();
			await page.waitForTimeout(300);
			if (c.zoomOut) {
				const box = (await page.locator('[data-testid="tree"]').boundingBox())!;
				await page.mouse.move(box.x + 40, box.y + box.height / 2);
				for (let k = 0; k < 12; k++) await page.mouse.wheel(0, 400);
			}
			if (c.search) {
				await page.locator('[data-testid="search"]').fill(c.search);
				await page.locator('[data-testid="search"]').press('Enter');
			}
			await page.waitForTimeout(300);
			const nodes = await page.locator('[data-testid="node"]').count();
			const times = (await page.evaluate(measureInPage(c.slider, c.values)).catch((error) => {
				throw new Error(`${c.label}: ${error.message}`);
			})) as number[];
			figures.push({ name: `assumption change → tree re-rendered, p50, ${c.label}`, value: percentile(times, 50), unit: 'ms', note: `${nodes} nodes drawn` });
			figures.push({ name: `assumption change → tree re-rendered, p95, ${c.label}`, value: percentile(times, 95), unit: 'ms', maxValue: c.maxP95, note: `${nodes} nodes drawn` });
			await page.close();
		}
		const { page: editor } = await open(context, `${app.baseURL}/s/russia-dprk-2024/edit`);
		await editor.locator('.cm-content').click();
		await editor.keyboard.press('ControlOrMeta+End');
		await editor.keyboard.type('\n# ');
		await editor.waitForTimeout(300);
		const typed = (await editor.evaluate(MEASURE_EDITOR)) as { times: number[]; shown: string };
		if (!/\d/.test(typed.shown)) throw new Error('the editor did not validate the typed text');
		figures.push({ name: 'editor: keystroke → validated view (parse, validate, evaluate, tree redrawn), p50, shipped scenario', value: percentile(typed.times, 50), unit: 'ms' });
		figures.push({ name: 'editor: keystroke → validated view, p95, shipped scenario', value: percentile(typed.times, 95), unit: 'ms', maxValue: 100 });
		await editor.close();
	} finally {
		await context.close();
		app.stop();
	}
	return figures;
}
