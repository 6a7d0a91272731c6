import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCommand, drawMove, type StepTaken, type WorkshopState } from '../../src/lib/core/index.js';
import { expectClose } from '../helpers/approx.js';
import { as, FACILITATOR, refold, runVote, shippedModel, startWorkshop, tinyModel, withTeams, type Harness } from './helpers.js';

const tiny = tinyModel();

/** Blue has voted A; the path stands at nature's chance state. */
function atChance(seed = 42): Harness {
	const h = withTeams({ model: tiny, setup: { seed } });
	runVote(h, { b1: 'A' });
	return h;
}

describe('overrides', () => {
	it('an override replaces the last step and keeps the overridden result with its rationale', () => {
		const h = atChance();
		h.ok(FACILITATOR, { type: 'override', move: 'B', rationale: 'the room misread A' });
		expect(h.state.path).toHaveLength(1);
		const [entry] = h.state.path;
		expect(entry.step).toMatchObject({ state: 'start', move: 'B', how: 'override', rationale: 'the room misread A' });
		expect(entry.overridden).toHaveLength(1);
		expect(entry.overridden[0]).toMatchObject({ rationale: 'the room misread A', step: { move: 'A', how: 'vote', tally: { A: 1, B: 0, C: 0 } } });
		// A second override keeps both earlier results, oldest first.
		h.ok(FACILITATOR, { type: 'override', move: 'C', rationale: 'on reflection' });
		expect(h.state.path[0].overridden.map((o) => o.step.move)).toEqual(['A', 'B']);
		expect(refold(h)).toEqual(h.state);
	});

	it('an override is refused while a vote is open', () => {
		const h = atChance();
		h.ok(FACILITATOR, { type: 'decide', move: 'X', rationale: 'pick X' });
		h.ok(FACILITATOR, { type: 'openVote' });
		expect(h.send(FACILITATOR, { type: 'override', move: 'Y', rationale: 'r' })).toMatchObject({ ok: false, status: 409 });
	});

	it.each([
		['to a move not open in that state', 'R1', 'r', 400],
		['to the move already taken', 'A', 'r', 400],
		['without a rationale', 'B', ' ', 400]
	] as const)('an override %s is refused', (_, move, rationale, status) => {
		const h = atChance();
		expect(h.send(FACILITATOR, { type: 'override', move, rationale })).toMatchObject({ ok: false, status });
		expect(h.state.path[0].step.move).toBe('A');
	});

	it('an override before any step is refused', () => {
		const h = withTeams();
		expect(h.send(FACILITATOR, { type: 'override', move: 'A', rationale: 'r' })).toMatchObject({ ok: false, status: 409 });
	});

	it('an override while a tied vote waits does not leave that vote waiting in another state', () => {
		const h = atChance();
		h.ok(FACILITATOR, { type: 'decide', move: 'X', rationale: 'pick X' }); // red's turn
		runVote(h, { r1: 'R1', r2: 'R2' });
		expect(h.state.vote?.closed?.outcome).toBe('tie');
		const overriding = h.send(FACILITATOR, { type: 'override', move: 'Y', rationale: 'Y after all' }); // green's turn
		if (!overriding.ok) expect(overriding.status).toBe(409);
		else {
			expect(h.state.vote).toBeUndefined();
			h.ok(FACILITATOR, { type: 'decide', move: 'G1', rationale: 'green' });
			expect(h.state.path.at(-1)?.step.how).toBe('pick');
		}
	});
});

describe('corrections', () => {
	it('a correction takes the last step off the path but records it, and the log keeps it', () => {
		const h = atChance();
		const [taken] = h.ok(FACILITATOR, { type: 'draw' });
		h.ok(FACILITATOR, { type: 'correct', rationale: 'drawn too early' });
		expect(h.state.path.map((e) => e.step.move)).toEqual(['A']);
		expect(h.state.corrections).toHaveLength(1);
		expect(h.state.corrections[0]).toMatchObject({ rationale: 'drawn too early', entry: { seq: taken.seq, step: { how: 'draw' } } });
		expect(h.log.some((e) => e.seq === taken.seq && e.type === 'stepTaken')).toBe(true);
		expect(h.situation().state.id).toBe('chance');
		expect(refold(h)).toEqual(h.state);
	});

	it('a draw after a correction uses the next draw index, not the same one', () => {
		const h = atChance();
		h.ok(FACILITATOR, { type: 'draw' });
		h.ok(FACILITATOR, { type: 'correct', rationale: 'redo' });
		h.ok(FACILITATOR, { type: 'draw' });
		const first = h.state.corrections[0].entry.step.draw;
		const second = h.state.path[1].step.draw;
		expect(first?.index).toBe(0);
		expect(second?.index).toBe(1);
		expect(second?.u).toBe(drawMove([0.3, 0.7], { seed: 42, index: 1 }).u);
		expect(h.state.draws).toBe(2);
	});

	it.each([
		['before any step', (h: Harness) => h, 409],
		['while a vote is open', (h: Harness) => (runVote(h, { b1: 'A' }), h.ok(FACILITATOR, { type: 'decide', move: 'X', rationale: 'x' }), h.ok(FACILITATOR, { type: 'openVote' }), h), 409]
	] as const)('a correction %s is refused', (_, arrange, status) => {
		const h = arrange(withTeams());
		expect(h.send(FACILITATOR, { type: 'correct', rationale: 'r' })).toMatchObject({ ok: false, status });
	});

	it('a correction needs a rationale', () => {
		const h = atChance();
		expect(h.send(FACILITATOR, { type: 'correct', rationale: '' })).toMatchObject({ ok: false, status: 400 });
	});
});

