import { createHash } from 'node:crypto';
import { LANGUAGE_TAG } from '../core/scenario/pickLanguage.js';
import { SCENARIO_TEXT_LIMITS } from '../core/scenario/schema.js';
import type { Source } from '../core/scenario/types.js';
import { refusal, type Refusal, type SourceField } from './editRefusal.js';
import { isScenarioId, isSourceFileName } from './scenarioId.js';

/** The largest source text taken from the browser, in bytes of UTF-8. */
export const SOURCE_MAX_BYTES = 2 * 1024 * 1024;

/** A scenario's `sources:` entry, as the format has it (scenarios/README.md), its language required. */
export type SourceEntry = Source & { language: string };

/** A source as the browser sends it: its text (pasted, or an uploaded file's bytes) and its metadata. */
export type SourceUpload = Omit<SourceEntry, 'id' | 'file'> & {
	text: string | Uint8Array;
	/** Its file name in sources/ (`.txt` is added when missing); by default its id, else from a hash of the text. */
	fileName?: string;
	/** Its id for citations; by default the file name without `.txt`. */
	id?: string;
};

/** Control characters a text file does not hold (tab, line feed, form feed and carriage return are fine). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * The text to store: strict UTF-8 (a byte that is not is refused, never
 * turned into U+FFFD), no byte-order mark, Unicode NFC as the citation
 * verifier compares, and plainly text — no control characters and no U+FFFD,
 * the marks of a binary file or of text already decoded in the wrong
 * encoding.
 */
function sourceText(text: string | Uint8Array): { ok: true; text: string } | Refusal {
	const limit = SOURCE_MAX_BYTES / 1024;
	let decoded: string;
	if (typeof text === 'string') {
		if (!text.isWellFormed()) return refusal('not-utf8');
		decoded = text;
	} else {
		if (text.length > SOURCE_MAX_BYTES) return refusal('source-too-large', { limit });
		try {
			decoded = new TextDecoder('utf-8', { fatal: true }).decode(text);
		} catch {
			return refusal('not-utf8');
		}
	}
	const normal = decoded.replace(/^\uFEFF/, '').normalize('NFC');
	if (Buffer.byteLength(normal, 'utf8') > SOURCE_MAX_BYTES) return refusal('source-too-large', { limit });
	if (CONTROL.test(normal) || normal.includes('\uFFFD')) return refusal('source-not-text');
	if (normal.trim() === '') return refusal('source-empty');
	return { ok: true, text: normal };
}

function label(field: SourceField, value: string | undefined, required: boolean): Refusal | undefined {
	const limit = SCENARIO_TEXT_LIMITS.label;
	const text = value?.trim() ?? '';
	if (text === '') return required ? refusal('source-field', { field, limit }) : undefined;
	if (text.length > limit || /[\r\n]/.test(text)) return refusal('source-field-long', { field, limit });
	return undefined;
}

/** A calendar date written YYYY-MM-DD. */
function isDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function isWebAddress(text: string): boolean {
	if (text.length > SCENARIO_TEXT_LIMITS.description) return false;
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/**
 * Checks a source the browser sends and gives the file to write and the
 * entry the scenario's `sources:` needs, or why not. Touches no file.
 */
export function checkSourceUpload(upload: SourceUpload): { ok: true; file: string; text: string; entry: SourceEntry } | Refusal {
	const checked = sourceText(upload.text);
	if (!checked.ok) return checked;
	const asked = upload.id?.trim();
	if (asked && !isScenarioId(asked)) return refusal('source-id');
	// Named as asked, else after its id, else from a hash of its text.
	const named = upload.fileName?.trim() || asked;
	const file = named ? (named.endsWith('.txt') ? named : `${named}.txt`) : `${createHash('sha256').update(checked.text).digest('hex').slice(0, 16)}.txt`;
	if (!isSourceFileName(file)) return refusal('source-file-name');
	const id = upload.id?.trim() || file.slice(0, -'.txt'.length);
	if (!isScenarioId(id)) return refusal('source-id');
	const problem = label('title', upload.title, true) ?? label('publisher', upload.publisher, true) ?? label('author', upload.author, false);
	if (problem) return problem;
	const date = upload.date?.trim() ?? '';
	if (date !== '' && !isDate(date)) return refusal('source-date');
	const url = upload.url?.trim() ?? '';
	if (url !== '' && !isWebAddress(url)) return refusal('source-url');
	const language = upload.language?.trim() ?? '';
	if (!LANGUAGE_TAG.test(language)) return refusal('source-language');
	const entry: SourceEntry = {
		id,
		file,
		title: upload.title.trim(),
		publisher: upload.publisher.trim(),
		...(upload.author?.trim() ? { author: upload.author.trim() } : {}),
		...(date ? { date } : {}),
		...(url ? { url } : {}),
		language
	};
	return { ok: true, file, text: checked.text, entry };
}
