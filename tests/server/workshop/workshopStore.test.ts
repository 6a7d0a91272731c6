import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src/lib/server/workshop/openDatabase.js';
import { WorkshopService } from '../../../src/lib/server/workshop/WorkshopService.js';
import type { Subscriber } from '../../../src/lib/server/workshop/LiveWorkshop.js';

const SHIPPED = readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8');
const settled = () => new Promise((resolve) => setTimeout(resolve, 60));
const made: string[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'bp-store-'));
	made.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function service(dir = freshDir(), clock = () => 1_000) {
	return { dir, service: new WorkshopService(openDatabase(dir), clock) };
}

function create(s: WorkshopService, raw: Partial<Parameters<WorkshopService['create']>[0]['raw']> = {}) {
	const result = s.create({ scenarioId: 'russia-dprk-2024', scenarioYaml: SHIPPED, scenarioSha256: 'abc', raw: { teams: ['coalition', 'russia'], overrides: {}, seed: '5', ...raw } });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

describe('openDatabase', () => {
	it('opens in WAL mode with synchronous FULL and the latest schema version', () => {
		const db = openDatabase(freshDir());
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('synchronous', { simple: true })).toBe(2);
		expect(db.pragma('user_version', { simple: true })).toBe(1);
	});

	it('migrates an empty database once, and refuses one from a newer build', () => {
		const db = new Database(':memory:');
		migrate(db);
		migrate(db);
		expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all()).toEqual([{ name: 'events' }, { name: 'workshops' }]);
		db.pragma('user_version = 99');
		expect(() => migrate(db)).toThrow(/newer Branchpoint/);
	});
});

