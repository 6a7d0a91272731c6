import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../src/lib/core/index.js';
import { as, FACILITATOR, refold, runVote, startWorkshop, withTeams, type CommandInput } from './helpers.js';

describe('votes', () => {
	it('the plurality of a team’s votes becomes a step, with how "vote" and the tally', () => {
		const h = withTeams();
		const closing = runVote(h, { b1: 'A', b2: 'A', b3: 'B' });
		expect(closing.ok && closing.events.map((e) => e.type)).toEqual(['voteClosed', 'stepTaken']);
		expect(h.state.path).toHaveLength(1);
		expect(h.state.path[0].step).toMatchObject({ state: 'start', actor: 'blue', move: 'A', moveLabel: 'Move A', target: 'chance', how: 'vote', tally: { A: 2, B: 1, C: 0 } });
		expect(h.state.vote).toBeUndefined();
		expect(h.state.votes.map((v) => v.closed?.outcome)).toEqual(['plurality']);
		expect(h.situation().state.id).toBe('chance');
	});

	it('a changed vote counts once, as the last ballot cast', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		h.ok(as('b2'), { type: 'vote', move: 'B' });
		h.ok(as('b1'), { type: 'vote', move: 'B' });
		expect(Object.keys(h.state.vote?.ballots ?? {})).toEqual(['b1', 'b2']);
		h.ok(FACILITATOR, { type: 'closeVote' });
		expect(h.state.path[0].step).toMatchObject({ move: 'B', how: 'vote', tally: { A: 0, B: 2, C: 0 } });
	});

	it('a tie goes to the facilitator, who must decide with a rationale: how "tie-break"', () => {
		const h = withTeams();
		const closing = runVote(h, { b1: 'A', b2: 'B' });
		expect(closing.ok && closing.events.map((e) => e.type)).toEqual(['voteClosed']);
		expect(h.state.vote?.closed).toMatchObject({ outcome: 'tie', tally: { A: 1, B: 1, C: 0 } });
		expect(h.state.path).toEqual([]);
		expect(h.send(FACILITATOR, { type: 'draw' })).toMatchObject({ ok: false, status: 409 });
		for (const rationale of [undefined, '', '   ']) {
			expect(h.send(FACILITATOR, { type: 'decide', move: 'B', rationale } as CommandInput)).toMatchObject({ ok: false, status: 400 });
		}
		expect(h.send(FACILITATOR, { type: 'decide', move: 'Z', rationale: 'no such move' })).toMatchObject({ ok: false, status: 400 });
		h.ok(FACILITATOR, { type: 'decide', move: 'B', rationale: '  B keeps options open  ' });
		expect(h.state.path[0].step).toMatchObject({ move: 'B', how: 'tie-break', rationale: 'B keeps options open', tally: { A: 1, B: 1, C: 0 } });
		expect(h.state.vote).toBeUndefined();
	});

	it('a tied vote may be run again: the revote starts with no ballots and its plurality wins', () => {
		const h = withTeams();
		runVote(h, { b1: 'A', b2: 'B' });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.state.vote).toMatchObject({ ballots: {}, state: 'start' });
		expect(h.state.vote?.closed).toBeUndefined();
		h.ok(as('b1'), { type: 'vote', move: 'B' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		expect(h.state.path[0].step).toMatchObject({ move: 'B', how: 'vote', tally: { A: 0, B: 1, C: 0 } });
		expect(h.state.votes.map((v) => v.closed?.outcome)).toEqual(['tie', 'plurality']);
	});

	it('a vote nobody voted in goes to the facilitator: how "no-votes"', () => {
		const h = withTeams();
		runVote(h, {});
		expect(h.state.vote?.closed?.outcome).toBe('no-votes');
		h.ok(FACILITATOR, { type: 'decide', move: 'C', rationale: 'the room was silent' });
		expect(h.state.path[0].step).toMatchObject({ move: 'C', how: 'no-votes', tally: { A: 0, B: 0, C: 0 } });
	});

	it.each([
		['removed', { type: 'removeParticipant', participant: 'b1' }],
		['moved to another team', { type: 'moveParticipant', participant: 'b1', team: 'red' }]
	] as const)('a participant %s after voting has their ballot not counted', (_, command) => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		for (const [p, move] of [['b1', 'A'], ['b2', 'A'], ['b3', 'B']]) h.ok(as(p), { type: 'vote', move });
		h.ok(FACILITATOR, command);
		expect(h.state.vote?.ballots.b1).toBeUndefined();
		h.ok(FACILITATOR, { type: 'closeVote' });
		expect(h.state.vote?.closed).toMatchObject({ outcome: 'tie', tally: { A: 1, B: 1, C: 0 } });
	});

	it('a removed participant cannot vote', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'b1' });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(as('b1'), { type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 403 });
	});

	it.each([
		['a move not on the ballot', { type: 'vote', move: 'R1' }, 400],
		['a rationale over the limit', { type: 'vote', move: 'A', rationale: 'x'.repeat(TEXT_LIMITS.rationale + 1) }, 400],
		['a rationale with a line break', { type: 'vote', move: 'A', rationale: 'one\ntwo' }, 400]
	] as const)('a vote with %s is refused', (_, command, status) => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(as('b1'), command)).toMatchObject({ ok: false, status });
	});

	it('a vote is refused when none is open, and a second vote cannot be opened', () => {
		const h = withTeams();
		expect(h.send(as('b1'), { type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 409 });
		expect(h.send(FACILITATOR, { type: 'closeVote' })).toMatchObject({ ok: false, status: 409 });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(FACILITATOR, { type: 'openVote' })).toMatchObject({ ok: false, status: 409 });
	});

	it('a vote opens only where a team plays, and a team’s move is not picked without one', () => {
		const h = withTeams();
		expect(h.send(FACILITATOR, { type: 'decide', move: 'A', rationale: 'skip the vote' })).toMatchObject({ ok: false, status: 409 });
		runVote(h, { b1: 'A' });
		expect(h.send(FACILITATOR, { type: 'openVote' })).toMatchObject({ ok: false, status: 409 });
	});
});

