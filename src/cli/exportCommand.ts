import { resolve } from 'node:path';
import { parseExportRequest, type RawExportOptions } from '../lib/core/index.js';
import { ExportRefusal } from '../lib/export/ExportRefusal.js';
import { exportScenario } from '../lib/export/exportScenario.js';
import { loadScenario, resolveScenarioFile, writeExportFile } from '../lib/server/scenarioFiles.js';
import type { CommandResult } from './runCommand.js';

export interface ExportCommandOptions extends RawExportOptions {
	out?: string;
}

const TEXT_FORMATS = new Set(['svg', 'csv', 'md', 'bib', 'csl', 'json']);

/**
 * `export <scenario> --format …`: figures, tables, reports and citations,
 * through the same exporter as the workbench. Text formats go to standard
 * output unless --out names a file; binary ones (PNG, PDF, DOCX) are
 * written to --out or to a file named after the scenario and content.
 */
export async function exportCommand(args: string[], options: ExportCommandOptions): Promise<CommandResult & { bytes?: Uint8Array }> {
	if (args.length !== 1) return { code: 2, stdout: '', stderr: 'Usage: export <scenario> --format svg|png|pdf|csv|md|docx|bib|csl|json [--content …] [--out file]' };
	const file = resolveScenarioFile(args[0]);
	if (!file) return { code: 2, stdout: '', stderr: `No scenario found at "${args[0]}": give a folder holding scenario.yaml, a YAML file, or an id under scenarios/.` };
	const loaded = loadScenario(file);
	if (!loaded.scenario) return { code: 1, stdout: '', stderr: `${file} does not validate (${loaded.issues.length} issues); run "npm run bp -- validate ${args[0]}".` };
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
		return { code: 1, stdout: '', stderr: `export failed: ${(error as Error).message}` };
	}
	if (options.out === '-' || (!options.out && TEXT_FORMATS.has(request.format))) return { code: 0, stdout: '', stderr: '', bytes: exported.bytes };
	// npm runs scripts from the project root; a relative --out is meant from where the user typed it.
	const path = resolve(process.env.INIT_CWD ?? '.', options.out ?? exported.fileName);
	try {
		writeExportFile(path, exported.bytes);
	} catch (error) {
		return { code: 1, stdout: '', stderr: `Could not write ${path}: ${(error as Error).message}` };
	}
	return { code: 0, stdout: '', stderr: `Wrote ${path} (${exported.bytes.length} bytes, ${exported.mediaType}).` };
}
