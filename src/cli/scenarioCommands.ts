import {
	actorScores,
	buildMachine,
	checkOverrides,
	evaluateScenario,
	evaluationJson,
	formatIssue,
	formatValue,
	KIND_DECISION,
	VALUE_ROUNDING,
	formatPercent,
	optimalPolicy,
	parsePlay,
	playDescription,
	playOf,
	treeText,
	unknownCriterion,
	type AssumptionValue,
	type Issue
} from '../lib/core/index.js';
import { didYouMean } from '../lib/core/util/didYouMean.js';
import { loadScenario, resolveScenarioFile, type LoadedScenario } from '../lib/server/scenarioFiles.js';
import type { CommandOptions, CommandResult } from './runCommand.js';

type Loaded = { ok: true; loaded: LoadedScenario & { scenario: NonNullable<LoadedScenario['scenario']> } } | { ok: false; result: CommandResult };

function issuesText(issues: Issue[], file: string): string {
	return issues.map((issue) => formatIssue(issue, file)).join('\n');
}

function load(args: string[], json: boolean | undefined): Loaded {
	if (args.length !== 1) return { ok: false, result: { code: 2, stdout: '', stderr: 'Name one scenario: a folder, a scenario.yaml, or an id under scenarios/.' } };
	const file = resolveScenarioFile(args[0]);
	if (!file) return { ok: false, result: { code: 2, stdout: '', stderr: `No scenario found at "${args[0]}": give a folder holding scenario.yaml, a YAML file, or an id under scenarios/.` } };
	const loaded = loadScenario(file);
	if (!loaded.scenario) {
		const errors = loaded.issues.filter((i) => i.severity === 'error').length;
		const stdout = json ? JSON.stringify({ file, valid: false, issues: loaded.issues }, null, 2) : '';
		return { ok: false, result: { code: 1, stdout, stderr: `${issuesText(loaded.issues, file)}\n${errors} error${errors === 1 ? '' : 's'} in ${file}` } };
	}
	return { ok: true, loaded: loaded as Loaded extends { ok: true; loaded: infer L } ? L : never };
}

function parseSets(sets: string[] = []): { raw: Record<string, string>; bad: string[] } {
	const raw: Record<string, string> = {};
	const bad: string[] = [];
	for (const set of sets) {
		const eq = set.indexOf('=');
		if (eq <= 0) bad.push(`--set ${set}: write --set id=value.`);
		else raw[set.slice(0, eq).trim()] = set.slice(eq + 1).trim();
	}
	return { raw, bad };
}

export function validateCommand(args: string[], options: CommandOptions): CommandResult {
	const loaded = load(args, options.json);
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
	const summary = `${file}: ${failed ? 'invalid' : 'valid'} — ${states} states, ${moves} moves, ${scenario.assumptions.length} assumptions, ${scenario.citations.length} citations; tree of ${run.flat?.size ?? '?'} nodes`;
	return { code: failed ? 1 : 0, stdout: summary, stderr: issuesText(allIssues, file) };
}

