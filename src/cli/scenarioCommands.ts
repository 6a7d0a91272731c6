import {
	actorScores,
	buildMachine,
	checkOverrides,
	evaluateScenario,
	evaluationJson,
	formatIssue,
	formatValue,
	KIND_DECISION,
	formatPercent,
	optimalPolicy,
	parsePlay,
	playDescription,
	playOf,
	punctuation,
	treeText,
	unknownCriterion,
	valueRounding,
	type AssumptionValue,
	type Issue
} from '../lib/core/index.js';
import { didYouMean } from '../lib/core/util/didYouMean.js';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { loadScenario, resolveScenarioFile, type LoadedScenario } from '../lib/server/scenarioFiles.js';
import { columns, padEndColumns } from './columns.js';
import type { CommandOptions, CommandResult } from './commandTypes.js';

type Loaded = { ok: true; loaded: LoadedScenario & { scenario: NonNullable<LoadedScenario['scenario']> } } | { ok: false; result: CommandResult };

function issuesText(issues: Issue[], file: string): string {
	return issues.map((issue) => formatIssue(issue, file)).join('\n');
}

/**
 * The scenario named on the command line, its texts in `lang`; for
 * `--json`, in the scenario's own language whatever `lang` is, so the data
 * is the same in every language.
 */
function load(args: string[], json: boolean | undefined, lang: Locale): Loaded {
	const locale = { locale: lang };
	if (args.length !== 1) return { ok: false, result: { code: 2, stdout: '', stderr: m.cli_name_one_scenario({}, locale) } };
	const file = resolveScenarioFile(args[0]);
	if (!file) return { ok: false, result: { code: 2, stdout: '', stderr: m.cli_no_scenario({ ref: args[0] }, locale) } };
	const loaded = loadScenario(file, json ? undefined : lang);
	if (!loaded.scenario) {
		const errors = loaded.issues.filter((i) => i.severity === 'error').length;
		const stdout = json ? JSON.stringify({ file, valid: false, issues: loaded.issues }, null, 2) : '';
		return { ok: false, result: { code: 1, stdout, stderr: `${issuesText(loaded.issues, file)}\n${m.cli_errors_in({ count: errors, file }, locale)}` } };
	}
	return { ok: true, loaded: loaded as Loaded extends { ok: true; loaded: infer L } ? L : never };
}

function parseSets(sets: string[] = [], lang: Locale): { raw: Record<string, string>; bad: string[] } {
	const raw: Record<string, string> = {};
	const bad: string[] = [];
	for (const set of sets) {
		const eq = set.indexOf('=');
		if (eq <= 0) bad.push(m.cli_set_form({ set }, { locale: lang }));
		else raw[set.slice(0, eq).trim()] = set.slice(eq + 1).trim();
	}
	return { raw, bad };
}

export function validateCommand(args: string[], options: CommandOptions): CommandResult {
	const lang = options.lang ?? 'en';
	const loaded = load(args, options.json, lang);
	if (!loaded.ok) return loaded.result;
	const { scenario, issues, file } = loaded.loaded;
	const states = scenario.states.length;
	const moves = scenario.states.reduce((n, s) => n + s.moves.length, 0);
	const run = evaluateScenario(buildMachine(scenario), {});
	const allIssues = [...issues, ...run.issues];
	const failed = run.issues.length > 0;
	if (options.json) {
		return { code: failed ? 1 : 0, stdout: JSON.stringify({ file, valid: !failed, issues: allIssues, states, moves, nodes: run.flat?.size ?? 0 }, null, 2), stderr: '' };
	}
	const counts = { file, states, moves, assumptions: scenario.assumptions.length, citations: scenario.citations.length, nodes: run.flat?.size ?? '?' };
	const summary = failed ? m.cli_validate_invalid(counts, { locale: lang }) : m.cli_validate_valid(counts, { locale: lang });
	return { code: failed ? 1 : 0, stdout: summary, stderr: issuesText(allIssues, file) };
}

