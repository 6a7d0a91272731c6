import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	buildMachine,
	checkOverrides,
	coerceValue,
	evaluateScenario,
	formatIssue,
	parseScenario,
	signalValues,
	verifyCitations,
	type Issue
} from '../../src/lib/core/index.js';
import { exampleText, lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';

const base = exampleText();
const ROUNDS = readFileSync('tests/fixtures/e2e-scenarios/rounds/scenario.yaml', 'utf8');
const WILDCATTER = readFileSync('tests/fixtures/e2e-scenarios/wildcatter/scenario.yaml', 'utf8');
const swap = (from: string, to: string) => (text: string) => replaceOnce(text, from, to);
const lowProbability = 'probability: 1 - p_evade';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Where an issue is and what kind it is: all but its words. */
const place = ({ severity, path, line, column }: Issue) => ({ severity, path, line, column });

interface Case {
	name: string;
	text: string;
	/** The Japanese message of the issue at `at`. */
	message: string | RegExp;
	/** Text on the line the issue points at. */
	at: string;
}

const cases: Case[] = [
	{
		name: 'an unknown field, with did-you-mean',
		text: swap('    direction: max', '    directon: max')(base),
		message: 'フィールド "directon" は不明です。"direction" のことですか？',
		at: 'directon: max'
	},
	{ name: 'a missing required field', text: swap('perspective: coalition\n', '')(base), message: '必須のフィールド "perspective" がありません。', at: 'id: example-minimal' },
	{
		name: 'an unknown state target',
		text: swap('target: evaded', 'target: evade')(base),
		message: '手 "EVADE" の遷移先 "evade" は不明な状態です。"evaded" のことですか？',
		at: 'target: evade'
	},
	{
		name: 'a formula with an undeclared name',
		text: swap(lowProbability, 'probability: 1 - p_evad')(base),
		message: '記号 "p_evad" は不明です。前提か派生値として宣言してください。"p_evade" のことですか？',
		at: 'probability: 1 - p_evad'
	},
	{
		name: 'probabilities that do not sum to 1',
		text: swap('probability: p_evade\n', 'probability: p_evade * 0.5\n')(base),
		message: '状態 "reaction" の選べる手の確率の合計が既定値のとき 0.75 です（0.25 不足）。合計が 1 になるようにしてください。',
		at: '    reaction:'
	},
	{ name: 'an id over 100 characters', text: swap('  - id: networks', `  - id: ${'n'.repeat(101)}`)(base), message: '"id" が 101 文字あります。100 文字以内に短くしてください。', at: `- id: ${'n'.repeat(101)}` },
	{
		name: 'a YAML syntax error',
		text: swap('title: "Worked example: sanction or wait"', 'title: [unclosed')(base),
		message: /^YAML の構文エラー：インデントが正しくありません（Flow sequence in block collection .*）。$/,
		at: 'description: >-'
	},
	{
		name: 'a type error from the schema',
		text: swap('        label: Networks react\n', '        label: Networks react\n        maxVisits: many\n')(base),
		message: '数値を書いてください（テキストが書かれています）。',
		at: 'maxVisits: many'
	},
	{ name: 'a value that is not an integer', text: swap('        label: Networks react\n', '        label: Networks react\n        maxVisits: 1.5\n')(base), message: '整数を書いてください。', at: 'maxVisits: 1.5' },
	{ name: 'an empty list', text: base.replace(/sources:\n(?: {2,}.*\n)+/, 'sources: []\n'), message: '少なくとも 1 個の項目が必要です。', at: 'sources: []' },
	{ name: 'a value outside an enum', text: swap('    name: Japan–US–ROK\n', '    name: Japan–US–ROK\n    kind: god\n')(base), message: '"actor"、"nature" のいずれかを書いてください。', at: 'kind: god' },
	{ name: 'a schema message of the scenario’s own', text: swap('direction: max', 'direction: up')(base), message: 'direction は max か min です。', at: 'direction: up' },
	{ name: 'a duplicate key', text: swap('asOf: 2024-07-04', 'asOf: 2024-07-04\nasOf: 2024-07-05')(base), message: /^マップのキーが重複しています。/, at: 'asOf: 2024-07-05' },
	{ name: 'a default out of range', text: swap('default: 0.5', 'default: 1.5')(base), message: '"p_evade" は 0 から 1 までの値にしてください（指定値 1.5）。', at: 'default: 1.5' },
	{ name: 'a cycle with no bound', text: swap('          target: status_quo', '          target: choose')(base), message: /^状態 choose → choose が上限のない循環になっています。/, at: '    choose:' },
	{ name: 'a comma that splits a value', text: swap('          meta:\n            label: Wait\n            citations: [c-limited]', '          meta: { label: Wait, then act, citations: [c-limited] }')(base), message: 'フィールド "then act" は不明です。{ … } の中の引用符で囲まれていないカンマは値を区切ります。次のように引用符で囲んでください：label: "Wait, then act"', at: 'then act' },
	{ name: 'a state with no citation', text: swap('        label: Networks react\n        citations: [c-evasion]', '        label: Networks react')(base), message: '状態 "reaction" には出典の引用がありません。"citations" に引用の id を1つ以上書いてください。', at: 'actor: networks' },
	{ name: 'an excerpt without a gloss', text: base.replace(/\n {4}gloss: Because evasion[^\n]*/, ''), message: /^抜粋は出典 "column" の言語 "ja" で書かれています。/, at: 'excerpt: 制裁回避の手口' },
	{
		name: 'a formula not finite at a test point',
		text: replaceOnce(base, '    judgment: true\n\ncriteria:', '    judgment: true\n  - { id: p_a, label: A, kind: number, default: 1, min: 0, max: 10, citations: [c-evasion] }\n\ncriteria:').replace('payoffs: { cost: "2" }', 'payoffs: { cost: "1 / p_a" }'),
		message: 'この式はp_a = 0（最小値）のとき Infinity になります（読んだ値：p_a = 0）。有限の数になるようにしてください（0 による除算や 0 の対数がないか確認してください）。',
		at: 'payoffs: { cost: "1 / p_a" }'
	},
	{
		name: 'a context value assigned but not declared',
		text: swap('losses: "losses + 1" } }', 'loses: "losses + 1" } }')(ROUNDS),
		message: '手 "LOSE" が "loses" に代入していますが、これはマシンのコンテキストの値ではありません。"losses" のことですか？',
		at: 'loses: "losses + 1"'
	},
	{
		name: 'a probability along a path outside 0..1',
		text: swap('default: 0.15, min: 0, max: 0.2', 'default: 0.15, min: 0, max: 0.4')(ROUNDS),
		message: /^momentum = 0\.4（最大値）のとき：確率 "p_bold \+ momentum \* wins" がBOLD\/WIN\/BOLD\/WIN\/BOLD の後の bold で 1\.3 になります（p_bold = 0\.5, momentum = 0\.4, wins = 2）。0 から 1 の間にしてください。$/,
		at: 'probability: "p_bold + momentum * wins"'
	},
	{
		name: 'a signal whose priors do not sum to 1',
		text: swap('    hypothesis: oil\n    prior: prior\n    sensitivity: sens\n    specificity: spec\n', '    states: { oil: prior, not_oil: "0.9 - prior" }\n    results: { positive: { oil: sens, not_oil: "1 - spec" }, negative: { oil: "1 - sens", not_oil: spec } }\n')(WILDCATTER),
		message: 'シグナル "seismic"：状態の事前確率の合計が既定値のとき 0.9 です。合計が 1 になるようにしてください。',
		at: 'states: { oil'
	}
];

describe('parseScenario in Japanese', () => {
	it.each(cases)('$name: the Japanese message, where the English one is', ({ text, message, at }) => {
		const english = parseScenario(text);
		const japanese = parseScenario(text, { lang: 'ja' });
		expect(japanese.issues.map(place)).toEqual(english.issues.map(place));
		const issue = japanese.issues.find((i) => (typeof message === 'string' ? i.message === message : message.test(i.message)));
		expect(issue, japanese.issues.map((i) => `${i.line}: ${i.message}`).join('\n')).toBeDefined();
		expect(issue!.line).toBe(lineOf(text, at));
		expect(japanese.issues.every((i) => JAPANESE.test(i.message)), japanese.issues.map((i) => i.message).join('\n')).toBe(true);
	});

	it.each(cases)('$name: English as it was, asked for or not', ({ text }) => {
		const english = parseScenario(text);
		expect(parseScenario(text, { lang: 'en' })).toEqual(english);
		expect(english.issues.some((i) => JAPANESE.test(i.message.replace(/"[^"]*"/g, '')))).toBe(false);
	});

	it('keeps the located form, with the message in Japanese', () => {
		const text = swap('    direction: max', '    directon: max')(base);
		const issue = parseScenario(text, { lang: 'ja' }).issues.find((i) => i.message.startsWith('フィールド'))!;
		expect(formatIssue(issue)).toBe(`scenario.yaml:${lineOf(text, 'directon')}:5: error: フィールド "directon" は不明です。"direction" のことですか？  (criteria[0].directon)`);
	});

	it('speaks Japanese for a regional tag, and English for a language it does not speak', () => {
		const text = swap('target: evaded', 'target: evade')(base);
		expect(parseScenario(text, { lang: 'ja-JP' }).issues[0].message).toMatch(/^手 "EVADE" の遷移先/);
		expect(parseScenario(text, { lang: 'fr' }).issues).toEqual(parseScenario(text).issues);
	});

	it('gives each parse its own language when they alternate', () => {
		const text = swap('        label: Networks react\n', '        label: Networks react\n        maxVisits: many\n')(base);
		const messages = ['ja', 'en', 'ja', undefined].map((lang) => parseScenario(text, { lang }).issues[0].message);
		expect(messages).toEqual([
			'数値を書いてください（テキストが書かれています）。',
			'Invalid input: expected number, received string.',
			'数値を書いてください（テキストが書かれています）。',
			'Invalid input: expected number, received string.'
		]);
	});

	it('notes a formula undefined only where it cannot matter, in Japanese', () => {
		const text = base.replace('payoffs: { enforcement: "2" }', 'payoffs: { enforcement: "1 / p_evade" }');
		const [note] = parseScenario(text, { lang: 'ja' }).issues;
		expect(note.severity).toBe('note');
		expect(note.message).toBe('この式はp_evade = 0（最小値）のとき Infinity になります（読んだ値：p_evade = 0）。ただし、そこでは確率 0 でしか到達しない枝でのことで、結果に寄与しないため、エラーではありません。');
	});
});

describe('the engine’s other messages in Japanese', () => {
	const scenario = parseValid(base);
	const assumption = scenario.assumptions[0];

	it('refuses an assumption value in Japanese, and in English as before', () => {
		expect(coerceValue(assumption, '7', 'ja')).toEqual({ ok: false, message: '"p_evade" は 0 から 1 までの値にしてください（指定値 7）。' });
		expect(coerceValue(assumption, 'x', 'ja')).toEqual({ ok: false, message: '"p_evade" には数値が必要です（指定値 "x"）。' });
		expect(coerceValue(assumption, '7')).toEqual({ ok: false, message: '"p_evade" must lie between 0 and 1; got 7.' });
	});

	it('checks overrides in Japanese', () => {
		expect(checkOverrides(scenario, { p_evad: '0.5' }, 'ja').problems).toEqual([{ id: 'p_evad', message: '前提 "p_evad" は不明です。"p_evade" のことですか？' }]);
	});

	it('says in Japanese where a citation is or is not found', () => {
		const texts = new Map([['001_2ee44ad5d0a6a1ef.txt', '制裁回避の手口が高度化するため、情報共有と執行能力強化が不可欠になる']]);
		const messages = verifyCitations(scenario, texts, 'ja').map((c) => c.message);
		expect(messages[1]).toBe('位置 0 で見つかりました');
		expect(messages[2]).toMatch(/^001_2ee44ad5d0a6a1ef\.txt に抜粋が見つかりません："条約や/);
	});

	it('reports what fails on the tree in Japanese', () => {
		const text = replaceOnce(base, 'probability: 1 - p_evade', 'probability: "1 - p_evade + (p_evade == 0.3) * 0.5"');
		const model = buildMachine(parseValid(text));
		const english = evaluateScenario(model, { overrides: { p_evade: 0.3 } }).issues;
		const japanese = evaluateScenario(model, { overrides: { p_evade: 0.3 }, lang: 'ja' }).issues;
		expect(japanese.map(place)).toEqual(english.map(place));
		expect(japanese[0].message).toBe('偶然ノード "reaction"（SANCTION の後）の選べる手の確率の合計が 1.5 です（0.5 超過）。合計が 1 になるようにしてください。');
	});

	it('labels the values a signal gives in Japanese, with what each is apart from the signal', () => {
		const [signal] = parseValid(WILDCATTER).signals;
		const values = signalValues(signal, 'ja');
		expect(values.map((v) => v.id)).toEqual(signalValues(signal).map((v) => v.id));
		expect(values.find((v) => v.id === 'seismic_oil_given_positive')).toMatchObject({ label: 'Seismic test：positive の後に oil である確率', what: 'positive の後に oil である確率' });
		expect(signalValues(signal).find((v) => v.id === 'seismic_positive')).toMatchObject({ label: 'Seismic test: chance of positive', what: 'chance of positive' });
	});
});
