/**
 * Branchpoint's core, in pipeline order:
 * parseScenario → buildMachine → unrollTree → compileTree → evaluate →
 * analyses / layout / export.
 * Everything here is pure: no DOM, file system, clock or global randomness.
 */
export type { DocPath, Issue } from './scenario/Issue.js';
export { formatIssue, formatPath } from './scenario/Issue.js';
export { unknownCriterion } from './util/unknownCriterion.js';
export type * from './scenario/types.js';
export { ACTOR_PLAYS } from './scenario/types.js';
export { signalValues, type SignalValue } from './scenario/signals.js';
export { parseScenario, type ParseResult } from './scenario/parseScenario.js';
export { addToScenarioText, removeFromScenarioText, type CitedElement, type ScenarioAddition, type TextEdit, type TextValue } from './scenario/editScenarioText.js';
export { elementAt, outlineStates, type OutlinedState } from './scenario/readScenarioText.js';
export { checkOverrides, type OverrideProblem } from './scenario/checkOverrides.js';
export { coerceValue, numericValue, rangeOf } from './scenario/coerceValue.js';
export { compileFormulaBook, formulaValue, type FormulaBook } from './scenario/formulaBook.js';
export { resolveValues, assumptionValues, spiralParameters, type Values } from './scenario/resolveValues.js';
export { SPIRAL_OUTPUTS } from './scenario/formulaBook.js';
export { analyseRichardson, richardsonTrajectory, type RichardsonParameters, type RichardsonAnalysis, type TrajectoryPoint } from './spiral/richardson.js';
export { verifyCitations, type CitationCheck } from './scenario/verifyCitations.js';
export { compileFormula, type CompiledFormula } from './formula/compileFormula.js';

export { buildMachine, machineConfig, scopeOf, type ScenarioModel, type ScenarioContext } from './machine/buildMachine.js';
export { guardSignature } from './machine/guardSignature.js';
export { situationAt, type Situation, type OpenMove } from './machine/situationAt.js';
export { drawMove } from './machine/drawMove.js';

export type { DecisionTree, TreeNode, NodeKind } from './tree/types.js';
export { unrollTree, type UnrollOptions, type UnrollResult } from './tree/unrollTree.js';
export { resolvePlay, parsePlay, playOf, playDescription, moveRule, someoneChooses, PLAY_CHANCE, PLAY_STRATEGIC, PLAY_BOUNDED, type PlayOverrides } from './tree/actorPlay.js';
export { compileTree, signedWeights, type FlatTree, KIND_DECISION, KIND_CHANCE, KIND_TERMINAL } from './tree/compileTree.js';

export { evaluate, evaluateSlots, evaluateWithSlots, actorScores, weightedScore, type Evaluation, type EvaluateOptions } from './evaluate/evaluate.js';
export { evaluationIssues } from './evaluate/evaluationIssues.js';
export { evaluateScenario, type ScenarioRun, type ScenarioRunOptions } from './evaluate/evaluateScenario.js';

export { createEvaluator, type Evaluator, type EvaluatorOptions, type PointResult } from './analysis/createEvaluator.js';
export { tornado, TORNADO_POINTS, type Tornado, type TornadoBar, type TornadoPoint, type TornadoPolicy, type TornadoSwitch } from './analysis/tornado.js';
export { describeChange, describeDecision, moveLabel, policyOf, policyChanges, valueUnderPolicy, type PolicyChange, type PolicyChoice } from './analysis/policy.js';
export { threshold, type ThresholdResult, type Switch } from './analysis/threshold.js';
export { twoWay, type TwoWayResult } from './analysis/twoWay.js';
export { sampleDistribution, sampleAssumption, uniformFrom, type Uniform } from './analysis/distributions.js';
export { monteCarlo, NOTHING_UNCERTAIN, nothingUncertain, type MonteCarloResult, type OptionSummary } from './analysis/monteCarlo.js';
export { evppi, evppiGroup, type Evppi, type GroupEvppi } from './analysis/evppi.js';
export { compileMachine, openMoves, type MachineTable } from './analysis/compileMachine.js';
export { simulate, simulatePolicy, walkTable, walksTheTree, type SimulationResult } from './analysis/simulate.js';
export { layoutTree, type TreeLayout, type PlacedNode, type PlacedLink } from './layout/layoutTree.js';
export { layoutLabelledTree, DEFAULT_METRICS, type LabelledLayout, type LabelledNode, type LabelledLink, type TreeMetrics } from './layout/layoutLabelledTree.js';
export { fitLevels, type Fit } from './layout/fitLevels.js';
export { treeKeys, type TreeKeyAction } from './layout/treeKeys.js';
export { wrapLabel, type WrappedLabel } from './layout/wrapLabel.js';
export { estimateTextWidth } from './layout/estimateTextWidth.js';

