import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildMachine, evaluateScenario, parseScenario } from '../../src/lib/core/index.js';
import { launchBrowser, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');
const SHIPPED = '/s/russia-dprk-2024';

/** The option names of the shipped tree's first two levels, by node path, from the scenario file itself. */
function firstTwoLevels(): Map<string, string> {
	const scenario = parseScenario(readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8')).scenario!;
	const flat = evaluateScenario(buildMachine(scenario)).flat!;
	const nodes = flat.tree.nodes;
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	return new Map(
		nodes.filter((n) => n.depth === 1 || n.depth === 2).map((n) => [n.path, states.get(nodes[n.parent].state)!.moves.find((m) => m.id === n.move)!.label])
	);
}

interface DrawnText {
	text: string;
	path: string | null;
	testid: string | null;
	px: number;
	box: { left: number; right: number; top: number; bottom: number };
}

/** Every text drawn in the tree pane: its words, node, on-screen font size and box. */
async function drawnTexts(page: Page): Promise<{ pane: DrawnText['box']; texts: DrawnText[] }> {
	return page.evaluate(`(() => {
		const svg = document.querySelector('[data-testid="tree"]');
		const r = svg.getBoundingClientRect();
		const texts = [...svg.querySelectorAll('text')].filter((t) => !t.closest('.callout')).map((t) => {
			const b = t.getBoundingClientRect();
			return {
				text: t.textContent,
				path: t.closest('[data-testid="node"]')?.getAttribute('data-path') ?? null,
				testid: t.getAttribute('data-testid'),
				px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
				box: { left: b.left, right: b.right, top: b.top, bottom: b.bottom }
			};
		});
		return { pane: { left: r.left, right: r.right, top: r.top, bottom: r.bottom }, texts };
	})()`);
}

const overlap = (a: DrawnText['box'], b: DrawnText['box']) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
const inside = (a: DrawnText['box'], pane: DrawnText['box']) => a.left >= pane.left - 0.5 && a.right <= pane.right + 0.5 && a.top >= pane.top - 0.5 && a.bottom <= pane.bottom + 0.5;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('the tree reads at a laptop’s default view', () => {
	const names = firstTwoLevels();
	for (const size of [
		{ width: 1280, height: 800 },
		{ width: 1024, height: 700 }
	])
		it(`at ${size.width}×${size.height}: every option name of the first two levels is drawn at 12 px or more, inside the pane, and no two labels overlap`, async () => {
			const page = await browser.newPage({ viewport: size });
			await page.goto(`${base()}${SHIPPED}`);
			await page.waitForSelector('[data-hydrated] [data-testid="node"]');
			await page.waitForTimeout(300);
			await shot(page, `tree-${size.width}`);
			const { pane, texts } = await drawnTexts(page);
			expect(texts.length).toBeGreaterThan(2 * names.size);
			for (const [path, name] of names) {
				const lines = texts.filter((t) => t.path === path && t.testid === 'move-label');
				const drawn = lines.map((t) => t.text).join(' ');
				// The whole name, or its start shortened with "…" (the node's title and accessible name carry the rest).
				expect(drawn === name || (drawn.endsWith('…') && name.replace(/\s+/g, ' ').startsWith(drawn.slice(0, -1).trimEnd())), `${path}: "${drawn}" for "${name}"`).toBe(true);
				for (const line of lines) {
					expect(line.px, `${path} font size`).toBeGreaterThanOrEqual(12);
					expect(inside(line.box, pane), `${path} "${line.text}" inside the pane`).toBe(true);
				}
				expect(await page.locator(`[data-testid="node"][data-path="${path}"]`).getAttribute('aria-label')).toContain(name);
			}
			const collisions: string[] = [];
			for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (overlap(texts[i].box, texts[j].box)) collisions.push(`"${texts[i].text}" × "${texts[j].text}"`);
			expect(collisions).toEqual([]);
			// Deeper levels are folded, and the page says so.
			expect(await page.locator('[data-testid="fit-note"]').textContent()).toMatch(/Showing 2 of 6 levels at a readable size/);
			await page.close();
		});
});

describe('the tree by keyboard alone', () => {
	it('from the page’s start: skip to the tree, walk to an outcome with the arrow keys, open its sources, and move an assumption', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		await page.goto(`${base()}${SHIPPED}`);
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		const focused = () => page.evaluate(`(() => { const e = document.activeElement; return { path: e?.getAttribute('data-path'), label: (e?.getAttribute('aria-label') ?? e?.textContent ?? '').trim().slice(0, 200), tag: e?.tagName, id: e?.id, role: e?.getAttribute('role'), inInspector: !!e?.closest('[data-testid="inspector"]'), testid: e?.getAttribute('data-testid') }; })()`) as Promise<{ path: string | null; label: string; tag?: string; id?: string; role: string | null; inInspector: boolean; testid: string | null }>;

		// The first Tab reaches the skip link; following it puts the focus on the tree's root.
		await page.keyboard.press('Tab');
		expect(await focused()).toMatchObject({ tag: 'A', label: 'Skip to the decision tree' });
		await page.keyboard.press('Enter');
		expect(await focused()).toMatchObject({ path: '', role: 'treeitem' });
		// The Security Council route's value hangs on the chance of a Russian veto, the first assumption.
		const councilValue = () => page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"] [data-testid="node-value"]').textContent();
		const before = await councilValue();

		// → opens or enters a node, ↓ moves on: go right until an outcome.
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowDown');
		let now = await focused();
		for (let k = 0; k < 20 && !/, outcome, /.test(now.label); k++) {
			await page.keyboard.press('ArrowRight');
			now = await focused();
		}
		expect(now.label).toMatch(/, outcome, .*outcome Weighted score/);
		const outcome = now.path!;

		// Enter selects it and opens its details: title, values and cited sources, with the focus there.
		await page.keyboard.press('Enter');
		now = await focused();
		expect(now.inInspector).toBe(true);
		const inspector = page.locator('[data-testid="inspector"]');
		const state = await page.locator(`[data-testid="node"][data-path="${outcome}"]`).getAttribute('aria-label');
		expect(state).toContain((await inspector.locator('[data-testid="inspector-title"]').textContent())!.trim());
		expect(await inspector.locator('[data-testid="citation"]').count()).toBeGreaterThan(0);
		// The sources are there to read: each excerpt with its gloss, in a panel a keyboard can scroll (it takes the focus).
		const first = inspector.locator('[data-testid="citation"]').first();
		expect((await first.locator('.excerpt').textContent())!.trim().length).toBeGreaterThan(5);
		expect((await first.locator('.gloss').textContent())!.trim().length).toBeGreaterThan(5);
		expect(await page.locator('#inspector-body').getAttribute('tabindex')).toBe('0');
		await shot(page, 'keyboard-outcome-sources');

		// Back to the start, to the assumptions, and move the first slider with the arrow keys.
		// Tab on past the end of the page comes round to its start.
		for (let k = 0; k < 12 && (await focused()).label !== 'Skip to assumptions'; k++) await page.keyboard.press('Tab');
		expect(await focused()).toMatchObject({ tag: 'A', label: 'Skip to assumptions' });
		await page.keyboard.press('Enter');
		// Past the preset and how each other actor moves.
		for (let k = 0; k < 12 && !((await focused()).testid ?? '').startsWith('slider-'); k++) await page.keyboard.press('Tab');
		const slider = (await focused()).testid!;
		expect(slider).toBe('slider-p_veto');
		const value = await page.locator(`[data-testid="${slider}"]`).inputValue();
		for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowLeft');
		await expect.poll(() => page.locator(`[data-testid="${slider}"]`).inputValue()).not.toBe(value);
		await expect.poll(() => page.evaluate('location.search')).toContain('p_veto=');
		// Back to the tree by its skip link, Home to the root: the Security Council route's value beside it follows the new assumption.
		for (let k = 0; k < 20 && (await focused()).label !== 'Skip to the decision tree'; k++) await page.keyboard.press('Shift+Tab');
		expect(await focused()).toMatchObject({ tag: 'A', label: 'Skip to the decision tree' });
		await page.keyboard.press('Enter');
		await page.keyboard.press('Home');
		expect(await focused()).toMatchObject({ path: '', role: 'treeitem' });
		await expect.poll(councilValue).not.toBe(before);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('Left folds a node and Right opens it again, with the tree’s state told to assistive technology', async () => {
		const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
		await page.goto(`${base()}${SHIPPED}`);
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		const node = page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]');
		await node.focus();
		expect(await node.getAttribute('aria-expanded')).toBe('true');
		const shown = await page.locator('[data-testid="node"]').count();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => node.getAttribute('aria-expanded')).toBe('false');
		expect(await page.locator('[data-testid="node"]').count()).toBeLessThan(shown);
		expect(await node.getAttribute('aria-label')).toMatch(/moves folded/);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => node.getAttribute('aria-expanded')).toBe('true');
		expect(await page.locator('[data-testid="node"]').count()).toBe(shown);
		// One node in the tab order at a time (roving tabindex), the focused one.
		expect(await page.locator('[data-testid="node"][tabindex="0"]').count()).toBe(1);
		expect(await page.locator('[data-testid="node"][tabindex="0"]').getAttribute('data-path')).toBe('UNSC_RESOLUTION');
		await page.close();
	});
	it('zoomed out below a readable size, draws every node as a mark that selects it, and the keyboard still walks', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		await page.goto(`${base()}${SHIPPED}`);
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		await page.locator('[data-testid="expand-all"]').click();
		const box = (await page.locator('[data-testid="tree"]').boundingBox())!;
		await page.mouse.move(box.x + 40, box.y + box.height / 2);
		for (let k = 0; k < 12; k++) await page.mouse.wheel(0, 400);
		await expect.poll(() => page.locator('[data-testid="move-label"]').count()).toBe(0);
		const marks = page.locator('[data-testid="node"][aria-hidden="true"]');
		expect(await marks.count()).toBeGreaterThan(100);
		// Only the active node is a tree item: one stop for the keyboard, a name for a screen reader.
		expect(await page.locator('[role="treeitem"]').count()).toBe(1);
		// A mark well inside the pane (clear of the overview in its corner), clicked where it is drawn.
		const target = (await page.evaluate(`(() => {
			const pane = document.querySelector('[data-testid="tree"]').getBoundingClientRect();
			const inside = [...document.querySelectorAll('[data-testid="node"][aria-hidden="true"]')].map((g) => ({ path: g.getAttribute('data-path'), r: g.getBoundingClientRect() }))
				.filter(({ r }) => r.left > pane.left + 20 && r.right < pane.left + pane.width * 0.6 && r.top > pane.top + 20 && r.bottom < pane.top + pane.height * 0.6);
			const { path, r } = inside[Math.floor(inside.length / 2)];
			return { path, x: r.left + r.width / 2, y: r.top + r.height / 2 };
		})()`)) as { path: string; x: number; y: number };
		const path = target.path;
		await page.mouse.click(target.x, target.y);
		await expect.poll(() => page.locator('[data-testid="inspector-title"]').isVisible()).toBe(true);
		const item = page.locator('[role="treeitem"]');
		expect(await item.getAttribute('data-path')).toBe(path);
		await item.focus();
		// A key moves on and brings the next node into view at a readable size.
		await page.keyboard.press('ArrowDown');
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('treeitem');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).not.toBe(path);
		await expect.poll(() => page.locator('[data-testid="move-label"]').count()).toBeGreaterThan(0);
		await page.close();
	});
});
