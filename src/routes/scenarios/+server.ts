import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { readJsonObject, refused, stringField, writeRefusal } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { scenarioStore, type CreateFrom } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `POST /scenarios` with JSON `{ id, from: "template" | "copy", of?, title? }`:
 * makes scenarios/<id>/ from the template (with its own sources/ folder) or
 * as a copy of scenario `of`. Answers 201 with `Location: /s/<id>` and
 * `{ id, location, etag, valid, issues, firstError?, citations, seq }`;
 * 409 when the id is taken.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const read = await readJsonObject(request, 4096);
	if (!read.ok) return refused(read, lang);
	const id = stringField(read.body, 'id') ?? '';
	const from = stringField(read.body, 'from');
	const of = stringField(read.body, 'of');
	const title = stringField(read.body, 'title');
	let how: CreateFrom;
	if (from === 'template') how = { from, title };
	else if (from === 'copy' && of !== undefined) how = { from, of, title };
	else return refused(refusal('bad-from'), lang);
	const created = scenarioStore(lang).create(id, how);
	if (!created.ok) return refused(created, lang);
	const { ok: _ok, ...answer } = created;
	const location = `/s/${id}`;
	return json({ id, location, ...answer }, { status: 201, headers: { location, etag: created.etag } });
};
