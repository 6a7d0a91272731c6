import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core/index.js';
import { exampleText, lineOf, replaceOnce } from '../helpers/scenarios.js';

interface Case {
	name: string;
	edit: (text: string) => string;
	message: RegExp;
	/** Text on the line the first matching issue must point at. */
	at: string;
}

const base = exampleText();
const swap = (from: string, to: string) => (text: string) => replaceOnce(text, from, to);
const lowProbability = "probability: 1 - p_evade";

const cases: Case[] = [
	{ name: 'YAML syntax error', edit: swap('title: "Worked example: sanction or wait"', 'title: [unclosed'), message: /YAML syntax error/, at: 'description: >-' },
	{ name: 'duplicate key', edit: swap('asOf: 2024-07-04', 'asOf: 2024-07-04\nasOf: 2024-07-05'), message: /keys must be unique.*appear once/, at: 'asOf: 2024-07-05' },
	{ name: 'unknown field, with did-you-mean', edit: swap('    direction: max', '    directon: max'), message: /Unknown field "directon"\. Did you mean "direction"\?/, at: 'directon: max' },
	{ name: 'unknown state target', edit: swap('target: evaded', 'target: evade'), message: /targets unknown state "evade"\. Did you mean "evaded"\?/, at: 'target: evade' },
	{ name: 'unknown actor', edit: swap('actor: networks', 'actor: netwrks'), message: /Unknown actor "netwrks"\. Did you mean "networks"\?/, at: 'actor: netwrks' },
	{ name: 'unknown assumption in a preset', edit: swap('values: { p_evade: 0.8 }', 'values: { p_evad: 0.8 }'), message: /Unknown assumption "p_evad"\. Did you mean "p_evade"\?/, at: 'p_evad: 0.8' },
	{ name: 'unknown citation', edit: swap('citations: [c-limited]', 'citations: [c-limted]'), message: /Unknown citation "c-limted"\. Did you mean "c-limited"\?/, at: 'c-limted' },
	{ name: 'unknown source', edit: swap('source: column', 'source: colum'), message: /Unknown source "colum"\. Did you mean "column"\?/, at: 'source: colum' },
	{ name: 'missing required field', edit: swap('perspective: coalition\n', ''), message: /Missing required field "perspective"/, at: 'id: example-minimal' },
	{ name: 'formula syntax error with its character position', edit: swap(lowProbability, 'probability: 1 - * p_evade'), message: /Formula syntax error: Value expected/, at: 'probability: 1 - * p_evade' },
	{ name: 'unknown symbol in a formula', edit: swap(lowProbability, 'probability: 1 - p_evad'), message: /Unknown symbol "p_evad".*Did you mean "p_evade"\?/, at: 'probability: 1 - p_evad' },
	{ name: 'range in a formula', edit: swap(lowProbability, 'probability: "1:1e8"'), message: /Ranges such as 1:10 are not allowed/, at: 'probability: "1:1e8"' },
	{ name: 'open-ended range in a formula', edit: swap(lowProbability, 'probability: ":1e308"'), message: /Formula syntax error|Ranges/, at: 'probability: ":1e308"' },
	{ name: 'assignment in a formula', edit: swap(lowProbability, 'probability: p_evade = 1'), message: /Assignments \(=\) are not allowed/, at: 'probability: p_evade = 1' },
	{ name: 'function definition in a formula', edit: swap(lowProbability, 'probability: f(x) = x'), message: /Function definitions are not allowed/, at: 'probability: f(x) = x' },
	{ name: 'property access in a formula', edit: swap(lowProbability, 'probability: p_evade.constructor'), message: /Property access .* not allowed/, at: 'probability: p_evade.constructor' },
	{ name: 'disabled function in a formula', edit: swap(lowProbability, `probability: 'import("fs")'`), message: /Function "import" is not allowed/, at: `probability: 'import("fs")'` },
	{ name: 'evaluate inside a formula', edit: swap(lowProbability, `probability: 'evaluate("1")'`), message: /Function "evaluate" is not allowed/, at: `probability: 'evaluate("1")'` },
	{ name: 'matrix in a formula', edit: swap(lowProbability, 'probability: "[1, 2]"'), message: /Matrices .* not allowed/, at: 'probability: "[1, 2]"' },
	{ name: 'formula too long', edit: swap(lowProbability, `probability: "${'p_evade + '.repeat(60)}0"`), message: /characters long; the limit is 500/, at: 'probability: "p_evade + p_evade' },
	{ name: 'formula nested too deeply', edit: swap(lowProbability, `probability: "${'('.repeat(45)}1${')'.repeat(45)}"`), message: /nests brackets 45 deep; the limit is 40/, at: 'probability: "((((' },
	{ name: 'chance probabilities that do not sum to 1 at the defaults', edit: swap('probability: p_evade\n', 'probability: p_evade * 0.5\n'), message: /sum to 0\.75 at the defaults \(short by 0\.25\)/, at: '    reaction:' },
	{ name: 'chance probabilities that sum to 1 only at some values', edit: swap('probability: p_evade\n', 'probability: max(0.5, p_evade)\n'), message: /sum to 1\.5 with p_evade = 0 \(its minimum\) \(over by 0\.5\)/, at: '    reaction:' },
	{ name: 'probability outside 0..1', edit: (t) => swap('probability: p_evade\n', 'probability: 2 * p_evade\n')(swap(lowProbability, 'probability: 1 - 2 * p_evade')(t)), message: /probability of move "EVADE" is 2 with p_evade = 1 .*between 0 and 1/, at: 'probability: 2 * p_evade' },
	{ name: 'a move into a state that does not exist', edit: swap('          target: status_quo', '          target: limbo'), message: /targets unknown state "limbo"/, at: 'target: limbo' },
	{ name: 'no final state at all', edit: (t) => t.replace(/      type: final\n/g, ''), message: /The machine has no final state; mark outcome states with "type: final"/, at: '  states:' },
	{ name: 'a state from which no final state can be reached', edit: (t) => swap('          target: status_quo', '          target: limbo')(t) + '    limbo:\n      meta:\n        actor: networks\n        label: Limbo\n        maxVisits: 2\n        citations: [c-limited]\n      on:\n        STAY:\n          target: limbo\n          meta: { label: Stay, citations: [c-limited] }\n', message: /No final state can be reached from state "limbo"/, at: '    limbo:' },
	{ name: 'a cycle with no bound', edit: swap('          target: status_quo', '          target: choose'), message: /choose → choose form a cycle with no bound; give one of them "maxVisits"/, at: '    choose:' },
	{ name: 'reserved key', edit: swap('        label: Respond to arms transfers?', '        label: Respond to arms transfers?\n        __proto__: { polluted: true }'), message: /"__proto__" is a reserved name/, at: '__proto__:' },
	{ name: 'reserved id', edit: swap('  - id: networks', '  - id: constructor'), message: /"constructor" is a reserved name and cannot be an id/, at: '- id: constructor' },
	{ name: 'reserved event name', edit: swap('        WAIT:', '        prototype:'), message: /"prototype" is a reserved name/, at: 'prototype:' },
	{ name: 'an assumption id that formulas read as a constant', edit: swap('  - id: p_evade', '  - id: "true"'), message: /"true" is a name formulas already use/, at: '- id: "true"' },
	{ name: 'an assumption id that is a formula function', edit: swap('  - id: p_evade', '  - id: max'), message: /"max" is a name formulas already use/, at: '- id: max' },
	{ name: 'default out of range', edit: swap('default: 0.5', 'default: 1.5'), message: /"p_evade" must lie between 0 and 1; got 1\.5/, at: 'default: 1.5' },
	{ name: 'aliases are refused', edit: swap('asOf: 2024-07-04', 'asOf: &date 2024-07-04\nalso: *date'), message: /Anchors \(&name\) are not allowed/, at: 'asOf: &date' },
	{ name: 'an inject with no citation', edit: swap('machine:', 'injects:\n  - id: news\n    title: News\n    text: Something happens.\nmachine:'), message: /Inject "news" cites no source/, at: '- id: news' },
	{ name: 'an inject at an unknown state', edit: swap('machine:', 'injects:\n  - id: news\n    title: News\n    text: Something happens.\n    state: reactoin\n    citations: [c-limited]\nmachine:'), message: /Unknown state "reactoin"\. Did you mean "reaction"\?/, at: 'state: reactoin' },
	{ name: 'an inject title over 120 characters', edit: swap('machine:', `injects:\n  - id: news\n    title: ${'T'.repeat(121)}\n    text: Something happens.\n    citations: [c-limited]\nmachine:`), message: /"title" is 121 characters long; the limit is 120/, at: 'title: TTTT' },
	{ name: 'an excerpt in Japanese without a gloss', edit: (t) => t.replace(/\n    gloss: Because evasion[^\n]*/, ''), message: /The excerpt is in the language "ja" of source "column"; add a gloss in English/, at: 'excerpt: 制裁回避の手口' },
	{ name: 'a state with no citation', edit: swap('        label: Networks react\n        citations: [c-evasion]', '        label: Networks react'), message: /State "reaction" cites no source/, at: 'actor: networks' }
];

