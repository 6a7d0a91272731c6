import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendDurably, syncFolder, writeDurably } from './durableWrite.js';

/**
 * A scenario's saved versions, kept beside it:
 *
 * ```
 * scenarios/<id>/.history/
 *   000001-3f2a9c1b07de.yaml    version 1's bytes: <seq, 6 digits>-<first 12 hex of its SHA-256>
 *   000002-…yaml
 *   index.jsonl                 one JSON line per version, in order (VersionEntry)
 * ```
 *
 * Every version written through the store is recorded, the current one
 * included, so any two can be compared; a file changed outside the store
 * is recorded as `found` before it is replaced. A version's file is written
 * before its index line, so a crash between the two leaves an unlisted file
 * whose number is never reused; a torn last index line is skipped.
 */
export const HISTORY_FOLDER = '.history';
const INDEX = 'index.jsonl';

/** How a version came to be. */
export type VersionKind = 'create' | 'save' | 'restore' | 'found';

export interface VersionEntry {
	seq: number;
	/** When it was stored, ISO 8601 (UTC). */
	time: string;
	/** Bytes. */
	size: number;
	/** SHA-256 of its bytes, hex. */
	sha256: string;
	valid: boolean;
	/** The first error, `line:column message`, when it is not valid. */
	firstError?: string;
	kind: VersionKind;
	/** The version a restore brought back. */
	restoredFrom?: number;
	/** Its file in the history folder. */
	file: string;
}

const VERSION_FILE = /^(\d{6,})-[0-9a-f]{12}\.yaml$/;

function isEntry(value: unknown): value is VersionEntry {
	const v = value as VersionEntry;
	return value !== null && typeof value === 'object' && Number.isInteger(v.seq) && typeof v.sha256 === 'string' && typeof v.file === 'string' && VERSION_FILE.test(v.file);
}

/** The versions recorded for a scenario folder, oldest first. */
export function readHistory(scenarioDir: string): VersionEntry[] {
	const index = join(scenarioDir, HISTORY_FOLDER, INDEX);
	if (!existsSync(index)) return [];
	const entries: VersionEntry[] = [];
	for (const line of readFileSync(index, 'utf8').split('\n')) {
		if (line.trim() === '') continue;
		try {
			const entry: unknown = JSON.parse(line);
			if (isEntry(entry)) entries.push(entry);
		} catch {
			// A line torn by a crash: the version it named was never acknowledged.
		}
	}
	return entries.sort((a, b) => a.seq - b.seq);
}

/** The bytes of a recorded version, or undefined. */
export function readVersion(scenarioDir: string, seq: number): Buffer | undefined {
	const entry = readHistory(scenarioDir).find((e) => e.seq === seq);
	const file = entry && join(scenarioDir, HISTORY_FOLDER, entry.file);
	return file && existsSync(file) ? readFileSync(file) : undefined;
}

/** The next version number: past every index line and every version file, listed or not. */
function nextSeq(folder: string, entries: VersionEntry[]): number {
	const onDisk = existsSync(folder) ? readdirSync(folder).map((name) => Number(VERSION_FILE.exec(name)?.[1] ?? 0)) : [];
	return Math.max(0, ...entries.map((e) => e.seq), ...onDisk) + 1;
}

/** Stores a version's bytes and its index line, both synced to disk; returns its entry. */
export function recordVersion(scenarioDir: string, version: Omit<VersionEntry, 'seq' | 'file'> & { bytes: Uint8Array }): VersionEntry {
	const folder = join(scenarioDir, HISTORY_FOLDER);
	if (!existsSync(folder)) {
		mkdirSync(folder);
		syncFolder(scenarioDir);
	}
	const { bytes, ...fields } = version;
	const seq = nextSeq(folder, readHistory(scenarioDir));
	const entry: VersionEntry = { seq, ...fields, file: `${String(seq).padStart(6, '0')}-${fields.sha256.slice(0, 12)}.yaml` };
	writeDurably(join(folder, entry.file), bytes);
	// After a torn line, start a new one, so this entry is not glued to it and lost too.
	const index = join(folder, INDEX);
	const written = existsSync(index) ? readFileSync(index) : Buffer.alloc(0);
	const torn = written.length > 0 && written[written.length - 1] !== 0x0a;
	appendDurably(index, Buffer.from(`${torn ? '\n' : ''}${JSON.stringify(entry)}\n`));
	return entry;
}
