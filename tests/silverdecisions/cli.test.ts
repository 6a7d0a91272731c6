import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/exportCommand.js';
import { importCommand } from '../../src/cli/importCommand.js';
import { runCommand } from '../../src/cli/runCommand.js';
import { SD_FIXTURES } from '../helpers/silverdecisions.js';

const HAND = resolve(SD_FIXTURES, 'launch-or-pilot.json');
const scratch = () => mkdtempSync(join(tmpdir(), 'bp-sd-'));

describe('import <file.json> --out <folder>', () => {
	it('writes a scenario folder that validate accepts, and lists each missing citation with its place', () => {
		const folder = join(scratch(), 'launch-or-pilot');
		const result = importCommand([HAND], { out: folder });
		expect(result.code, result.stderr).toBe(0);
		const file = join(folder, 'scenario.yaml');
		expect(result.stdout).toBe(`Wrote ${file}: 10 states, 9 moves, 4 assumptions; 24 places cite only the SilverDecisions file (listed below).\nCheck it with: npm run bp -- validate ${folder}`);
		// Warnings for missing citations only, each at its line and column in the scenario written.
		const lines = result.stderr.split('\n');
		expect(lines).toHaveLength(24);
		for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: warning: .* cites only c-imported, the SilverDecisions file; add a citation of the source it rests on\\.  \\(.*citations\\)$`));
		expect(lines[0]).toContain('Actor "decision_maker"');
		const validated = runCommand('validate', [folder], {});
		expect(validated.code, validated.stderr).toBe(0);
		expect(validated.stdout).toMatch(/: valid — 10 states, 9 moves, 4 assumptions, 1 citations; tree of 10 nodes$/);
		expect(validated.stderr).toBe('');
		// It evaluates at once: the hand-solved value of the root (handWritten.test.ts).
		const evaluated = runCommand('evaluate', [folder], { json: true });
		expect(evaluated.code).toBe(0);
		expect(evaluated.stdout).toContain('146.1');
	});

	it('refuses to overwrite a scenario unless told to', () => {
		const folder = join(scratch(), 'again');
		expect(importCommand([HAND], { out: folder }).code).toBe(0);
		const refused = importCommand([HAND], { out: folder });
		expect(refused.code).toBe(2);
		expect(refused.stderr).toBe(`${join(folder, 'scenario.yaml')} exists already; add --force to replace it, or choose another --out.`);
		expect(importCommand([HAND], { out: folder, force: true }).code).toBe(0);
	});

	it('checks its arguments: the file, the folder name (the scenario id), the tree number', () => {
		const dir = scratch();
		expect(importCommand([], { out: join(dir, 'x') })).toMatchObject({ code: 2, stderr: 'Usage: import <file.json> --out <folder> [--force] [--tree N]' });
		expect(importCommand([HAND], {})).toMatchObject({ code: 2 });
		expect(importCommand([join(dir, 'none.json')], { out: join(dir, 'x') }).stderr).toMatch(/^No file at ".*none\.json"\.$/);
		expect(importCommand([HAND], { out: join(dir, '.hidden') }).stderr).toMatch(/The folder name "\.hidden" is the scenario's id/);
		expect(importCommand([HAND], { out: join(dir, 'two words') }).code).toBe(2);
		expect(importCommand([HAND], { out: join(dir, 'x'), tree: 'one' }).stderr).toBe('--tree takes a tree\'s number (0, 1, …), not "one".');
		writeFileSync(join(dir, 'plain'), 'not a folder');
		expect(importCommand([HAND], { out: join(dir, 'plain') }).stderr).toMatch(/is a file; --out names the scenario folder to write/);
		expect(existsSync(join(dir, 'x'))).toBe(false);
	});

	it('reports a broken file’s errors with their lines and paths, and writes nothing', () => {
		const dir = scratch();
		const broken = join(dir, 'broken.json');
		const text = readFileSync(HAND, 'utf8').replace('"probability": "pplus"', '"probability": "pplus +"');
		writeFileSync(broken, text);
		const result = importCommand([broken], { out: join(dir, 'broken') });
		expect(result.code).toBe(1);
		const line = text.split('\n').findIndex((l) => l.includes('"pplus +"')) + 1;
		expect(result.stderr).toMatch(new RegExp(`broken\\.json:${line}:\\d+: error: This is not an expression SilverDecisions can evaluate: .*\\(data\\.trees\\[0\\]\\.childEdges\\[0\\]\\.childNode\\.childEdges\\[0\\]\\.probability\\)`));
		expect(result.stderr).toMatch(/1 error\(s\) in .*broken\.json; nothing was written\.$/);
		expect(existsSync(join(dir, 'broken'))).toBe(false);
	});

	it('imports another of the file’s trees with --tree, and says the others were left out', () => {
		const folder = join(scratch(), 'transform');
		const result = importCommand([resolve(SD_FIXTURES, 'payofftransform_pass.json')], { out: folder, tree: '1' });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/payofftransform_pass\.json:\d+:\d+: warning: The file has 2 trees; tree 1 is imported and the others are left out\./);
		expect(runCommand('validate', [folder], {}).code).toBe(0);
	});

	it('speaks Japanese with --lang ja', () => {
		const result = importCommand([HAND], { out: join(scratch(), 'ja'), lang: 'ja' });
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/を書き出しました：状態 10、手 9、前提 4。/);
	});
});

describe('export <scenario> --format sd', { timeout: 60_000 }, () => {
	it('prints the SilverDecisions file to standard output', async () => {
		const result = await exportCommand(['example-minimal'], { format: 'sd' });
		expect(result.code, result.stderr).toBe(0);
		const file = JSON.parse(new TextDecoder().decode(result.bytes));
		expect(file).toMatchObject({ SilverDecisions: '1.1.0', rule: 'max-min', viewMode: 'twoCriteria', title: 'Worked example: sanction or wait' });
		expect(file.data.trees[0].childEdges.map((e: { name: string }) => e.name)).toEqual(['Targeted sanctions', 'Wait']);
	});

	it('writes a file with --out, named as the format says, and the import reads it back', async () => {
		const dir = scratch();
		const out = join(dir, 'example.sd.json');
		const result = await exportCommand(['example-minimal'], { format: 'sd', out, set: ['p_evade=0.8'] });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toMatch(/^Wrote .*example\.sd\.json \(\d+ bytes, application\/json\)\.$/);
		expect(JSON.parse(readFileSync(out, 'utf8')).data.code).toMatch(/^p_evade = 0\.8 {2}# Targeted networks adapt and evade$/m);
		const folder = join(dir, 'example-back');
		expect(importCommand([out], { out: folder }).code).toBe(0);
		const evaluated = runCommand('evaluate', [folder], { json: true });
		expect(evaluated.code).toBe(0);
	});

	it('refuses content other than the tree', async () => {
		const result = await exportCommand(['example-minimal'], { format: 'sd', content: 'report' });
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/holds tree; not "report"/);
	});
});