describe('who may do what', () => {
	it('a participant cannot vote in another team’s vote', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(as('r1'), { type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 403 });
	});

	it('someone who never joined cannot vote', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(as('stranger'), { type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 403 });
	});

	const facilitatorCommands: CommandInput[] = [
		{ type: 'openVote' }, { type: 'closeVote' }, { type: 'decide', move: 'A', rationale: 'r' }, { type: 'draw' },
		{ type: 'inject', inject: 'inj-news' }, { type: 'injectText', title: 't', text: 't' }, { type: 'override', move: 'A', rationale: 'r' },
		{ type: 'correct', rationale: 'r' }, { type: 'startTimer' }, { type: 'pauseTimer' }, { type: 'extendTimer', seconds: 60 },
		{ type: 'moveParticipant', participant: 'b1', team: 'red' }, { type: 'removeParticipant', participant: 'b2' },
		{ type: 'closeJoining' }, { type: 'openJoining' }, { type: 'end' }, { type: 'reopen' }
	];
	it.each(facilitatorCommands.map((c) => [c.type, c] as const))('a participant cannot use the facilitator’s %s (403)', (_, command) => {
		const h = withTeams();
		const before = h.log.length;
		expect(h.send(as('b1'), command)).toMatchObject({ ok: false, status: 403 });
		expect(h.log).toHaveLength(before);
	});

	it('the facilitator cannot vote or join', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(FACILITATOR, { type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 403 });
		expect(h.send(FACILITATOR, { type: 'join', participant: 'f', name: 'Fac' })).toMatchObject({ ok: false, status: 403 });
	});
});

describe('duplicate commands', () => {
	it('a repeated command id makes no new events and answers with the first event’s seq', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		const [cast] = h.ok(as('b1'), { id: 'ballot-1', type: 'vote', move: 'A' });
		const state = h.state;
		const length = h.log.length;
		// A retry, even one that now says something else, counts once.
		expect(h.send(as('b1'), { id: 'ballot-1', type: 'vote', move: 'B' })).toEqual({ ok: true, events: [], duplicateOf: cast.seq });
		expect(h.log).toHaveLength(length);
		expect(h.state).toBe(state);
		expect(refold(h)).toEqual(h.state);
	});

	it('a repeated command that made several events answers with the first of them', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		const made = h.ok(FACILITATOR, { id: 'close', type: 'closeVote' });
		expect(made.map((e) => e.type)).toEqual(['voteClosed', 'stepTaken']);
		expect(h.send(FACILITATOR, { id: 'close', type: 'closeVote' })).toEqual({ ok: true, events: [], duplicateOf: made[0].seq });
		expect(h.state.commands.close).toBe(made[0].seq);
	});

	it('a refused command leaves no trace, so its retry is decided afresh', () => {
		const h = withTeams();
		expect(h.send(as('b1'), { id: 'early', type: 'vote', move: 'A' })).toMatchObject({ ok: false, status: 409 });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(as('b1'), { id: 'early', type: 'vote', move: 'A' })).toMatchObject({ ok: true, events: [{ type: 'voteCast' }] });
	});
});

