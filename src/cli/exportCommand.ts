import { resolve } from 'node:path';
import { exportLanguage, parseExportRequest, type RawExportOptions } from '../lib/core/index.js';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { ExportRefusal } from '../lib/export/ExportRefusal.js';
import { exportScenario } from '../lib/export/exportScenario.js';
import { loadScenario, resolveScenarioFile, writeExportFile } from '../lib/server/scenarioFiles.js';
import type { CommandResult } from './runCommand.js';

export interface ExportCommandOptions extends RawExportOptions {
	out?: string;
	/** The language the command's own messages are in (default: the export's). */
	say?: Locale;
}

const TEXT_FORMATS = new Set(['svg', 'csv', 'md', 'bib', 'csl', 'json', 'sd']);

/**
 * `export <scenario> --format …`: figures, tables, reports and citations,
 * through the same exporter as the workbench. Text formats go to standard
 * output unless --out names a file; binary ones (PNG, PDF, DOCX) are
 * written to --out or to a file named after the scenario and content.
 */
export async function exportCommand(args: string[], options: ExportCommandOptions): Promise<CommandResult & { bytes?: Uint8Array }> {
	// The export's language; an unknown one is reported by the request's check.
	const lang = exportLanguage(options.lang) ?? 'en';
	const locale = { locale: options.say ?? lang };
	if (args.length !== 1) return { code: 2, stdout: '', stderr: m.xp_cli_usage({}, locale) };
	const file = resolveScenarioFile(args[0]);
	if (!file) return { code: 2, stdout: '', stderr: m.xp_cli_no_scenario({ ref: args[0] }, locale) };
	const loaded = loadScenario(file, lang);
	if (!loaded.scenario) return { code: 1, stdout: '', stderr: m.xp_cli_invalid({ file, count: loaded.issues.length, ref: args[0] }, locale) };
	const { request, problems } = parseExportRequest(loaded.scenario, options);
	if (!request) return { code: 2, stdout: '', stderr: problems.map((p) => `export: ${p}`).join('\n') };
	let exported;
	try {
		// The report's command names the scenario as this one was named, unless its id finds the same file.
		const byId = resolveScenarioFile(loaded.id);
		const ref = byId !== undefined && resolve(byId) === resolve(file) ? undefined : args[0];
		exported = await exportScenario({ scenario: loaded.scenario, id: loaded.id, sha256: loaded.sha256, ref }, request);
	} catch (error) {
		if (error instanceof ExportRefusal) return { code: 2, stdout: '', stderr: `export: ${error.message}` };
		return { code: 1, stdout: '', stderr: m.xp_cli_failed({ message: (error as Error).message }, locale) };
	}
	if (options.out === '-' || (!options.out && TEXT_FORMATS.has(request.format))) return { code: 0, stdout: '', stderr: '', bytes: exported.bytes };
	// npm runs scripts from the project root; a relative --out is meant from where the user typed it.
	const path = resolve(process.env.INIT_CWD ?? '.', options.out ?? exported.fileName);
	try {
		writeExportFile(path, exported.bytes);
	} catch (error) {
		return { code: 1, stdout: '', stderr: m.xp_cli_cannot_write({ path, message: (error as Error).message }, locale) };
	}
	return { code: 0, stdout: '', stderr: m.xp_cli_wrote({ path, bytes: exported.bytes.length, type: exported.mediaType }, locale) };
}
