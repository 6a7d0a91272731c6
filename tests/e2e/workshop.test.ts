import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { buildMachine, describeChance, drawMove, parseScenario, resolveValues } from '../../src/lib/core/index.js';
import { launchBrowser, open, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
});

/** A person on their own device: own cookies, own screen size. */
async function person(viewport: { width: number; height: number }, url: string): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({ viewport });
	contexts.push(context);
	return open(context, url);
}

const PHONE = { width: 390, height: 844 };

async function join(code: string, name: string, team: string): Promise<{ page: Page; errors: string[] }> {
	const p = await person(PHONE, `${base()}/join`);
	// Typed as a person might: lower case, with a space.
	await p.page.locator('[data-testid="join-code-input"]').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
	await p.page.locator('[data-testid="join-code-submit"]').click();
	await p.page.waitForURL(`**/join/${code}`);
	await p.page.waitForSelector('[data-hydrated]');
	await p.page.locator('[data-testid="join-name"]').fill(name);
	await p.page.locator('[data-testid="join-team"]').selectOption(team);
	await p.page.locator('[data-testid="join-submit"]').click();
	await p.page.waitForSelector('[data-testid="my-team"]');
	await p.page.waitForSelector('[data-hydrated]');
	return p;
}

async function vote(page: Page, move: string, rationale?: string): Promise<void> {
	await page.locator(`[data-testid="option-${move}"]`).check();
	if (rationale !== undefined) await page.locator('[data-testid="vote-rationale"]').fill(rationale);
	await page.locator('[data-testid="vote-submit"]').click();
	await expect.poll(() => page.locator('[data-testid="vote-recorded"]').textContent(), { timeout: 10_000 }).toContain('recorded');
}

