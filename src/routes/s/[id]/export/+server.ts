import { error } from '@sveltejs/kit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseExportRequest, rawFromQuery } from '$lib/core/index.js';
import { exportScenario } from '$lib/export/exportScenario.js';
import { loadScenario, SCENARIOS_DIR } from '$lib/server/scenarioFiles.js';
import type { RequestHandler } from './$types';

const KNOWN = new Set(['format', 'content', 'set', 'preset', 'perspective', 'criterion', 'subtree', 'depth', 'optimal', 'greyscale', 'dpi', 'seed', 'runs', 'x', 'y', 'steps', 'title', 'caption']);

/**
 * `GET /s/<id>/export?format=…`: the workbench's exports, made by the same
 * exporter as `npm run bp -- export`, from the same options (the query
 * parameters are the CLI's flags).
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const file = join(SCENARIOS_DIR, params.id, 'scenario.yaml');
	if (params.id.startsWith('.') || params.id.includes('/') || !existsSync(file)) error(404, `No scenario "${params.id}"`);
	const loaded = loadScenario(file);
	if (!loaded.scenario) error(422, `scenarios/${params.id}/scenario.yaml does not validate; run "npm run bp -- validate ${params.id}".`);
	const unknown = [...url.searchParams.keys()].filter((k) => !KNOWN.has(k));
	const { request, problems } = parseExportRequest(loaded.scenario, rawFromQuery(url.searchParams));
	const all = [...unknown.map((k) => `Unknown export option "${k}".`), ...problems];
	if (!request || all.length > 0) error(400, all.join(' '));
	try {
		const exported = await exportScenario({ scenario: loaded.scenario, id: loaded.id, sha256: loaded.sha256 }, request);
		return new Response(Buffer.from(exported.bytes), {
			headers: { 'content-type': exported.mediaType, 'content-disposition': `attachment; filename="${exported.fileName}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		error(500, `Export failed: ${(e as Error).message}`);
	}
};
