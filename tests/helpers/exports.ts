import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseExportRequest, type ExportRequest, type RawExportOptions, type Scenario } from '../../src/lib/core/index.js';
import type { ExportSource } from '../../src/lib/export/exportContext.js';
import { EXAMPLE_FILE, parseValid, SHIPPED_FILE } from './scenarios.js';

/** A scenario file as the exporter gets it: parsed, with its id and hash. */
export function exportSource(which: 'example' | 'shipped'): ExportSource {
	const file = which === 'example' ? EXAMPLE_FILE : SHIPPED_FILE;
	const bytes = readFileSync(file);
	return { scenario: parseValid(bytes.toString('utf8')), id: which === 'example' ? 'example-minimal' : 'russia-dprk-2024', sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A request that must be valid; fails the test with the problems otherwise. */
export function validRequest(scenario: Scenario, raw: RawExportOptions): ExportRequest {
	const { request, problems } = parseExportRequest(scenario, raw);
	if (!request) throw new Error(problems.join('\n'));
	return request;
}
