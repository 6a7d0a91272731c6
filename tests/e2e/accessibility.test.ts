import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, shot } from '../../tools/browser.js';
import { createWorkshop, joinWorkshop, sendCommand, type CreatedWorkshop } from '../../tools/workshopHttp.js';

// WCAG 2.1 A and AA (the level JIS X 8341-3 asks of Japanese public bodies), plus axe's best practices.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SIZES = [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
];

const base = () => inject('baseURL');
/** Elements that stick out past the right edge when the page scrolls sideways. */
const WIDER_THAN_SCREEN = `document.scrollingElement.scrollWidth <= innerWidth ? [] : ['page ' + document.scrollingElement.scrollWidth + ' px wide', ...[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.parentElement.closest('[role=region]')).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ' ' + (e.textContent || '').slice(0, 30))]`;
let browser: Browser;
let workshop: CreatedWorkshop;
let participant: string;
/** A scenario made from the template, with a source of its own for the reader. */
const SOURCED = 'a11y-sourced';

/** A browser context holding a workshop cookie (`name=value`), as the facilitator's or a participant's device does. */
async function contextWith(size: { width: number; height: number }, cookie?: string): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: size });
	if (cookie) {
		const at = cookie.indexOf('=');
		await context.addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: base() }]);
	}
	return context;
}

async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

beforeAll(async () => {
	browser = await launchBrowser();
	// A workshop with something in every part: a participant, a closed vote with a reason, a draw and an inject.
	workshop = await createWorkshop(base(), { teams: ['coalition'], title: 'Accessibility run', seed: 3 });
	participant = await joinWorkshop(base(), workshop, { name: 'Aiko', team: 'coalition' });
	await sendCommand(base(), workshop.id, workshop.facilitator, { type: 'openVote' });
	await sendCommand(base(), workshop.id, participant, { type: 'vote', move: 'UNSC_RESOLUTION', rationale: 'A resolution binds everyone' });
	await sendCommand(base(), workshop.id, workshop.facilitator, { type: 'closeVote' });
	await sendCommand(base(), workshop.id, workshop.facilitator, { type: 'draw' });
	await sendCommand(base(), workshop.id, workshop.facilitator, { type: 'inject', inject: 'inject-panel-ends' });
	await sendCommand(base(), workshop.id, workshop.facilitator, { type: 'openVote' });
	const made = await fetch(`${base()}/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base() }, body: JSON.stringify({ id: SOURCED, from: 'template' }) });
	if (!made.ok && made.status !== 409) throw new Error(`could not make ${SOURCED}: ${made.status} ${await made.text()}`);
});
afterAll(async () => {
	await browser?.close();
});

/** A view to check: its address and cookie are read once the workshop exists; `prepare` brings the part to check on screen. */
interface View {
	name: string;
	path: () => string;
	cookie?: () => string;
	prepare?: (page: Page) => Promise<void>;
}

const VIEWS: View[] = [
	{ name: 'library', path: () => '/' },
	{ name: 'editor', path: () => '/s/example-minimal/edit' },
	{
		// The source reader with a passage selected, the citation form and the form that adds a source.
		name: 'editor-sources',
		path: () => `/s/${SOURCED}/edit`,
		prepare: async (page: Page) => {
			await page.locator('[data-testid="editor-sources"] > summary').click();
			await page.locator('[data-testid="source-pick"]').selectOption('notes');
			await page.locator('[data-testid="source-reader"]').waitFor();
			await page.locator('[data-testid="source-find"]').fill('act now or to wait');
			await page.locator('[data-testid="source-find"]').press('Enter');
			await page.locator('[data-testid="cite-form"]').waitFor();
			await page.locator('[data-testid="editor-sources"] details > summary').click();
		}
	},
	{ name: 'workshops', path: () => '/workshops?scenario=russia-dprk-2024', cookie: () => workshop.facilitator },
	{ name: 'compare', path: () => '/workshops/compare?scenario=russia-dprk-2024', cookie: () => workshop.facilitator },
	{ name: 'join', path: () => '/join' },
	{ name: 'join-code', path: () => `/join/${workshop.code}` },
	{ name: 'participant', path: () => `/join/${workshop.code}`, cookie: () => participant },
	{ name: 'console', path: () => `/workshops/${workshop.id}/console`, cookie: () => workshop.facilitator },
	{ name: 'projector', path: () => `/workshops/${workshop.id}/projector` },
	{ name: 'review', path: () => `/workshops/${workshop.id}/review`, cookie: () => workshop.facilitator },
	{ name: 'workbench-tree', path: () => WORKBENCH },
	// On a narrow screen the panels are tabs: each is checked in its turn.
	{ name: 'workbench-assumptions', path: () => WORKBENCH, prepare: (page: Page) => showTab(page, 'assumptions') },
	{
		name: 'workbench-details',
		path: () => WORKBENCH,
		prepare: async (page: Page) => {
			await page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').click();
			await showTab(page, 'inspector');
		}
	},
	{
		// Russia choosing for itself: the marks in the tree, the play controls and the inspector's table of its choices.
		name: 'workbench-strategic',
		path: () => `${WORKBENCH}?play.russia=strategic&play.china=bounded`,
		prepare: async (page: Page) => {
			await page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').click();
			await showTab(page, 'inspector');
		}
	},
	{ name: 'workbench-analyses', path: () => WORKBENCH, prepare: (page: Page) => showTab(page, 'analyses') },
	{ name: 'workbench-export', path: () => WORKBENCH, prepare: (page: Page) => showTab(page, 'export') }
];

const WORKBENCH = '/s/russia-dprk-2024';
/** Shows a workbench view or panel by its tab (the panels have tabs only on a narrow screen; on a wide one they are always shown). */
async function showTab(page: Page, tab: string): Promise<void> {
	const button = page.locator(`[data-tab="${tab}"]:visible`);
	if ((await button.count()) > 0) await button.click();
	// The analyses view is checked once its first result (the tornado) is drawn, not at some moment before.
	if (tab === 'analyses') await page.locator('[data-testid="tornado"]').waitFor({ timeout: 30_000 });
	await page.waitForTimeout(300);
}

// One test per view and screen size: a failure names its view, and each has its own time limit.
describe.each(SIZES)('every view meets WCAG 2.1 AA by axe-core at $width×$height', (size) => {
	it.each(VIEWS)('$name', async (view) => {
		const context = await contextWith(size, view.cookie?.());
		try {
			const page = await context.newPage();
			await page.goto(`${base()}${view.path()}`);
			await page.waitForSelector('[data-hydrated]', { timeout: 20_000 });
			await page.waitForTimeout(400);
			if (view.prepare) await view.prepare(page);
			const list = await violations(page);
			// Nothing runs off the side of the screen.
			const overflow = (await page.evaluate(WIDER_THAN_SCREEN)) as string[];
			if (overflow.length > 0) list.push(`runs off the screen: ${overflow.join(', ')}`);
			await shot(page, `a11y-${view.name}-${size.width}`);
			expect(list).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
