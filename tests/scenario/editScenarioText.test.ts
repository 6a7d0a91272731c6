import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addToScenarioText, elementAt, outlineStates, parseScenario, removeFromScenarioText, type ScenarioAddition } from '../../src/lib/core/index.js';

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

describe('citing from the editor: a source, a citation attached where it is used', () => {
	const source: ScenarioAddition = { kind: 'source', id: 'mofa-2024', source: { file: 'mofa-2024.txt', title: '外務報道官談話: 露朝「包括的戦略的パートナーシップ条約」', publisher: '外務省', date: '2024-06-20', url: 'https://www.mofa.go.jp/', language: 'ja' } };
	const excerpt = '軍事協力を深めることに深刻な懸念を表明する: 「断固」として';

	it.each(FILES)('adds and removes a source, and a citation attached to a move, a state (block list) and an assumption, leaving %s as it was', (file) => {
		const text = readFileSync(file, 'utf8');
		const scenario = parseScenario(text).scenario!;
		const decision = scenario.states.find((s) => s.moves.length > 0)!;
		const move = decision.moves[0].id;
		const withSource = added(text, source);
		expect(removed(withSource, { kind: 'source', id: 'mofa-2024' })).toBe(text);
		for (const attachTo of [{ kind: 'move', state: decision.id, id: move }, { kind: 'state', id: decision.id }, { kind: 'assumption', id: scenario.assumptions[0].id }] as const) {
			const cited = added(withSource, { kind: 'citation', id: 'c-mofa-concern', source: 'mofa-2024', excerpt, offset: 12, gloss: { en: 'expresses serious concern, "firmly"' }, attachTo });
			const parsed = parseScenario(cited);
			expect(parsed.issues.filter((i) => i.severity === 'error'), attachTo.kind).toEqual([]);
			const c = parsed.scenario!.citations.find((x) => x.id === 'c-mofa-concern');
			expect(c, attachTo.kind).toMatchObject({ source: 'mofa-2024', excerpt, offset: 12, gloss: 'expresses serious concern, "firmly"' });
			const citedBy =
				attachTo.kind === 'move'
					? parsed.scenario!.states.find((s) => s.id === decision.id)!.moves.find((m) => m.id === move)!.citations
					: attachTo.kind === 'state'
						? parsed.scenario!.states.find((s) => s.id === decision.id)!.citations
						: parsed.scenario!.assumptions[0].citations;
			expect(citedBy, attachTo.kind).toContain('c-mofa-concern');
			expect(removed(cited, { kind: 'citation', id: 'c-mofa-concern', attachTo }), attachTo.kind).toBe(withSource);
		}
	});

	it('attaches to a block list and to an empty flow list, and takes the id out again', () => {
		const text = readFileSync(FILES[0], 'utf8').replace('        citations: [c-sanctions]\n      on:', '        citations:\n          - c-sanctions\n      on:');
		const block = added(text, { kind: 'citation', id: 'c-new', source: 'column', excerpt: '効果は限定される', offset: 0, gloss: 'the effect is limited', attachTo: { kind: 'state', id: 'choose' } });
		expect(block).toContain('        citations:\n          - c-sanctions\n          - c-new\n      on:');
		expect(removed(block, { kind: 'citation', id: 'c-new', attachTo: { kind: 'state', id: 'choose' } })).toBe(text);
		const empty = text.replace('            label: Wait\n            citations: [c-limited]', '            label: Wait\n            citations: []');
		const first = added(empty, { kind: 'citation', id: 'c-new', source: 'column', excerpt: '効果は限定される', offset: 0, gloss: 'x', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } });
		expect(first).toContain('            citations: [c-new]');
		expect(removed(first, { kind: 'citation', id: 'c-new', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } })).toBe(empty);
		// The first of two goes with the space after its comma.
		const two = added(text, { kind: 'citation', id: 'c-new', source: 'column', excerpt: '効果は限定される', offset: 0, gloss: 'x', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } });
		expect(two).toContain('citations: [c-limited, c-new]');
		const reordered = two.replace('citations: [c-limited, c-new]', 'citations: [c-new, c-limited]');
		expect(removeFromScenarioText(reordered, { kind: 'citation', id: 'c-new' }).ok).toBe(true);
		expect(removed(reordered, { kind: 'citation', id: 'c-new', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } })).toContain('citations: [c-limited]\n');
	});

	it('writes an excerpt with line breaks, quotes and a colon so that it reads back verbatim, and texts per language', () => {
		const text = readFileSync(FILES[0], 'utf8');
		const tricky = 'a "quoted" word: then # not a comment,\nnext line';
		const next = added(text, { kind: 'citation', id: 'c-tricky', source: 'column', excerpt: tricky, offset: 3, gloss: { en: 'one, two: [three]', ja: '一、二' } });
		expect(next.split('\n').length).toBe(text.split('\n').length + 5);
		const c = parseScenario(next).scenario!.citations.find((x) => x.id === 'c-tricky');
		expect(c).toMatchObject({ excerpt: tricky, gloss: 'one, two: [three]' });
		const labelled = added(text, { kind: 'state', id: 'talks', label: { en: 'Talks, phased', ja: '段階的交渉' }, final: true, citation: 'c-limited' });
		expect(labelled).toContain('label: { en: "Talks, phased", ja: 段階的交渉 }');
	});

	it('quotes ids the YAML would read as numbers or null, so they stay the ids typed', () => {
		const text = readFileSync(FILES[0], 'utf8');
		let next = added(text, { kind: 'source', id: '1e3', source: { file: '1e3.txt', title: 't', publisher: 'p', language: 'ja' } });
		next = added(next, { kind: 'citation', id: '2024', source: '1e3', excerpt: 'x', offset: 0, gloss: 'x', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } });
		const scenario = parseScenario(next).scenario!;
		expect(scenario.sources.at(-1)?.id).toBe('1e3');
		expect(scenario.citations.at(-1)).toMatchObject({ id: '2024', source: '1e3' });
		expect(scenario.states.find((s) => s.id === 'choose')!.moves.find((mv) => mv.id === 'WAIT')!.citations).toEqual(['c-limited', '2024']);
		expect(addToScenarioText(next, { kind: 'citation', id: '2024', source: '1e3', excerpt: 'y', offset: 0 })).toMatchObject({ ok: false });
		expect(removed(next, { kind: 'citation', id: '2024', attachTo: { kind: 'move', state: 'choose', id: 'WAIT' } })).toBe(added(text, { kind: 'source', id: '1e3', source: { file: '1e3.txt', title: 't', publisher: 'p', language: 'ja' } }));
	});

	it('finds the element being edited at the cursor: a move, a state, an assumption, or none', () => {
		const text = readFileSync(FILES[0], 'utf8');
		expect(elementAt(text, text.indexOf('probability: 1 - p_evade'))).toEqual({ kind: 'move', state: 'reaction', id: 'DISRUPTED' });
		expect(elementAt(text, text.indexOf('label: Networks react'))).toEqual({ kind: 'state', id: 'reaction' });
		expect(elementAt(text, text.indexOf('    status_quo:') + 6)).toEqual({ kind: 'state', id: 'status_quo' });
		expect(elementAt(text, text.indexOf('distribution: { type: beta'))).toEqual({ kind: 'assumption', id: 'p_evade' });
		expect(elementAt(text, text.indexOf('Sanctions enforcement'))).toBeUndefined();
		expect(elementAt('id: [broken', 3)).toBeUndefined();
	});

	it('refuses a citation id already taken, or an element that is not there', () => {
		const text = readFileSync(FILES[0], 'utf8');
		expect(addToScenarioText(text, { kind: 'citation', id: 'c-limited', source: 'column', excerpt: 'x', offset: 0, gloss: 'x' })).toEqual({ ok: false, message: '"c-limited" is already there: choose another id.' });
		expect(addToScenarioText(text, { kind: 'citation', id: 'c-x', source: 'column', excerpt: 'x', offset: 0, gloss: 'x', attachTo: { kind: 'state', id: 'nowhere' } })).toMatchObject({ ok: false });
		expect(addToScenarioText(text, { kind: 'source', id: 'column', source: { file: 'a.txt', title: 't', publisher: 'p', language: 'en' } })).toMatchObject({ ok: false });
	});
});

describe('the states of a file that does not validate yet', () => {
	it('lists a state just added, without moves, with its label in the language asked for', () => {
		const text = readFileSync(FILES[1], 'utf8');
		const next = added(text, { kind: 'state', id: 'talks', label: { en: 'Talks', ja: '協議' }, final: false, citation: parseScenario(text).scenario!.citations[0].id });
		expect(parseScenario(next).issues.some((i) => i.severity === 'error')).toBe(true);
		const states = outlineStates(next, 'ja')!;
		expect(states.at(-1)).toEqual({ id: 'talks', label: '協議', final: false });
		expect(states.length).toBe(parseScenario(text).scenario!.states.length + 1);
		expect(outlineStates(readFileSync(FILES[0], 'utf8'), 'ja')!.find((s) => s.id === 'evaded')).toEqual({ id: 'evaded', label: 'Evaded; limited effect', final: true });
		expect(outlineStates('machine: [', 'en')).toBeUndefined();
		expect(outlineStates('id: x', 'en')).toBeUndefined();
	});
});
