import { isMap, isScalar, type Document, type Pair } from 'yaml';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath } from './Issue.js';
import { yamlNodeAt } from './locate.js';

/** A pair written without a value: `then act` in `{ label: Wait, then act }`. */
function valueless(pair: Pair): boolean {
	return pair.value === null || (isScalar(pair.value) && pair.value.value === null);
}

/**
 * The hint for an unknown key that is most likely the tail of a value cut at
 * a comma. Inside a flow mapping a comma ends the value, so YAML reads
 * `{ label: Wait, then act }` as `label: Wait` plus a key `then act` with no
 * value (YAML 1.2, §7.4 "Flow Collection Styles"). Applies when the unknown
 * key sits in a `{ … }` map and has no value or contains a space; the
 * empty string otherwise; in `lang`. Pure.
 */
export function commaSplitHint(doc: Document.Parsed, path: DocPath, key: string, lang: Locale = 'en'): string {
	const { node: map, depth } = yamlNodeAt(doc, path);
	if (depth !== path.length || !isMap(map) || !map.flow) return '';
	const pairs = map.items as Pair[];
	const index = pairs.findIndex((p) => isScalar(p.key) && p.key.value === key);
	if (index < 0 || !(valueless(pairs[index]) || /\s/.test(key))) return '';
	const general = m.val_comma_splits({}, { locale: lang });
	if (!valueless(pairs[index])) return general;
	// The value that was cut: the nearest earlier pair with a value, then
	// every valueless key after it (`{ label: a, b, c }` gives "a, b, c").
	let head = index - 1;
	while (head >= 0 && valueless(pairs[head])) head--;
	const first = pairs[head];
	if (!first || !isScalar(first.key) || !isScalar(first.value)) return general;
	let end = head + 1;
	while (end < pairs.length && valueless(pairs[end]) && isScalar(pairs[end].key)) end++;
	const parts = [first.value, ...pairs.slice(head + 1, end).map((p) => p.key)].map((s) => String((s as { value: unknown }).value));
	return m.val_comma_splits_quote({ key: String(first.key.value), value: JSON.stringify(parts.join(', ')) }, { locale: lang });
}
