import type { ScenarioModel } from '../machine/buildMachine.js';
import { formulaSites } from '../scenario/formulaBook.js';
import type { Issue } from '../scenario/Issue.js';
import type { Values } from '../scenario/resolveValues.js';
import type { FlatTree } from '../tree/compileTree.js';
import type { Evaluation } from './evaluate.js';

/**
 * What makes an evaluation meaningless under the current assumption values,
 * as located issues: a formula (or derived value) that is not a finite
 * number, and chance nodes whose probabilities do not sum to 1 — naming
 * the state, the path and by how much. Pure.
 */
export function evaluationIssues(model: ScenarioModel, flat: FlatTree, evaluation: Evaluation, values: Values): Issue[] {
	const { scenario } = model;
	const at = (key: string) => scenario.sourceMap[key] ?? { line: 1, column: 1 };
	const issues: Issue[] = [];
	for (const d of scenario.derived) {
		if (!Number.isFinite(values[d.id])) {
			issues.push({ severity: 'error', path: ['derived'], line: 1, column: 1, message: `Derived value "${d.id}" is ${values[d.id]} under these assumptions; its formula must give a finite number.` });
		}
	}
	const reported = new Set<string>();
	for (const site of formulaSites(scenario)) {
		const slot = model.book.slotOf.get(site.source);
		if (slot === undefined || reported.has(site.source) || Number.isFinite(evaluation.slotValues[slot])) continue;
		reported.add(site.source);
		const [, , state, , move] = site.path;
		const key = site.path[0] === 'machine' ? (move !== undefined && site.path[3] === 'on' ? `machine.states.${state}.on.${move}` : `machine.states.${state}`) : '';
		const { line, column } = at(key);
		issues.push({ severity: 'error', path: site.path, line, column, message: `The formula "${site.source}" gives ${evaluation.slotValues[slot]} under these assumptions; it must give a finite number (check for division by zero).` });
	}
	for (const { node, sum } of evaluation.problems) {
		const n = flat.tree.nodes[node];
		const by = sum > 1 ? `over by ${+(sum - 1).toFixed(6)}` : `short by ${+(1 - sum).toFixed(6)}`;
		const { line, column } = at(`machine.states.${n.state}`);
		issues.push({
			severity: 'error',
			path: ['machine', 'states', n.state, 'on'],
			line,
			column,
			message: `The probabilities of the open moves of chance node "${n.state}" (after ${n.path || 'the start'}) sum to ${+sum.toFixed(6)} (${by}); they must sum to 1.`
		});
	}
	return issues;
}
