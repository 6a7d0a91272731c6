import { m } from '../../paraglide/messages.js';
import { locales, type Locale } from '../../paraglide/runtime.js';
import { checkOverrides } from '../scenario/checkOverrides.js';
import type { AssumptionValue, Scenario } from '../scenario/types.js';
import { parsePlay, type PlayOverrides } from '../tree/actorPlay.js';
import { unknownCriterion } from '../util/unknownCriterion.js';

export const EXPORT_FORMATS = ['svg', 'png', 'pdf', 'csv', 'md', 'docx', 'bib', 'csl', 'json', 'sd'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FIGURES = ['tree', 'tornado', 'twoway', 'histogram', 'risk', 'spiral'] as const;
export const EXPORT_CONTENTS = [...FIGURES, 'options', 'nodes', 'report', 'sources'] as const;
export type ExportContent = (typeof EXPORT_CONTENTS)[number];

/** What each format can carry; the first is its default. */
export const CONTENTS_BY_FORMAT: Record<ExportFormat, readonly ExportContent[]> = {
	svg: FIGURES,
	png: FIGURES,
	pdf: FIGURES,
	csv: ['options', 'nodes'],
	md: ['report', 'options'],
	docx: ['report', 'options'],
	bib: ['sources'],
	csl: ['sources'],
	json: ['report', ...FIGURES],
	// A SilverDecisions decision-tree file (core/silverdecisions).
	sd: ['tree']
};

/** 1200 dpi is what journals ask of line art; more only makes larger files. */
export const DPI_RANGE = [72, 1200] as const;
/** Titles and captions longer than this are paragraphs, not captions. */
const MAX_TEXT = 300;

/** One export, fully resolved: what the UI and the CLI both hand to the exporter. */
export interface ExportRequest {
	format: ExportFormat;
	content: ExportContent;
	/** Assumption values set over the defaults (a preset's values included). */
	overrides: Record<string, AssumptionValue>;
	preset?: string;
	perspective?: string;
	/** How some actors play instead of as the scenario says. */
	play: PlayOverrides;
	criterion?: string;
	/** Tree figure: path of the subtree's root ("" for the whole tree), levels drawn, optimal moves only. */
	subtree: string;
	depth: number;
	optimalOnly: boolean;
	greyscale: boolean;
	dpi: number;
	/** Monte Carlo (histogram, risk profile, the options table's P(best), the report). */
	seed: number;
	runs: number;
	/** Region map: the two assumptions and grid points per axis; default the two widest tornado bars. */
	x?: string;
	y?: string;
	steps: number;
	title?: string;
	caption?: string;
	/** The language of the export's words; scenario texts are loaded in it too. */
	lang: Locale;
}

/**
 * Export options as typed: CLI flags or URL query parameters, by name.
 * `set` holds `id=value` strings, `play` `actor=chance|strategic|bounded`.
 */
export type RawExportOptions = Partial<Record<'format' | 'content' | 'preset' | 'perspective' | 'criterion' | 'subtree' | 'depth' | 'dpi' | 'seed' | 'runs' | 'x' | 'y' | 'steps' | 'title' | 'caption' | 'lang', string>> & {
	set?: readonly string[];
	play?: readonly string[];
	optimal?: boolean;
	greyscale?: boolean;
};

function integer(text: string | undefined, fallback: number, name: string, min: number, max: number, problems: string[], lang: Locale): number {
	if (text === undefined || text === '') return fallback;
	const n = Number(text);
	if (Number.isInteger(n) && n >= min && n <= max) return n;
	problems.push(m.xp_req_integer({ name, min, max, text }, { locale: lang }));
	return fallback;
}

/** The language an export asks for: `en` when none is named. */
export function exportLanguage(lang: string | undefined): Locale | undefined {
	if (lang === undefined || lang === '') return 'en';
	return (locales as readonly string[]).includes(lang) ? (lang as Locale) : undefined;
}

/**
 * Checks export options against the scenario and fills in the defaults.
 * Every problem is reported, each naming the option and what to write
 * instead; nothing throws. Pure.
 */
export function parseExportRequest(scenario: Scenario, raw: RawExportOptions): { request?: ExportRequest; problems: string[] } {
	const problems: string[] = [];
	// The problems are told in the language asked for, or in English when that is what is wrong.
	const lang = exportLanguage(raw.lang) ?? 'en';
	const locale = { locale: lang };
	if (exportLanguage(raw.lang) === undefined) problems.push(m.xp_req_lang({ langs: locales.join(', '), lang: String(raw.lang) }, locale));
	const format = raw.format as ExportFormat | undefined;
	if (format === undefined) problems.push(m.xp_req_no_format({ formats: EXPORT_FORMATS.join(', ') }, locale));
	else if (!EXPORT_FORMATS.includes(format)) problems.push(m.xp_req_unknown_format({ format, formats: EXPORT_FORMATS.join(', ') }, locale));
	const allowed = format && EXPORT_FORMATS.includes(format) ? CONTENTS_BY_FORMAT[format] : undefined;
	const content = (raw.content ?? allowed?.[0]) as ExportContent | undefined;
	if (allowed && content && !allowed.includes(content)) problems.push(m.xp_req_content({ format: String(format), allowed: allowed.join(', '), content }, locale));

	let start: Record<string, AssumptionValue> = {};
	if (raw.preset) {
		const preset = scenario.presets.find((p) => p.id === raw.preset);
		if (preset) start = preset.values;
		else problems.push(m.xp_req_unknown_preset({ preset: raw.preset, presets: scenario.presets.map((p) => p.id).join(', ') || m.xp_none({}, locale) }, locale));
	}
	// No prototype: a `__proto__` entry stays an entry and is reported as unknown, not silently dropped.
	const sets: Record<string, string> = Object.create(null);
	for (const set of raw.set ?? []) {
		const eq = set.indexOf('=');
		if (eq <= 0) problems.push(m.xp_req_set_form({ set }, locale));
		else sets[set.slice(0, eq).trim()] = set.slice(eq + 1).trim();
	}
	const checked = checkOverrides(scenario, sets, lang);
	for (const p of checked.problems) problems.push(`set ${p.id}: ${p.message}`);
	if (raw.perspective && !scenario.actors.some((a) => a.id === raw.perspective && a.kind === 'actor')) problems.push(m.xp_req_unknown_perspective({ perspective: raw.perspective, actors: scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id).join(', ') }, locale));
	const play = parsePlay(scenario, raw.play ?? [], lang);
	problems.push(...play.problems.map((p) => p.replace(/^--play/, 'play')));
	if (raw.criterion && !scenario.criteria.some((c) => c.id === raw.criterion)) problems.push(unknownCriterion(raw.criterion, scenario.criteria.map((c) => c.id), lang));
	for (const axis of ['x', 'y'] as const) {
		const id = raw[axis];
		if (id === undefined || id === '') continue;
		const a = scenario.assumptions.find((x) => x.id === id);
		if (!a) problems.push(m.xp_req_axis_unknown({ axis, id }, locale));
		else if (a.kind !== 'number' && a.kind !== 'probability') problems.push(m.xp_req_axis_kind({ axis, id, kind: a.kind }, locale));
	}
	if (raw.x && raw.x === raw.y) problems.push(m.xp_req_same_axes({}, locale));
	if (content === 'spiral' && !scenario.spiral) problems.push(m.xp_req_no_spiral({}, locale));
	for (const key of ['title', 'caption'] as const) {
		const text = raw[key];
		if (text === undefined) continue;
		if ([...text].length > MAX_TEXT) problems.push(m.xp_req_too_long({ key, length: [...text].length, max: MAX_TEXT }, locale));
		// Characters XML cannot hold would make the SVG unreadable and Word refuse the file.
		if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text) || !text.isWellFormed()) problems.push(m.xp_req_control({ key }, locale));
	}

	const request: ExportRequest = {
		format: format ?? 'svg',
		content: content ?? 'tree',
		overrides: { ...start, ...checked.overrides },
		preset: raw.preset || undefined,
		perspective: raw.perspective || undefined,
		play: play.overrides,
		criterion: raw.criterion || undefined,
		subtree: raw.subtree ?? '',
		depth: integer(raw.depth, 2, 'depth', 0, 8, problems, lang),
		optimalOnly: raw.optimal === true,
		greyscale: raw.greyscale === true,
		dpi: integer(raw.dpi, 300, 'dpi', DPI_RANGE[0], DPI_RANGE[1], problems, lang),
		seed: integer(raw.seed, 1, 'seed', 0, 2 ** 31 - 1, problems, lang),
		runs: integer(raw.runs, 1000, 'runs', 10, 20000, problems, lang),
		x: raw.x || undefined,
		y: raw.y || undefined,
		steps: integer(raw.steps, 21, 'steps', 3, 61, problems, lang),
		title: raw.title?.trim() || undefined,
		caption: raw.caption?.trim() || undefined,
		lang
	};
	return problems.length > 0 ? { problems } : { request, problems };
}

/**
 * The same options as URL query parameters, the way the workbench asks the
 * server for an export; `parseExportRequest` reads them back. Stable order. Pure.
 */
export function exportQuery(raw: RawExportOptions): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(raw).sort(([a], [b]) => a.localeCompare(b))) {
		if (value === undefined || value === false || value === '') continue;
		if (key === 'set' || key === 'play') for (const s of value as readonly string[]) params.append(key, s);
		else params.set(key, value === true ? '1' : String(value));
	}
	return params;
}

/** Reads export options from URL query parameters. Pure. */
export function rawFromQuery(params: URLSearchParams): RawExportOptions {
	const raw: Record<string, unknown> = { set: params.getAll('set'), play: params.getAll('play') };
	for (const [key, value] of params) if (key !== 'set' && key !== 'play') raw[key] = key === 'optimal' || key === 'greyscale' ? value === '1' || value === 'true' : value;
	return raw as RawExportOptions;
}
