import { describe, expect, it } from 'vitest';
import { participantView, projectorView, facilitatorView, timerRemainingMs } from '../../src/lib/core/index.js';
import { FACILITATOR, as, runVote, startWorkshop, withTeams } from './helpers.js';

describe('commands about the path carry the step their sender saw', () => {
	it('a second click on "draw" is refused once the first has moved the path on', () => {
		const h = withTeams({ setup: { teams: ['red'] } });
		h.ok(FACILITATOR, { type: 'decide', move: 'A', rationale: 'blue is not played', step: 0 });
		h.ok(FACILITATOR, { type: 'draw', step: 1 });
		expect(h.send(FACILITATOR, { type: 'draw', step: 1 })).toMatchObject({ ok: false, status: 409, message: expect.stringMatching(/moved on since you clicked/) });
		expect(h.state.path).toHaveLength(2);
	});

	it('a command without a step is judged on the state as it is', () => {
		const h = withTeams();
		expect(runVote(h, { b1: 'A', b2: 'A' })).toMatchObject({ ok: true });
		expect(h.state.path).toHaveLength(1);
	});
});

describe('injects and names are not taken twice', () => {
	it('refuses to push the same scenario inject twice', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
		expect(h.send(FACILITATOR, { type: 'inject', inject: 'inj-news' })).toMatchObject({ ok: false, status: 409 });
		expect(h.state.injects).toHaveLength(1);
	});

	it('refuses a display name a present participant already uses, whatever its case', () => {
		const h = startWorkshop();
		h.join('p1', 'blue', 'Aiko');
		expect(h.join('p2', 'red', 'aiko')).toMatchObject({ ok: false, status: 409 });
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'p1' });
		expect(h.join('p3', 'red', 'Aiko')).toMatchObject({ ok: true });
	});
});

describe('the round timer', () => {
	it('keeps minutes added before it starts', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'extendTimer', seconds: 60 });
		h.ok(FACILITATOR, { type: 'startTimer' });
		expect(timerRemainingMs(h.state.timer, h.now)).toBe(360_000);
	});

	it('gives an extension from now when it has run out', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'startTimer' });
		h.tick(420_000);
		expect(timerRemainingMs(h.state.timer, h.now)).toBe(-120_000);
		h.ok(FACILITATOR, { type: 'extendTimer', seconds: 60 });
		expect(timerRemainingMs(h.state.timer, h.now)).toBe(60_000);
		h.tick(30_000);
		expect(timerRemainingMs(h.state.timer, h.now)).toBe(30_000);
	});

	it('opening a vote leaves a running timer as it is', () => {
		const h = withTeams();
		h.ok(FACILITATOR, { type: 'startTimer' });
		h.tick(100_000);
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(timerRemainingMs(h.state.timer, h.now)).toBe(200_000);
	});
});

describe('a draw’s seed stays with the facilitator until the end', () => {
	it('the room and the phones see the drawn move and its probability, not the seed or the number', () => {
		const h = withTeams({ setup: { teams: ['blue'] } });
		runVote(h, { b1: 'A' });
		h.ok(FACILITATOR, { type: 'draw' });
		const context = { scenario: h.model.scenario, situation: h.situation(), now: h.now };
		const drawn = (path: { draw?: unknown; probability?: number }[]) => path[1];
		expect(drawn(projectorView(h.state, context).path)).toMatchObject({ probability: expect.any(Number) });
		expect(drawn(projectorView(h.state, context).path).draw).toBeUndefined();
		expect(drawn(participantView(h.state, context, 'b1').path).draw).toBeUndefined();
		expect(drawn(facilitatorView(h.state, context).path).draw).toMatchObject({ seed: 42, index: 0 });
		h.ok(FACILITATOR, { type: 'end' });
		expect(drawn(projectorView(h.state, context).path).draw).toMatchObject({ seed: 42 });
	});
});

it('a participant who was moved votes with the new team', () => {
	const h = withTeams();
	h.ok(FACILITATOR, { type: 'moveParticipant', participant: 'r1', team: 'blue' });
	h.ok(FACILITATOR, { type: 'openVote' });
	expect(h.send(as('r1'), { type: 'vote', move: 'B' })).toMatchObject({ ok: true });
});
