import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildMachine,
	evaluateScenario,
	parseScenario,
	verifyCitations,
	type Scenario
} from '../../src/lib/core/index.js';
import { testPoints } from '../../src/lib/core/scenario/testPoints.js';

const SCENARIOS_DIR = 'scenarios';
const SOURCES_DIR = resolve('../shared/sources');

const folders = readdirSync(SCENARIOS_DIR, { withFileTypes: true })
	.filter((entry) => entry.isDirectory())
	.map((entry) => entry.name)
	.sort();

function load(id: string): Scenario {
	const result = parseScenario(readFileSync(join(SCENARIOS_DIR, id, 'scenario.yaml')));
	if (!result.scenario) throw new Error(result.issues.map((i) => `${id}:${i.line}:${i.column} ${i.message}`).join('\n'));
	return result.scenario;
}

/** Every element that must cite a source, named for messages. */
function citingElements(scenario: Scenario): { what: string; citations: string[] }[] {
	return [
		...scenario.actors.filter((a) => a.kind === 'actor').map((a) => ({ what: `actor ${a.id}`, citations: a.citations })),
		...scenario.assumptions.map((a) => ({ what: `assumption ${a.id}`, citations: a.citations })),
		...scenario.states.flatMap((s) => [
			{ what: `state ${s.id}`, citations: s.citations },
			...s.moves.map((m) => ({ what: `move ${s.id}.${m.id}`, citations: m.citations }))
		])
	];
}

describe('the shipped scenarios', () => {
	it('include the worked example and the Russia–DPRK scenario', () => {
		expect(folders).toEqual(expect.arrayContaining(['example-minimal', 'russia-dprk-2024']));
	});

	describe.each(folders)('%s', (id) => {
		it('parses without errors, with its folder name as id', () => {
			const result = parseScenario(readFileSync(join(SCENARIOS_DIR, id, 'scenario.yaml')));
			expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(result.scenario?.id).toBe(id);
		});

		it('cites at least one excerpt for every actor, assumption, state and move', () => {
			const uncited = citingElements(load(id)).filter((e) => e.citations.length === 0).map((e) => e.what);
			expect(uncited).toEqual([]);
		});

		it('glosses every citation and quotes at most 300 characters', () => {
			for (const citation of load(id).citations) {
				expect(citation.gloss.trim(), citation.id).not.toBe('');
				expect(citation.excerpt.trim(), citation.id).not.toBe('');
				expect([...citation.excerpt].length, citation.id).toBeLessThanOrEqual(300);
			}
		});

		it('evaluates without issues at every point the parser checks: defaults, extremes, options and presets', () => {
			const scenario = load(id);
			const model = buildMachine(scenario);
			for (const point of testPoints(scenario)) {
				const run = evaluateScenario(model, { overrides: point.overrides });
				expect(run.issues.map((i) => i.message), point.label).toEqual([]);
				expect(run.evaluation, point.label).toBeDefined();
			}
		});

		// A scenario written in the browser keeps its sources in its own folder; the others read the shared ones.
		const own = join(SCENARIOS_DIR, id, 'sources');
		const sourcesDir = existsSync(own) ? own : SOURCES_DIR;
		it.runIf(existsSync(sourcesDir))('finds every excerpt in its source text', () => {
			const texts = new Map(
				readdirSync(sourcesDir)
					.filter((name) => name.endsWith('.txt'))
					.map((name) => [name, readFileSync(join(sourcesDir, name), 'utf8')])
			);
			const failed = verifyCitations(load(id), texts).filter((check) => !check.ok);
			expect(failed.map((check) => `${check.citation}: ${check.message}`)).toEqual([]);
		});
	});
});

describe('the Russia–DPRK 2024 scenario', () => {
	const scenario = load('russia-dprk-2024');
	const model = buildMachine(scenario);

	it('values outcomes on security, escalation, enforcement, intelligence and cost', () => {
		expect(scenario.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(['security', 'escalation', 'enforcement', 'intelligence', 'cost']));
	});

	it('has a decision below another decision on some path', () => {
		const run = evaluateScenario(model);
		const nodes = run.flat!.tree.nodes;
		const hasDecisionAbove = (i: number): boolean => {
			for (let p = nodes[i].parent; p >= 0; p = nodes[p].parent) if (nodes[p].kind === 'decision') return true;
			return false;
		};
		expect(nodes.some((n, i) => n.kind === 'decision' && hasDecisionAbove(i))).toBe(true);
	});

	it('evaluates without issues at the defaults and at every preset', () => {
		expect(scenario.presets.length).toBeGreaterThan(0);
		for (const overrides of [{}, ...scenario.presets.map((p) => p.values)]) {
			const run = evaluateScenario(model, { overrides });
			expect(run.issues, JSON.stringify(overrides)).toEqual([]);
			expect(run.evaluation!.problems).toEqual([]);
			expect(Number.isFinite(run.evaluation!.score[0])).toBe(true);
		}
	});

	it('evaluates without issues from every deciding actor’s perspective', () => {
		for (const actor of scenario.actors.filter((a) => a.kind === 'actor')) {
			const run = evaluateScenario(model, { perspective: actor.id });
			expect(run.issues, actor.id).toEqual([]);
			expect(run.flat!.tree.nodes.some((n) => n.kind === 'decision'), actor.id).toBe(true);
		}
	});

	it('evaluates without issues optimising each criterion alone', () => {
		for (const criterion of scenario.criteria) {
			expect(evaluateScenario(model, { criterion: criterion.id }).issues, criterion.id).toEqual([]);
		}
	});
});
