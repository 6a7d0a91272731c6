import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseScenario, verifyCitations, type CitationCheck, type Issue, type Scenario } from '../core/index.js';
import type { Locale } from '../paraglide/runtime.js';
import { checkSourceUpload, type SourceEntry, type SourceUpload } from './checkSourceUpload.js';
import { syncFolder, writeDurably } from './durableWrite.js';
import { refusal, type Refusal } from './editRefusal.js';
import { etagOf, ifMatchState, sha256 } from './etag.js';
import { isScenarioId, isSourceFileName } from './scenarioId.js';
import { readSources, SCENARIOS_DIR, SHARED_SOURCES_DIR } from './scenarioFiles.js';
import { readHistory, readVersion, recordVersion, type VersionEntry, type VersionKind } from './scenarioHistory.js';
import { scenarioStatus } from './scenarioStatus.js';
import { scenarioTemplate } from './scenarioTemplate.js';
import { withIdAndTitle } from './withIdAndTitle.js';

/** The largest scenario file saved from the browser, in bytes (the parser reads up to 1 MiB). */
export const SCENARIO_MAX_BYTES = 512 * 1024;

const FILE = 'scenario.yaml';
const SOURCES = 'sources';

/** What a save, a restore or a creation answers. */
export interface Saved {
	ok: true;
	/** The new version's ETag, for the next save's If-Match. */
	etag: string;
	/** False for a draft: stored, but it does not validate (the library marks it invalid). */
	valid: boolean;
	/** The parser's and the run's issues, errors and warnings, as the workbench shows them. */
	issues: Issue[];
	firstError?: string;
	/**
	 * The citation verifier's result against the scenario's sources (its own
	 * sources/ folder, else the shared one); null when neither is there or
	 * the text does not parse.
	 */
	citations: CitationCheck[] | null;
	/** The version this made in the history; absent when the text was the current one already. */
	seq?: number;
}

/** A version as the history lists it. */
export interface VersionView extends Omit<VersionEntry, 'file'> {
	etag: string;
	/** The file holds this version now. */
	current: boolean;
}

export type CreateFrom = { from: 'template'; title?: string } | { from: 'copy'; of: string; title?: string } | { from: 'text'; text: string };

export interface SourceAdded {
	ok: true;
	/** The entry to add under the scenario's `sources:`. */
	source: SourceEntry;
	/** The same entry as YAML, indented to paste under `sources:`. */
	yaml: string;
	/** The same text was already there under that name. */
	existed: boolean;
}

interface StoreOptions {
	/** The scenarios folder; `SCENARIOS_DIR` by default. */
	dir?: string;
	/** The clock, for the history's times and a template's date. */
	now?: () => Date;
	/** The language of validation issues (and of first errors recorded in the history): the asker's. */
	lang?: Locale;
	/** The shared source texts, for scenarios without a sources/ folder of their own; `SHARED_SOURCES_DIR` by default. */
	sharedSources?: string;
}

/** A file-system error's code (ENOSPC, EACCES…), for the message. */
function storageFailed(error: unknown): Refusal {
	return refusal('storage-failed', { code: String((error as NodeJS.ErrnoException)?.code ?? 'EIO') });
}

/**
 * The only code that writes scenario files. Every id is checked before a
 * path is built from it. Writes are atomic and synced to disk before they
 * are acknowledged (`writeDurably`); every save keeps the version it
 * replaces (`scenarioHistory`); a save must name the version it was edited
 * from (If-Match) and is refused when that is no longer the current one.
 * Methods are synchronous, so two requests in this process never
 * interleave between the check and the write. Refusals are returned, not
 * thrown.
 */
export class ScenarioStore {
	readonly dir: string;
	private readonly sharedSources: string;
	private readonly now: () => Date;
	private readonly lang?: Locale;

	constructor(options: StoreOptions = {}) {
		this.dir = options.dir ?? SCENARIOS_DIR;
		this.sharedSources = options.sharedSources ?? SHARED_SOURCES_DIR;
		this.now = options.now ?? (() => new Date());
		this.lang = options.lang;
	}

