import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { cslItems, type CslItem } from '../../src/lib/core/index.js';
import { bibtex, chicagoBibliography, chicagoNote, cslJson } from '../../src/lib/export/citations.js';
import { parseValid, SHIPPED_FILE } from '../helpers/scenarios.js';

const sources = parseValid(readFileSync(SHIPPED_FILE, 'utf8')).sources;
const items = cslItems(sources);
const byId = (id: string) => items.find((i) => i.id === id)!;

describe('CSL-JSON', () => {
	it('parses back to the same items, and ends with a newline', () => {
		const text = cslJson(items);
		expect(JSON.parse(text)).toEqual(items);
		expect(text.endsWith(']\n')).toBe(true);
	});

	it('writes keys in one order whatever order the item was built in', () => {
		const scrambled = { language: 'ja', issued: { 'date-parts': [[2024]] }, title: 'T', type: 'report', id: 'x' } as CslItem;
		expect(Object.keys(JSON.parse(cslJson([scrambled]))[0])).toEqual(['id', 'type', 'title', 'issued', 'language']);
	});
});

describe('BibTeX', () => {
	it('parses back through citation-js to the same ids, titles and dates', () => {
		const back = new Cite(bibtex(items)).data;
		expect(back.map((b) => [b.id, b.title, b.issued])).toEqual(items.map((i) => [i.id, i.title, i.issued]));
	});

	it('keys each entry by its source id and keeps the Japanese text', () => {
		const text = bibtex(items);
		expect(text).toContain('@techreport{iog-2024-07-04,');
		expect(text).toContain('author = {{小木洋人 (Ogi Hirohito)}},');
		expect(text).toContain('institution = {地経学研究所 (IOG), International House of Japan},');
		expect(text).toContain('journal = {Yahoo!ニュース},');
		expect(text.endsWith('}\n')).toBe(true);
	});

	it('leaves citation-js’s global BibTeX settings as it found them', () => {
		const before = { ...plugins.config.get('@bibtex').format };
		bibtex(items);
		expect(plugins.config.get('@bibtex').format).toEqual(before);
	});
});

describe('Chicago notes and bibliography', () => {
	it('gives the shipped scenario one bibliography entry per source, sorted by author or outlet, then title', () => {
		expect(chicagoBibliography(items)).toEqual([
			'NHK. “プーチン大統領が18日から北朝鮮訪問 軍事的連携強める狙いか.” June 17, 2024.',
			'NHK. “ロシアと北朝鮮の新条約 第三国から攻撃は相互支援 懸念強まる.” June 20, 2024.',
			'“コラム:急速に「深化」するロシアと北朝鮮の関係.” Column, n.d.',
			'小木洋人 (Ogi Hirohito). “露朝パートナーシップに対応した日米韓連携.” 地経学研究所 (IOG), International House of Japan, July 4, 2024.',
			'辺真一 (Pyon Jin-il). “金正恩訪露3周年 北朝鮮外務省がロシアに連帯を表明! 軍事支援はいつ?” Yahoo!ニュース, April 24, 2022.'
		]);
	});

	it('sorts the bibliography the same whatever order the sources come in', () => {
		expect(chicagoBibliography([...items].reverse())).toEqual(chicagoBibliography(items));
	});

	it('writes a note as the author, or the outlet standing in for one, and the title', () => {
		expect(chicagoNote(byId('nhk-2024-06-20'))).toBe('NHK, “ロシアと北朝鮮の新条約 第三国から攻撃は相互支援 懸念強まる.”');
		expect(chicagoNote(byId('iog-2024-07-04'))).toBe('小木洋人 (Ogi Hirohito), “露朝パートナーシップに対応した日米韓連携.”');
		expect(chicagoNote(byId('column-2024'))).toBe('“コラム:急速に「深化」するロシアと北朝鮮の関係.”');
	});

	it('prints an undated web source’s address and no access date, so the day it runs does not matter', () => {
		const page: CslItem = { id: 'w', type: 'report', title: 'A page', publisher: 'Foo Institute', URL: 'https://example.org/a' };
		expect(chicagoBibliography([page])).toEqual(['“A Page.” Foo Institute. https://example.org/a.']);
	});
});

describe('determinism', () => {
	it('gives byte-identical output for the same input, however often it runs', () => {
		const all = () => [cslJson(items), bibtex(items), chicagoBibliography(items).join('\n'), items.map(chicagoNote).join('\n')];
		expect(all()).toEqual(all());
	});

	it('gives a note that does not depend on what was rendered before it', () => {
		const alone = chicagoNote(byId('pyon-2022-04-24'));
		chicagoBibliography(items);
		items.forEach(chicagoNote);
		expect(chicagoNote(byId('pyon-2022-04-24'))).toBe(alone);
	});
});