describe('draws', () => {
	const drawn = (h: Harness): StepTaken => {
		h.ok(FACILITATOR, { type: 'draw' });
		return h.state.path.at(-1)?.step as StepTaken;
	};

	it('a draw records the seed, its index, the uniform number and the model’s probability', () => {
		const step = drawn(atChance(7));
		const { chosen, u } = drawMove([0.3, 0.7], { seed: 7, index: 0 });
		expect(step).toMatchObject({ state: 'chance', actor: 'nature', how: 'draw', move: ['X', 'Y'][chosen], draw: { seed: 7, index: 0, u } });
		expectClose(step.probability as number, chosen === 0 ? 0.3 : 0.7);
		expect(u).toBeGreaterThanOrEqual(0);
		expect(u).toBeLessThan(1);
		expect(step.move).toBe(u < 0.3 ? 'X' : 'Y');
	});

	it('the same seed gives the same draws', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
				const play = () => {
					const h = atChance(seed);
					const steps = [drawn(h)];
					h.ok(FACILITATOR, { type: 'correct', rationale: 'again' });
					steps.push(drawn(h));
					return steps;
				};
				expect(play()).toEqual(play());
			}),
			{ numRuns: 40 }
		);
	});

	it('over many seeds, each outcome is drawn about as often as its probability', () => {
		const h = atChance();
		const state = h.state;
		const context = { sender: FACILITATOR, scenario: tiny.scenario, now: h.now, situation: (walk: readonly string[]) => h.situation(walk) };
		const runs = 2000;
		let x = 0;
		for (let seed = 0; seed < runs; seed++) {
			const decision = decideCommand({ ...state, setup: { ...state.setup, seed } } as WorkshopState, { id: `d${seed}`, type: 'draw' }, context);
			if (decision.ok && decision.events[0].type === 'stepTaken' && decision.events[0].step.move === 'X') x++;
		}
		// 4 standard deviations of a binomial share at p = 0.3.
		expect(Math.abs(x / runs - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / runs));
	});

	it('a draw in the shipped scenario records the probability its formula gives', () => {
		const h = startWorkshop({ model: shippedModel(), setup: { teams: ['coalition'] } });
		h.join('c1', 'coalition');
		runVote(h, { c1: 'SANCTIONS_AND_SHARING' });
		const step = drawn(h);
		const evasion = h.state.setup.values.p_evasion;
		expect(step.state).toBe('sanctions_reaction');
		expectClose(step.probability as number, step.move === 'EVADE_SANCTIONS' ? evasion : 1 - evasion);
	});

	it('a draw is refused where a team plays, while a vote waits, and where the model gives no probabilities', () => {
		const h = withTeams();
		expect(h.send(FACILITATOR, { type: 'draw' })).toMatchObject({ ok: false, status: 409 });
		runVote(h, {});
		expect(h.send(FACILITATOR, { type: 'draw' })).toMatchObject({ ok: false, status: 409 });
		// Blue is the perspective: with no blue team its moves are decisions, picked with a rationale.
		const noBlue = startWorkshop({ setup: { teams: ['red'] } });
		expect(noBlue.send(FACILITATOR, { type: 'draw' })).toMatchObject({ ok: false, status: 409 });
		noBlue.ok(FACILITATOR, { type: 'decide', move: 'B', rationale: 'the perspective’s choice' });
		expect(noBlue.state.path[0].step).toMatchObject({ move: 'B', how: 'pick', rationale: 'the perspective’s choice' });
		expect(noBlue.state.path[0].step.probability).toBeUndefined();
	});

	it('a pick for an actor no team plays needs a rationale and an open move', () => {
		const h = atChance();
		expect(h.send(FACILITATOR, { type: 'decide', move: 'X', rationale: '' })).toMatchObject({ ok: false, status: 400 });
		expect(h.send(FACILITATOR, { type: 'decide', move: 'R1', rationale: 'r' })).toMatchObject({ ok: false, status: 400 });
		h.ok(FACILITATOR, { type: 'decide', move: 'Y', rationale: 'the facilitator’s call' });
		expect(h.state.path[1].step).toMatchObject({ move: 'Y', how: 'pick', probability: 0.7 });
		expect(h.state.draws).toBe(0);
	});

	it('nothing is voted on or drawn once the path reaches an outcome', () => {
		const h = atChance();
		h.ok(FACILITATOR, { type: 'decide', move: 'X', rationale: 'x' });
		runVote(h, { r1: 'R2' });
		expect(h.situation().state.id).toBe('endTwo');
		expect(h.send(FACILITATOR, { type: 'openVote' })).toMatchObject({ ok: false, status: 409 });
		expect(h.send(FACILITATOR, { type: 'draw' })).toMatchObject({ ok: false, status: 409 });
		expect(h.send(as('r1'), { type: 'vote', move: 'R1' })).toMatchObject({ ok: false, status: 409 });
	});
});
