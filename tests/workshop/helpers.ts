import { readFileSync } from 'node:fs';
import {
	applyEvent,
	buildMachine,
	decideCommand,
	foldWorkshop,
	initialWorkshop,
	parseScenario,
	resolveValues,
	situationAt,
	type Decision,
	type Scenario,
	type ScenarioModel,
	type Sender,
	type Situation,
	type WorkshopCommand,
	type WorkshopEvent,
	type WorkshopSetup,
	type WorkshopState
} from '../../src/lib/core/index.js';
import type { Locale } from '../../src/lib/paraglide/runtime.js';
import { SHIPPED_FILE } from '../helpers/scenarios.js';

/**
 * A hand-checkable scenario: team "blue" chooses A, B or C; nature answers
 * with X (p = 0.3) or Y (0.7); team "red" then chooses R1 or R2; "green"
 * (an actor no team plays in most tests) chooses G1 or G2 after Y.
 */
export const TINY_YAML = `
id: tiny
title: Tiny workshop scenario
description: For workshop unit tests.
asOf: 2024-07-04
perspective: blue
sources:
  - { id: src, file: none.txt, title: A source, publisher: A publisher, date: 2024-07-01 }
actors:
  - { id: blue, name: Blue team, citations: [c1] }
  - { id: red, name: Red team, citations: [c1] }
  - { id: green, name: Green side, citations: [c1] }
  - { id: nature, name: Nature, kind: nature, citations: [c1] }
assumptions:
  - { id: p_x, label: Chance of X, kind: probability, default: 0.3, min: 0, max: 1, citations: [c1], judgment: true }
criteria:
  - { id: gain, label: Gain, direction: max, unit: points, weight: 1, judgment: true }
citations:
  - { id: c1, source: src, excerpt: an excerpt, gloss: a gloss }
injects:
  - { id: inj-news, title: News arrives, text: Something happened., state: start, citations: [c1] }
machine:
  id: tiny
  initial: start
  states:
    start:
      meta: { actor: blue, label: Blue chooses, citations: [c1] }
      on:
        A: { target: chance, meta: { label: Move A, citations: [c1] } }
        B: { target: chance, meta: { label: Move B, citations: [c1] } }
        C: { target: chance, meta: { label: Move C, citations: [c1] } }
    chance:
      meta: { actor: nature, label: Nature answers, citations: [c1] }
      on:
        X: { target: redTurn, meta: { label: Outcome X, probability: p_x, citations: [c1] } }
        Y: { target: greenTurn, meta: { label: Outcome Y, probability: 1 - p_x, citations: [c1] } }
    redTurn:
      meta: { actor: red, label: Red chooses, citations: [c1] }
      on:
        R1: { target: endOne, meta: { label: Red one, citations: [c1] } }
        R2: { target: endTwo, meta: { label: Red two, citations: [c1] } }
    greenTurn:
      meta: { actor: green, label: Green chooses, citations: [c1] }
      on:
        G1: { target: endOne, meta: { label: Green one, citations: [c1] } }
        G2: { target: endTwo, meta: { label: Green two, citations: [c1] } }
    endOne:
      type: final
      meta: { label: End one, payoffs: { gain: "1" }, citations: [c1] }
    endTwo:
      type: final
      meta: { label: End two, payoffs: { gain: "2" }, citations: [c1] }
`;

