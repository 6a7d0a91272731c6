import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cslItems, type CslItem, type Source } from '../../src/lib/core/index.js';
import { parseValid, SHIPPED_FILE } from '../helpers/scenarios.js';

const base: Source = { id: 's1', file: 's1.txt', title: 'タイトル', publisher: 'Institute' };
const item = (overrides: Partial<Source>): CslItem => cslItems([{ ...base, ...overrides }])[0];

describe('CSL items from scenario sources', () => {
	it.each([
		['NHK (news)', 'article-newspaper', { 'container-title': 'NHK' }],
		['Yahoo!ニュース (individual author)', 'article-newspaper', { 'container-title': 'Yahoo!ニュース' }],
		['Reuters (news)', 'article-newspaper', { 'container-title': 'Reuters' }],
		['BBC News', 'article-newspaper', { 'container-title': 'BBC News' }],
		['朝日新聞', 'article-newspaper', { 'container-title': '朝日新聞' }],
		['地経学研究所 (IOG), International House of Japan', 'report', { publisher: '地経学研究所 (IOG), International House of Japan' }],
		['Brookings Institution, commentary', 'report', { publisher: 'Brookings Institution', genre: 'commentary' }],
		['unknown publisher, column', 'document', { genre: 'column' }],
		['Unknown publisher', 'document', {}],
		['(news)', 'document', {}]
	] as const)('reads publisher %j as a %s with %j', (publisher, type, fields) => {
		const { id, title, type: actual, ...rest } = item({ publisher });
		expect({ id, title, type: actual }).toEqual({ id: 's1', title: 'タイトル', type });
		expect(rest).toEqual(fields);
	});

	it.each([
		[undefined, undefined],
		['', undefined],
		['小木洋人 (Ogi Hirohito)', [{ literal: '小木洋人 (Ogi Hirohito)' }]],
		['辺真一 (Pyon Jin-il), Korea Report', [{ literal: '辺真一 (Pyon Jin-il)' }]],
		['  Jane Doe  ', [{ literal: 'Jane Doe' }]]
	])('gives author %j as %j: one literal name, affiliation after a comma dropped', (author, expected) => {
		expect(item({ author }).author).toEqual(expected);
	});

	it.each([
		['2024-06-20', [2024, 6, 20]],
		['2024-06', [2024, 6]],
		['2024', [2024]],
		['2024-02-29', [2024, 2, 29]],
		['2024-06-20T09:00+09:00', [2024, 6, 20]],
		['2024-06-20 (updated 2024-06-21)', [2024, 6, 20]],
		['June 2024', undefined],
		['unknown', undefined],
		['c. 2024', undefined],
		['20240620', undefined],
		['2024-6-20', undefined],
		['2024-13-01', undefined],
		['2023-02-29', undefined],
		['2024-04-31', undefined],
		[undefined, undefined]
	])('reads date %j as date parts %j, leaving out what it cannot read', (date, parts) => {
		expect(item({ date }).issued).toEqual(parts && { 'date-parts': [parts] });
	});

	it.each([
		['', undefined],
		[undefined, undefined],
		['https://www3.nhk.or.jp/news/html/20240620/k10014486371000.html', 'https://www3.nhk.or.jp/news/html/20240620/k10014486371000.html'],
		['  http://example.org/a  ', 'http://example.org/a'],
		['www.nhk.or.jp', undefined],
		['ftp://example.org/a', undefined],
		['https://example.org/a b', undefined]
	])('keeps url %j as %j: only http(s) addresses', (url, URL) => {
		expect(item({ url }).URL).toBe(URL);
	});

	it.each([
		['ja', 'ja'],
		['', undefined],
		[undefined, undefined]
	])('keeps language %j as %j', (language, expected) => {
		expect(item({ language }).language).toBe(expected);
	});

	it('maps the shipped scenario’s five sources in order, without touching them', () => {
		const sources = parseValid(readFileSync(SHIPPED_FILE, 'utf8')).sources;
		const before = structuredClone(sources);
		const items = cslItems(sources);
		expect(sources).toEqual(before);
		expect(items.map((i) => [i.id, i.type])).toEqual([
			['nhk-2024-06-20', 'article-newspaper'],
			['column-2024', 'document'],
			['nhk-2024-06-17', 'article-newspaper'],
			['iog-2024-07-04', 'report'],
			['pyon-2022-04-24', 'article-newspaper']
		]);
		expect(items.map((i) => i.title)).toEqual(sources.map((s) => s.title));
		expect(items.every((i) => i.language === 'ja' && i.URL === undefined)).toBe(true);
	});
});
