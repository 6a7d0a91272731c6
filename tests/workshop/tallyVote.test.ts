import { describe, expect, it } from 'vitest';
import { tallyVote, type Participant, type Vote } from '../../src/lib/core/index.js';

const member = (id: string, team: string, removed = false): Participant => ({ id, name: id, team, removed, joinedAt: 0 });
const participants: Record<string, Participant> = {
	b1: member('b1', 'blue'),
	b2: member('b2', 'blue'),
	b3: member('b3', 'blue'),
	gone: member('gone', 'blue', true),
	r1: member('r1', 'red')
};
const vote = (ballots: Record<string, string>): Vote => ({
	state: 'start',
	team: 'blue',
	moves: ['A', 'B', 'C'],
	openedAt: 0,
	ballots: Object.fromEntries(Object.entries(ballots).map(([id, move]) => [id, { move, at: 0 }]))
});

describe('tallyVote', () => {
	it.each([
		['a plurality wins', { b1: 'A', b2: 'A', b3: 'B' }, { A: 2, B: 1, C: 0 }, 'plurality', 'A'],
		['a plurality short of a majority wins', { b1: 'A', b2: 'B', b3: 'B', r1: 'C' }, { A: 1, B: 2, C: 0 }, 'plurality', 'B'],
		['a two-way tie goes to the facilitator', { b1: 'A', b2: 'B' }, { A: 1, B: 1, C: 0 }, 'tie', undefined],
		['a three-way tie goes to the facilitator', { b1: 'A', b2: 'B', b3: 'C' }, { A: 1, B: 1, C: 1 }, 'tie', undefined],
		['no ballots go to the facilitator', {}, { A: 0, B: 0, C: 0 }, 'no-votes', undefined],
		['a removed member’s ballot does not count', { gone: 'C', b1: 'A' }, { A: 1, B: 0, C: 0 }, 'plurality', 'A'],
		['another team’s ballot does not count', { r1: 'C', b1: 'A' }, { A: 1, B: 0, C: 0 }, 'plurality', 'A'],
		['a stranger’s ballot does not count', { stranger: 'B' }, { A: 0, B: 0, C: 0 }, 'no-votes', undefined],
		['a ballot for a move not on the vote does not count', { b1: 'Z', b2: 'A' }, { A: 1, B: 0, C: 0 }, 'plurality', 'A'],
		['a ballot for a move named like an Object property (toString) does not count', { b1: 'toString', b2: 'A' }, { A: 1, B: 0, C: 0 }, 'plurality', 'A']
	] as const)('%s', (_, ballots, tally, outcome, winner) => {
		const result = tallyVote(vote(ballots), participants);
		expect(result).toEqual(winner ? { tally, outcome, winner } : { tally, outcome });
	});

	it('counts every move of the vote, in the vote’s order', () => {
		expect(Object.keys(tallyVote(vote({ b1: 'C' }), participants).tally)).toEqual(['A', 'B', 'C']);
	});
});
