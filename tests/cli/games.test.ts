import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandOptions } from '../../src/cli/runCommand.js';
import { expectClose } from '../helpers/approx.js';
import { replaceOnce } from '../helpers/scenarios.js';

// Hand-solved games, solved through the command line. The fixtures'
// comments give the solutions.
const ENTRY = 'tests/fixtures/e2e-scenarios/entry/scenario.yaml';
const CENTIPEDE = 'tests/fixtures/e2e-scenarios/centipede/scenario.yaml';

interface NodeJson {
	path: string;
	rule: string | null;
	probability: number;
	expected: Record<string, number>;
	best: string | null;
}
interface EvaluationJson {
	expected: Record<string, number>;
	play: Record<string, string>;
	policy: { path: string; move: string; tiedWith: string[] }[];
	nodes: NodeJson[];
}

function evaluateJson(file: string, options: CommandOptions = {}): EvaluationJson {
	const result = runCommand('evaluate', [file], { ...options, json: true });
	expect(result.code, result.stderr).toBe(0);
	return JSON.parse(result.stdout) as EvaluationJson;
}
const node = (json: EvaluationJson, path: string) => json.nodes.find((n) => n.path === path) as NodeJson;

const temp = mkdtempSync(join(tmpdir(), 'bp-games-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('entry deterrence', () => {
	it('played by chance, the threat deters: fighting with probability 0.6 makes entering worth −0.2', () => {
		const json = evaluateJson(ENTRY);
		expect(json.play).toEqual({ incumbent: 'chance' });
		expect(json.policy[0].move).toBe('STAY_OUT');
		expectClose(node(json, 'ENTER').expected.entrant, -0.2);
		expect(json.expected).toEqual({ entrant: 0, incumbent: 2 });
	});

	it('played strategically, the threat is not credible: the subgame-perfect outcome is Enter, Accommodate, (1, 1)', () => {
		const json = evaluateJson(ENTRY, { play: ['incumbent=strategic'] });
		expect(json.play).toEqual({ incumbent: 'strategic' });
		expect(node(json, 'ENTER').rule).toBe('strategic');
		expect(node(json, 'ENTER/ACCOMMODATE').probability).toBe(1);
		expect(node(json, 'ENTER/FIGHT').probability).toBe(0);
		expect(json.policy[0].move).toBe('ENTER');
		expect(json.expected).toEqual({ entrant: 1, incumbent: 1 });
	});

	it('played bounded, the incumbent accommodates with probability 1 / (1 + e^(−2λ)) and entering is worth tanh(λ)', () => {
		for (const lambda of [0, 0.5, 1, 3, 20]) {
			const json = evaluateJson(ENTRY, { play: ['incumbent=bounded'], set: [`lambda=${lambda}`] });
			expectClose(node(json, 'ENTER/ACCOMMODATE').probability, 1 / (1 + Math.exp(-2 * lambda)));
			expectClose(node(json, 'ENTER/FIGHT').probability, 1 / (1 + Math.exp(2 * lambda)));
			expectClose(node(json, 'ENTER').expected.entrant, Math.tanh(lambda));
		}
		// λ = 0 is uniform: entering is worth 0, as staying out is — a tie, reported.
		const uniform = evaluateJson(ENTRY, { play: ['incumbent=bounded'], set: ['lambda=0'] });
		expect(uniform.policy[0].tiedWith).toEqual(['STAY_OUT']);
	});

	it('says in the text who chooses for itself, and what each move is worth to it', () => {
		const result = runCommand('evaluate', [ENTRY], { play: ['incumbent=strategic'] });
		expect(result.stdout).toContain('Choosing for themselves: Incumbent (strategic: its best move by its own preferences, looking ahead).');
		expect(result.stdout).toContain('The incumbent responds [strategic · Incumbent]');
		expect(result.stdout).toContain('p 1 Accommodate [worth 1 to Incumbent] → Shared market');
		expect(result.stdout).toContain('p 0 Fight [worth -1 to Incumbent] → Price war');
	});

	it('splits a strategic actor’s tie equally between its best moves and marks them', () => {
		const file = join(temp, 'indifferent.yaml');
		writeFileSync(file, replaceOnce(readFileSync(ENTRY, 'utf8'), 'preferences: { entrant: 0, incumbent: 1 }', 'preferences: { entrant: 0, incumbent: 0 }'));
		const json = evaluateJson(file, { play: ['incumbent=strategic'] });
		expect(node(json, 'ENTER/FIGHT').probability).toBe(0.5);
		expect(node(json, 'ENTER/ACCOMMODATE').probability).toBe(0.5);
		expect(runCommand('evaluate', [file], { play: ['incumbent=strategic'] }).stdout).toContain('= p 0.5 Fight [worth 0 to Incumbent]');
	});

	it('refuses a play it cannot honour, naming why', () => {
		const result = runCommand('evaluate', [ENTRY], { play: ['incumbent=cunning', 'incumbant=strategic', 'entrant'] });
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--play entrant: write --play actor=chance|strategic|bounded.');
		expect(result.stderr).toContain('Unknown actor "incumbant". Did you mean "incumbent"?');
		expect(result.stderr).toContain('Unknown play "cunning" for incumbent; choose one of chance, strategic, bounded.');
	});
});

describe('a three-stage centipede game', () => {
	it('has the subgame-perfect outcome (1, 0): one takes at once, as two would take at stage 2 and one at stage 3', () => {
		const json = evaluateJson(CENTIPEDE);
		expect(json.play).toEqual({ two: 'strategic' });
		expect(json.policy.map((step) => `${step.path || '(start)'} ${step.move}`)).toEqual(['(start) TAKE1', 'PASS1/PASS2 TAKE3']);
		expect(node(json, 'PASS1/TAKE2').probability).toBe(1);
		expect(node(json, 'PASS1').expected).toEqual({ one: 0, two: 2 });
		expect(json.expected).toEqual({ one: 1, two: 0 });
	});

	it('with two passing by chance half the time, one passes: passing is worth 1.5', () => {
		const json = evaluateJson(CENTIPEDE, { play: ['two=chance'] });
		expect(json.policy[0].move).toBe('PASS1');
		expect(json.expected).toEqual({ one: 1.5, two: 1.5 });
	});
});

describe('exports of a game', () => {
	it('say who chooses for itself: in the tree’s caption, the provenance and the report', async () => {
		const { exportCommand } = await import('../../src/cli/exportCommand.js');
		const svg = new TextDecoder().decode((await exportCommand([CENTIPEDE], { format: 'svg' })).bytes);
		expect(svg.replace(/<\/tspan><tspan[^>]*>/g, ' ')).toContain('Player two (strategic) chooses for itself: the p under its moves are the shares of its choice.');
		expect(svg).toContain('"play":{"two":"strategic"}');
		const report = new TextDecoder().decode((await exportCommand([ENTRY], { format: 'md', play: ['incumbent=strategic'], runs: '10' })).bytes);
		expect(report).toContain('Other actors choose for themselves: Incumbent plays strategic: its best move by its own preferences, looking ahead.');
		expect(report).toContain('incumbent plays strategic');
		expect(report).toContain('--play incumbent=strategic');
	});
});
