import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

/**
 * Why an authoring request (save, restore, create, add a source) is refused,
 * with the HTTP status it answers. The store says why in these terms and
 * `refusalMessage` says it to the user in their language, with what to do.
 */
export const REFUSAL_STATUS = {
	'invalid-id': 400,
	'not-found': 404,
	exists: 409,
	'editing-off': 403,
	'cross-site': 403,
	'if-match-missing': 428,
	stale: 412,
	'too-large': 413,
	'not-utf8': 400,
	unreadable: 422,
	'version-not-found': 404,
	'bad-seq': 400,
	'body-not-json': 400,
	'bad-form': 400,
	'body-too-large': 413,
	'bad-from': 400,
	'bad-title': 400,
	'storage-failed': 500,
	'shared-sources': 409,
	'source-file-name': 400,
	'source-exists': 409,
	'source-too-large': 413,
	'source-not-text': 400,
	'source-empty': 400,
	'source-field': 400,
	'source-field-long': 400,
	'source-date': 400,
	'source-url': 400,
	'source-language': 400,
	'source-id': 400,
	'source-not-found': 404,
	'no-shared-sources': 404
} as const;

export type RefusalReason = keyof typeof REFUSAL_STATUS;

/** The source fields a refusal can name. */
export type SourceField = 'title' | 'publisher' | 'author';

export interface Refusal {
	ok: false;
	reason: RefusalReason;
	status: (typeof REFUSAL_STATUS)[RefusalReason];
	/** What the message names: an id, a version, a limit, a file, a field, an error code. */
	detail: { id?: string; seq?: number; limit?: number; file?: string; field?: SourceField; code?: string };
}

export function refusal(reason: RefusalReason, detail: Refusal['detail'] = {}): Refusal {
	return { ok: false, reason, status: REFUSAL_STATUS[reason], detail };
}

function fieldName(field: SourceField | undefined, locale: { locale: Locale }): string {
	if (field === 'publisher') return m.ed_field_publisher({}, locale);
	if (field === 'author') return m.ed_field_author({}, locale);
	return m.ed_field_title({}, locale);
}

/** What the user reads: why, and what to do. */
export function refusalMessage(r: Refusal, lang: Locale): string {
	const locale = { locale: lang };
	const { id = '', seq = 0, limit = 0, file = '', code = '' } = r.detail;
	switch (r.reason) {
		case 'invalid-id': return m.ed_invalid_id({}, locale);
		case 'not-found': return m.ed_not_found({ id }, locale);
		case 'exists': return m.ed_exists({ id }, locale);
		case 'editing-off': return m.ed_editing_off({}, locale);
		case 'cross-site': return m.ed_cross_site({}, locale);
		case 'if-match-missing': return m.ed_if_match_missing({}, locale);
		case 'stale': return m.ed_stale({}, locale);
		case 'too-large': return m.ed_too_large({ limit }, locale);
		case 'not-utf8': return m.ed_not_utf8({}, locale);
		case 'unreadable': return m.ed_unreadable({}, locale);
		case 'version-not-found': return m.ed_version_not_found({ id, seq }, locale);
		case 'bad-seq': return m.ed_bad_seq({}, locale);
		case 'body-not-json': return m.ed_body_not_json({}, locale);
		case 'bad-form': return m.ed_bad_form({}, locale);
		case 'body-too-large': return m.ed_body_too_large({ limit }, locale);
		case 'bad-from': return m.ed_bad_from({}, locale);
		case 'bad-title': return m.ed_bad_title({}, locale);
		case 'storage-failed': return m.ed_storage_failed({ code }, locale);
		case 'shared-sources': return m.ed_shared_sources({ id }, locale);
		case 'source-file-name': return m.ed_source_file_name({}, locale);
		case 'source-exists': return m.ed_source_exists({ file }, locale);
		case 'source-too-large': return m.ed_source_too_large({ limit }, locale);
		case 'source-not-text': return m.ed_source_not_text({}, locale);
		case 'source-empty': return m.ed_source_empty({}, locale);
		case 'source-field': return m.ed_source_field({ field: fieldName(r.detail.field, locale), limit }, locale);
		case 'source-field-long': return m.ed_source_field_long({ field: fieldName(r.detail.field, locale), limit }, locale);
		case 'source-date': return m.ed_source_date({}, locale);
		case 'source-url': return m.ed_source_url({}, locale);
		case 'source-language': return m.ed_source_language({}, locale);
		case 'source-id': return m.ed_source_id({}, locale);
		case 'source-not-found': return m.ed_source_not_found({ file }, locale);
		case 'no-shared-sources': return m.ed_no_shared_sources({ id }, locale);
	}
}
