import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvent, foldWorkshop, initialWorkshop, timerRemainingMs, type Sender, type WorkshopEvent, type WorkshopState } from '../../src/lib/core/index.js';
import { as, FACILITATOR, refold, startWorkshop, T0, tinyModel, withTeams, type CommandInput, type Harness } from './helpers.js';

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const inner of Object.values(value)) deepFreeze(inner);
	}
	return value;
}

/** A session that makes every kind of event. */
function fullSession(): Harness {
	const h = withTeams();
	h.ok(FACILITATOR, { type: 'closeJoining' });
	h.ok(FACILITATOR, { type: 'openJoining' });
	h.ok(FACILITATOR, { type: 'moveParticipant', participant: 'b3', team: 'red' });
	h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
	h.ok(FACILITATOR, { type: 'injectText', title: 'Flash', text: 'one\ntwo' });
	h.ok(FACILITATOR, { type: 'openVote' });
	h.tick(5_000);
	h.ok(FACILITATOR, { type: 'pauseTimer' });
	h.ok(FACILITATOR, { type: 'startTimer' });
	h.ok(FACILITATOR, { type: 'extendTimer', seconds: 30 });
	h.ok(as('b1'), { type: 'vote', move: 'A', rationale: 'cheap' });
	h.ok(as('b2'), { type: 'vote', move: 'B' });
	h.ok(FACILITATOR, { type: 'closeVote' });
	h.ok(FACILITATOR, { type: 'decide', move: 'A', rationale: 'tie-break' });
	h.ok(FACILITATOR, { type: 'draw' });
	h.ok(FACILITATOR, { type: 'correct', rationale: 'redo' });
	h.ok(FACILITATOR, { type: 'draw' });
	h.ok(FACILITATOR, { type: 'override', move: h.state.path[1].step.move === 'X' ? 'Y' : 'X', rationale: 'the other one' });
	h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'r2' });
	h.ok(FACILITATOR, { type: 'end' });
	h.ok(FACILITATOR, { type: 'reopen' });
	return h;
}

describe('foldWorkshop', () => {
	it('folding the whole log equals the state built one event at a time', () => {
		const h = fullSession();
		const types = new Set(h.log.map((e) => e.type));
		expect(types.size).toBe(19); // every event type occurs
		expect(refold(h)).toEqual(h.state);
		expect(h.state.seq).toBe(h.log.length);
	});

	it('applyEvent returns a new state and leaves its input as it was', () => {
		const h = fullSession();
		let state = initialWorkshop(h.log[0]);
		for (const event of h.log.slice(1)) {
			const before = structuredClone(state);
			const next = applyEvent(deepFreeze(state), event); // a write to a frozen object throws in strict mode
			expect(state).toEqual(before);
			expect(next).not.toBe(state);
			state = next;
		}
		expect(state).toEqual(h.state);
	});

	const model = tinyModel();
	const participants = ['b1', 'b2', 'r1', 'x9'];
	const commandArb: fc.Arbitrary<[Sender, CommandInput]> = fc.oneof(
		fc.tuple(fc.constantFrom(...participants), fc.constantFrom('A', 'B', 'C', 'R1', 'R2')).map(([p, move]): [Sender, CommandInput] => [as(p), { type: 'vote', move }]),
		fc.tuple(fc.constantFrom(...participants), fc.constantFrom('blue', 'red', undefined)).map(([p, team]): [Sender, CommandInput] => [as(p), { type: 'join', participant: p, name: p, team }]),
		fc.constantFrom<CommandInput>(
			{ type: 'openVote' },
			{ type: 'closeVote' },
			{ type: 'draw' },
			{ type: 'decide', move: 'A', rationale: 'r' },
			{ type: 'decide', move: 'X', rationale: 'r' },
			{ type: 'decide', move: 'R1', rationale: 'r' },
			{ type: 'decide', move: 'G2', rationale: 'r' },
			{ type: 'override', move: 'B', rationale: 'r' },
			{ type: 'override', move: 'Y', rationale: 'r' },
			{ type: 'correct', rationale: 'r' },
			{ type: 'startTimer' },
			{ type: 'pauseTimer' },
			{ type: 'extendTimer', seconds: 60 },
			{ type: 'moveParticipant', participant: 'b1', team: 'red' },
			{ type: 'removeParticipant', participant: 'r1' },
			{ type: 'closeJoining' },
			{ type: 'openJoining' },
			{ type: 'end' },
			{ type: 'reopen' }
		).map((c): [Sender, CommandInput] => [FACILITATOR, c])
	);

	it('for any sequence of commands, folding the log equals the incremental state, and folding leaves every event as it was', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(commandArb, fc.integer({ min: 0, max: 120_000 })), { maxLength: 40 }), (script) => {
				const h = startWorkshop({ model });
				for (const [[sender, command], ms] of script) {
					h.tick(ms);
					h.send(sender, command);
				}
				const log = deepFreeze(structuredClone(h.log));
				expect(foldWorkshop(log)).toEqual(h.state);
				expect(h.state.draws).toBe(log.filter((e) => e.type === 'stepTaken' && e.step.draw).length);
				expect(h.state.path.length + h.state.corrections.length).toBe(log.filter((e) => e.type === 'stepTaken').length);
			}),
			{ numRuns: 60 }
		);
	});

	it('a log must start with "created", hold it once, and run in order', () => {
		const h = withTeams();
		expect(() => foldWorkshop([])).toThrow(/empty/);
		expect(() => foldWorkshop(h.log.slice(1))).toThrow(/created/);
		expect(() => applyEvent(h.state, { ...h.log[0], seq: 99 })).toThrow(/created/);
		expect(() => applyEvent(h.state, { ...(h.log[2] as WorkshopEvent), seq: h.state.seq })).toThrow(/out of order/);
	});

	it('the command map keeps the first seq of each command, the created event’s included', () => {
		const h = withTeams();
		expect(h.state.commands.create).toBe(1);
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		const made = h.ok(FACILITATOR, { id: 'finish', type: 'end' });
		expect(made.map((e) => e.type)).toEqual(['voteClosed', 'stepTaken', 'ended']);
		expect(made.every((e) => e.command === 'finish')).toBe(true);
		expect(h.state.commands.finish).toBe(made[0].seq);
	});
});

