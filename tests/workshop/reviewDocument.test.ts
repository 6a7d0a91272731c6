import { describe, expect, it } from 'vitest';
import { reportMarkdown, reviewDocument, reviewTimeline, reviewWorkshop, toMarkdownTable, type Provenance } from '../../src/lib/core/index.js';
import { as, FACILITATOR, withTeams } from './helpers.js';

const provenance = { generator: 'Branchpoint', version: '0', scenarioId: 'tiny', scenarioSha256: '0'.repeat(64), assumptions: {}, overrides: {}, perspective: 'blue', seed: 42, runs: 0, options: 'format=md' } as Provenance;

/** Blue ties A against B and the facilitator decides B; nature is drawn, then overridden; an inject; a step taken back. */
function played() {
	const h = withTeams();
	h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
	h.ok(FACILITATOR, { type: 'openVote' });
	h.ok(as('b1'), { type: 'vote', move: 'A', rationale: 'Safer' });
	h.ok(as('b2'), { type: 'vote', move: 'B' });
	h.ok(FACILITATOR, { type: 'closeVote' });
	h.tick(60_000);
	h.ok(FACILITATOR, { type: 'decide', move: 'B', rationale: 'Keeps options open' });
	h.ok(FACILITATOR, { type: 'draw' });
	const drawn = h.state.path[1].step.move;
	h.tick(60_000);
	h.ok(FACILITATOR, { type: 'override', move: drawn === 'X' ? 'Y' : 'X', rationale: 'For the story' });
	return { h, drawn, other: drawn === 'X' ? 'Y' : 'X' };
}

const label = (move: string) => (move === 'X' ? 'Outcome X' : 'Outcome Y');

describe('reviewTimeline', () => {
	it('lists injects, overrides and corrections in time order, in the reader’s language', () => {
		const { h, drawn, other } = played();
		h.tick(60_000);
		h.ok(FACILITATOR, { type: 'correct', rationale: 'Wrong button' });
		expect(reviewTimeline(h.state).map((t) => t.text)).toEqual([
			'Inject: News arrives',
			`Correction at Nature answers: took back “${label(other)}” — Wrong button`
		]);
		expect(reviewTimeline(h.state, 'ja').map((t) => t.text)).toEqual(['インジェクト：News arrives', `Nature answersで訂正：「${label(other)}」を取り消し — Wrong button`]);
		expect(drawn).not.toBe(other);
	});

	it('says an override with the move it replaced', () => {
		const { h, drawn, other } = played();
		expect(reviewTimeline(h.state, 'ja')[1].text).toBe(`Nature answersで上書き：「${label(drawn)}」を「${label(other)}」に置き換え — For the story`);
		expect(reviewTimeline(h.state, 'en')[1].text).toBe(`Override at Nature answers: “${label(drawn)}” replaced by “${label(other)}” — For the story`);
	});
});

describe('reviewDocument in Japanese', () => {
	const { h } = played();
	const review = reviewWorkshop(h.model, h.state, { names: true, lang: 'ja' });
	const doc = reviewDocument({ state: h.state, review, scenario: h.model.scenario, provenance, names: true, lang: 'ja' });
	const md = reportMarkdown(doc, new Map(), toMarkdownTable);

	it('writes its own words in Japanese and leaves the scenario’s and the room’s as they were', () => {
		expect(doc.lang).toBe('ja');
		expect(doc.title).toBe('事後検証：Test workshop');
		expect(doc.subtitle).toBe('Tiny workshop scenario · 2023年11月14日のワークショップ');
		expect(md).toContain('## 概要');
		expect(md).toContain('チームが担当したアクター：Blue team、Red team。参加者5人。2ステップを進め、うち1件がチームの決定で、そのうち1件がモデルの最善手と一致した。');
		expect(md).toContain('### 1. Blue chooses — Blue team：Move B');
		expect(md).toContain('22:14（UTC）、同票のためファシリテーターが決定。モデルの最善手は「Move A」で、リグレットは 0。ファシリテーターの理由：「Keeps options open」。');
		expect(md).toMatch(/22:15（UTC）、ファシリテーターの上書きで決定、確率 (30%|70%)。Natureには選好がないため、モデルは手の順位を付けない。ファシリテーターの理由：「For the story」。/);
		expect(md).toContain('| 選択肢 | 票数 | Gain（最大化） | 加重スコア | Blue teamにとっての値 |');
		expect(md).toContain('| Move B（選択） | 1 |');
		expect(md).toContain('- b1、「Move A」に投票：「Safer」');
		expect(md).toContain('## インジェクト・上書き・訂正');
		expect(md).toContain('- 22:13（UTC） — インジェクト：News arrives');
	});

	it('leaves no English of its own', () => {
		expect(md).not.toMatch(/Summary|Teams played|Option|Votes|Weighted score|chosen|probability|Regret|Facilitator|After-action|workshop of|Inject:|Override at/);
	});

	it('is in English unless asked otherwise', () => {
		const english = reviewDocument({ state: h.state, review: reviewWorkshop(h.model, h.state, { names: true }), scenario: h.model.scenario, provenance, names: true });
		expect(english.lang).toBe('en');
		expect(english.title).toBe('After-action review: Test workshop');
		expect(reportMarkdown(english, new Map(), toMarkdownTable)).toContain('Teams played Blue team, Red team; 5 participants. 2 steps played, 1 of them team decisions, 1 of which matched the model’s best move.');
	});
});

describe('reviewWorkshop', () => {
	it('says a chance in the review’s language', () => {
		// X at 1 in 4: drawn or picked, the step says its chance.
		const h = withTeams({ setup: { values: { p_x: 0.25 } } });
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		h.ok(FACILITATOR, { type: 'draw' });
		if (h.state.path[1].step.move !== 'X') h.ok(FACILITATOR, { type: 'override', move: 'X', rationale: 'For the story' });
		const chance = (lang?: 'en' | 'ja') => reviewWorkshop(h.model, h.state, { names: false, lang }).steps[1].chance;
		expect([chance(), chance('ja')]).toEqual(['25% (a 1-in-4 outcome)', '25%（4回に1回）']);
	});
});
