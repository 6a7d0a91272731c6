import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { weightedScore, type Evaluation } from '../evaluate/evaluate.js';
import { layoutTree } from '../layout/layoutTree.js';
import type { Scenario } from '../scenario/types.js';
import { KIND_CHANCE, KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import type { NodeKind } from '../tree/types.js';
import { numberNotes, type FigureNote } from './figureNotes.js';
import { formatNumber, formatPercent, formatValue, punctuation } from './format.js';
import { textWidth, truncate } from './wrapText.js';

export interface TreeFigureOptions {
	scenario: Scenario;
	flat: FlatTree;
	evaluation: Evaluation;
	/** Path of the subtree's root; "" for the whole tree. */
	root?: string;
	/** Levels shown below the root (default 2); deeper moves are counted, not drawn. */
	depth?: number;
	/** Show only the optimal move at each decision. */
	optimalOnly?: boolean;
	/** The criterion shown and optimised; undefined for the weighted score. */
	criterion?: string;
	/**
	 * A path played (move ids from the root, in a workshop): drawn with every
	 * option open at each of its steps, the options not taken folded.
	 */
	played?: readonly string[];
	/** The language of the figure's own words (default English). */
	lang?: Locale;
}

export interface TreeFigureNode {
	path: string;
	/** The parent's path; undefined at the figure's root. */
	parent?: string;
	x: number;
	y: number;
	kind: NodeKind;
	/** Expected value (or outcome at a terminal) of the objective, formatted. */
	value: string;
	/** The state's label, shortened to fit; `fullLabel` for the long description. */
	label: string;
	fullLabel: string;
	/** Terminals: probability of ending here under the optimal policy. */
	reach?: string;
	/** Moves below this node that the figure does not draw. */
	hidden: number;
	optimal: boolean;
	/** On the played path. */
	played: boolean;
}

export interface TreeFigureLink {
	/** Path of the node the move leads to. */
	target: string;
	d: string;
	labelX: number;
	labelY: number;
	/** The move's label, shortened to fit; `fullLabel` for the long description. */
	label: string;
	fullLabel: string;
	/** Note numbers of the move's and its target state's excerpts. */
	notes: number[];
	/** Chance moves: the probability, formatted. */
	probability?: string;
	/** On the optimal policy's paths. */
	optimal: boolean;
	/** The preferred move at a decision. */
	chosen: boolean;
	/** A move of the played path. */
	played: boolean;
}

export interface TreeFigure {
	width: number;
	height: number;
	/** Where layout coordinates (nodes, links) are drawn from. */
	offset: { x: number; y: number };
	/** The root's state, with its notes, in figure coordinates. */
	heading: { x: number; y: number; label: string; notes: number[] };
	nodes: TreeFigureNode[];
	links: TreeFigureLink[];
	notes: FigureNote[];
	objective: string;
	alt: string;
	longDescription: string;
	/** The language of the figure's own words. */
	lang: Locale;
}

const ROW = 46;
const MIN_COLUMN = 250;
const MAX_COLUMN = 480;
const PAD = 16;

/**
 * A decision tree as a figure for print: the tidy layout of a subtree to a
 * depth, every move labelled (probability under chance moves), expected
 * values at nodes, outcomes at terminals, the optimal policy in heavy
 * lines and each move's excerpts as numbered notes. Also writes the alt text
 * and a long description (the drawn tree as an indented outline) for
 * readers who cannot see the figure. Pure.
 */
export function treeFigure(options: TreeFigureOptions): TreeFigure {
	const { scenario, flat, evaluation } = options;
	const lang = options.lang ?? 'en';
	const nodes = flat.tree.nodes;
	const rootIndex = nodes.findIndex((n) => n.path === (options.root ?? ''));
	if (rootIndex < 0) throw new Error(`No node at path "${options.root}"`);
	const playedPaths = new Set((options.played ?? []).map((_, k, walk) => walk.slice(0, k + 1).join('/')));
	if (options.played) playedPaths.add('');
	const depth = options.depth ?? (options.played ? options.played.length + 1 : 2);
	const C = flat.criteria;
	const criterionIndex = options.criterion === undefined ? -1 : scenario.criteria.findIndex((c) => c.id === options.criterion);
	const objective = criterionIndex >= 0 ? scenario.criteria[criterionIndex].label : m.xp_weighted_score({}, { locale: lang });
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	const moveOf = (i: number) => states.get(nodes[nodes[i].parent]?.state ?? '')?.moves.find((m) => m.id === nodes[i].move);
	const valueAt = (i: number, terminal: boolean) => {
		const source = terminal ? evaluation.accumulated : evaluation.expected;
		return formatValue(criterionIndex >= 0 ? source[i * C + criterionIndex] : weightedScore(flat, source, i));
	};
	const keepOptimal = options.optimalOnly ? (parent: number, child: number) => flat.kind[parent] !== KIND_DECISION || evaluation.best[parent] === child : undefined;
	const keep = options.played ? (parent: number) => playedPaths.has(nodes[parent].path) : keepOptimal;
	// Columns as wide as the longest drawn move label needs (within bounds), so labels clear the next node:
	// a first layout finds what is drawn, a second spaces it.
	const layoutWith = (columnWidth: number) => layoutTree(flat, { root: rootIndex, maxDepth: depth, keep, rowHeight: ROW, columnWidth });
	let labelWidth = 0;
	for (const l of layoutWith(MIN_COLUMN).links) labelWidth = Math.max(labelWidth, textWidth(`★ ${truncate(moveOf(l.target)?.label ?? '', 60)}⁰⁰⁰`, 11));
	const layout = layoutWith(Math.min(MAX_COLUMN, Math.max(MIN_COLUMN, Math.ceil(labelWidth + 50))));

	// Notes are numbered in reading order: the root, then moves top to bottom, left to right.
	const ordered = [...layout.links].sort((a, b) => a.labelX - b.labelX || a.labelY - b.labelY);
	const citeLists = [states.get(nodes[rootIndex].state)?.citations ?? [], ...ordered.map((l) => [...new Set([...(moveOf(l.target)?.citations ?? []), ...(states.get(nodes[l.target].state)?.citations ?? [])])])];
	const { notes, numbers } = numberNotes(scenario, citeLists);
	const notesOf = new Map(ordered.map((l, k) => [l.target, numbers[k + 1]]));

	const onOptimalPath = (i: number) => evaluation.reachOptimal[i] > 0;
	const placed: TreeFigureNode[] = layout.nodes.map((p) => {
		const terminal = flat.kind[p.index] !== KIND_DECISION && flat.kind[p.index] !== KIND_CHANCE;
		const node = nodes[p.index];
		return {
			path: node.path,
			parent: p.index === rootIndex ? undefined : nodes[node.parent].path,
			x: p.x,
			y: p.y,
			kind: node.kind,
			value: valueAt(p.index, terminal),
			label: truncate(states.get(node.state)?.label ?? node.state, 60),
			fullLabel: states.get(node.state)?.label ?? node.state,
			reach: terminal ? formatPercent(evaluation.reachOptimal[p.index]) : undefined,
			hidden: p.hiddenChildren,
			optimal: onOptimalPath(p.index),
			played: playedPaths.has(node.path)
		};
	});
	const links: TreeFigureLink[] = layout.links.map((l) => ({
		target: nodes[l.target].path,
		d: l.d,
		labelX: l.labelX,
		labelY: l.labelY,
		label: truncate(moveOf(l.target)?.label ?? nodes[l.target].move ?? '', 60),
		fullLabel: moveOf(l.target)?.label ?? nodes[l.target].move ?? '',
		notes: notesOf.get(l.target) ?? [],
		probability: flat.kind[l.source] === KIND_CHANCE ? formatNumber(evaluation.probability[l.target]) : undefined,
		optimal: onOptimalPath(l.target),
		chosen: flat.kind[l.source] === KIND_DECISION && evaluation.best[l.source] === l.target,
		played: playedPaths.has(nodes[l.target].path)
	}));

	// The drawing is offset so it starts at the padding, with room on the right for the widest terminal text.
	let rightmost = 0;
	for (const n of placed) rightmost = Math.max(rightmost, n.x + 14 + textWidth(`${n.value} ${n.label} (${n.reach ?? ''})  ${m.ex_further_moves({ count: n.hidden }, { locale: lang })}`, 11));
	const offset = { x: round(PAD - layout.x0), y: round(PAD + 28 - layout.y0) };
	const rootState = states.get(nodes[rootIndex].state);
	const figure: TreeFigure = {
		width: Math.ceil(rightmost + offset.x + PAD),
		height: Math.ceil(layout.y1 - layout.y0 + 2 * PAD + 28 + 24),
		offset,
		heading: { x: PAD, y: PAD + 4, label: rootState?.label ?? nodes[rootIndex].state, notes: numbers[0] },
		nodes: placed,
		links,
		notes,
		objective,
		alt: '',
		longDescription: '',
		lang
	};
	return { ...figure, alt: altText(scenario, figure, depth), longDescription: outline(figure, nodes[rootIndex].path) };
}

function round(x: number): number {
	return Math.round(x * 10) / 10;
}

function altText(scenario: Scenario, figure: TreeFigure, depth: number): string {
	const chosen = figure.links.filter((l) => l.chosen && l.optimal);
	const first = chosen.sort((a, b) => a.labelX - b.labelX)[0];
	const actor = scenario.actors.find((a) => a.id === scenario.perspective)?.name ?? scenario.perspective;
	const root = figure.nodes.find((n) => n.parent === undefined);
	const locale = { locale: figure.lang };
	return [
		m.xp_tree_alt_from({ from: figure.heading.label, nodes: figure.nodes.length, depth, title: scenario.title }, locale),
		m.xp_tree_alt_shapes({ actor }, locale),
		first ? m.xp_tree_alt_first({ move: first.fullLabel, objective: figure.objective, value: root?.value ?? '?' }, locale) : ''
	]
		.filter((s) => s !== '')
		.join(figure.lang === 'ja' ? '' : ' ');
}

/** The drawn tree as an indented outline, in the figure's top-to-bottom order. */
function outline(figure: TreeFigure, rootPath: string): string {
	const byPath = new Map(figure.nodes.map((n) => [n.path, n]));
	const links = new Map(figure.links.map((l) => [l.target, l]));
	const children = new Map<string, TreeFigureNode[]>();
	for (const n of figure.nodes) {
		if (n.parent === undefined) continue;
		children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
	}
	const lines: string[] = [];
	const locale = { locale: figure.lang };
	const { paren, semicolon } = punctuation(figure.lang);
	const describe = (n: TreeFigureNode) => {
		if (n.kind === 'terminal') return m.xp_outline_outcome({ label: n.fullLabel, objective: figure.objective, value: n.value, reach: n.reach ?? '' }, locale);
		const inputs = { label: n.fullLabel, objective: figure.objective, value: n.value, hidden: n.hidden > 0 ? m.xp_outline_hidden({ count: n.hidden }, locale) : '' };
		return n.kind === 'decision' ? m.xp_outline_decision(inputs, locale) : m.xp_outline_chance(inputs, locale);
	};
	const walk = (path: string, indent: string) => {
		for (const n of (children.get(path) ?? []).sort((a, b) => a.y - b.y)) {
			const l = links.get(n.path);
			const marks = [l?.chosen ? m.xp_outline_preferred({}, locale) : '', l?.probability ? `p ${l.probability}` : '', l && l.notes.length > 0 ? m.xp_outline_notes({ numbers: l.notes.join(', ') }, locale) : ''].filter((s) => s !== '');
			lines.push(`${indent}- ${l?.fullLabel ?? n.path}${marks.length > 0 ? paren(marks.join(semicolon)) : ''} → ${describe(n)}`);
			walk(n.path, `${indent}  `);
		}
	};
	const root = byPath.get(rootPath);
	if (root) lines.push(`${describe(root)}`);
	walk(rootPath, '');
	return lines.join('\n');
}
