import { describe, expect, it } from 'vitest';
import { logTable, publishableLog, reportMarkdown, reviewDocument, reviewWorkshop, toCsv, toMarkdownTable, type Provenance } from '../../src/lib/core/index.js';
import { FACILITATOR, as, withTeams } from './helpers.js';

function played() {
	const h = withTeams();
	h.ok(FACILITATOR, { type: 'openVote' });
	h.ok(as('b1'), { type: 'vote', move: 'A', rationale: 'Because, "quoted"' });
	h.ok(as('b2'), { type: 'vote', move: 'A' });
	h.ok(FACILITATOR, { type: 'closeVote' });
	h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
	return h;
}

const provenance = { generator: 'Branchpoint', version: '0', scenarioId: 'tiny', scenarioSha256: '0'.repeat(64), assumptions: {}, overrides: {}, perspective: 'blue', seed: 42, runs: 0, options: 'format=md' } as Provenance;

describe('publishableLog', () => {
	it('names participants by the order they joined, keeping their votes and reasons', () => {
		const h = played();
		const log = publishableLog(h.log, { names: false });
		expect(log.filter((e) => e.type === 'joined').map((e) => e.type === 'joined' && e.participant.name)).toEqual(['Participant 1', 'Participant 2', 'Participant 3', 'Participant 4', 'Participant 5']);
		expect(JSON.stringify(log)).not.toMatch(/"name":"b1"/);
		expect(JSON.stringify(log)).toContain('Because, \\"quoted\\"');
		expect(publishableLog(h.log, { names: true })).toEqual(h.log);
	});
});

describe('logTable', () => {
	it('gives a row an event with its time in UTC, who and what, as RFC 4180 CSV', () => {
		const h = played();
		const table = logTable(publishableLog(h.log, { names: false }));
		expect(table.rows).toHaveLength(h.log.length);
		const vote = table.rows.find((r) => r[3] === 'voteCast' && r[4].includes('Because'));
		expect(vote?.slice(0, 4)).toEqual([expect.any(String), new Date(h.now).toISOString(), 'Participant 1', 'voteCast']);
		expect(toCsv(table)).toContain('"{""participant"":');
	});
});

describe('reviewDocument', () => {
	it('reports each step with its options, the vote and its reasons, and the injects, names only when asked', () => {
		const h = played();
		const write = (names: boolean) =>
			reportMarkdown(reviewDocument({ state: h.state, review: reviewWorkshop(h.model, h.state, { names }), scenario: h.model.scenario, provenance, names }), new Map(), toMarkdownTable);
		const md = write(false);
		expect(md).toMatch(/^# After-action review: Test workshop/);
		expect(md).toMatch(/## 1\. Blue chooses — Blue team: Move A/);
		expect(md).toMatch(/\| Move A \(chosen\) ★ \| 2 \|/);
		expect(md).toContain('for “Move A”: “Because, "quoted"”');
		expect(md).toMatch(/UTC — Inject: News arrives/);
		expect(md).not.toContain('b1,');
		expect(write(true)).toContain('- b1, for “Move A”');
		expect(md).toContain('branchpoint-provenance');
	});
});