export function evaluateCommand(args: string[], options: CommandOptions, show: { policy: boolean }): CommandResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const { comma, semicolon } = punctuation(lang);
	const loaded = load(args, options.json, lang);
	if (!loaded.ok) return loaded.result;
	const { scenario, file } = loaded.loaded;

	const errors: string[] = [];
	let start: Record<string, AssumptionValue> = {};
	if (options.preset !== undefined) {
		const preset = scenario.presets.find((p) => p.id === options.preset);
		if (preset) start = preset.values;
		else errors.push(m.cli_unknown_preset({ preset: options.preset, presets: scenario.presets.map((p) => p.id).join(', ') || m.cli_none({}, locale) }, locale));
	}
	const sets = parseSets(options.set, lang);
	errors.push(...sets.bad);
	const checked = checkOverrides(scenario, sets.raw, lang);
	errors.push(...checked.problems.map((p) => `--set ${p.id}: ${p.message}`));
	if (options.criterion !== undefined && !scenario.criteria.some((c) => c.id === options.criterion)) {
		errors.push(unknownCriterion(options.criterion, scenario.criteria.map((c) => c.id), lang));
	}
	const deciders = scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id);
	if (options.perspective !== undefined && !deciders.includes(options.perspective)) {
		errors.push(m.cli_unknown_perspective({ perspective: options.perspective, hint: didYouMean(options.perspective, deciders, lang), actors: deciders.join(', ') }, locale));
	}
	const play = parsePlay(scenario, options.play ?? [], lang);
	errors.push(...play.problems);
	const depth = options.depth === undefined ? undefined : Number(options.depth);
	if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0)) errors.push(m.cli_whole_number({ flag: '--depth', text: options.depth as string }, locale));
	if (errors.length > 0) return { code: 2, stdout: '', stderr: errors.join('\n') };

	const overrides = { ...start, ...checked.overrides };
	const model = buildMachine(scenario);
	const run = evaluateScenario(model, { overrides, perspective: options.perspective, criterion: options.criterion, play: play.overrides });
	if (!run.flat || !run.evaluation || run.issues.length > 0) {
		return { code: 1, stdout: '', stderr: issuesText(run.issues, file) };
	}
	const { flat, evaluation } = run;
	if (options.json) {
		return { code: 0, stdout: JSON.stringify(evaluationJson({ scenario, flat, evaluation, values: run.values, criterion: options.criterion }), null, 2), stderr: '' };
	}
	const out: string[] = [];
	if (show.policy) {
		const actor = scenario.actors.find((a) => a.id === flat.tree.perspective);
		const own = actor?.preferences ? m.cli_eval_own_preferences({ actor: actor.name }, locale) : '';
		const optimising = options.criterion === undefined ? m.cli_eval_optimising_score({}, locale) : m.cli_eval_optimising_criterion({ criterion: options.criterion }, locale);
		out.push(`${scenario.title}`, m.cli_eval_perspective({ actor: actor?.name ?? flat.tree.perspective, optimising, own, size: flat.size }, locale));
		if (flat.tree.perspective !== scenario.perspective) {
			out.push(m.cli_eval_now_chance({ actor: String(scenario.actors.find((a) => a.id === scenario.perspective)?.name) }, locale));
		}
		const plays = playOf(scenario, play.overrides);
		const choosers = scenario.actors.filter((a) => a.id !== flat.tree.perspective && plays[a.id] !== 'chance');
		if (choosers.length > 0) out.push(m.cli_eval_choosers({ list: choosers.map((a) => m.cli_eval_chooser({ actor: a.name, play: playDescription(plays[a.id], a, scenario, lang) }, locale)).join(semicolon) }, locale));
		if (Object.keys(overrides).length > 0) out.push(m.cli_eval_assumptions_set({ list: Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(comma) }, locale));
		out.push('', m.cli_eval_expected_heading({ rounding: valueRounding(lang) }, locale));
		const scored = scenario.actors.filter((actor) => actor.kind === 'actor');
		const scoreFor = (name: string) => m.cli_eval_score_for({ actor: name }, locale);
		const width = Math.max(28, ...scenario.criteria.map((c) => columns(c.label)), ...scored.map((actor) => columns(scoreFor(actor.name))));
		const direction = { max: m.cli_direction_max({}, locale), min: m.cli_direction_min({}, locale) };
		scenario.criteria.forEach((c, i) =>
			out.push(`  ${padEndColumns(c.label, width)} ${formatValue(evaluation.expected[i]).padStart(9)}  ${m.cli_eval_criterion_note({ direction: direction[c.direction], unit: c.unit ? `${comma}${c.unit}` : '', weight: c.weight }, locale)}`)
		);
		out.push(`  ${padEndColumns(m.cli_eval_weighted_score({}, locale), width)} ${formatValue(evaluation.score[0]).padStart(9)}`);
		if (evaluation.riskAdjusted) {
			const tolerance = evaluation.slotValues[flat.riskToleranceSlot];
			const ce = (i: number) => formatValue(evaluation.objectiveSign * evaluation.certainty[i]);
			const objective = options.criterion === undefined ? m.cli_objective_score({}, locale) : m.cli_objective_criterion({ criterion: options.criterion }, locale);
			out.push(`  ${padEndColumns(m.cli_eval_certainty({}, locale), width)} ${ce(0).padStart(9)}  ${m.cli_eval_certainty_note({ objective, tolerance: formatValue(tolerance) }, locale)}`);
			if (flat.kind[0] === KIND_DECISION) {
				const labels = new Map((scenario.states.find((s) => s.id === flat.tree.nodes[0].state)?.moves ?? []).map((mv) => [mv.id, mv.label]));
				for (let k = 0; k < flat.childCount[0]; k++) {
					const child = flat.childStart[0] + k;
					const ev = options.criterion === undefined ? evaluation.score[child] : evaluation.expected[child * flat.criteria + flat.criterionIds.indexOf(options.criterion)];
					out.push(`    ${padEndColumns(labels.get(flat.tree.nodes[child].move ?? '') ?? '', width - 2)} ${m.cli_eval_move_certainty({ expected: formatValue(ev), certainty: ce(child) }, locale)}`);
				}
			}
		}
		const scores = actorScores(flat, evaluation, 0);
		scenario.actors.forEach((actor, a) => {
			if (actor.kind !== 'actor') return;
			// An actor without preferences has no score of its own (NaN): say so rather than print one.
			const score = Number.isNaN(scores[a]) ? m.cli_eval_not_scored({}, locale) : formatValue(scores[a]).padStart(9);
			out.push(`  ${padEndColumns(scoreFor(actor.name), width)} ${score}`);
		});
		out.push('', m.cli_eval_policy_heading({}, locale));
		for (const step of optimalPolicy(scenario, flat, evaluation)) {
			if (step.reach <= 0) continue;
			const ties = step.tiedWith.length > 0 ? m.cli_eval_tied_with({ moves: step.tiedWith.join(', ') }, locale) : '';
			out.push(`  ${m.cli_eval_policy_step({ path: step.path || m.cli_eval_start({}, locale), label: step.label, move: step.move, reach: formatPercent(step.reach), ties }, locale)}`);
		}
		out.push('');
	}
	out.push(treeText({ scenario, flat, evaluation, maxDepth: depth, optimalOnly: options.optimal, lang }));
	return { code: 0, stdout: out.join('\n'), stderr: '' };
}
