import { readFileSync, writeFileSync } from 'node:fs';
import { isMap, isSeq, parseDocument } from 'yaml';
import { verifyCitations } from '../lib/core/index.js';
import { listScenarios, loadScenario, readSources, resolveScenarioFile } from '../lib/server/scenarioFiles.js';
import type { CommandOptions, CommandResult } from './runCommand.js';

/** Writes found offsets into the file's citations, keeping its comments and layout. */
function recordOffsets(file: string, offsets: Map<string, number>): void {
	const doc = parseDocument(readFileSync(file, 'utf8'), { schema: 'core', merge: false });
	const citations = doc.get('citations', true);
	if (!isSeq(citations)) return;
	for (const item of citations.items) {
		if (!isMap(item)) continue;
		const offset = offsets.get(String(item.get('id')));
		if (offset !== undefined) item.set('offset', offset);
	}
	writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/**
 * `verify-citations --sources <dir> [--write] [scenario…]`: every excerpt
 * of every scenario (or those named) must be found in its source text.
 */
export function verifyCitationsCommand(args: string[], options: CommandOptions): CommandResult {
	if (!options.sources) return { code: 2, stdout: '', stderr: 'Give the sources folder: --sources <dir>.' };
	let texts: Map<string, string>;
	try {
		texts = readSources(options.sources);
	} catch {
		return { code: 2, stdout: '', stderr: `Cannot read the sources folder "${options.sources}".` };
	}
	const scenarios = args.length > 0
		? args.map((ref) => {
				const file = resolveScenarioFile(ref);
				return file ? loadScenario(file) : { id: ref, file: ref, issues: [], scenario: undefined };
			})
		: listScenarios();
	const out: string[] = [];
	const err: string[] = [];
	let checked = 0;
	let failed = 0;
	for (const loaded of scenarios) {
		if (!loaded.scenario) {
			err.push(`${loaded.file}: the scenario does not validate; run "npm run bp -- validate ${loaded.file}".`);
			failed++;
			continue;
		}
		const results = verifyCitations(loaded.scenario, texts);
		for (const r of results) {
			checked++;
			if (r.ok) out.push(`ok    ${loaded.id} ${r.citation} — ${r.source} ${r.message}`);
			else {
				failed++;
				err.push(`FAIL  ${loaded.id} ${r.citation} — ${r.message}`);
			}
		}
		if (options.write) {
			recordOffsets(loaded.file, new Map(results.filter((r) => r.ok || r.occurrences > 0).map((r) => [r.citation, r.offset as number])));
		}
	}
	out.push(`${checked} citations checked in ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}: ${checked - failed} found, ${failed} failed.`);
	return { code: failed > 0 ? 1 : 0, stdout: out.join('\n'), stderr: err.join('\n') };
}
