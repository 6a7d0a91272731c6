import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToScenarioText, parseScenario, removeFromScenarioText, type ScenarioAddition } from '../../src/lib/core/index.js';

const FILES = ['scenarios/example-minimal/scenario.yaml', 'scenarios/russia-dprk-2024/scenario.yaml'];

function added(text: string, addition: ScenarioAddition): string {
	const edit = addToScenarioText(text, addition);
	if (!edit.ok) throw new Error(edit.message);
	return edit.text;
}

function removed(text: string, what: Parameters<typeof removeFromScenarioText>[1]): string {
	const edit = removeFromScenarioText(text, what);
	if (!edit.ok) throw new Error(edit.message);
	return edit.text;
}

describe('the forms’ edits of a scenario file', () => {
	it.each(FILES)('add and then remove each kind of element, leaving %s byte for byte as it was', (file) => {
		const text = readFileSync(file, 'utf8');
		const scenario = parseScenario(text).scenario!;
		const citation = scenario.citations[0].id;
		const decision = scenario.states.find((s) => s.moves.length > 0)!.id;
		const cases: [ScenarioAddition, Parameters<typeof removeFromScenarioText>[1]][] = [
			[{ kind: 'state', id: 'form_state', label: 'Talks: phased, conditional', final: true, citation }, { kind: 'state', id: 'form_state' }],
			[{ kind: 'move', state: decision, id: 'FORM_MOVE', label: 'Propose talks', target: decision, payoff: { criterion: scenario.criteria[0].id, formula: '1 + 1' }, citation }, { kind: 'move', state: decision, id: 'FORM_MOVE' }],
			[{ kind: 'assumption', id: 'form_p', label: 'Chance "talks" start', type: 'probability', value: 0.2, min: 0, max: 1, citation }, { kind: 'assumption', id: 'form_p' }],
			[{ kind: 'criterion', id: 'form_c', label: 'Public support', direction: 'max', weight: 0.5, unit: 'index (0..10)' }, { kind: 'criterion', id: 'form_c' }]
		];
		for (const [addition, what] of cases) {
			const after = added(text, addition);
			expect(after, addition.kind).not.toBe(text);
			// Only lines were added: every line of the file is still there, in order.
			const kept = after.split('\n');
			let k = 0;
			for (const line of text.split('\n')) k = kept.indexOf(line, k) + 1;
			expect(k, addition.kind).toBeGreaterThan(0);
			expect(removed(after, what), addition.kind).toBe(text);
		}
	});

	it('writes elements the scenario then has, as the validator reads them', () => {
		const text = readFileSync(FILES[0], 'utf8');
		let next = added(text, { kind: 'state', id: 'talks', label: 'Talks under way', final: true, citation: 'c-limited' });
		next = added(next, { kind: 'move', state: 'choose', id: 'TALK', label: 'Offer talks', target: 'talks', payoff: { criterion: 'cost', formula: 'p_talk * 2' }, citation: 'c-limited' });
		next = added(next, { kind: 'assumption', id: 'p_talk', label: 'Talks: likely', type: 'probability', value: 0.3, min: 0, max: 1, citation: 'c-limited' });
		next = added(next, { kind: 'criterion', id: 'support', label: 'Public support', direction: 'max', weight: 0.25 });
		const parsed = parseScenario(next);
		expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const scenario = parsed.scenario!;
		expect(scenario.states.find((s) => s.id === 'choose')?.moves.map((m) => m.id)).toEqual(['SANCTION', 'WAIT', 'TALK']);
		expect(scenario.states.find((s) => s.id === 'talks')).toMatchObject({ label: 'Talks under way', final: true });
		expect(scenario.assumptions.at(-1)).toMatchObject({ id: 'p_talk', kind: 'probability', default: 0.3 });
		expect(scenario.criteria.at(-1)).toMatchObject({ id: 'support', direction: 'max', weight: 0.25 });
		// The author's comments are kept.
		expect(next).toContain('# The networks lose what enforcement gains');
	});

	it('gives a state its first move under a new `on:`, and takes both out again', () => {
		const text = readFileSync(FILES[0], 'utf8');
		const withState = added(text, { kind: 'state', id: 'pause', label: 'Pause', final: false, actor: 'coalition', citation: 'c-limited' });
		const withMove = added(withState, { kind: 'move', state: 'pause', id: 'RESUME', label: 'Resume', target: 'choose', citation: 'c-limited' });
		expect(withMove).toMatch(/ {4}pause:\n {6}meta:\n {8}actor: coalition\n {8}label: Pause\n {8}citations: \[c-limited\]\n {6}on:\n {8}RESUME:\n {10}target: choose\n/);
		expect(removed(withMove, { kind: 'move', state: 'pause', id: 'RESUME' })).toBe(withState);
	});

	it('refuses, saying why: a taken id, a bad id, a final state, a file that does not read, in the asker’s language', () => {
		const text = readFileSync(FILES[0], 'utf8');
		expect(addToScenarioText(text, { kind: 'assumption', id: 'p_evade', label: 'x', type: 'number', value: 1, min: 0, max: 2, citation: 'c-limited' })).toEqual({ ok: false, message: '"p_evade" is already there: choose another id.' });
		expect(addToScenarioText(text, { kind: 'criterion', id: '2x', label: 'x', direction: 'max', weight: 1 }, 'ja')).toEqual({ ok: false, message: '"2x" は id にできません。英字か「_」で始め、英数字・「_」・「-」を続けてください。' });
		expect(addToScenarioText(text, { kind: 'move', state: 'evaded', id: 'AGAIN', label: 'x', target: 'choose', citation: 'c-limited' })).toMatchObject({ ok: false, message: '"evaded" is a final state: it has no moves.' });
		expect(addToScenarioText('id: [broken', { kind: 'criterion', id: 'x', label: 'x', direction: 'max', weight: 1 })).toMatchObject({ ok: false });
	});
});