describe('joining', () => {
	it('closed joining refuses a join until the facilitator opens it again', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'closeJoining' });
		expect(h.join('late', 'blue')).toMatchObject({ ok: false, status: 409 });
		expect(h.send(FACILITATOR, { type: 'closeJoining' })).toMatchObject({ ok: false, status: 409 });
		h.ok(FACILITATOR, { type: 'openJoining' });
		expect(h.join('late', 'blue')).toMatchObject({ ok: true });
		expect(h.state.participants.late).toMatchObject({ team: 'blue', removed: false });
	});

	it('a participant who names no team goes to the smallest one (the first of equals)', () => {
		const h = withTeams();
		h.join('n1');
		expect(h.state.participants.n1.team).toBe('red'); // blue 3, red 2
		h.join('n2', '');
		expect(h.state.participants.n2.team).toBe('blue'); // 3 and 3
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'b1' });
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'b2' });
		h.join('n3');
		expect(h.state.participants.n3.team).toBe('blue'); // removed members do not count: 2 and 3
	});

	it.each([
		['empty', '', 400],
		['only spaces', '   ', 400],
		['over 40 characters', 'n'.repeat(TEXT_LIMITS.name + 1), 400],
		['a line break', 'Ann\nLee', 400],
		['a tab', 'Ann\tLee', 400]
	] as const)('a display name that is %s is refused', (_, name, status) => {
		const h = startWorkshop();
		expect(h.join('p', 'blue', name)).toMatchObject({ ok: false, status });
		expect(h.state.participants).toEqual({});
	});

	it('a display name is trimmed, and its limit counts characters, not UTF-16 units', () => {
		const h = startWorkshop();
		h.join('p', 'blue', '  Ann  ');
		h.join('q', 'blue', '🦊'.repeat(TEXT_LIMITS.name));
		expect(h.state.participants.p.name).toBe('Ann');
		expect([...h.state.participants.q.name]).toHaveLength(TEXT_LIMITS.name);
	});

	it('a join to a team the workshop does not have is refused', () => {
		const h = startWorkshop();
		expect(h.join('p', 'green')).toMatchObject({ ok: false, status: 400 });
	});

	it('moving a participant needs a real participant and another team', () => {
		const h = withTeams();
		expect(h.send(FACILITATOR, { type: 'moveParticipant', participant: 'nobody', team: 'red' })).toMatchObject({ ok: false, status: 400 });
		expect(h.send(FACILITATOR, { type: 'moveParticipant', participant: 'b1', team: 'blue' })).toMatchObject({ ok: false, status: 400 });
		expect(h.send(FACILITATOR, { type: 'moveParticipant', participant: 'b1', team: 'green' })).toMatchObject({ ok: false, status: 400 });
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'b1' });
		expect(h.send(FACILITATOR, { type: 'removeParticipant', participant: 'b1' })).toMatchObject({ ok: false, status: 400 });
	});
});

describe('ending', () => {
	const refused: [string, ReturnType<typeof as>, CommandInput][] = [
		['openVote', FACILITATOR, { type: 'openVote' }],
		['draw', FACILITATOR, { type: 'draw' }],
		['startTimer', FACILITATOR, { type: 'startTimer' }],
		['injectText', FACILITATOR, { type: 'injectText', title: 'Late news', text: 'x' }],
		['end', FACILITATOR, { type: 'end' }],
		['join', as('late'), { type: 'join', participant: 'late', name: 'Late' }],
		['vote', as('b1'), { type: 'vote', move: 'A' }]
	];
	it.each(refused)('an ended workshop refuses %s (409)', (_, sender, command) => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'end' });
		expect(h.send(sender, command)).toMatchObject({ ok: false, status: 409 });
	});

	it('an ended workshop can be reopened, and a running one cannot', () => {
		const h = withTeams();
		expect(h.send(FACILITATOR, { type: 'reopen' })).toMatchObject({ ok: false, status: 409 });
		h.ok(FACILITATOR, { type: 'end' });
		h.ok(FACILITATOR, { type: 'reopen' });
		expect(h.state.ended).toBe(false);
		expect(h.send(FACILITATOR, { type: 'openVote' })).toMatchObject({ ok: true });
	});

	it('ending with an open vote closes and counts it first, so no ballot is lost', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'C' });
		const made = h.ok(FACILITATOR, { type: 'end' });
		expect(made.map((e) => e.type)).toEqual(['voteClosed', 'stepTaken', 'ended']);
		expect(h.state.path[0].step).toMatchObject({ move: 'C', how: 'vote' });
		expect(h.state.ended).toBe(true);
	});

	it('a vote tied when the workshop ends still waits for the facilitator after reopening', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		h.ok(as('b2'), { type: 'vote', move: 'B' });
		h.ok(FACILITATOR, { type: 'end' });
		expect(h.state.vote?.closed?.outcome).toBe('tie');
		h.ok(FACILITATOR, { type: 'reopen' });
		h.ok(FACILITATOR, { type: 'decide', move: 'A', rationale: 'decided after the break' });
		expect(h.state.path[0].step.how).toBe('tie-break');
	});
});

describe('injects', () => {
	it('pushes the scenario’s inject with its cited excerpts and source', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
		expect(h.state.injects[0]).toMatchObject({ id: 'inj-news', title: 'News arrives', text: 'Something happened.', citations: [{ excerpt: 'an excerpt', gloss: 'a gloss', source: 'A source (A publisher, 2024-07-01)' }] });
		expect(h.send(FACILITATOR, { type: 'inject', inject: 'inj-none' })).toMatchObject({ ok: false, status: 400 });
	});

	it('a free-text inject may hold line breaks in its text but not in its title', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'injectText', title: 'Flash', text: 'line one\nline two' });
		expect(h.state.injects[0]).toMatchObject({ title: 'Flash', text: 'line one\nline two', citations: [] });
		expect(h.send(FACILITATOR, { type: 'injectText', title: 'Fl\nash', text: 'x' })).toMatchObject({ ok: false, status: 400 });
		expect(h.send(FACILITATOR, { type: 'injectText', title: 'Flash', text: '' })).toMatchObject({ ok: false, status: 400 });
	});
});
