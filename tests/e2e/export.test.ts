import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, open, shot } from '../../tools/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const base = () => inject('baseURL');
const SHIPPED = '/s/russia-dprk-2024';

let context: BrowserContext;
beforeAll(async () => {
	context = await launch();
});
afterAll(async () => {
	await context?.close();
});

/** Clicks Download and returns the file's bytes and suggested name. */
async function download(page: Page): Promise<{ bytes: Buffer; name: string }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid="export-download"]').click()]);
	return { bytes: readFileSync((await file.path())!), name: file.suggestedFilename() };
}

/** Runs the command the Export tab shows, as a user would paste it, and returns what it writes. */
function runShownCommand(command: string): Buffer {
	expect(command.startsWith('npm run bp -- export ')).toBe(true);
	const args = [...command.slice('npm run bp -- '.length).matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
	const result = spawnSync('node', ['tools/bp.js', ...args, '--out', '-'], { cwd: ROOT, timeout: 120_000, maxBuffer: 1 << 28 });
	expect(result.status, result.stderr?.toString()).toBe(0);
	return result.stdout;
}

describe('exports from the workbench', () => {
	it('the SVG the Export tab downloads is byte for byte what the shown CLI command writes', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="slider-p_veto"]').fill('0.5');
		await page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').click();
		await page.locator('[data-testid="view-export"]').click();
		await page.locator('[data-testid="export-format"]').selectOption('svg');
		await page.locator('[data-testid="export-subtree"]').check();
		await page.locator('[data-testid="export-greyscale"]').check();
		const command = (await page.locator('[data-testid="export-command"]').textContent())!;
		expect(command).toContain('--set p_veto=0.5');
		expect(command).toContain('--subtree UNSC_RESOLUTION');
		const ui = await download(page);
		expect(ui.name).toBe('russia-dprk-2024-tree-UNSC_RESOLUTION.svg');
		expect(ui.bytes.toString('utf8')).toContain('"p_veto":0.5');
		expect(ui.bytes.equals(runShownCommand(command))).toBe(true);
		await page.locator('[data-testid="export-preview-button"]').click();
		await expect.poll(() => page.locator('[data-testid="export-preview"]').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(300);
		await expect(page.locator('[data-testid="export-texts"]').textContent()).resolves.toMatch(/Alt text\. Decision tree from “Security Council vote”/);
		await shot(page, 'export-preview');
		expect(errors).toEqual([]);
	});

	it('downloads a 600 dpi PNG, a PDF and a Word report that match the CLI', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}?criterion=security`);
		await page.locator('[data-testid="view-export"]').click();
		await page.locator('[data-testid="export-format"]').selectOption('png');
		await page.locator('[data-testid="export-content"]').selectOption('tornado');
		await page.locator('[data-testid="export-dpi"]').selectOption('600');
		const png = await download(page);
		expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(png.bytes.equals(runShownCommand((await page.locator('[data-testid="export-command"]').textContent())!))).toBe(true);

		await page.locator('[data-testid="export-format"]').selectOption('pdf');
		const pdf = await download(page);
		expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.name).toBe('russia-dprk-2024-tornado.pdf');

		await page.locator('[data-testid="export-format"]').selectOption('docx');
		await expect(page.locator('[data-testid="export-content"]').inputValue()).resolves.toBe('report');
		const docx = await download(page);
		expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
		expect(docx.bytes.equals(runShownCommand((await page.locator('[data-testid="export-command"]').textContent())!))).toBe(true);
		await shot(page, 'export-tab');
		expect(errors).toEqual([]);
	}, 300_000);

	it('shows a refused export where the user is looking and saves no file', async () => {
		const { page } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="view-export"]').click();
		await page.locator('[data-testid="export-format"]').selectOption('csv');
		await page.locator('[data-testid="export-runs"]').fill('5');
		let downloaded = false;
		page.on('download', () => (downloaded = true));
		await page.locator('[data-testid="export-download"]').click();
		await expect(page.locator('[data-testid="export-error"]').textContent()).resolves.toMatch(/runs takes a whole number from 10 to 20000; got "5"/);
		expect(downloaded).toBe(false);
	});

	it('exports in the page’s language, or in the other one chosen, with the same bytes as the command it shows', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}?lang=ja`);
		await page.locator('[data-testid="view-export"]').click();
		await expect(page.locator('[data-testid="export-lang"]').inputValue()).resolves.toBe('ja');
		await page.locator('[data-testid="export-format"]').selectOption('svg');
		await page.locator('[data-testid="export-content"]').selectOption('tornado');
		const command = (await page.locator('[data-testid="export-command"]').textContent())!;
		expect(command).toContain('--lang ja');
		const ja = await download(page);
		expect(ja.bytes.toString('utf8')).toMatch(/<title id="figure-title">ロ朝条約（2024年6月）：日米韓の対応：各前提に対する加重スコアの感度。/);
		expect(ja.bytes.equals(runShownCommand(command))).toBe(true);
		await page.locator('[data-testid="export-preview-button"]').click();
		await expect(page.locator('[data-testid="export-texts"]').textContent()).resolves.toContain('個の前提のトルネード図');
		await shot(page, 'export-tab-ja');

		await page.locator('[data-testid="export-lang"]').selectOption('en');
		const english = (await page.locator('[data-testid="export-command"]').textContent())!;
		expect(english).not.toContain('--lang');
		const en = await download(page);
		expect(en.bytes.toString('utf8')).toContain('sensitivity of the weighted score to each assumption');
		expect(en.bytes.equals(runShownCommand(english))).toBe(true);

		// A refusal comes in the export's language.
		await page.locator('[data-testid="export-lang"]').selectOption('ja');
		await page.locator('[data-testid="export-format"]').selectOption('csv');
		await page.locator('[data-testid="export-runs"]').fill('5');
		await page.locator('[data-testid="export-download"]').click();
		await expect(page.locator('[data-testid="export-error"]').textContent()).resolves.toContain('runs には 10 から 20000 までの整数を指定してください（指定値 "5"）。');
		expect(errors).toEqual([]);
	}, 300_000);
});
