import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { readJsonObject, refused, writeRefusal } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `POST /s/<id>/restore` with `{ seq }` and `If-Match: <ETag>` of the file
 * as the editor holds it: saves version `seq`'s text as the newest version
 * (so the restore can be undone in turn) and answers as a save does.
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const read = await readJsonObject(request, 4096);
	if (!read.ok) return refused(read, lang);
	const seq = read.body.seq;
	if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return refused(refusal('bad-seq'), lang);
	const saved = scenarioStore(lang).restore(params.id, seq, request.headers.get('if-match'));
	if (!saved.ok) return refused(saved, lang);
	const { ok: _ok, ...answer } = saved;
	return json(answer, { headers: { etag: saved.etag, 'cache-control': 'no-store' } });
};
