import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { readBody, refused, writeRefusal } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { SCENARIO_MAX_BYTES, scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/** `GET /s/<id>/source`: the scenario file as text, its version in the ETag header. */
export const GET: RequestHandler = ({ params }) => {
	const lang = getLocale();
	const source = scenarioStore(lang).readSource(params.id);
	if (!source.ok) return refused(source, lang);
	return new Response(source.text, { headers: { 'content-type': 'text/yaml; charset=utf-8', etag: source.etag, 'cache-control': 'no-store' } });
};

/**
 * `PUT /s/<id>/source` with the YAML text as body and `If-Match: <ETag>`:
 * saves it (a text that does not validate as a draft) and answers
 * `{ etag, valid, issues, firstError?, citations, seq? }`, the new ETag in the
 * header too. Refused: 428 without If-Match, 412 when it is stale, 403 when
 * editing is off or the request comes from another site, 413 past the size
 * limit.
 */
export const PUT: RequestHandler = async ({ params, request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const body = await readBody(request, SCENARIO_MAX_BYTES);
	if (!body) return refused(refusal('too-large', { limit: SCENARIO_MAX_BYTES / 1024 }), lang);
	const saved = scenarioStore(lang).save(params.id, body, request.headers.get('if-match'));
	if (!saved.ok) return refused(saved, lang);
	const { ok: _ok, ...answer } = saved;
	return json(answer, { headers: { etag: saved.etag, 'cache-control': 'no-store' } });
};
