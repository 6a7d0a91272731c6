import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { drawMove } from '../machine/drawMove.js';
import type { Situation } from '../machine/situationAt.js';
import type { Scenario } from '../scenario/types.js';
import { checkText, TEXT_LIMITS } from './checkText.js';
import { citedTexts } from './citedTexts.js';
import { tallyVote } from './tallyVote.js';
import type { InjectShown, Sender, StepHow, StepTaken, WorkshopCommand, WorkshopEventBody, WorkshopState } from './types.js';
import { walkOf } from './walkOf.js';

export interface DecideContext {
	sender: Sender;
	scenario: Scenario;
	/** The situation after a walk of moves under the workshop's values (`situationAt`). */
	situation: (walk: readonly string[]) => Situation;
	/** The server's clock, for the timer. */
	now: number;
	/** The language a refusal is said in: the sender's (English by default). Events carry no text of it. */
	lang?: Locale;
}

/** Why a command was refused: 403 not allowed for the sender, 409 not now, 400 bad input. */
export type Refusal = { ok: false; status: 400 | 403 | 409; message: string };
export type Decision = { ok: true; events: WorkshopEventBody[]; duplicateOf?: number } | Refusal;

const refuse = (status: Refusal['status'], message: string): Refusal => ({ ok: false, status, message });
const STEP_BOUND = new Set<WorkshopCommand['type']>(['openVote', 'closeVote', 'decide', 'draw', 'override', 'correct']);
const FACILITATOR_ONLY = new Set<WorkshopCommand['type']>(['openVote', 'closeVote', 'decide', 'draw', 'inject', 'injectText', 'override', 'correct', 'startTimer', 'pauseTimer', 'extendTimer', 'moveParticipant', 'removeParticipant', 'closeJoining', 'openJoining', 'end', 'reopen']);

/**
 * Decides a command against the workshop's state: the events it makes, or
 * why it is refused. A command id seen before makes no new events (a retry
 * counts once). Checks who may do what: a participant only votes, for their
 * own team; everything else is the facilitator's. A refusal is said in
 * `context.lang`. Pure.
 */
export function decideCommand(state: WorkshopState, command: WorkshopCommand, context: DecideContext): Decision {
	if (Object.hasOwn(state.commands, command.id)) return { ok: true, events: [], duplicateOf: state.commands[command.id] };
	const { sender } = context;
	const locale = { locale: context.lang ?? 'en' };
	if (FACILITATOR_ONLY.has(command.type) && sender.role !== 'facilitator') return refuse(403, m.wsx_only_facilitator({}, locale));
	if ((command.type === 'vote' || command.type === 'join') && sender.role !== 'participant') return refuse(403, m.wsx_only_participant({}, locale));
	if (state.ended && command.type !== 'reopen') return refuse(409, m.wsx_ended({}, locale));
	// A command about the path says how many steps its sender saw, so a double click or a second console
	// cannot draw or decide again at the next state.
	if (command.step !== undefined && STEP_BOUND.has(command.type) && command.step !== state.path.length) {
		return refuse(409, m.wsx_moved_on({ now: state.path.length + 1, then: command.step + 1 }, locale));
	}
	const decided = decide(state, command, context);
	return Array.isArray(decided) ? { ok: true, events: decided } : decided;
}

