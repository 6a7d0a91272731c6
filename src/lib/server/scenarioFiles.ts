import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseScenario, type ParseResult } from '../core/index.js';
import { isScenarioId } from './scenarioId.js';

/**
 * The scenarios folder: `BRANCHPOINT_SCENARIOS` if set, else `scenarios/` in
 * the working directory (npm scripts run from the project root).
 */
export const SCENARIOS_DIR = resolve(process.env.BRANCHPOINT_SCENARIOS ?? 'scenarios');

/**
 * The shared source texts that scenarios without a sources/ folder of
 * their own quote (the shipped ones): `BRANCHPOINT_SOURCES` if set, else
 * `../shared/sources` beside the project. Read only, for the source reader
 * and the check on save; it may be absent.
 */
export const SHARED_SOURCES_DIR = resolve(process.env.BRANCHPOINT_SOURCES ?? '../shared/sources');

export interface LoadedScenario extends ParseResult {
	/** The file as the user named it, for messages. */
	file: string;
	/** Folder id. */
	id: string;
	/** SHA-256 of the file's bytes, hex: exports cite it as provenance. */
	sha256: string;
}

/**
 * Resolves what a user typed — a folder, a YAML file, or a scenario id under
 * `scenarios/` — to the scenario file; undefined when nothing matches.
 */
export function resolveScenarioFile(ref: string): string | undefined {
	const candidates = [ref, join(ref, 'scenario.yaml'), join(SCENARIOS_DIR, ref, 'scenario.yaml')];
	return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/**
 * The scenario file of a folder id as a URL names it, or undefined: only an
 * id (`isScenarioId`: one path segment, never a dot or underscore folder)
 * holding scenario.yaml.
 */
export function scenarioFileById(id: string): string | undefined {
	if (!isScenarioId(id)) return undefined;
	const file = join(SCENARIOS_DIR, id, 'scenario.yaml');
	return existsSync(file) ? file : undefined;
}

/** Reads and validates a scenario file; its texts in `lang` where it has them (`parseScenario`). */
export function loadScenario(file: string, lang?: string): LoadedScenario {
	const bytes = readFileSync(file);
	const parsed = parseScenario(bytes, { lang });
	const id = basename(file) === 'scenario.yaml' ? basename(dirname(resolve(file))) : basename(file).replace(/\.ya?ml$/, '');
	return { ...parsed, file, id, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Every scenario folder under `scenarios/`, loaded and validated, by id.
 * Only folders named as ids are scenarios: not `.history`, a folder being
 * made (`.<id>….new`) or `_template`.
 */
export function listScenarios(dir = SCENARIOS_DIR, lang?: string): LoadedScenario[] {
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && isScenarioId(entry.name) && existsSync(join(dir, entry.name, 'scenario.yaml')))
		.map((entry) => loadScenario(join(dir, entry.name, 'scenario.yaml'), lang))
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** The text files of a sources folder, by file name. */
export function readSources(dir: string): Map<string, string> {
	return new Map(
		readdirSync(dir)
			.filter((name) => name.endsWith('.txt') && statSync(join(dir, name)).isFile())
			.map((name) => [name, readFileSync(join(dir, name), 'utf8')])
	);
}

/** Writes an export where the user asked for it. */
export function writeExportFile(path: string, bytes: Uint8Array): void {
	writeFileSync(path, bytes);
}
