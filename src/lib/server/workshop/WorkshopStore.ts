import type Database from 'better-sqlite3';
import type { Sender, WorkshopEvent, WorkshopEventBody } from '../../core/index.js';

export interface WorkshopRow {
	id: string;
	code: string;
	facilitatorKey: string;
	title: string;
	scenarioId: string;
	scenarioSha256: string;
	scenarioYaml: string;
	createdAt: number;
}

interface RawRow {
	id: string;
	code: string;
	facilitator_key: string;
	title: string;
	scenario_id: string;
	scenario_sha256: string;
	scenario_yaml: string;
	created_at: number;
}

interface RawEvent {
	seq: number;
	at: number;
	command: string;
	sender: string;
	body: string;
}

const toRow = (r: RawRow): WorkshopRow => ({
	id: r.id,
	code: r.code,
	facilitatorKey: r.facilitator_key,
	title: r.title,
	scenarioId: r.scenario_id,
	scenarioSha256: r.scenario_sha256,
	scenarioYaml: r.scenario_yaml,
	createdAt: r.created_at
});

const toEvent = (r: RawEvent): WorkshopEvent => ({ ...(JSON.parse(r.body) as WorkshopEventBody), seq: r.seq, at: r.at, command: r.command, by: JSON.parse(r.sender) as Sender });

/** The log grew under a writer's feet: another process is writing the same workshop. */
export class StaleLogError extends Error {
	constructor(workshopId: string, expected: number, found: number) {
		super(`workshop ${workshopId}: its log is at ${found}, not ${expected}; another server is writing to the same data folder`);
	}
}

/**
 * Workshops and their append-only event logs in SQLite. Every write is one
 * transaction; `append` returns only after the commit, so an acknowledged
 * command is on disk.
 */
export class WorkshopStore {
	readonly #db: Database.Database;
	readonly #statements;

	constructor(db: Database.Database) {
		this.#db = db;
		this.#statements = {
			insertWorkshop: db.prepare(
				'INSERT INTO workshops (id, code, facilitator_key, title, scenario_id, scenario_sha256, scenario_yaml, created_at) VALUES (@id, @code, @facilitatorKey, @title, @scenarioId, @scenarioSha256, @scenarioYaml, @createdAt)'
			),
			insertEvent: db.prepare('INSERT INTO events (workshop_id, seq, at, command, sender, body) VALUES (?, ?, ?, ?, ?, ?)'),
			workshop: db.prepare('SELECT * FROM workshops WHERE id = ?'),
			byCode: db.prepare('SELECT * FROM workshops WHERE code = ?'),
			list: db.prepare('SELECT id, code, facilitator_key, title, scenario_id, scenario_sha256, \'\' AS scenario_yaml, created_at FROM workshops ORDER BY created_at DESC'),
			events: db.prepare('SELECT seq, at, command, sender, body FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq'),
			lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE workshop_id = ?'),
			remove: db.prepare('DELETE FROM workshops WHERE id = ?')
		};
	}

	/** Creates a workshop with its first event, in one transaction. */
	create(options: { row: WorkshopRow; created: WorkshopEventBody; sender: Sender; command: string }): WorkshopEvent {
		const { row, created, sender, command } = options;
		return this.#db.transaction(() => {
			this.#statements.insertWorkshop.run(row);
			return this.#insert(row.id, 1, row.createdAt, command, sender, created);
		})();
	}

	/** The event at `seq`, if any. */
	event(workshopId: string, seq: number): WorkshopEvent | undefined {
		return this.events(workshopId, seq - 1).find((e) => e.seq === seq);
	}

	/**
	 * Appends the events one command made, with the next sequence numbers, in
	 * one transaction; returns them once committed. `after` is the last seq
	 * the caller decided on: if the log has grown since (another process on
	 * the same database), nothing is written and this throws.
	 */
	append(workshopId: string, bodies: readonly WorkshopEventBody[], options: { after: number; at: number; sender: Sender; command: string }): WorkshopEvent[] {
		return this.#db.transaction(() => {
			let seq = (this.#statements.lastSeq.get(workshopId) as { seq: number }).seq;
			if (seq !== options.after) throw new StaleLogError(workshopId, options.after, seq);
			return bodies.map((body) => this.#insert(workshopId, ++seq, options.at, options.command, options.sender, body));
		}).immediate();
	}

	#insert(workshopId: string, seq: number, at: number, command: string, sender: Sender, body: WorkshopEventBody): WorkshopEvent {
		this.#statements.insertEvent.run(workshopId, seq, at, command, JSON.stringify(sender), JSON.stringify(body));
		return { ...body, seq, at, command, by: sender } as WorkshopEvent;
	}

	workshop(id: string): WorkshopRow | undefined {
		const raw = this.#statements.workshop.get(id) as RawRow | undefined;
		return raw && toRow(raw);
	}

	byCode(code: string): WorkshopRow | undefined {
		const raw = this.#statements.byCode.get(code) as RawRow | undefined;
		return raw && toRow(raw);
	}

	/** Every workshop, newest first, without its scenario text. */
	list(): WorkshopRow[] {
		return (this.#statements.list.all() as RawRow[]).map(toRow);
	}

	/** The log after `afterSeq`, in order. */
	events(workshopId: string, afterSeq = 0): WorkshopEvent[] {
		return (this.#statements.events.all(workshopId, afterSeq) as RawEvent[]).map(toEvent);
	}

	/** Deletes a workshop and its log. */
	remove(id: string): boolean {
		return this.#statements.remove.run(id).changes > 0;
	}
}
