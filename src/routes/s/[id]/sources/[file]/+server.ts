import { getLocale } from '$lib/paraglide/runtime.js';
import { refused, writeRefusal } from '$lib/server/editRequest.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `GET /s/<id>/sources/<file>`: a source text of the scenario, in Unicode
 * NFC, for the editor's source reader (a citation's offset counts in this
 * text): one of its own sources/ folder, or a shared text its `sources:`
 * names. Whole source texts are for authoring: served only where this
 * server lets people edit and to its own pages, as writes are — never to a
 * workshop's network.
 */
export const GET: RequestHandler = ({ params, request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const source = scenarioStore(lang).sourceText(params.id, params.file);
	if (!source.ok) return refused(source, lang);
	return new Response(source.text, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
};
