import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/exportCommand.js';

describe('export', { timeout: 60_000 }, () => {
	it('prints text formats to standard output', async () => {
		const result = await exportCommand(['example-minimal'], { format: 'csv' });
		expect(result.code, result.stderr).toBe(0);
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.bytes)).toMatch(/^\uFEFFOption,/);
	});

	it('writes binary formats to --out and says where', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'bp-export-')), 'tree.pdf');
		const result = await exportCommand(['example-minimal'], { format: 'pdf', out });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/^Wrote .*tree\.pdf \(\d+ bytes, application\/pdf\)\.$/);
		expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
	});

	const refusals: [string, string[], Record<string, unknown>, number, RegExp][] = [
		['no scenario', [], { format: 'svg' }, 2, /Usage: export <scenario> --format/],
		['an unknown scenario', ['nowhere'], { format: 'svg' }, 2, /No scenario found at "nowhere"/],
		['no format', ['example-minimal'], {}, 2, /export: Name a format with --format/],
		['a bad value', ['example-minimal'], { format: 'svg', set: ['p_evade=4'] }, 2, /export: set p_evade: .*between 0 and 1/],
		['content the format cannot hold', ['example-minimal'], { format: 'bib', content: 'tree' }, 2, /A bib export holds sources; not "tree"/],
		['a subtree path that names no node', ['example-minimal'], { format: 'svg', subtree: 'NOPE' }, 2, /export: No node at path "NOPE": a path is the move ids from the start joined by "\/", such as "SANCTION"/]
	];
	it.each(refusals)('refuses %s with a message', async (_, args, options, code, message) => {
		const result = await exportCommand(args, options);
		expect(result.code).toBe(code);
		expect(result.stderr).toMatch(message);
		expect(result.bytes).toBeUndefined();
	});
});

describe('export limits', { timeout: 60_000 }, () => {
	it('refuses a PNG too large to rasterise and says what to do instead', async () => {
		const result = await exportCommand(['russia-dprk-2024'], { format: 'png', dpi: '1200' });
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/At 1200 dpi this figure would be [\d,]+ × [\d,]+ pixels \(\d+ Mpx; the limit is 150 Mpx\)\. Choose a lower resolution, a subtree or fewer levels, or SVG or PDF/);
	});
});

describe('the report’s reproduction command', () => {
	it('names a scenario outside scenarios/ by the path it was exported from, and a shipped one by its id', async () => {
		const fromPath = await exportCommand(['tests/fixtures/e2e-scenarios/appeal/scenario.yaml'], { format: 'md' });
		expect(fromPath.code).toBe(0);
		const text = new TextDecoder().decode(fromPath.bytes);
		expect(text).toContain('this command makes the same report again: npm run bp -- export tests/fixtures/e2e-scenarios/appeal/scenario.yaml --format md');
		const byId = new TextDecoder().decode((await exportCommand(['example-minimal'], { format: 'md' })).bytes);
		expect(byId).toContain('npm run bp -- export example-minimal --format md');
		const byFolder = new TextDecoder().decode((await exportCommand(['scenarios/example-minimal'], { format: 'md' })).bytes);
		expect(byFolder).toContain('npm run bp -- export example-minimal --format md');
	});
});