export { treeText, type TreeTextOptions } from './export/treeText.js';
export { evaluationJson, optimalPolicy, type PolicyStep } from './export/evaluationJson.js';
export { formatDay, formatNumber, formatPercent, formatValue, punctuation, valueRounding, VALUE_ROUNDING, type Punctuation } from './export/format.js';
export { cslItems, type CslItem } from './export/cslItems.js';
export { type Provenance, provenanceLine } from './export/provenance.js';
export { wrapText, textWidth, truncate } from './export/wrapText.js';
export { READER_LANGUAGE, sameLanguage } from './util/language.js';
export { excerptLanguages, noteGloss, numberNotes, noteText, quoteExcerpt, sourceLine, sourceName, sourceShort, type FigureNote } from './export/figureNotes.js';
export { figureFrame, type FrameLayout, type FrameOptions, type TextBlock } from './export/figureFrame.js';
export { treeFigure, type TreeFigure, type TreeFigureNode, type TreeFigureLink, type TreeFigureOptions } from './export/treeFigure.js';
export { exportLanguage, parseExportRequest, exportQuery, rawFromQuery, EXPORT_FORMATS, EXPORT_CONTENTS, FIGURES, CONTENTS_BY_FORMAT, DPI_RANGE, type ExportRequest, type ExportFormat, type ExportContent, type RawExportOptions } from './export/exportRequest.js';
export { toCsv, toMarkdownTable, type Table } from './export/tables.js';
export { optionRows, optionsTable, type OptionRow, type OptionsTableOptions } from './export/optionsTable.js';
export { nodeTable } from './export/nodeTable.js';
export { reportMarkdown, provenanceComment, type Block, type ReportDocument } from './export/reportDocument.js';
export { requestOptions, exportCommandLine } from './export/exportCommandLine.js';
export { silverDecisionsToScenario, type ImportOptions as SdImportOptions, type ImportResult as SdImportResult } from './silverdecisions/silverDecisionsToScenario.js';
export { scenarioToSilverDecisions, type SdExportInput, type SdExportResult } from './silverdecisions/scenarioToSilverDecisions.js';

export type * from './workshop/types.js';
export { foldWorkshop, applyEvent, initialWorkshop, timerRemainingMs } from './workshop/foldWorkshop.js';
export { decideCommand, type DecideContext, type Decision, type Refusal } from './workshop/decideCommand.js';
export { parseCommand } from './workshop/parseCommand.js';
export { walkOf } from './workshop/walkOf.js';
export { citedTexts } from './workshop/citedTexts.js';
export { tallyVote, type VoteOutcome } from './workshop/tallyVote.js';
export { checkText, TEXT_LIMITS } from './workshop/checkText.js';
export { joinCodeFrom, normaliseJoinCode, JOIN_ALPHABET, JOIN_CODE_LENGTH } from './workshop/joinCode.js';
export { publicView, projectorView, participantView, participantPart, facilitatorView, type ParticipantPart, type PublicView, type ParticipantView, type ProjectorView, type FacilitatorView, type MoveView, type StepView, type TeamView, type ViewContext } from './workshop/workshopViews.js';
export { checkSetup, MAX_SEED, type RawSetup, type SetupCheck } from './workshop/checkSetup.js';
export { chanceParts, describeChance } from './workshop/describeChance.js';
export { reviewWorkshop, type WorkshopReview, type ReviewStep, type ReviewOption } from './workshop/reviewWorkshop.js';
export { compareWorkshops, type WorkshopComparison, type DecisionPoint } from './workshop/compareWorkshops.js';
export { publishableLog, logTable } from './workshop/workshopLog.js';
export { reviewDocument } from './workshop/reviewDocument.js';
export { howDecided } from './workshop/howDecided.js';
export { reviewTimeline, type TimelineEntry } from './workshop/reviewTimeline.js';
