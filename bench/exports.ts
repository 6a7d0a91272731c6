import { createHash } from 'node:crypto';
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { parseExportRequest, parseScenario, type RawExportOptions } from '../src/lib/core/index.js';
import { median, type Figure } from './stats.js';

/**
 * How long each export takes for the shipped scenario, end to end (model,
 * analyses, rendering, encoding), against rendering the same tree figure as
 * SVG alone. PNG and DOCX, which people wait for, have a budget of 1.5 s.
 */
export async function exportFigures(): Promise<Figure[]> {
	register('../src/cli/svelteHooks.js', import.meta.url);
	const { exportScenario } = await import('../src/lib/export/exportScenario.js');
	const bytes = readFileSync('scenarios/russia-dprk-2024/scenario.yaml');
	const scenario = parseScenario(bytes).scenario!;
	const source = { scenario, id: 'russia-dprk-2024', sha256: createHash('sha256').update(bytes).digest('hex') };
	const time = async (raw: RawExportOptions, runs: number) => {
		const request = parseExportRequest(scenario, raw).request!;
		await exportScenario(source, request);
		const times: number[] = [];
		for (let i = 0; i < runs; i++) {
			const t0 = performance.now();
			await exportScenario(source, request);
			times.push(performance.now() - t0);
		}
		return median(times);
	};
	const svg = await time({ format: 'svg' }, 9);
	const reference = { name: 'tree as SVG', value: svg };
	const figures: Figure[] = [{ name: 'export: tree as SVG, shipped scenario, 2 levels', value: svg, unit: 'ms' }];
	for (const [name, raw, runs, maxValue] of [
		['tree as PDF (fonts subset and embedded)', { format: 'pdf' }, 5],
		['tree as PNG, 300 dpi (PDF through pdftoppm)', { format: 'png' }, 5, 1500],
		['options table as CSV (with 1,000 Monte Carlo runs)', { format: 'csv' }, 5],
		['report as Markdown (6 figures)', { format: 'md' }, 3],
		['report as DOCX (6 figures as 200 dpi PNG)', { format: 'docx' }, 5, 1500]
	] as [string, RawExportOptions, number, number?][]) {
		figures.push({ name: `export: ${name}`, value: await time(raw, runs), unit: 'ms', reference, ...(maxValue ? { maxValue } : {}) });
	}
	return figures;
}
