import {
	analyseRichardson,
	VALUE_ROUNDING,
	describeChange,
	figureFrame,
	formatNumber,
	formatPercent,
	formatValue,
	NOTHING_UNCERTAIN,
	noteText,
	numberNotes,
	provenanceLine,
	richardsonTrajectory,
	sourceLine,
	spiralParameters,
	treeFigure,
	type ExportContent,
	type FigureNote,
	type FrameLayout
} from '../core/index.js';
import { DISTRIBUTION, HISTOGRAM_ROW, REGION, SPIRAL, TORNADO } from '../figures/plotGeometry.js';
import type { PlotSpec } from '../figures/plotSpec.js';
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

const lettered = (labels: readonly string[]) => labels.map((l, o) => `${optionLetter(o)} ${l}`).join('; ');

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
	const source = sourceLine(scenario, notes);
	const frame = figureFrame({
		plotWidth: parts.width,
		plotHeight: parts.height,
		title,
		caption,
		sourceLine: source,
		notes: options.notes === false ? [] : notes.map(noteText),
		provenance: provenanceLine(ctx.provenance)
	});
	return { plot: parts.plot, frame, title, caption, sourceLine: source, notes, alt: parts.alt, description: parts.description };
}

/** For a tree: which other actors choose for themselves, whose "probabilities" are then their choices. */
function choosersCaption(ctx: ExportContext): string {
	const play = ctx.provenance.play;
	if (!play) return '';
	const names = Object.entries(play).map(([id, p]) => `${ctx.source.scenario.actors.find((a) => a.id === id)?.name ?? id} (${p})`);
	return ` ${names.join(' and ')} ${names.length === 1 ? 'chooses' : 'choose'} for ${names.length === 1 ? 'itself' : 'themselves'}: the p under ${names.length === 1 ? 'its' : 'their'} moves are the shares of ${names.length === 1 ? 'its' : 'their'} choice.`;
}

