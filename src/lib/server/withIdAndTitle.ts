import { isMap, isScalar, parseDocument } from 'yaml';

/**
 * A copy of a scenario's text under a new id (and title, if given): only
 * the top-level `id` and `title` values are replaced, so comments, order
 * and layout stay as the author wrote them. A text without a top-level map
 * (a broken draft) is returned as it is. Pure.
 */
export function withIdAndTitle(text: string, id: string, title?: string): string {
	const doc = parseDocument(text, { schema: 'core', merge: false, keepSourceTokens: false });
	if (!isMap(doc.contents)) return text;
	const edits: { at: number; end: number; insert: string }[] = [];
	for (const pair of doc.contents.items) {
		if (!isScalar(pair.key) || !pair.value || typeof pair.value !== 'object' || !('range' in pair.value) || !pair.value.range) continue;
		const [at, end] = pair.value.range;
		// JSON's strings are YAML 1.2 double-quoted scalars; a map's end is its last line's end.
		if (pair.key.value === 'id') edits.push({ at, end, insert: JSON.stringify(id) });
		if (pair.key.value === 'title' && title !== undefined) edits.push({ at, end: isScalar(pair.value) ? end : trimEnd(text, end), insert: JSON.stringify(title) });
	}
	let out = text;
	for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.end);
	return out;
}

/** The end of a block value without the line breaks after it, which belong to the next key. */
function trimEnd(text: string, end: number): number {
	let at = end;
	while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
	return at;
}
