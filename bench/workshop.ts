import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { buildApp, serveApp, type ServedApp } from '../tools/serveApp.js';
import { createWorkshop, joinWorkshop, newCommandId, openStream, type StreamMessage } from '../tools/workshopHttp.js';
import { percentile, type Figure } from './stats.js';

const PARTICIPANTS = 100;
const ROUNDS = 3;
/** Votes a second in the steady rounds: the whole room votes within 5 s. */
const RATE = 20;
/** Votes sent at the same instant in the burst round. */
const BURST = 25;
/** The whole section, after the build; the joins alone take ~20 s (see below). */
const TIMEOUT_MS = 180_000;
const MOVES = ['SANCTIONS_AND_SHARING', 'UNSC_RESOLUTION', 'DEBRIS_MISSION', 'DETERRENCE_AND_SHARING', 'ENGAGE_CHINA', 'CONDEMN_AND_MONITOR'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server process's resident set size, kB (Linux). */
function rssKB(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('VmRSS:'));
	const kB = Number(/(\d+)\s*kB/.exec(line ?? '')?.[1]);
	if (!Number.isFinite(kB)) throw new Error(`no VmRSS for process ${pid}`);
	return kB;
}

/** The median of a few RSS readings, after letting the server settle. */
async function settledRss(pid: number): Promise<number> {
	await sleep(1000);
	const readings: number[] = [];
	for (let i = 0; i < 5; i++) {
		readings.push(rssKB(pid));
		await sleep(200);
	}
	return percentile(readings, 50);
}

/** Waits until `done()` holds, polling; throws after `ms`. */
async function until(done: () => boolean, ms: number, what: string): Promise<void> {
	const deadline = Date.now() + ms;
	while (!done()) {
		if (Date.now() > deadline) throw new Error(`workshop bench: timed out waiting for ${what}`);
		await sleep(2);
	}
}

/**
 * Joins every participant. The server allows 60 joins at once from one
 * address, then two a second, and on loopback every participant is
 * 127.0.0.1: after the first 60 this waits on the limiter (~20 s).
 */
async function joinAll(baseURL: string, workshop: { id: string; code: string }, deadline: number): Promise<string[]> {
	const cookies: string[] = [];
	for (let i = 0; i < PARTICIPANTS; i++) {
		for (let attempt = 0; ; attempt++) {
			try {
				cookies.push(await joinWorkshop(baseURL, workshop, { name: `P${i}`, team: 'coalition' }));
				break;
			} catch (error) {
				const limited = error instanceof Error && / 429:/.test(error.message);
				if (!limited || attempt >= 50 || Date.now() > deadline) throw error;
				await sleep(200);
			}
		}
	}
	return cookies;
}

interface Vote {
	t0: number;
	acked: number;
	seq: number;
}

type Answer = { ok: boolean; seq?: number; duplicate?: boolean; message?: string };