export function parseOrThrow(text: string): Scenario {
	const result = parseScenario(text);
	if (!result.scenario) throw new Error(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
	return result.scenario;
}

export const tinyModel = (): ScenarioModel => buildMachine(parseOrThrow(TINY_YAML));
export const shippedModel = (): ScenarioModel => buildMachine(parseOrThrow(readFileSync(SHIPPED_FILE, 'utf8')));

/** A setup for `model` at its default values; blue and red are teams unless `overrides` say otherwise. */
export function setupFor(model: ScenarioModel, overrides: Partial<WorkshopSetup> = {}): WorkshopSetup {
	return {
		title: 'Test workshop',
		scenarioId: model.scenario.id,
		scenarioSha256: '0'.repeat(64),
		overrides: {},
		perspective: model.scenario.perspective,
		values: { ...resolveValues(model.scenario, model.book) },
		teams: ['blue', 'red'],
		others: 'draw',
		seed: 42,
		roundSeconds: 300,
		...overrides
	};
}

export const T0 = 1_700_000_000_000;
export const FACILITATOR: Sender = { role: 'facilitator' };
export const as = (participant: string): Sender => ({ role: 'participant', participant });

/** A command without its id: the harness numbers it unless one is given. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandInput = DistributiveOmit<WorkshopCommand, 'id'> & { id?: string };

export interface Harness {
	model: ScenarioModel;
	/** Every event appended, `created` first. */
	log: WorkshopEvent[];
	/** The state built one event at a time with `applyEvent`. */
	state: WorkshopState;
	/** The fake clock, in epoch ms; only `tick` moves it. */
	now: number;
	tick(ms: number): void;
	/** Decides a command at the clock's time and appends the events it makes; a refusal is said in `lang`. */
	send(sender: Sender, command: CommandInput, lang?: Locale): Decision;
	/** Like `send`, but fails the test if the command is refused. */
	ok(sender: Sender, command: CommandInput): WorkshopEvent[];
	/** Joins participant `id` (named `id` unless `name` is given). */
	join(id: string, team?: string, name?: string): Decision;
	/** Where the played path stands now (or after `walk`). */
	situation(walk?: readonly string[]): Situation;
}

export function startWorkshop(options: { model?: ScenarioModel; setup?: Partial<WorkshopSetup> } = {}): Harness {
	const model = options.model ?? tinyModel();
	const setup = setupFor(model, options.setup);
	const created: WorkshopEvent = { type: 'created', setup, seq: 1, at: T0, by: { role: 'system' }, command: 'create' };
	let commandCount = 0;
	const situationFor = (walk: readonly string[]) => situationAt(model, { values: setup.values, perspective: setup.perspective, walk });
	const harness: Harness = {
		model,
		log: [created],
		state: initialWorkshop(created),
		now: T0,
		tick(ms) {
			harness.now += ms;
		},
		send(sender, input, lang) {
			const command = { ...input, id: input.id ?? `cmd-${++commandCount}` } as WorkshopCommand;
			const decision = decideCommand(harness.state, command, { sender, scenario: model.scenario, situation: situationFor, now: harness.now, lang });
			if (!decision.ok) return decision;
			for (const body of decision.events) {
				const event = { ...body, seq: harness.state.seq + 1, at: harness.now, by: sender, command: command.id } as WorkshopEvent;
				harness.log.push(event);
				harness.state = applyEvent(harness.state, event);
			}
			return decision;
		},
		ok(sender, input) {
			const before = harness.log.length;
			const decision = harness.send(sender, input);
			if (!decision.ok) throw new Error(`refused ${decision.status}: ${decision.message}`);
			return harness.log.slice(before);
		},
		join(id, team, name) {
			return harness.send(as(id), { type: 'join', participant: id, name: name ?? id, team });
		},
		situation(walk) {
			return situationFor(walk ?? harness.state.path.map((e) => e.step.move));
		}
	};
	return harness;
}

/** Folds the harness's whole log: must equal the state built one event at a time. */
export const refold = (h: Harness): WorkshopState => foldWorkshop(h.log);

/** Blue team members b1, b2, b3 and red team members r1, r2. */
export function withTeams(options: Parameters<typeof startWorkshop>[0] = {}): Harness {
	const h = startWorkshop(options);
	for (const id of ['b1', 'b2', 'b3']) h.join(id, 'blue');
	for (const id of ['r1', 'r2']) h.join(id, 'red');
	return h;
}

/** Votes `ballots` (participant → move) in an opened vote and closes it. */
export function runVote(h: Harness, ballots: Record<string, string>): Decision {
	h.ok(FACILITATOR, { type: 'openVote' });
	for (const [participant, move] of Object.entries(ballots)) h.ok(as(participant), { type: 'vote', move });
	return h.send(FACILITATOR, { type: 'closeVote' });
}
