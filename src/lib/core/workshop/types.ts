/**
 * A workshop (a live tabletop exercise on a scenario) as an append-only log
 * of events. Commands come from people; `decideCommand` turns an allowed
 * command into events; `foldWorkshop` folds events into the state every
 * view reads. Plain serialisable data throughout.
 */
import type { AssumptionValue } from '../scenario/types.js';

/** How actors that no team plays move: by the model's probabilities, or by the facilitator's pick. */
export type OthersMode = 'draw' | 'facilitator';

/** What a workshop is run on, fixed when it is created. */
export interface WorkshopSetup {
	title: string;
	scenarioId: string;
	/** SHA-256 of the scenario file the workshop runs on. */
	scenarioSha256: string;
	/** Assumption overrides carried from the what-if. */
	overrides: Record<string, AssumptionValue>;
	preset?: string;
	perspective: string;
	/** Every assumption and derived value in force, as formulas read them. */
	values: Record<string, number>;
	/** Actor ids played by teams. */
	teams: string[];
	others: OthersMode;
	/** Seed of the chance draws: draw n uses the generator seeded from (seed, n). */
	seed: number;
	/** Default length of a round's timer. */
	roundSeconds: number;
	/**
	 * The language the scenario's texts are shown in, on every screen of the
	 * workshop: the facilitator's when creating it. Absent (older
	 * workshops): the scenario's own.
	 */
	language?: string;
}

/** Who sent a command, as the server established it. */
export type Sender = { role: 'facilitator' } | { role: 'participant'; participant: string } | { role: 'system' };

export interface CitedText {
	excerpt: string;
	/** Absent when the excerpt is already in the reader's language. */
	gloss?: string;
	source: string;
	/** The source's language tag ("ja"), for quotation marks and the `lang` attribute. */
	language?: string;
}

/** How a step's move was decided. */
export type StepHow =
	| 'vote' // the plurality of the team's votes
	| 'tie-break' // a tied vote, decided by the facilitator
	| 'no-votes' // nobody voted, decided by the facilitator
	| 'draw' // drawn with the model's probabilities
	| 'pick' // chosen by the facilitator for an actor no team plays
	| 'override'; // the facilitator replaced an earlier result

/** A move taken on the played path, with what was in force when it was taken. */
export interface StepTaken {
	state: string;
	stateLabel: string;
	actor: string;
	move: string;
	moveLabel: string;
	target: string;
	how: StepHow;
	/** The move's probability under the workshop's values, where the model gives one. */
	probability?: number;
	rationale?: string;
	/** Draws: the generator's seed, the draw's index and the uniform number it gave. */
	draw?: { seed: number; index: number; u: number };
	/** Votes: the count per move when the vote closed. */
	tally?: Record<string, number>;
}

export interface InjectShown {
	/** The scenario's inject id, or undefined for a free-text inject. */
	id?: string;
	title: string;
	text: string;
	citations: CitedText[];
}

export interface ParticipantInfo {
	id: string;
	name: string;
	team: string;
}

/** An event's payload, by type. */
export type WorkshopEventBody =
	| { type: 'created'; setup: WorkshopSetup }
	| { type: 'joined'; participant: ParticipantInfo }
	| { type: 'participantMoved'; participant: string; team: string }
	| { type: 'participantRemoved'; participant: string }
	| { type: 'joiningClosed' }
	| { type: 'joiningOpened' }
	| { type: 'voteOpened'; state: string; team: string; moves: string[] }
	| { type: 'voteCast'; participant: string; move: string; rationale?: string }
	| { type: 'voteClosed'; tally: Record<string, number>; outcome: 'plurality' | 'tie' | 'no-votes' }
	| { type: 'stepTaken'; step: StepTaken }
	| { type: 'stepOverridden'; index: number; step: StepTaken; rationale: string }
	| { type: 'stepCorrected'; index: number; rationale: string }
	| { type: 'injectPushed'; inject: InjectShown }
	| { type: 'timerStarted'; seconds: number }
	| { type: 'timerPaused' }
	| { type: 'timerResumed' }
	| { type: 'timerExtended'; seconds: number }
	| { type: 'ended' }
	| { type: 'reopened' };

/** An event as stored: its place in the log, when, who, and which command made it. */
export type WorkshopEvent = WorkshopEventBody & {
	seq: number;
	/** Milliseconds since the epoch, the server's clock at append. */
	at: number;
	by: Sender;
	command: string;
};

/**
 * What people ask for; `id` is made by the client, so a retry counts once.
 * `step`, where given, is the number of steps the sender saw played: a
 * command about the path is refused once the path has moved on.
 */
export type WorkshopCommand = { id: string; step?: number } & (
	| { type: 'join'; participant: string; name: string; team?: string }
	| { type: 'vote'; move: string; rationale?: string }
	| { type: 'openVote' }
	| { type: 'closeVote' }
	| { type: 'decide'; move: string; rationale: string }
	| { type: 'draw' }
	| { type: 'inject'; inject: string }
	| { type: 'injectText'; title: string; text: string }
	| { type: 'override'; move: string; rationale: string }
	| { type: 'correct'; rationale: string }
	| { type: 'startTimer' }
	| { type: 'pauseTimer' }
	| { type: 'extendTimer'; seconds: number }
	| { type: 'moveParticipant'; participant: string; team: string }
	| { type: 'removeParticipant'; participant: string }
	| { type: 'closeJoining' }
	| { type: 'openJoining' }
	| { type: 'end' }
	| { type: 'reopen' }
);

export interface Ballot {
	move: string;
	rationale?: string;
	at: number;
}

export interface Vote {
	state: string;
	team: string;
	moves: string[];
	openedAt: number;
	/** Participant id → ballot; a changed vote replaces the earlier one. */
	ballots: Record<string, Ballot>;
	closed?: { at: number; tally: Record<string, number>; outcome: 'plurality' | 'tie' | 'no-votes' };
}

export interface Timer {
	seconds: number;
	/** Epoch ms when it last started running, or undefined when paused or not started. */
	runningSince?: number;
	/** Milliseconds run before `runningSince`. */
	elapsedMs: number;
	started: boolean;
}

export interface Participant extends ParticipantInfo {
	removed: boolean;
	joinedAt: number;
}

/** One entry of the played path: the step in force, with the steps it replaced. */
export interface PathEntry {
	step: StepTaken;
	at: number;
	seq: number;
	/** Earlier results of this step that the facilitator overrode. */
	overridden: { step: StepTaken; at: number; rationale: string }[];
}

export interface Correction {
	/** The step that was taken back. */
	entry: PathEntry;
	rationale: string;
	at: number;
	seq: number;
}

export interface WorkshopState {
	setup: WorkshopSetup;
	/** Seq of the last event folded. */
	seq: number;
	createdAt: number;
	joining: boolean;
	participants: Record<string, Participant>;
	path: PathEntry[];
	corrections: Correction[];
	/** The current or last vote; a closed vote stays until the next step. */
	vote?: Vote;
	/** Every vote that closed, in order, with its ballots (for the review). */
	votes: Vote[];
	injects: (InjectShown & { at: number; seq: number })[];
	timer: Timer;
	/** How many chance draws were made, corrected ones included: the next draw's index. */
	draws: number;
	ended: boolean;
	/** Command id → seq of the first event it made: a retried command is answered from here. */
	commands: Record<string, number>;
}
