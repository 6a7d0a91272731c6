import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { serverEditing } from '$lib/server/editRequest.js';
import { refusalMessage } from '$lib/server/editRefusal.js';
import { scenarioStore } from '$lib/server/scenarioStore.js';
import type { PageServerLoad } from './$types';

/** The scenario file as stored, its version for the next save, and whether this server lets it be saved. */
export const load: PageServerLoad = ({ params }) => {
	const lang = getLocale();
	const source = scenarioStore(lang).readSource(params.id);
	if (!source.ok) error(source.status, refusalMessage(source, lang));
	return { id: params.id, text: source.text, etag: source.etag, editing: serverEditing() };
};
