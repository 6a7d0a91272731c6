import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseExportRequest, parseScenario, type RawExportOptions } from '../../src/lib/core/index.js';
import type { ExportSource } from '../../src/lib/export/exportContext.js';
import { ExportRefusal } from '../../src/lib/export/ExportRefusal.js';
import { exportScenario } from '../../src/lib/export/exportScenario.js';
import { exportSource, validRequest } from '../helpers/exports.js';
import { SHIPPED_FILE } from '../helpers/scenarios.js';

/** The shipped scenario as an export in Japanese reads it: its texts in Japanese. */
function japaneseSource(): ExportSource {
	const bytes = readFileSync(SHIPPED_FILE);
	const parsed = parseScenario(bytes.toString('utf8'), { lang: 'ja' });
	if (!parsed.scenario) throw new Error('the shipped scenario does not parse');
	return { scenario: parsed.scenario, id: 'russia-dprk-2024', sha256: createHash('sha256').update(bytes).digest('hex') };
}

const ja = japaneseSource();
const en = exportSource('shipped');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const exported = async (source: ExportSource, raw: RawExportOptions) => (await exportScenario(source, validRequest(source.scenario, raw))).bytes;

/** The words a reader sees in an SVG: its text nodes, title and description, without the provenance metadata. */
const svgWords = (svg: string) => [...svg.replace(/<metadata[\s\S]*?<\/metadata>/, '').matchAll(/>([^<>]+)</g)].map((m) => m[1]).join(' ');

/** Phrases of the English export texts: none may appear in a Japanese export. */
const ENGLISH = /\b(Source|Notes|Expected|Squares|decision tree|weighted score|rounded|Superscripts|assumptions at their defaults|perspective|seed \d|runs|Light bars|Histograms|Richardson model|Stable|Unstable|Table \d|Figure \d|Summary|Bibliography|Provenance)\b/;