function decide(state: WorkshopState, command: WorkshopCommand, context: DecideContext): WorkshopEventBody[] | Refusal {
	const { setup } = state;
	const lang = context.lang ?? 'en';
	const locale = { locale: lang };
	const actor = (id: string) => actorName(context.scenario, id);
	const here = () => context.situation(walkOf(state));
	const openVote = state.vote && !state.vote.closed ? state.vote : undefined;
	switch (command.type) {
		case 'join': {
			if (!state.joining) return refuse(409, m.wsx_joining_closed({}, locale));
			const name = checkText(command.name, { field: 'display name', max: TEXT_LIMITS.name, required: true, lang });
			if (!name.ok) return refuse(400, name.message);
			const taken = Object.values(state.participants).some((p) => !p.removed && p.name.toLocaleLowerCase() === name.text.toLocaleLowerCase());
			if (taken) return refuse(409, m.wsx_name_taken({ name: name.text }, locale));
			const team = command.team === undefined || command.team === '' ? smallestTeam(state) : command.team;
			if (!setup.teams.includes(team)) return refuse(400, m.wsx_no_team({ team }, locale));
			return [{ type: 'joined', participant: { id: command.participant, name: name.text, team } }];
		}
		case 'vote': {
			const participant = participantById(state, (context.sender as { participant: string }).participant);
			if (!participant || participant.removed) return refuse(403, m.wsx_not_in_workshop({}, locale));
			if (!openVote) return refuse(409, m.wsx_no_vote_open({}, locale));
			if (participant.team !== openVote.team) return refuse(403, m.wsx_other_team_vote({}, locale));
			if (!openVote.moves.includes(command.move)) return refuse(400, m.wsx_not_in_vote({ move: command.move }, locale));
			const rationale = checkText(command.rationale, { field: 'rationale', max: TEXT_LIMITS.rationale, required: false, lang });
			if (!rationale.ok) return refuse(400, rationale.message);
			return [{ type: 'voteCast', participant: participant.id, move: command.move, ...(rationale.text ? { rationale: rationale.text } : {}) }];
		}
		case 'openVote': {
			// A closed vote still here was tied or empty: opening again is a revote.
			if (openVote) return refuse(409, m.wsx_vote_already_open({}, locale));
			const situation = here();
			if (situation.moves.length === 0) return refuse(409, m.wsx_outcome_no_vote({}, locale));
			const team = situation.state.actor as string;
			if (!setup.teams.includes(team)) return refuse(409, m.wsx_no_team_plays({ actor: actor(team) }, locale));
			// The round's timer starts with the vote, unless the facilitator already started it.
			const opened: WorkshopEventBody = { type: 'voteOpened', state: situation.state.id, team, moves: situation.moves.map((open) => open.move.id) };
			return state.timer.runningSince !== undefined ? [opened] : [opened, startTimer(state)];
		}
		case 'closeVote': {
			if (!openVote) return refuse(409, m.wsx_no_vote_open({}, locale));
			const result = tallyVote(openVote, state.participants);
			const closed: WorkshopEventBody = { type: 'voteClosed', tally: result.tally, outcome: result.outcome };
			if (!result.winner) return [closed];
			return [closed, { type: 'stepTaken', step: stepOf(here(), result.winner, 'vote', { tally: result.tally }) }];
		}
		case 'decide': {
			if (openVote) return refuse(409, m.wsx_close_vote_first({}, locale));
			const situation = here();
			const waiting = state.vote?.closed && state.vote.closed.outcome !== 'plurality' ? state.vote : undefined;
			if (!waiting && setup.teams.includes(situation.state.actor as string)) return refuse(409, m.wsx_team_plays({ actor: actor(situation.state.actor as string) }, locale));
			const problem = choiceProblem(situation, command.move, lang) ?? rationaleProblem(command.rationale, lang);
			if (problem) return problem;
			const how: StepHow = waiting ? (waiting.closed?.outcome === 'tie' ? 'tie-break' : 'no-votes') : 'pick';
			return [{ type: 'stepTaken', step: stepOf(situation, command.move, how, { rationale: clean(command.rationale), tally: waiting?.closed?.tally }) }];
		}
		case 'draw': {
			if (openVote || state.vote?.closed) return refuse(409, m.wsx_vote_in_progress({}, locale));
			const situation = here();
			if (situation.moves.length === 0) return refuse(409, m.wsx_outcome_no_draw({}, locale));
			if (setup.teams.includes(situation.state.actor as string)) return refuse(409, m.wsx_team_plays({ actor: actor(situation.state.actor as string) }, locale));
			if (situation.moves.some((open) => open.probability === undefined)) return refuse(409, m.wsx_no_probabilities({}, locale));
			const index = state.draws;
			const { chosen, u } = drawMove(situation.moves.map((open) => open.probability as number), { seed: setup.seed, index });
			return [{ type: 'stepTaken', step: stepOf(situation, situation.moves[chosen].move.id, 'draw', { draw: { seed: setup.seed, index, u } }) }];
		}
		case 'inject': {
			const inject = context.scenario.injects.find((j) => j.id === command.inject);
			if (!inject) return refuse(400, m.wsx_no_inject({ inject: command.inject }, locale));
			if (state.injects.some((j) => j.id === inject.id)) return refuse(409, m.wsx_inject_pushed({ title: inject.title }, locale));
			return [{ type: 'injectPushed', inject: { id: inject.id, title: inject.title, text: inject.text, citations: citedTexts(context.scenario, inject.citations) } }];
		}
		case 'injectText': {
			const title = checkText(command.title, { field: 'title', max: TEXT_LIMITS.injectTitle, required: true, lang });
			if (!title.ok) return refuse(400, title.message);
			const text = checkText(command.text, { field: 'text', max: TEXT_LIMITS.injectText, required: true, multiline: true, lang });
			if (!text.ok) return refuse(400, text.message);
			const inject: InjectShown = { title: title.text, text: text.text, citations: [] };
			return [{ type: 'injectPushed', inject }];
		}
		case 'override': {
			if (openVote) return refuse(409, m.wsx_close_vote_first({}, locale));
			if (state.path.length === 0) return refuse(409, m.wsx_nothing_to_override({}, locale));
			const index = state.path.length - 1;
			const before = context.situation(walkOf(state).slice(0, index));
			if (command.move === state.path[index].step.move) return refuse(400, m.wsx_already_result({}, locale));
			const problem = choiceProblem(before, command.move, lang) ?? rationaleProblem(command.rationale, lang);
			if (problem) return problem;
			return [{ type: 'stepOverridden', index, rationale: clean(command.rationale), step: stepOf(before, command.move, 'override', { rationale: clean(command.rationale) }) }];
		}
		case 'correct': {
			if (openVote) return refuse(409, m.wsx_close_vote_first({}, locale));
			if (state.path.length === 0) return refuse(409, m.wsx_nothing_to_correct({}, locale));
			const problem = rationaleProblem(command.rationale, lang);
			if (problem) return problem;
			return [{ type: 'stepCorrected', index: state.path.length - 1, rationale: clean(command.rationale) }];
		}
		case 'startTimer':
			if (state.timer.runningSince !== undefined) return refuse(409, m.wsx_timer_running({}, locale));
			return [startTimer(state)];
		case 'pauseTimer':
			if (state.timer.runningSince === undefined) return refuse(409, m.wsx_timer_stopped({}, locale));
			return [{ type: 'timerPaused' }];
		case 'extendTimer':
			if (!Number.isInteger(command.seconds) || command.seconds < 10 || command.seconds > 3600) return refuse(400, m.wsx_extend_range({}, locale));
			return [{ type: 'timerExtended', seconds: command.seconds }];
		case 'moveParticipant': {
			const participant = participantById(state, command.participant);
			if (!participant || participant.removed) return refuse(400, m.wsx_no_participant({}, locale));
			if (!setup.teams.includes(command.team)) return refuse(400, m.wsx_no_team({ team: command.team }, locale));
			if (participant.team === command.team) return refuse(400, m.wsx_already_in_team({ name: participant.name }, locale));
			return [{ type: 'participantMoved', participant: participant.id, team: command.team }];
		}
		case 'removeParticipant': {
			const participant = participantById(state, command.participant);
			if (!participant || participant.removed) return refuse(400, m.wsx_no_participant({}, locale));
			return [{ type: 'participantRemoved', participant: participant.id }];
		}
		case 'closeJoining':
			return state.joining ? [{ type: 'joiningClosed' }] : refuse(409, m.wsx_joining_already_closed({}, locale));
		case 'openJoining':
			return state.joining ? refuse(409, m.wsx_joining_already_open({}, locale)) : [{ type: 'joiningOpened' }];
		case 'end': {
			// An open vote is closed and counted first, so no ballot is lost.
			const closing = openVote ? decide(state, { id: command.id, type: 'closeVote' }, context) : [];
			return Array.isArray(closing) ? [...closing, { type: 'ended' }] : closing;
		}
		case 'reopen':
			return state.ended ? [{ type: 'reopened' }] : refuse(409, m.wsx_running({}, locale));
		default:
			return refuse(400, m.wsx_unknown_command({ type: String((command as { type: unknown }).type) }, locale));
	}
}

