import { getLocale } from '$lib/paraglide/runtime.js';
import { refused } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/** `GET /s/<id>/history/<seq>`: that version's text. */
export const GET: RequestHandler = ({ params }) => {
	const seq = /^\d{1,9}$/.test(params.seq) ? Number(params.seq) : NaN;
	const version = Number.isNaN(seq) ? refusal('bad-seq') : scenarioStore(getLocale()).version(params.id, seq);
	if (!version.ok) return refused(version, getLocale());
	return new Response(version.text, { headers: { 'content-type': 'text/yaml; charset=utf-8', 'cache-control': 'no-store' } });
};
