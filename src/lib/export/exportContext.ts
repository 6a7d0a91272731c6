import {
	assumptionValues,
	buildMachine,
	createEvaluator,
	exportQuery,
	requestOptions,
	monteCarlo,
	playOf,
	punctuation,
	tornado,
	twoWay,
	type ActorPlay,
	type Evaluator,
	type ExportRequest,
	type MonteCarloResult,
	type PointResult,
	type Provenance,
	type Scenario,
	type ScenarioModel,
	type Tornado,
	type TwoWayResult,
	type AssumptionValue
} from '../core/index.js';
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';
import pkg from '../../../package.json' with { type: 'json' };
import { ExportRefusal } from './ExportRefusal.js';

/** The scenario file an export is made from. */
export interface ExportSource {
	scenario: Scenario;
	/** The scenario's id (its folder name). */
	id: string;
	/** SHA-256 of the file's bytes, hex. */
	sha256: string;
	/** How the command line names the scenario, when not by its id (a path: the file is not under scenarios/). */
	ref?: string;
}

/** Everything an export computes from, each analysis run at most once. */
export interface ExportContext {
	source: ExportSource;
	request: ExportRequest;
	model: ScenarioModel;
	evaluator: Evaluator;
	point: PointResult;
	provenance: Provenance;
	monteCarlo: () => MonteCarloResult;
	tornado: () => Tornado;
	twoWay: () => TwoWayResult;
	optionLabel: (id: string) => string;
	assumptionLabel: (id: string) => string;
	/** A setting of an assumption as a reader knows it: a choice by its option's label, yes or no for a boolean, a number as it is. */
	settingLabel: (id: string, value: AssumptionValue) => string;
	/** What decisions optimise: a criterion, or the weighted score; and the verb for it. */
	objective: { name: string; optimising: string };
	/** The language of the export's words (the request's). */
	lang: Locale;
}

export const VERSION: string = pkg.version;

function once<T>(make: () => T): () => T {
	let value: { v: T } | undefined;
	return () => (value ??= { v: make() }).v;
}

function objectiveOf(scenario: Scenario, criterion: string | undefined, lang: Locale): ExportContext['objective'] {
	const locale = { locale: lang };
	const c = scenario.criteria.find((x) => x.id === criterion);
	if (!c) return { name: m.xp_weighted_score({}, locale), optimising: m.xp_maximising_score({}, locale) };
	const name = `${c.label}${c.unit ? punctuation(lang).paren(c.unit) : ''}`;
	return { name, optimising: c.direction === 'min' ? m.xp_minimising({ name }, locale) : m.xp_maximising({ name }, locale) };
}

/** The actors other than the perspective that choose for themselves under this request, or undefined when none do. */
function choosers(scenario: Scenario, request: ExportRequest): Record<string, ActorPlay> | undefined {
	const perspective = request.perspective ?? scenario.perspective;
	const play = playOf(scenario, request.play);
	const entries = Object.entries(play).filter(([id, p]) => id !== perspective && p !== 'chance');
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Builds the model and evaluator for a request; analyses run when first asked for. */
export function exportContext(source: ExportSource, request: ExportRequest): ExportContext {
	const model = buildMachine(source.scenario);
	const evaluator = createEvaluator(model, { perspective: request.perspective, play: request.play, criterion: request.criterion, base: request.overrides });
	const point = evaluator.at({});
	const scenario = source.scenario;
	const numeric = scenario.assumptions.filter((a) => a.kind === 'number' || a.kind === 'probability');
	const tornadoResult = once(() => tornado(evaluator));
	return {
		source,
		request,
		model,
		evaluator,
		point,
		provenance: {
			generator: 'Branchpoint',
			version: VERSION,
			scenarioId: source.id,
			scenarioSha256: source.sha256,
			assumptions: assumptionValues(scenario, request.overrides),
			overrides: request.overrides,
			preset: request.preset,
			perspective: request.perspective ?? scenario.perspective,
			play: choosers(scenario, request),
			criterion: request.criterion,
			seed: request.seed,
			runs: request.runs,
			options: exportQuery(requestOptions(scenario, request)).toString()
		},
		monteCarlo: once(() => monteCarlo(evaluator, { runs: request.runs, seed: request.seed })),
		tornado: tornadoResult,
		twoWay: once(() => {
			// Default axes: the two numeric assumptions with the widest tornado bars.
			// The tornado runs only when an axis is left to it.
			const widest = request.x && request.y ? [] : tornadoResult().bars.filter((b) => numeric.some((a) => a.id === b.assumption)).map((b) => b.assumption);
			if (numeric.length < 2) throw new ExportRefusal(m.xp_region_needs_two({}, { locale: request.lang }));
			const x = numeric.find((a) => a.id === (request.x ?? widest[0])) ?? numeric[0];
			const y = numeric.find((a) => a.id === (request.y ?? widest.find((id) => id !== x.id))) ?? numeric.find((a) => a !== x) ?? x;
			return twoWay(evaluator, x, y, { steps: request.steps });
		}),
		objective: objectiveOf(scenario, request.criterion, request.lang),
		lang: request.lang,
		optionLabel: (id) => evaluator.optionLabels[evaluator.optionIds.indexOf(id)] ?? id,
		assumptionLabel: (id) => scenario.assumptions.find((a) => a.id === id)?.label ?? id,
		settingLabel: (id, value) => {
			const a = scenario.assumptions.find((x) => x.id === id);
			if (a?.kind === 'choice') return a.options?.find((o) => o.id === value)?.label ?? String(value);
			if (a?.kind === 'boolean') return value ? m.xp_yes({}, { locale: request.lang }) : m.xp_no({}, { locale: request.lang });
			return String(value);
		}
	};
}