describe('parseScenario reports each bad input with its message and line', () => {
	it('accepts the worked example', () => {
		const result = parseScenario(base);
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.scenario?.states.map((s) => s.id)).toEqual(['choose', 'reaction', 'evaded', 'disrupted', 'status_quo']);
	});

	it.each(cases)('$name', ({ edit, message, at }) => {
		const text = edit(base);
		const result = parseScenario(text);
		expect(result.scenario).toBeUndefined();
		const issue = result.issues.find((i) => message.test(i.message));
		expect(issue, result.issues.map((i) => `${i.line}: ${i.message}`).join('\n')).toBeDefined();
		expect(issue!.severity).toBe('error');
		expect(issue!.line).toBe(lineOf(text, at));
	});

	it('points an unknown symbol at its position in the formula', () => {
		const text = replaceOnce(base, lowProbability, 'probability: 1 - p_evad');
		const issue = parseScenario(text).issues.find((i) => /Unknown symbol/.test(i.message))!;
		const line = text.split('\n')[issue.line - 1];
		expect(line.slice(issue.column - 1)).toBe('p_evad');
	});

	it('points a formula syntax error at the character', () => {
		const text = replaceOnce(base, lowProbability, 'probability: 1 - * p_evade');
		const issue = parseScenario(text).issues[0];
		const line = text.split('\n')[issue.line - 1];
		expect(line.slice(issue.column - 1)).toMatch(/^\* p_evade|^p_evade/);
	});

	it('collects every problem at once', () => {
		let text = replaceOnce(base, 'target: evaded', 'target: evade');
		text = replaceOnce(text, 'actor: networks', 'actor: netwrks');
		text = replaceOnce(text, lowProbability, 'probability: 1 - p_evad');
		const errors = parseScenario(text).issues.filter((i) => i.severity === 'error');
		expect(errors.length).toBeGreaterThanOrEqual(3);
	});

	it('refuses a file over 1 MiB', () => {
		const text = base + `# ${'x'.repeat(1024 * 1024)}\n`;
		const result = parseScenario(text);
		expect(result.issues).toHaveLength(1);
		expect(result.issues[0].message).toMatch(/limit is 1048576 bytes/);
	});

	it('refuses bytes that are not UTF-8, naming the line', () => {
		const bytes = new TextEncoder().encode(base);
		const bad = new Uint8Array([...bytes.subarray(0, 40), 0xff, 0xfe, ...bytes.subarray(40)]);
		const line = new TextDecoder().decode(bytes.subarray(0, 40)).split('\n').length;
		const result = parseScenario(bad);
		expect(result.issues[0].message).toMatch(/not valid UTF-8/);
		expect(result.issues[0].line).toBe(line);
	});

	it('accepts an excerpt from an English source without a gloss', () => {
		const text = base.replace('    language: ja', '    language: en-GB').replace(/\n    gloss: [^\n]*/g, '');
		const result = parseScenario(text);
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.scenario?.citations.every((c) => c.gloss === '')).toBe(true);
	});

	it('warns about unused citations without failing', () => {
		const text = base.replace(/citations: \[c-limited\]/g, 'citations: [c-sanctions]');
		const result = parseScenario(text);
		expect(result.scenario).toBeDefined();
		expect(result.issues.some((i) => i.severity === 'warning' && /"c-limited" is never used/.test(i.message))).toBe(true);
	});

	it('never throws on arbitrary text', () => {
		for (const text of ['', '- a\n- b', 'null', '{{{', ': :', base.slice(0, 700), base.replace(/:/g, '')]) {
			expect(() => parseScenario(text)).not.toThrow();
			expect(parseScenario(text).scenario).toBeUndefined();
		}
	});
});

