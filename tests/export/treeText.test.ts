import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMachine, evaluateScenario, evaluationJson, treeText } from '../../src/lib/core/index.js';
import { parseValid, SHIPPED_FILE } from '../helpers/scenarios.js';

const scenario = parseValid(readFileSync(SHIPPED_FILE, 'utf8'));
const run = evaluateScenario(buildMachine(scenario));
const text = (options: { maxDepth?: number; optimalOnly?: boolean; lang?: 'en' | 'ja' }) => treeText({ scenario, flat: run.flat!, evaluation: run.evaluation!, ...options });

describe('the text tree', () => {
	it('prints one line per node, and a line for the title', () => {
		expect(text({}).split('\n')).toHaveLength(run.flat!.size + 1);
	});

	it('stops at the requested depth and says how many moves lie below', () => {
		const lines = text({ maxDepth: 1 }).split('\n');
		expect(lines.filter((l) => /… \(\d+ moves below; raise --depth\)/.test(l)).length).toBe(run.flat!.childCount[0]);
	});

	it('shows only the optimal policy’s moves at decisions when asked', () => {
		const optimal = text({ optimalOnly: true });
		const rootChoices = optimal.split('\n').filter((l) => /^[├└]─ /.test(l));
		expect(rootChoices).toHaveLength(1);
		expect(rootChoices[0]).toMatch(/^└─ ★ /);
		expect(optimal.split('\n').length).toBeLessThan(run.flat!.size);
	});

	it('says its words in Japanese with lang ja, the same lines otherwise', () => {
		const english = text({ maxDepth: 1 }).split('\n');
		const japanese = text({ maxDepth: 1, lang: 'ja' }).split('\n');
		expect(japanese).toHaveLength(english.length);
		expect(japanese[0]).toMatch(/ — 視点：/);
		expect(japanese[1]).toMatch(/ \[意思決定 · .+\] ▸ 期待値：security -?[\d.]+, .+ \| スコア -?[\d.]+$/);
		expect(japanese.filter((l) => /…（この下に \d+ 手。--depth を上げると表示）/.test(l)).length).toBe(run.flat!.childCount[0]);
		expect(text({ maxDepth: 1, lang: 'en' })).toBe(english.join('\n'));
	});

	it('gives JSON whose root values match the evaluation and whose policy starts at the root', () => {
		const json = evaluationJson({ scenario, flat: run.flat!, evaluation: run.evaluation!, values: run.values });
		expect(json.score).toBe(run.evaluation!.score[0]);
		expect(json.policy[0].path).toBe('');
		expect(json.nodes).toHaveLength(run.flat!.size);
		expect(Object.keys(json.actorScores)).toEqual(['coalition', 'russia', 'dprk', 'china']);
	});
});
