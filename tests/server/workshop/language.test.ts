import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/lib/server/workshop/openDatabase.js';
import { WorkshopService } from '../../../src/lib/server/workshop/WorkshopService.js';

const SHIPPED = readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8');
const made: string[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'bp-lang-'));
	made.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function created(dir = freshDir()) {
	const service = new WorkshopService(openDatabase(dir), () => 1_000);
	const result = service.create({ scenarioId: 'russia-dprk-2024', scenarioYaml: SHIPPED, scenarioSha256: 'abc', raw: { teams: ['coalition'], overrides: {}, seed: '5' } });
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return { dir, service, id: result.id };
}

describe('WorkshopService answers each request in its language', () => {
	it('refuses a participant’s vote in Japanese for a Japanese phone and in English for an English one', () => {
		const { service, id } = created();
		expect(service.execute(id, { role: 'participant', participant: 'p1' }, { id: 'join-p1', type: 'join', participant: 'p1', name: 'Aiko' }, 'ja')).toMatchObject({ ok: true });
		const vote = (lang?: 'en' | 'ja') => service.execute(id, { role: 'participant', participant: 'p1' }, { id: `vote-${lang}`, type: 'vote', move: 'DEBRIS_MISSION' }, lang);
		expect(vote('ja')).toEqual({ ok: false, status: 409, message: '受付中の投票はありません。' });
		expect(vote('en')).toEqual({ ok: false, status: 409, message: 'No vote is open.' });
		expect(vote()).toEqual({ ok: false, status: 409, message: 'No vote is open.' });
	});

	it('refuses a second participant with the same name in Japanese', () => {
		const { service, id } = created();
		service.execute(id, { role: 'participant', participant: 'p1' }, { id: 'join-p1', type: 'join', participant: 'p1', name: '愛子' });
		expect(service.execute(id, { role: 'participant', participant: 'p2' }, { id: 'join-p2', type: 'join', participant: 'p2', name: '愛子' }, 'ja')).toEqual({
			ok: false,
			status: 409,
			message: '「愛子」という名前の参加者がすでにいます。イニシャルや名字を加えてください。'
		});
	});

	it('says a workshop it does not have in the asker’s language', () => {
		const service = new WorkshopService(openDatabase(freshDir()));
		expect(service.execute('nope', { role: 'facilitator' }, { id: 'open-1', type: 'openVote' }, 'ja')).toEqual({ ok: false, status: 404, message: 'そのワークショップはありません。' });
	});

	it('keeps why a workshop cannot be opened as data, and says it to each reader in theirs', () => {
		const { dir, id } = created();
		openDatabase(dir).prepare('UPDATE workshops SET scenario_yaml = ? WHERE id = ?').run('id: [broken', id);
		const restarted = new WorkshopService(openDatabase(dir));
		// The first to ask reads Japanese; the next, English: nothing of the first is kept for the second.
		expect(restarted.problem(id, 'ja')).toMatch(new RegExp(`^ワークショップ ${id}：保存されたシナリオを読み込めなくなりました（.+）$`));
		expect(restarted.problem(id)).toMatch(new RegExp(`^workshop ${id}: its stored scenario no longer parses \\(.+\\)$`));
		expect(restarted.list('ja')[0].problem).toMatch(/保存されたシナリオを読み込めなくなりました/);
		expect(restarted.execute(id, { role: 'facilitator' }, { id: 'open-1', type: 'openVote' }, 'ja')).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/^このワークショップは実行できません：ワークショップ /) });
	});

	it('says what is wrong with the creation form in the facilitator’s language', () => {
		const service = new WorkshopService(openDatabase(freshDir()));
		const result = service.create({ scenarioId: 'russia-dprk-2024', scenarioYaml: SHIPPED, scenarioSha256: 'abc', raw: { teams: [], overrides: {}, seed: 'x' }, language: 'ja', lang: 'ja' });
		expect(result).toEqual({ ok: false, errors: { teams: 'チームが担当するアクターを1つ以上選んでください。', seed: 'シードは0から2000000までの整数です。' } });
		expect(service.create({ scenarioId: 'broken', scenarioYaml: 'id: [broken', scenarioSha256: 'abc', raw: { teams: [], overrides: {} }, lang: 'ja' })).toMatchObject({ ok: false, errors: { scenario: expect.stringMatching(/^シナリオに誤りがあります：/) } });
	});
});

describe('a workshop’s exports', () => {
	async function exported(language: 'en' | 'ja', format: 'md' | 'svg', content: 'review' | 'path') {
		const service = new WorkshopService(openDatabase(freshDir()), () => 1_000);
		const result = service.create({ scenarioId: 'russia-dprk-2024', scenarioYaml: SHIPPED, scenarioSha256: 'abc', raw: { teams: ['coalition'], overrides: {}, seed: '5' }, language });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const live = service.get(result.id)!;
		const { exportWorkshop } = await import('../../../src/lib/export/exportWorkshop.js');
		const out = await exportWorkshop({ id: result.id, model: live.model, state: live.state, events: service.store.events(result.id), format, content, names: false });
		return new TextDecoder().decode(out.bytes);
	}

	it('are in the language the workshop was run in: its review, notes and SIST 02 bibliography, and the path figure', async () => {
		const review = await exported('ja', 'md', 'review');
		expect(review).toContain('## 参考文献');
		expect(review).toContain('(1) ロシアと北朝鮮の新条約 第三国から攻撃は相互支援 懸念強まる. NHK. 2024-06-20.');
		expect(review).not.toMatch(/\b(Bibliography|Notes|Timeline|Summary)\b/);
		const path = await exported('ja', 'svg', 'path');
		expect(path).toMatch(/<title id="figure-title">[^<]+：決定木上でたどった経路。/);
		expect(path).toContain('出典：Branchpoint モデル「ロ朝条約（2024年6月）：日米韓の対応」');
		expect(path).not.toMatch(/>[^<]*\b(Source|Notes|Squares|weighted score)\b/);
	}, 60_000);

	it('stay English for a workshop run in English', async () => {
		const review = await exported('en', 'md', 'review');
		expect(review).toContain('## Bibliography');
		expect(await exported('en', 'svg', 'path')).toContain(': the path played on the decision tree');
	}, 60_000);
});