/** Sends one command as JSON; the time its answer arrived, and the answer. */
async function post(baseURL: string, workshopId: string, cookie: string, body: string): Promise<{ status: number; at: number; answer: Answer }> {
	const response = await fetch(`${baseURL}/workshops/${workshopId}/commands`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
	const answer = (await response.json()) as Answer;
	return { status: response.status, at: performance.now(), answer };
}

/**
 * The participants' phones: one event stream each, read with fetch and
 * parsed into messages, in a worker thread, so that 100 streams' data does
 * not queue in front of the answers and projector views the main thread
 * times. Plain JavaScript (evaluated), as tsx does not transform workers.
 */
const PHONES = `
const { workerData, parentPort } = require('node:worker_threads');
const views = workerData.cookies.map(() => 0);
const last = workerData.cookies.map(() => 0);
let ended = 0;
const aborts = workerData.cookies.map((cookie, p) => {
	const abort = new AbortController();
	(async () => {
		try {
			const response = await fetch(workerData.url, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
			if (!response.ok || !response.body) throw new Error(String(response.status));
			const decoder = new TextDecoder();
			let buffer = '';
			for await (const chunk of response.body) {
				buffer += decoder.decode(chunk, { stream: true });
				let end;
				while ((end = buffer.indexOf('\\n\\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					let event, id = 0, data = '';
					for (const line of block.split('\\n')) {
						if (line.startsWith('id: ')) id = Number(line.slice(4));
						else if (line.startsWith('event: ')) event = line.slice(7);
						else if (line.startsWith('data: ')) data += line.slice(6);
					}
					if (event === 'view' && data.startsWith('{')) {
						views[p]++;
						last[p] = id;
					}
				}
			}
		} catch {}
		if (!abort.signal.aborted) ended++;
	})();
	return abort;
});
parentPort.on('message', (message) => {
	if (message === 'close') for (const abort of aborts) abort.abort();
	else parentPort.postMessage({ views, last, ended });
});
`;

/** The phones' worker; `count()` asks how many views each stream has had, the last one's id, and how many streams ended. */
function phones(url: string, cookies: string[]): { count(): Promise<{ views: number[]; last: number[]; ended: number }>; close(): void } {
	const worker = new Worker(PHONES, { eval: true, workerData: { url, cookies } });
	worker.unref();
	return {
		count: () =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('workshop bench: the phones’ worker does not answer')), 5_000);
				worker.once('message', (message) => {
					clearTimeout(timer);
					resolve(message);
				});
				worker.postMessage('count');
			}),
		close: () => {
			worker.postMessage('close');
			setTimeout(() => void worker.terminate(), 200).unref();
		}
	};
}

/**
 * A workshop on loopback with 100 participants, each on its own event
 * stream, and the projector's stream: vote → acknowledged (the command's
 * answer, which comes after the commit) and vote → seen on the projector
 * (its stream delivers a view at or past the vote's seq), p95 over three
 * rounds in which everyone votes or changes their vote at a steady rate,
 * then one round in bursts; and the server's memory per open stream.
 */