export function evaluateCommand(args: string[], options: CommandOptions, show: { policy: boolean }): CommandResult {
	const loaded = load(args, options.json);
	if (!loaded.ok) return loaded.result;
	const { scenario, file } = loaded.loaded;

	const errors: string[] = [];
	let start: Record<string, AssumptionValue> = {};
	if (options.preset !== undefined) {
		const preset = scenario.presets.find((p) => p.id === options.preset);
		if (preset) start = preset.values;
		else errors.push(`Unknown preset "${options.preset}"; presets: ${scenario.presets.map((p) => p.id).join(', ') || 'none'}.`);
	}
	const sets = parseSets(options.set);
	errors.push(...sets.bad);
	const checked = checkOverrides(scenario, sets.raw);
	errors.push(...checked.problems.map((p) => `--set ${p.id}: ${p.message}`));
	if (options.criterion !== undefined && !scenario.criteria.some((c) => c.id === options.criterion)) {
		errors.push(unknownCriterion(options.criterion, scenario.criteria.map((c) => c.id)));
	}
	const deciders = scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id);
	if (options.perspective !== undefined && !deciders.includes(options.perspective)) {
		errors.push(`Unknown perspective "${options.perspective}".${didYouMean(options.perspective, deciders)} Actors who decide: ${deciders.join(', ')}.`);
	}
	const play = parsePlay(scenario, options.play ?? []);
	errors.push(...play.problems);
	const depth = options.depth === undefined ? undefined : Number(options.depth);
	if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0)) errors.push(`--depth takes a whole number; got "${options.depth}".`);
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
		const own = actor?.preferences ? ` (with ${actor.name}'s own preferences)` : '';
		out.push(`${scenario.title}`, `Perspective: ${actor?.name ?? flat.tree.perspective}; optimising ${options.criterion ?? 'the weighted score'}${own}; tree of ${flat.size} nodes.`);
		if (flat.tree.perspective !== scenario.perspective) {
			out.push(`Moves of ${scenario.actors.find((a) => a.id === scenario.perspective)?.name} are chance moves now: equally likely where the scenario gives them no probabilities.`);
		}
		const choosers = scenario.actors.filter((a) => a.id !== flat.tree.perspective && playOf(scenario, play.overrides)[a.id] !== 'chance');
		if (choosers.length > 0) out.push(`Choosing for themselves: ${choosers.map((a) => `${a.name} (${playDescription(playOf(scenario, play.overrides)[a.id], a, scenario)})`).join('; ')}.`);
		if (Object.keys(overrides).length > 0) out.push(`Assumptions set: ${Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(', ')}`);
		out.push('', `Expected values at the start (rounded to ${VALUE_ROUNDING}):`);
		const scored = scenario.actors.filter((actor) => actor.kind === 'actor');
		const width = Math.max(28, ...scenario.criteria.map((c) => c.label.length), ...scored.map((actor) => `Score for ${actor.name}`.length));
		scenario.criteria.forEach((c, i) => out.push(`  ${c.label.padEnd(width)} ${formatValue(evaluation.expected[i]).padStart(9)}  (${c.direction}${c.unit ? `, ${c.unit}` : ''}, weight ${c.weight})`));
		out.push(`  ${'Weighted score'.padEnd(width)} ${formatValue(evaluation.score[0]).padStart(9)}`);
		if (evaluation.riskAdjusted) {
			const tolerance = evaluation.slotValues[flat.riskToleranceSlot];
			const ce = (i: number) => formatValue(evaluation.objectiveSign * evaluation.certainty[i]);
			out.push(`  ${'Certainty equivalent'.padEnd(width)} ${ce(0).padStart(9)}  (of the ${options.criterion ?? 'weighted score'}; exponential utility, risk tolerance R = ${formatValue(tolerance)}; decisions maximise it)`);
			if (flat.kind[0] === KIND_DECISION) {
				const labels = new Map((scenario.states.find((s) => s.id === flat.tree.nodes[0].state)?.moves ?? []).map((m) => [m.id, m.label]));
				for (let k = 0; k < flat.childCount[0]; k++) {
					const child = flat.childStart[0] + k;
					const ev = options.criterion === undefined ? evaluation.score[child] : evaluation.expected[child * flat.criteria + flat.criterionIds.indexOf(options.criterion)];
					out.push(`    ${(labels.get(flat.tree.nodes[child].move ?? '') ?? '').padEnd(width - 2)} expected ${formatValue(ev)}, certainty equivalent ${ce(child)}`);
				}
			}
		}
		const scores = actorScores(flat, evaluation, 0);
		scenario.actors.forEach((actor, a) => {
			if (actor.kind !== 'actor') return;
			// An actor without preferences has no score of its own (NaN): say so rather than print one.
			const score = Number.isNaN(scores[a]) ? 'not scored (no preferences)' : formatValue(scores[a]).padStart(9);
			out.push(`  ${`Score for ${actor.name}`.padEnd(width)} ${score}`);
		});
		out.push('', 'Optimal policy (decisions reached with positive probability):');
		for (const step of optimalPolicy(scenario, flat, evaluation)) {
			if (step.reach <= 0) continue;
			const ties = step.tiedWith.length > 0 ? `  (tied with ${step.tiedWith.join(', ')})` : '';
			out.push(`  ${step.path || '(start)'} → ${step.label} [${step.move}]  reached with ${formatPercent(step.reach)}${ties}`);
		}
		out.push('');
	}
	out.push(treeText({ scenario, flat, evaluation, maxDepth: depth, optimalOnly: options.optimal }));
	return { code: 0, stdout: out.join('\n'), stderr: '' };
}