describe('parseScenario past an unknown field', () => {
	it('still reports the deeper problems of a file with a misspelt optional field', () => {
		let text = replaceOnce(exampleText(), '    step: 0.05', '    stepp: 0.05');
		text = replaceOnce(text, 'target: evaded', 'target: evade');
		const messages = parseScenario(text).issues.map((i) => i.message);
		expect(messages).toContainEqual(expect.stringMatching(/Unknown field "stepp"\. Did you mean "step"\?/));
		expect(messages).toContainEqual(expect.stringMatching(/targets unknown state "evade"/));
		expect(parseScenario(text).scenario).toBeUndefined();
	});
});

describe('parseScenario on an unquoted comma inside { … }', () => {
	const waitMeta = '          meta:\n            label: Wait\n            citations: [c-limited]';
	const flow = (meta: string) => replaceOnce(exampleText(), waitMeta, `          meta: ${meta}`);
	it.each([
		{ name: 'a key with a space is the cut-off tail', meta: '{ label: Wait, then act, citations: [c-limited] }', key: 'then act', hint: 'quote it: label: "Wait, then act".' },
		{ name: 'every valueless key after the value belongs to it, with or without a space', meta: '{ label: Wait, see, then act, citations: [c-limited] }', key: 'see', hint: 'quote it: label: "Wait, see, then act".' },
		{ name: 'the cut value may follow other fields', meta: '{ citations: [c-limited], label: Wait, and see }', key: 'and see', hint: 'quote it: label: "Wait, and see".' },
		{ name: 'a key with a space and a value gets the general advice', meta: '{ label: Wait, then act: now, citations: [c-limited] }', key: 'then act', hint: 'splits the value; quote the whole value.' }
	])('$name', ({ meta, key, hint }) => {
		const text = flow(meta);
		const result = parseScenario(text);
		const issue = result.issues.find((i) => i.message.startsWith(`Unknown field "${key}".`));
		expect(issue, result.issues.map((i) => i.message).join('\n')).toBeDefined();
		expect(issue!.message).toContain(`An unquoted comma inside { … } ${hint.startsWith('quote it') ? 'splits the value; ' : ''}${hint}`);
		expect(issue!.line).toBe(lineOf(text, meta));
		expect(text.split('\n')[issue!.line - 1].slice(issue!.column - 1)).toMatch(new RegExp(`^${key}`));
	});

	it('keeps did-you-mean for a misspelt key that has a value', () => {
		const message = parseScenario(flow('{ labl: Wait, citations: [c-limited] }')).issues.map((i) => i.message).join('\n');
		expect(message).toContain('Unknown field "labl". Did you mean "label"?');
		expect(message).not.toContain('unquoted comma');
	});

	it('gives no comma hint outside { … }', () => {
		const text = replaceOnce(exampleText(), '            label: Wait\n', '            label: Wait\n            then act: now\n');
		const message = parseScenario(text).issues.map((i) => i.message).join('\n');
		expect(message).toContain('Unknown field "then act".');
		expect(message).not.toContain('unquoted comma');
	});

	it('accepts the value once it is quoted', () => {
		const result = parseScenario(flow('{ label: "Wait, then act", citations: [c-limited] }'));
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.scenario?.states[0].moves.find((m) => m.id === 'WAIT')?.label).toBe('Wait, then act');
	});
});

