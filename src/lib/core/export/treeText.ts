import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { actorScores, weightedScore, type Evaluation } from '../evaluate/evaluate.js';
import type { Scenario } from '../scenario/types.js';
import { moveRule } from '../tree/actorPlay.js';
import { KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import { formatNumber, formatPercent, formatValue } from './format.js';

export interface TreeTextOptions {
	scenario: Scenario;
	flat: FlatTree;
	evaluation: Evaluation;
	/** Deepest level printed; deeper subtrees are summarised. */
	maxDepth?: number;
	/** Print only moves on the optimal policy's paths. */
	optimalOnly?: boolean;
	/** The language of the words around the scenario's texts (which come in the language they were loaded in); English by default. */
	lang?: Locale;
}

/**
 * The evaluated tree as indented text: each line a move with its
 * probability, the state it leads to, and expected values (payoffs at
 * terminals); ★ marks the optimal choice at decision nodes. Where another
 * actor chooses for itself (strategic or bounded), each move shows what it
 * is worth to that actor. Pure.
 */
export function treeText(options: TreeTextOptions): string {
	const { scenario, flat, evaluation } = options;
	const locale = { locale: options.lang ?? 'en' };
	const ruleWords = { decision: m.cli_rule_decision({}, locale), chance: m.cli_rule_chance({}, locale), strategic: m.cli_rule_strategic({}, locale), bounded: m.cli_rule_bounded({}, locale) };
	const maxDepth = options.maxDepth ?? Infinity;
	const C = flat.criteria;
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	const actors = new Map(scenario.actors.map((a) => [a.id, a.name]));
	const short = scenario.criteria.map((c) => c.id);
	// A value undefined on a branch never reached is shown as such, not as NaN.
	const value = (x: number) => (Number.isNaN(x) ? '—' : formatValue(x));
	const values = (array: Float64Array, i: number) =>
		short.map((id, c) => `${id} ${value(array[i * C + c])}`).join(', ');
	const describe = (i: number) => {
		const node = flat.tree.nodes[i];
		const state = states.get(node.state);
		// With a machine context, the same state recurs with other values: they are part of the node's name.
		const context = node.context ? ` (${Object.entries(node.context).map(([k, v]) => `${k} ${formatValue(v)}`).join(', ')})` : '';
		const label = `${state?.label ?? node.state}${context}`;
		if (node.kind === 'terminal') {
			return m.cli_tree_outcome({ label, values: values(evaluation.accumulated, i), score: formatValue(weightedScore(flat, evaluation.accumulated, i)), reach: formatPercent(evaluation.reachOptimal[i]) }, locale);
		}
		const rule = moveRule(flat, i);
		const who = `${rule === undefined ? rule : ruleWords[rule]} · ${actors.get(node.actor ?? '') ?? node.actor}`;
		const unreached = evaluation.reach[i] === 0 && Number.isNaN(evaluation.score[i]) ? m.cli_tree_unreached({}, locale) : '';
		return m.cli_tree_node({ label, who, values: values(evaluation.expected, i), score: value(evaluation.score[i]), unreached }, locale);
	};
	const lines: string[] = [m.cli_tree_heading({ title: scenario.title, actor: String(actors.get(flat.tree.perspective)) }, locale), describe(0)];
	const walk = (i: number, prefix: string) => {
		const first = flat.childStart[i];
		let children = Array.from({ length: flat.childCount[i] }, (_, k) => first + k);
		if (options.optimalOnly && flat.kind[i] === KIND_DECISION) children = children.filter((k) => k === evaluation.best[i]);
		children.forEach((k, n) => {
			const last = n === children.length - 1;
			const node = flat.tree.nodes[k];
			const move = states.get(flat.tree.nodes[i].state)?.moves.find((mv) => mv.id === node.move);
			const chosen = evaluation.best[i] === k ? '★ ' : evaluation.ties.get(i)?.includes(k) ? '= ' : '';
			const p = flat.kind[i] === KIND_DECISION ? '' : `p ${Number.isNaN(evaluation.probability[k]) ? '—' : formatNumber(evaluation.probability[k])} `;
			const rule = moveRule(flat, i);
			const chooser = rule === 'strategic' || rule === 'bounded' ? flat.actor[i] : -1;
			const worth = chooser >= 0 ? m.cli_tree_worth({ value: formatValue(actorScores(flat, evaluation, k)[chooser]), actor: String(actors.get(flat.actorIds[chooser])) }, locale) : '';
			const tie = evaluation.playTies.get(i)?.includes(k) ? '= ' : '';
			lines.push(`${prefix}${last ? '└─ ' : '├─ '}${chosen}${tie}${p}${move?.label ?? node.move}${worth} → ${describe(k)}`);
			if (node.depth >= maxDepth) {
				if (flat.childCount[k] > 0) lines.push(`${prefix}${last ? '   ' : '│  '}└─ ${m.cli_tree_folded({ count: flat.childCount[k] }, locale)}`);
			} else walk(k, prefix + (last ? '   ' : '│  '));
		});
	};
	walk(0, '');
	return lines.join('\n');
}
