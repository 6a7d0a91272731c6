import { describe, expect, it } from 'vitest';
import { checkSetup, checkText, describeChance, howDecided, parseCommand, TEXT_LIMITS, type Refusal } from '../../src/lib/core/index.js';
import { as, FACILITATOR, runVote, shippedModel, startWorkshop, withTeams, type CommandInput, type Harness } from './helpers.js';

const refusal = (decision: { ok: boolean }) => (decision.ok ? undefined : (decision as Refusal).message);

/** A refused command, said in both languages: the same refusal, the same status. */
function bothLanguages(h: Harness, sender: Parameters<Harness['send']>[0], command: CommandInput) {
	const en = h.send(sender, command, 'en');
	const ja = h.send(sender, command, 'ja');
	expect(en.ok).toBe(false);
	expect(ja).toMatchObject({ ok: false, status: (en as Refusal).status });
	return { en: refusal(en), ja: refusal(ja), default: refusal(h.send(sender, command)) };
}

describe('decideCommand says a refusal in the sender’s language', () => {
	it.each<[string, (h: Harness) => void, Parameters<Harness['send']>[0], CommandInput, string, string]>([
		['a participant voting when no vote is open', () => {}, as('b1'), { type: 'vote', move: 'A' }, 'No vote is open.', '受付中の投票はありません。'],
		['a participant voting after the round closed', (h) => runVote(h, { b1: 'A' }), as('b1'), { type: 'vote', move: 'A' }, 'No vote is open.', '受付中の投票はありません。'],
		['a vote for another team', (h) => h.ok(FACILITATOR, { type: 'openVote' }), as('r1'), { type: 'vote', move: 'A' }, 'This vote is for another team.', 'この投票は別のチームのものです。'],
		['a move not in the vote', (h) => h.ok(FACILITATOR, { type: 'openVote' }), as('b1'), { type: 'vote', move: 'Z' }, '"Z" is not an option in this vote.', '"Z" はこの投票の選択肢にありません。'],
		['a participant opening a vote', () => {}, as('b1'), { type: 'openVote' }, 'Only the facilitator can do that.', 'この操作はファシリテーターだけが行えます。'],
		['a name already taken', () => {}, as('b9'), { type: 'join', participant: 'b9', name: 'B1' }, 'Someone here already goes by “B1”; add an initial or a surname.', '「B1」という名前の参加者がすでにいます。イニシャルや名字を加えてください。'],
		['a name too long', () => {}, as('b9'), { type: 'join', participant: 'b9', name: 'n'.repeat(41) }, 'The display name is 41 characters; keep it to 40.', '表示名が41文字あります。40文字以内にしてください。'],
		['a decision without a rationale', (h) => runVote(h, { b1: 'A', b2: 'B' }), FACILITATOR, { type: 'decide', move: 'A', rationale: ' ' }, 'Write a rationale.', '理由を入力してください。'],
		['a move not open here', (h) => runVote(h, { b1: 'A', b2: 'B' }), FACILITATOR, { type: 'decide', move: 'Z', rationale: 'why' }, '"Z" is not open here; choose one of A, B, C.', '"Z" はこの局面では選べません。A、B、C のいずれかを選んでください。'],
		['a draw for a team’s move', () => {}, FACILITATOR, { type: 'draw' }, 'Blue team is played by a team; open a vote.', 'Blue teamはチームが担当しています。投票を開始してください。'],
		['a click on a step that has passed', (h) => runVote(h, { b1: 'A' }), FACILITATOR, { type: 'draw', step: 0 }, 'The exercise has moved on since you clicked (step 2 now, not 1); check and try again.', 'クリックした後に演習が進みました（現在はステップ1ではなくステップ2です）。確認してもう一度お試しください。'],
		['an inject pushed twice', (h) => h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' }), FACILITATOR, { type: 'inject', inject: 'inj-news' }, '“News arrives” has already been pushed.', '「News arrives」はすでに配信しました。'],
		['an inject title on two lines', () => {}, FACILITATOR, { type: 'injectText', title: 'a\nb', text: 'x' }, 'The title is one line; remove line breaks and control characters.', 'タイトルは1行で入力してください。改行と制御文字を取り除いてください。'],
		['anything once the workshop has ended', (h) => h.ok(FACILITATOR, { type: 'end' }), as('b1'), { type: 'vote', move: 'A' }, 'The workshop has ended; the facilitator can reopen it.', 'ワークショップは終了しました。ファシリテーターが再開できます。']
	])('%s', (_, before, sender, command, en, ja) => {
		const h = withTeams();
		before(h);
		const said = bothLanguages(h, sender, command);
		expect(said).toEqual({ en, ja, default: en });
	});

	it('makes the same events whatever the language: the log holds no words of a refusal', () => {
		const english = withTeams();
		const japanese = withTeams();
		for (const h of [english, japanese]) h.send(FACILITATOR, { type: 'openVote' }, h === japanese ? 'ja' : 'en');
		expect(japanese.log).toEqual(english.log);
	});
});

describe('parseCommand says what is wrong in the sender’s language', () => {
	it.each([
		[[1], 'A command is a JSON object.', 'コマンドは JSON オブジェクトで送ってください。'],
		[{ id: 'abcdef0123456789', type: 'teleport' }, 'Unknown command type "teleport".', 'コマンドの種類 "teleport" は不明です。'],
		[{ id: 'abcdef0123456789', type: 'draw', move: 'A' }, 'A "draw" command has no field "move".', '"draw" コマンドにフィールド "move" はありません。'],
		[{ id: 'abcdef0123456789', type: 'extendTimer', seconds: 1.5 }, '"seconds" must be a whole number.', '"seconds" は整数で指定してください。']
	])('%j', (raw, en, ja) => {
		expect(parseCommand(raw)).toEqual({ ok: false, status: 400, message: en });
		expect(parseCommand(raw, 'ja')).toEqual({ ok: false, status: 400, message: ja });
	});
});

describe('checkText and checkSetup in Japanese', () => {
	it('names the field in Japanese', () => {
		expect(checkText(undefined, { field: 'display name', max: TEXT_LIMITS.name, required: true, lang: 'ja' })).toEqual({ ok: false, message: '表示名を入力してください。' });
		expect(checkText(7, { field: 'rationale', max: TEXT_LIMITS.rationale, required: false, lang: 'ja' })).toEqual({ ok: false, message: '理由は文字で入力してください。' });
		expect(checkText('a\u001b', { field: 'text', max: TEXT_LIMITS.injectText, required: true, multiline: true, lang: 'ja' })).toEqual({ ok: false, message: '本文に制御文字が含まれています。取り除いてください。' });
	});

	it('says every problem of the creation form under its field', () => {
		const checked = checkSetup(shippedModel(), { teams: ['nature'], others: 'dice', seed: '-1', roundMinutes: '0.1', perspective: 'mars', preset: 'nope', overrides: {} }, 1, 'ja');
		expect(checked).toEqual({
			ok: false,
			errors: {
				teams: 'アクター "nature" は不明です。チームが担当できるのは coalition、russia、dprk、china です。',
				others: '"draw" か "facilitator" を選んでください。',
				seed: 'シードは0から2000000までの整数です。',
				roundMinutes: 'ラウンドの長さは0.5〜60分です。',
				perspective: '視点 "mars" は不明です。coalition、russia、dprk、china のいずれかを選んでください。',
				preset: 'プリセット "nope" は不明です。'
			}
		});
	});
});

describe('how a step was decided, and its chance, in either language', () => {
	it.each([
		['vote', 'team vote', 'チームの投票'],
		['tie-break', 'tied vote, decided by the facilitator', '同票のためファシリテーターが決定'],
		['draw', 'drawn with the model’s probabilities', 'モデルの確率で抽選']
	] as const)('%s', (how, en, ja) => {
		expect([howDecided(how), howDecided(how, 'ja')]).toEqual([en, ja]);
	});

	it('says a 1-in-4 chance', () => {
		expect([describeChance(0.25), describeChance(0.25, 'ja'), describeChance(0.35, 'ja')]).toEqual(['25% (a 1-in-4 outcome)', '25%（4回に1回）', '35%']);
	});
});

describe('a workshop with no team to vote', () => {
	it('says so in Japanese', () => {
		const h = startWorkshop({ setup: { teams: ['red'] } });
		expect(refusal(h.send(FACILITATOR, { type: 'openVote' }, 'ja'))).toBe('Blue teamを担当するチームはありません。抽選するか、手を選んでください。');
	});
});