describe('parseScenario on a derived value that is not finite', () => {
	const text = replaceOnce(
		exampleText(),
		'    judgment: true\n\ncriteria:',
		[
			'    judgment: true',
			'  - { id: p_a, label: Routes found, kind: number, default: 1, min: 0, max: 10, citations: [c-evasion] }',
			'  - { id: p_b, label: Routes closed, kind: number, default: 1, min: 0, max: 10, citations: [c-evasion] }',
			'',
			'derived:',
			'  - { id: p_share, label: Share of routes found, formula: p_a / (p_a + p_b) }',
			'',
			'criteria:'
		].join('\n')
	).replace('probability: p_evade\n', 'probability: p_share\n').replace('probability: 1 - p_evade', 'probability: 1 - p_share');

	it('reports it once, at its formula, with the values it read, and not the formulas that read it', () => {
		const errors = parseScenario(text).issues.filter((i) => i.severity === 'error');
		expect(errors.map((i) => i.message)).toEqual([
			'The formula gives NaN with every numeric assumption at its minimum (it reads p_a = 0, p_b = 0); it must give a finite number (check for division by zero or log of 0).'
		]);
		expect(errors[0].line).toBe(lineOf(text, 'id: p_share'));
		expect(errors[0].path).toEqual(['derived', 0, 'formula']);
	});
});

