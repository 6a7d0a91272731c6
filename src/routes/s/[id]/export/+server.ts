import { error } from '@sveltejs/kit';
import { exportLanguage, parseExportRequest, rawFromQuery } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { ExportRefusal } from '$lib/export/ExportRefusal.js';
import { exportScenario } from '$lib/export/exportScenario.js';
import { loadScenario, scenarioFileById } from '$lib/server/scenarioFiles.js';
import type { RequestHandler } from './$types';

const KNOWN = new Set(['format', 'content', 'set', 'preset', 'perspective', 'play', 'criterion', 'subtree', 'depth', 'optimal', 'greyscale', 'dpi', 'seed', 'runs', 'x', 'y', 'steps', 'title', 'caption', 'lang']);

/**
 * Exports run one at a time, in order: a PNG or a report takes seconds of
 * the server's one thread and a child process. A few may wait; more are
 * turned away.
 */
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;
const MAX_WAITING = 4;

/**
 * `GET /s/<id>/export?format=…`: the workbench's exports, made by the same
 * exporter as `npm run bp -- export`, from the same options (the query
 * parameters are the CLI's flags).
 */
export const GET: RequestHandler = async ({ params, url }) => {
	// The export's language is also the language of its refusals and of the scenario's texts in it.
	const lang = exportLanguage(url.searchParams.get('lang') ?? undefined) ?? 'en';
	const locale = { locale: lang };
	const file = scenarioFileById(params.id);
	if (!file) error(404, m.xp_route_no_scenario({ id: params.id }, locale));
	const loaded = loadScenario(file, lang);
	if (!loaded.scenario) error(422, m.xp_route_invalid({ id: params.id }, locale));
	const unknown = [...url.searchParams.keys()].filter((k) => !KNOWN.has(k));
	const { request, problems } = parseExportRequest(loaded.scenario, rawFromQuery(url.searchParams));
	const all = [...unknown.map((key) => m.xp_route_unknown_option({ key }, locale)), ...problems];
	if (!request || all.length > 0) error(400, all.join(' '));
	if (waiting >= MAX_WAITING) error(429, m.xp_route_busy({}, locale));
	waiting++;
	const scenario = loaded.scenario;
	const run = queue.then(() => exportScenario({ scenario, id: loaded.id, sha256: loaded.sha256 }, request));
	queue = run.catch(() => undefined);
	try {
		const exported = await run;
		return new Response(Buffer.from(exported.bytes), {
			headers: { 'content-type': exported.mediaType, 'content-disposition': `attachment; filename="${exported.fileName}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof ExportRefusal) error(400, e.message);
		error(500, m.xp_route_failed({ message: (e as Error).message }, locale));
	} finally {
		waiting--;
	}
};
