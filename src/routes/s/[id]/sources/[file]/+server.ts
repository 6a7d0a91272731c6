import { getLocale } from '$lib/paraglide/runtime.js';
import { refused } from '$lib/server/editRequest.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `GET /s/<id>/sources/<file>`: a text of the scenario's own sources/
 * folder, in Unicode NFC, for the editor's source reader (a citation's
 * offset counts in this text). Reading is not editing: it is served
 * whether or not this server lets the reader save.
 */
export const GET: RequestHandler = ({ params }) => {
	const lang = getLocale();
	const source = scenarioStore(lang).sourceText(params.id, params.file);
	if (!source.ok) return refused(source, lang);
	return new Response(source.text, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
};