describe('the source map', () => {
	const text = replaceOnce(exampleText(), '\ncriteria:', '\nderived:\n  - id: p_hold\n    label: Networks hold\n    formula: 1 - p_evade\n\ncriteria:');
	const scenario = parseScenario(text).scenario!;
	const positionOf = (line: string, marker: string) => ({ line: lineOf(text, line), column: text.split('\n')[lineOf(text, line) - 1].indexOf(marker) + 1 });

	it('places each list item at its own entry', () => {
		expect(scenario.sourceMap['criteria.enforcement']).toEqual(positionOf('  - id: enforcement', 'id:'));
		expect(scenario.sourceMap['criteria.cost']).toEqual(positionOf('  - id: cost', 'id:'));
		expect(scenario.sourceMap['citations.c-limited']).toEqual(positionOf('  - id: c-limited', 'id:'));
	});

	it('places each formula where it is written', () => {
		expect(scenario.sourceMap['derived.p_hold']).toEqual(positionOf('formula: 1 - p_evade', '1 - p_evade'));
		expect(scenario.sourceMap['machine.states.reaction.on.DISRUPTED.meta.probability']).toEqual(positionOf('probability: 1 - p_evade', '1 - p_evade'));
		expect(scenario.sourceMap['machine.states.choose.on.SANCTION.meta.payoffs.cost']).toEqual(positionOf('payoffs: { cost: "2" }', '"2"'));
	});
});

