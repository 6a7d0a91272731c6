import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, shot } from '../../tools/browser.js';
import { serveApp, type ServedApp } from '../../tools/serveApp.js';
import { createWorkshop, joinWorkshop, newCommandId, openStream, sendCommand } from '../../tools/workshopHttp.js';

const MOVES = ['SANCTIONS_AND_SHARING', 'UNSC_RESOLUTION', 'DEBRIS_MISSION', 'DETERRENCE_AND_SHARING', 'ENGAGE_CHINA', 'CONDEMN_AND_MONITOR'];

let app: ServedApp | undefined;
let browser: Browser | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'bp-crash-'));
afterAll(async () => {
	app?.stop();
	await browser?.close();
	rmSync(dataDir, { recursive: true, force: true });
});

interface Acked {
	command: string;
	participant: number;
	move: string;
	seq: number;
}

describe('a workshop survives kill -9 of its server', () => {
	it('keeps every acknowledged vote, goes on where it stopped, and clients reconnect by themselves', async () => {
		app = await serveApp({ scenarioDirs: ['scenarios'], dataDir });
		const { port } = app;
		const base = app.baseURL;
		const workshop = await createWorkshop(base, { teams: ['coalition', 'russia'], seed: 9 });
		const participants: string[] = [];
		for (let i = 0; i < 8; i++) participants.push(await joinWorkshop(base, workshop, { name: `P${i}`, team: 'coalition' }));

		// A participant's phone, in Chromium, stays open through the crash.
		browser = await launchBrowser();
		const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
		const [name, value] = participants[0].split('=');
		await phone.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		const page = await phone.newPage();
		await page.goto(`${base}/join/${workshop.code}`);
		await page.waitForSelector('[data-testid="my-team"]');

		expect((await sendCommand(base, workshop.id, workshop.facilitator, { type: 'openVote' })).ok).toBe(true);
		await page.waitForSelector('[data-testid="option-UNSC_RESOLUTION"]');

		// Votes stream in from every participant; the server is killed in the middle of them.
		const acked: Acked[] = [];
		let sent = 0;
		const voter = async (p: number) => {
			for (let round = 0; round < 1000; round++) {
				const command = newCommandId();
				const move = MOVES[(p + round) % MOVES.length];
				sent++;
				try {
					const answer = await sendCommand(base, workshop.id, participants[p], { id: command, type: 'vote', move });
					if (answer.ok && answer.seq !== undefined) acked.push({ command, participant: p, move, seq: answer.seq });
					else if (answer.status === 429) await new Promise((r) => setTimeout(r, 100));
				} catch {
					return; // the server is gone
				}
			}
		};
		const voting = Promise.all(participants.map((_, p) => voter(p)));
		while (acked.length < 40) await new Promise((r) => setTimeout(r, 5));
		app.server.kill('SIGKILL');
		await voting;
		expect(sent).toBeGreaterThan(acked.length);
		await expect.poll(() => page.locator('.offline').count()).toBe(1);

		// Restarted on the same data and port.
		app.stop();
		app = await serveApp({ scenarioDirs: ['scenarios'], dataDir, port });
		const log = (await (await fetch(`${base}/workshops/${workshop.id}/log.json`, { headers: { cookie: workshop.facilitator } })).json()) as { events: { seq: number; type: string; command: string; move?: string }[] };
		const bySeq = new Map(log.events.map((e) => [e.seq, e]));
		for (const vote of acked) {
			const event = bySeq.get(vote.seq);
			expect(event, `acknowledged vote ${vote.command}`).toMatchObject({ type: 'voteCast', command: vote.command, move: vote.move });
		}
		expect(log.events.map((e) => e.seq)).toEqual(log.events.map((_, i) => i + 1));

		// A retried vote counts once: the same command id answers with its first seq.
		const retry = await sendCommand(base, workshop.id, participants[acked[0].participant], { id: acked[0].command, type: 'vote', move: acked[0].move });
		expect(retry).toMatchObject({ ok: true, duplicate: true, seq: acked[0].seq });

		// The phone reconnects by itself and follows the workshop as it goes on.
		await expect.poll(() => page.locator('.offline').count(), { timeout: 15_000 }).toBe(0);
		const views: number[] = [];
		const close = openStream(`${base}/workshops/${workshop.id}/stream?as=projector`, { onMessage: (m) => m.id !== undefined && views.push(m.id) });
		const closed = await sendCommand(base, workshop.id, workshop.facilitator, { type: 'closeVote' });
		expect(closed.ok).toBe(true);
		await expect.poll(() => page.locator('#tally').count(), { timeout: 10_000 }).toBe(1);
		await expect.poll(() => Math.max(0, ...views)).toBeGreaterThanOrEqual(closed.seq as number);
		close();
		await shot(page, 'workshop-after-crash');
	});
});