describe('timer', () => {
	const remaining = (state: WorkshopState, at: number) => timerRemainingMs(state.timer, at);

	it('starts, pauses, resumes and extends, and tells the time left at any clock value', () => {
		const h = startWorkshop({ setup: { roundSeconds: 300 } });
		expect(h.state.timer).toEqual({ seconds: 300, elapsedMs: 0, started: false });
		expect(remaining(h.state, T0 + 999_999)).toBe(300_000); // not started: does not run
		expect(h.ok(FACILITATOR, { type: 'startTimer' }).map((e) => e.type)).toEqual(['timerStarted']);
		expect(remaining(h.state, T0 + 60_000)).toBe(240_000);
		expect(remaining(h.state, T0 - 5_000)).toBe(300_000); // a clock behind the start counts nothing
		h.tick(60_000);
		h.ok(FACILITATOR, { type: 'pauseTimer' });
		expect(remaining(h.state, T0 + 500_000)).toBe(240_000);
		h.tick(100_000);
		expect(h.ok(FACILITATOR, { type: 'startTimer' }).map((e) => e.type)).toEqual(['timerResumed']);
		expect(remaining(h.state, h.now + 40_000)).toBe(200_000);
		h.ok(FACILITATOR, { type: 'extendTimer', seconds: 60 });
		expect(remaining(h.state, h.now + 40_000)).toBe(260_000);
		expect(remaining(h.state, h.now + 400_000)).toBe(-100_000); // negative once it has run out
	});

	it.each([
		['start a running timer', 'startTimer', 409],
		['pause a paused timer', 'pauseTimer', 409]
	] as const)('refuses to %s', (_, type, status) => {
		const h = startWorkshop();
		if (type === 'startTimer') h.ok(FACILITATOR, { type: 'startTimer' });
		expect(h.send(FACILITATOR, { type })).toMatchObject({ ok: false, status });
	});

	it.each([9, 3601, 10.5, Number.NaN])('refuses to extend by %s seconds', (seconds) => {
		const h = startWorkshop();
		expect(h.send(FACILITATOR, { type: 'extendTimer', seconds })).toMatchObject({ ok: false, status: 400 });
	});

	it('a timer that ran out starts afresh instead of resuming', () => {
		const h = startWorkshop({ setup: { roundSeconds: 60 } });
		h.ok(FACILITATOR, { type: 'startTimer' });
		h.tick(90_000);
		h.ok(FACILITATOR, { type: 'pauseTimer' });
		expect(remaining(h.state, h.now)).toBe(-30_000);
		expect(h.ok(FACILITATOR, { type: 'startTimer' }).map((e) => e.type)).toEqual(['timerStarted']);
		expect(remaining(h.state, h.now + 10_000)).toBe(50_000);
	});

	it('opening a vote starts the round’s timer, closing it pauses, and the step resets it', () => {
		const h = withTeams({ setup: { roundSeconds: 120 } });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.state.timer).toMatchObject({ seconds: 120, started: true, runningSince: h.now });
		h.tick(30_000);
		h.ok(as('b1'), { type: 'vote', move: 'A' });
		h.ok(as('b2'), { type: 'vote', move: 'B' });
		h.ok(FACILITATOR, { type: 'closeVote' }); // a tie: the timer pauses where it was
		expect(h.state.timer).toMatchObject({ elapsedMs: 30_000, runningSince: undefined });
		h.ok(FACILITATOR, { type: 'decide', move: 'A', rationale: 'r' });
		expect(h.state.timer).toEqual({ seconds: 120, elapsedMs: 0, started: false });
	});

	it('ending pauses a running timer', () => {
		const h = startWorkshop();
		h.ok(FACILITATOR, { type: 'startTimer' });
		h.tick(10_000);
		h.ok(FACILITATOR, { type: 'end' });
		expect(h.state.timer).toMatchObject({ elapsedMs: 10_000, runningSince: undefined });
	});
});
