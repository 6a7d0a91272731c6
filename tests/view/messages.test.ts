import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Entry = string | { match: Record<string, string> }[];
const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, Entry>;
/** Every text of a message: itself, or each variant of one that varies (plurals). */
const texts = (entry: Entry): string[] => (typeof entry === 'string' ? [entry] : entry.flatMap((v) => Object.values(v.match)));
const keys = (locale: string) => Object.keys(catalogue(locale)).filter((k) => k !== '$schema');

function filesUnder(dir: string, ends: string[]): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return path.endsWith('paraglide') ? [] : filesUnder(path, ends);
		return ends.some((e) => name.endsWith(e)) ? [path] : [];
	});
}

/**
 * Views whose words are not yet in the catalogue. Each must still hold a
 * hard-coded word (the list only shrinks); every other view must hold none.
 */
const NOT_YET_TRANSLATED = new Set<string>([]);

/** Names that are the same in every language. */
const PROPER = /^(Branchpoint|Monte Carlo|EVPI|XState|CSV|SVG|PNG|PDF|DOCX|JSON|BibTeX|CSL|[A-Z]|R|λ|\d+ dpi)$/;

/**
 * Words a reader sees that a view writes itself rather than takes from the
 * catalogue: text between tags and the values of title, aria-label,
 * placeholder, alt and label attributes, once scripts, styles, comments,
 * `{…}` expressions and `<code>` are set aside.
 */
export function hardCodedWords(source: string): string[] {
	let markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<code>[\s\S]*?<\/code>/g, '');
	// Expressions, nested braces included.
	let out = '';
	let depth = 0;
	for (const ch of markup) {
		if (ch === '{') depth++;
		if (depth === 0) out += ch;
		if (ch === '}') depth = Math.max(0, depth - 1);
	}
	markup = out;
	const found: string[] = [];
	for (const match of markup.matchAll(/\b(?:title|aria-label|placeholder|alt|label)="([^"]*)"/g)) found.push(match[1]);
	for (const match of markup.matchAll(/>([^<>]+)</g)) found.push(match[1]);
	return found.map((t) => t.replace(/&[a-z]+;/g, ' ').trim()).filter((t) => /\p{L}{2,}/u.test(t) && !PROPER.test(t));
}

describe('the message catalogues', () => {
	it('give every message in English and in Japanese', () => {
		expect(keys('ja').sort()).toEqual(keys('en').sort());
		for (const locale of ['en', 'ja']) {
			for (const [key, entry] of Object.entries(catalogue(locale))) for (const text of texts(entry)) expect(text.trim(), `${locale}: ${key}`).not.toBe('');
		}
	});

	it('hold no message that nothing uses', () => {
		const code = filesUnder('src', ['.svelte', '.ts']).map((f) => readFileSync(f, 'utf8')).join('\n');
		const unused = keys('en').filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(code));
		expect(unused).toEqual([]);
	});

	it('use the same placeholders in both languages', () => {
		const placeholders = (entry: Entry) => [...new Set(texts(entry).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();
		const ja = catalogue('ja');
		for (const [key, entry] of Object.entries(catalogue('en'))) if (key !== '$schema') expect(placeholders(ja[key] ?? ''), key).toEqual(placeholders(entry));
	});
});

describe('views take their words from the catalogue', () => {
	const views = filesUnder('src', ['.svelte']).map((f) => f.split('\\').join('/'));

	it.each(views.filter((f) => !NOT_YET_TRANSLATED.has(f)))('%s writes no word of its own', (file) => {
		expect(hardCodedWords(readFileSync(file, 'utf8'))).toEqual([]);
	});

	it('the list of views not yet translated holds only views that still need it', () => {
		for (const file of NOT_YET_TRANSLATED) expect(hardCodedWords(readFileSync(file, 'utf8')), file).not.toEqual([]);
	});

	it('the check finds what it should', () => {
		expect(hardCodedWords('<script>const x = "Hello";</script><p>Hello {name}</p><button title="Close" aria-label={m.close()}>{m.ok()}</button><code>npm run bp</code>')).toEqual(['Close', 'Hello']);
	});
});