function figureParts(ctx: ExportContext, content: ExportContent): Parts {
	const { scenario } = ctx.source;
	const { request, evaluator } = ctx;
	const objective = ctx.objective.name;
	const assumptionCitations = (ids: readonly string[]) => ids.map((id) => scenario.assumptions.find((a) => a.id === id)?.citations ?? []);
	switch (content) {
		case 'tree': {
			const nodes = ctx.point.flat.tree.nodes;
			if (!nodes.some((n) => n.path === request.subtree)) {
				const examples = nodes.filter((n) => n.depth >= 1 && n.depth <= 2).slice(0, 3).map((n) => `"${n.path}"`);
				throw new ExportRefusal(`No node at path "${request.subtree}": a path is the move ids from the start joined by "/", such as ${examples.join(', ')} (the workbench shows a node's path in its inspector).`);
			}
			const figure = treeFigure({ scenario, flat: ctx.point.flat, evaluation: ctx.point.evaluation, root: request.subtree, depth: request.depth, optimalOnly: request.optimalOnly, criterion: request.criterion });
			return {
				plot: { kind: 'tree', figure },
				width: figure.width,
				height: figure.height,
				title: `${scenario.title}: ${request.subtree === '' ? 'decision tree' : `subtree from “${figure.heading.label}”`}`,
				caption: `Expected ${objective} at each node${request.optimalOnly ? ' along the optimal policy' : ''}, ${request.depth} levels from ${request.subtree === '' ? 'the start' : 'this node'}. Squares: decisions; circles: chance events (p = probability of the move); triangles: outcomes, with the probability of reaching them under the optimal policy. Heavy lines: the optimal policy; ★ the preferred move.${choosersCaption(ctx)} Values rounded to ${VALUE_ROUNDING}. Superscripts refer to the notes.`,
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
			const top = result.bars.slice(0, 3).map((b) => `${b.label} (${formatValue(b.low.value)} to ${formatValue(b.high.value)})`);
			return {
				plot: { kind: 'tornado', result, labels },
				width: TORNADO.width,
				height: TORNADO.height(result),
				title: `${scenario.title}: sensitivity of the ${objective} to each assumption`,
				caption: `Expected ${objective} at the start as each assumption moves across its range (${result.points} evenly spaced values for a number, every option of a choice), the others held at their current values, ${result.policy === 'fixed' ? `the base case’s optimal policy held` : 'the optimal policy re-chosen at each value'}; base ${formatValue(result.base.value)} with “${ctx.optionLabel(result.base.best)}” preferred. Light bars: the setting giving the lowest value; dark bars: the highest. ◆ the optimal policy changes within the range, at the first decision or a later one it reaches.`,
				citations: assumptionCitations(result.bars.map((b) => b.assumption)),
				alt: `Tornado chart of ${result.bars.length} assumptions. The widest bars: ${top.join('; ')}.${changes.length > 0 ? ` The optimal policy changes across the range of: ${changes.join(', ')}.` : ' The optimal policy holds across every range.'}`,
				description: result.bars.map((b) => `${b.label}: ${String(b.low.setting)} → ${formatValue(b.low.value)} (${ctx.optionLabel(b.low.best)}); ${String(b.high.setting)} → ${formatValue(b.high.value)} (${ctx.optionLabel(b.high.best)})${b.policySwitch ? `; the optimal policy changes from ${String(b.policySwitch.setting)}, ${describeChange(scenario, b.policySwitch)}` : ''}`).join('\n')
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
				title: `${scenario.title}: preferred first response over ${xLabel} and ${yLabel}`,
				caption: `Each cell shows the first response with the highest expected ${objective} at that pair of values, on a ${result.x.values.length} × ${result.y.values.length} grid; other assumptions at their current values. ${used.map((o) => `${optionLetter(o)}: ${ctx.optionLabel(result.options[o])}`).join('; ')}.`,
				citations: assumptionCitations([result.x.assumption, result.y.assumption]),
				alt: `Region map over ${xLabel} (x) and ${yLabel} (y). Share of the grid where each option is preferred: ${share.join('; ')}.`,
				description: result.best.map((row, j) => `${yLabel} ${formatNumber(result.y.values[j])}: ${row.map((b) => optionLetter(b)).join(' ')}`).reverse().join('\n')
			};
		}
		case 'histogram':
		case 'risk': {
			const result = ctx.monteCarlo();
			const labels = evaluator.optionLabels;
			const distributed = result.uncertain;
			const summary = result.summaries.map((s, o) => `${optionLetter(o)} ${labels[o]}: mean ${formatValue(s.mean)}, 5–95% ${formatValue(s.p5)} to ${formatValue(s.p95)}, best in ${formatPercent(s.probabilityBest)} of runs`);
			const histogram = content === 'histogram';
			return {
				plot: histogram ? { kind: 'histogram', result, labels } : { kind: 'risk', result },
				width: DISTRIBUTION.width,
				height: histogram ? labels.length * HISTOGRAM_ROW + 24 : DISTRIBUTION.height,
				title: `${scenario.title}: ${histogram ? 'distribution of each first response’s value' : 'risk profiles of the first responses'}`,
				caption: `${histogram ? `Histograms of the expected ${objective} of each first response` : `Share of runs in which each first response’s expected ${objective} is at most a given value`} over ${result.runs} Monte Carlo runs (seed ${result.seed}), drawing ${distributed.length} assumptions from their distributions. ${lettered(labels)}. ${distributed.length > 0 ? `Expected value of perfect information ${formatValue(result.evpi)}.` : NOTHING_UNCERTAIN}`,
				citations: assumptionCitations(distributed),
				alt: `${histogram ? 'Histograms' : 'Cumulative distributions'} of ${labels.length} options over ${result.runs} runs. ${summary.join('. ')}.`,
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
				title: `${scenario.title}: ${spiral.label}`,
				caption: `Richardson model dx/dt = k·y − a·x + g, dy/dt = l·x − b·y + h with k ${formatNumber(p.k)}, l ${formatNumber(p.l)}, a ${formatNumber(p.a)}, b ${formatNumber(p.b)}, g ${formatNumber(p.g)}, h ${formatNumber(p.h)}. Solid line x: ${spiral.x.label}; dashed line y: ${spiral.y.label}; over ${spiral.horizon} time units. ${analysis.stable ? 'Stable (a·b > k·l): the levels settle.' : 'Unstable (a·b ≤ k·l): the build-up spirals.'} Spiral risk ${formatNumber(analysis.risk, 3)}. Coefficients are analyst judgment.`,
				citations: [spiral.citations],
				alt: `Two trajectories over ${spiral.horizon} time units: x (${spiral.x.label}) ends at ${formatNumber(end?.x ?? 0, 2)}, y (${spiral.y.label}) at ${formatNumber(end?.y ?? 0, 2)}; the system is ${analysis.stable ? 'stable' : 'unstable'}.`,
				description: trajectory.filter((_, k) => k % 20 === 0).map((t) => `t ${formatNumber(t.t, 2)}: x ${formatNumber(t.x, 3)}, y ${formatNumber(t.y, 3)}`).join('\n')
			};
		}
		default:
			throw new Error(`"${content}" is not a figure`);
	}
}
