import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/runCommand.js';
import { exampleText, leakageText, lineOf, replaceOnce } from '../helpers/scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCENARIOS = ['example-minimal', 'russia-dprk-2024'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bp = (command: string, args: string[], options: CommandOptions = {}) => runCommand(command, args, options);

describe('validate', () => {
	it.each(SCENARIOS)('accepts %s with exit code 0 and a summary', (id) => {
		const result = bp('validate', [id]);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/: valid — \d+ states, \d+ moves, \d+ assumptions, \d+ citations; tree of \d+ nodes/);
	});

	it('counts the worked example', () => {
		expect(bp('validate', ['example-minimal']).stdout).toMatch(/valid — 5 states, 4 moves, 1 assumptions, 3 citations; tree of 5 nodes$/);
	});

	it('accepts a folder path and a file path as well as an id', () => {
		expect(bp('validate', ['scenarios/example-minimal']).code).toBe(0);
		expect(bp('validate', ['scenarios/example-minimal/scenario.yaml']).code).toBe(0);
	});

	it('gives JSON with --json', () => {
		const result = bp('validate', ['example-minimal'], { json: true });
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, states: 5, moves: 4, nodes: 5, issues: [] });
	});
});

describe('evaluate and tree', () => {
	it.each(SCENARIOS)('evaluate %s prints expected values, the policy and the starred tree', (id) => {
		const result = bp('evaluate', [id]);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('Expected values');
		expect(result.stdout).toContain('Optimal policy');
		expect(result.stdout).toContain('★');
	});

	it.each(SCENARIOS)('tree %s prints the starred tree without the summary', (id) => {
		const result = bp('tree', [id]);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain('★');
		expect(result.stdout).not.toContain('Optimal policy');
	});

	it('prints the worked example’s numbers and its policy', () => {
		const { stdout } = bp('evaluate', ['example-minimal']);
		expect(stdout).toMatch(/Sanctions enforcement\s+5\s/);
		expect(stdout).toMatch(/Cost to the coalition\s+2\s/);
		expect(stdout).toMatch(/Weighted score\s+4\n/);
		expect(stdout).toContain('(start) → Targeted sanctions [SANCTION]  reached with 100%');
		expect(stdout).toMatch(/★ Targeted sanctions/);
	});

	it.each([
		{ options: { set: ['p_evade=0.9'] }, enforcement: '2.6', shown: 'Assumptions set: p_evade=0.9' },
		{ options: { preset: 'adaptive-networks' }, enforcement: '3.2', shown: 'Assumptions set: p_evade=0.8' },
		{ options: { preset: 'adaptive-networks', set: ['p_evade=0.1'] }, enforcement: '7.4', shown: 'Assumptions set: p_evade=0.1' }
	])('applies $options', ({ options, enforcement, shown }) => {
		const result = bp('evaluate', ['example-minimal'], options);
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toContain(shown);
		expect(result.stdout).toMatch(new RegExp(`Sanctions enforcement\\s+${enforcement.replace('.', '\\.')}\\s`));
	});

	it.each(SCENARIOS)('gives parseable JSON for %s with the policy and every node', (id) => {
		const result = bp('evaluate', [id], { json: true });
		expect(result.code, result.stderr).toBe(0);
		const json = JSON.parse(result.stdout);
		expect(json.scenario).toBe(id);
		expect(Array.isArray(json.policy)).toBe(true);
		expect(json.policy.length).toBeGreaterThan(0);
		expect(json.nodes.length).toBeGreaterThan(1);
		expect(json.nodes[0]).toMatchObject({ path: '', kind: 'decision' });
	});

	it('puts the worked example’s numbers in the JSON', () => {
		const json = JSON.parse(bp('evaluate', ['example-minimal'], { json: true, set: ['p_evade=0.9'] }).stdout);
		expect(json.values).toEqual({ p_evade: 0.9 });
		expect(json.expected.enforcement).toBeCloseTo(2.6, 12);
		expect(json.score).toBeCloseTo(1.6, 12);
		expect(json.policy.map((s: { move: string }) => s.move)).toEqual(['SANCTION']);
		expect(json.nodes).toHaveLength(5);
	});

	it('switches perspective and criterion', () => {
		const result = bp('evaluate', ['example-minimal'], { perspective: 'coalition', criterion: 'cost' });
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('optimising cost');
		expect(result.stdout).toContain('(start) → Wait [WAIT]');
		const networks = bp('evaluate', ['example-minimal'], { perspective: 'networks' });
		expect(networks.stdout).toContain('Perspective: Russia–DPRK supply networks');
		expect(networks.stdout).toContain('[chance · Japan–US–ROK]');
	});

	it('prints each actor’s score by its own preferences, and says when an actor has none', () => {
		expect(bp('evaluate', ['example-minimal']).stdout).toMatch(/Score for Russia–DPRK supply networks\s+-5\n/);
		const dir = mkdtempSync(join(tmpdir(), 'branchpoint-cli-'));
		try {
			writeFileSync(join(dir, 'scenario.yaml'), replaceOnce(exampleText(), '    preferences: { enforcement: -1, cost: 0 }\n', ''));
			const result = bp('evaluate', [dir]);
			expect(result.stdout).toContain('Score for Russia–DPRK supply networks not scored (no preferences)');
			expect(result.stdout).toMatch(/Score for Japan–US–ROK\s+4\n/);
			expect(JSON.parse(bp('evaluate', [dir], { json: true }).stdout).actorScores).toEqual({ coalition: 4 });
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('cuts the tree at --depth and keeps only optimal paths with --optimal', () => {
		expect(bp('tree', ['example-minimal'], { depth: '1' }).stdout).toContain('… (2 moves below; raise --depth)');
		const optimal = bp('tree', ['example-minimal'], { optimal: true }).stdout;
		expect(optimal).toContain('Targeted sanctions');
		expect(optimal).not.toContain('Wait');
	});

	it('reports an unknown perspective without a tree', () => {
		const result = bp('evaluate', ['example-minimal'], { perspective: 'nobody' });
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('Unknown perspective "nobody". Actors who decide: coalition, networks.');
	});
});

describe('usage errors exit with code 2 and say what to do', () => {
	it.each([
		{ name: 'an out-of-range --set', options: { set: ['p_evade=2'] }, message: '--set p_evade: "p_evade" must lie between 0 and 1; got 2.' },
		{ name: 'a misspelt --set', options: { set: ['p_evad=0.3'] }, message: '--set p_evad: Unknown assumption "p_evad". Did you mean "p_evade"?' },
		{ name: 'a --set without =', options: { set: ['p_evade'] }, message: '--set p_evade: write --set id=value.' },
		{ name: 'a non-number --set', options: { set: ['p_evade=lots'] }, message: '--set p_evade: "p_evade" needs a number; got "lots".' },
		{ name: 'an unknown preset', options: { preset: 'soft' }, message: 'Unknown preset "soft"; presets: adaptive-networks.' },
		{ name: 'an unknown criterion', options: { criterion: 'costs' }, message: 'Unknown criterion "costs". Did you mean "cost"? Criteria: enforcement, cost.' },
		{ name: 'a bad --depth', options: { depth: 'two' }, message: '--depth takes a whole number; got "two".' }
	])('$name', ({ options, message }) => {
		const result = bp('evaluate', ['example-minimal'], options);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain(message);
	});

	it('reports every usage error at once', () => {
		const result = bp('evaluate', ['example-minimal'], { set: ['p_evade=2', 'x'], criterion: 'costs' });
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')).toHaveLength(3);
	});

	it('refuses an unknown command', () => {
		const result = bp('frobnicate', ['example-minimal']);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^Unknown command "frobnicate"\. Commands: validate, tree, evaluate, analyse, verify-citations/);
	});

	it.each([
		{ args: [], message: /^Name one scenario/ },
		{ args: ['a', 'b'], message: /^Name one scenario/ },
		{ args: ['no-such-scenario'], message: /^No scenario found at "no-such-scenario"/ }
	])('refuses scenario arguments $args', ({ args, message }) => {
		const result = bp('validate', args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});

	it('asks for the sources folder in verify-citations', () => {
		const result = bp('verify-citations', []);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe('Give the sources folder: --sources <dir>.');
	});
});

describe('a broken scenario file', () => {
	const dir = mkdtempSync(join(tmpdir(), 'branchpoint-cli-'));
	const file = join(dir, 'scenario.yaml');
	let text = replaceOnce(exampleText(), 'target: status_quo', 'target: status_qo');
	text = replaceOnce(text, 'actor: networks', 'actor: netwrks');
	writeFileSync(file, text);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it.each(['validate', 'evaluate', 'tree'])('%s exits 1 with file:line:col errors', (command) => {
		const result = bp(command, [dir]);
		expect(result.code).toBe(1);
		const lines = result.stderr.split('\n');
		const at = (marker: string) => new RegExp(`^${escape(file)}:${lineOf(text, marker)}:\\d+: error: `);
		expect(lines.find((l) => at('target: status_qo').test(l))).toMatch(/Move "WAIT" targets unknown state "status_qo"\. Did you mean "status_quo"\?  \(machine\.states\.choose\.on\.WAIT\.target\)$/);
		expect(lines.find((l) => at('actor: netwrks').test(l))).toMatch(/Unknown actor "netwrks"\. Did you mean "networks"\?/);
		expect(lines.at(-1)).toBe(`2 errors in ${file}`);
	});

	it('lists the issues in JSON with --json', () => {
		const result = bp('validate', [file], { json: true });
		expect(result.code).toBe(1);
		const json = JSON.parse(result.stdout);
		expect(json.valid).toBe(false);
		const errors = json.issues.filter((i: { severity: string }) => i.severity === 'error');
		expect(errors.map((i: { line: number }) => i.line)).toEqual([lineOf(text, 'target: status_qo'), lineOf(text, 'actor: netwrks')]);
		// status_quo can no longer be reached: a warning, which does not fail the file on its own.
		expect(json.issues.find((i: { severity: string }) => i.severity === 'warning')?.message).toMatch(/State "status_quo" cannot be reached/);
	});
});

describe('a derived value that --set makes infinite', () => {
	const dir = mkdtempSync(join(tmpdir(), 'branchpoint-cli-'));
	const file = join(dir, 'scenario.yaml');
	const text = leakageText();
	writeFileSync(file, text);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('is reported once, at its formula, naming the values it read', () => {
		const result = bp('evaluate', [dir], { set: ['routes_open=3', 'routes_closed=3'] });
		expect(result.code).toBe(1);
		const line = lineOf(text, 'formula: routes_open /');
		const column = text.split('\n')[line - 1].indexOf('routes_open /') + 1;
		expect(result.stderr).toBe(
			`${file}:${line}:${column}: error: Derived value leakage = routes_open / (routes_open - routes_closed) is Infinity, not a finite number, with routes_open = 3, routes_closed = 3; a formula must give a finite number (check for division by zero).  (derived[0].formula)`
		);
	});
});

describe('verify-citations', () => {
	const sources = resolve('../shared/sources');

	it.runIf(existsSync(sources))('finds every excerpt of the worked example in the shared sources', () => {
		const result = bp('verify-citations', ['example-minimal'], { sources });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/3 citations checked in 1 scenario: 3 found, 0 failed\.$/);
	});

	it('fails when the sources folder cannot be read', () => {
		const result = bp('verify-citations', ['example-minimal'], { sources: join(tmpdir(), 'branchpoint-no-such-folder') });
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^Cannot read the sources folder/);
	});
});

describe('the command line as a process', () => {
	it('validates the worked example and exits 0', { timeout: 60_000 }, () => {
		const result = spawnSync('node', ['tools/bp.js', 'validate', 'example-minimal'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: 'en_GB.UTF-8' } });
		expect(result.error).toBeUndefined();
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/example-minimal.*: valid — 5 states/);
	});
});

