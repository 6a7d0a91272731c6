import type { Situation } from '../machine/situationAt.js';
import type { Scenario } from '../scenario/types.js';
import { citedTexts } from './citedTexts.js';
import { timerRemainingMs } from './foldWorkshop.js';
import { tallyVote } from './tallyVote.js';
import type { CitedText, InjectShown, StepTaken, WorkshopState } from './types.js';

export interface ViewContext {
	scenario: Scenario;
	/** Where the played path stands (`situationAt` over the path's moves). */
	situation: Situation;
	/** The server's clock. */
	now: number;
	/** Where the path stood before its last step: the moves an override can choose from. */
	previous?: Situation;
}

export interface MoveView {
	id: string;
	label: string;
	description?: string;
	probability?: number;
	citations: CitedText[];
}

export interface StepView extends StepTaken {
	actorName: string;
	at: number;
	/** Earlier results this step replaced, with the facilitator's reasons. */
	overridden: { moveLabel: string; rationale: string }[];
}

export interface TeamView {
	id: string;
	name: string;
	members: number;
}

/** What everyone in the room may see: no names, no ballots. */
export interface PublicView {
	seq: number;
	now: number;
	title: string;
	scenarioTitle: string;
	ended: boolean;
	joining: boolean;
	/** The path has reached a final state. */
	complete: boolean;
	state: { id: string; label: string; description?: string; actor?: string; actorName?: string; playedByTeam: boolean; citations: CitedText[] };
	/** Open moves here (labels, probabilities where the model gives them). */
	moves: MoveView[];
	path: StepView[];
	teams: TeamView[];
	timer: { seconds: number; remainingMs: number; running: boolean; started: boolean };
	injects: (InjectShown & { at: number })[];
	vote?: {
		team: string;
		teamName: string;
		open: boolean;
		/** Counts per move; for participants only once the vote has closed. */
		counts?: Record<string, number>;
		voted: number;
		eligible: number;
		outcome?: 'plurality' | 'tie' | 'no-votes';
	};
	/** The last vote that closed, with its count per move. */
	lastVote?: { team: string; teamName: string; state: string; counts: Record<string, number>; labels: Record<string, string>; outcome: 'plurality' | 'tie' | 'no-votes' };
	/** The facilitator must decide: a tied vote, no votes, or a move of an actor no team plays. */
	awaiting?: 'tie' | 'no-votes' | 'pick' | 'draw';
}

export interface ParticipantView extends PublicView {
	role: 'participant';
	me: { id: string; name: string; team: string; teamName: string; removed: boolean };
	/** My ballot in the current vote. */
	myVote?: { move: string; rationale?: string };
	/** My team's rationales in the last vote that closed. */
	rationales?: { move: string; rationale: string }[];
}

export interface ProjectorView extends PublicView {
	role: 'projector';
}

export interface FacilitatorView extends PublicView {
	role: 'facilitator';
	participants: { id: string; name: string; team: string; removed: boolean; voted?: string }[];
	ballots: { participant: string; name: string; move: string; rationale?: string; at: number }[];
	others: 'draw' | 'facilitator';
	seed: number;
	availableInjects: { id: string; title: string; state?: string; pushed: boolean }[];
	/** The moves the last step could have taken, for an override. */
	overrideMoves: MoveView[];
	corrections: { moveLabel: string; stateLabel: string; rationale: string; at: number }[];
}

/** The room's view of the workshop at `now`. Pure. */
export function publicView(state: WorkshopState, context: ViewContext, options: { liveCounts: boolean; revealDraws?: boolean }): PublicView {
	// A draw's seed and number would let the room compute the next draw; they stay with the facilitator until the end.
	const revealDraws = options.revealDraws === true || state.ended;
	const { scenario, situation, now } = context;
	const teamName = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
	const present = Object.values(state.participants).filter((p) => !p.removed);
	const actor = situation.state.actor;
	const vote = state.vote;
	const tally = vote ? tallyVote(vote, state.participants) : undefined;
	const awaiting = awaitingOf(state, situation);
	return {
		seq: state.seq,
		now,
		title: state.setup.title,
		scenarioTitle: scenario.title,
		ended: state.ended,
		joining: state.joining,
		complete: situation.moves.length === 0,
		state: {
			id: situation.state.id,
			label: situation.state.label,
			description: situation.state.description,
			actor,
			actorName: actor ? teamName(actor) : undefined,
			playedByTeam: actor !== undefined && state.setup.teams.includes(actor),
			citations: citedTexts(scenario, situation.state.citations)
		},
		moves: moveViews(scenario, situation),
		path: state.path.map((entry) => ({
			...stepShown(entry.step, revealDraws),
			actorName: teamName(entry.step.actor),
			at: entry.at,
			overridden: entry.overridden.map((o) => ({ moveLabel: o.step.moveLabel, rationale: o.rationale }))
		})),
		teams: state.setup.teams.map((id) => ({ id, name: teamName(id), members: present.filter((p) => p.team === id).length })),
		timer: { seconds: state.timer.seconds, remainingMs: timerRemainingMs(state.timer, now), running: state.timer.runningSince !== undefined, started: state.timer.started },
		injects: state.injects.map(({ seq: _seq, ...inject }) => inject),
		vote:
			vote && tally
				? {
						team: vote.team,
						teamName: teamName(vote.team),
						open: !vote.closed,
						counts: vote.closed ? vote.closed.tally : options.liveCounts ? tally.tally : undefined,
						voted: Object.values(tally.tally).reduce((a, b) => a + b, 0),
						eligible: present.filter((p) => p.team === vote.team).length,
						outcome: vote.closed?.outcome
					}
				: undefined,
		lastVote: lastVoteOf(state, scenario),
		awaiting
	};
}

