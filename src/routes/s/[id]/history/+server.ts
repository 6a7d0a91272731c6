import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { refused } from '$lib/server/editRequest.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `GET /s/<id>/history`: `{ versions }`, newest first, each
 * `{ seq, time, size, sha256, etag, valid, firstError?, kind, restoredFrom?, current }`.
 */
export const GET: RequestHandler = ({ params }) => {
	const history = scenarioStore(getLocale()).history(params.id);
	return history.ok ? json({ versions: history.versions }, { headers: { 'cache-control': 'no-store' } }) : refused(history, getLocale());
};
