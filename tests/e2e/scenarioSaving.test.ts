import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../tools/browser.js';
import { serveApp } from '../../tools/serveApp.js';

const base = () => inject('baseURL');

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A page of the app in a browser context of its own, as two people on two machines. */
async function person(): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base()}/`);
	await page.waitForSelector('[data-hydrated]', { timeout: 20_000 });
	return page;
}

/** fetch from inside the page: the browser sets Origin and Sec-Fetch-Site as it would for the editor. */
function call(page: Page, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
	return page.evaluate(
		async ({ path, init }) => {
			const response = await fetch(path, init);
			return { status: response.status, etag: response.headers.get('etag'), location: response.headers.get('location'), body: await response.text() };
		},
		{ path, init }
	);
}

describe('saving scenarios over HTTP', () => {
	it('two people save from the same version: the first is stored, the second gets 412 and the file keeps the first text', async () => {
		const alice = await person();
		const bob = await person();
		const made = await call(alice, '/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'e2e-race', from: 'template', title: 'Race' }) });
		expect(made.status).toBe(201);
		expect(made.location).toBe('/s/e2e-race');
		const aliceCopy = await call(alice, '/s/e2e-race/source');
		const bobCopy = await call(bob, '/s/e2e-race/source');
		expect(aliceCopy.etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
		expect(bobCopy.etag).toBe(aliceCopy.etag);
		const aliceText = `${aliceCopy.body}# Alice was here\n`;
		const bobText = `${bobCopy.body}# Bob was here\n`;
		const first = await call(alice, '/s/e2e-race/source', { method: 'PUT', headers: { 'content-type': 'text/yaml; charset=utf-8', 'if-match': aliceCopy.etag! }, body: aliceText });
		expect(first.status).toBe(200);
		expect(JSON.parse(first.body)).toMatchObject({ valid: true, seq: 2 });
		const second = await call(bob, '/s/e2e-race/source', { method: 'PUT', headers: { 'content-type': 'text/yaml; charset=utf-8', 'if-match': bobCopy.etag! }, body: bobText });
		expect(second.status).toBe(412);
		expect(JSON.parse(second.body)).toMatchObject({ reason: 'stale', message: expect.stringMatching(/kept in the editor/) });
		expect((await call(bob, '/s/e2e-race/source')).body).toBe(aliceText);
		const history = JSON.parse((await call(bob, '/s/e2e-race/history')).body);
		expect(history.versions.map((v: { seq: number; kind: string }) => [v.seq, v.kind])).toEqual([
			[2, 'save'],
			[1, 'create']
		]);
		await alice.context().close();
		await bob.context().close();
	});

	it('needs If-Match, refuses another site, and answers in the asker’s language', async () => {
		const made = await fetch(`${base()}/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base() }, body: JSON.stringify({ id: 'e2e-rules', from: 'copy', of: 'example-minimal' }) });
		expect(made.status).toBe(201);
		const source = await fetch(`${base()}/s/e2e-rules/source`);
		const text = await source.text();
		const put = (headers: Record<string, string>) => fetch(`${base()}/s/e2e-rules/source`, { method: 'PUT', headers: { 'content-type': 'text/yaml', ...headers }, body: `${text}# x\n` });
		expect((await put({})).status).toBe(428);
		const crossSite = await put({ 'if-match': source.headers.get('etag')!, origin: 'http://evil.example' });
		expect(crossSite.status).toBe(403);
		expect(await crossSite.json()).toMatchObject({ reason: 'cross-site' });
		const japanese = await put({ 'accept-language': 'ja' });
		expect(japanese.status).toBe(428);
		expect((await japanese.json()).message).toMatch(/If-Matchヘッダー/);
		const traversal = await fetch(`${base()}/s/%2e%2e/source`);
		expect([400, 404]).toContain(traversal.status);
		const library = await (await fetch(`${base()}/`)).text();
		expect(library).toContain('/s/e2e-rules');
	});
});

describe('adding a source from the browser', () => {
	it('takes an uploaded UTF-8 file with its metadata and refuses one in another encoding', async () => {
		const page = await person();
		const made = await call(page, '/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'e2e-sources', from: 'template' }) });
		expect(made.status).toBe(201);
		const upload = (bytes: number[], name: string) =>
			page.evaluate(
				async ({ bytes, name }) => {
					const form = new FormData();
					form.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
					for (const [key, value] of Object.entries({ title: '声明', publisher: '外務省', date: '2024-06-20', url: 'https://www.mofa.go.jp/', language: 'ja' })) form.set(key, value);
					const response = await fetch('/s/e2e-sources/sources', { method: 'POST', body: form });
					return { status: response.status, body: await response.json() };
				},
				{ bytes, name }
			);
		const utf8 = await upload([...new TextEncoder().encode('日米韓の声明。\n')], 'statement.txt');
		expect(utf8.status).toBe(201);
		expect(utf8.body.source).toEqual({ id: 'statement', file: 'statement.txt', title: '声明', publisher: '外務省', date: '2024-06-20', url: 'https://www.mofa.go.jp/', language: 'ja' });
		const shiftJis = await upload([0x93, 0xfa, 0x95, 0xc4, 0x8a, 0xd8], 'sjis.txt');
		expect(shiftJis).toMatchObject({ status: 400, body: { reason: 'not-utf8' } });
		const shared = await call(page, '/s/example-minimal/sources', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'x', title: 't', publisher: 'p', language: 'en' }) });
		expect(shared.status).toBe(409);
		await page.context().close();
	});
});

describe('a server that serves a network', () => {
	it('refuses edits unless the operator turns editing on', async () => {
		const lan = await serveApp({ scenarioDirs: ['scenarios'], host: '0.0.0.0' });
		try {
			const source = await fetch(`${lan.baseURL}/s/example-minimal/source`);
			expect(source.status).toBe(200);
			const text = await source.text();
			const save = await fetch(`${lan.baseURL}/s/example-minimal/source`, { method: 'PUT', headers: { 'content-type': 'text/yaml', 'if-match': source.headers.get('etag')!, 'accept-language': 'ja' }, body: `${text}# x\n` });
			expect(save.status).toBe(403);
			expect(await save.json()).toMatchObject({ reason: 'editing-off', message: expect.stringContaining('BRANCHPOINT_EDITING=on') });
			const create = await fetch(`${lan.baseURL}/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'nope', from: 'template' }) });
			expect(create.status).toBe(403);
			// Whole source texts are for authoring: a workshop's network does not get them.
			const text0 = await fetch(`${lan.baseURL}/s/example-minimal/sources/001_2ee44ad5d0a6a1ef.txt`);
			expect(text0.status).toBe(403);
		} finally {
			lan.stop();
		}
		process.env.BRANCHPOINT_EDITING = 'on';
		const open = await serveApp({ scenarioDirs: ['scenarios'], host: '0.0.0.0' }).finally(() => delete process.env.BRANCHPOINT_EDITING);
		try {
			const source = await fetch(`${open.baseURL}/s/example-minimal/source`);
			const save = await fetch(`${open.baseURL}/s/example-minimal/source`, { method: 'PUT', headers: { 'content-type': 'text/yaml', 'if-match': source.headers.get('etag')! }, body: `${await source.text()}# x\n` });
			expect(save.status).toBe(200);
			const text0 = await fetch(`${open.baseURL}/s/example-minimal/sources/001_2ee44ad5d0a6a1ef.txt`);
			expect(text0.status).toBe(200);
			expect(await text0.text()).toContain('条約や秘密裏の取引が続く限り効果は限定される可能性がある');
		} finally {
			open.stop();
		}
	});
});
