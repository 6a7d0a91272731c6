import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core/index.js';
import { citableElements, findPassage, freeCitationId, glossLanguages, passage } from '../../src/lib/view/editor/citeHelp.js';

describe('citing a passage selected in a source', () => {
	const text = '前文。\n\n　日米韓は専門家チームを派遣する。 次の文。\n' + 'あ'.repeat(400);

	it('takes the selection in either direction, trims white space (ideographic too) and moves the offset past it', () => {
		const start = text.indexOf('　日米韓');
		const end = text.indexOf('次の文') - 1;
		expect(passage(text, start, end)).toEqual({ ok: true, excerpt: '日米韓は専門家チームを派遣する。', offset: start + 1 });
		expect(passage(text, end, start)).toEqual(passage(text, start, end));
		const found = passage(text, start, end);
		expect(found.ok && text.slice(found.offset, found.offset + found.excerpt.length)).toBe(found.ok && found.excerpt);
	});

	it('refuses an empty selection, one across a line break, and one past the excerpt limit', () => {
		expect(passage(text, 3, 5)).toMatchObject({ ok: false, problem: 'empty' });
		expect(passage(text, 0, 10)).toMatchObject({ ok: false, problem: 'line-break' });
		const long = text.indexOf('あ');
		expect(passage(text, long, long + 301)).toEqual({ ok: false, problem: 'too-long', length: 301 });
		expect(passage(text, long, long + 300).ok).toBe(true);
	});

	it('finds a typed passage in the NFC text', () => {
		expect(findPassage('Café talks.', ' Cafe\u0301 ')).toEqual({ at: 0, length: 4 });
		expect(findPassage('Café talks.', 'absent').at).toBe(-1);
		expect(findPassage('Café talks.', '  ').at).toBe(-1);
	});

	it('asks for a gloss in each declared language the source is not in, and in English for a source that is not', () => {
		expect(glossLanguages(['en', 'ja'], 'ja')).toEqual(['en']);
		expect(glossLanguages(['en', 'ja'], 'en-GB')).toEqual(['ja']);
		expect(glossLanguages(['en', 'ja'], 'ko')).toEqual(['en', 'ja']);
		expect(glossLanguages(['ja'], 'ko')).toEqual(['ja', 'en']);
		expect(glossLanguages(['en'], 'en')).toEqual([]);
	});

	it('suggests a free citation id, and offers every state, move and assumption', () => {
		const scenario = parseScenario(readFileSync('scenarios/example-minimal/scenario.yaml', 'utf8')).scenario!;
		expect(freeCitationId(scenario, 'column')).toBe('c-column-1');
		expect(freeCitationId({ citations: [{ id: 'c-column-1' }, { id: 'c-column-2' }] as never }, 'column')).toBe('c-column-3');
		const elements = citableElements(scenario);
		expect(elements.map((e) => e.key)).toEqual(['state:choose', 'move:choose/SANCTION', 'move:choose/WAIT', 'state:reaction', 'move:reaction/EVADE', 'move:reaction/DISRUPTED', 'state:evaded', 'state:disrupted', 'state:status_quo', 'assumption:p_evade']);
		expect(elements[2].label).toBe('Respond to arms transfers? → Wait (WAIT)');
	});
});
