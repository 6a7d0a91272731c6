import type { Scenario } from '../scenario/types.js';
import type { ExportRequest, RawExportOptions } from './exportRequest.js';

/**
 * The options that give this request, defaults left out: what provenance
 * records and what a command line needs to make the same export again.
 * `parseExportRequest` reads them back to an equal request. Pure.
 */
export function requestOptions(scenario: Scenario, request: ExportRequest): RawExportOptions {
	const preset = scenario.presets.find((p) => p.id === request.preset)?.values ?? {};
	const set = Object.keys(request.overrides)
		.filter((id) => preset[id] !== request.overrides[id])
		.sort()
		.map((id) => `${id}=${String(request.overrides[id])}`);
	const figure = request.format === 'svg' || request.format === 'png' || request.format === 'pdf';
	const tree = figure && request.content === 'tree';
	return {
		format: request.format,
		content: request.content,
		preset: request.preset,
		set,
		perspective: request.perspective,
		play: Object.keys(request.play)
			.filter((id) => request.play[id] !== scenario.actors.find((a) => a.id === id)?.play)
			.sort()
			.map((id) => `${id}=${request.play[id]}`),
		criterion: request.criterion,
		subtree: tree && request.subtree !== '' ? request.subtree : undefined,
		depth: tree && request.depth !== 2 ? String(request.depth) : undefined,
		optimal: tree && request.optimalOnly,
		greyscale: request.greyscale,
		dpi: request.format === 'png' && request.dpi !== 300 ? String(request.dpi) : undefined,
		seed: request.seed !== 1 ? String(request.seed) : undefined,
		runs: request.runs !== 1000 ? String(request.runs) : undefined,
		x: request.x,
		y: request.y,
		steps: request.content === 'twoway' && request.steps !== 21 ? String(request.steps) : undefined,
		title: request.title,
		caption: request.caption,
		lang: request.lang !== 'en' ? request.lang : undefined
	};
}

/** Quotes a word for a POSIX shell when it needs quoting. Pure. */
function shellWord(s: string): string {
	return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The `npm run bp -- export …` command for these options, ready to paste into a shell. Pure. */
export function exportCommandLine(scenarioId: string, raw: RawExportOptions): string {
	const flags = Object.entries(raw).flatMap(([key, value]) => {
		if (value === undefined || value === false || value === '') return [];
		if (key === 'set' || key === 'play') return (value as readonly string[]).map((s) => `--${key} ${shellWord(s)}`);
		return value === true ? [`--${key}`] : [`--${key} ${shellWord(String(value))}`];
	});
	return ['npm run bp -- export', shellWord(scenarioId), ...flags].join(' ');
}
