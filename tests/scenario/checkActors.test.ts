import { describe, expect, it } from 'vitest';
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
