import type { ScenarioModel } from '../machine/buildMachine.js';
import type { Issue } from '../scenario/Issue.js';
import { resolveValues, type Values } from '../scenario/resolveValues.js';
import type { AssumptionValue } from '../scenario/types.js';
import { compileTree, type FlatTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { evaluate, type Evaluation } from './evaluate.js';

export interface ScenarioRunOptions {
	overrides?: Readonly<Record<string, AssumptionValue>>;
	perspective?: string;
	criterion?: string;
}

export interface ScenarioRun {
	values: Values;
	flat?: FlatTree;
	evaluation?: Evaluation;
	issues: Issue[];
}

/**
 * The pipeline after the machine, in one call: values → unrollTree →
 * compileTree → evaluate. Probability sums that fail at run time become
 * located issues naming the node's path. Pure.
 */
export function evaluateScenario(model: ScenarioModel, options: ScenarioRunOptions = {}): ScenarioRun {
	const values = resolveValues(model.scenario, model.book, options.overrides);
	const unrolled = unrollTree(model, { values, perspective: options.perspective });
	if (!unrolled.tree) return { values, issues: unrolled.issues };
	const flat = compileTree(unrolled.tree, model);
	const evaluation = evaluate(flat, { values, criterion: options.criterion });
	const issues = evaluation.problems.map(({ node, sum }): Issue => {
		const n = unrolled.tree!.nodes[node];
		const at = model.scenario.sourceMap[`machine.states.${n.state}`] ?? { line: 1, column: 1 };
		const by = sum > 1 ? `over by ${+(sum - 1).toFixed(6)}` : `short by ${+(1 - sum).toFixed(6)}`;
		return {
			severity: 'error',
			path: ['machine', 'states', n.state, 'on'],
			line: at.line,
			column: at.column,
			message: `The probabilities of the open moves of chance node "${n.state}" (after ${n.path || 'the start'}) sum to ${+sum.toFixed(6)} (${by}); they must sum to 1.`
		};
	});
	return { values, flat, evaluation, issues };
}
