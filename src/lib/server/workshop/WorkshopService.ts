import { randomBytes, randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
	buildMachine,
	checkSetup,
	decideCommand,
	evaluateScenario,
	joinCodeFrom,
	parseScenario,
	type RawSetup,
	type Sender,
	type WorkshopCommand,
	type WorkshopEventBody
} from '../../core/index.js';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { LiveWorkshop, type Subscriber } from './LiveWorkshop.js';
import { loadProblemText, WorkshopLoadError, type LoadProblem } from './WorkshopLoadError.js';
import { StaleLogError, WorkshopStore } from './WorkshopStore.js';

export interface WorkshopSummary {
	id: string;
	code: string;
	title: string;
	scenarioId: string;
	createdAt: number;
	participants: number;
	steps: number;
	ended: boolean;
	complete: boolean;
	/** Why it cannot be opened, if it cannot, in the language the list was asked in. */
	problem?: string;
}

export type CommandResult = { ok: true; seq: number; duplicate: boolean } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

export type CreateResult = { ok: true; id: string; code: string; facilitatorKey: string } | { ok: false; errors: Record<string, string> };

/**
 * The workshops a server runs: creation, commands (decide → append →
 * fold → broadcast, in that order, synchronously, so commands never
 * interleave), streams and deletion. Workshops load from the database on
 * first use, so a restarted server goes on where it stopped. Refusals are
 * said in the language of the request they answer (`lang`, English by
 * default); nothing said in one language is kept for another reader.
 */
export class WorkshopService {
	readonly store: WorkshopStore;
	readonly #live = new Map<string, LiveWorkshop>();
	readonly #broken = new Map<string, LoadProblem>();
	readonly #clock: () => number;

	constructor(db: Database.Database, clock: () => number = Date.now) {
		this.store = new WorkshopStore(db);
		this.#clock = clock;
	}

	now(): number {
		return this.#clock();
	}

	/**
	 * Creates a workshop on a scenario's text as it is now, its texts in
	 * `language` where it gives them; the text is kept with the workshop.
	 * What is wrong with the form is said in `lang`.
	 */
	create(options: { scenarioId: string; scenarioYaml: string; scenarioSha256: string; raw: RawSetup; language?: string; lang?: Locale }): CreateResult {
		const lang = options.lang ?? 'en';
		const parsed = parseScenario(options.scenarioYaml, { lang: options.language });
		if (!parsed.scenario) return { ok: false, errors: { scenario: m.wsx_scenario_errors({ issue: String(parsed.issues[0]?.message) }, { locale: lang }) } };
		const model = buildMachine(parsed.scenario);
		const checked = checkSetup(model, options.raw, randomInt(0, 2 ** 31 - 1), lang);
		if (!checked.ok) return checked;
		const run = evaluateScenario(model, { overrides: checked.setup.overrides, perspective: checked.setup.perspective });
		if (!run.flat) return { ok: false, errors: { overrides: m.wsx_not_evaluable({ issue: String(run.issues[0]?.message) }, { locale: lang }) } };
		// Hexadecimal: an id is typed into command lines, where one starting with '-' would read as an option.
		const id = randomBytes(9).toString('hex');
		const facilitatorKey = randomBytes(18).toString('base64url');
		const code = this.#freshCode();
		const created: WorkshopEventBody = { type: 'created', setup: { ...checked.setup, scenarioId: options.scenarioId, scenarioSha256: options.scenarioSha256, language: parsed.scenario.language } };
		this.store.create({
			row: { id, code, facilitatorKey, title: checked.setup.title, scenarioId: options.scenarioId, scenarioSha256: options.scenarioSha256, scenarioYaml: options.scenarioYaml, createdAt: this.now() },
			created,
			sender: { role: 'facilitator' },
			command: `create-${id}`
		});
		return { ok: true, id, code, facilitatorKey };
	}

