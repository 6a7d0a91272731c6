import { json } from '@sveltejs/kit';
import { silverDecisionsToScenario } from '$lib/core/index.js';
import { SD_LIMITS } from '$lib/core/silverdecisions/sdTypes.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { readJsonObject, refused, stringField, writeRefusal } from '$lib/server/editRequest.js';
import { refusal } from '$lib/server/editRefusal.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { RequestHandler } from './$types';

/**
 * `POST /scenarios/import` with JSON `{ id, fileName?, text }`, `text` a
 * SilverDecisions file: makes scenarios/<id>/ from it, as `npm run bp --
 * import` does. Answers 201 with `Location: /s/<id>/edit` and `{ id,
 * location, etag, valid, issues, missingCitations }` (each placeholder
 * citation, located in the new file); 422 with `{ message, issues }` when
 * the file cannot be imported, its problems located by JSON path.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	const lang = getLocale();
	const denied = writeRefusal(request, url);
	if (denied) return refused(denied, lang);
	const read = await readJsonObject(request, SD_LIMITS.text * 3);
	if (!read.ok) return refused(read, lang);
	const id = stringField(read.body, 'id') ?? '';
	const text = stringField(read.body, 'text');
	if (text === undefined) return refused(refusal('bad-form'), lang);
	const fileName = stringField(read.body, 'fileName')?.replace(/^.*[\\/]/, '').slice(0, 200) || undefined;
	const imported = silverDecisionsToScenario(text, { id, asOf: new Date().toISOString().slice(0, 10), fileName, lang });
	if (!imported.yaml) {
		const count = imported.issues.filter((i) => i.severity === 'error').length;
		return json({ message: m.edu_import_failed({ count }, { locale: lang }), issues: imported.issues }, { status: 422 });
	}
	const created = scenarioStore(lang).create(id, { from: 'text', text: imported.yaml });
	if (!created.ok) return refused(created, lang);
	const location = `/s/${id}/edit`;
	return json({ id, location, etag: created.etag, valid: created.valid, issues: created.issues, missingCitations: imported.missingCitations }, { status: 201, headers: { location, etag: created.etag } });
};
