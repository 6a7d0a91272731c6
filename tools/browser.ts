import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = 'test-results/screenshots';

const CHROMIUM = {
	executablePath: '/usr/bin/chromium',
	headless: true,
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
};

/** Debian's Chromium with the flags this machine needs (DESIGN.md, toolchain facts). */
export async function launch(): Promise<BrowserContext> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bp-chromium-')), { ...CHROMIUM, viewport: { width: 1600, height: 1000 } });
}

/** One Chromium for several people: each `browser.newContext()` has its own cookies, as separate devices do. */
export async function launchBrowser(): Promise<Browser> {
	mkdirSync(SCREENSHOTS, { recursive: true });
	return chromium.launch(CHROMIUM);
}

/** Opens a page and waits until Svelte has hydrated it, collecting page errors. */
export async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(String(error)));
	await page.goto(url);
	await page.waitForSelector('[data-hydrated]', { timeout: 20_000 });
	return { page, errors };
}

export async function shot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
