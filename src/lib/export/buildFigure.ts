import {
	analyseRichardson,
	describeChange,
	figureFrame,
	formatNumber,
	formatPercent,
	formatValue,
	nothingUncertain,
	noteText,
	numberNotes,
	provenanceLine,
	punctuation,
	richardsonTrajectory,
	sourceLine,
	spiralParameters,
	treeFigure,
	valueRounding,
	type ExportContent,
	type FigureNote,
	type FrameLayout
} from '../core/index.js';
import { DISTRIBUTION, HISTOGRAM_ROW, REGION, SPIRAL, TORNADO } from '../figures/plotGeometry.js';
import type { PlotSpec } from '../figures/plotSpec.js';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import { optionLetter } from '../view/palette.js';
import type { ExportContext } from './exportContext.js';
import { ExportRefusal } from './ExportRefusal.js';

/** A figure ready to draw: plot, frame and the texts that go with it. */
export interface BuiltFigure {
	plot: PlotSpec;
	frame: FrameLayout;
	title: string;
	caption: string;
	/** The "Source:" line, unwrapped. */
	sourceLine: string;
	notes: FigureNote[];
	alt: string;
	description: string;
	/** The language of the figure's words. */
	lang: Locale;
}

interface Parts {
	plot: PlotSpec;
	width: number;
	height: number;
	title: string;
	caption: string;
	citations: string[][];
	/** Notes already numbered by the plot (the tree numbers its own). */
	notes?: FigureNote[];
	alt: string;
	description: string;
}

const lettered = (labels: readonly string[], lang: Locale) => labels.map((l, o) => `${optionLetter(o)} ${l}`).join(punctuation(lang).semicolon);

/**
 * The figure of one content kind, computed from the export's context.
 * Without `notes` the frame leaves the numbered notes out: a report prints
 * them once, at its end, under the same numbers.
 */
export function buildFigure(ctx: ExportContext, content: ExportContent, options: { notes?: boolean } = {}): BuiltFigure {
	const parts = figureParts(ctx, content);
	const { scenario } = ctx.source;
	const notes = parts.notes ?? numberNotes(scenario, parts.citations).notes;
	// A title or caption the user wrote belongs to the figure they asked for, not to every figure of a report.
	const own = ctx.request.content === content;
	const title = (own && ctx.request.title) || parts.title;
	const caption = (own && ctx.request.caption) || parts.caption;
	const source = sourceLine(scenario, notes, ctx.lang);
	const frame = figureFrame({
		plotWidth: parts.width,
		plotHeight: parts.height,
		title,
		caption,
		sourceLine: source,
		notes: options.notes === false ? [] : notes.map((n) => noteText(n, ctx.lang)),
		notesHeading: m.xp_notes_heading({}, { locale: ctx.lang }),
		provenance: provenanceLine(ctx.provenance, ctx.lang)
	});
	return { plot: parts.plot, frame, title, caption, sourceLine: source, notes, alt: parts.alt, description: parts.description, lang: ctx.lang };
}

/** For a tree: which other actors choose for themselves, whose "probabilities" are then their choices. */
function choosersCaption(ctx: ExportContext): string {
	const play = ctx.provenance.play;
	if (!play) return '';
	const locale = { locale: ctx.lang };
	const names = Object.entries(play).map(([id, p]) => `${ctx.source.scenario.actors.find((a) => a.id === id)?.name ?? id}${punctuation(ctx.lang).paren(p)}`);
	const joined = names.join(m.xp_and({}, locale));
	return names.length === 1 ? m.xp_choosers_one({ names: joined }, locale) : m.xp_choosers_many({ names: joined }, locale);
}