describe('parseScenario caps the length of every text field', () => {
	const long = (n: number, c = 'x') => c.repeat(n);
	it.each([
		{ field: 'an id', from: '  - id: networks', to: `  - id: ${long(101, 'n')}`, message: '"id" is 101 characters long; the limit is 100. Shorten it.', path: ['actors', 1, 'id'] },
		{ field: 'a cited id in a list', from: 'citations: [c-limited]', to: `citations: [${long(101, 'c')}]`, message: '"citations[0]" is 101 characters long; the limit is 100. Shorten it.', path: ['machine', 'states', 'choose', 'on', 'WAIT', 'meta', 'citations', 0] },
		{ field: 'a move target', from: 'target: status_quo', to: `target: ${long(101, 's')}`, message: '"target" is 101 characters long; the limit is 100. Shorten it.', path: ['machine', 'states', 'choose', 'on', 'WAIT', 'target'] },
		{ field: 'a label', from: '        label: Respond to arms transfers?', to: `        label: ${long(201)}`, message: '"label" is 201 characters long; the limit is 200. Shorten it.', path: ['machine', 'states', 'choose', 'meta', 'label'] },
		{ field: 'a name', from: '    name: Japan–US–ROK', to: `    name: ${long(201)}`, message: '"name" is 201 characters long; the limit is 200. Shorten it.', path: ['actors', 0, 'name'] },
		{ field: 'a title', from: 'title: "Worked example: sanction or wait"', to: `title: ${long(201)}`, message: '"title" is 201 characters long; the limit is 200. Shorten it.', path: ['title'] },
		{ field: 'a unit', from: '    unit: index (0..10)', to: `    unit: ${long(61)}`, message: '"unit" is 61 characters long; the limit is 60. Shorten it.', path: ['criteria', 0, 'unit'] },
		{ field: 'a description', from: '    label: Sanctions enforcement', to: `    label: Sanctions enforcement\n    description: ${long(2001)}`, message: '"description" is 2001 characters long; the limit is 2000. Shorten it.', path: ['criteria', 0, 'description'] },
		{ field: 'a gloss', from: '    gloss: As long as', to: `    gloss: ${long(2001)} As long as`, message: /^"gloss" is \d+ characters long; the limit is 2000\. Shorten it\.$/, path: ['citations', 2, 'gloss'] },
		{ field: 'an excerpt', from: '    excerpt: 条約や', to: `    excerpt: ${long(301, '条')}条約や`, message: /^"excerpt" is \d+ characters long; the limit is 300\. Shorten it\.$/, path: ['citations', 2, 'excerpt'] }
	])('$field', ({ from, to, message, path }) => {
		const text = replaceOnce(exampleText(), from, to);
		const result = parseScenario(text);
		expect(result.scenario).toBeUndefined();
		const issue = result.issues.find((i) => (typeof message === 'string' ? i.message === message : message.test(i.message)));
		expect(issue, result.issues.map((i) => i.message).join('\n')).toBeDefined();
		expect(issue!.path).toEqual(path);
		const line = text.split('\n')[issue!.line - 1];
		// The issue points at the value itself.
		const value = to.split('\n').at(-1)!.split(': ').slice(1).join(': ').replace(/^\[/, '');
		expect(line.slice(issue!.column - 1, issue!.column + 19)).toBe(value.slice(0, 20));
	});

	it('locates an id written as a key, without repeating it in full', () => {
		const state = long(150, 's');
		const text = replaceOnce(exampleText(), '    status_quo:\n', `    ${state}:\n`);
		const [issue] = parseScenario(text).issues;
		expect(issue.message).toBe('A key of "states" is 150 characters long; an id is at most 100. Shorten it.');
		expect(issue.line).toBe(lineOf(text, state));
		expect(issue.column).toBe(5);
		expect(String(issue.path.at(-1)).length).toBeLessThan(50);
	});

	it('locates an unknown field at its key, echoing a long one shortened', () => {
		const key = long(150, 'x');
		const text = replaceOnce(exampleText(), '    direction: max', `    direction: max\n    ${key}: 1`);
		const issue = parseScenario(text).issues.find((i) => /Unknown field/.test(i.message))!;
		expect(issue.message).toBe(`Unknown field "${key.slice(0, 40)}…".`);
		expect(issue.line).toBe(lineOf(text, key));
		expect(issue.column).toBe(5);
		expect(String(issue.path.at(-1)).length).toBeLessThan(50);
	});

	it('accepts text at the limit', () => {
		const text = replaceOnce(exampleText(), '        label: Respond to arms transfers?', `        label: ${long(200)}`);
		expect(parseScenario(text).issues.filter((i) => i.severity === 'error')).toEqual([]);
	});

	it('refuses a 100 kB label quickly, with one located error', () => {
		const text = replaceOnce(exampleText(), '        label: Respond to arms transfers?', `        label: ${long(100_000)}`);
		const started = performance.now();
		const result = parseScenario(text);
		// Generous for a busy machine: the point is milliseconds, not seconds.
		expect(performance.now() - started).toBeLessThan(1500);
		expect(result.issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
			`${lineOf(text, 'label: xxx')}:16 "label" is 100000 characters long; the limit is 200. Shorten it.`
		]);
	});
});
