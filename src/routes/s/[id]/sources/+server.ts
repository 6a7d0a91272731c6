import { json } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { readBody, readJsonObject, refused, stringField, writeRefusal } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { SOURCE_MAX_BYTES, type SourceUpload } from '$lib/server/checkSourceUpload.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/** The text's limit plus room for the metadata and the form's framing. */
const MAX_BODY = SOURCE_MAX_BYTES + 64 * 1024;
const FIELDS = ['fileName', 'id', 'title', 'publisher', 'author', 'date', 'url', 'language'] as const;

/**
 * The upload from either body: multipart/form-data with the text as a file
 * (`file`, its bytes checked as UTF-8 here, not decoded by the browser) or
 * as `text`; or JSON with `text` (pasted).
 */
async function readUpload(request: Request): Promise<{ ok: true; upload: SourceUpload } | ReturnType<typeof refusal>> {
	const fields: Record<string, string | undefined> = {};
	let text: string | Uint8Array | undefined;
	if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
		const body = await readBody(request, MAX_BODY);
		if (!body) return refusal('body-too-large', { limit: MAX_BODY / 1024 });
		let form: FormData;
		try {
			form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
		} catch {
			return refusal('bad-form');
		}
		const file = form.get('file');
		const pasted = form.get('text');
		text = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : typeof pasted === 'string' ? pasted : undefined;
		for (const key of FIELDS) {
			const value = form.get(key);
			fields[key] = typeof value === 'string' ? value : undefined;
		}
		if (!fields.fileName && file instanceof File && file.name) fields.fileName = file.name.replace(/\.[^.]*$/, '');
	} else {
		const read = await readJsonObject(request, MAX_BODY);
		if (!read.ok) return read;
		text = stringField(read.body, 'text');
		for (const key of FIELDS) fields[key] = stringField(read.body, key);
	}
	return {
		ok: true,
		upload: { ...fields, text: text ?? '', title: fields.title ?? '', publisher: fields.publisher ?? '', language: fields.language ?? '' }
	};
}

/**
 * `POST /s/<id>/sources`: adds a source text to the scenario's own sources/
 * folder. Body: JSON `{ text, title, publisher, language, author?, date?,
 * url?, fileName?, id? }`, or the same fields as multipart/form-data with
 * the text as `file` (an upload) or `text`. Answers 201
 * `{ source, yaml, existed }`: the entry to add under `sources:` (the
 * scenario file itself is not changed) and the same as YAML.
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const read = await readUpload(request);
	if (!read.ok) return refused(read, lang);
	const added = scenarioStore(lang).addSource(params.id, read.upload);
	if (!added.ok) return refused(added, lang);
	const { ok: _ok, ...answer } = added;
	return json(answer, { status: added.existed ? 200 : 201 });
};