describe('a workshop in Chromium: facilitator, projector and three participants', () => {
	it('runs two rounds with votes, chance draws and an inject, live on every screen', async () => {
		// The facilitator starts from a what-if in the workbench.
		const facilitator = await person({ width: 1400, height: 900 }, `${base()}/s/russia-dprk-2024?a.p_veto=0.5`);
		const f = facilitator.page;
		await f.locator('[data-testid="run-workshop"]').click();
		await f.waitForURL('**/workshops?**');
		await f.waitForSelector('[data-hydrated]');
		await expect(f.locator('[data-testid="carried-what-if"]').textContent()).resolves.toContain('p_veto = 0.5');
		await f.locator('[data-testid="create-title"]').fill('Tabletop, 3 December');
		await f.locator('[data-testid="team-dprk"]').uncheck();
		await f.locator('[data-testid="team-china"]').uncheck();
		await f.locator('[data-testid="create-seed"]').fill('42');
		await f.locator('[data-testid="create-minutes"]').fill('3');
		await f.locator('[data-testid="create-workshop"]').click();
		await f.waitForURL('**/console');
		await f.waitForSelector('[data-hydrated]');
		const code = ((await f.locator('[data-testid="join-code"]').textContent()) ?? '').trim();
		expect(code).toMatch(/^[A-HJ-KMNP-Z2-9]{6}$/);
		const consoleUrl = f.url();

		const projector = await person({ width: 1920, height: 1080 }, `${base()}${await f.locator('[data-testid="projector-link"]').getAttribute('href')}`);
		const pr = projector.page;
		await expect(pr.locator('[data-testid="projector-code"]').textContent()).resolves.toBe(code);

		const aiko = await join(code, 'Aiko', 'coalition');
		const ben = await join(code, 'Ben', 'coalition');
		const chie = await join(code, 'Chie', 'russia');
		await expect.poll(() => f.locator('[data-testid="participant-row"]').count()).toBe(3);
		// A participant cannot open the facilitator's console.
		const sneak = await chie.page.goto(consoleUrl);
		expect(sneak?.status()).toBe(403);
		await chie.page.goBack();
		await chie.page.waitForSelector('[data-testid="my-team"]');

		// Round 1: the coalition votes; Ben changes his vote.
		await f.locator('[data-testid="open-vote"]').click();
		await aiko.page.waitForSelector('[data-testid="option-DEBRIS_MISSION"]');
		await vote(aiko.page, 'DEBRIS_MISSION', 'Evidence without a veto');
		await ben.page.waitForSelector('[data-testid="option-SANCTIONS_AND_SHARING"]');
		await vote(ben.page, 'SANCTIONS_AND_SHARING');
		await vote(ben.page, 'DEBRIS_MISSION');
		await expect.poll(() => chie.page.locator('[data-testid="waiting"]').textContent()).toContain('Japan–US–ROK is voting');
		await expect.poll(() => pr.locator('[data-testid="count-DEBRIS_MISSION"]').textContent()).toBe('2');
		await expect.poll(() => pr.locator('[data-testid="voted-count"]').textContent()).toBe('2');
		await shot(pr, 'workshop-projector-vote');
		await shot(aiko.page, 'workshop-participant-vote');
		expect(await pr.locator('main').textContent()).not.toMatch(/Aiko|Ben|Evidence without a veto/);
		await expect.poll(() => f.locator('[data-testid="voted"]').count()).toBe(2);
		await shot(f, 'workshop-console-vote');
		await f.locator('[data-testid="close-vote"]').click();
		await expect.poll(() => f.locator('[data-testid="state-label"]').textContent()).toContain('debris analysis');

		// The debris findings are chance: drawn with the model's probabilities and the recorded seed.
		// The chance the mission traces Russian help, from the scenario's debris signal at its defaults.
		const shipped = buildMachine(parseScenario(readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8')).scenario!);
		const traced = resolveValues(shipped.scenario, shipped.book).debris_positive;
		const chosen = drawMove([traced, 1 - traced], { seed: 42, index: 0 }).chosen;
		const first = chosen === 0 ? 'Capability and supply chain mapped' : 'Findings inconclusive';
		await f.locator('[data-testid="draw"]').click();
		await expect.poll(() => pr.locator('[data-testid="last-draw"]').textContent()).toContain(first);
		expect(await pr.locator('[data-testid="last-draw"]').textContent()).toContain(`probability ${describeChance(chosen === 0 ? traced : 1 - traced)}`);

		// An inject from the scenario reaches every screen with its source.
		await f.locator('[data-testid="push-inject-troops"]').click();
		for (const page of [aiko.page, chie.page, pr]) {
			await expect.poll(() => page.locator('[data-testid="inject"]').first().textContent()).toContain('North Korean troops');
		}
		expect(await aiko.page.locator('[data-testid="inject"] blockquote[lang="ja"]').count()).toBeGreaterThan(0);

		// Round 2: Russia's team decides on technology transfer.
		await expect.poll(() => f.locator('[data-testid="state-label"]').textContent()).toContain('technology transfer');
		await f.locator('[data-testid="open-vote"]').click();
		await chie.page.waitForSelector('[data-testid="option-MISSILE_TECH"]');
		await vote(chie.page, 'MISSILE_TECH', 'Quality control pays');
		await expect.poll(() => aiko.page.locator('[data-testid="waiting"]').textContent()).toContain('Russia is voting');
		await f.locator('[data-testid="close-vote"]').click();
		await expect.poll(() => chie.page.locator('#tally').textContent()).toContain('Russia');
		await expect.poll(() => chie.page.locator('.why').textContent()).toContain('Quality control pays');

		// North Korea is played by no team: the next move is drawn too.
		await expect.poll(() => f.locator('[data-testid="draw"]').count()).toBe(1);
		await f.locator('[data-testid="draw"]').click();
		await expect.poll(() => pr.locator('[data-testid="path-step"]').count()).toBe(4);
		await expect.poll(() => aiko.page.locator('[data-testid="path-step"]').count()).toBe(4);
		const steps = await pr.locator('[data-testid="path-step"]').allTextContents();
		expect(steps[0]).toContain('Joint expert mission');
		expect(steps[0]).toContain('team vote');
		expect(steps[1]).toContain(first);
		expect(steps[2]).toContain('Missile technology');
		expect(steps[3]).toContain('drawn');
		await shot(pr, 'workshop-projector');
		await shot(f, 'workshop-console');
		await shot(chie.page, 'workshop-participant');

		// A reload keeps the participant's identity (signed cookie).
		await aiko.page.reload();
		await aiko.page.waitForSelector('[data-hydrated]');
		expect(await aiko.page.locator('[data-testid="my-team"]').textContent()).toBe('Japan–US–ROK');

		// The review sets each step beside the model's values and best move, with what-if links.
		await f.goto(consoleUrl);
		await f.locator('[data-testid="review-link"]').click();
		await f.waitForURL('**/review');
		await f.waitForSelector('[data-testid="review-step"]');
		expect(await f.locator('[data-testid="review-step"]').count()).toBe(4);
		expect(await f.locator('[data-testid="review-step"]').first().textContent()).toMatch(/Joint expert mission.*team vote/s);
		const whatIf = await f.locator('[data-testid="what-if"]').first().getAttribute('href');
		expect(whatIf).toMatch(/^\/s\/russia-dprk-2024\?a\.p_veto=0\.5.*walk=SANCTIONS_AND_SHARING/);
		await shot(f, 'workshop-review');
		// The review's download is the command line's export of the same workshop, byte for byte.
		const workshopId = /\/workshops\/([^/]+)\/review/.exec(f.url())?.[1] as string;
		const downloaded = await f.evaluate(async (href) => new Uint8Array(await (await fetch(href)).arrayBuffer()).join(','), (await f.locator('[data-testid="export-md"]').getAttribute('href')) as string);
		const { stdout } = await promisify(execFile)('node', ['tools/bp.js', 'export-workshop', workshopId, '--format', 'md'], { env: { ...process.env, BRANCHPOINT_DATA: inject('dataDir') }, encoding: 'buffer' });
		expect(downloaded).toBe(new Uint8Array(stdout).join(','));
		expect(stdout.toString()).toContain('## 1. First response to the Russia–DPRK treaty — Japan–US–ROK: Joint expert mission on missile debris in Europe');

		// The facilitator's list shows the workshop; deleting it takes its log with it.
		await f.goto(`${base()}/workshops`);
		await f.waitForSelector('[data-hydrated]');
		const row = f.locator('[data-testid="workshop-row"]', { hasText: 'Tabletop, 3 December' });
		await expect(row.textContent()).resolves.toContain(code);
		expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['3', '4']));
		f.once('dialog', (dialog) => dialog.accept());
		await row.locator('[data-testid="delete-workshop"]').click();
		await expect.poll(() => f.locator('[data-testid="workshop-row"]', { hasText: 'Tabletop, 3 December' }).count()).toBe(0);
		expect((await f.goto(consoleUrl))?.status()).toBe(404);

		for (const p of [facilitator, projector, aiko, ben, chie]) expect(p.errors).toEqual([]);
	});

	it('refuses a wrong code with a message and a wrong private link with 403', async () => {
		const { page } = await person(PHONE, `${base()}/join?code=O0I1L`);
		await expect(page.locator('[role="alert"]').textContent()).resolves.toMatch(/6 letters and digits/);
		await page.goto(`${base()}/join?code=ZZZZZZ`);
		await expect(page.locator('[role="alert"]').textContent()).resolves.toMatch(/No workshop has the code ZZZZZZ/);
		const response = await page.goto(`${base()}/workshops/nosuch/console?key=wrong`);
		expect(response?.status()).toBe(404);
	});
});
