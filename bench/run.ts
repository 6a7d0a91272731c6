import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { analysisFigures } from './analyses.js';
import { browserFigures } from './browser.js';
import { cliFigures } from './cli.js';
import { exportFigures } from './exports.js';
import { rollbackFigures } from './rollback.js';
import { verdict, type Figure } from './stats.js';
import { workshopFigures } from './workshop.js';

/**
 * `npm run bench`: every figure of DESIGN.md's performance budget, each
 * beside its in-run reference as a ratio, or against its absolute target
 * where the budget gives one. `--md FILE` also writes the table as Markdown.
 */
async function main() {
	const sections: [string, () => Figure[] | Promise<Figure[]>][] = [
		['Rollback', rollbackFigures],
		['Analyses', analysisFigures],
		['Browser (Chromium)', browserFigures],
		['Command line', cliFigures],
		['Exports', exportFigures],
		['Workshop (loopback)', workshopFigures]
	];
	const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
	const rows: string[] = [];
	let failures = 0;
	for (const [title, run] of sections) {
		if (only && !title.toLowerCase().startsWith(only)) continue;
		console.log(`\n## ${title}`);
		rows.push(`\n### ${title}\n`, '| figure | value | reference | ratio | budget | |', '|---|---|---|---|---|---|');
		for (const figure of await run()) {
			const { ratio, pass } = verdict(figure);
			if (!pass) failures++;
			const value = `${figure.value.toFixed(figure.value < 10 ? 3 : 1)} ${figure.unit}`;
			const reference = figure.reference ? `${figure.reference.name}: ${figure.reference.value.toFixed(3)} ${figure.unit}` : '';
			const budget = figure.maxRatio !== undefined ? `≤ ${figure.maxRatio}×` : figure.minRatio !== undefined ? `≥ ${figure.minRatio}×` : figure.maxValue !== undefined ? `≤ ${figure.maxValue} ${figure.unit}` : '—';
			const ratioText = ratio === undefined ? '' : `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(0)}×`;
			console.log(`${pass ? 'ok  ' : 'OVER'} ${figure.name}: ${value}${reference ? ` | ${reference}` : ''}${ratioText ? ` | ratio ${ratioText}` : ''} | budget ${budget}${figure.note ? ` | ${figure.note}` : ''}`);
			rows.push(`| ${figure.name}${figure.note ? ` (${figure.note})` : ''} | ${value} | ${reference} | ${ratioText} | ${budget} | ${pass ? 'ok' : '**over**'} |`);
		}
	}
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
	console.log(`\n${failures === 0 ? 'All figures within budget.' : `${failures} figure(s) over budget.`} Machine: ${machine}`);
	const md = process.argv.find((a) => a.startsWith('--md='))?.slice(5);
	if (md) writeFileSync(md, `# Benchmarks\n\nOutput of \`npm run bench\` on ${machine}.\nMedians unless a percentile is named; ratios are against a reference measured in the same run.\n${rows.join('\n')}\n${readFileSync(new URL('./notes.md', import.meta.url), 'utf8')}`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