function figureParts(ctx: ExportContext, content: ExportContent): Parts {
	const { scenario } = ctx.source;
	const { request, evaluator } = ctx;
	const objective = ctx.objective.name;
	const lang = ctx.lang;
	const locale = { locale: lang };
	const { paren, semicolon, comma } = punctuation(lang);
	const assumptionCitations = (ids: readonly string[]) => ids.map((id) => scenario.assumptions.find((a) => a.id === id)?.citations ?? []);
	switch (content) {
		case 'tree': {
			const nodes = ctx.point.flat.tree.nodes;
			if (!nodes.some((n) => n.path === request.subtree)) {
				const examples = nodes.filter((n) => n.depth >= 1 && n.depth <= 2).slice(0, 3).map((n) => `"${n.path}"`);
				throw new ExportRefusal(m.xp_no_node({ path: request.subtree, examples: examples.join(comma) }, locale));
			}
			const figure = treeFigure({ scenario, flat: ctx.point.flat, evaluation: ctx.point.evaluation, root: request.subtree, depth: request.depth, optimalOnly: request.optimalOnly, criterion: request.criterion, lang });
			return {
				plot: { kind: 'tree', figure },
				width: figure.width,
				height: figure.height,
				title: request.subtree === '' ? m.xp_tree_title({ title: scenario.title }, locale) : m.xp_tree_title_subtree({ title: scenario.title, label: figure.heading.label }, locale),
				caption: m.xp_tree_caption(
					{
						objective,
						along: request.optimalOnly ? m.xp_tree_along_optimal({}, locale) : '',
						depth: request.depth,
						from: request.subtree === '' ? m.xp_tree_from_start({}, locale) : m.xp_tree_from_node({}, locale),
						choosers: choosersCaption(ctx),
						rounding: valueRounding(lang)
					},
					locale
				),
				citations: [],
				notes: figure.notes,
				alt: figure.alt,
				description: figure.longDescription
			};
		}
		case 'tornado': {
			const result = ctx.tornado();
			const labels = Object.fromEntries(evaluator.optionIds.map((id) => [id, ctx.optionLabel(id)]));
			const changes = result.bars.filter((b) => b.policyChanges).map((b) => b.label);
			const setting = ctx.settingLabel;
			const top = result.bars.slice(0, 3).map((b) => `${b.label}${paren(m.xp_range({ low: formatValue(b.low.value), high: formatValue(b.high.value) }, locale))}`);
			return {
				plot: { kind: 'tornado', result, labels },
				width: TORNADO.width,
				height: TORNADO.height(result),
				title: m.xp_tornado_title({ title: scenario.title, objective }, locale),
				caption: m.xp_tornado_caption(
					{
						objective,
						points: result.points,
						policy: result.policy === 'fixed' ? m.xp_tornado_fixed({}, locale) : m.xp_tornado_reoptimised({}, locale),
						base: formatValue(result.base.value),
						best: ctx.optionLabel(result.base.best)
					},
					locale
				),
				citations: assumptionCitations(result.bars.map((b) => b.assumption)),
				alt: m.xp_tornado_alt({ count: result.bars.length, top: top.join(semicolon), changes: changes.length > 0 ? m.xp_policy_changes_across({ list: changes.join(comma) }, locale) : m.xp_policy_holds_every_range({}, locale) }, locale),
				description: result.bars
					.map((b) => {
						const change = b.policySwitch ? m.xp_tornado_switch({ setting: setting(b.assumption, b.policySwitch.setting), change: describeChange(scenario, b.policySwitch, lang) }, locale) : '';
						return `${b.label}${punctuation(lang).colon}${setting(b.assumption, b.low.setting)} → ${formatValue(b.low.value)}${paren(ctx.optionLabel(b.low.best))}${semicolon}${setting(b.assumption, b.high.setting)} → ${formatValue(b.high.value)}${paren(ctx.optionLabel(b.high.best))}${change}`;
					})
					.join('\n')
			};
		}
		case 'twoway': {
			const result = ctx.twoWay();
			const labels = Object.fromEntries(evaluator.optionIds.map((id) => [id, ctx.optionLabel(id)]));
			const xLabel = ctx.assumptionLabel(result.x.assumption);
			const yLabel = ctx.assumptionLabel(result.y.assumption);
			const used = [...new Set(result.best.flat())].sort((a, b) => a - b);
			const share = used.map((o) => `${optionLetter(o)} ${ctx.optionLabel(result.options[o])} ${formatPercent(result.best.flat().filter((b) => b === o).length / result.best.flat().length)}`);
			return {
				plot: { kind: 'twoway', result, labels, xLabel, yLabel },
				width: REGION.width,
				height: REGION.height,
				title: m.xp_twoway_title({ title: scenario.title, x: xLabel, y: yLabel }, locale),
				caption: m.xp_twoway_caption({ objective, nx: result.x.values.length, ny: result.y.values.length, legend: used.map((o) => `${optionLetter(o)}${punctuation(lang).colon}${ctx.optionLabel(result.options[o])}`).join(semicolon) }, locale),
				citations: assumptionCitations([result.x.assumption, result.y.assumption]),
				alt: m.xp_twoway_alt({ x: xLabel, y: yLabel, share: share.join(semicolon) }, locale),
				description: result.best.map((row, j) => `${yLabel} ${formatNumber(result.y.values[j])}: ${row.map((b) => optionLetter(b)).join(' ')}`).reverse().join('\n')
			};
		}
		case 'histogram':
		case 'risk': {
			const result = ctx.monteCarlo();
			const labels = evaluator.optionLabels;
			const distributed = result.uncertain;
			const summary = result.summaries.map((s, o) => m.xp_mc_summary({ option: `${optionLetter(o)} ${labels[o]}`, mean: formatValue(s.mean), p5: formatValue(s.p5), p95: formatValue(s.p95), best: formatPercent(s.probabilityBest) }, locale));
			const histogram = content === 'histogram';
			return {
				plot: histogram ? { kind: 'histogram', result, labels } : { kind: 'risk', result },
				width: DISTRIBUTION.width,
				height: histogram ? labels.length * HISTOGRAM_ROW + 24 : DISTRIBUTION.height,
				title: histogram ? m.xp_hist_title({ title: scenario.title }, locale) : m.xp_risk_title({ title: scenario.title }, locale),
				caption: m.xp_mc_caption(
					{
						what: histogram ? m.xp_hist_what({ objective }, locale) : m.xp_risk_what({ objective }, locale),
						runs: result.runs,
						seed: result.seed,
						count: distributed.length,
						lettered: lettered(labels, lang),
						evpi: distributed.length > 0 ? m.xp_evpi({ evpi: formatValue(result.evpi) }, locale) : nothingUncertain(lang)
					},
					locale
				),
				citations: assumptionCitations(distributed),
				alt: (histogram ? m.xp_hist_alt : m.xp_risk_alt)({ count: labels.length, runs: result.runs, summary: summary.join(m.xp_sentence_join({}, locale)) }, locale),
				description: summary.join('\n')
			};
		}
		case 'spiral': {
			const spiral = scenario.spiral;
			if (!spiral) throw new Error('This scenario has no spiral section');
			const p = spiralParameters(scenario, ctx.model.book, ctx.point.values);
			const analysis = analyseRichardson(p, spiral.horizon);
			const trajectory = richardsonTrajectory(p, spiral.horizon, 200);
			const end = trajectory[trajectory.length - 1];
			return {
				plot: { kind: 'spiral', trajectory, horizon: spiral.horizon },
				width: SPIRAL.width,
				height: SPIRAL.height,
				title: m.xp_spiral_title({ title: scenario.title, label: spiral.label }, locale),
				caption: m.xp_spiral_caption(
					{
						k: formatNumber(p.k),
						l: formatNumber(p.l),
						a: formatNumber(p.a),
						b: formatNumber(p.b),
						g: formatNumber(p.g),
						h: formatNumber(p.h),
						x: spiral.x.label,
						y: spiral.y.label,
						horizon: spiral.horizon,
						stability: analysis.stable ? m.xp_spiral_stable({}, locale) : m.xp_spiral_unstable({}, locale),
						risk: formatNumber(analysis.risk, 3)
					},
					locale
				),
				citations: [spiral.citations],
				alt: (analysis.stable ? m.xp_spiral_alt_stable : m.xp_spiral_alt_unstable)({ horizon: spiral.horizon, x: spiral.x.label, xEnd: formatNumber(end?.x ?? 0, 2), y: spiral.y.label, yEnd: formatNumber(end?.y ?? 0, 2) }, locale),
				description: trajectory.filter((_, k) => k % 20 === 0).map((t) => `t ${formatNumber(t.t, 2)}: x ${formatNumber(t.x, 3)}, y ${formatNumber(t.y, 3)}`).join('\n')
			};
		}
		default:
			throw new Error(`"${content}" is not a figure`);
	}
}
