import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');
const SHIPPED = '/s/russia-dprk-2024';
const SCREENS = [
	{ width: 1920, height: 1080 },
	{ width: 1366, height: 768 },
	{ width: 1280, height: 800 },
	{ width: 1024, height: 700 },
	{ width: 768, height: 1024 },
	{ width: 390, height: 844 }
];

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function openWorkbench(size: { width: number; height: number }, lang = 'en'): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({ viewport: size });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.goto(`${base()}${SHIPPED}${lang === 'en' ? '' : `?lang=${lang}`}`);
	await page.waitForSelector('[data-hydrated] [data-testid="node"]');
	await page.waitForTimeout(300);
	return { page, errors };
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };

/** Controls of the header and the tree's toolbar that overlap one another (each pair once). */
const OVERLAPPING = `(() => {
	const items = [...document.querySelectorAll('header .bar > *, header [role=tab], .toolbar > *, .status > *')].filter((e) => e.getClientRects().length > 0);
	const found = [];
	for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
		if (items[i].contains(items[j]) || items[j].contains(items[i])) continue;
		const a = items[i].getBoundingClientRect(), b = items[j].getBoundingClientRect();
		if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push((items[i].textContent || '').trim().slice(0, 20) + ' × ' + (items[j].textContent || '').trim().slice(0, 20));
	}
	return found;
})()`;

describe('the workbench on every screen, in English and in Japanese', () => {
	for (const lang of ['en', 'ja'])
	for (const size of SCREENS)
		it(`at ${size.width}×${size.height}${lang === 'en' ? '' : ` in ${lang}`}: nothing runs off the screen or overlaps, and the tree gets the room`, async () => {
			const { page, errors } = await openWorkbench(size, lang);
			const name = `workbench-${size.width}x${size.height}${lang === 'en' ? '' : `-${lang}`}`;
			await shot(page, name);
			expect(await page.evaluate('document.scrollingElement.scrollWidth <= innerWidth')).toBe(true);
			expect(await page.evaluate(OVERLAPPING)).toEqual([]);
			const tree = await box(page, '[data-testid="tree"]');
			// The tree pane takes most of the width, and at least half the height.
			expect(tree.width).toBeGreaterThanOrEqual(size.width >= 1100 ? size.width - 700 : size.width - 2);
			expect(tree.height).toBeGreaterThanOrEqual(size.height * 0.5);
			const tabs = page.locator('[data-tab="assumptions"]:visible');
			if (size.width < 1100) {
				// Narrow: the panels are tabs, each taking the whole width in turn.
				expect(await tabs.count()).toBe(1);
				expect(await page.locator('[data-testid="panel-assumptions"]').isVisible()).toBe(false);
				await tabs.click();
				const panel = await box(page, '[data-testid="panel-assumptions"]');
				expect(panel.width).toBeGreaterThanOrEqual(size.width - 2);
				expect(await page.locator('[data-testid="tree"]').isVisible()).toBe(false);
				await shot(page, `${name}-assumptions`);
			} else {
				expect(await tabs.count()).toBe(0);
				expect(await page.locator('[data-testid="panel-assumptions"]').isVisible()).toBe(true);
				expect(await page.locator('[data-testid="panel-inspector"]').isVisible()).toBe(true);
			}
			expect(errors).toEqual([]);
			await page.context().close();
		});
});

describe('the side panels', () => {
	it('fold to a rail and open again, resize by dragging or by keys, and are remembered', async () => {
		const { page } = await openWorkbench({ width: 1280, height: 800 });
		const before = await box(page, '[data-testid="tree"]');

		await page.locator('[data-testid="hide-assumptions"]').click();
		const rail = page.locator('[data-testid="show-assumptions"]');
		expect(await rail.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(async () => (await box(page, '[data-testid="tree"]')).width).toBeGreaterThan(before.width + 150);
		// The tree refits to the room it was given: the fit note still speaks for the view.
		expect(await page.locator('[data-testid="fit-note"]').textContent()).toMatch(/levels|Every level/);

		// The inspector's edge is a window splitter: ← widens it (it sits on the right), End takes it to the widest.
		const edge = page.locator('[data-testid="resize-inspector"]');
		const width = Number(await edge.getAttribute('aria-valuenow'));
		await edge.focus();
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await expect.poll(async () => Number(await edge.getAttribute('aria-valuenow'))).toBe(width + 32);
		expect(Math.round((await box(page, '[data-testid="panel-inspector"]')).width)).toBe(width + 32);

		// Dragging the assumptions' edge is the same (open it first).
		await rail.click();
		const left = page.locator('[data-testid="resize-assumptions"]');
		const start = await box(page, '[data-testid="resize-assumptions"]');
		const from = Number(await left.getAttribute('aria-valuenow'));
		await page.mouse.move(start.x + start.width / 2, start.y + 200);
		await page.mouse.down();
		await page.mouse.move(start.x + start.width / 2 + 60, start.y + 200, { steps: 4 });
		await page.mouse.up();
		await expect.poll(async () => Number(await left.getAttribute('aria-valuenow'))).toBe(from + 60);

		// All of it survives a reload.
		await page.reload();
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		await expect.poll(async () => Number(await page.locator('[data-testid="resize-inspector"]').getAttribute('aria-valuenow'))).toBe(width + 32);
		expect(Number(await page.locator('[data-testid="resize-assumptions"]').getAttribute('aria-valuenow'))).toBe(from + 60);

		// Enter on an edge folds its panel; the fold is remembered too.
		await page.locator('[data-testid="resize-inspector"]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-testid="show-inspector"]').count()).toBe(1);
		await page.reload();
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		await expect.poll(() => page.locator('[data-testid="show-inspector"]').count()).toBe(1);
		// Opening a node's details unfolds the panel and puts the focus on its title.
		await page.locator('[data-testid="node"][data-path=""]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('inspector-title');
		await page.context().close();
	});

	it('on a narrow screen are tabs: arrow keys move between them, and Enter on a node shows its details', async () => {
		const { page, errors } = await openWorkbench({ width: 768, height: 1024 });
		const tree = page.locator('[data-tab="tree"]:visible');
		expect(await tree.getAttribute('aria-selected')).toBe('true');
		await tree.focus();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => page.locator('[data-tab="assumptions"]:visible').getAttribute('aria-selected')).toBe('true');
		expect(await page.evaluate('document.activeElement?.dataset.tab')).toBe('assumptions');
		expect(await page.locator('[data-testid="slider-p_veto"]').isVisible()).toBe(true);
		await page.keyboard.press('End');
		await expect.poll(() => page.evaluate('document.activeElement?.dataset.tab')).toBe('inspector');
		await page.keyboard.press('Home');
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.locator('[data-testid="tree"]').isVisible()).toBe(true);

		await page.locator('[data-testid="node"][data-path="DEBRIS_MISSION"]').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('[data-tab="inspector"]:visible').getAttribute('aria-selected')).toBe('true');
		expect(await page.evaluate('document.activeElement?.id')).toBe('inspector-title');
		expect(await page.locator('[data-testid="inspector-title"]').textContent()).toBeTruthy();
		expect(await page.locator('[data-testid="tree"]').isVisible()).toBe(false);
		await shot(page, 'workbench-narrow-details');
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
