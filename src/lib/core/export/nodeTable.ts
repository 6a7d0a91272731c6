import type { Evaluation } from '../evaluate/evaluate.js';
import type { Scenario } from '../scenario/types.js';
import type { FlatTree } from '../tree/compileTree.js';
import type { Table } from './tables.js';

/**
 * The whole evaluated tree, a row per node: its path of moves, the move
 * into it and its probability, payoffs accumulated and expected per
 * criterion, weighted score, whether the optimal policy reaches it, and the
 * excerpts (citation ids and source ids) its move and state rest on; with a
 * machine context, a column per context value after the state. Full
 * precision, for spreadsheets. Pure.
 */
export function nodeTable(scenario: Scenario, flat: FlatTree, evaluation: Evaluation): Table {
	const C = flat.criteria;
	const states = new Map(scenario.states.map((s) => [s.id, s]));
	const citations = new Map(scenario.citations.map((c) => [c.id, c]));
	const nodes = flat.tree.nodes;
	const contextIds = Object.keys(scenario.context);
	const header = [
		'path',
		'depth',
		'kind',
		'actor',
		'state',
		...contextIds,
		'move',
		'probability',
		...scenario.criteria.map((c) => `accumulated ${c.id}`),
		...scenario.criteria.map((c) => `expected ${c.id}`),
		'score',
		'preferred',
		'reach_optimal',
		'citations',
		'sources'
	];
	const rows = nodes.map((node, i) => {
		const state = states.get(node.state);
		const move = node.parent >= 0 ? states.get(nodes[node.parent].state)?.moves.find((m) => m.id === node.move) : undefined;
		const cited = [...(move?.citations ?? []), ...(state?.citations ?? [])].filter((id, k, all) => all.indexOf(id) === k);
		const sources = [...new Set(cited.map((id) => citations.get(id)?.source ?? ''))].filter((s) => s !== '');
		return [
			node.path,
			String(node.depth),
			node.kind,
			node.actor ?? '',
			state?.label ?? node.state,
			...contextIds.map((id) => String(node.context?.[id] ?? '')),
			move?.label ?? '',
			String(evaluation.probability[i]),
			...scenario.criteria.map((_, c) => String(evaluation.accumulated[i * C + c])),
			...scenario.criteria.map((_, c) => String(evaluation.expected[i * C + c])),
			String(evaluation.score[i]),
			node.parent >= 0 && evaluation.best[node.parent] === i ? 'yes' : '',
			String(evaluation.reachOptimal[i]),
			cited.join('; '),
			sources.join('; ')
		];
	});
	return { header, rows, numeric: header.map((h) => h !== 'path' && h !== 'kind' && h !== 'actor' && h !== 'state' && h !== 'move' && h !== 'citations' && h !== 'sources' && h !== 'preferred') };
}
