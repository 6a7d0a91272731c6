import { describe, expect, it } from 'vitest';
import { excerptLanguages, noteText, quoteExcerpt, type Source } from '../../src/lib/core/index.js';
import { exportScenario } from '../../src/lib/export/exportScenario.js';
import { validRequest } from '../helpers/exports.js';
import { exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

const source = (language?: string): Source => ({ id: 's', file: 's.txt', title: 'T', publisher: 'P', language }) as Source;

describe('excerpts by their source’s language', () => {
	it('quotes Japanese (and Chinese) in 「」 and every other language in “”', () => {
		expect(quoteExcerpt('制裁', 'ja')).toBe('「制裁」');
		expect(quoteExcerpt('制裁', 'zh-Hant')).toBe('「制裁」');
		expect(quoteExcerpt('sanctions', 'en')).toBe('“sanctions”');
		expect(quoteExcerpt('sanctions', undefined)).toBe('“sanctions”');
	});

	it('glosses a note only where the excerpt is not in the reader’s language', () => {
		const citation = { id: 'c', source: 's', excerpt: 'Further sanctions are expected', gloss: 'Further sanctions are expected' };
		expect(noteText({ number: 1, citation, source: source('en') })).toBe('1. “Further sanctions are expected” (P, n.d.)');
		expect(noteText({ number: 2, citation: { ...citation, excerpt: '追加制裁' }, source: source('ja') })).toBe('2. 「追加制裁」 Further sanctions are expected (P, n.d.)');
	});

	it('describes the excerpts by the languages of the sources', () => {
		expect(excerptLanguages([source('ja'), source('ja')])).toBe('in Japanese with an English gloss');
		expect(excerptLanguages([source('en')])).toBe('in English');
		expect(excerptLanguages([source('ja'), source('en')])).toBe('each in its source’s language (Japanese, English), with an English gloss where that is not English');
	});

	it('a report on English sources quotes them in “”, without a gloss, and says they are in English', async () => {
		let text = replaceOnce(exampleText(), 'language: ja', 'language: en');
		text = replaceOnce(text, 'excerpt: ロシアと北朝鮮の協力に関与する個人・企業・海運ルートを標的にした追加制裁を継続すると予想される', 'excerpt: Further sanctions targeting the networks are expected to continue');
		const scenario = parseValid(text);
		const report = new TextDecoder().decode((await exportScenario({ scenario, id: 'english', sha256: '0'.repeat(64) }, validRequest(scenario, { format: 'md', content: 'report' }))).bytes);
		expect(report).toContain('“Further sanctions targeting the networks are expected to continue”');
		// Every excerpt is quoted as its source's language is (this test calls the source English), whatever its script.
		expect(report).not.toContain('「制裁回避');
		expect(report).toContain('“制裁回避');
		expect(report).not.toContain('in Japanese');
		expect(report).toContain('the excerpts each assumption rests on, in English.');
	});
});
