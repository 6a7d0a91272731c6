import { createHash } from 'node:crypto';
import {
	assumptionValues,
	logTable,
	publishableLog,
	reportMarkdown,
	reviewDocument,
	reviewWorkshop,
	toCsv,
	toMarkdownTable,
	type Provenance,
	type ScenarioModel,
	type WorkshopEvent,
	type WorkshopState
} from '../core/index.js';
import { VERSION } from './exportContext.js';
import { writeDocx } from './writeDocx.js';

export const WORKSHOP_EXPORT_FORMATS = ['md', 'docx', 'csv', 'json'] as const;
export type WorkshopExportFormat = (typeof WORKSHOP_EXPORT_FORMATS)[number];

const TYPES: Record<WorkshopExportFormat, string> = {
	md: 'text/markdown; charset=utf-8',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json; charset=utf-8'
};

export interface WorkshopExport {
	bytes: Uint8Array;
	contentType: string;
	fileName: string;
}

/**
 * A workshop's exports, the same bytes from the command line and the
 * review page: the after-action review as Markdown or DOCX, the raw log as
 * CSV (a row an event) or JSON (the log and the review's numbers). Names are
 * left out unless `names` (exports meant for publication leave them out);
 * the provenance carries the SHA-256 of the log as exported.
 */
export async function exportWorkshop(options: { id: string; model: ScenarioModel; state: WorkshopState; events: readonly WorkshopEvent[]; format: WorkshopExportFormat; names: boolean }): Promise<WorkshopExport> {
	const { id, model, state, format, names } = options;
	const events = publishableLog(options.events, { names });
	const logSha256 = createHash('sha256').update(JSON.stringify(events)).digest('hex');
	const { setup } = state;
	const provenance: Provenance = {
		generator: 'Branchpoint',
		version: VERSION,
		scenarioId: setup.scenarioId,
		scenarioSha256: setup.scenarioSha256,
		assumptions: assumptionValues(model.scenario, setup.overrides),
		overrides: setup.overrides,
		...(setup.preset ? { preset: setup.preset } : {}),
		perspective: setup.perspective,
		seed: setup.seed,
		runs: 0,
		options: new URLSearchParams({ format, ...(names ? { names: '1' } : {}) }).toString(),
		workshop: { id, logSha256, events: events.length, names }
	};
	const fileName = `workshop-${id}-${format === 'csv' || format === 'json' ? 'log' : 'review'}.${format}`;
	const done = (bytes: Uint8Array): WorkshopExport => ({ bytes, contentType: TYPES[format], fileName });
	if (format === 'csv') return done(new TextEncoder().encode(toCsv(logTable(events))));
	const review = reviewWorkshop(model, state, { names });
	if (format === 'json') return done(new TextEncoder().encode(`${JSON.stringify({ provenance, review, events }, null, 2)}\n`));
	const doc = reviewDocument({ state, review, scenario: model.scenario, provenance, names });
	if (format === 'md') return done(new TextEncoder().encode(reportMarkdown(doc, new Map(), toMarkdownTable)));
	return done(await writeDocx(doc, new Map()));
}
