import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core/index.js';
import { exampleText, lineOf, replaceOnce } from '../helpers/scenarios.js';

/**
 * Each case replaces the worked example's one assumption with the given
 * YAML; the issue must carry the message and point at the line holding `at`.
 */
const original = `  - id: p_evade
    label: Targeted networks adapt and evade
    kind: probability
    default: 0.5
    min: 0
    max: 1
    step: 0.05
    distribution: { type: beta, alpha: 5, beta: 5 }
    citations: [c-evasion]
    judgment: true
`;

const keep = '    citations: [c-evasion]\n';
const cases: { name: string; yaml: string; message: RegExp; at: string }[] = [
	{ name: 'a number without a range', yaml: `  - id: p_evade\n    label: L\n    kind: number\n    default: 0.5\n${keep}`, message: /Number assumption "p_evade" needs "min" and "max"/, at: '  - id: p_evade' },
	{ name: 'a probability range beyond 0..1', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    max: 1.5\n${keep}`, message: /A probability's range lies within 0\.\.1; got 0\.\.1\.5/, at: '  - id: p_evade' },
	{ name: 'max not above min', yaml: `  - id: p_evade\n    label: L\n    kind: number\n    default: 1\n    min: 2\n    max: 1\n${keep}`, message: /"max" \(1\) must be greater than "min" \(2\)/, at: '    max: 1' },
	{ name: 'a range on a boolean', yaml: `  - id: p_evade\n    label: L\n    kind: boolean\n    default: true\n    min: 0\n${keep}`, message: /A boolean assumption has no "min"/, at: '    min: 0' },
	{ name: 'a boolean default that is not true or false', yaml: `  - id: p_evade\n    label: L\n    kind: boolean\n    default: 1\n${keep}`, message: /"p_evade" is true or false/, at: '    default: 1' },
	{ name: 'a choice without options', yaml: `  - id: p_evade\n    label: L\n    kind: choice\n    default: a\n${keep}`, message: /Choice assumption "p_evade" needs "options"/, at: '  - id: p_evade' },
	{ name: 'a choice default that is no option', yaml: `  - id: p_evade\n    label: L\n    kind: choice\n    default: c\n    options: [{ id: a, label: A, value: 0 }, { id: b, label: B, value: 1 }]\n${keep}`, message: /"p_evade" is one of a, b/, at: '    default: c' },
	{ name: 'duplicate option ids', yaml: `  - id: p_evade\n    label: L\n    kind: choice\n    default: a\n    options:\n      - { id: a, label: A, value: 0 }\n      - { id: a, label: B, value: 1 }\n${keep}`, message: /Duplicate option id "a"/, at: '      - { id: a, label: B' },
	{ name: 'options on a number', yaml: `  - id: p_evade\n    label: L\n    kind: number\n    default: 0\n    min: 0\n    max: 1\n    options: [{ id: a, label: A, value: 0 }]\n${keep}`, message: /Only a choice assumption has options/, at: '    options:' },
	{ name: 'a triangular distribution out of order', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    distribution: { type: triangular, min: 0.5, mode: 0.2, max: 0.9 }\n${keep}`, message: /triangular distribution needs min ≤ mode ≤ max/, at: '    distribution:' },
	{ name: 'a uniform distribution beyond the range', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    distribution: { type: uniform, min: 0, max: 2 }\n${keep}`, message: /reaches outside the assumption's range 0\.\.1/, at: '    distribution:' },
	{ name: 'discrete values and weights of different lengths', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    distribution: { type: discrete, values: [0.1, 0.5], weights: [1] }\n${keep}`, message: /one weight per value: 2 values, 1 weights/, at: '    distribution:' },
	{ name: 'discrete weights all zero', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    distribution: { type: discrete, values: [0.5], weights: [0] }\n${keep}`, message: /weights must not all be zero/, at: '    distribution:' },
	{ name: 'a continuous distribution on a boolean', yaml: `  - id: p_evade\n    label: L\n    kind: boolean\n    default: true\n    distribution: { type: uniform, min: 0, max: 1 }\n${keep}`, message: /A boolean assumption takes a discrete distribution/, at: '    distribution:' },
	{ name: 'boolean discrete values other than 0 and 1', yaml: `  - id: p_evade\n    label: L\n    kind: boolean\n    default: true\n    distribution: { type: discrete, values: [0, 2], weights: [1, 1] }\n${keep}`, message: /discrete values are 0 \(false\) and 1 \(true\)/, at: '    distribution:' },
	{ name: 'choice discrete values that are no option position', yaml: `  - id: p_evade\n    label: L\n    kind: choice\n    default: a\n    options: [{ id: a, label: A, value: 0 }]\n    distribution: { type: discrete, values: [0, 1], weights: [1, 1] }\n${keep}`, message: /option positions 0\.\.0/, at: '    distribution:' },
	{ name: 'an unknown distribution type', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n    distribution: { type: poisson, lambda: 1 }\n${keep}`, message: /distribution type is one of beta, triangular, uniform, normal, discrete/, at: '    distribution:' },
	{ name: 'an assumption with no citation', yaml: `  - id: p_evade\n    label: L\n    kind: probability\n    default: 0.5\n`, message: /Assumption "p_evade" cites no source/, at: '  - id: p_evade' },
	{ name: 'an unknown kind', yaml: `  - id: p_evade\n    label: L\n    kind: percentage\n    default: 0.5\n${keep}`, message: /kind is one of probability, number, boolean, choice/, at: '    kind: percentage' }
];

describe('assumptions are checked for their kind, range and distribution', () => {
	it.each(cases)('$name', ({ yaml, message, at }) => {
		const text = replaceOnce(exampleText(), original, yaml);
		const issues = parseScenario(text).issues;
		const issue = issues.find((i) => message.test(i.message));
		expect(issue, issues.map((i) => `${i.line}: ${i.message}`).join('\n')).toBeDefined();
		expect(issue!.line).toBe(lineOf(text, at));
	});

	it('warns about a normal distribution that lies outside the range', () => {
		const text = replaceOnce(exampleText(), 'distribution: { type: beta, alpha: 5, beta: 5 }', 'distribution: { type: normal, mean: 3, sd: 0.2 }');
		const result = parseScenario(text);
		expect(result.scenario).toBeDefined();
		expect(result.issues.some((i) => i.severity === 'warning' && /lies almost wholly outside the range 0\.\.1/.test(i.message))).toBe(true);
	});

	it('warns, without failing, about a beta distribution on a narrowed probability', () => {
		const text = replaceOnce(exampleText(), '    max: 1\n    step: 0.05', '    max: 0.9\n    step: 0.05');
		const result = parseScenario(text.replace('presets:\n  - id: adaptive-networks\n    label: Adaptive networks\n    values: { p_evade: 0.8 }\n', 'presets: []\n'));
		expect(result.issues.some((i) => i.severity === 'warning' && /beta distribution spans 0\.\.1/.test(i.message))).toBe(true);
	});
});
