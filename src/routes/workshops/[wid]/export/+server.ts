import { error } from '@sveltejs/kit';
import { exportWorkshop, workshopContent, WORKSHOP_EXPORT_FORMATS, type WorkshopExportFormat } from '$lib/export/exportWorkshop.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

/**
 * The workshop's exports for its facilitator: `?format=…&content=review|log|path`,
 * names left out unless `names=1`. The same bytes as
 * `npm run bp -- export-workshop <id> --format …`.
 */
export const GET: RequestHandler = async ({ params, url, cookies }) => {
	const service = workshops();
	const locale = { locale: getLocale() };
	const live = service.get(params.wid);
	if (!live) {
		const problem = service.problem(params.wid, locale.locale);
		error(problem ? 409 : 404, problem ?? m.wsx_no_workshop({}, locale));
	}
	if (!isFacilitator(cookies, params.wid)) error(403, m.wsx_only_facilitator_export({}, locale));
	const format = url.searchParams.get('format') ?? 'md';
	if (!(WORKSHOP_EXPORT_FORMATS as readonly string[]).includes(format)) error(400, m.wsx_unknown_format({ format, formats: WORKSHOP_EXPORT_FORMATS.join(m.ws_separator({}, locale)) }, locale));
	const content = workshopContent(format as WorkshopExportFormat, url.searchParams.get('content') ?? undefined, locale.locale);
	if (content !== 'review' && content !== 'log' && content !== 'path') error(400, content);
	const names = url.searchParams.get('names') === '1';
	const out = await exportWorkshop({ id: params.wid, model: live.model, state: live.state, events: service.store.events(params.wid), format: format as WorkshopExportFormat, content, names });
	return new Response(Buffer.from(out.bytes), {
		headers: { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${out.fileName}"`, 'cache-control': 'no-store' }
	});
};
