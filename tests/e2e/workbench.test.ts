import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { formatValue, parseScenario } from '../../src/lib/core/index.js';
import { runCommand } from '../../src/cli/runCommand.js';
import { launch, open, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');
const SHIPPED = '/s/russia-dprk-2024';

let context: BrowserContext;
beforeAll(async () => {
	context = await launch();
});
afterAll(async () => {
	await context?.close();
});

const rootValue = (page: Page) => page.locator('[data-testid="node"][data-path=""] [data-testid="node-value"]').textContent();

describe('the workbench in Chromium', () => {
	it('lists the scenarios and opens the shipped one with its tree', async () => {
		const { page, errors } = await open(context, `${base()}/`);
		await expect(page.locator('[data-testid="scenario-link"]').count()).resolves.toBeGreaterThanOrEqual(2);
		await page.locator('a[href="/s/russia-dprk-2024"]').click();
		await page.waitForSelector('[data-hydrated] [data-testid="tree"]');
		await page.waitForSelector('[data-testid="node"]');
		expect(await page.locator('[data-testid="node"]').count()).toBeGreaterThan(10);
		expect(await page.locator('h1').textContent()).toMatch(/Russia–DPRK/);
		await shot(page, 'open-shipped');
		expect(errors).toEqual([]);
	});

	it('moving a slider changes an expected value', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		const before = await rootValue(page);
		await page.locator('[data-testid="slider-p_veto"]').fill('0');
		await expect.poll(() => rootValue(page)).not.toBe(before);
		expect(await page.locator('[data-testid="input-p_veto"]').inputValue()).toBe('0');
		await expect.poll(() => page.url()).toContain('a.p_veto=0');
		await shot(page, 'slider-moved');
		expect(errors).toEqual([]);
	});

	it('lets Russia choose for itself: the tree, the inspector and the link follow, and a reload keeps it', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		const before = await rootValue(page);
		const chance = runCommand('evaluate', ['russia-dprk-2024'], { json: true });
		const strategic = JSON.parse(runCommand('evaluate', ['russia-dprk-2024'], { json: true, play: ['russia=strategic'] }).stdout) as { score: number };
		expect(JSON.parse(chance.stdout).score).not.toBeCloseTo(strategic.score);
		await page.locator('[data-testid="play-russia"]').selectOption('strategic');
		await expect.poll(() => rootValue(page)).not.toBe(before);
		await expect.poll(() => page.url()).toContain('play.russia=strategic');
		// The workbench and the command line agree on the value.
		expect(Number(await rootValue(page))).toBeCloseTo(strategic.score, 2);
		expect(await page.locator('[data-testid="play-mark"]').count()).toBeGreaterThan(0);
		await page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').click();
		const inspector = page.locator('[data-testid="inspector"]');
		await expect(inspector.locator('[data-testid="inspector-kind"]').textContent()).resolves.toBe('Strategic choice · Russia moves');
		const rows = await inspector.locator('[data-testid="inspector-choices"] tbody tr').allTextContents();
		expect(rows).toEqual([expect.stringMatching(/^Russia vetoes-?[\d.]+100%$/), expect.stringMatching(/^Resolution adopted \(Russia abstains\)-?[\d.]+0%$/)]);
		await shot(page, 'russia-strategic');
		await page.reload();
		await page.waitForSelector('[data-hydrated] [data-testid="tree"]');
		expect(await page.locator('[data-testid="play-russia"]').inputValue()).toBe('strategic');
		expect(errors).toEqual([]);
	});

	it('refuses an invalid entry in place and keeps the previous value', async () => {
		const { page } = await open(context, `${base()}${SHIPPED}`);
		const input = page.locator('[data-testid="input-p_veto"]');
		await input.fill('1.7');
		await input.press('Enter');
		await expect(page.locator('[data-testid="assumption-p_veto"] [role="alert"]').textContent()).resolves.toMatch(/between 0 and 1; got 1\.7.*Kept 0\.9/);
		expect(await input.inputValue()).toBe('1.7');
		expect(await page.locator('[data-testid="slider-p_veto"]').inputValue()).toBe('0.9');
	});

	it('clicking a node shows its Japanese excerpt, gloss and source', async () => {
		const { page } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="node"][data-path="UNSC_RESOLUTION"]').click();
		const inspector = page.locator('[data-testid="inspector"]');
		await expect(inspector.locator('[data-testid="inspector-title"]').textContent()).resolves.toMatch(/Security Council/);
		const excerpt = await inspector.locator('blockquote[lang="ja"]').first().textContent();
		expect(excerpt).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
		expect(await inspector.locator('.gloss').first().textContent()).toMatch(/[A-Za-z]{3,}/);
		expect(await inspector.textContent()).toMatch(/NHK|地経学研究所|Korea Report|column/);
		await shot(page, 'node-inspector');
	});

	it('a permalink restores assumptions, criterion and perspective', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}?a.p_veto=0.25&criterion=security&perspective=coalition`);
		expect(await page.locator('[data-testid="input-p_veto"]').inputValue()).toBe('0.25');
		expect(await page.locator('[data-testid="criterion"]').inputValue()).toBe('security');
		const fresh = await open(context, page.url());
		expect(await fresh.page.locator('[data-testid="input-p_veto"]').inputValue()).toBe('0.25');
		expect(await rootValue(fresh.page)).toBe(await rootValue(page));
		expect(errors).toEqual([]);
	});

	it('undo and redo step through assumption edits', async () => {
		const { page } = await open(context, `${base()}${SHIPPED}`);
		const input = page.locator('[data-testid="input-p_veto"]');
		await input.fill('0.3');
		await input.press('Enter');
		const changed = await rootValue(page);
		await page.locator('[data-testid="undo"]').click();
		await expect.poll(() => input.inputValue()).toBe('0.9');
		await page.locator('[data-testid="redo"]').click();
		await expect.poll(() => input.inputValue()).toBe('0.3');
		expect(await rootValue(page)).toBe(changed);
	});

	it('walks three moves through the XState machine and steps back', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		const state = page.locator('[data-testid="walk-state"]');
		const visited: string[] = [(await state.textContent()) ?? ''];
		for (let step = 0; step < 3; step++) {
			await page.locator('[data-testid="walk-move"]').first().click();
			visited.push((await state.textContent()) ?? '');
		}
		expect(new Set(visited).size).toBeGreaterThan(1);
		await expect.poll(() => page.url()).toMatch(/walk=[A-Z_]+&walk=[A-Z_]+&walk=[A-Z_]+/);
		await expect(page.locator('[data-testid="walk-payoffs"]').textContent()).resolves.toMatch(/Payoffs so far/);
		await shot(page, 'walk-three-moves');
		await page.locator('[data-testid="walk-back"]').click();
		expect(await state.textContent()).toBe(visited[2]);
		expect(errors).toEqual([]);
	});

	it('opens a game with rounds written with the machine context: the CLI’s value, each node’s context in the inspector, walks that follow it', async () => {
		const FILE = 'tests/fixtures/e2e-scenarios/rounds/scenario.yaml';
		const { page, errors } = await open(context, `${base()}/s/rounds`);
		const cli = JSON.parse(runCommand('evaluate', [FILE], { json: true }).stdout) as { score: number };
		expect(Number(await rootValue(page))).toBeCloseTo(cli.score, 2);
		await page.locator('[data-testid="node"][data-path="SAFE/WIN"]').click();
		const inspector = page.locator('[data-testid="inspector"]');
		await expect(inspector.locator('[data-testid="inspector-context"]').textContent()).resolves.toBe('Context: period = 2, wins = 1, losses = 0');
		await page.locator('[data-testid="node"][data-path="SAFE/WIN/BOLD/WIN"]').click();
		// The move's payoff reads the context of the state it leaves: 4 − 0.5 × 2.
		await expect(inspector.textContent()).resolves.toMatch(/Gain: 4 - 0\.5 \* period = 3\b/);
		await shot(page, 'rounds-context');
		await page.locator('[data-testid="view-analyses"]').click();
		await page.locator('[data-testid="tab-simulation"]').click();
		await page.locator('[data-testid="run-simulation"]').click();
		await expect(page.locator('[data-testid="simulation"]').textContent()).resolves.toMatch(/10000 walks \(seed 1; random decisions\)/);
		await expect(page.locator('[data-testid="simulation"] tbody tr').first().locator('td').nth(2).textContent()).resolves.toBe('100%');
		expect(errors).toEqual([]);
	});

	it('an excerpt containing <script> renders as text', async () => {
		const { page } = await open(context, `${base()}/s/script-excerpt`);
		await page.locator('[data-testid="node"][data-path="WAIT"]').click();
		const quote = page.locator('[data-testid="inspector"] blockquote', { hasText: '<script>' }).first();
		await expect(quote.textContent()).resolves.toContain('<script>window.__pwned = true</script><b>条約</b>');
		expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
		expect(await page.locator('[data-testid="inspector"] blockquote b').count()).toBe(0);
		await shot(page, 'script-excerpt');
	});

	it('a scenario with errors opens to its located error list', async () => {
		const { page } = await open(context, `${base()}/`).catch(async () => ({ page: await context.newPage() }));
		await page.goto(`${base()}/s/broken`);
		const issues = page.locator('[data-testid="issues"] li');
		expect(await issues.count()).toBeGreaterThanOrEqual(1);
		expect(await page.locator('[data-testid="issues"]').textContent()).toMatch(/scenarios\/broken\/scenario\.yaml:\d+:\d+.*directon.*Did you mean "direction"/);
		await shot(page, 'broken-scenario');
	});

	it('switching perspective and criterion re-evaluates the tree', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		const before = await rootValue(page);
		await page.locator('[data-testid="criterion"]').selectOption('escalation');
		await expect.poll(() => rootValue(page)).not.toBe(before);
		await page.locator('[data-testid="perspective"]').selectOption('russia');
		await expect.poll(() => page.url()).toContain('perspective=russia');
		expect(await page.locator('[data-testid="node"][data-path=""]').getAttribute('aria-label')).toBeTruthy();
		expect(errors).toEqual([]);
	});

	it('search finds nodes by label, and a node opens in the inspector from the keyboard', async () => {
		const { page } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="search"]').fill('debris');
		await expect(page.locator('[data-testid="match-count"]').textContent()).resolves.toMatch(/^[1-9]\d* match/);
		await page.locator('[data-testid="node"][data-path="ENGAGE_CHINA"]').focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('[data-testid="inspector-title"]').textContent()).resolves.toMatch(/China/);
	});

	it('offers to restore the last session saved in the browser', async () => {
		const first = await open(context, `${base()}${SHIPPED}?a.p_veto=0.15`);
		await first.page.waitForTimeout(400); // the autosave follows the URL after a moment
		const { page } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="restore"]').click();
		await expect.poll(() => page.locator('[data-testid="input-p_veto"]').inputValue()).toBe('0.15');
	});

	it('shows a tornado and runs a cancellable Monte Carlo in a worker with the same numbers as the CLI', async () => {
		const { page, errors } = await open(context, `${base()}${SHIPPED}`);
		await page.locator('[data-testid="view-analyses"]').click();
		await page.waitForSelector('[data-testid="tornado"] rect');
		expect(await page.locator('[data-testid="tornado"] rect').count()).toBeGreaterThanOrEqual(2 * 10);
		await shot(page, 'analyses-tornado');

		await page.locator('[data-testid="tab-montecarlo"]').click();
		await page.locator('[data-testid="mc-runs"]').fill('100000');
		await page.locator('[data-testid="run-mc"]').click();
		await page.waitForSelector('[data-testid="mc-progress"]');
		await page.locator('[data-testid="mc-cancel"]').click();
		await expect(page.locator('[data-testid="mc-progress"]').count()).resolves.toBe(0);
		expect(await page.locator('[data-testid="mc-summary"]').count()).toBe(0);

		await page.locator('[data-testid="mc-runs"]').fill('200');
		await page.locator('[data-testid="mc-seed"]').fill('3');
		await page.locator('[data-testid="run-mc"]').click();
		await page.waitForSelector('[data-testid="mc-summary"]', { timeout: 30_000 });
		const firstMean = await page.locator('[data-testid="mc-summary"] tbody tr').first().locator('td').nth(2).textContent();
		const cli = JSON.parse(runCommand('analyse', ['russia-dprk-2024', 'montecarlo'], { runs: '200', seed: '3', json: true }).stdout);
		expect(Number(firstMean)).toBeCloseTo(cli.summaries[0].mean, 2);
		await shot(page, 'analyses-monte-carlo');

		// Two assumptions learnt together, in a worker: the command line's number for the same seed.
		await page.locator('[data-testid="group-spiral_coef"]').check();
		await page.locator('[data-testid="group-p_evasion_base"]').check();
		await page.locator('[data-testid="run-group"]').click();
		await page.waitForSelector('[data-testid="group-result"]', { timeout: 60_000 });
		const together = JSON.parse(runCommand('analyse', ['russia-dprk-2024', 'evppi'], { group: 'spiral_coef,p_evasion_base', seed: '3', json: true }).stdout) as { value: number };
		expect(together.value).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="group-result"] strong').textContent()).toBe(formatValue(together.value));

		await page.locator('[data-testid="tab-twoway"]').click();
		await page.locator('[data-testid="run-twoway"]').click();
		await page.waitForSelector('[data-testid="region-map"] rect');
		await shot(page, 'analyses-region-map');

		await page.locator('[data-testid="tab-simulation"]').click();
		await page.locator('[data-testid="run-simulation"]').click();
		await expect(page.locator('[data-testid="simulation"]').textContent()).resolves.toMatch(/10000 walks \(seed 1; random decisions\)/);
		// With the optimal policy, the same shares as the command line's for the same seed.
		await page.locator('[data-testid="simulate-optimal"]').check();
		await page.locator('[data-testid="run-simulation"]').click();
		await expect(page.locator('[data-testid="simulation"]').textContent()).resolves.toMatch(/10000 walks \(seed 1; optimal policy\)/);
		const optimal = JSON.parse(runCommand('analyse', ['russia-dprk-2024', 'simulate'], { runs: '10000', seed: '1', decisions: 'optimal', json: true }).stdout);
		const top = optimal.endStates[0];
		const label = (await page.locator('[data-testid="simulation"] tbody tr').first().locator('td').first().textContent())!;
		const shipped = parseScenario(readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8')).scenario!;
		expect(label).toBe(shipped.states.find((st) => st.id === top.state)!.label);
		await expect(page.locator('[data-testid="simulation"] tbody tr').first().locator('td').nth(2).textContent()).resolves.toBe(`${Math.round(top.share * 1000) / 10}%`);

		await page.locator('[data-testid="tab-spiral"]').click();
		await expect(page.locator('[data-testid="spiral-verdict"]').textContent()).resolves.toMatch(/Stability a·b > k·l: [\d.]+ (>|≤) [\d.]+/);
		expect(await page.locator('[data-testid="spiral-chart"] path').count()).toBe(2);
		await shot(page, 'analyses-spiral');
		expect(errors).toEqual([]);
	});
});

