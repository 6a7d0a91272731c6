import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatIssue, parseScenario, silverDecisionsToScenario, type Issue } from '../lib/core/index.js';
import { isScenarioId } from '../lib/core/scenario/schema.js';
import { SD_LIMITS } from '../lib/core/silverdecisions/sdTypes.js';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { writeDurably } from '../lib/server/durableWrite.js';
import type { CommandResult } from './commandTypes.js';

export interface ImportCommandOptions {
	/** The scenario folder to write; its name is the scenario's id. */
	out?: string;
	/** Replace a scenario.yaml already in the folder. */
	force?: boolean;
	/** Which of the file's trees to import (0, 1, …). */
	tree?: string;
	lang?: Locale;
}

const lines = (issues: readonly Issue[], file: string) => issues.map((i) => formatIssue(i, file));

/**
 * `import <file.json> --out <folder>`: a SilverDecisions tree as a scenario
 * folder. Writes `<folder>/scenario.yaml` (an existing one only with
 * --force), then reports what validation will ask of the author: each
 * placeholder citation, with its place, and the import's warnings. Paths
 * are taken from where the user typed the command (npm runs scripts from
 * the project root).
 */
export function importCommand(args: string[], options: ImportCommandOptions): CommandResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const fail = (code: number, stderr: string): CommandResult => ({ code, stdout: '', stderr });
	if (args.length !== 1 || !options.out) return fail(2, m.sd_cli_usage_short({}, locale));
	const here = process.env.INIT_CWD ?? '.';
	const file = resolve(here, args[0]);
	const folder = resolve(here, options.out);
	const id = basename(folder);
	if (!isScenarioId(id)) return fail(2, m.sd_cli_bad_id({ id }, locale));
	if (!existsSync(file) || !statSync(file).isFile()) return fail(2, m.sd_cli_no_file({ file: args[0] }, locale));
	if (statSync(file).size > SD_LIMITS.text * 3) return fail(1, m.sd_text_too_large({ size: statSync(file).size, limit: SD_LIMITS.text }, locale));
	if (existsSync(folder) && !statSync(folder).isDirectory()) return fail(2, m.sd_cli_not_folder({ folder: options.out }, locale));
	const target = join(folder, 'scenario.yaml');
	if (existsSync(target) && !options.force) return fail(2, m.sd_cli_exists({ file: target }, locale));
	let tree: number | undefined;
	if (options.tree !== undefined) {
		tree = Number(options.tree);
		if (!Number.isInteger(tree) || tree < 0) return fail(2, m.sd_cli_bad_tree({ tree: options.tree }, locale));
	}

	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
	} catch {
		return fail(1, m.sd_cli_not_utf8({ file: args[0] }, locale));
	}
	// The command line may read the clock: the day is the scenario's "as of" when the file does not say when it was saved.
	const today = new Date().toISOString().slice(0, 10);
	const result = silverDecisionsToScenario(text, { id, asOf: today, fileName: basename(file), tree, lang });
	if (!result.yaml) {
		const errors = result.issues.filter((i) => i.severity === 'error').length;
		return fail(1, [...lines(result.issues, args[0]), m.sd_cli_failed({ count: errors, file: args[0] }, locale)].join('\n'));
	}
	try {
		mkdirSync(folder, { recursive: true });
		// A crash mid-write leaves the old file (with --force) or none, never half of one.
		writeDurably(target, new TextEncoder().encode(result.yaml));
	} catch (error) {
		return fail(1, m.sd_cli_cannot_write({ file: target, message: (error as Error).message }, locale));
	}
	const scenario = parseScenario(result.yaml, { lang }).scenario;
	const counts = {
		file: target,
		states: scenario?.states.length ?? 0,
		moves: scenario?.states.reduce((n, s) => n + s.moves.length, 0) ?? 0,
		assumptions: scenario?.assumptions.length ?? 0,
		missing: result.missingCitations.length
	};
	const stderr = [
		...lines(result.issues, args[0]),
		...lines(result.missingCitations, target),
		...lines(result.validation, target),
		...result.notes.map((note) => m.sd_cli_note({ note }, locale))
	].join('\n');
	return { code: 0, stdout: `${m.sd_cli_wrote(counts, locale)}\n${m.sd_cli_next({ folder: options.out }, locale)}`, stderr };
}
