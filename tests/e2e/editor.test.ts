import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, open, shot } from '../../tools/browser.js';

const base = () => inject('baseURL');

let context: BrowserContext;
let other: BrowserContext;
beforeAll(async () => {
	context = await launch();
	other = await launch();
});
afterAll(async () => {
	await context?.close();
	await other?.close();
});

/** Replaces the editor's whole text, as pasting over a selection does. */
async function replaceText(page: Page, text: string) {
	await page.locator('.cm-content').click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
}

const source = (page: Page, id: string) => page.evaluate(async (id) => (await fetch(`/s/${id}/source`)).text(), id);
const value = async (page: Page) => (await page.locator('[data-testid="editor-values"] strong').textContent())!;

describe('writing a scenario in the browser', () => {
	it('makes one from the template, shows a broken formula where it is, follows the fix, saves, and restores an earlier version', async () => {
		const { page, errors } = await open(context, `${base()}/`);
		await page.locator('[data-testid="new-id"]').fill('e2e-editor');
		await page.locator('[data-testid="new-title"]').fill('Written in the browser');
		await page.locator('[data-testid="new-create"]').click();
		await page.waitForURL(/\/s\/e2e-editor\/edit$/);
		await page.waitForSelector('[data-hydrated]');
		await expect(page.locator('[data-testid="editor-issues"]').textContent()).resolves.toContain('The file validates.');
		await expect(page.locator('[data-testid="tree"] [data-testid="node"]').count()).resolves.toBeGreaterThanOrEqual(3);
		const first = await value(page);

		// A misspelt name in a formula: located at its line and column, marked in the text, the view kept.
		const stored = await source(page, 'e2e-editor');
		expect(stored).toContain('title: "Written in the browser"');
		await replaceText(page, stored.replace('probability: p_give_way', 'probability: p_give_wy'));
		const line = stored.slice(0, stored.indexOf('probability: p_give_way')).split('\n').length;
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toMatch(new RegExp(`scenario\\.yaml:${line}:\\d+[\\s\\S]*Unknown symbol "p_give_wy"[\\s\\S]*Did you mean "p_give_way"`));
		await expect(page.locator('[data-testid="editor-behind"]').textContent()).resolves.toMatch(/last valid version: the text has 1 error/);
		await expect(page.locator('.cm-lintRange-error').count()).resolves.toBeGreaterThan(0);
		expect(await value(page)).toBe(first);
		await shot(page, 'editor-error');

		// Fixed, with a better outcome: the tree and its values follow at once.
		await replaceText(page, stored.replace('payoffs: { outcome: "8" }', 'payoffs: { outcome: "10" }'));
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toContain('The file validates.');
		await expect(page.locator('[data-testid="editor-behind"]').count()).resolves.toBe(0);
		await expect.poll(() => value(page)).not.toBe(first);
		const better = await value(page);

		await page.locator('[data-testid="editor-save"]').click();
		await expect.poll(() => page.locator('[data-testid="editor-status"]').textContent()).toBe('Saved.');
		await page.reload();
		await page.waitForSelector('[data-hydrated]');
		expect(await source(page, 'e2e-editor')).toContain('payoffs: { outcome: "10" }');
		await expect(page.locator('[data-testid="editor-dirty"]').textContent()).resolves.toBe('No unsaved changes');
		expect(await value(page)).toBe(better);

		// The history holds the version from the template; restoring it is itself a new version.
		await page.locator('[data-testid="editor-history"] summary').click();
		await expect.poll(() => page.locator('[data-testid="editor-version"]').count()).toBeGreaterThanOrEqual(2);
		await page.locator('[data-testid="editor-version"]').last().locator('[data-testid="editor-compare"]').click();
		await expect.poll(() => page.locator('.cm-mergeView').count()).toBe(1);
		await shot(page, 'editor-history');
		await page.locator('[data-testid="editor-version"]').last().locator('[data-testid="editor-restore"]').click();
		await expect.poll(() => page.locator('[data-testid="editor-status"]').textContent()).toMatch(/restored/);
		await expect.poll(() => value(page)).toBe(first);
		expect(await source(page, 'e2e-editor')).toContain('payoffs: { outcome: "8" }');
		await expect.poll(() => page.locator('[data-testid="editor-version"]').count()).toBeGreaterThanOrEqual(3);

		// The forms add a move with its payoff, written into the text where it belongs; the tree follows.
		await page.locator('[data-testid="editor-forms"] summary').click();
		await page.locator('[data-testid="form-kind"]').selectOption('move');
		await page.locator('[data-testid="form-from"]').selectOption('decide');
		await page.locator('[data-testid="form-id"]').fill('TALK');
		await page.locator('[data-testid="form-label"]').fill('Offer talks');
		await page.locator('[data-testid="form-target"]').selectOption('unchanged');
		await page.locator('[data-testid="editor-forms"] select').nth(3).selectOption('outcome');
		await page.locator('[data-testid="form-formula"]').fill('3');
		await page.locator('[data-testid="form-citation"]').selectOption('c-decide');
		await page.locator('[data-testid="form-add"]').click();
		await expect.poll(() => page.locator('.cm-content').textContent()).toContain('TALK:');
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toContain('The file validates.');
		await expect.poll(() => value(page)).toBe('7');
		await expect(page.locator('[data-testid="editor-dirty"]').textContent()).resolves.toBe('Unsaved changes');
		await shot(page, 'editor-forms');
		expect(errors).toEqual([]);
	}, 180_000);

	it('imports a SilverDecisions file from the library into the editor, and lists a broken file’s problems where they are', async () => {
		const { page, errors } = await open(context, `${base()}/`);
		await page.locator('[data-testid="import-id"]').fill('e2e-imported');
		await page.locator('[data-testid="import-file"]').setInputFiles('tests/fixtures/silverdecisions/launch-or-pilot.json');
		await page.locator('[data-testid="import-go"]').click();
		await page.waitForURL(/\/s\/e2e-imported\/edit$/);
		await page.waitForSelector('[data-hydrated]');
		// Solved by hand in tests/silverdecisions: weighted score 146.1, launching preferred.
		await expect.poll(() => value(page)).toBe('146');
		await expect(page.locator('[data-testid="editor-issues"]').textContent()).resolves.toContain('The file validates.');

		const { page: library } = await open(context, `${base()}/`);
		await library.locator('[data-testid="import-id"]').fill('e2e-broken-import');
		await library.locator('[data-testid="import-file"]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "SilverDecisions": "1.1.0", "trees": [ { "type": "decision", "childEdges": [ { "name": "x" } ] } ] }') });
		await library.locator('[data-testid="import-go"]').click();
		await expect.poll(() => library.locator('[data-testid="import-refusal"]').textContent()).toMatch(/could not be imported/);
		await expect(library.locator('[data-testid="issues"]').first().textContent()).resolves.toMatch(/broken\.json:\d+:\d+/);
		expect(errors).toEqual([]);
	}, 120_000);

	it('refuses a save made from an out-of-date copy and keeps what was typed', async () => {
		const { page: alice } = await open(context, `${base()}/`);
		await alice.locator('[data-testid="new-id"]').fill('e2e-editor-race');
		await alice.locator('[data-testid="new-create"]').click();
		await alice.waitForURL(/\/s\/e2e-editor-race\/edit$/);
		await alice.waitForSelector('[data-hydrated]');
		const { page: bob } = await open(other, `${base()}/s/e2e-editor-race/edit`);
		const stored = await source(alice, 'e2e-editor-race');

		await replaceText(alice, `${stored}# Alice's note\n`);
		await alice.locator('[data-testid="editor-save"]').click();
		await expect.poll(() => alice.locator('[data-testid="editor-status"]').textContent()).toBe('Saved.');

		await replaceText(bob, `${stored}# Bob's note\n`);
		await bob.locator('[data-testid="editor-save"]').click();
		await expect.poll(() => bob.locator('[data-testid="editor-status"]').textContent()).toMatch(/someone else saved this scenario/);
		await expect(bob.locator('[data-testid="editor-dirty"]').textContent()).resolves.toBe('Unsaved changes');
		await expect(bob.locator('.cm-content').textContent()).resolves.toContain("# Bob's note");
		const now = await source(bob, 'e2e-editor-race');
		expect(now).toContain("# Alice's note");
		expect(now).not.toContain("# Bob's note");
	}, 120_000);
});
