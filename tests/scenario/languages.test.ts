import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core/index.js';
import { lineOf, parseValid, replaceOnce } from '../helpers/scenarios.js';

const LOTTERY = readFileSync('tests/fixtures/e2e-scenarios/lottery/scenario.yaml', 'utf8');
const warningsOf = (text: string) => parseScenario(text).issues.filter((i) => i.severity === 'warning').map((i) => `${i.line}:${i.column} ${i.message}`);

/** The lottery with its title, a state's label and a move's label in both languages. */
const BILINGUAL = replaceOnce(
	replaceOnce(
		replaceOnce(LOTTERY, 'title: "A lottery and a sure thing"', 'languages: [en, ja]\ntitle: { en: "A lottery and a sure thing", ja: "くじと確実な報酬" }'),
		'label: Lottery or sure thing?',
		'label: { en: Lottery or sure thing?, ja: くじか確実な報酬か }'
	),
	'label: Take the lottery,',
	'label: { en: Take the lottery, ja: くじを引く },'
);

describe('texts in several languages', () => {
	it('are read in the language asked for, and in the scenario’s own where it is not declared', () => {
		const ja = parseValid(BILINGUAL);
		expect(ja.title).toBe('A lottery and a sure thing');
		const inJapanese = parseScenario(BILINGUAL, { lang: 'ja' }).scenario!;
		expect(inJapanese.language).toBe('ja');
		expect(inJapanese.title).toBe('くじと確実な報酬');
		expect(inJapanese.states.find((s) => s.id === 'choose')!.label).toBe('くじか確実な報酬か');
		expect(inJapanese.states.find((s) => s.id === 'choose')!.moves.find((m) => m.id === 'LOTTERY')!.label).toBe('くじを引く');
		// A plain string is in the scenario's own language, whatever is asked.
		expect(inJapanese.states.find((s) => s.id === 'choose')!.moves.find((m) => m.id === 'SURE')!.label).toBe('Take 40 for sure');
		const french = parseScenario(BILINGUAL, { lang: 'fr' }).scenario!;
		expect(french.language).toBe('en');
		expect(french.title).toBe('A lottery and a sure thing');
	});

	it('keep ids, formulas and payoff keys as they are', () => {
		const en = parseScenario(BILINGUAL, { lang: 'en' }).scenario!;
		const ja = parseScenario(BILINGUAL, { lang: 'ja' }).scenario!;
		expect(ja.states.map((s) => [s.id, s.moves.map((m) => [m.id, m.target, m.probability, m.payoffs])])).toEqual(en.states.map((s) => [s.id, s.moves.map((m) => [m.id, m.target, m.probability, m.payoffs])]));
		expect(ja.machineConfig).not.toEqual(en.machineConfig);
	});

	it('warn, where the text is, about a text missing in a declared language', () => {
		const warnings = warningsOf(BILINGUAL);
		expect(warnings).toContain(`${lineOf(BILINGUAL, 'label: Take 40 for sure')}:${BILINGUAL.split('\n')[lineOf(BILINGUAL, 'label: Take 40 for sure') - 1].indexOf('Take 40') + 1} This text is in en only; the scenario also declares ja. Give it as { en: …, ja: … }.`);
		const half = replaceOnce(BILINGUAL, 'ja: くじを引く ', '');
		expect(warningsOf(half)).toContain(`${lineOf(half, 'label: { en: Take the lottery')}:${half.split('\n')[lineOf(half, 'label: { en: Take the lottery') - 1].indexOf('{ en: Take') + 1} This text is missing in ja; the scenario declares en, ja.`);
	});

	it('need no gloss in the language of the excerpt’s own source', () => {
		// The citations quote a Japanese source: their English glosses are all a Japanese and English scenario needs.
		expect(warningsOf(BILINGUAL).filter((w) => w.includes('gloss') || /excerpt|citations/.test(w))).toEqual([]);
		const lines = warningsOf(BILINGUAL).map((w) => Number(w.split(':')[0]));
		for (const line of lines) expect(BILINGUAL.split('\n')[line - 1]).not.toMatch(/gloss:/);
	});

	it('warn about a language the scenario does not declare, and leave a scenario without languages alone', () => {
		const extra = replaceOnce(BILINGUAL, 'ja: くじを引く ', 'ja: くじを引く, fr: Tenter la loterie ');
		expect(warningsOf(extra).some((w) => w.endsWith('This text is given in fr, which the scenario does not declare in "languages" (en, ja).'))).toBe(true);
		expect(warningsOf(LOTTERY)).toEqual([]);
		expect(parseValid(LOTTERY).languages).toEqual(['en']);
	});
});