	/** The scenario file's text and ETag. */
	readSource(id: string): { ok: true; text: string; etag: string } | Refusal {
		const current = this.current(id);
		if (!current.ok) return current;
		const text = decode(current.bytes);
		return text === undefined ? refusal('unreadable') : { ok: true, text, etag: etagOf(current.bytes) };
	}

	/** Saves a new text over the version `ifMatch` names; an invalid text is saved as a draft. */
	save(id: string, text: string | Uint8Array, ifMatch: string | null | undefined): Saved | Refusal {
		return this.write(id, text, { ifMatch, kind: 'save' });
	}

	/** Every stored version, newest first. */
	history(id: string): { ok: true; versions: VersionView[] } | Refusal {
		const current = this.current(id);
		if (!current.ok) return current;
		const now = sha256(current.bytes);
		const entries = readHistory(this.folder(id));
		const currentSeq = entries.findLast((e) => e.sha256 === now)?.seq;
		const versions = [...entries].reverse().map(({ file: _file, ...entry }) => ({ ...entry, etag: `"sha256-${entry.sha256}"`, current: entry.seq === currentSeq }));
		return { ok: true, versions };
	}

	/** A stored version's text. */
	version(id: string, seq: number): { ok: true; text: string } | Refusal {
		const version = this.versionBytes(id, seq);
		if (!version.ok) return version;
		const text = decode(version.bytes);
		return text === undefined ? refusal('unreadable') : { ok: true, text };
	}

	/** Saves an old version's text as the newest, so a restore can itself be undone. */
	restore(id: string, seq: number, ifMatch: string | null | undefined): Saved | Refusal {
		const version = this.versionBytes(id, seq);
		if (!version.ok) return version;
		return this.write(id, version.bytes, { ifMatch, kind: 'restore', restoredFrom: seq });
	}

	/** A new scenario folder from the template or as a copy of another scenario; never over an existing one. */
	create(id: string, how: CreateFrom): Saved | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		if (how.from === 'copy' && !isScenarioId(how.of)) return refusal('invalid-id');
		// An empty title is none: the template's own, or the copied scenario's.
		const title = ('title' in how ? how.title : undefined)?.trim() || undefined;
		if (title !== undefined && (title.length > 200 || /[\r\n]/.test(title))) return refusal('bad-title');
		if (existsSync(this.folder(id))) return refusal('exists', { id });
		// Its own sources/ folder, or none: a copy of a scenario on the shared sources reads them too.
		let made: { text: string; sources?: Map<string, Uint8Array | string> };
		if (how.from === 'template') {
			const template = scenarioTemplate({ id, title, asOf: this.now().toISOString().slice(0, 10) });
			made = { text: template.yaml, sources: template.sources };
		} else if (how.from === 'text') {
			// A scenario written elsewhere (an imported SilverDecisions tree): stored as it is, valid or as a draft.
			made = { text: how.text };
		} else {
			const original = this.readSource(how.of);
			if (!original.ok) return original.reason === 'not-found' ? refusal('not-found', { id: how.of }) : original;
			const own = isFolder(join(this.folder(how.of), SOURCES));
			made = { text: withIdAndTitle(original.text, id, title), sources: own ? this.ownSources(how.of) : undefined };
		}
		const bytes = Buffer.from(made.text, 'utf8');
		if (bytes.length > SCENARIO_MAX_BYTES) return refusal('too-large', { limit: SCENARIO_MAX_BYTES / 1024 });
		// Built under a dot name, which is never an id nor listed, then renamed into place whole.
		const building = join(this.dir, `.${id}.${randomBytes(6).toString('hex')}.new`);
		try {
			mkdirSync(building);
			writeDurably(join(building, FILE), bytes);
			if (made.sources) {
				mkdirSync(join(building, SOURCES));
				for (const [name, text] of made.sources) writeDurably(join(building, SOURCES, name), typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
				syncFolder(join(building, SOURCES));
			}
			const check = this.check(bytes);
			recordVersion(building, { bytes, kind: 'create', ...this.entryFields(bytes, check) });
			syncFolder(building);
			if (existsSync(this.folder(id))) {
				rmSync(building, { recursive: true, force: true });
				return refusal('exists', { id });
			}
			renameSync(building, this.folder(id));
			syncFolder(this.dir);
			return { ok: true, etag: etagOf(bytes), ...this.answer(id, check), seq: 1 };
		} catch (error) {
			rmSync(building, { recursive: true, force: true });
			return storageFailed(error);
		}
	}

