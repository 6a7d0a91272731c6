import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportFormat, RawExportOptions } from '../../src/lib/core/index.js';
import { exportScenario } from '../../src/lib/export/exportScenario.js';
import { exportSource, validRequest } from '../helpers/exports.js';
import { exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

const example = exportSource('example');
const shipped = exportSource('shipped');

async function exported(which: 'example' | 'shipped', raw: RawExportOptions) {
	const source = which === 'example' ? example : shipped;
	return exportScenario(source, validRequest(source.scenario, raw));
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('SVG figures', { timeout: 60_000 }, () => {
	const figures: [string, 'example' | 'shipped', RawExportOptions][] = [
		['example-tree', 'example', { format: 'svg' }],
		['example-tree-greyscale', 'example', { format: 'svg', greyscale: true, set: ['p_evade=0.9'] }],
		['shipped-tree-optimal', 'shipped', { format: 'svg', optimal: true, depth: '4' }],
		['shipped-tornado', 'shipped', { format: 'svg', content: 'tornado' }],
		['shipped-twoway', 'shipped', { format: 'svg', content: 'twoway', x: 'p_veto', y: 'mission_sensitivity', steps: '5' }],
		['shipped-histogram', 'shipped', { format: 'svg', content: 'histogram', runs: '200', seed: '7' }],
		['shipped-risk', 'shipped', { format: 'svg', content: 'risk', runs: '200', seed: '7' }],
		['shipped-spiral', 'shipped', { format: 'svg', content: 'spiral' }]
	];

	it.each(figures)('%s matches its snapshot', async (name, which, raw) => {
		const svg = text((await exported(which, raw)).bytes);
		await expect(svg).toMatchFileSnapshot(`__snapshots__/${name}.svg`);
	});

	it('is a standalone SVG with a Japanese-capable font stack, title, description and provenance', async () => {
		const svg = text((await exported('shipped', { format: 'svg', set: ['p_veto=0.7'] })).bytes);
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).not.toContain('<!--');
		expect(svg).toMatch(/font-family="'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic'/);
		expect(svg).toMatch(/<title id="figure-title">Russia–DPRK treaty[^<]*Decision tree from/);
		expect(svg).toMatch(/<desc id="figure-desc">decision at /);
		const metadata = JSON.parse(unescapeXml(/<metadata id="branchpoint-provenance">([^<]*)<\/metadata>/.exec(svg)![1]));
		expect(metadata).toMatchObject({ generator: 'Branchpoint', version: '0.1.0', scenarioId: 'russia-dprk-2024', scenarioSha256: shipped.sha256, overrides: { p_veto: 0.7 }, seed: 1 });
		expect(metadata.assumptions.p_veto).toBe(0.7);
		expect(svg).toContain('Source: Branchpoint model');
		expect(svg).toContain('Notes:');
		expect(svg).toContain('「');
	});

	it('greys every colour with --greyscale', async () => {
		const svg = text((await exported('shipped', { format: 'svg', content: 'tornado', greyscale: true })).bytes);
		const colours = [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/gi)].map((m) => m[1].toLowerCase());
		expect(colours.length).toBeGreaterThan(10);
		for (const c of colours) expect(c.slice(1, 3) === c.slice(3, 5) && c.slice(3, 5) === c.slice(5, 7), c).toBe(true);
	});

	it('states the subtree in the title and draws only below it', async () => {
		const svg = text((await exported('example', { format: 'svg', subtree: 'SANCTION' })).bytes);
		expect(svg).toContain('subtree from “Networks react”');
		expect(svg).not.toContain('Wait');
	});
});

// Exports that rasterise (PNG, a DOCX report) take seconds, more on a loaded machine: these suites allow a minute.
describe('every format', { timeout: 60_000 }, () => {
	const formats: [ExportFormat, RawExportOptions][] = [
		['svg', { format: 'svg', content: 'tornado' }],
		['png', { format: 'png', dpi: '100' }],
		['pdf', { format: 'pdf' }],
		['csv', { format: 'csv' }],
		['csv', { format: 'csv', content: 'nodes' }],
		['md', { format: 'md', content: 'options' }],
		['md', { format: 'md' }],
		['docx', { format: 'docx', content: 'options' }],
		['docx', { format: 'docx', runs: '100' }],
		['bib', { format: 'bib' }],
		['csl', { format: 'csl' }],
		['json', { format: 'json' }]
	];

	it.each(formats)('%s gives the same bytes for the same request (%o)', async (_, raw) => {
		const a = await exported('example', raw);
		const b = await exported('example', raw);
		expect(a.bytes.length).toBeGreaterThan(100);
		expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
	});

	it('an options table has no P(best) column and says why when no assumption has a distribution', async () => {
		const certain = { ...example, scenario: parseValid(replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', '')) };
		const csv = text((await exportScenario(certain, validRequest(certain.scenario, { format: 'csv', runs: '50' }))).bytes);
		expect(csv.split('\n')[0]).not.toContain('P(best)');
		expect(csv).not.toContain('100%');
		const md = text((await exportScenario(certain, validRequest(certain.scenario, { format: 'md', runs: '50' }))).bytes);
		expect(md).toContain('Nothing is uncertain');
		expect(text((await exported('example', { format: 'csv', runs: '50' })).bytes).split('\n')[0]).toContain('P(best)');
	});

	it('a report says nothing is uncertain, instead of P(best) and EVPI, when no assumption has a distribution', async () => {
		const certain = { ...example, scenario: parseValid(replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', '')) };
		const md = text((await exportScenario(certain, validRequest(certain.scenario, { format: 'md', runs: '50' }))).bytes);
		expect(md).toContain('Nothing is uncertain: no assumption has a distribution, so Monte Carlo and EVPI have nothing to vary.');
		expect(md).not.toMatch(/Monte Carlo runs\)|expected value of perfect information is/);
		expect(text((await exported('example', { format: 'md', runs: '50' })).bytes)).toMatch(/best in [\d.]+% of 50 Monte Carlo runs\)\. The expected value of perfect information is/);
		const figure = JSON.parse(text((await exportScenario(certain, validRequest(certain.scenario, { format: 'json', content: 'histogram', runs: '50' }))).bytes));
		expect(figure.caption).toMatch(/drawing 0 assumptions from their distributions\. .*Nothing is uncertain/);
		expect(figure.caption).not.toContain('perfect information');
	});

	it('changes when an assumption changes', async () => {
		const a = await exported('example', { format: 'csv' });
		const b = await exported('example', { format: 'csv', set: ['p_evade=0.9'] });
		expect(text(a.bytes)).not.toBe(text(b.bytes));
	});
});

describe('provenance', { timeout: 60_000 }, () => {
	it('goes into DOCX core and custom properties', async () => {
		const docx = await exported('example', { format: 'docx', content: 'options', set: ['p_evade=0.4'] });
		const files = unzipSync(docx.bytes);
		const custom = strFromU8(files['docProps/custom.xml']);
		expect(custom).toContain(example.sha256);
		expect(custom).toContain('ScenarioId');
		expect(unescapeXml(custom)).toContain('"p_evade":0.4');
		expect(strFromU8(files['docProps/core.xml'])).toContain('2000-01-01T00:00:00Z');
		expect(strFromU8(files['word/document.xml'])).toContain('first responses compared');
	});

	it('a DOCX report holds each figure as the PNG it was drawn as', async () => {
		const files = unzipSync((await exported('shipped', { format: 'docx', runs: '100' })).bytes);
		const media = Object.entries(files).filter(([name]) => name.startsWith('word/media/'));
		expect(media).toHaveLength(6);
		for (const [, bytes] of media) {
			expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
			expect(bytes.length).toBeGreaterThan(10_000);
		}
	});

	it('goes into the JSON export whole', async () => {
		const json = JSON.parse(text((await exported('shipped', { format: 'json', runs: '100', seed: '5' })).bytes));
		expect(json.provenance).toMatchObject({ scenarioId: 'russia-dprk-2024', scenarioSha256: shipped.sha256, seed: 5, runs: 100, version: '0.1.0' });
		expect(Object.keys(json.provenance.assumptions)).toHaveLength(shipped.scenario.assumptions.length);
		expect(json.options).toHaveLength(6);
		expect(json.report.bibliography).toHaveLength(5);
	});

	it('goes into PNG text chunks, with the resolution in pHYs', async () => {
		const png = (await exported('example', { format: 'png', dpi: '300' })).bytes;
		const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
		const chunks = new Map<string, Uint8Array>();
		for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) chunks.set(String.fromCharCode(...png.subarray(at + 4, at + 8)) + (chunks.has('iTXt') ? chunks.size : ''), png.subarray(at + 8, at + 8 + view.getUint32(at)));
		const phys = chunks.get('pHYs')!;
		expect(new DataView(phys.buffer, phys.byteOffset).getUint32(0)).toBe(Math.round(300 / 0.0254));
		const texts = [...chunks.entries()].filter(([k]) => k.startsWith('iTXt')).map(([, v]) => new TextDecoder().decode(v));
		expect(texts.some((t) => t.startsWith('Branchpoint-Provenance') && t.includes(example.sha256))).toBe(true);
		expect(texts.some((t) => t.startsWith('Description') && t.includes('Decision tree'))).toBe(true);
	});

	it('comes with a figure’s texts as JSON: alt text, long description, notes', async () => {
		const json = JSON.parse(text((await exported('example', { format: 'json', content: 'tree' })).bytes));
		expect(json.alt).toMatch(/^Decision tree from “Respond to arms transfers\?”, 5 nodes/);
		expect(json.longDescription.split('\n')).toHaveLength(5);
		expect(json.notes.map((n: { number: number }) => n.number)).toEqual([1, 2, 3]);
		expect(json.source).toMatch(/^Source: Branchpoint model/);
		expect(json.provenance.scenarioSha256).toBe(example.sha256);
	});

	it('goes into the BibTeX header and the Markdown as a comment', async () => {
		expect(text((await exported('example', { format: 'bib' })).bytes)).toContain(example.sha256);
		const md = text((await exported('example', { format: 'md', content: 'options', title: 'a --> b <c>' })).bytes);
		const comment = /<!-- branchpoint-provenance (.*) -->/.exec(md)![1];
		expect(comment).not.toMatch(/--|[<>]/);
		expect(JSON.parse(comment)).toMatchObject({ generator: 'Branchpoint', scenarioSha256: example.sha256 });
	});
});