describe('analyse', () => {
	it('prints a tornado with the base policy and marks switches', () => {
		const result = runCommand('analyse', ['russia-dprk-2024', 'tornado'], {});
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Tornado: weighted score at the start, the optimal policy re-chosen at each setting; base -?[\d.]+ with ".+" preferred\./);
		expect(result.stdout).toContain('swept over 11 points');
		expect(result.stdout).toMatch(/◆ from .+: at .+: “.+” → “.+”/);
	});

	it('holds the base policy with --policy fixed and refuses another word', () => {
		const fixed = runCommand('analyse', ['tests/fixtures/e2e-scenarios/appeal/scenario.yaml', 'tornado'], { policy: 'fixed', csv: true });
		expect(fixed.code).toBe(0);
		const [head, ...rows] = fixed.stdout.split('\n').map((line) => line.split(','));
		const p = rows.find((r) => r[0] === 'p')!;
		// Appealing held whatever p: 5 + 4p, from 5 at p = 0 to 9 at p = 1.
		expect(Number(p[head.indexOf('low_value')])).toBeCloseTo(5, 12);
		expect(Number(p[head.indexOf('high_value')])).toBeCloseTo(9, 12);
		expect(p[head.indexOf('switch_decision')]).toBe('GO/LOSE');
		expect(p[head.indexOf('policy')]).toBe('fixed');
		const refused = runCommand('analyse', ['example-minimal', 'tornado'], { policy: 'frozen' });
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/--policy takes "reoptimise" or "fixed"; got "frozen"/);
	});

	it('names the later decision where a threshold switches the policy', () => {
		const result = runCommand('analyse', ['tests/fixtures/e2e-scenarios/appeal/scenario.yaml', 'threshold'], { assumption: 'p' });
		expect(result.stdout).toMatch(/at 0\.375\d*: the optimal policy switches at “The other side's offer” \(after GO → LOSE\): “Accept” → “Appeal”/);
	});

	it('finds the threshold of the worked example as CSV', () => {
		const result = runCommand('analyse', ['example-minimal', 'threshold'], { assumption: 'p_evade', csv: true });
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[0]).toBe('assumption,at,decision,state,from,to');
	});

	it('gives the same Monte Carlo JSON for the same seed', () => {
		const run = () => runCommand('analyse', ['example-minimal', 'montecarlo'], { runs: '200', seed: '4', json: true }).stdout;
		expect(JSON.parse(run()).summaries[0].mean).toBeCloseTo(JSON.parse(run()).summaries[0].mean, 12);
	});

	it('lists the uncertain assumptions in the Monte Carlo and EVPI JSON', () => {
		for (const analysis of ['montecarlo', 'evppi']) {
			expect(JSON.parse(runCommand('analyse', ['example-minimal', analysis], { runs: '50', json: true }).stdout).uncertain).toEqual(['p_evade']);
		}
	});

	it('simulates with the optimal policy on --decisions optimal, and refuses another word', () => {
		const result = runCommand('analyse', ['example-minimal', 'simulate'], { runs: '400', seed: '3', decisions: 'optimal' });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^Simulation: 400 walks, seed 3; Japan–US–ROK follows the optimal policy; other moves drawn by their probabilities\./);
		expect(result.stdout).not.toContain('Status quo');
		expect(runCommand('analyse', ['example-minimal', 'simulate'], { runs: '400' }).stdout).toContain('decisions taken at random');
		const wrong = runCommand('analyse', ['example-minimal', 'simulate'], { decisions: 'best' });
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toBe('--decisions takes "random" or "optimal"; got "best".');
	});

	it('values information only on the assumptions that have a distribution', () => {
		const dir = mkdtempSync(join(tmpdir(), 'branchpoint-cli-'));
		const fixed = '  - id: cost_scale\n    label: Cost scale\n    kind: number\n    default: 1\n    min: 0.5\n    max: 2\n    citations: [c-limited]\n\ncriteria:';
		writeFileSync(join(dir, 'scenario.yaml'), replaceOnce(exampleText(), '\ncriteria:', `\n${fixed}`));
		try {
			const json = JSON.parse(runCommand('analyse', [dir, 'evppi'], { runs: '100', json: true }).stdout);
			expect(json.uncertain).toEqual(['p_evade']);
			expect(json.evppi.map((v: { assumption: string }) => v.assumption)).toEqual(['p_evade']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	describe('on a scenario where no assumption has a distribution', () => {
		const dir = mkdtempSync(join(tmpdir(), 'branchpoint-cli-'));
		writeFileSync(join(dir, 'scenario.yaml'), replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', ''));
		afterAll(() => rmSync(dir, { recursive: true, force: true }));
		const sentence = 'Nothing is uncertain: no assumption has a distribution, so Monte Carlo and EVPI have nothing to vary.';

		it.each(['montecarlo', 'evppi'])('%s says nothing is uncertain instead of the numbers', (analysis) => {
			const result = runCommand('analyse', [dir, analysis], { runs: '50' });
			expect(result.code).toBe(0);
			expect(result.stdout).toBe(sentence);
		});

		it('carries uncertain: [] in JSON', () => {
			const json = JSON.parse(runCommand('analyse', [dir, 'montecarlo'], { runs: '50', seed: '2', json: true }).stdout);
			expect(json).toEqual({ runs: 50, seed: 2, uncertain: [], message: sentence });
		});
	});

	it('simulates the machine and prints end states', () => {
		const result = runCommand('analyse', ['example-minimal', 'simulate'], { runs: '2000', seed: '1' });
		expect(result.stdout).toMatch(/End states:\n\s+[\d.]+%\s+Status quo/);
	});

	it.each([
		[['example-minimal', 'spline'], {}, /Unknown analysis "spline"/],
		[['example-minimal', 'threshold'], {}, /Name the assumption with --assumption/],
		[['example-minimal', 'twoway'], { x: 'p_evade', y: 'nope' }, /Unknown assumption "nope"/],
		[['example-minimal', 'montecarlo'], { runs: '-3' }, /--runs takes a positive whole number/],
		[['example-minimal', 'tornado'], { criterion: 'enforcment' }, /^Unknown criterion "enforcment"\. Did you mean "enforcement"\? Criteria: enforcement, cost\.$/]
	] as const)('refuses %j with exit code 2', (args, options, message) => {
		const result = runCommand('analyse', [...args], options);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(message);
	});
});