	/**
	 * Writes a source text into the scenario's own sources/ folder and gives
	 * the entry to add to its `sources:`. A scenario without that folder
	 * (the shipped ones read the shared sources) takes none. A file already
	 * there is never replaced: the same text under the same name is fine,
	 * another text is refused.
	 */
	addSource(id: string, upload: SourceUpload): SourceAdded | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		if (!existsSync(join(this.folder(id), FILE))) return refusal('not-found', { id });
		const sources = join(this.folder(id), SOURCES);
		if (!isFolder(sources)) return refusal('shared-sources', { id });
		const checked = checkSourceUpload(upload);
		if (!checked.ok) return checked;
		const path = join(sources, checked.file);
		const bytes = Buffer.from(checked.text, 'utf8');
		const yaml = stringify([checked.entry], { lineWidth: 0 }).replace(/^(?=.)/gm, '  ');
		if (existsSync(path)) {
			return readFileSync(path).equals(bytes) ? { ok: true, source: checked.entry, yaml, existed: true } : refusal('source-exists', { file: checked.file });
		}
		try {
			writeDurably(path, bytes);
		} catch (error) {
			return storageFailed(error);
		}
		return { ok: true, source: checked.entry, yaml, existed: false };
	}

	/**
	 * A text of the scenario's sources, in Unicode NFC as the citation
	 * verifier reads it (a byte-order mark kept, as it keeps it), so that an
	 * offset found in it is the one the verifier checks: any text of its own
	 * sources/ folder, else one of the shared texts its `sources:` names.
	 */
	sourceText(id: string, file: string): { ok: true; text: string } | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		if (!isSourceFileName(file)) return refusal('source-file-name');
		const current = this.current(id);
		if (!current.ok) return current;
		const folder = this.sourcesOf(id);
		if (!folder) return refusal('no-shared-sources', { id });
		if (folder === this.sharedSources && !namedSourceFiles(current.bytes).has(file)) return refusal('source-not-found', { file });
		const path = join(folder, file);
		if (!existsSync(path) || !statSync(path).isFile()) return refusal('source-not-found', { file });
		const text = decode(readFileSync(path));
		return text === undefined ? refusal('unreadable') : { ok: true, text: text.normalize('NFC') };
	}

	private folder(id: string): string {
		return join(this.dir, id);
	}

	/** The scenario file's bytes, or why not: the id is checked first. */
	private current(id: string): { ok: true; bytes: Buffer } | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		const file = join(this.folder(id), FILE);
		return existsSync(file) ? { ok: true, bytes: readFileSync(file) } : refusal('not-found', { id });
	}

	private versionBytes(id: string, seq: number): { ok: true; bytes: Buffer } | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		if (!Number.isSafeInteger(seq) || seq < 1) return refusal('bad-seq');
		if (!existsSync(join(this.folder(id), FILE))) return refusal('not-found', { id });
		const bytes = readVersion(this.folder(id), seq);
		return bytes ? { ok: true, bytes } : refusal('version-not-found', { id, seq });
	}

	/** The text files of the scenario's own sources/ folder, or none (copied with the scenario). */
	private ownSources(id: string): Map<string, Buffer> {
		const dir = join(this.folder(id), SOURCES);
		if (!isFolder(dir)) return new Map();
		return new Map(readdirSync(dir).filter((name) => isSourceFileName(name) && statSync(join(dir, name)).isFile()).map((name) => [name, readFileSync(join(dir, name))]));
	}

	private check(bytes: Uint8Array): { scenario?: Scenario; status: ReturnType<typeof scenarioStatus> } {
		const parsed = parseScenario(bytes, { lang: this.lang });
		return { scenario: parsed.scenario, status: scenarioStatus(parsed, this.lang) };
	}

	private entryFields(bytes: Uint8Array, check: ReturnType<ScenarioStore['check']>) {
		const { valid, firstError } = check.status;
		return { time: this.now().toISOString(), size: bytes.length, sha256: sha256(bytes), valid, ...(firstError ? { firstError } : {}) };
	}

	/** The folder a scenario's source texts are in: its own sources/, else the shared one, if either is there. */
	private sourcesOf(id: string): string | undefined {
		const own = join(this.folder(id), SOURCES);
		return isFolder(own) ? own : isFolder(this.sharedSources) ? this.sharedSources : undefined;
	}

	/** Validity, issues and the citations checked against the scenario's sources. */
	private answer(id: string, check: ReturnType<ScenarioStore['check']>): Pick<Saved, 'valid' | 'issues' | 'firstError' | 'citations'> {
		const folder = check.scenario ? this.sourcesOf(id) : undefined;
		const texts = folder ? readSources(folder) : undefined;
		const { valid, issues, firstError } = check.status;
		return { valid, issues, firstError, citations: texts && check.scenario ? verifyCitations(check.scenario, texts, this.lang) : null };
	}

	/**
	 * A save or a restore: checks, then the replaced version into the
	 * history if it is not there yet (a file edited outside the store), the
	 * file replaced atomically, the new version recorded. A crash between
	 * the last two leaves the new file unrecorded; the next save records it
	 * as found.
	 */
	private write(id: string, text: string | Uint8Array, options: { ifMatch: string | null | undefined; kind: VersionKind; restoredFrom?: number }): Saved | Refusal {
		if (!isScenarioId(id)) return refusal('invalid-id');
		const limit = SCENARIO_MAX_BYTES / 1024;
		if (typeof text === 'string' && (text.length > SCENARIO_MAX_BYTES || !text.isWellFormed())) {
			return text.length > SCENARIO_MAX_BYTES ? refusal('too-large', { limit }) : refusal('not-utf8');
		}
		const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
		if (bytes.length > SCENARIO_MAX_BYTES) return refusal('too-large', { limit });
		if (decode(bytes) === undefined) return refusal('not-utf8');
		const found = this.current(id);
		if (!found.ok) return found;
		const current = found.bytes;
		const state = ifMatchState(options.ifMatch, etagOf(current));
		if (state === 'missing') return refusal('if-match-missing');
		if (state === 'stale') return refusal('stale');
		const check = this.check(bytes);
		if (current.equals(bytes)) return { ok: true, etag: etagOf(bytes), ...this.answer(id, check) };
		const folder = this.folder(id);
		try {
			const entries = readHistory(folder);
			if (entries[entries.length - 1]?.sha256 !== sha256(current)) {
				recordVersion(folder, { bytes: current, kind: 'found', ...this.entryFields(current, this.check(current)) });
			}
			writeDurably(join(folder, FILE), bytes);
			const entry = recordVersion(folder, { bytes, kind: options.kind, ...(options.restoredFrom ? { restoredFrom: options.restoredFrom } : {}), ...this.entryFields(bytes, check) });
			return { ok: true, etag: etagOf(bytes), ...this.answer(id, check), seq: entry.seq };
		} catch (error) {
			return storageFailed(error);
		}
	}
}

/** Strict UTF-8, or undefined: a bad byte is never turned into U+FFFD. */
function decode(bytes: Uint8Array): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		return undefined;
	}
}

function isFolder(path: string): boolean {
	return existsSync(path) && statSync(path).isDirectory();
}

/**
 * The server's store on `SCENARIOS_DIR`, answering in `lang`. It holds no
 * state of its own (the files are the state), so one per request is fine.
 */
export function scenarioStore(lang?: Locale): ScenarioStore {
	return new ScenarioStore({ lang });
}


/** The `file:` names a scenario file's `sources:` lists, read from its YAML alone (a draft's too). */
function namedSourceFiles(bytes: Uint8Array): Set<string> {
	try {
		const doc = parse(decode(bytes) ?? '', { logLevel: 'error' }) as { sources?: unknown } | null;
		return new Set((Array.isArray(doc?.sources) ? doc.sources : []).map((s) => (s as { file?: unknown } | null)?.file).filter((f): f is string => typeof f === 'string'));
	} catch {
		return new Set();
	}
}
