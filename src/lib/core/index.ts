/**
 * Branchpoint's core, in pipeline order:
 * parseScenario → buildMachine → unrollTree → compileTree → evaluate → export.
 * Everything here is pure: no DOM, file system, clock or global randomness.
 */
export type { DocPath, Issue } from './scenario/Issue.js';
export { formatIssue, formatPath } from './scenario/Issue.js';
export type * from './scenario/types.js';
export { parseScenario, type ParseResult } from './scenario/parseScenario.js';
export { checkOverrides, type OverrideProblem } from './scenario/checkOverrides.js';
export { coerceValue, numericValue, rangeOf } from './scenario/coerceValue.js';
export { compileFormulaBook, type FormulaBook } from './scenario/formulaBook.js';
export { resolveValues, assumptionValues, type Values } from './scenario/resolveValues.js';
export { verifyCitations, type CitationCheck } from './scenario/verifyCitations.js';
export { compileFormula, type CompiledFormula } from './formula/compileFormula.js';

export { buildMachine, machineConfig, type ScenarioModel, type ScenarioContext } from './machine/buildMachine.js';
export { guardSignature } from './machine/guardSignature.js';

export type { DecisionTree, TreeNode, NodeKind } from './tree/types.js';
export { unrollTree, type UnrollOptions, type UnrollResult } from './tree/unrollTree.js';
export { compileTree, signedWeights, type FlatTree, KIND_DECISION, KIND_CHANCE, KIND_TERMINAL } from './tree/compileTree.js';

export { evaluate, evaluateSlots, evaluateWithSlots, actorScores, type Evaluation, type EvaluateOptions } from './evaluate/evaluate.js';
export { evaluateScenario, type ScenarioRun, type ScenarioRunOptions } from './evaluate/evaluateScenario.js';

export { treeText, type TreeTextOptions } from './export/treeText.js';
export { evaluationJson, optimalPolicy, type PolicyStep } from './export/evaluationJson.js';
export { formatNumber, formatPercent } from './export/format.js';
