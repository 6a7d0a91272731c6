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

		// The forms build a new branch: a chance state, its two moves, and the decision that leads to it.
		const forms = page.locator('[data-testid="editor-forms"]');
		await forms.locator('summary').click();
		await page.locator('[data-testid="form-kind"]').selectOption('state');
		await page.locator('[data-testid="form-id"]').fill('talks');
		await page.locator('[data-testid="form-label"]').fill('Talks');
		await page.locator('[data-testid="form-label-ja"]').fill('協議');
		await forms.locator('select').nth(1).selectOption('them');
		await page.locator('[data-testid="form-citation"]').selectOption('c-react');
		await page.locator('[data-testid="form-add"]').click();
		// A state without moves does not validate, yet the next form offers it.
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toContain('State "talks" has no moves');
		const chance = async (move: string, label: string, target: string, probability: string) => {
			await page.locator('[data-testid="form-kind"]').selectOption('move');
			await page.locator('[data-testid="form-from"]').selectOption('talks');
			await page.locator('[data-testid="form-id"]').fill(move);
			await page.locator('[data-testid="form-label"]').fill(label);
			await page.locator('[data-testid="form-target"]').selectOption(target);
			await page.locator('[data-testid="form-probability"]').fill(probability);
			await page.locator('[data-testid="form-citation"]').selectOption('c-react');
			await page.locator('[data-testid="form-add"]').click();
			await expect.poll(() => page.locator('.cm-content').textContent()).toContain(`${move}:`);
		};
		await chance('AGREE', 'Agree', 'settled', 'p_give_way');
		await chance('STALL', 'Stall', 'worse', '1 - p_give_way');
		await page.locator('[data-testid="form-from"]').selectOption('decide');
		await page.locator('[data-testid="form-id"]').fill('TALK');
		await page.locator('[data-testid="form-label"]').fill('Offer talks');
		await page.locator('[data-testid="form-target"]').selectOption('talks');
		await page.locator('[data-testid="form-probability"]').fill('');
		await forms.locator('select').nth(3).selectOption('outcome');
		await page.locator('[data-testid="form-formula"]').fill('3');
		await page.locator('[data-testid="form-citation"]').selectOption('c-decide');
		await page.locator('[data-testid="form-add"]').click();
		await expect.poll(() => page.locator('.cm-content').textContent()).toContain('TALK:');
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toContain('The file validates.');
		// Offering talks: 3 + (0.4 × 8 + 0.6 × 2) = 7.4, better than waiting (4) or acting now (3.4).
		await expect.poll(() => value(page)).toBe('7.4');
		await expect(page.locator('[data-testid="tree"] [data-testid="node"]').count()).resolves.toBeGreaterThanOrEqual(8);
		await expect(page.locator('[data-testid="editor-dirty"]').textContent()).resolves.toBe('Unsaved changes');
		await shot(page, 'editor-forms');
		expect(errors).toEqual([]);
	}, 180_000);

	it('adds a source by pasting its text, cites a passage selected with the mouse for the move being edited, and the save verifies it', async () => {
		const { page, errors } = await open(context, `${base()}/`);
		const made = await page.evaluate(async () => (await fetch('/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'e2e-cite', from: 'template' }) })).status);
		expect(made).toBe(201);
		await page.goto(`${base()}/s/e2e-cite/edit`);
		await page.waitForSelector('[data-hydrated]');

		// A source pasted with its metadata: stored in the scenario's sources/ folder and listed in the text.
		const passage = '日米韓は専門家チームを欧州に派遣し、ミサイルの残骸を共同で分析する';
		const pasted = `外務省報道発表（試験用の文）\n\n北朝鮮製ミサイルの使用について。${passage}ことで合意した。\n\n以上。\n`;
		await page.locator('[data-testid="editor-sources"] > summary').click();
		await page.locator('[data-testid="editor-sources"] details > summary').click();
		await page.locator('[data-testid="source-text"]').fill(pasted);
		await page.locator('[data-testid="source-title"]').fill('専門家派遣に関する発表');
		await page.locator('[data-testid="source-publisher"]').fill('外務省');
		await page.locator('[data-testid="source-language"]').fill('ja');
		await page.locator('[data-testid="source-id"]').fill('mofa-mission');
		await page.locator('[data-testid="source-add"]').click();
		await expect.poll(() => page.locator('[data-testid="source-added"]').textContent()).toContain('mofa-mission');
		await expect(page.locator('[data-testid="source-add-problem"]').count()).resolves.toBe(0);
		await expect.poll(() => page.locator('.cm-content').textContent()).toContain('file: mofa-mission.txt');
		await expect.poll(() => page.locator('[data-testid="source-reader"]').textContent()).toBe(pasted);

		// The cursor put on the WAIT move's label with the editor's search: that is the element being edited.
		await page.locator('.cm-content').click();
		await page.keyboard.press('ControlOrMeta+f');
		await page.keyboard.type('en: Wait, ja');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Escape');

		// The passage selected with the mouse, from just inside its first character to just inside its last.
		const reader = page.locator('[data-testid="source-reader"]');
		await reader.scrollIntoViewIfNeeded();
		const edges = await reader.evaluate((element, [from, to]) => {
			const node = element.firstChild!;
			const rect = (a: number, b: number) => {
				const range = document.createRange();
				range.setStart(node, a);
				range.setEnd(node, b);
				return range.getClientRects()[0];
			};
			const first = rect(from, from + 1);
			const last = rect(to - 1, to);
			return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
		}, [pasted.indexOf(passage), pasted.indexOf(passage) + passage.length]);
		await page.mouse.move(edges.x1, edges.y1);
		await page.mouse.down();
		await page.mouse.move(edges.x2, edges.y2, { steps: 8 });
		await page.mouse.up();
		await expect.poll(() => page.locator('[data-testid="cite-excerpt"]').textContent()).toBe(passage);
		await expect(page.locator('[data-testid="cite-attach"]').inputValue()).resolves.toBe('move:decide/WAIT');
		await expect(page.locator('[data-testid="cite-id"]').inputValue()).resolves.toBe('c-mofa-mission-1');
		await page.locator('[data-testid="cite-gloss-en"]').fill('Japan, the US and the ROK send an expert team to Europe to analyse the missile debris together');
		await shot(page, 'editor-cite');
		await page.locator('[data-testid="cite-add"]').click();
		await expect.poll(() => page.locator('[data-testid="cite-done"]').textContent()).toContain('c-mofa-mission-1');
		await expect.poll(() => page.locator('[data-testid="editor-issues"]').textContent()).toContain('The file validates.');
		// The reader marks the passage as cited now, and says so in words.
		await expect.poll(() => page.locator('[data-testid="source-cited"]').textContent()).toContain('c-mofa-mission-1');
		expect(await page.evaluate(() => CSS.highlights.get('bp-cited')?.size)).toBe(1);

		// Saved: the text holds the citation at its offset, attached to WAIT, and the verifier finds every excerpt.
		await page.locator('[data-testid="editor-save"]').click();
		await expect.poll(() => page.locator('[data-testid="editor-status"]').textContent()).toBe('Saved.');
		await expect(page.locator('[data-testid="editor-citation-checks"]').textContent()).resolves.toContain('4 of 4 found');
		const saved = await source(page, 'e2e-cite');
		expect(saved).toContain(`    excerpt: ${passage}\n`);
		expect(saved).toContain(`    offset: ${pasted.indexOf(passage)}\n`);
		expect(saved).toMatch(/label: \{ en: Wait, ja: 待つ \}\n {12}citations: \[c-decide, c-mofa-mission-1\]/);
		expect(errors).toEqual([]);
	}, 180_000);

	it('reads a shipped scenario’s shared sources, its cited passages marked, and cites a passage found by typing it', async () => {
		const { page, errors } = await open(context, `${base()}/s/example-minimal/edit`);
		await page.waitForSelector('[data-hydrated]');
		await page.locator('[data-testid="editor-sources"] > summary').click();
		await page.locator('[data-testid="source-pick"]').selectOption('column');
		await expect.poll(() => page.locator('[data-testid="source-reader"]').textContent()).toContain('条約や秘密裏の取引が続く限り効果は限定される可能性がある');
		await expect(page.locator('[data-testid="source-cited"]').textContent()).resolves.toMatch(/3 passages[\s\S]*c-sanctions, c-evasion, c-limited/);
		expect(await page.evaluate(() => CSS.highlights.get('bp-cited')?.size)).toBe(3);
		// Found by typing, for the keyboard: the same passage a mouse would select, at its offset in the NFC text.
		await page.locator('[data-testid="source-find"]').fill('制裁回避の手口が高度化する');
		await page.locator('[data-testid="source-find"]').press('Enter');
		await expect.poll(() => page.locator('[data-testid="cite-excerpt"]').textContent()).toBe('制裁回避の手口が高度化する');
		const offset = await page.locator('[data-testid="source-reader"]').evaluate((e) => e.textContent!.indexOf('制裁回避の手口が高度化する'));
		await expect(page.locator('[data-testid="cite-form"]').textContent()).resolves.toContain(`offset ${offset}`);
		expect(errors).toEqual([]);
	}, 120_000);

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
