import { describe, expect, it } from 'vitest';
import { facilitatorView, participantView, projectorView, publicView, type ViewContext } from '../../src/lib/core/index.js';
import { as, FACILITATOR, runVote, startWorkshop, type Harness } from './helpers.js';

const NAMES = { b1: 'Zelda Quixote', b2: 'Yusuf Vantablack', b3: 'Xenia Wolfram', r1: 'Rolf Redmane', r2: 'Ruth Rosewater' };
const SECRET = 'my private reasoning';

/** Blue and red members with distinctive names, so their absence from a view can be checked. */
function named(): Harness {
	const h = startWorkshop();
	for (const [id, name] of Object.entries(NAMES)) h.join(id, id.startsWith('b') ? 'blue' : 'red', name);
	return h;
}

function contextOf(h: Harness): ViewContext {
	const walk = h.state.path.map((e) => e.step.move);
	return { scenario: h.model.scenario, situation: h.situation(walk), now: h.now, previous: walk.length > 0 ? h.situation(walk.slice(0, -1)) : undefined };
}

/** An open blue vote: b1 for A with a rationale, b2 for B. */
function openVote(): Harness {
	const h = named();
	h.ok(FACILITATOR, { type: 'openVote' });
	h.ok(as('b1'), { type: 'vote', move: 'A', rationale: SECRET });
	h.ok(as('b2'), { type: 'vote', move: 'B' });
	return h;
}

