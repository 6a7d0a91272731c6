import type { Locale } from '../../paraglide/runtime.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import type { Issue } from '../scenario/Issue.js';
import { resolveValues, type Values } from '../scenario/resolveValues.js';
import type { AssumptionValue } from '../scenario/types.js';
import type { PlayOverrides } from '../tree/actorPlay.js';
import { compileTree, type FlatTree } from '../tree/compileTree.js';
import { unrollTree } from '../tree/unrollTree.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { evaluationIssues } from './evaluationIssues.js';

export interface ScenarioRunOptions {
	overrides?: Readonly<Record<string, AssumptionValue>>;
	perspective?: string;
	criterion?: string;
	/** How some actors play instead of as the scenario says (valid: `resolvePlay`). */
	play?: PlayOverrides;
	/** The language of the issues; English by default. */
	lang?: Locale;
}

export interface ScenarioRun {
	values: Values;
	flat?: FlatTree;
	evaluation?: Evaluation;
	issues: Issue[];
}

/**
 * The pipeline after the machine, in one call: values → unrollTree →
 * compileTree → evaluate, with `evaluationIssues` for what fails only at
 * run time (non-finite formulas, probabilities not summing to 1). Pure.
 */
export function evaluateScenario(model: ScenarioModel, options: ScenarioRunOptions = {}): ScenarioRun {
	const values = resolveValues(model.scenario, model.book, options.overrides);
	const unrolled = unrollTree(model, { values, perspective: options.perspective, lang: options.lang });
	if (!unrolled.tree) return { values, issues: unrolled.issues };
	const flat = compileTree(unrolled.tree, model, { play: options.play });
	const evaluation = evaluate(flat, { values, criterion: options.criterion });
	const issues = evaluationIssues(model, flat, evaluation, values, options.lang);
	return { values, flat, evaluation, issues };
}
