import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/lib/core/index.js';
import { exampleText, lineOf, replaceOnce } from '../helpers/scenarios.js';

const NETWORKS_PREFERENCES = "    # The networks lose what enforcement gains and are indifferent to the coalition's cost.\n    preferences: { enforcement: -1, cost: 0 }\n";
const warningsOf = (text: string) => parseScenario(text).issues.filter((i) => i.severity === 'warning');

describe('actors without preferences', () => {
	it('warns, at the actor, that a non-perspective actor without preferences is left out of per-actor scores', () => {
		const text = replaceOnce(exampleText(), NETWORKS_PREFERENCES, '');
		const result = parseScenario(text);
		expect(result.scenario).toBeDefined();
		expect(warningsOf(text)).toEqual([
			{
				severity: 'warning',
				path: ['actors', 1],
				line: lineOf(text, '  - id: networks'),
				column: 5,
				message: 'Actor "networks" has no preferences: it is left out of per-actor scores. Give it a weight per criterion under "preferences" to score outcomes as it sees them.'
			}
		]);
	});

	it.each([
		{ name: 'the perspective, whose weights are the criteria’s', text: exampleText() },
		{ name: 'nature', text: replaceOnce(replaceOnce(exampleText(), NETWORKS_PREFERENCES, ''), '    name: Russia–DPRK supply networks\n', '    name: Russia–DPRK supply networks\n    kind: nature\n') }
	])('needs none from $name', ({ text }) => {
		expect(warningsOf(text)).toEqual([]);
	});
});

describe('how actors play', () => {
	const ENTRY = readFileSync('tests/fixtures/e2e-scenarios/entry/scenario.yaml', 'utf8');
	const errorsOf = (text: string) => parseScenario(text).issues.filter((i) => i.severity === 'error').map((i) => `${i.line}:${i.column} ${i.message}`);

	it('accepts chance, strategic and bounded play', () => {
		for (const play of ['chance', 'strategic', 'bounded']) expect(errorsOf(ENTRY.replace('play: chance', `play: ${play}`))).toEqual([]);
	});

	it('refuses strategic play without preferences, at the play', () => {
		const text = replaceOnce(ENTRY.replace('play: chance', 'play: strategic'), '    preferences: { entrant: 0, incumbent: 1 }\n', '');
		expect(errorsOf(text)).toEqual([`${lineOf(text, 'play: strategic')}:11 Actor "incumbent" plays strategic, choosing by its own preferences, but states none. Give it a weight per criterion under "preferences".`]);
	});

	it('refuses bounded play without a rationality, and a negative rationality at its formula', () => {
		const without = replaceOnce(ENTRY.replace('play: chance', 'play: bounded'), '    rationality: lambda\n', '');
		expect(errorsOf(without)).toEqual([`${lineOf(without, 'play: bounded')}:11 Actor "incumbent" plays bounded: give its rationality λ ≥ 0 under "rationality" (a formula, usually an assumption; 0 is uniformly random, large is strategic).`]);
		const negative = ENTRY.replace('rationality: lambda', 'rationality: lambda - 5');
		expect(errorsOf(negative)).toEqual([`${lineOf(negative, 'rationality: lambda - 5')}:18 The rationality λ of "incumbent" is -4 at the defaults (it reads lambda = 1); it must be 0 or more (0 is uniformly random).`]);
	});

	it('refuses a nature that chooses, and an unknown play with the choices', () => {
		const nature = replaceOnce(ENTRY.replace('play: chance', 'play: strategic'), '    name: Incumbent\n', '    name: Incumbent\n    kind: nature\n');
		expect(errorsOf(nature)).toEqual([`${lineOf(nature, 'play: strategic')}:11 Nature moves by chance; "incumbent" cannot play strategic. Make it an actor (kind: actor) with preferences to let it choose.`]);
		const unknown = ENTRY.replace('play: chance', 'play: smart');
		expect(errorsOf(unknown)).toEqual([`${lineOf(unknown, 'play: smart')}:11 play is chance, strategic or bounded.`]);
	});
});
