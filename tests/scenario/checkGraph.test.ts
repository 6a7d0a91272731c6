import { describe, expect, it } from 'vitest';
import { buildMachine, parseScenario, resolveValues, unrollTree } from '../../src/lib/core/index.js';
import { exampleText, lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';

const extraState = (yaml: string) => exampleText() + yaml;

describe('the machine’s graph', () => {
	it('warns about a state nothing leads to, without failing', () => {
		const text = extraState('    orphan:\n      type: final\n      meta: { label: Orphan, citations: [c-limited] }\n');
		const result = parseScenario(text);
		expect(result.scenario).toBeDefined();
		const warning = result.issues.find((i) => i.severity === 'warning' && /"orphan" cannot be reached/.test(i.message));
		expect(warning?.line).toBe(lineOf(text, '    orphan:'));
	});

	/** WAIT leads into loop_a → loop_b → back to loop_a or out; `bound` puts maxVisits on loop_a. */
	const loopText = (bound?: number) => {
		const text = replaceOnce(exampleText(), '          target: status_quo', '          target: loop_a');
		return (
			text +
			[
				'    loop_a:',
				`      meta: { actor: networks, label: A, ${bound === undefined ? '' : `maxVisits: ${bound}, `}citations: [c-limited] }`,
				'      on:',
				'        NEXT: { target: loop_b, meta: { label: Next, citations: [c-limited] } }',
				'    loop_b:',
				'      meta: { actor: networks, label: B, citations: [c-limited] }',
				'      on:',
				'        BACK: { target: loop_a, meta: { label: Back, citations: [c-limited] } }',
				'        OUT: { target: status_quo, meta: { label: Out, citations: [c-limited] } }',
				''
			].join('\n')
		);
	};

	it('names every state of an unbounded cycle', () => {
		const issue = parseScenario(loopText()).issues.find((i) => /cycle with no bound/.test(i.message));
		expect(issue?.message).toMatch(/loop_a → loop_b → loop_a/);
	});

	it('accepts the same cycle bounded by maxVisits and unrolls it finitely', () => {
		const text = loopText(2);
		const scenario = parseValid(text);
		const model = buildMachine(scenario);
		const { tree, issues } = unrollTree(model, { values: resolveValues(scenario, model.book) });
		expect(issues).toEqual([]);
		const loops = tree!.nodes.map((n) => n.path.split('/').filter((m) => m === 'BACK').length);
		expect(Math.max(...loops)).toBe(1);
	});
});
