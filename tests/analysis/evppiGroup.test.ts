import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/runCommand.js';
import { buildMachine, createEvaluator, evppiGroup } from '../../src/lib/core/index.js';
import { parseValid } from '../helpers/scenarios.js';

// A pays x + y − 0.5, B pays 0.5, x and y uniform on 0..1 (the fixture's comment).
const FILE = 'tests/fixtures/analysis/voi/scenario.yaml';
const evaluator = createEvaluator(buildMachine(parseValid(readFileSync(FILE, 'utf8'))));

describe('partial EVPI of a group of assumptions', () => {
	it('is 0.125 for x alone and for y alone, as computed by hand', () => {
		expect(Math.abs(evppiGroup(evaluator, ['x'], { outer: 2000, inner: 30 }).value - 0.125)).toBeLessThan(0.01);
		expect(Math.abs(evppiGroup(evaluator, ['y'], { outer: 2000, inner: 30, seed: 2 }).value - 0.125)).toBeLessThan(0.01);
	});

	it('is the EVPI, 1/6, for x and y together: more than the sum of neither alone', () => {
		const both = evppiGroup(evaluator, ['x', 'y'], { outer: 2000, inner: 5 });
		expect(Math.abs(both.value - 1 / 6)).toBeLessThan(0.01);
		expect(both).toMatchObject({ group: ['x', 'y'], outer: 2000, inner: 5, seed: 1 });
	});

	it('is near 0 for an assumption nothing reads (the small excess is the bias of noisy inner means)', () => {
		expect(evppiGroup(evaluator, ['z'], { outer: 300, inner: 100 }).value).toBeLessThan(0.03);
	});

	it('is the same for the same seed', () => {
		expect(evppiGroup(evaluator, ['x'], { outer: 50, inner: 20, seed: 7 })).toEqual(evppiGroup(evaluator, ['x'], { outer: 50, inner: 20, seed: 7 }));
	});
});

describe('analyse evppi --group', () => {
	it('prints the group’s value and how it was estimated', () => {
		const result = runCommand('analyse', [FILE, 'evppi'], { group: 'x,y', runs: '2500' });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/^Partial EVPI of x \+ y learnt together \(weighted score\): 0\.1\d+\nNested Monte Carlo: 50 draws of the group × 50 draws of the other uncertain assumptions, seed 1;/);
	});

	it('names an unknown assumption with the closest one, and says when the group has nothing to learn', () => {
		const bad = runCommand('analyse', [FILE, 'evppi'], { group: 'x,yy' });
		expect(bad.code).toBe(2);
		expect(bad.stderr).toBe('--group: unknown assumption "yy". Did you mean "y"?');
		const appeal = runCommand('analyse', ['tests/fixtures/e2e-scenarios/appeal/scenario.yaml', 'evppi'], { group: 'p' });
		expect(appeal.stdout).toBe('No assumption of the group (p) has a distribution: there is nothing to learn, so its value of information is 0.');
	});
});
