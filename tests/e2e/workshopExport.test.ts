import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from '../../tools/serveApp.js';
import { createWorkshop, joinWorkshop, sendCommand, type CreatedWorkshop } from '../../tools/workshopHttp.js';

let app: ServedApp;
let workshop: CreatedWorkshop;
const out = mkdtempSync(join(tmpdir(), 'bp-workshop-export-'));

beforeAll(async () => {
	app = await serveApp({ scenarioDirs: ['scenarios'] });
	workshop = await createWorkshop(app.baseURL, { teams: ['coalition'], title: 'Debrief test', seed: 5 });
	const aiko = await joinWorkshop(app.baseURL, workshop, { name: 'Aiko Tanaka', team: 'coalition' });
	await sendCommand(app.baseURL, workshop.id, workshop.facilitator, { type: 'openVote' });
	await sendCommand(app.baseURL, workshop.id, aiko, { type: 'vote', move: 'UNSC_RESOLUTION', rationale: 'A resolution binds everyone' });
	await sendCommand(app.baseURL, workshop.id, workshop.facilitator, { type: 'closeVote' });
	await sendCommand(app.baseURL, workshop.id, workshop.facilitator, { type: 'draw' });
	await sendCommand(app.baseURL, workshop.id, workshop.facilitator, { type: 'inject', inject: 'inject-panel-ends' });
});
afterAll(() => {
	app?.stop();
	rmSync(out, { recursive: true, force: true });
});

const download = async (query: string) => new Uint8Array(await (await fetch(`${app.baseURL}/workshops/${workshop.id}/export?${query}`, { headers: { cookie: workshop.facilitator } })).arrayBuffer());

/**
 * A tool's output, run asynchronously like the command line below: a
 * blocked event loop (LibreOffice takes seconds) would keep fetch's idle
 * connections past the server's keep-alive, and the next request would find
 * its connection closed ("other side closed").
 */
const run = async (command: string, args: string[], timeout = 60_000) => (await promisify(execFile)(command, args, { encoding: 'utf8', timeout, maxBuffer: 20 * 2 ** 20 })).stdout;

/**
 * The command line on the server's data folder, as an operator would run it.
 * Asynchronously: a blocked event loop would keep fetch's idle connections
 * past the server's keep-alive and the next request would find them closed.
 */
async function cli(args: string[]): Promise<Buffer> {
	const { stdout } = await promisify(execFile)('node', ['tools/bp.js', 'export-workshop', workshop.id, ...args], { env: { ...process.env, BRANCHPOINT_DATA: app.dataDir }, encoding: 'buffer', maxBuffer: 50 * 2 ** 20 });
	return stdout;
}

describe('workshop exports: the review page and the command line give the same bytes', () => {
	it.each(['md', 'csv', 'json'])('%s, names left out by default', async (format) => {
		const page = await download(`format=${format}`);
		expect(Buffer.from(page).equals(await cli(['--format', format]))).toBe(true);
		const text = new TextDecoder().decode(page);
		expect(text).not.toContain('Aiko Tanaka');
		expect(text).toContain('A resolution binds everyone');
	});

	it('md with names when asked, and the log hash in its provenance', async () => {
		const page = await download('format=md&names=1');
		expect(Buffer.from(page).equals(await cli(['--format', 'md', '--names']))).toBe(true);
		const text = new TextDecoder().decode(page);
		expect(text).toContain('Aiko Tanaka, for “Security Council route”');
		expect(text).toMatch(/"workshop":\{"id":"[^"]+","logSha256":"[0-9a-f]{64}","events":\d+,"names":true\}/);
		expect(text).toMatch(/## 2\. Security Council vote — Russia: Russia (vetoes|abstains).*\n\n.*drawn with the model’s probabilities, probability.* \[\d+(, \d+)*\]\n/);
		expect(text).toMatch(/## Notes\n\n1\. 「/);
		expect(text).toContain('## Bibliography');
	});

	it('docx opens in LibreOffice with the review’s steps and tables', { timeout: 180_000 }, async () => {
		const page = await download('format=docx');
		const file = join(out, 'review.docx');
		await cli(['--format', 'docx', '--out', file]);
		expect(Buffer.from(page).equals(readFileSync(file))).toBe(true);
		const profile = mkdtempSync(join(tmpdir(), 'lo-'));
		await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'txt:Text', '--outdir', out, file], 120_000);
		const txt = readFileSync(join(out, 'review.txt'), 'utf8');
		for (const expected of ['After-action review: Debrief test', '1. First response to the Russia–DPRK treaty', 'Security Council route (chosen)', 'Inject: UN panel of experts disbanded', 'Notes', 'Bibliography', 'ロシアと北朝鮮の新条約']) expect(txt).toContain(expected);
		rmSync(profile, { recursive: true, force: true });
	});

	it('the played path as a figure: SVG equal to the command line’s, PDF and PNG that open', { timeout: 120_000 }, async () => {
		const svg = await download('format=svg');
		expect(Buffer.from(svg).equals(await cli(['--format', 'svg']))).toBe(true);
		const text = new TextDecoder().decode(svg);
		expect(text).toContain('the path played on the decision tree');
		expect(text).toContain('opacity="0.55"');
		const pdf = join(out, 'path.pdf');
		await cli(['--format', 'pdf', '--content', 'path', '--out', pdf]);
		expect(Buffer.from(await download('format=pdf&content=path')).equals(readFileSync(pdf))).toBe(true);
		expect(await run('pdftotext', [pdf, '-'])).toContain('Security Council route');
		const png = await download('format=png');
		expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
	});

	it('the review as PDF: the same bytes, text poppler reads, Japanese excerpts included', { timeout: 120_000 }, async () => {
		const pdf = join(out, 'review.pdf');
		await cli(['--format', 'pdf', '--out', pdf]);
		expect(Buffer.from(await download('format=pdf')).equals(readFileSync(pdf))).toBe(true);
		const text = await run('pdftotext', [pdf, '-']);
		for (const expected of ['After-action review: Debrief test', '(chosen)', 'Options at step 1', 'Notes', 'Bibliography', 'ロシアと北朝鮮の新条約']) expect(text).toContain(expected);
		expect(text).not.toContain('Aiko Tanaka');
		await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join('test-results', 'screenshots', 'workshop-review-pdf')]);
	});

	it('refuses an unknown format, content that does not fit it, and a stranger', async () => {
		expect((await fetch(`${app.baseURL}/workshops/${workshop.id}/export?format=csv&content=review`, { headers: { cookie: workshop.facilitator } })).status).toBe(400);
		expect((await fetch(`${app.baseURL}/workshops/${workshop.id}/export?format=gif`, { headers: { cookie: workshop.facilitator } })).status).toBe(400);
		expect((await fetch(`${app.baseURL}/workshops/${workshop.id}/export?format=md`)).status).toBe(403);
	});
});
