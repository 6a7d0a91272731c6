import { resolve } from 'node:path';
import { exportWorkshop, workshopContent, WORKSHOP_EXPORT_FORMATS, type WorkshopExportFormat } from '../lib/export/exportWorkshop.js';
import { writeExportFile } from '../lib/server/scenarioFiles.js';
import { DATA_DIR, openDatabase } from '../lib/server/workshop/openDatabase.js';
import { WorkshopService } from '../lib/server/workshop/WorkshopService.js';
import type { CommandResult } from './runCommand.js';

export interface ExportWorkshopOptions {
	format?: string;
	content?: string;
	names?: boolean;
	out?: string;
}

const USAGE = `Usage: export-workshop <workshop id> --format ${WORKSHOP_EXPORT_FORMATS.join('|')} [--content review|log|path] [--names] [--out file]`;

/**
 * `export-workshop <id>`: a workshop's after-action review (md, docx, pdf),
 * its raw log (csv, json) or the played path on the tree (svg, png, or pdf
 * with --content path) from the database in BRANCHPOINT_DATA, the same bytes
 * as the review page's downloads. Names are left out unless --names.
 */
export async function exportWorkshopCommand(args: string[], options: ExportWorkshopOptions): Promise<CommandResult & { bytes?: Uint8Array }> {
	if (args.length !== 1) return { code: 2, stdout: '', stderr: USAGE };
	const format = options.format ?? 'md';
	if (!(WORKSHOP_EXPORT_FORMATS as readonly string[]).includes(format)) return { code: 2, stdout: '', stderr: `export-workshop: unknown format "${format}"; choose ${WORKSHOP_EXPORT_FORMATS.join(', ')}.` };
	const content = workshopContent(format as WorkshopExportFormat, options.content);
	if (content !== 'review' && content !== 'log' && content !== 'path') return { code: 2, stdout: '', stderr: `export-workshop: ${content}` };
	const service = new WorkshopService(openDatabase(DATA_DIR));
	const id = args[0];
	const live = service.get(id);
	if (!live) {
		const problem = service.problem(id);
		const known = service.store.list().map((w) => `${w.id} (${w.title})`);
		return { code: problem ? 1 : 2, stdout: '', stderr: problem ? `Workshop ${id} cannot be opened: ${problem}` : `No workshop "${id}" in ${DATA_DIR}.${known.length > 0 ? ` Workshops there: ${known.join(', ')}.` : ' It holds no workshops (set BRANCHPOINT_DATA to the server’s data folder).'}` };
	}
	const exported = await exportWorkshop({ id, model: live.model, state: live.state, events: service.store.events(id), format: format as WorkshopExportFormat, content, names: options.names === true });
	if (options.out === '-' || (!options.out && ['md', 'csv', 'json', 'svg'].includes(format))) return { code: 0, stdout: '', stderr: '', bytes: exported.bytes };
	const path = resolve(process.env.INIT_CWD ?? '.', options.out ?? exported.fileName);
	try {
		writeExportFile(path, exported.bytes);
	} catch (error) {
		return { code: 1, stdout: '', stderr: `Could not write ${path}: ${(error as Error).message}` };
	}
	return { code: 0, stdout: '', stderr: `Wrote ${path} (${exported.bytes.length} bytes).` };
}