describe('WorkshopService', () => {
	it('creates a workshop whose log starts with the setup: values in force, seed, teams', () => {
		const { service: s } = service();
		const { id, code } = create(s, { overrides: { p_veto: '0.5' } });
		expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
		// An id a command line takes as it is: never an option-like '-' first.
		expect(id).toMatch(/^[0-9a-f]{18}$/);
		const [created] = s.store.events(id);
		expect(created).toMatchObject({ seq: 1, type: 'created', by: { role: 'facilitator' } });
		if (created.type !== 'created') throw new Error('not created');
		expect(created.setup).toMatchObject({ teams: ['coalition', 'russia'], seed: 5, overrides: { p_veto: 0.5 }, scenarioSha256: 'abc' });
		expect(created.setup.values.p_veto).toBe(0.5);
	});

	it('reports every bad creation field under its name', () => {
		const { service: s } = service();
		const result = s.create({ scenarioId: 'x', scenarioYaml: SHIPPED, scenarioSha256: '', raw: { teams: ['nobody'], overrides: { p_veto: '7', nope: '1' }, seed: '-1', roundMinutes: '0', others: 'dice', title: 'x'.repeat(121) } });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['others', 'overrides', 'roundMinutes', 'seed', 'teams', 'title']);
		expect(result.errors.overrides).toMatch(/p_veto/);
		expect(result.errors.overrides).toMatch(/nope/);
	});

	it('acknowledges a command only with its committed seq, and a retry with the first seq', () => {
		const { dir, service: s } = service();
		const { id } = create(s);
		expect(s.execute(id, { role: 'participant', participant: 'p1' }, { id: 'join-p1', type: 'join', participant: 'p1', name: 'Aiko', team: 'coalition' })).toEqual({ ok: true, seq: 2, duplicate: false });
		expect(s.execute(id, { role: 'facilitator' }, { id: 'open-1', type: 'openVote' })).toEqual({ ok: true, seq: 3, duplicate: false });
		const vote = { id: 'vote-0001', type: 'vote' as const, move: 'UNSC_RESOLUTION' };
		expect(s.execute(id, { role: 'participant', participant: 'p1' }, vote)).toEqual({ ok: true, seq: 5, duplicate: false });
		expect(s.execute(id, { role: 'participant', participant: 'p1' }, vote)).toEqual({ ok: true, seq: 5, duplicate: true });
		// Another process reading the same database sees the vote: it is committed.
		const reader = new WorkshopService(openDatabase(dir));
		expect(reader.store.events(id).map((e) => e.type)).toEqual(['created', 'joined', 'voteOpened', 'timerStarted', 'voteCast']);
		expect(reader.get(id)?.state.vote?.ballots.p1.move).toBe('UNSC_RESOLUTION');
	});

	it('refuses without writing: the log is unchanged after a refused command', () => {
		const { service: s } = service();
		const { id } = create(s);
		const before = s.store.events(id).length;
		expect(s.execute(id, { role: 'participant', participant: 'ghost' }, { id: 'vote-ghost', type: 'vote', move: 'UNSC_RESOLUTION' })).toMatchObject({ ok: false, status: 403 });
		expect(s.execute('missing', { role: 'facilitator' }, { id: 'open-none', type: 'openVote' })).toMatchObject({ ok: false, status: 404 });
		expect(s.store.events(id)).toHaveLength(before);
	});

	it('sends each stream its own view after a command, after the acknowledgement, and none after a refusal', async () => {
		const { service: s } = service();
		const { id } = create(s);
		s.execute(id, { role: 'participant', participant: 'p1' }, { id: 'join-p1', type: 'join', participant: 'p1', name: 'Aiko', team: 'coalition' });
		const got: { role: string; seq: number; json: string }[] = [];
		const subscriber = (audience: Subscriber['audience']): Subscriber => ({ audience, send: (seq, json) => got.push({ role: audience.role, seq, json }), close: () => {} });
		s.subscribe(id, subscriber({ role: 'projector' }));
		s.subscribe(id, subscriber({ role: 'participant', participant: 'p1' }));
		s.execute(id, { role: 'facilitator' }, { id: 'open-1', type: 'openVote' });
		expect(got).toEqual([]);
		await settled();
		expect(got.map((g) => `${g.role}@${g.seq}`)).toEqual(['projector@4', 'participant@4']);
		s.execute(id, { role: 'participant', participant: 'p1' }, { id: 'vote-1', type: 'vote', move: 'DEBRIS_MISSION', rationale: 'secret reason' });
		await settled();
		s.execute(id, { role: 'participant', participant: 'p1' }, { id: 'vote-2', type: 'vote', move: 'NOT_A_MOVE' });
		await settled();
		expect(got.map((g) => `${g.role}@${g.seq}`)).toEqual(['projector@4', 'participant@4', 'projector@5', 'participant@5']);
		expect(got[2].json).not.toMatch(/Aiko|secret reason/);
		const mine = JSON.parse(got[3].json);
		expect(mine).toMatchObject({ role: 'participant', seq: 5, me: { name: 'Aiko' }, myVote: { move: 'DEBRIS_MISSION', rationale: 'secret reason' } });
		expect(mine.vote.counts).toBeUndefined();
	});

	it('folds commands that arrive together into one broadcast', async () => {
		const { service: s } = service();
		const { id } = create(s);
		const seqs: number[] = [];
		s.subscribe(id, { audience: { role: 'projector' }, send: (seq) => seqs.push(seq), close: () => {} });
		for (let i = 0; i < 5; i++) s.execute(id, { role: 'facilitator' }, { id: `extend-${i}0000`, type: 'extendTimer', seconds: 60 });
		await settled();
		expect(seqs).toEqual([6]);
	});

	it('loads a workshop from its log after a restart, on the scenario text it was created with', () => {
		const { dir, service: s } = service();
		const { id, code } = create(s);
		s.execute(id, { role: 'facilitator' }, { id: 'inject-1', type: 'inject', inject: 'inject-troops' });
		const restarted = new WorkshopService(openDatabase(dir));
		const live = restarted.byCode(code);
		expect(live?.state.injects.map((j) => j.id)).toEqual(['inject-troops']);
		expect(live?.scenario.id).toBe('russia-dprk-2024');
		expect(restarted.list()).toMatchObject([{ id, code, participants: 0, steps: 0, ended: false }]);
	});

	it('lists a workshop whose stored scenario no longer parses as one that cannot be opened, and still deletes it', () => {
		const { dir, service: s } = service();
		const { id } = create(s);
		const db = openDatabase(dir);
		db.prepare('UPDATE workshops SET scenario_yaml = ? WHERE id = ?').run('id: [broken', id);
		const restarted = new WorkshopService(openDatabase(dir));
		expect(restarted.list()).toMatchObject([{ id, problem: expect.stringMatching(/no longer parses/) }]);
		expect(restarted.execute(id, { role: 'facilitator' }, { id: 'open-1', type: 'openVote' })).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/cannot be run/) });
		expect(restarted.remove(id)).toBe(true);
		expect(restarted.list()).toEqual([]);
	});

	it('refuses to act on a stale state when another process wrote the same workshop', () => {
		const { dir, service: first } = service();
		const { id } = create(first);
		const second = new WorkshopService(openDatabase(dir));
		second.get(id);
		expect(first.execute(id, { role: 'facilitator' }, { id: 'inject-a', type: 'inject', inject: 'inject-troops' })).toMatchObject({ ok: true, seq: 2 });
		expect(second.execute(id, { role: 'facilitator' }, { id: 'inject-b', type: 'inject', inject: 'inject-troops' })).toMatchObject({ ok: false, status: 409 });
		// Reloaded from the log, it sees the push and refuses it for what it is.
		expect(second.execute(id, { role: 'facilitator' }, { id: 'inject-b', type: 'inject', inject: 'inject-troops' })).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/already been pushed/) });
		expect(second.store.events(id).map((e) => e.seq)).toEqual([1, 2]);
	});

	it('deletes a workshop with its log and closes its streams', () => {
		const { service: s } = service();
		const { id } = create(s);
		let closed = false;
		s.subscribe(id, { audience: { role: 'projector' }, send: () => {}, close: () => (closed = true) });
		expect(s.remove(id)).toBe(true);
		expect(closed).toBe(true);
		expect(s.get(id)).toBeUndefined();
		expect(s.store.events(id)).toEqual([]);
	});
});

describe('a workshop in Japanese', () => {
	it('shows the scenario’s texts in the language it was created in, also after a restart', () => {
		const { dir, service: s } = service();
		const result = s.create({ scenarioId: 'russia-dprk-2024', scenarioYaml: SHIPPED, scenarioSha256: 'abc', raw: { teams: ['coalition'], overrides: {}, seed: '5' }, language: 'ja' });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const live = s.get(result.id)!;
		expect(live.state.setup.language).toBe('ja');
		expect(live.scenario.states.find((st) => st.id === live.scenario.initial)!.label).toBe('ロ朝条約への最初の対応');
		const restarted = new WorkshopService(openDatabase(dir));
		expect(restarted.get(result.id)!.scenario.title).toBe('ロ朝条約（2024年6月）：日米韓の対応');
		// Without a language, the scenario's own.
		expect(s.get(create(s).id)!.scenario.title).toBe('Russia–DPRK treaty (June 2024): the Japan–US–ROK response');
	});
});