describe('participant view', () => {
	it('shows no counts while the vote is open, only how many voted', () => {
		const h = openVote();
		const view = participantView(h.state, contextOf(h), 'b3');
		expect(view.vote).toMatchObject({ team: 'blue', teamName: 'Blue team', open: true, voted: 2, eligible: 3 });
		expect(view.vote?.counts).toBeUndefined();
		expect(view.lastVote).toBeUndefined();
	});

	it('shows the tally once the vote has closed', () => {
		const h = openVote();
		h.ok(FACILITATOR, { type: 'closeVote' });
		const view = participantView(h.state, contextOf(h), 'b3');
		expect(view.vote).toMatchObject({ open: false, counts: { A: 1, B: 1, C: 0 }, outcome: 'tie' });
		expect(view.lastVote).toMatchObject({ team: 'blue', state: 'start', counts: { A: 1, B: 1, C: 0 }, labels: { A: 'Move A', B: 'Move B', C: 'Move C' }, outcome: 'tie' });
		expect(view.awaiting).toBe('tie');
	});

	it('shows only the participant’s own ballot, and no one else’s name', () => {
		const h = openVote();
		const view = participantView(h.state, contextOf(h), 'b2');
		expect(view.me).toEqual({ id: 'b2', name: NAMES.b2, team: 'blue', teamName: 'Blue team', removed: false });
		expect(view.myVote).toEqual({ move: 'B', rationale: undefined });
		expect(participantView(h.state, contextOf(h), 'b1').myVote).toEqual({ move: 'A', rationale: SECRET });
		expect(participantView(h.state, contextOf(h), 'b3').myVote).toBeUndefined();
		const json = JSON.stringify(view);
		for (const [id, name] of Object.entries(NAMES)) if (id !== 'b2') expect(json).not.toContain(name);
		expect(json).not.toContain(SECRET);
	});

	it('after the vote, a team’s rationales go to its own members only, without names', () => {
		const h = openVote();
		h.ok(as('b3'), { type: 'vote', move: 'A' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		const mine = participantView(h.state, contextOf(h), 'b2');
		expect(mine.rationales).toEqual([{ move: 'A', rationale: SECRET }]);
		expect(JSON.stringify(mine)).not.toContain(NAMES.b1);
		const other = participantView(h.state, contextOf(h), 'r1');
		expect(other.rationales).toBeUndefined();
		expect(JSON.stringify(other)).not.toContain(SECRET);
	});

	it('tells a removed participant so, and fails loudly for an unknown one', () => {
		const h = named();
		h.ok(FACILITATOR, { type: 'removeParticipant', participant: 'r2' });
		expect(participantView(h.state, contextOf(h), 'r2').me.removed).toBe(true);
		expect(participantView(h.state, contextOf(h), 'r1').teams).toEqual([
			{ id: 'blue', name: 'Blue team', members: 3 },
			{ id: 'red', name: 'Red team', members: 1 }
		]);
		expect(() => participantView(h.state, contextOf(h), 'nobody')).toThrow(/nobody/);
	});
});

describe('projector view', () => {
	it('shows live counts of an open vote', () => {
		const h = openVote();
		expect(projectorView(h.state, contextOf(h)).vote).toMatchObject({ open: true, counts: { A: 1, B: 1, C: 0 }, voted: 2 });
	});

	it('names no participant and shows no ballot’s rationale, before or after the vote closes', () => {
		const h = openVote();
		const check = () => {
			const json = JSON.stringify(projectorView(h.state, contextOf(h)));
			for (const name of Object.values(NAMES)) expect(json).not.toContain(name);
			expect(json).not.toContain(SECRET);
		};
		check();
		h.ok(FACILITATOR, { type: 'closeVote' });
		check();
		h.ok(FACILITATOR, { type: 'decide', move: 'A', rationale: 'facilitator reasons are public' });
		check();
		expect(projectorView(h.state, contextOf(h)).path[0]).toMatchObject({ move: 'A', how: 'tie-break', actorName: 'Blue team', rationale: 'facilitator reasons are public' });
	});
});

describe('facilitator view', () => {
	it('shows names, who voted for what, and the ballots with their rationales', () => {
		const h = openVote();
		const view = facilitatorView(h.state, contextOf(h));
		expect(view.participants.find((p) => p.id === 'b1')).toEqual({ id: 'b1', name: NAMES.b1, team: 'blue', removed: false, voted: 'A' });
		expect(view.participants.find((p) => p.id === 'b3')?.voted).toBeUndefined();
		expect(view.ballots.map(({ at: _at, ...b }) => b)).toEqual([
			{ participant: 'b1', name: NAMES.b1, move: 'A', rationale: SECRET },
			{ participant: 'b2', name: NAMES.b2, move: 'B', rationale: undefined }
		]);
		expect(view.vote?.counts).toEqual({ A: 1, B: 1, C: 0 });
		expect(view.seed).toBe(42);
	});

	it('offers the last step’s alternatives for an override and lists corrections', () => {
		const h = named();
		runVote(h, { b1: 'A' });
		expect(facilitatorView(h.state, contextOf(h)).overrideMoves.map((m) => m.id)).toEqual(['A', 'B', 'C']);
		h.ok(FACILITATOR, { type: 'correct', rationale: 'wrong room' });
		const view = facilitatorView(h.state, contextOf(h));
		expect(view.overrideMoves).toEqual([]);
		expect(view.corrections).toMatchObject([{ moveLabel: 'Move A', stateLabel: 'Blue chooses', rationale: 'wrong room' }]);
	});

	it('marks the scenario’s injects already pushed', () => {
		const h = named();
		h.ok(FACILITATOR, { type: 'inject', inject: 'inj-news' });
		expect(facilitatorView(h.state, contextOf(h)).availableInjects).toEqual([{ id: 'inj-news', title: 'News arrives', state: 'start', pushed: true }]);
	});
});

describe('what the room waits for', () => {
	it.each([
		['nothing while a team may vote', (h: Harness) => h, undefined],
		['the facilitator after a tie', (h: Harness) => runVote(h, { b1: 'A', b2: 'B' }), 'tie'],
		['the facilitator after no votes', (h: Harness) => runVote(h, {}), 'no-votes'],
		['a draw for nature', (h: Harness) => runVote(h, { b1: 'A' }), 'draw'],
		['nothing once ended', (h: Harness) => h.ok(FACILITATOR, { type: 'end' }), undefined]
	] as const)('awaits %s', (_, arrange, awaiting) => {
		const h = named();
		arrange(h);
		expect(publicView(h.state, contextOf(h), { liveCounts: false }).awaiting).toBe(awaiting);
	});

	it('awaits a pick for an actor no team plays when others are the facilitator’s', () => {
		const h = startWorkshop({ setup: { others: 'facilitator', teams: ['blue'] } });
		h.join('b1', 'blue');
		runVote(h, { b1: 'A' });
		expect(projectorView(h.state, contextOf(h)).awaiting).toBe('pick');
	});
});
