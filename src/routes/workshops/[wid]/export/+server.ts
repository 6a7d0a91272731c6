import { error } from '@sveltejs/kit';
import { exportWorkshop, workshopContent, WORKSHOP_EXPORT_FORMATS, type WorkshopExportFormat } from '$lib/export/exportWorkshop.js';
import { isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

/**
 * The workshop's exports for its facilitator: `?format=…&content=review|log|path`,
 * names left out unless `names=1`. The same bytes as
 * `npm run bp -- export-workshop <id> --format …`.
 */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = workshops();
	const live = service.get(params.wid);
	if (!live) error(service.problem(params.wid) ? 409 : 404, service.problem(params.wid) ?? 'No such workshop.');
	if (!isFacilitator(cookies, params.wid)) error(403, 'Only the facilitator can export the workshop.');
	const format = url.searchParams.get('format') ?? 'md';
	if (!(WORKSHOP_EXPORT_FORMATS as readonly string[]).includes(format)) error(400, `Unknown format "${format}"; choose ${WORKSHOP_EXPORT_FORMATS.join(', ')}.`);
	const content = workshopContent(format as WorkshopExportFormat, url.searchParams.get('content') ?? undefined);
	if (content !== 'review' && content !== 'log' && content !== 'path') error(400, content);
	const names = url.searchParams.get('names') === '1';
	const out = await exportWorkshop({ id: params.wid, model: live.model, state: live.state, events: service.store.events(params.wid), format: format as WorkshopExportFormat, content, names });
	return new Response(Buffer.from(out.bytes), {
		headers: { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${out.fileName}"`, 'cache-control': 'no-store' }
	});
};