describe('exports in Japanese', { timeout: 120_000 }, () => {
	it('a tree figure speaks Japanese throughout: title, caption, 出典, 注, alt text and provenance', async () => {
		const svg = text(await exported(ja, { format: 'svg', lang: 'ja' }));
		const words = svgWords(svg);
		expect(words).not.toMatch(ENGLISH);
		expect(svg).toContain('<title id="figure-title">ロ朝条約（2024年6月）：日米韓の対応：決定木。「');
		expect(words).toContain('各ノードの加重スコアの期待値。開始点から 2 階層。');
		expect(words).toContain('出典：Branchpoint モデル「ロ朝条約（2024年6月）：日米韓の対応」（2024年7月4日時点）。依拠した資料：');
		expect(words).toContain('注：');
		expect(words).toMatch(/前提は既定値 · 視点 coalition · シード 1、試行 1000 回/);
		// An excerpt from a Japanese source needs no gloss for a Japanese reader; the English one is not printed.
		expect(words).toMatch(/1\. 「[^」]+」（NHK \(news\)、2024年6月2\d日）/);
		expect(words).not.toContain('Further sanctions targeting');
	});

	it('every figure and its texts are Japanese', async () => {
		for (const content of ['tornado', 'twoway', 'histogram', 'risk', 'spiral']) {
			const raw: RawExportOptions = { format: 'json', content: content as RawExportOptions['content'], lang: 'ja', runs: '100', steps: '5' };
			const figure = JSON.parse(text(await exported(ja, raw)));
			for (const key of ['title', 'caption', 'alt', 'source']) expect(figure[key], `${content} ${key}`).not.toMatch(ENGLISH);
			expect(figure.title, content).toMatch(/^ロ朝条約（2024年6月）：日米韓の対応：/);
			expect(figure.source, content).toMatch(/^出典：/);
		}
	});

	it('a report has Japanese sections, tables and notes, and a SIST 02 bibliography', async () => {
		const md = text(await exported(ja, { format: 'md', lang: 'ja', runs: '100' }));
		const headings = md.split('\n').filter((line) => line.startsWith('#'));
		expect(headings).toEqual(['# ロ朝条約（2024年6月）：日米韓の対応', '## 概要', '## 選択肢', '## 前提', '## 決定木', '## 分析', '### 感度', '### 不確実性', '### 2つの前提の同時変化', '### 抑止のスパイラル', '## 来歴', '## 注', '## 参考文献']);
		expect(md).toContain('| 選択肢 | 日本の安全（指数ポイント） ↑ |');
		expect(md).toContain('| 前提 | 値 | 範囲 | 単位 | 根拠 | 出典 |');
		expect(md).toContain('**表2　本報告で用いた前提**');
		expect(md).toContain('*図1　ロ朝条約（2024年6月）：日米韓の対応：決定木*');
		expect(md).toContain('注には、各前提の根拠となる抜粋を日本語の原文で掲げる。');
		// SIST 02: numbered in the sources' order; a newspaper article gives the newspaper and its full date.
		const bibliography = md.slice(md.indexOf('## 参考文献')).split('\n').filter((line) => /^\(\d\)/.test(line));
		expect(bibliography[0]).toBe('(1) ロシアと北朝鮮の新条約 第三国から攻撃は相互支援 懸念強まる. NHK. 2024-06-20.');
		expect(bibliography[3]).toBe('(4) 小木洋人 (Ogi Hirohito). 露朝パートナーシップに対応した日米韓連携. 地経学研究所 (IOG), International House of Japan, 2024-07-04.');
		expect(bibliography).toHaveLength(5);
		// A note gives its source's reference in full, as Japanese footnotes do.
		expect(md).toMatch(/\n\d+\. 「[^\n]+」 ロシアと北朝鮮の新条約 第三国から攻撃は相互支援 懸念強まる\. NHK\. 2024-06-20\.\n/);
		expect(md).toContain('npm run bp -- export russia-dprk-2024 --format md --content report --runs 100 --lang ja');
		const provenance = JSON.parse(/<!-- branchpoint-provenance (.*) -->/.exec(md)![1]);
		expect(provenance.options).toBe('content=report&format=md&lang=ja&runs=100');
	});

	it('a Word report is marked Japanese and holds the Japanese bibliography', async () => {
		const files = unzipSync(await exported(ja, { format: 'docx', lang: 'ja', runs: '100' }));
		const body = strFromU8(files['word/document.xml']);
		expect(body).toContain('参考文献');
		expect(body).toContain('概要');
		expect(strFromU8(files['word/styles.xml'])).toMatch(/<w:lang w:val="ja-JP" w:eastAsia="ja-JP"\/>/);
	});

	it('an options table in CSV has Japanese headings', async () => {
		const csv = text(await exported(ja, { format: 'csv', lang: 'ja', runs: '100' }));
		expect(csv.split('\n')[0]).toMatch(/^\uFEFF?選択肢,日本の安全（指数ポイント） ↑,.*,加重スコア,P\(best\),選好\r?$/);
	});

	it('English stays the default: no lang and lang=en give the same bytes, with no lang in the provenance', async () => {
		const plain = await exported(en, { format: 'svg', content: 'tornado' });
		expect(text(plain)).toEqual(text(await exported(en, { format: 'svg', content: 'tornado', lang: 'en' })));
		expect(text(plain)).not.toContain('lang=');
	});

	it('refuses a language it does not have, naming the ones it has', () => {
		expect(parseExportRequest(en.scenario, { format: 'svg', lang: 'fr' }).problems).toEqual(['lang takes en, ja; got "fr".']);
	});

	it('tells what is wrong in the export’s language', async () => {
		expect(parseExportRequest(ja.scenario, { format: 'svg', lang: 'ja', depth: '99', x: 'nope' }).problems).toEqual(['x：前提 "nope" は不明です。', 'depth には 0 から 8 までの整数を指定してください（指定値 "99"）。']);
		const refusal = await exportScenario(ja, validRequest(ja.scenario, { format: 'svg', lang: 'ja', subtree: 'NOWHERE' })).catch((e: unknown) => e);
		expect(refusal).toBeInstanceOf(ExportRefusal);
		expect((refusal as Error).message).toMatch(/^パス "NOWHERE" にノードがありません。/);
	});
});