function stepOf(situation: Situation, move: string, how: StepHow, extra: Partial<StepTaken>): StepTaken {
	const open = situation.moves.find((o) => o.move.id === move);
	if (!open) throw new Error(`stepOf: move "${move}" is not open in "${situation.state.id}"`);
	const step: StepTaken = {
		state: situation.state.id,
		stateLabel: situation.state.label,
		actor: situation.state.actor as string,
		move,
		moveLabel: open.move.label,
		target: open.move.target,
		how,
		...(open.probability !== undefined ? { probability: open.probability } : {})
	};
	for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') (step as unknown as Record<string, unknown>)[key] = value;
	return step;
}

/** Resumes a paused timer with time left; otherwise starts it afresh (with any minutes added before it started). */
function startTimer(state: WorkshopState): WorkshopEventBody {
	const { timer } = state;
	if (!timer.started) return { type: 'timerStarted', seconds: timer.seconds };
	return timer.seconds * 1000 - timer.elapsedMs > 0 ? { type: 'timerResumed' } : { type: 'timerStarted', seconds: state.setup.roundSeconds };
}

function participantById(state: WorkshopState, id: unknown) {
	return typeof id === 'string' && Object.hasOwn(state.participants, id) ? state.participants[id] : undefined;
}

function choiceProblem(situation: Situation, move: string, lang: Locale): Refusal | undefined {
	const locale = { locale: lang };
	if (situation.moves.length === 0) return refuse(409, m.wsx_outcome_no_move({}, locale));
	if (!situation.moves.some((open) => open.move.id === move)) {
		return refuse(400, m.wsx_not_open_here({ move, moves: situation.moves.map((open) => open.move.id).join(m.ws_separator({}, locale)) }, locale));
	}
	return undefined;
}

function rationaleProblem(rationale: unknown, lang: Locale): Refusal | undefined {
	const checked = checkText(rationale, { field: 'rationale', max: TEXT_LIMITS.rationale, required: true, lang });
	return checked.ok ? undefined : refuse(400, checked.message);
}

const clean = (text: string) => text.normalize('NFC').trim();

function smallestTeam(state: WorkshopState): string {
	const size = (team: string) => Object.values(state.participants).filter((p) => !p.removed && p.team === team).length;
	return state.setup.teams.reduce((best, team) => (size(team) < size(best) ? team : best));
}

function actorName(scenario: Scenario, id: string): string {
	return scenario.actors.find((a) => a.id === id)?.name ?? id;
}
