import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { verifyCitations } from '../lib/core/index.js';
import { m } from '../lib/paraglide/messages.js';
import { writeDurably } from '../lib/server/durableWrite.js';
import { listScenarios, loadScenario, readSources, resolveScenarioFile } from '../lib/server/scenarioFiles.js';
import type { CommandOptions, CommandResult } from './commandTypes.js';

/**
 * Writes found offsets into the file's citations by editing only those
 * numbers: an `offset` already there gets its new value, a citation without
 * one gets an `offset:` line after its last field (or `, offset: N` in a
 * flow mapping). Everything else in the file stays byte for byte.
 */
export function recordOffsets(text: string, offsets: ReadonlyMap<string, number>): string {
	const doc = parseDocument(text, { schema: 'core', merge: false, keepSourceTokens: false });
	const citations = doc.get('citations', true);
	if (!isSeq(citations)) return text;
	const edits: { at: number; end: number; insert: string }[] = [];
	for (const item of citations.items) {
		if (!isMap(item) || !item.range) continue;
		const offset = offsets.get(String(item.get('id')));
		if (offset === undefined) continue;
		const existing = item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'offset');
		if (existing) {
			const value = existing.value;
			if (isScalar(value) && value.range && value.value !== offset) edits.push({ at: value.range[0], end: value.range[1], insert: String(offset) });
			continue;
		}
		const last = item.items[item.items.length - 1];
		const lastEnd = isScalar(last?.value) || isMap(last?.value) || isSeq(last?.value) ? last.value.range?.[1] : undefined;
		const firstKey = item.items[0]?.key;
		if (lastEnd === undefined || !isScalar(firstKey) || !firstKey.range) continue;
		if (item.flow) {
			edits.push({ at: lastEnd, end: lastEnd, insert: `, offset: ${offset}` });
		} else {
			const lineStart = text.lastIndexOf('\n', firstKey.range[0] - 1) + 1;
			const indent = ' '.repeat(firstKey.range[0] - lineStart);
			// At the end of the last field's line, after any comment on it (a block scalar's value ends with its newline).
			const eol = text[lastEnd - 1] === '\n' ? lastEnd - 1 : text.indexOf('\n', lastEnd);
			const at = eol === -1 ? text.length : eol;
			edits.push({ at, end: at, insert: `\n${indent}offset: ${offset}` });
		}
	}
	let out = text;
	for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.insert + out.slice(edit.end);
	return out;
}

/**
 * `verify-citations --sources <dir> [--write] [scenario…]`: every excerpt
 * of every scenario (or those named) must be found in its source text, in
 * the scenario's own `sources/` folder when it has one (a scenario written
 * in the browser), else in `<dir>`.
 */
export function verifyCitationsCommand(args: string[], options: CommandOptions): CommandResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	if (!options.sources) return { code: 2, stdout: '', stderr: m.cli_vc_no_sources({}, locale) };
	let texts: Map<string, string>;
	try {
		texts = readSources(options.sources);
	} catch {
		return { code: 2, stdout: '', stderr: m.cli_vc_cannot_read({ dir: options.sources }, locale) };
	}
	// Excerpts are in their sources' languages whatever the scenario's texts are loaded in.
	const scenarios = args.length > 0
		? args.map((ref) => {
				const file = resolveScenarioFile(ref);
				return file ? loadScenario(file, lang) : { id: ref, file: ref, issues: [], scenario: undefined };
			})
		: listScenarios(undefined, lang);
	const out: string[] = [];
	const err: string[] = [];
	let checked = 0;
	let failed = 0;
	for (const loaded of scenarios) {
		if (!loaded.scenario) {
			err.push(m.cli_vc_invalid({ file: loaded.file }, locale));
			failed++;
			continue;
		}
		const own = join(dirname(loaded.file), 'sources');
		const results = verifyCitations(loaded.scenario, statSync(own, { throwIfNoEntry: false })?.isDirectory() ? readSources(own) : texts, lang);
		for (const r of results) {
			checked++;
			if (r.ok) out.push(`ok    ${loaded.id} ${r.citation} — ${r.source} ${r.message}`);
			else {
				failed++;
				err.push(`FAIL  ${loaded.id} ${r.citation} — ${r.message}`);
			}
		}
		if (options.write) {
			const text = readFileSync(loaded.file, 'utf8');
			const written = recordOffsets(text, new Map(results.filter((r) => r.ok || r.occurrences > 0).map((r) => [r.citation, r.offset as number])));
			// Atomic, as the browser's saves are: an editor reading the file never sees half of it.
			if (written !== text) writeDurably(loaded.file, new TextEncoder().encode(written));
		}
	}
	out.push(m.cli_vc_summary({ checked, scenarios: scenarios.length, found: checked - failed, failed }, locale));
	return { code: failed > 0 ? 1 : 0, stdout: out.join('\n'), stderr: err.join('\n') };
}
