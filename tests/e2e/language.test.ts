import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, open, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');
const SHIPPED = '/s/russia-dprk-2024';

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A reader whose browser asks for `language` first, as a Japanese analyst's does. */
const reader = (language: string, size = { width: 1280, height: 800 }): Promise<BrowserContext> =>
	browser.newContext({ locale: language, extraHTTPHeaders: { 'Accept-Language': `${language},en;q=0.5` }, viewport: size });

describe('Japanese and English', () => {
	it('follows Accept-Language at first: the server draws the page in Japanese, <html lang> included', async () => {
		const context = await reader('ja-JP');
		const response = await (await context.newPage()).request.get(`${base()}/`);
		expect(await response.text()).toMatch(/<html lang="ja">/);
		const { page, errors } = await open(context, `${base()}/`);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
		await expect(page.locator('.lede').textContent()).resolves.toBe('シナリオと政策オプションの分析ワークベンチです。シナリオを選んでください。');
		await expect(page.locator('thead th').first().textContent()).resolves.toBe('シナリオ');
		// The scenario's own texts too, where it gives them in Japanese.
		await expect(page.locator('a[href="/s/russia-dprk-2024"]').textContent()).resolves.toBe('ロ朝条約（2024年6月）：日米韓の対応');
		await shot(page, 'language-library-ja');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('switches to English and back in the workbench; the link carries the language and a reload keeps it', async () => {
		const context = await reader('ja-JP');
		const { page, errors } = await open(context, `${base()}${SHIPPED}?a.p_veto=0.5`);
		await expect(page.locator('[data-testid="view-tree"]').textContent()).resolves.toBe('決定木');
		await expect(page.locator('[data-testid="inspector-title"]').textContent()).resolves.toBe('ロ朝条約への最初の対応');
		await expect(page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').textContent()).resolves.toContain('安保理ルート');
		await expect.poll(() => page.url()).toContain('lang=ja');
		await shot(page, 'language-workbench-ja');

		await Promise.all([page.waitForURL(/lang=en/), page.locator('[data-testid="language"]').selectOption('en')]);
		await page.waitForSelector('[data-hydrated]');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		await expect(page.locator('[data-testid="view-tree"]').textContent()).resolves.toBe('Decision tree');
		await expect(page.locator('[data-testid="inspector-title"]').textContent()).resolves.toBe('First response to the Russia–DPRK treaty');
		// The what-if stays as it was.
		expect(page.url()).toContain('a.p_veto=0.5');
		// Remembered: the library, opened without a language in its address, is in English although the browser asks for Japanese.
		const library = await open(context, `${base()}/`);
		await expect(library.page.locator('html').getAttribute('lang')).resolves.toBe('en');

		await Promise.all([page.waitForURL(/lang=ja/), page.locator('[data-testid="language"]').selectOption('ja')]);
		await page.waitForSelector('[data-hydrated]');
		await expect(page.locator('[data-testid="view-tree"]').textContent()).resolves.toBe('決定木');
		await page.reload();
		await page.waitForSelector('[data-hydrated]');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows the analyses and the export tab in Japanese', async () => {
		const context = await reader('ja-JP');
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="view-analyses"]').click();
		await page.waitForSelector('[data-testid="tornado"] rect');
		await expect(page.locator('[data-testid="view-analyses"]').textContent()).resolves.toBe('分析');
		await shot(page, 'language-analyses-ja');
		await page.locator('[data-testid="view-export"]').click();
		await page.waitForTimeout(500);
		await shot(page, 'language-export-ja');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('greets a participant’s phone in Japanese, with its error in Japanese too', async () => {
		const context = await reader('ja-JP', { width: 390, height: 844 });
		const { page, errors } = await open(context, `${base()}/join`);
		await expect(page.locator('h1').textContent()).resolves.toBe('ワークショップに参加');
		await page.locator('[data-testid="join-code-input"]').fill('12');
		await Promise.all([page.waitForURL(/code=12/), page.locator('[data-testid="join-code-submit"]').click()]);
		await expect(page.locator('#problem').textContent()).resolves.toBe('コードはプロジェクターに表示された6文字の英数字です。');
		await shot(page, 'language-join-ja');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a participant in their phone’s language: a name already taken, a vote after the round closed', async () => {
		// A Japanese facilitator creates a workshop with one team.
		const facilitator = await reader('ja-JP');
		const { page: f } = await open(facilitator, `${base()}/workshops?scenario=russia-dprk-2024`);
		for (const actor of ['russia', 'dprk', 'china']) await f.locator(`[data-testid="team-${actor}"]`).uncheck();
		await f.locator('[data-testid="create-seed"]').fill('7');
		await Promise.all([f.waitForURL('**/console'), f.locator('[data-testid="create-workshop"]').click()]);
		await f.waitForSelector('[data-hydrated]');
		const code = ((await f.locator('[data-testid="join-code"]').textContent()) ?? '').trim();
		const workshopId = new URL(f.url()).pathname.split('/')[2];

		const phone = async (language: string, name: string) => {
			const context = await reader(language, { width: 390, height: 844 });
			const { page, errors } = await open(context, `${base()}/join/${code}`);
			await page.locator('[data-testid="join-name"]').fill(name);
			await page.locator('[data-testid="join-team"]').selectOption('coalition');
			await Promise.all([page.waitForLoadState('load'), page.locator('[data-testid="join-submit"]').click()]);
			await page.waitForSelector('[data-hydrated]');
			return { context, page, errors };
		};
		const aiko = await phone('ja-JP', '愛子');
		await aiko.page.waitForSelector('[data-testid="my-team"]');
		// The name is taken: one phone is told in Japanese, the other in English.
		const again = await phone('ja-JP', '愛子');
		await expect(again.page.locator('[data-testid="join-error"]').textContent()).resolves.toBe('「愛子」という名前の参加者がすでにいます。イニシャルや名字を加えてください。');
		await shot(again.page, 'language-join-refused-ja');
		const english = await phone('en-GB', '愛子');
		await expect(english.page.locator('[data-testid="join-error"]').textContent()).resolves.toBe('Someone here already goes by “愛子”; add an initial or a surname.');

		// The round opens and closes; a vote sent after it is refused in the phone's language.
		await f.locator('[data-testid="open-vote"]').click();
		await aiko.page.waitForSelector('[data-testid="option-DEBRIS_MISSION"]');
		await f.locator('[data-testid="close-vote"]').click();
		await expect.poll(() => aiko.page.locator('[data-testid="option-DEBRIS_MISSION"]').count()).toBe(0);
		const late = await aiko.page.evaluate(async (url) => {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'late-vote-0001', type: 'vote', move: 'DEBRIS_MISSION' }) });
			return { status: response.status, body: await response.json() };
		}, `/workshops/${workshopId}/commands`);
		expect(late).toEqual({ status: 409, body: { ok: false, message: '受付中の投票はありません。' } });
		for (const p of [aiko, again, english]) {
			expect(p.errors).toEqual([]);
			await p.context.close();
		}
		await facilitator.close();
	});

	it('opens a permalink in the language it carries, whatever the browser asks for', async () => {
		const context = await reader('en-GB');
		const { page, errors } = await open(context, `${base()}${SHIPPED}?lang=ja`);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
		await expect(page.locator('[data-testid="copy-link"]').textContent()).resolves.toBe('リンクをコピー');
		expect(errors).toEqual([]);
		await context.close();
	});
});
