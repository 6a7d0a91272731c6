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
 * own team; everything else is the facilitator's. Pure.
 */
export function decideCommand(state: WorkshopState, command: WorkshopCommand, context: DecideContext): Decision {
	if (Object.hasOwn(state.commands, command.id)) return { ok: true, events: [], duplicateOf: state.commands[command.id] };
	const { sender } = context;
	if (FACILITATOR_ONLY.has(command.type) && sender.role !== 'facilitator') return refuse(403, 'Only the facilitator can do that.');
	if ((command.type === 'vote' || command.type === 'join') && sender.role !== 'participant') return refuse(403, 'Only a participant can do that.');
	if (state.ended && command.type !== 'reopen') return refuse(409, 'The workshop has ended; the facilitator can reopen it.');
	// A command about the path says how many steps its sender saw, so a double click or a second console
	// cannot draw or decide again at the next state.
	if (command.step !== undefined && STEP_BOUND.has(command.type) && command.step !== state.path.length) {
		return refuse(409, `The exercise has moved on since you clicked (step ${state.path.length + 1} now, not ${command.step + 1}); check and try again.`);
	}
	const decided = decide(state, command, context);
	return Array.isArray(decided) ? { ok: true, events: decided } : decided;
}

function decide(state: WorkshopState, command: WorkshopCommand, context: DecideContext): WorkshopEventBody[] | Refusal {
	const { setup } = state;
	const here = () => context.situation(walkOf(state));
	const openVote = state.vote && !state.vote.closed ? state.vote : undefined;
	switch (command.type) {
		case 'join': {
			if (!state.joining) return refuse(409, 'Joining is closed; ask the facilitator.');
			const name = checkText(command.name, { field: 'display name', max: TEXT_LIMITS.name, required: true });
			if (!name.ok) return refuse(400, name.message);
			const taken = Object.values(state.participants).some((p) => !p.removed && p.name.toLocaleLowerCase() === name.text.toLocaleLowerCase());
			if (taken) return refuse(409, `Someone here already goes by “${name.text}”; add an initial or a surname.`);
			const team = command.team === undefined || command.team === '' ? smallestTeam(state) : command.team;
			if (!setup.teams.includes(team)) return refuse(400, `There is no team "${team}" in this workshop.`);
			return [{ type: 'joined', participant: { id: command.participant, name: name.text, team } }];
		}
		case 'vote': {
			const participant = participantById(state, (context.sender as { participant: string }).participant);
			if (!participant || participant.removed) return refuse(403, 'You are not in this workshop; join again.');
			if (!openVote) return refuse(409, 'No vote is open.');
			if (participant.team !== openVote.team) return refuse(403, 'This vote is for another team.');
			if (!openVote.moves.includes(command.move)) return refuse(400, `"${command.move}" is not an option in this vote.`);
			const rationale = checkText(command.rationale, { field: 'rationale', max: TEXT_LIMITS.rationale, required: false });
			if (!rationale.ok) return refuse(400, rationale.message);
			return [{ type: 'voteCast', participant: participant.id, move: command.move, ...(rationale.text ? { rationale: rationale.text } : {}) }];
		}
		case 'openVote': {
			// A closed vote still here was tied or empty: opening again is a revote.
			if (openVote) return refuse(409, 'A vote is already open.');
			const situation = here();
			if (situation.moves.length === 0) return refuse(409, 'The exercise has reached an outcome; there is nothing to vote on.');
			const team = situation.state.actor as string;
			if (!setup.teams.includes(team)) return refuse(409, `No team plays ${actorName(context.scenario, team)}; draw or pick its move.`);
			// The round's timer starts with the vote, unless the facilitator already started it.
			const opened: WorkshopEventBody = { type: 'voteOpened', state: situation.state.id, team, moves: situation.moves.map((m) => m.move.id) };
			return state.timer.runningSince !== undefined ? [opened] : [opened, startTimer(state)];
		}
		case 'closeVote': {
			if (!openVote) return refuse(409, 'No vote is open.');
			const result = tallyVote(openVote, state.participants);
			const closed: WorkshopEventBody = { type: 'voteClosed', tally: result.tally, outcome: result.outcome };
			if (!result.winner) return [closed];
			return [closed, { type: 'stepTaken', step: stepOf(here(), result.winner, 'vote', { tally: result.tally }) }];
		}
		case 'decide': {
			if (openVote) return refuse(409, 'Close the vote first.');
			const situation = here();
			const waiting = state.vote?.closed && state.vote.closed.outcome !== 'plurality' ? state.vote : undefined;
			if (!waiting && setup.teams.includes(situation.state.actor as string)) return refuse(409, `${actorName(context.scenario, situation.state.actor as string)} is played by a team; open a vote.`);
			const problem = choiceProblem(situation, command.move) ?? rationaleProblem(command.rationale);
			if (problem) return problem;
			const how: StepHow = waiting ? (waiting.closed?.outcome === 'tie' ? 'tie-break' : 'no-votes') : 'pick';
			return [{ type: 'stepTaken', step: stepOf(situation, command.move, how, { rationale: clean(command.rationale), tally: waiting?.closed?.tally }) }];
		}
		case 'draw': {
			if (openVote || state.vote?.closed) return refuse(409, 'A team vote is in progress here.');
			const situation = here();
			if (situation.moves.length === 0) return refuse(409, 'The exercise has reached an outcome; there is nothing to draw.');
			if (setup.teams.includes(situation.state.actor as string)) return refuse(409, `${actorName(context.scenario, situation.state.actor as string)} is played by a team; open a vote.`);
			if (situation.moves.some((m) => m.probability === undefined)) return refuse(409, 'The model gives no probabilities here (a decision of the perspective); pick the move with a rationale.');
			const index = state.draws;
			const { chosen, u } = drawMove(situation.moves.map((m) => m.probability as number), { seed: setup.seed, index });
			return [{ type: 'stepTaken', step: stepOf(situation, situation.moves[chosen].move.id, 'draw', { draw: { seed: setup.seed, index, u } }) }];
		}
		case 'inject': {
			const inject = context.scenario.injects.find((j) => j.id === command.inject);
			if (!inject) return refuse(400, `The scenario has no inject "${command.inject}".`);
			if (state.injects.some((j) => j.id === inject.id)) return refuse(409, `“${inject.title}” has already been pushed.`);
			return [{ type: 'injectPushed', inject: { id: inject.id, title: inject.title, text: inject.text, citations: citedTexts(context.scenario, inject.citations) } }];
		}
		case 'injectText': {
			const title = checkText(command.title, { field: 'title', max: TEXT_LIMITS.injectTitle, required: true });
			if (!title.ok) return refuse(400, title.message);
			const text = checkText(command.text, { field: 'text', max: TEXT_LIMITS.injectText, required: true, multiline: true });
			if (!text.ok) return refuse(400, text.message);
			const inject: InjectShown = { title: title.text, text: text.text, citations: [] };
			return [{ type: 'injectPushed', inject }];
		}
		case 'override': {
			if (openVote) return refuse(409, 'Close the vote first.');
			if (state.path.length === 0) return refuse(409, 'No result to override yet.');
			const index = state.path.length - 1;
			const before = context.situation(walkOf(state).slice(0, index));
			if (command.move === state.path[index].step.move) return refuse(400, 'That is already the result; choose another move.');
			const problem = choiceProblem(before, command.move) ?? rationaleProblem(command.rationale);
			if (problem) return problem;
			return [{ type: 'stepOverridden', index, rationale: clean(command.rationale), step: stepOf(before, command.move, 'override', { rationale: clean(command.rationale) }) }];
		}
		case 'correct': {
			if (openVote) return refuse(409, 'Close the vote first.');
			if (state.path.length === 0) return refuse(409, 'No step to correct yet.');
			const problem = rationaleProblem(command.rationale);
			if (problem) return problem;
			return [{ type: 'stepCorrected', index: state.path.length - 1, rationale: clean(command.rationale) }];
		}
		case 'startTimer':
			if (state.timer.runningSince !== undefined) return refuse(409, 'The timer is already running.');
			return [startTimer(state)];
		case 'pauseTimer':
			if (state.timer.runningSince === undefined) return refuse(409, 'The timer is not running.');
			return [{ type: 'timerPaused' }];
		case 'extendTimer':
			if (!Number.isInteger(command.seconds) || command.seconds < 10 || command.seconds > 3600) return refuse(400, 'Extend by 10 to 3600 seconds.');
			return [{ type: 'timerExtended', seconds: command.seconds }];
		case 'moveParticipant': {
			const participant = participantById(state, command.participant);
			if (!participant || participant.removed) return refuse(400, 'No such participant.');
			if (!setup.teams.includes(command.team)) return refuse(400, `There is no team "${command.team}" in this workshop.`);
			if (participant.team === command.team) return refuse(400, `${participant.name} is already in that team.`);
			return [{ type: 'participantMoved', participant: participant.id, team: command.team }];
		}
		case 'removeParticipant': {
			const participant = participantById(state, command.participant);
			if (!participant || participant.removed) return refuse(400, 'No such participant.');
			return [{ type: 'participantRemoved', participant: participant.id }];
		}
		case 'closeJoining':
			return state.joining ? [{ type: 'joiningClosed' }] : refuse(409, 'Joining is already closed.');
		case 'openJoining':
			return state.joining ? refuse(409, 'Joining is already open.') : [{ type: 'joiningOpened' }];
		case 'end': {
			// An open vote is closed and counted first, so no ballot is lost.
			const closing = openVote ? decide(state, { id: command.id, type: 'closeVote' }, context) : [];
			return Array.isArray(closing) ? [...closing, { type: 'ended' }] : closing;
		}
		case 'reopen':
			return state.ended ? [{ type: 'reopened' }] : refuse(409, 'The workshop is running.');
		default:
			return refuse(400, `Unknown command "${String((command as { type: unknown }).type)}".`);
	}
}

function stepOf(situation: Situation, move: string, how: StepHow, extra: Partial<StepTaken>): StepTaken {
	const open = situation.moves.find((m) => m.move.id === move);
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

function choiceProblem(situation: Situation, move: string): Refusal | undefined {
	if (situation.moves.length === 0) return refuse(409, 'The exercise has reached an outcome; there is no move to choose.');
	if (!situation.moves.some((m) => m.move.id === move)) {
		return refuse(400, `"${move}" is not open here; choose one of ${situation.moves.map((m) => m.move.id).join(', ')}.`);
	}
	return undefined;
}

function rationaleProblem(rationale: unknown): Refusal | undefined {
	const checked = checkText(rationale, { field: 'rationale', max: TEXT_LIMITS.rationale, required: true });
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
