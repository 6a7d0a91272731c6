import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where workshops are kept: `BRANCHPOINT_DATA`, else `./data` (ignored by git). */
export const DATA_DIR = resolve(process.env.BRANCHPOINT_DATA ?? 'data');

/**
 * Schema migrations in order; `PRAGMA user_version` records how many ran.
 * Append, never edit: a database made by an older build upgrades in place.
 */
const MIGRATIONS: string[] = [
	`CREATE TABLE workshops (
		id TEXT PRIMARY KEY,
		code TEXT NOT NULL UNIQUE,
		facilitator_key TEXT NOT NULL,
		title TEXT NOT NULL,
		scenario_id TEXT NOT NULL,
		scenario_sha256 TEXT NOT NULL,
		scenario_yaml TEXT NOT NULL,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE events (
		workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		at INTEGER NOT NULL,
		command TEXT NOT NULL,
		sender TEXT NOT NULL,
		body TEXT NOT NULL,
		PRIMARY KEY (workshop_id, seq)
	) WITHOUT ROWID;
	CREATE INDEX events_command ON events (workshop_id, command);`
];

/**
 * Opens (creating if need be) the workshop database: WAL with
 * `synchronous=FULL`, so a committed event survives a crash of the process
 * or the machine; foreign keys on; migrations applied in one transaction.
 */
export function openDatabase(dir = DATA_DIR): Database.Database {
	mkdirSync(dir, { recursive: true });
	const db = new Database(join(dir, 'workshops.sqlite'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

export function migrate(db: Database.Database): void {
	const version = db.pragma('user_version', { simple: true }) as number;
	if (version > MIGRATIONS.length) throw new Error(`the workshop database is from a newer Branchpoint (schema ${version}, this build knows ${MIGRATIONS.length})`);
	db.transaction(() => {
		for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
		db.pragma(`user_version = ${MIGRATIONS.length}`);
	})();
}
