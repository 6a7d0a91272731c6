import { resolve } from 'node:path';
import { exportWorkshop, workshopContent, WORKSHOP_EXPORT_FORMATS, type WorkshopExportFormat } from '../lib/export/exportWorkshop.js';
import { writeExportFile } from '../lib/server/scenarioFiles.js';
import { DATA_DIR, openDatabase } from '../lib/server/workshop/openDatabase.js';
import { WorkshopService } from '../lib/server/workshop/WorkshopService.js';
import type { CommandResult } from './runCommand.js';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';

export interface ExportWorkshopOptions {
	format?: string;
	content?: string;
	names?: boolean;
	out?: string;
	/** The language of the command's messages; the files are in the language the workshop was run in. */
	say?: Locale;
}


/**
 * `export-workshop <id>`: a workshop's after-action review (md, docx, pdf),
 * its raw log (csv, json) or the played path on the tree (svg, png, or pdf
 * with --content path) from the database in BRANCHPOINT_DATA, the same bytes
 * as the review page's downloads. Names are left out unless --names.
 */
export async function exportWorkshopCommand(args: string[], options: ExportWorkshopOptions): Promise<CommandResult & { bytes?: Uint8Array }> {
	const lang = options.say ?? 'en';
	const locale = { locale: lang };
	if (args.length !== 1) return { code: 2, stdout: '', stderr: m.xp_wscli_usage({ formats: WORKSHOP_EXPORT_FORMATS.join('|') }, locale) };
	const format = options.format ?? 'md';
	if (!(WORKSHOP_EXPORT_FORMATS as readonly string[]).includes(format)) return { code: 2, stdout: '', stderr: m.xp_wscli_unknown_format({ format, formats: WORKSHOP_EXPORT_FORMATS.join(', ') }, locale) };
	const content = workshopContent(format as WorkshopExportFormat, options.content, lang);
	if (content !== 'review' && content !== 'log' && content !== 'path') return { code: 2, stdout: '', stderr: `export-workshop: ${content}` };
	const service = new WorkshopService(openDatabase(DATA_DIR));
	const id = args[0];
	const live = service.get(id);
	if (!live) {
		const problem = service.problem(id, lang);
		const known = service.store.list().map((w) => `${w.id} (${w.title})`);
		const there = known.length > 0 ? m.xp_wscli_known({ list: known.join(', ') }, locale) : m.xp_wscli_empty({}, locale);
		return { code: problem ? 1 : 2, stdout: '', stderr: problem ? m.xp_wscli_cannot_open({ id, problem }, locale) : m.xp_wscli_none({ id, dir: DATA_DIR, known: there }, locale) };
	}
	const exported = await exportWorkshop({ id, model: live.model, state: live.state, events: service.store.events(id), format: format as WorkshopExportFormat, content, names: options.names === true });
	if (options.out === '-' || (!options.out && ['md', 'csv', 'json', 'svg'].includes(format))) return { code: 0, stdout: '', stderr: '', bytes: exported.bytes };
	const path = resolve(process.env.INIT_CWD ?? '.', options.out ?? exported.fileName);
	try {
		writeExportFile(path, exported.bytes);
	} catch (error) {
		return { code: 1, stdout: '', stderr: m.xp_cli_cannot_write({ path, message: (error as Error).message }, locale) };
	}
	return { code: 0, stdout: '', stderr: m.xp_wscli_wrote({ path, bytes: exported.bytes.length }, locale) };
}
