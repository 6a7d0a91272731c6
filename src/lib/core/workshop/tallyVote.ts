import type { Participant, Vote } from './types.js';

export type VoteOutcome = 'plurality' | 'tie' | 'no-votes';

/**
 * Counts the ballots of the team's present members (one each; a changed vote
 * counts as the last one cast) and applies the decision rule: the plurality
 * wins; a tie or no votes goes to the facilitator. Pure.
 */
export function tallyVote(vote: Vote, participants: Readonly<Record<string, Participant>>): { tally: Record<string, number>; outcome: VoteOutcome; winner?: string } {
	const tally: Record<string, number> = Object.fromEntries(vote.moves.map((m) => [m, 0]));
	for (const [id, ballot] of Object.entries(vote.ballots)) {
		const participant = participants[id];
		if (participant && !participant.removed && participant.team === vote.team && Object.hasOwn(tally, ballot.move)) tally[ballot.move]++;
	}
	const most = Math.max(0, ...Object.values(tally));
	if (most === 0) return { tally, outcome: 'no-votes' };
	const leaders = vote.moves.filter((m) => tally[m] === most);
	return leaders.length === 1 ? { tally, outcome: 'plurality', winner: leaders[0] } : { tally, outcome: 'tie' };
}
