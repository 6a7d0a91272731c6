import { describe, expect, it } from 'vitest';
import { exportCommandLine, exportQuery, parseExportRequest, rawFromQuery, requestOptions, type RawExportOptions } from '../../src/lib/core/index.js';
import { exportSource } from '../helpers/exports.js';

const shipped = exportSource('shipped').scenario;
const example = exportSource('example').scenario;

describe('parseExportRequest', () => {
	it('fills in defaults per format', () => {
		const cases: [string, string][] = [
			['svg', 'tree'],
			['png', 'tree'],
			['pdf', 'tree'],
			['csv', 'options'],
			['md', 'report'],
			['docx', 'report'],
			['bib', 'sources'],
			['csl', 'sources'],
			['json', 'report']
		];
		for (const [format, content] of cases) {
			const { request } = parseExportRequest(shipped, { format });
			expect(request?.content, format).toBe(content);
			expect(request).toMatchObject({ dpi: 300, seed: 1, runs: 1000, depth: 2, subtree: '', greyscale: false, optimalOnly: false });
		}
	});

	const problems: [string, RawExportOptions, RegExp][] = [
		['no format', {}, /Name a format with --format/],
		['an unknown format', { format: 'tiff' }, /Unknown format "tiff"; choose one of svg, png/],
		['content the format cannot hold', { format: 'csv', content: 'tree' }, /A csv export holds options, nodes; not "tree"/],
		['a --set without "="', { format: 'svg', set: ['p_veto'] }, /set p_veto: write id=value/],
		['a value out of range', { format: 'svg', set: ['p_veto=2'] }, /set p_veto: .*between 0 and 1/],
		['an unknown assumption', { format: 'svg', set: ['p_vetoo=0.5'] }, /set p_vetoo/],
		['an unknown preset', { format: 'svg', preset: 'nope' }, /Unknown preset "nope"; presets: hard-line-axis/],
		['an unknown perspective', { format: 'svg', perspective: 'mars' }, /Unknown perspective "mars"; actors:/],
		['an unknown play', { format: 'svg', play: ['russia=smart'] }, /play: Unknown play "smart" for russia; choose one of chance, strategic, bounded/],
		['a play for nature', { format: 'svg', play: ['nature=strategic'] }, /play: "nature" is nature: it moves by chance only/],
		['an unknown criterion', { format: 'svg', criterion: 'fun' }, /Unknown criterion "fun"\. Criteria:/],
		['a resolution below the range', { format: 'png', dpi: '10' }, /dpi takes a whole number from 72 to 1200; got "10"/],
		['a resolution above the range', { format: 'png', dpi: '4800' }, /dpi takes a whole number from 72 to 1200; got "4800"/],
		['too many Monte Carlo runs', { format: 'csv', runs: '1000000' }, /runs takes a whole number from 10 to 20000/],
		['a title that is a paragraph', { format: 'svg', title: 'x'.repeat(301) }, /title is 301 characters long; keep it to 300/],
		['a caption with a control character', { format: 'svg', caption: 'a\u0007b' }, /caption holds a control character/],
		['a prototype key as an assumption', { format: 'svg', set: ['__proto__=1'] }, /set __proto__/],
		['a fractional seed', { format: 'png', seed: '1.5' }, /seed takes a whole number/],
		['a non-numeric axis', { format: 'svg', content: 'twoway', x: 'ukraine_cooperates' }, /x: "ukraine_cooperates" is a boolean assumption/],
		['the same axis twice', { format: 'svg', content: 'twoway', x: 'p_veto', y: 'p_veto' }, /x and y name the same assumption/]
	];
	it.each(problems)('reports %s', (_, raw, message) => {
		const result = parseExportRequest(shipped, raw);
		expect(result.request).toBeUndefined();
		expect(result.problems.join('\n')).toMatch(message);
	});

	it('refuses a spiral figure for a scenario without a spiral', () => {
		expect(parseExportRequest(example, { format: 'svg', content: 'spiral' }).problems).toEqual(['This scenario has no spiral section to draw.']);
	});

	it('reports every problem at once', () => {
		expect(parseExportRequest(shipped, { format: 'png', dpi: 'x', seed: 'y', set: ['p_veto=3'] }).problems).toHaveLength(3);
	});

	it('lays a preset under explicit settings', () => {
		const preset = shipped.presets[0];
		const [id] = Object.keys(preset.values);
		const { request } = parseExportRequest(shipped, { format: 'svg', preset: preset.id, set: [] });
		expect(request?.overrides).toEqual(preset.values);
		const assumption = shipped.assumptions.find((a) => a.id === id)!;
		if (assumption.kind === 'probability') {
			const other = parseExportRequest(shipped, { format: 'svg', preset: preset.id, set: [`${id}=0.123`] });
			expect(other.request?.overrides[id]).toBe(0.123);
		}
	});
});

describe('requestOptions and exportCommandLine', () => {
	it('give back the request they were made from', () => {
		const raws: RawExportOptions[] = [
			{ format: 'svg' },
			{ format: 'png', dpi: '600', greyscale: true, subtree: 'UNSC_RESOLUTION', depth: '3', optimal: true, set: ['p_veto=0.4'] },
			{ format: 'docx', preset: shipped.presets[0].id, set: ['p_talks=0.2'], criterion: 'security', seed: '9', runs: '500' },
			{ format: 'svg', content: 'twoway', x: 'p_veto', y: 'p_talks', steps: '11', title: 'It’s “quoted”' },
			{ format: 'md', play: ['russia=strategic', 'china=strategic'] }
		];
		for (const raw of raws) {
			const request = parseExportRequest(shipped, raw).request!;
			expect(parseExportRequest(shipped, requestOptions(shipped, request)).request).toEqual(request);
		}
	});

	it('name each actor whose play is changed, as --play', () => {
		const request = parseExportRequest(shipped, { format: 'md', play: ['russia=strategic', 'dprk=chance'] }).request!;
		expect(requestOptions(shipped, request).play).toEqual(['russia=strategic']);
		expect(exportCommandLine('russia-dprk-2024', requestOptions(shipped, request))).toBe('npm run bp -- export russia-dprk-2024 --format md --content report --play russia=strategic');
	});

	it('quotes what a shell would split', () => {
		expect(exportCommandLine('russia-dprk-2024', { format: 'svg', title: "It's a b", set: ['p_veto=0.5'], greyscale: true })).toBe("npm run bp -- export russia-dprk-2024 --format svg --title 'It'\\''s a b' --set p_veto=0.5 --greyscale");
	});
});

describe('exportQuery and rawFromQuery', () => {
	it('carry every option through a URL unchanged', () => {
		const raw: RawExportOptions = { format: 'png', content: 'tree', set: ['p_veto=0.5', 'china_stance=constructive'], play: ['russia=strategic'], subtree: 'A/B', depth: '3', optimal: true, greyscale: true, dpi: '600', title: 'T & “x”' };
		const query = exportQuery(raw);
		const back = rawFromQuery(new URLSearchParams(query.toString()));
		expect(parseExportRequest(shipped, back)).toEqual(parseExportRequest(shipped, raw));
	});

	it('writes equal options as equal queries', () => {
		expect(exportQuery({ format: 'svg', greyscale: true, set: [] }).toString()).toBe(exportQuery({ set: [], greyscale: true, format: 'svg' }).toString());
	});
});