	#freshCode(): string {
		for (;;) {
			const code = joinCodeFrom(randomBytes(32));
			if (code && !this.store.byCode(code)) return code;
		}
	}

	/**
	 * The workshop in memory, loading and folding its log on first use.
	 * One that cannot be loaded (its stored scenario no longer parses or
	 * replays its path) is undefined here, with the reason in `problem`.
	 */
	get(id: string): LiveWorkshop | undefined {
		const live = this.#live.get(id);
		if (live) return live;
		if (this.#broken.has(id)) return undefined;
		const row = this.store.workshop(id);
		if (!row) return undefined;
		try {
			const loaded = new LiveWorkshop(row, this.store.events(id));
			this.#live.set(id, loaded);
			return loaded;
		} catch (error) {
			this.#broken.set(id, error instanceof WorkshopLoadError ? error.problem : { kind: 'internal', detail: error instanceof Error ? error.message : String(error) });
			return undefined;
		}
	}

	/** Why a stored workshop cannot be opened, if it cannot, said in `lang`. */
	problem(id: string, lang: Locale = 'en'): string | undefined {
		this.get(id);
		const problem = this.#broken.get(id);
		return problem && loadProblemText(problem, lang);
	}

	byCode(code: string): LiveWorkshop | undefined {
		const row = this.store.byCode(code);
		return row && this.get(row.id);
	}

	/** Every stored workshop, newest first; why one cannot be opened is said in `lang`. */
	list(lang: Locale = 'en'): WorkshopSummary[] {
		return this.store.list().map((row) => {
			const live = this.get(row.id);
			const state = live?.state;
			return {
				id: row.id,
				code: row.code,
				title: row.title,
				scenarioId: row.scenarioId,
				createdAt: row.createdAt,
				participants: state ? Object.values(state.participants).filter((p) => !p.removed).length : 0,
				steps: state?.path.length ?? 0,
				ended: state?.ended ?? false,
				complete: live ? live.situation().moves.length === 0 : false,
				problem: this.problem(row.id, lang)
			};
		});
	}

	/**
	 * Runs a command: decides it against the folded state, appends its events
	 * (committed before this returns), folds them in and sends every stream
	 * its new view. A command id seen before is answered with its first seq.
	 * A refusal is said in `lang`, the sender's language.
	 */
	execute(workshopId: string, sender: Sender, command: WorkshopCommand, lang: Locale = 'en'): CommandResult {
		const locale = { locale: lang };
		const live = this.get(workshopId);
		if (!live) {
			const problem = this.problem(workshopId, lang);
			return problem ? { ok: false, status: 409, message: m.wsx_cannot_run({ problem }, locale) } : { ok: false, status: 404, message: m.wsx_no_workshop({}, locale) };
		}
		const now = this.now();
		const decision = decideCommand(live.state, command, { sender, scenario: live.scenario, situation: live.situationAfter, now, lang });
		if (!decision.ok) return decision;
		if (decision.duplicateOf !== undefined) return { ok: true, seq: decision.duplicateOf, duplicate: true };
		if (decision.events.length === 0) return { ok: true, seq: live.state.seq, duplicate: false };
		let events;
		try {
			events = this.store.append(workshopId, decision.events, { after: live.state.seq, at: now, sender, command: command.id });
		} catch (error) {
			if (!(error instanceof StaleLogError)) throw error;
			// Another process wrote this workshop: reload from the log rather than act on a stale state.
			this.#live.delete(workshopId);
			return { ok: false, status: 409, message: m.wsx_changed_elsewhere({}, locale) };
		}
		live.apply(events);
		live.scheduleBroadcast(this.#clock);
		return { ok: true, seq: events[0].seq, duplicate: false };
	}

	subscribe(workshopId: string, subscriber: Subscriber): (() => void) | undefined {
		const live = this.get(workshopId);
		if (!live) return undefined;
		live.subscribers.add(subscriber);
		return () => live.subscribers.delete(subscriber);
	}

	/** Deletes a workshop and its log; its streams are closed. */
	remove(workshopId: string): boolean {
		const live = this.#live.get(workshopId);
		for (const subscriber of live?.subscribers ?? []) subscriber.close();
		this.#live.delete(workshopId);
		this.#broken.delete(workshopId);
		return this.store.remove(workshopId);
	}
}
