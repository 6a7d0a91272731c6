import { error, json } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

/** The workshop's whole event log, in order, for its facilitator. */
export const GET: RequestHandler = ({ params, cookies }) => {
	const service = workshops();
	const locale = { locale: getLocale() };
	const row = service.store.workshop(params.wid);
	if (!row) error(404, m.wsx_no_workshop({}, locale));
	if (!isFacilitator(cookies, params.wid)) error(403, m.wsx_only_facilitator_log({}, locale));
	return json({ id: row.id, title: row.title, scenarioId: row.scenarioId, scenarioSha256: row.scenarioSha256, events: service.store.events(params.wid) }, { headers: { 'cache-control': 'no-store' } });
};