export async function workshopFigures(): Promise<Figure[]> {
	const started = performance.now();
	buildApp();
	const built = performance.now();
	const app = await serveApp({ scenarioDirs: ['scenarios'], host: '127.0.0.1' });
	if (!app.baseURL.startsWith('http://127.0.0.1:')) {
		app.stop();
		throw new Error(`workshop bench: loopback only, not ${app.baseURL}`);
	}
	const closers: (() => void)[] = [];
	let timer: NodeJS.Timeout | undefined;
	const work = measure(app, closers, Date.now() + TIMEOUT_MS);
	work.catch(() => {}); // if the timeout wins, the rest fails as the server goes
	try {
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`workshop bench: over ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
		});
		const figures = await Promise.race([work, timeout]);
		const seconds = (performance.now() - started) / 1000;
		console.log(`  (section took ${seconds.toFixed(0)} s: build ${((built - started) / 1000).toFixed(0)} s, the rest ${(seconds - (built - started) / 1000).toFixed(0)} s)`);
		return figures;
	} finally {
		clearTimeout(timer);
		for (const close of closers) close();
		app.stop();
	}
}

async function measure(app: ServedApp, closers: (() => void)[], deadline: number): Promise<Figure[]> {
	const { baseURL } = app;
	const pid = app.server.pid;
	if (pid === undefined) throw new Error('workshop bench: the server has no pid');
	const workshop = await createWorkshop(baseURL, { teams: ['coalition'], title: 'Load test' });
	const joinsStarted = performance.now();
	const participants = await joinAll(baseURL, workshop, deadline);
	const joinSeconds = (performance.now() - joinsStarted) / 1000;
	const streamURL = (as: string) => `${baseURL}/workshops/${workshop.id}/stream?as=${as}`;
	const pastDeadline = () => {
		if (Date.now() > deadline) throw new Error('workshop bench: past its deadline');
	};

	// Warm the stream route (its module, the views' code paths) before the memory baseline.
	for (const [as, cookie] of [['projector', undefined], ['participant', participants[0]]] as const) {
		let got = false;
		const close = openStream(streamURL(as), { cookie, onMessage: () => (got = true) });
		closers.push(close);
		await until(() => got, 10_000, `a warm-up ${as} stream`);
		close();
	}
	const before = await settledRss(pid);

	// The projector records when each view arrives and the seq it reflects.
	const seen: { seq: number; at: number }[] = [];
	let projectorEnded = false;
	let projectorBad = '';
	closers.push(
		openStream(streamURL('projector'), {
			onMessage: (message: StreamMessage) => {
				const at = performance.now();
				if (message.event !== 'view') return;
				const view = JSON.parse(message.data) as { seq: number };
				if (view.seq !== message.id) projectorBad = `view seq ${view.seq} under id ${message.id}`;
				seen.push({ seq: view.seq, at });
			},
			onEnd: () => (projectorEnded = true)
		})
	);
	const phoneStreams = phones(streamURL('participant'), participants);
	closers.push(() => phoneStreams.close());
	const streams = PARTICIPANTS + 1;
	for (let i = 0; ; i++) {
		const { views, ended } = await phoneStreams.count();
		if (ended > 0) throw new Error(`workshop bench: ${ended} participant stream(s) refused or closed`);
		if (seen.length > 0 && views.every((n) => n > 0)) break;
		if (i > 400) throw new Error('workshop bench: not every stream had its first view in 20 s');
		await sleep(50);
	}
	// 290 more streams (the projector's, up to the server's cap of 400 a workshop): a signal of
	// several megabytes, well above the heap's growth steps.
	const extra = 290;
	let extraViews = 0;
	const closeExtra = Array.from({ length: extra }, () => openStream(streamURL('projector'), { onMessage: () => extraViews++ }));
	closers.push(...closeExtra);
	await until(() => extraViews >= extra, 20_000, 'the extra streams’ first views');
	const after = await settledRss(pid);
	for (const close of closeExtra) close();
	const measured = streams + extra;

	const open = await post(baseURL, workshop.id, workshop.facilitator, JSON.stringify({ id: newCommandId(), type: 'openVote' }));
	if (!open.answer.ok || open.answer.seq === undefined) throw new Error(`workshop bench: openVote answered ${open.status}: ${open.answer.message}`);
	const openSeq = open.answer.seq;
	await until(() => (seen.at(-1)?.seq ?? 0) >= openSeq, 5_000, 'the opened vote on the projector');

	let round = 0;
	const vote = async (p: number): Promise<Vote> => {
		const move = MOVES[(p + round) % MOVES.length];
		const t0 = performance.now();
		const { status, at, answer } = await post(baseURL, workshop.id, participants[p], JSON.stringify({ id: newCommandId(), type: 'vote', move }));
		if (!answer.ok || answer.seq === undefined || answer.duplicate) throw new Error(`workshop bench: a vote answered ${status}: ${answer.message ?? JSON.stringify(answer)}`);
		return { t0, acked: at, seq: answer.seq };
	};
	// A command without a type: answered 400 before any work.
	const refused = async (p: number): Promise<number> => {
		const t0 = performance.now();
		const { status, at } = await post(baseURL, workshop.id, participants[p], JSON.stringify({ id: newCommandId() }));
		if (status !== 400) throw new Error(`workshop bench: the reference command answered ${status}`);
		return at - t0;
	};
	const caughtUp = async (votes: Vote[]) => {
		const last = Math.max(...votes.map((v) => v.seq));
		await until(() => (seen.at(-1)?.seq ?? 0) >= last, 10_000, `seq ${last} on the projector`);
	};

	// The reference first: the same endpoint, cookies, rate and open streams, but refused before any work.
	const reference: number[] = [];
	const referenceStart = performance.now();
	const referencePending: Promise<unknown>[] = [];
	for (let p = 0; p < PARTICIPANTS; p++) {
		pastDeadline();
		await sleep(referenceStart + (p * 1000) / RATE - performance.now());
		referencePending.push(refused(p).then((ms) => reference.push(ms)));
	}
	await Promise.all(referencePending);
	await sleep(200);

	// Steady rounds: everyone votes (then changes their vote), a vote every 1/RATE s.
	const steady: Vote[] = [];
	for (; round < ROUNDS; round++) {
		const pending: Promise<unknown>[] = [];
		const votes: Vote[] = [];
		const t = performance.now();
		for (let p = 0; p < PARTICIPANTS; p++) {
			pastDeadline();
			await sleep(t + (p * 1000) / RATE - performance.now());
			pending.push(vote(p).then((v) => votes.push(v)));
		}
		await Promise.all(pending);
		await caughtUp(votes);
		steady.push(...votes);
		await sleep(200);
	}
	// A burst round: waves of BURST votes sent at the same instant.
	const burst: Vote[] = [];
	for (let from = 0; from < PARTICIPANTS; from += BURST) {
		pastDeadline();
		const votes = await Promise.all(Array.from({ length: Math.min(BURST, PARTICIPANTS - from) }, (_, k) => vote(from + k)));
		await caughtUp(votes);
		burst.push(...votes);
		await sleep(200);
	}

	const { views, last, ended } = await phoneStreams.count();
	if (ended > 0 || projectorEnded) throw new Error(`workshop bench: ${ended + (projectorEnded ? 1 : 0)} stream(s) closed during the run`);
	if (projectorBad) throw new Error(`workshop bench: ${projectorBad}`);
	// Views that arrive together are folded into one, so a phone need not see every seq, but it must end on the last.
	const finalSeq = Math.max(...burst.map((v) => v.seq));
	if (last.some((seq) => seq < finalSeq)) throw new Error(`workshop bench: a participant stream stopped at seq ${Math.min(...last)} before ${finalSeq}`);
	console.log(`  (each phone got ${Math.min(...views)}–${Math.max(...views)} views for ${2 + steady.length + burst.length} events)`);

	const acked = (votes: Vote[]) => votes.map((v) => v.acked - v.t0);
	const onProjector = (votes: Vote[]) =>
		votes.map((v) => {
			const view = seen.find((s) => s.seq >= v.seq);
			if (!view) throw new Error(`workshop bench: seq ${v.seq} never reached the projector`);
			return view.at - v.t0;
		});
	const steadyNote = `${steady.length} votes, ${RATE} a second, ${streams} streams open`;
	const burstNote = `${burst.length} votes, ${BURST} sent at once`;
	console.log(
		`  (${PARTICIPANTS} joins took ${joinSeconds.toFixed(0)} s on the join limiter; vote → acknowledged p50 ${percentile(acked(steady), 50).toFixed(1)} ms at ${RATE}/s, ${percentile(acked(burst), 50).toFixed(1)} ms in bursts; server RSS ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} MB with the streams open)`
	);
	return [
		{
			name: `workshop: vote → acknowledged, p95, ${PARTICIPANTS} participants on SSE`,
			value: percentile(acked(steady), 95),
			unit: 'ms',
			reference: { name: 'a refused command, same endpoint and rate, no votes, p95', value: percentile(reference, 95) },
			maxValue: 50,
			note: steadyNote
		},
		{ name: 'workshop: vote → seen on the projector, p95', value: percentile(onProjector(steady), 95), unit: 'ms', maxValue: 100, note: steadyNote },
		{ name: 'workshop: vote → acknowledged, p95, in bursts', value: percentile(acked(burst), 95), unit: 'ms', note: burstNote },
		{ name: 'workshop: vote → seen on the projector, p95, in bursts', value: percentile(onProjector(burst), 95), unit: 'ms', note: burstNote },
		{ name: 'workshop: server memory per SSE connection', value: (after - before) / measured, unit: 'kB', note: `RSS before and after opening ${measured} streams; coarse, as the heap grows in steps` }
	];
}
