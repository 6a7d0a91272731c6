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
			return `${label} ▪ outcome: ${values(evaluation.accumulated, i)} | score ${formatValue(weightedScore(flat, evaluation.accumulated, i))}, P(reach under the optimal policy) ${formatPercent(evaluation.reachOptimal[i])}`;
		}
		const who = `${moveRule(flat, i)} · ${actors.get(node.actor ?? '') ?? node.actor}`;
		const unreached = evaluation.reach[i] === 0 && Number.isNaN(evaluation.score[i]) ? ' (never reached; its formulas are not defined here)' : '';
		return `${label} [${who}] ▸ expected: ${values(evaluation.expected, i)} | score ${value(evaluation.score[i])}${unreached}`;
	};
	const lines = [`${scenario.title} — perspective: ${actors.get(flat.tree.perspective)}`, describe(0)];
	const walk = (i: number, prefix: string) => {
		const first = flat.childStart[i];
		let children = Array.from({ length: flat.childCount[i] }, (_, k) => first + k);
		if (options.optimalOnly && flat.kind[i] === KIND_DECISION) children = children.filter((k) => k === evaluation.best[i]);
		children.forEach((k, n) => {
			const last = n === children.length - 1;
			const node = flat.tree.nodes[k];
			const move = states.get(flat.tree.nodes[i].state)?.moves.find((m) => m.id === node.move);
			const chosen = evaluation.best[i] === k ? '★ ' : evaluation.ties.get(i)?.includes(k) ? '= ' : '';
			const p = flat.kind[i] === KIND_DECISION ? '' : `p ${Number.isNaN(evaluation.probability[k]) ? '—' : formatNumber(evaluation.probability[k])} `;
			const rule = moveRule(flat, i);
			const chooser = rule === 'strategic' || rule === 'bounded' ? flat.actor[i] : -1;
			const worth = chooser >= 0 ? ` [worth ${formatValue(actorScores(flat, evaluation, k)[chooser])} to ${actors.get(flat.actorIds[chooser])}]` : '';
			const tie = evaluation.playTies.get(i)?.includes(k) ? '= ' : '';
			lines.push(`${prefix}${last ? '└─ ' : '├─ '}${chosen}${tie}${p}${move?.label ?? node.move}${worth} → ${describe(k)}`);
			if (node.depth >= maxDepth) {
				if (flat.childCount[k] > 0) lines.push(`${prefix}${last ? '   ' : '│  '}└─ … (${flat.childCount[k]} moves below; raise --depth)`);
			} else walk(k, prefix + (last ? '   ' : '│  '));
		});
	};
	walk(0, '');
	return lines.join('\n');
}
