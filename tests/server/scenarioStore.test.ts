import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseScenario } from '../../src/lib/core/index.js';
import { editingAllowed, isLoopbackHost, listenHost } from '../../src/lib/server/editingAllowed.js';
import { refusalMessage, type Refusal } from '../../src/lib/server/editRefusal.js';
import { listScenarios } from '../../src/lib/server/scenarioFiles.js';
import { readHistory } from '../../src/lib/server/scenarioHistory.js';
import { etagOf } from '../../src/lib/server/etag.js';
import { SCENARIO_MAX_BYTES, ScenarioStore } from '../../src/lib/server/scenarioStore.js';
import { scenarioStatus } from '../../src/lib/server/scenarioStatus.js';
import { withIdAndTitle } from '../../src/lib/server/withIdAndTitle.js';

// Every node:fs function the store could call, watched, so a test can say it touched no file.
vi.mock('node:fs', async (importOriginal) => {
	const real: Record<string, unknown> = await importOriginal();
	const watched = Object.fromEntries(Object.entries(real).map(([name, value]) => [name, typeof value === 'function' && /Sync$/.test(name) ? vi.fn(value as (...args: unknown[]) => unknown) : value]));
	return { ...watched, default: watched };
});

const made: string[] = [];
afterAll(() => {
	for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary copy of the shipped scenarios, and a store over it with a
 * clock that ticks a second a call; the shared sources only where a test
 * gives them.
 */
function fixture(options: { sharedSources?: string } = {}) {
	const dir = fs.mkdtempSync(join(tmpdir(), 'bp-store-'));
	made.push(dir);
	fs.cpSync('scenarios', dir, { recursive: true });
	let tick = Date.UTC(2025, 0, 2, 9, 0, 0);
	const store = new ScenarioStore({ dir, now: () => new Date((tick += 1000)), sharedSources: options.sharedSources ?? join(dir, 'no-shared-sources') });
	return { dir, store, file: (id: string) => join(dir, id, 'scenario.yaml'), read: (id: string) => fs.readFileSync(join(dir, id, 'scenario.yaml'), 'utf8') };
}

function ok<T extends { ok: boolean }>(result: T | Refusal): T {
	if (!result.ok) throw new Error(`refused: ${(result as Refusal).reason}`);
	return result as T;
}

const refused = (result: { ok: boolean }) => (result.ok ? 'accepted' : (result as Refusal).reason);

const EXAMPLE = 'example-minimal';
/** The shared source texts beside the project, as CI has them. */
const SHARED = resolve('../shared/sources');

describe('saving a scenario', () => {
	it('replaces the file atomically and keeps the version it replaced in the history', () => {
		const { dir, store, read } = fixture();
		const original = read(EXAMPLE);
		const { etag } = ok(store.readSource(EXAMPLE));
		expect(etag).toBe(etagOf(Buffer.from(original)));
		expect(etag).toMatch(/^"sha256-[0-9a-f]{64}"$/);
		const edited = original.replace('Worked example: sanction or wait', 'Worked example: sanction, or wait');
		const saved = ok(store.save(EXAMPLE, edited, etag));
		expect(read(EXAMPLE)).toBe(edited);
		expect(saved.etag).toBe(etagOf(Buffer.from(edited)));
		expect(saved.valid).toBe(true);
		expect(saved.citations).toBeNull();
		// No temporary file is left beside it.
		expect(fs.readdirSync(join(dir, EXAMPLE)).sort()).toEqual(['.history', 'scenario.yaml']);
		const versions = ok(store.history(EXAMPLE)).versions;
		expect(versions.map((v) => [v.seq, v.kind, v.current])).toEqual([
			[2, 'save', true],
			[1, 'found', false]
		]);
		expect(versions[1]).toMatchObject({ size: Buffer.byteLength(original), valid: true, time: '2025-01-02T09:00:01.000Z' });
		expect(ok(store.version(EXAMPLE, 1)).text).toBe(original);
		expect(ok(store.version(EXAMPLE, 2)).text).toBe(edited);
	});

	it('lays the history out as numbered files and a JSON-lines index', () => {
		const { dir, store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		ok(store.save(EXAMPLE, `${read(EXAMPLE)}# one more line\n`, etag));
		const files = fs.readdirSync(join(dir, EXAMPLE, '.history')).sort();
		expect(files).toHaveLength(3);
		expect(files[0]).toMatch(/^000001-[0-9a-f]{12}\.yaml$/);
		expect(files[1]).toMatch(/^000002-[0-9a-f]{12}\.yaml$/);
		expect(files[2]).toBe('index.jsonl');
		const lines = fs.readFileSync(join(dir, EXAMPLE, '.history', 'index.jsonl'), 'utf8').trim().split('\n');
		expect(lines.map((l) => JSON.parse(l).seq)).toEqual([1, 2]);
	});

	it('records a file edited outside the store before replacing it, so no version is lost', () => {
		const { store, file, read } = fixture();
		const first = ok(store.save(EXAMPLE, `${read(EXAMPLE)}# a\n`, ok(store.readSource(EXAMPLE)).etag));
		fs.writeFileSync(file(EXAMPLE), `${read(EXAMPLE)}# edited by hand\n`);
		const byHand = read(EXAMPLE);
		expect(refused(store.save(EXAMPLE, `${byHand}# b\n`, first.etag))).toBe('stale');
		ok(store.save(EXAMPLE, `${byHand}# b\n`, ok(store.readSource(EXAMPLE)).etag));
		const versions = ok(store.history(EXAMPLE)).versions;
		expect(versions.map((v) => v.kind)).toEqual(['save', 'found', 'save', 'found']);
		expect(ok(store.version(EXAMPLE, versions[1].seq)).text).toBe(byHand);
	});

	it('saving the text the file already holds makes no new version', () => {
		const { store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		const saved = ok(store.save(EXAMPLE, read(EXAMPLE), etag));
		expect(saved.etag).toBe(etag);
		expect(saved.seq).toBeUndefined();
		expect(ok(store.history(EXAMPLE)).versions).toEqual([]);
	});

	it('refuses a save from an out-of-date copy and keeps the other person’s text', () => {
		const { store, read } = fixture();
		const original = read(EXAMPLE);
		const { etag } = ok(store.readSource(EXAMPLE));
		const alice = `${original}# Alice\n`;
		const bob = `${original}# Bob\n`;
		ok(store.save(EXAMPLE, alice, etag));
		const second = store.save(EXAMPLE, bob, etag);
		expect(second).toMatchObject({ ok: false, reason: 'stale', status: 412 });
		expect(read(EXAMPLE)).toBe(alice);
		const texts = ok(store.history(EXAMPLE)).versions.map((v) => ok(store.version(EXAMPLE, v.seq)).text);
		expect(texts).toEqual([alice, original]);
		expect(texts).not.toContain(bob);
	});

	it.each([
		['no If-Match', undefined, 'if-match-missing', 428],
		['an empty If-Match', '', 'if-match-missing', 428],
		['If-Match: *, which names no version', '*', 'if-match-missing', 428],
		['a weak ETag', 'W/"sha256-0"', 'stale', 412],
		['another version’s ETag', '"sha256-0000"', 'stale', 412]
	])('refuses a save with %s', (_what, ifMatch, reason, status) => {
		const { store, read } = fixture();
		const before = read(EXAMPLE);
		expect(store.save(EXAMPLE, `${before}# x\n`, ifMatch)).toMatchObject({ ok: false, reason, status });
		expect(read(EXAMPLE)).toBe(before);
	});

	it('accepts an If-Match list that names the current version', () => {
		const { store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		expect(store.save(EXAMPLE, `${read(EXAMPLE)}# x\n`, `"sha256-00", ${etag}`).ok).toBe(true);
	});

	it('says what to do about a stale save, in English and in Japanese', () => {
		const { store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		ok(store.save(EXAMPLE, `${read(EXAMPLE)}# a\n`, etag));
		const stale = store.save(EXAMPLE, `${read(EXAMPLE)}# b\n`, etag) as Refusal;
		expect(refusalMessage(stale, 'en')).toMatch(/someone else saved.*kept in the editor.*reload/i);
		expect(refusalMessage(stale, 'ja')).toMatch(/他の人.*エディタに残っています/);
	});

	it('saves an invalid file as a draft, flagged with its first error, and the library lists it as invalid', () => {
		const { dir, store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		const broken = read(EXAMPLE).replace('direction: max', 'directon: max');
		const saved = ok(store.save(EXAMPLE, broken, etag));
		expect(saved.valid).toBe(false);
		expect(saved.firstError).toMatch(/^\d+:\d+ .*"direction"/);
		expect(saved.issues.some((i) => i.severity === 'error')).toBe(true);
		expect(read(EXAMPLE)).toBe(broken);
		expect(ok(store.history(EXAMPLE)).versions[0]).toMatchObject({ valid: false, firstError: saved.firstError });
		const listed = listScenarios(dir).find((s) => s.id === EXAMPLE)!;
		expect(scenarioStatus(listed)).toMatchObject({ valid: false, firstError: saved.firstError });
	});

	it('gives the draft’s issues in the language of the store’s asker', () => {
		const { dir, read } = fixture();
		const store = new ScenarioStore({ dir, lang: 'ja' });
		const saved = ok(store.save(EXAMPLE, read(EXAMPLE).replace('direction: max', 'directon: max'), ok(store.readSource(EXAMPLE)).etag));
		expect(saved.firstError).toMatch(/^\d+:\d+ .*"direction".*[ぁ-ん]/);
	});

	it('saves a file that is not even YAML as a draft, and can be fixed by the next save', () => {
		const { store, read } = fixture();
		const original = read(EXAMPLE);
		const draft = ok(store.save(EXAMPLE, 'title: [unclosed\n', ok(store.readSource(EXAMPLE)).etag));
		expect(draft).toMatchObject({ valid: false, citations: null });
		const fixed = ok(store.save(EXAMPLE, original, draft.etag));
		expect(fixed.valid).toBe(true);
	});

	it('refuses a scenario past the size limit and leaves the file as it was', () => {
		const { store, read } = fixture();
		const before = read(EXAMPLE);
		const { etag } = ok(store.readSource(EXAMPLE));
		const huge = `${before}#${'x'.repeat(SCENARIO_MAX_BYTES)}\n`;
		expect(store.save(EXAMPLE, huge, etag)).toMatchObject({ ok: false, reason: 'too-large', status: 413, detail: { limit: 512 } });
		// Counted in bytes: 200k characters of three bytes each are 600 kB.
		expect(refused(store.save(EXAMPLE, `${before}#${'あ'.repeat(200_000)}\n`, etag))).toBe('too-large');
		expect(read(EXAMPLE)).toBe(before);
	});

	it('refuses bytes that are not UTF-8 and a string that cannot be written as UTF-8', () => {
		const { store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		expect(refused(store.save(EXAMPLE, new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a]), etag))).toBe('not-utf8');
		expect(refused(store.save(EXAMPLE, `${read(EXAMPLE)}# \ud800\n`, etag))).toBe('not-utf8');
	});

	it('skips an index line torn by a crash and goes on numbering after it', () => {
		const { dir, store, read } = fixture();
		const first = ok(store.save(EXAMPLE, `${read(EXAMPLE)}# a\n`, ok(store.readSource(EXAMPLE)).etag));
		fs.appendFileSync(join(dir, EXAMPLE, '.history', 'index.jsonl'), '{"seq":3,"ti');
		const second = ok(store.save(EXAMPLE, `${read(EXAMPLE)}# b\n`, first.etag));
		expect(second.seq).toBe(3);
		expect(readHistory(join(dir, EXAMPLE)).map((e) => e.seq)).toEqual([1, 2, 3]);
	});
});

describe('restoring a version', () => {
	it('saves the old text as the newest version, so the restore can itself be undone', () => {
		const { store, read } = fixture();
		const original = read(EXAMPLE);
		const edited = `${original}# edited\n`;
		const saved = ok(store.save(EXAMPLE, edited, ok(store.readSource(EXAMPLE)).etag));
		const restored = ok(store.restore(EXAMPLE, 1, saved.etag));
		expect(read(EXAMPLE)).toBe(original);
		expect(restored.etag).toBe(etagOf(Buffer.from(original)));
		const versions = ok(store.history(EXAMPLE)).versions;
		expect(versions[0]).toMatchObject({ seq: 3, kind: 'restore', restoredFrom: 1, current: true });
		ok(store.restore(EXAMPLE, 2, restored.etag));
		expect(read(EXAMPLE)).toBe(edited);
	});

	it('needs the current ETag like a save, and a version that exists', () => {
		const { store, read } = fixture();
		const { etag } = ok(store.readSource(EXAMPLE));
		const saved = ok(store.save(EXAMPLE, `${read(EXAMPLE)}# x\n`, etag));
		expect(refused(store.restore(EXAMPLE, 1, etag))).toBe('stale');
		expect(refused(store.restore(EXAMPLE, 1, undefined))).toBe('if-match-missing');
		expect(store.restore(EXAMPLE, 9, saved.etag)).toMatchObject({ reason: 'version-not-found', status: 404 });
		expect(refused(store.restore(EXAMPLE, 0, saved.etag))).toBe('bad-seq');
		expect(refused(store.version(EXAMPLE, 1.5))).toBe('bad-seq');
	});
});

describe('making a new scenario', () => {
	it('from the template: a valid scenario whose excerpts are found in its own sources', () => {
		const { dir, store } = fixture();
		const created = ok(store.create('my-scenario', { from: 'template', title: 'My scenario' }));
		expect(created).toMatchObject({ valid: true, seq: 1 });
		expect(created.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(created.citations!.length).toBeGreaterThan(0);
		expect(created.citations!.every((c) => c.ok)).toBe(true);
		const text = fs.readFileSync(join(dir, 'my-scenario', 'scenario.yaml'), 'utf8');
		const scenario = parseScenario(text).scenario!;
		expect(scenario).toMatchObject({ id: 'my-scenario', title: 'My scenario', asOf: '2025-01-02' });
		// Every common part: a decision, a chance node, final states, an assumption, a criterion, a source.
		expect(scenario.states.some((s) => s.actor === scenario.perspective && s.moves.length > 1)).toBe(true);
		expect(scenario.states.some((s) => s.actor && s.actor !== scenario.perspective && s.moves.every((m) => m.probability))).toBe(true);
		expect(scenario.states.some((s) => s.final)).toBe(true);
		expect(scenario.assumptions).toHaveLength(1);
		expect(scenario.criteria).toHaveLength(1);
		expect(fs.readdirSync(join(dir, 'my-scenario', 'sources'))).toEqual([scenario.sources[0].file]);
		expect(ok(store.history('my-scenario')).versions).toMatchObject([{ seq: 1, kind: 'create', valid: true, current: true }]);
		expect(listScenarios(dir).map((s) => s.id)).toContain('my-scenario');
	});

	it('from the template without a title: valid in English and in Japanese, without warnings', () => {
		const { dir, store } = fixture();
		ok(store.create('blank', { from: 'template', title: '  ' }));
		const text = fs.readFileSync(join(dir, 'blank', 'scenario.yaml'));
		for (const lang of ['en', 'ja']) expect(parseScenario(text, { lang }).issues).toEqual([]);
		expect(parseScenario(text, { lang: 'ja' }).scenario?.title).toBe('新しいシナリオ');
	});

	it('as a copy: the same file under the new id and title, comments kept, own sources copied', () => {
		const { dir, store, read } = fixture();
		ok(store.create('first', { from: 'template' }));
		const copy = ok(store.create('second', { from: 'copy', of: 'first', title: 'Second' }));
		expect(copy.valid).toBe(true);
		expect(copy.citations!.every((c) => c.ok)).toBe(true);
		const text = read('second');
		expect(text).toContain("# Made from Branchpoint's template.");
		expect(parseScenario(text).scenario).toMatchObject({ id: 'second', title: 'Second' });
		expect(fs.readdirSync(join(dir, 'second', 'sources'))).toEqual(fs.readdirSync(join(dir, 'first', 'sources')));
	});

	it('as a copy of a scenario on the shared sources: it reads them too, with no sources folder of its own', () => {
		const { dir, store, read } = fixture();
		const copy = ok(store.create('russia-copy', { from: 'copy', of: 'russia-dprk-2024' }));
		expect(copy).toMatchObject({ valid: true, citations: null });
		expect(fs.existsSync(join(dir, 'russia-copy', 'sources'))).toBe(false);
		expect(read('russia-copy')).toBe(read('russia-dprk-2024').replace('id: russia-dprk-2024\n', 'id: "russia-copy"\n'));
	});

	it('never over an existing scenario, nor from one that does not exist', () => {
		const { store, read } = fixture();
		const before = read(EXAMPLE);
		expect(store.create(EXAMPLE, { from: 'template' })).toMatchObject({ ok: false, reason: 'exists', status: 409 });
		expect(read(EXAMPLE)).toBe(before);
		expect(store.create('new-one', { from: 'copy', of: 'no-such' })).toMatchObject({ ok: false, reason: 'not-found', detail: { id: 'no-such' } });
		expect(refused(store.create('new-one', { from: 'template', title: 'x'.repeat(201) }))).toBe('bad-title');
	});

	it('leaves no half-made folder behind and lists neither history nor template folders', () => {
		const { dir, store } = fixture();
		ok(store.create('made', { from: 'template' }));
		fs.mkdirSync(join(dir, '_template'));
		fs.copyFileSync(join(dir, 'made', 'scenario.yaml'), join(dir, '_template', 'scenario.yaml'));
		fs.mkdirSync(join(dir, '.history'));
		fs.copyFileSync(join(dir, 'made', 'scenario.yaml'), join(dir, '.history', 'scenario.yaml'));
		expect(fs.readdirSync(dir).filter((name) => name.endsWith('.new'))).toEqual([]);
		expect(listScenarios(dir).map((s) => s.id)).toEqual(['example-minimal', 'made', 'russia-dprk-2024']);
	});
});

describe('ids from requests', () => {
	const BAD = ['../x', 'a/b', '%2e%2e', '..', '.', '.history', '_template', 'a\\b', '', ' x', 'x'.repeat(101), '__proto__', 'a\0b', '/etc', 'a b'];
	const fsCalls = () => Object.values(fs).filter((f) => vi.isMockFunction(f)).reduce((n, f) => n + (f as ReturnType<typeof vi.fn>).mock.calls.length, 0);
	let store: ScenarioStore;
	beforeEach(() => {
		store = fixture().store;
		vi.clearAllMocks();
	});

	it.each(BAD)('refuses %j before touching the file system', (id) => {
		const upload = { text: 'text', title: 't', publisher: 'p', language: 'en' };
		const results = [
			store.readSource(id),
			store.save(id, 'id: x\n', '"sha256-0"'),
			store.history(id),
			store.version(id, 1),
			store.restore(id, 1, '"sha256-0"'),
			store.create(id, { from: 'template' }),
			store.create('fresh', { from: 'copy', of: id }),
			store.addSource(id, upload)
		];
		expect(results.map(refused)).toEqual(Array(results.length).fill('invalid-id'));
		expect(fsCalls()).toBe(0);
	});

	it('accepts the ids scenarios already have', () => {
		for (const id of ['example-minimal', 'russia-dprk-2024', 'a', 'A1', 'v1.2_draft']) expect(refused(store.readSource(id))).not.toBe('invalid-id');
		expect(fsCalls()).toBeGreaterThan(0);
	});
});

describe('adding a source', () => {
	const meta = { title: 'Statement', publisher: 'Ministry', author: 'A. Author', date: '2024-07-04', url: 'https://example.org/s', language: 'en' };

	function withOwnSources() {
		const f = fixture();
		ok(f.store.create('own', { from: 'template' }));
		return { ...f, sources: join(f.dir, 'own', 'sources') };
	}

	it('writes the text, normalised to NFC, and gives the entry for the scenario’s sources', () => {
		const { store, sources } = withOwnSources();
		const added = ok(store.addSource('own', { ...meta, fileName: 'statement', text: '\uFEFFCafe\u0301 talks.\n' }));
		expect(added.source).toEqual({ id: 'statement', file: 'statement.txt', ...meta });
		expect(added.existed).toBe(false);
		expect(added.yaml).toMatch(/^ {2}- id: statement\n {4}file: statement\.txt\n/);
		expect(fs.readFileSync(join(sources, 'statement.txt'), 'utf8')).toBe('Caf\u00e9 talks.\n');
	});

	it('gives a source text back for the reader in NFC, as the verifier reads it, and refuses what is not one of its own', () => {
		const { store, sources, dir } = withOwnSources();
		fs.writeFileSync(join(sources, 'decomposed.txt'), 'Cafe\u0301 talks.\n');
		expect(ok(store.sourceText('own', 'decomposed.txt')).text).toBe('Caf\u00e9 talks.\n');
		expect(refused(store.sourceText('own', '../scenario.yaml'))).toBe('source-file-name');
		expect(refused(store.sourceText('own', 'scenario.yaml'))).toBe('source-file-name');
		expect(refused(store.sourceText('own', 'absent.txt'))).toBe('source-not-found');
		expect(refused(store.sourceText('../own', 'decomposed.txt'))).toBe('invalid-id');
		expect(refused(store.sourceText('nobody', 'decomposed.txt'))).toBe('not-found');
		expect(refused(store.sourceText(EXAMPLE, 'decomposed.txt'))).toBe('no-shared-sources');
		expect(fs.existsSync(join(dir, 'own', 'scenario.yaml'))).toBe(true);
	});

	it('reads the shared sources for a scenario without a folder of its own, and checks its citations against them on save', () => {
		const { store } = fixture({ sharedSources: SHARED });
		const file = '001_2ee44ad5d0a6a1ef.txt';
		expect(ok(store.sourceText(EXAMPLE, file)).text).toBe(fs.readFileSync(join(SHARED, file), 'utf8').normalize('NFC'));
		expect(refused(store.sourceText(EXAMPLE, 'absent.txt'))).toBe('source-not-found');
		// A shared text the scenario does not name is not served through it.
		expect(refused(store.sourceText(EXAMPLE, '000_f137bb0a40df32fd.txt'))).toBe('source-not-found');
		expect(ok(store.sourceText('russia-dprk-2024', '000_f137bb0a40df32fd.txt')).text.length).toBeGreaterThan(1000);
		const { etag, text } = ok(store.readSource(EXAMPLE));
		const saved = ok(store.save(EXAMPLE, `${text}# checked\n`, etag));
		expect(saved.citations?.length).toBe(3);
		expect(saved.citations?.every((c) => c.ok)).toBe(true);
	});

	it('takes an uploaded file’s bytes as UTF-8 and names it from its text when no name is given', () => {
		const { store, sources } = withOwnSources();
		const added = ok(store.addSource('own', { ...meta, text: new TextEncoder().encode('日本語の本文。\n') }));
		expect(added.source.file).toMatch(/^[0-9a-f]{16}\.txt$/);
		expect(fs.readFileSync(join(sources, added.source.file), 'utf8')).toBe('日本語の本文。\n');
		// Given an id and no file name, the file is named after the id.
		expect(ok(store.addSource('own', { ...meta, id: 'mofa', text: '別の本文。\n' })).source).toMatchObject({ id: 'mofa', file: 'mofa.txt' });
	});

	it('is checked on the next save: an excerpt from it is found', () => {
		const { store, read } = withOwnSources();
		ok(store.addSource('own', { ...meta, fileName: 'statement', text: 'The ministry said it would respond firmly.' }));
		const text = read('own')
			.replace('sources:\n', 'sources:\n  - { id: statement, file: statement.txt, title: Statement, publisher: Ministry, language: en }\n')
			.replace('citations:\n', 'citations:\n  - { id: c-firm, source: statement, excerpt: "it would respond firmly" }\n  - { id: c-missing, source: statement, excerpt: "never said" }\n')
			.replace('citations: [c-decide]\n  - id: them', 'citations: [c-decide, c-firm, c-missing]\n  - id: them');
		const saved = ok(store.save('own', text, ok(store.readSource('own')).etag));
		expect(saved.valid).toBe(true);
		const byId = new Map(saved.citations!.map((c) => [c.citation, c.ok]));
		expect(byId.get('c-firm')).toBe(true);
		expect(byId.get('c-missing')).toBe(false);
	});

	it.each([
		['bytes that are not UTF-8 (Shift_JIS)', { text: new Uint8Array([0x93, 0xfa, 0x96, 0x7b]) }, 'not-utf8'],
		['a string with a lone surrogate', { text: 'a\ud800b' }, 'not-utf8'],
		['a binary file', { text: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }, 'source-not-text'],
		['text already decoded in the wrong encoding', { text: 'caf\uFFFD' }, 'source-not-text'],
		['an empty text', { text: ' \n' }, 'source-empty'],
		['a text past 2 MB', { text: 'x'.repeat(2 * 1024 * 1024 + 1) }, 'source-too-large'],
		['bytes past 2 MB', { text: new Uint8Array(2 * 1024 * 1024 + 1).fill(0x78) }, 'source-too-large'],
		['a file name with a folder', { fileName: '../x' }, 'source-file-name'],
		['a dot file name', { fileName: '.hidden' }, 'source-file-name'],
		['no title', { title: ' ' }, 'source-field'],
		['no publisher', { publisher: '' }, 'source-field'],
		['a title past 200 characters', { title: 'x'.repeat(201) }, 'source-field-long'],
		['a date that is not one', { date: '2024-02-30' }, 'source-date'],
		['a javascript: URL', { url: 'javascript:alert(1)' }, 'source-url'],
		['a language that is not a tag', { language: 'English' }, 'source-language'],
		['a reserved id', { id: '__proto__' }, 'source-id']
	])('refuses %s', (_what, change, reason) => {
		const { store, sources } = withOwnSources();
		const before = fs.readdirSync(sources);
		expect(refused(store.addSource('own', { ...meta, text: 'Some text.', ...change }))).toBe(reason);
		expect(fs.readdirSync(sources)).toEqual(before);
	});

	it('never replaces a source: the same text again is fine, another text under that name is refused', () => {
		const { store, sources } = withOwnSources();
		ok(store.addSource('own', { ...meta, fileName: 'same.txt', text: 'One.' }));
		expect(ok(store.addSource('own', { ...meta, fileName: 'same.txt', text: 'One.' })).existed).toBe(true);
		expect(store.addSource('own', { ...meta, fileName: 'same.txt', text: 'Two.' })).toMatchObject({ reason: 'source-exists', status: 409 });
		expect(fs.readFileSync(join(sources, 'same.txt'), 'utf8')).toBe('One.');
	});

	it('adds none to a scenario that reads the shared sources', () => {
		const { dir, store } = fixture();
		expect(store.addSource('russia-dprk-2024', { ...meta, text: 'x' })).toMatchObject({ reason: 'shared-sources', status: 409 });
		expect(fs.existsSync(join(dir, 'russia-dprk-2024', 'sources'))).toBe(false);
		expect(refused(store.addSource('no-such', { ...meta, text: 'x' }))).toBe('not-found');
	});
});

describe('who may edit', () => {
	it.each([
		['127.0.0.1', undefined, true],
		['localhost', undefined, true],
		['::1', undefined, true],
		['[::1]', undefined, true],
		['127.0.0.2', '', true],
		['0.0.0.0', undefined, false],
		['::', undefined, false],
		['192.168.1.20', undefined, false],
		['myhost.local', undefined, false],
		['0.0.0.0', 'on', true],
		['0.0.0.0', 'ON', true],
		['192.168.1.20', 'on', true],
		['127.0.0.1', 'off', false],
		['localhost', 'off', false],
		// A setting that is neither on nor off never opens a room: it counts as off.
		['0.0.0.0', 'maybe', false],
		['127.0.0.1', 'maybe', false]
	])('host %s with BRANCHPOINT_EDITING=%s: %s', (host, setting, allowed) => {
		expect(editingAllowed({ host, setting })).toBe(allowed);
	});

	it('takes the host the server listens on from HOST, as tools/start.js does, and from vite dev’s --host (localhost without it)', () => {
		expect(listenHost({ HOST: '127.0.0.1' }, false)).toBe('127.0.0.1');
		expect(listenHost({}, false)).toBe('0.0.0.0');
		expect(listenHost({}, true)).toBe('localhost');
		expect(listenHost({ HOST: '0.0.0.0' }, true)).toBe('0.0.0.0');
		expect(listenHost({}, true, ['node', 'vite', 'dev', '--host'])).toBe('0.0.0.0');
		expect(listenHost({}, true, ['node', 'vite', 'dev', '--host', '--port', '5000'])).toBe('0.0.0.0');
		expect(listenHost({}, true, ['node', 'vite', 'dev', '--host', '192.168.1.20'])).toBe('192.168.1.20');
		expect(listenHost({}, true, ['node', 'vite', 'dev', '--host=127.0.0.1'])).toBe('127.0.0.1');
		expect(listenHost({}, false, ['node', 'build', '--host'])).toBe('0.0.0.0');
	});

	it('knows loopback names from others that merely look like them', () => {
		expect(isLoopbackHost('app.localhost')).toBe(true);
		expect(isLoopbackHost('127.evil.example')).toBe(false);
		expect(isLoopbackHost('localhost.evil.example')).toBe(false);
	});
});

describe('withIdAndTitle', () => {
	it('replaces only the top-level id and title, whatever their form', () => {
		const text = '# comment\nid: old # keep\ntitle:\n  en: Old\n  ja: 古い\ndescription: d\nmachine:\n  id: old\n';
		expect(withIdAndTitle(text, 'new', 'New')).toBe('# comment\nid: "new" # keep\ntitle:\n  "New"\ndescription: d\nmachine:\n  id: old\n');
		expect(withIdAndTitle('title: { en: A, ja: B }\nid: old\n', 'n', 'T "q"')).toBe('title: "T \\"q\\""\nid: "n"\n');
		expect(withIdAndTitle('- not a map\n', 'n')).toBe('- not a map\n');
	});
});
