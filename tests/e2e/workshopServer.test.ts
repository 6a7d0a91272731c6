import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type ServedApp } from '../../tools/serveApp.js';
import { createWorkshop, joinToken, joinWorkshop, openStream, sendCommand, type StreamMessage } from '../../tools/workshopHttp.js';

// Served on 127.0.0.2: an address other than localhost, as a phone on the
// room's LAN reaches the facilitator's laptop, over plain HTTP.
let app: ServedApp;
let base: string;
beforeAll(async () => {
	app = await serveApp({ scenarioDirs: ['scenarios'], host: '127.0.0.2' });
	base = app.baseURL;
});
afterAll(() => app?.stop());

const messages = (url: string, options: { cookie?: string; lastEventId?: number }, ms: number) =>
	new Promise<StreamMessage[]>((resolve) => {
		const got: StreamMessage[] = [];
		const close = openStream(url, { ...options, onMessage: (m) => got.push(m) });
		setTimeout(() => {
			close();
			resolve(got);
		}, ms);
	});

describe('the workshop server over plain HTTP on a LAN address', () => {
	it('accepts a join posted from that address and sets an HttpOnly, SameSite=Lax cookie that is not Secure', async () => {
		const workshop = await createWorkshop(base, { teams: ['coalition'] });
		const response = await fetch(`${base}/join/${workshop.code}?/join`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
			body: `name=Dana&team=coalition&token=${joinToken()}`
		});
		expect(response.status).toBe(303);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`bp_p_${workshop.id}=`)) ?? '';
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).not.toMatch(/Secure/);
	});

	it('sends the security headers, with a referrer policy that keeps Origin on our own form posts', async () => {
		const response = await fetch(`${base}/workshops`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
	});

	it('still refuses a form posted from another site', async () => {
		const workshop = await createWorkshop(base, { teams: ['coalition'] });
		const response = await fetch(`${base}/join/${workshop.code}?/join`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: 'http://evil.example' },
			body: `name=Mallory&token=${joinToken()}`
		});
		expect(response.status).toBe(403);
	});

	it('joins once per form and once per browser: a repeated form or a second join names the same participant', async () => {
		const workshop = await createWorkshop(base, { teams: ['coalition', 'russia'] });
		const token = joinToken();
		const first = await joinWorkshop(base, workshop, { name: 'Eri', team: 'coalition', token });
		const again = await joinWorkshop(base, workshop, { name: 'Eri', team: 'coalition', token });
		expect(again).toBe(first);
		// Already in: a join from the same browser goes back to the participant's page, adding no one.
		const rejoin = await fetch(`${base}/join/${workshop.code}?/join`, {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base, cookie: first },
			body: `name=Eri2&team=russia&token=${joinToken()}`
		});
		expect(rejoin.status).toBe(303);
		expect(rejoin.headers.getSetCookie()).toEqual([]);
		// Another person may not take a name already in use.
		await expect(joinWorkshop(base, workshop, { name: 'eri' })).rejects.toThrow(/409/);
		const log = (await (await fetch(`${base}/workshops/${workshop.id}/log.json`, { headers: { cookie: workshop.facilitator } })).json()) as { events: { type: string }[] };
		expect(log.events.filter((e) => e.type === 'joined')).toHaveLength(1);
	});

	it('checks every command against the sender: team, role, input and rate', async () => {
		const workshop = await createWorkshop(base, { teams: ['coalition', 'russia'] });
		const russian = await joinWorkshop(base, workshop, { name: 'Ivan', team: 'russia' });
		const ally = await joinWorkshop(base, workshop, { name: 'Aiko', team: 'coalition' });
		expect(await sendCommand(base, workshop.id, workshop.facilitator, { type: 'openVote' })).toMatchObject({ ok: true });
		expect(await sendCommand(base, workshop.id, russian, { type: 'vote', move: 'UNSC_RESOLUTION' })).toMatchObject({ status: 403, message: 'This vote is for another team.' });
		expect(await sendCommand(base, workshop.id, ally, { type: 'closeVote' })).toMatchObject({ status: 403 });
		expect(await sendCommand(base, workshop.id, '', { type: 'vote', move: 'UNSC_RESOLUTION' })).toMatchObject({ status: 403 });
		expect(await sendCommand(base, workshop.id, ally, { type: 'vote', move: 'UNSC_RESOLUTION', rationale: 'x'.repeat(141) })).toMatchObject({ status: 400, message: expect.stringMatching(/141 characters; keep it to 140/) });
		expect(await sendCommand(base, workshop.id, ally, { type: 'vote', move: { toString: 1 } })).toMatchObject({ status: 400, message: '"move" must be text.' });
		expect(await sendCommand(base, workshop.id, workshop.facilitator, { type: 'teleport' })).toMatchObject({ status: 400, message: 'Unknown command type "teleport".' });
		expect(await sendCommand(base, workshop.id, workshop.facilitator, { type: 'draw', step: 5 })).toMatchObject({ status: 409, message: expect.stringMatching(/moved on since you clicked/) });
		const forged = ally.replace(/\.[^.]+$/, '.forged');
		expect(await sendCommand(base, workshop.id, forged, { type: 'vote', move: 'UNSC_RESOLUTION' })).toMatchObject({ status: 403 });
		const answers = [];
		for (let i = 0; i < 15; i++) answers.push((await sendCommand(base, workshop.id, ally, { type: 'vote', move: 'UNSC_RESOLUTION' })).status);
		expect(answers).toContain(429);
		const tooLong = await fetch(`${base}/join/${workshop.code}?/join`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: base },
			body: `name=${'n'.repeat(41)}&token=${joinToken()}`
		});
		expect(JSON.stringify(await tooLong.json())).toMatch(/41 characters; keep it to 40/);
	});

	it('compares several runs of one scenario: the paths taken and the choices at each point', async () => {
		const runs = [];
		for (const move of ['DEBRIS_MISSION', 'UNSC_RESOLUTION']) {
			const workshop = await createWorkshop(base, { teams: ['coalition'], title: `Run ${move}` });
			const player = await joinWorkshop(base, workshop, { name: 'Player', team: 'coalition' });
			await sendCommand(base, workshop.id, workshop.facilitator, { type: 'openVote' });
			await sendCommand(base, workshop.id, player, { type: 'vote', move });
			expect(await sendCommand(base, workshop.id, workshop.facilitator, { type: 'closeVote' })).toMatchObject({ ok: true });
			runs.push(workshop);
		}
		const page = await (await fetch(`${base}/workshops/compare?scenario=russia-dprk-2024`, { headers: { cookie: runs.map((r) => r.facilitator).join('; ') } })).text();
		expect(page).toMatch(/Run DEBRIS_MISSION<\/a>: Joint expert mission on missile debris in Europe/);
		expect(page).toMatch(/Run UNSC_RESOLUTION<\/a>: Security Council route/);
		expect(page).toMatch(/First response to the Russia–DPRK treaty.*2 runs reached it/s);
		// Another browser sees none of these runs.
		expect(await (await fetch(`${base}/workshops/compare?scenario=russia-dprk-2024`)).text()).toMatch(/No runs of this scenario in this browser/);
	});

	it('streams views with increasing ids and answers Last-Event-ID with what was missed', async () => {
		const workshop = await createWorkshop(base, { teams: ['coalition'] });
		const url = `${base}/workshops/${workshop.id}/stream?as=projector`;
		const first = await messages(url, {}, 400);
		expect(first).toHaveLength(1);
		const seq = first[0].id as number;
		expect(JSON.parse(first[0].data)).toMatchObject({ seq, title: 'Workshop over HTTP' });
		// Up to date: nothing until the next event.
		expect(await messages(url, { lastEventId: seq }, 400)).toHaveLength(0);
		// Behind: one view that folds everything missed.
		await sendCommand(base, workshop.id, workshop.facilitator, { type: 'inject', inject: 'inject-troops' });
		const caughtUp = await messages(url, { lastEventId: seq }, 400);
		expect(caughtUp).toHaveLength(1);
		expect(caughtUp[0].id).toBeGreaterThan(seq);
		expect(JSON.parse(caughtUp[0].data).injects[0].title).toMatch(/troops/);
		// A participant's stream needs the participant's cookie; the console's needs the facilitator's.
		expect((await fetch(`${base}/workshops/${workshop.id}/stream?as=participant`)).status).toBe(403);
		expect((await fetch(`${base}/workshops/${workshop.id}/stream?as=facilitator`)).status).toBe(403);
	});
});
