import type { PathEntry, Vote, WorkshopEvent, WorkshopState } from './types.js';

/** The state right after the `created` event. Pure. */
export function initialWorkshop(created: WorkshopEvent): WorkshopState {
	if (created.type !== 'created') throw new Error(`a workshop log starts with "created", not "${created.type}"`);
	return {
		setup: created.setup,
		seq: created.seq,
		createdAt: created.at,
		joining: true,
		participants: {},
		path: [],
		corrections: [],
		votes: [],
		injects: [],
		timer: { seconds: created.setup.roundSeconds, elapsedMs: 0, started: false },
		draws: 0,
		ended: false,
		commands: { [created.command]: created.seq }
	};
}

/**
 * Folds one event into the state: the workshop's reducer. Pure: returns a
 * new state and leaves the old one as it was. Events are facts already
 * checked by `decideCommand`, so they apply without further judgment.
 */
export function applyEvent(state: WorkshopState, event: WorkshopEvent): WorkshopState {
	if (event.seq <= state.seq) throw new Error(`event ${event.seq} is out of order after ${state.seq}`);
	const commands = Object.hasOwn(state.commands, event.command) ? state.commands : { ...state.commands, [event.command]: event.seq };
	const next: WorkshopState = { ...state, seq: event.seq, commands };
	switch (event.type) {
		case 'created':
			throw new Error('a workshop log has one "created" event, first');
		case 'joined':
			return { ...next, participants: { ...state.participants, [event.participant.id]: { ...event.participant, removed: false, joinedAt: event.at } } };
		case 'participantMoved': {
			const participant = state.participants[event.participant];
			return { ...next, participants: { ...state.participants, [event.participant]: { ...participant, team: event.team } }, vote: withoutBallot(state.vote, event.participant) };
		}
		case 'participantRemoved': {
			const participant = state.participants[event.participant];
			return { ...next, participants: { ...state.participants, [event.participant]: { ...participant, removed: true } }, vote: withoutBallot(state.vote, event.participant) };
		}
		case 'joiningClosed':
			return { ...next, joining: false };
		case 'joiningOpened':
			return { ...next, joining: true };
		case 'voteOpened':
			return { ...next, vote: { state: event.state, team: event.team, moves: event.moves, openedAt: event.at, ballots: {} } };
		case 'voteCast': {
			const vote = state.vote as Vote;
			return { ...next, vote: { ...vote, ballots: { ...vote.ballots, [event.participant]: { move: event.move, rationale: event.rationale, at: event.at } } } };
		}
		case 'voteClosed': {
			const vote: Vote = { ...(state.vote as Vote), closed: { at: event.at, tally: event.tally, outcome: event.outcome } };
			return { ...next, vote, votes: [...state.votes, vote], timer: pausedTimer(state.timer, event.at) };
		}
		case 'stepTaken': {
			const entry: PathEntry = { step: event.step, at: event.at, seq: event.seq, overridden: [] };
			return {
				...next,
				path: [...state.path, entry],
				vote: undefined,
				draws: event.step.draw ? state.draws + 1 : state.draws,
				timer: { seconds: state.setup.roundSeconds, elapsedMs: 0, started: false }
			};
		}
		case 'stepOverridden': {
			const old = state.path[event.index];
			const entry: PathEntry = { step: event.step, at: event.at, seq: event.seq, overridden: [...old.overridden, { step: old.step, at: old.at, rationale: event.rationale }] };
			// A tied vote waiting at the replaced step's target is moot: the path now stands elsewhere.
			return { ...next, path: state.path.map((e, i) => (i === event.index ? entry : e)), vote: undefined };
		}
		case 'stepCorrected':
			return {
				...next,
				path: state.path.slice(0, event.index),
				corrections: [...state.corrections, { entry: state.path[event.index], rationale: event.rationale, at: event.at, seq: event.seq }],
				vote: undefined
			};
		case 'injectPushed':
			return { ...next, injects: [...state.injects, { ...event.inject, at: event.at, seq: event.seq }] };
		case 'timerStarted':
			return { ...next, timer: { seconds: event.seconds, elapsedMs: 0, runningSince: event.at, started: true } };
		case 'timerPaused':
			return { ...next, timer: pausedTimer(state.timer, event.at) };
		case 'timerResumed':
			return { ...next, timer: { ...state.timer, runningSince: event.at, started: true } };
		case 'timerExtended': {
			// Extending a timer that has run out gives the extension from now, not from when it ran out.
			const left = timerRemainingMs(state.timer, event.at);
			const seconds = left < 0 ? state.timer.seconds - left / 1000 + event.seconds : state.timer.seconds + event.seconds;
			return { ...next, timer: { ...state.timer, seconds } };
		}
		case 'ended':
			return { ...next, ended: true, vote: state.vote?.closed ? state.vote : undefined, timer: pausedTimer(state.timer, event.at) };
		case 'reopened':
			return { ...next, ended: false };
	}
}

/** Folds a whole log, `created` first. Pure. */
export function foldWorkshop(events: readonly WorkshopEvent[]): WorkshopState {
	if (events.length === 0) throw new Error('an empty workshop log');
	let state = initialWorkshop(events[0]);
	for (let i = 1; i < events.length; i++) state = applyEvent(state, events[i]);
	return state;
}

/** Milliseconds left on the timer at `now` (negative once it has run out). Pure. */
export function timerRemainingMs(timer: WorkshopState['timer'], now: number): number {
	const running = timer.runningSince === undefined ? 0 : Math.max(0, now - timer.runningSince);
	return timer.seconds * 1000 - timer.elapsedMs - running;
}

function pausedTimer(timer: WorkshopState['timer'], at: number): WorkshopState['timer'] {
	if (timer.runningSince === undefined) return timer;
	return { ...timer, elapsedMs: timer.elapsedMs + Math.max(0, at - timer.runningSince), runningSince: undefined };
}

function withoutBallot(vote: Vote | undefined, participant: string): Vote | undefined {
	if (!vote || vote.closed || !(participant in vote.ballots)) return vote;
	const ballots = { ...vote.ballots };
	delete ballots[participant];
	return { ...vote, ballots };
}