function lastVoteOf(state: WorkshopState, scenario: Scenario): PublicView['lastVote'] {
	const vote = state.votes.at(-1);
	if (!vote?.closed) return undefined;
	const moves = scenario.states.find((s) => s.id === vote.state)?.moves ?? [];
	return {
		team: vote.team,
		teamName: scenario.actors.find((a) => a.id === vote.team)?.name ?? vote.team,
		state: vote.state,
		counts: vote.closed.tally,
		labels: Object.fromEntries(moves.map((m) => [m.id, m.label])),
		outcome: vote.closed.outcome
	};
}

function stepShown(step: StepTaken, revealDraws: boolean): StepTaken {
	if (revealDraws || !step.draw) return step;
	const { draw: _draw, ...shown } = step;
	return shown;
}

function moveViews(scenario: Scenario, situation: Situation): MoveView[] {
	return situation.moves.map(({ move, probability }) => ({ id: move.id, label: move.label, description: move.description, probability, citations: citedTexts(scenario, move.citations) }));
}

function awaitingOf(state: WorkshopState, situation: Situation): PublicView['awaiting'] {
	if (state.ended || situation.moves.length === 0) return undefined;
	const closed = state.vote?.closed;
	if (closed && closed.outcome !== 'plurality') return closed.outcome;
	if (state.vote) return undefined;
	const actor = situation.state.actor as string;
	if (state.setup.teams.includes(actor)) return undefined;
	const drawable = situation.moves.every((m) => m.probability !== undefined);
	return drawable && state.setup.others === 'draw' ? 'draw' : 'pick';
}

/** The projector's view: live counts, no names. Pure. */
export function projectorView(state: WorkshopState, context: ViewContext): ProjectorView {
	return { ...publicView(state, context, { liveCounts: true }), role: 'projector' };
}

/** What a participant's view adds to the room's: who they are, their ballot, their team's reasons. */
export type ParticipantPart = Omit<ParticipantView, keyof PublicView>;

/**
 * One participant's view: their team's options, their own ballot; counts
 * only after the vote closes. `base` is the room's view without live counts
 * (`publicView(…, {liveCounts: false})`), shared by every participant. Pure.
 */
export function participantView(state: WorkshopState, context: ViewContext, participantId: string, base = publicView(state, context, { liveCounts: false })): ParticipantView {
	return { ...base, ...participantPart(state, base, participantId) };
}

/** The participant's own part of their view. Pure. */
export function participantPart(state: WorkshopState, base: PublicView, participantId: string): ParticipantPart {
	const me = state.participants[participantId];
	if (!me) throw new Error(`participantView: no participant "${participantId}"`);
	const mine = state.vote?.ballots[participantId];
	const teamName = base.teams.find((t) => t.id === me.team)?.name ?? me.team;
	const last = state.votes.at(-1);
	const rationales =
		last?.closed && last.team === me.team
			? Object.entries(last.ballots)
					.filter(([id, b]) => b.rationale && state.participants[id]?.team === me.team)
					.map(([, b]) => ({ move: b.move, rationale: b.rationale as string }))
			: undefined;
	return {
		role: 'participant',
		me: { id: me.id, name: me.name, team: me.team, teamName, removed: me.removed },
		myVote: mine ? { move: mine.move, rationale: mine.rationale } : undefined,
		rationales
	};
}

/** The facilitator's console: everything, names included. Pure. */
export function facilitatorView(state: WorkshopState, context: ViewContext): FacilitatorView {
	const base = publicView(state, context, { liveCounts: true, revealDraws: true });
	const vote = state.vote;
	const pushed = new Set(state.injects.map((j) => j.id));
	return {
		...base,
		role: 'facilitator',
		participants: Object.values(state.participants).map((p) => ({ id: p.id, name: p.name, team: p.team, removed: p.removed, voted: vote?.ballots[p.id]?.move })),
		ballots: vote ? Object.entries(vote.ballots).map(([id, b]) => ({ participant: id, name: state.participants[id]?.name ?? id, move: b.move, rationale: b.rationale, at: b.at })) : [],
		others: state.setup.others,
		seed: state.setup.seed,
		availableInjects: context.scenario.injects.map((j) => ({ id: j.id, title: j.title, state: j.state, pushed: pushed.has(j.id) })),
		overrideMoves: state.path.length > 0 && context.previous ? moveViews(context.scenario, context.previous) : [],
		corrections: state.corrections.map((c) => ({ moveLabel: c.entry.step.moveLabel, stateLabel: c.entry.step.stateLabel, rationale: c.rationale, at: c.at }))
	};
}
