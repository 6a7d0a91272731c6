import {
	analyseRichardson,
	buildMachine,
	checkOverrides,
	createEvaluator,
	describeChange,
	evppi,
	evppiGroup,
	formatNumber,
	formatValue,
	noteGloss,
	quoteExcerpt,
	formatPercent,
	monteCarlo,
	NOTHING_UNCERTAIN,
	nothingUncertain,
	resolveValues,
	richardsonTrajectory,
	simulate,
	simulatePolicy,
	walksTheTree,
	someoneChooses,
	parsePlay,
	spiralParameters,
	threshold,
	tornado,
	TORNADO_POINTS,
	twoWay,
	unknownCriterion,
	type Assumption,
	type Scenario
} from '../lib/core/index.js';
import { didYouMean } from '../lib/core/util/didYouMean.js';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { loadScenario, resolveScenarioFile } from '../lib/server/scenarioFiles.js';
import { fitColumns, padEndColumns, padStartColumns } from './columns.js';
import type { CommandOptions, CommandResult } from './commandTypes.js';

const ANALYSES = ['tornado', 'threshold', 'twoway', 'montecarlo', 'evppi', 'simulate', 'spiral'] as const;

function fail(code: number, message: string): CommandResult {
	return { code, stdout: '', stderr: message };
}

function csv(rows: (string | number)[][]): string {
	const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return rows.map((r) => r.map(cell).join(',')).join('\n');
}

function numericAssumption(scenario: Scenario, id: string | undefined, flag: string, lang: Locale): Assumption | string {
	const locale = { locale: lang };
	if (!id) return m.cli_name_assumption({ flag }, locale);
	const a = scenario.assumptions.find((x) => x.id === id);
	if (!a) return m.cli_unknown_assumption({ id }, locale);
	if (a.kind !== 'probability' && a.kind !== 'number') return m.cli_assumption_kind({ id, kind: a.kind }, locale);
	return a;
}

function positiveInt(text: string | undefined, fallback: number, flag: string, lang: Locale): number | string {
	if (text === undefined) return fallback;
	const n = Number(text);
	return Number.isInteger(n) && n > 0 ? n : m.cli_positive_whole({ flag, text }, { locale: lang });
}

/**
 * `analyse <scenario> tornado|threshold|twoway|montecarlo|evppi|simulate`:
 * the analyses of core/analysis from the command line, as text, JSON or CSV.
 */
export function analyseCommand(args: string[], options: CommandOptions): CommandResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const [ref, analysis] = args;
	if (!ref || !analysis) return fail(2, m.cli_analyse_usage({ analyses: ANALYSES.join('|') }, locale));
	if (!(ANALYSES as readonly string[]).includes(analysis)) return fail(2, m.cli_unknown_analysis({ analysis, analyses: ANALYSES.join(', ') }, locale));
	const file = resolveScenarioFile(ref);
	if (!file) return fail(2, m.cli_analyse_no_scenario({ ref }, locale));
	// JSON and CSV are data, the same in every language: the scenario's texts in its own language there.
	const { scenario, issues } = loadScenario(file, options.json || options.csv ? undefined : lang);
	if (!scenario) return fail(1, m.cli_does_not_validate({ file, count: issues.length, ref }, locale));

	const sets: Record<string, string> = {};
	for (const set of options.set ?? []) {
		const eq = set.indexOf('=');
		if (eq <= 0) return fail(2, m.cli_set_form({ set }, locale));
		sets[set.slice(0, eq).trim()] = set.slice(eq + 1).trim();
	}
	const checked = checkOverrides(scenario, sets, lang);
	if (checked.problems.length > 0) return fail(2, checked.problems.map((p) => `--set ${p.id}: ${p.message}`).join('\n'));
	if (options.criterion !== undefined && !scenario.criteria.some((c) => c.id === options.criterion)) return fail(2, unknownCriterion(options.criterion, scenario.criteria.map((c) => c.id), lang));
	const runs = positiveInt(options.runs, analysis === 'simulate' ? 10000 : 1000, '--runs', lang);
	const seed = options.seed === undefined ? 1 : Number.isInteger(Number(options.seed)) ? Number(options.seed) : m.cli_whole_number({ flag: '--seed', text: options.seed }, locale);
	const steps = positiveInt(options.steps, analysis === 'twoway' ? 21 : 41, '--steps', lang);
	for (const v of [runs, seed, steps]) if (typeof v === 'string') return fail(2, v);

	const play = parsePlay(scenario, options.play ?? [], lang);
	if (play.problems.length > 0) return fail(2, play.problems.join('\n'));

	const model = buildMachine(scenario);
	const evaluator = createEvaluator(model, { perspective: options.perspective, play: play.overrides, criterion: options.criterion, base: checked.overrides });
	const objective = options.criterion === undefined ? m.cli_objective_score({}, locale) : m.cli_objective_criterion({ criterion: options.criterion }, locale);
	const label = (id: string) => evaluator.optionLabels[evaluator.optionIds.indexOf(id)] ?? id;
	const out = (json: unknown, text: string, table: (string | number)[][]): CommandResult => ({
		code: 0,
		stdout: options.json ? JSON.stringify(json, null, 2) : options.csv ? csv(table) : text,
		stderr: ''
	});

	switch (analysis) {
		case 'tornado': {
			const policy = options.policy ?? 'reoptimise';
			if (policy !== 'reoptimise' && policy !== 'fixed') return fail(2, m.cli_policy_value({ policy }, locale));
			if (options.steps !== undefined && (steps as number) < 2) return fail(2, m.cli_tornado_steps({ steps: options.steps }, locale));
			const points = options.steps === undefined ? TORNADO_POINTS : (steps as number);
			const t = tornado(evaluator, { points, policy });
			const how = policy === 'fixed' ? m.cli_tornado_fixed({ move: label(t.base.best) }, locale) : m.cli_tornado_reoptimised({}, locale);
			const lines = [m.cli_tornado_heading({ objective, how, base: formatValue(t.base.value), move: label(t.base.best) }, locale), m.cli_tornado_sweep({ points }, locale), ''];
			for (const b of t.bars) {
				const bar = {
					mark: b.policyChanges ? '◆' : ' ',
					assumption: b.assumption.padEnd(24),
					swing: formatValue(b.swing).padStart(7),
					low: String(b.low.setting),
					lowValue: formatValue(b.low.value),
					lowBest: b.low.best,
					high: String(b.high.setting),
					highValue: formatValue(b.high.value),
					highBest: b.high.best,
					label: b.label
				};
				lines.push(m.cli_tornado_bar(bar, locale));
				if (b.policySwitch) lines.push(`    ${m.cli_tornado_switch({ setting: String(b.policySwitch.setting), change: describeChange(scenario, b.policySwitch, lang) }, locale)}`);
				if (b.fallbacks > 0) lines.push(`    ${m.cli_tornado_fallbacks({ count: b.fallbacks }, locale)}`);
			}
			lines.push('', m.cli_tornado_legend({ other: policy === 'fixed' ? m.cli_tornado_other_reoptimise({}, locale) : m.cli_tornado_other_fixed({}, locale) }, locale));
			return out(t, lines.join('\n'), [
				['assumption', 'low_setting', 'low_value', 'low_best', 'high_setting', 'high_value', 'high_best', 'swing', 'policy_changes', 'switch_setting', 'switch_decision', 'switch_from', 'switch_to', 'policy'],
				...t.bars.map((b) => [b.assumption, String(b.low.setting), b.low.value, b.low.best, String(b.high.setting), b.high.value, b.high.best, b.swing, String(b.policyChanges), b.policySwitch ? String(b.policySwitch.setting) : '', b.policySwitch?.path ?? '', b.policySwitch?.from ?? '', b.policySwitch?.to ?? '', policy])
			]);
		}
		case 'threshold': {
			const a = numericAssumption(scenario, options.assumption, '--assumption', lang);
			if (typeof a === 'string') return fail(2, a);
			const tolerance = options.tolerance === undefined ? undefined : Number(options.tolerance);
			if (tolerance !== undefined && !(tolerance > 0)) return fail(2, m.cli_tolerance_positive({ tolerance: options.tolerance as string }, locale));
			const r = threshold(evaluator, a, { tolerance, steps: steps as number });
			const lines = [m.cli_threshold_heading({ label: a.label, id: a.id, tolerance: r.tolerance }, locale), `  ${m.cli_threshold_start({ at: formatNumber(a.min ?? 0), move: label(r.start) }, locale)}`];
			for (const s of r.switches) lines.push(`  ${m.cli_threshold_switch({ at: formatNumber(s.at, 5), change: describeChange(scenario, { path: s.decision, state: s.state, from: s.from, to: s.to }, lang) }, locale)}`);
			if (r.switches.length === 0) lines.push(`  ${m.cli_threshold_none({}, locale)}`);
			return out(r, lines.join('\n'), [['assumption', 'at', 'decision', 'state', 'from', 'to'], ...r.switches.map((s) => [r.assumption, s.at, s.decision, s.state, s.from, s.to])]);
		}
		case 'twoway': {
			const x = numericAssumption(scenario, options.x, '--x', lang);
			if (typeof x === 'string') return fail(2, x);
			const y = numericAssumption(scenario, options.y, '--y', lang);
			if (typeof y === 'string') return fail(2, y);
			const r = twoWay(evaluator, x, y, { steps: steps as number });
			const letters = r.options.map((_, i) => String.fromCharCode(65 + i));
			const lines: string[] = [m.cli_twoway_heading({ x: x.id, y: y.id }, locale)];
			for (let j = r.y.values.length - 1; j >= 0; j--) lines.push(`${formatNumber(r.y.values[j]).padStart(8)} ${r.best[j].map((b) => letters[b] ?? '?').join('')}`);
			lines.push(`${''.padStart(8)} ${formatNumber(r.x.values[0])} … ${formatNumber(r.x.values[r.x.values.length - 1])}`, '');
			r.options.forEach((o, i) => lines.push(`  ${letters[i]} = ${label(o)}`));
			const table: (string | number)[][] = [[x.id, y.id, 'best', 'value']];
			r.y.values.forEach((yv, j) => r.x.values.forEach((xv, i) => table.push([xv, yv, r.options[r.best[j][i]] ?? '', r.value[j][i]])));
			return out(r, lines.join('\n'), table);
		}
		case 'montecarlo':
		case 'evppi': {
			if (analysis === 'evppi' && options.group !== undefined) {
				const group = options.group.split(',').map((id) => id.trim()).filter((id) => id !== '');
				const known = scenario.assumptions.map((a) => a.id);
				const unknown = group.filter((id) => !known.includes(id));
				if (group.length === 0) return fail(2, m.cli_group_form({}, locale));
				if (unknown.length > 0) return fail(2, unknown.map((id) => m.cli_group_unknown({ id, hint: didYouMean(id, known, lang) }, locale)).join('\n'));
				const drawn = group.filter((id) => scenario.assumptions.find((a) => a.id === id)?.distribution);
				if (drawn.length === 0) return options.json ? out({ group, value: 0, message: 'No assumption of the group has a distribution: there is nothing to learn.' }, '', []) : { code: 0, stdout: m.cli_group_nothing({ group: group.join(', ') }, locale), stderr: '' };
				// --runs is the total: as many outer draws of the group as inner draws of the rest.
				const side = options.runs === undefined ? 100 : Math.max(2, Math.round(Math.sqrt(runs as number)));
				const g = evppiGroup(evaluator, group, { outer: side, inner: side, seed: seed as number });
				const learnt = { group: group.join(' + '), objective, value: formatValue(g.value) };
				const lines = [
					group.length > 1 ? m.cli_group_value_together(learnt, locale) : m.cli_group_value(learnt, locale),
					m.cli_group_nested({ outer: g.outer, inner: g.inner, seed: g.seed }, locale)
				];
				const skipped = group.filter((id) => !drawn.includes(id));
				if (skipped.length > 0) lines.push(m.cli_group_skipped({ list: skipped.join(', ') }, locale));
				return out(g, lines.join('\n'), [['group', 'evppi', 'outer', 'inner', 'seed'], [group.join('+'), g.value, g.outer, g.inner, g.seed]]);
			}
			const mc = monteCarlo(evaluator, { runs: runs as number, seed: seed as number });
			// With nothing drawn every run is alike: "best in 100% of runs" and "EVPI 0" would read as findings.
			if (mc.uncertain.length === 0) {
				return options.json ? out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, message: NOTHING_UNCERTAIN }, '', []) : { code: 0, stdout: nothingUncertain(lang), stderr: '' };
			}
			if (analysis === 'evppi') {
				// Only what varies: an assumption without a distribution is worth nothing to learn here.
				const values = evppi(mc, mc.uncertain, evaluator.sign).sort((a, b) => b.value - a.value);
				const lines = [m.cli_evppi_heading({ objective, runs: mc.runs, seed: mc.seed }, locale), `  ${m.cli_evppi_all({ value: formatValue(mc.evpi) }, locale)}`, `  ${m.cli_evppi_partial({}, locale)}`];
				for (const v of values) lines.push(`    ${v.assumption.padEnd(28)} ${formatValue(v.value)}`);
				return out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, evpi: mc.evpi, evppi: values }, lines.join('\n'), [['assumption', 'evppi'], ['(all)', mc.evpi], ...values.map((v) => [v.assumption, v.value])]);
			}
			const lines = [m.cli_mc_heading({ runs: mc.runs, seed: mc.seed, objective }, locale), ''];
			lines.push(`${padEndColumns(m.cli_mc_col_option({}, locale), 44)} ${padStartColumns(m.cli_mc_col_mean({}, locale), 8)} ${'sd'.padStart(7)} ${'p5'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}  P(best)  ${m.cli_mc_col_open({}, locale)}`);
			for (const s of mc.summaries) {
				lines.push(`${padEndColumns(fitColumns(label(s.option), 44), 44)} ${formatValue(s.mean).padStart(8)} ${formatValue(s.sd).padStart(7)} ${formatValue(s.p5).padStart(8)} ${formatValue(s.p50).padStart(8)} ${formatValue(s.p95).padStart(8)}  ${formatPercent(s.probabilityBest).padStart(6)}  ${formatPercent(s.available)}`);
			}
			lines.push('', m.cli_mc_evpi({ value: formatValue(mc.evpi) }, locale));
			return out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, summaries: mc.summaries, evpi: mc.evpi }, lines.join('\n'), [['option', 'mean', 'sd', 'p5', 'p50', 'p95', 'probability_best', 'available'], ...mc.summaries.map((s) => [s.option, s.mean, s.sd, s.p5, s.p50, s.p95, s.probabilityBest, s.available])]);
		}
		case 'spiral': {
			const spiral = scenario.spiral;
			if (!spiral) return fail(2, m.cli_no_spiral({ id: scenario.id }, locale));
			const values = resolveValues(scenario, model.book, checked.overrides);
			const p = spiralParameters(scenario, model.book, values);
			const r = analyseRichardson(p, spiral.horizon);
			const trajectory = richardsonTrajectory(p, spiral.horizon, steps as number);
			const lines = [
				`${spiral.label}`,
				`  dx/dt = k·y − a·x + g   ${m.cli_spiral_axis({ axis: 'x', label: spiral.x.label }, locale)}`,
				`  dy/dt = l·x − b·y + h   ${m.cli_spiral_axis({ axis: 'y', label: spiral.y.label }, locale)}`,
				`  ${m.cli_spiral_parameters({ parameters: `k ${formatNumber(p.k)}, l ${formatNumber(p.l)}, a ${formatNumber(p.a)}, b ${formatNumber(p.b)}, g ${formatNumber(p.g)}, h ${formatNumber(p.h)}`, x: formatNumber(p.x0), y: formatNumber(p.y0) }, locale)}`,
				'',
				m.cli_spiral_condition({ restraint: formatNumber(r.restraint, 4), sign: r.stable ? '>' : '≤', reaction: formatNumber(r.reaction, 4), verdict: r.stable ? m.cli_spiral_stable({}, locale) : m.cli_spiral_unstable({}, locale) }, locale),
				m.cli_spiral_growth({ growth: formatNumber(r.growth, 4), horizon: spiral.horizon, risk: formatNumber(r.risk, 4) }, locale),
				...(r.equilibrium ? [m.cli_spiral_equilibrium({ x: formatNumber(r.equilibrium.x), y: formatNumber(r.equilibrium.y) }, locale)] : []),
				'',
				...spiral.citations.flatMap((id) => {
					const c = scenario.citations.find((x) => x.id === id);
					const source = scenario.sources.find((x) => x.id === c?.source);
					const gloss = c ? noteGloss(c, source, lang) : undefined;
					return c ? [m.cli_spiral_source({ excerpt: quoteExcerpt(c.excerpt, source?.language), gloss: gloss ? m.cli_spiral_gloss({ gloss }, locale) : '', source: source?.title ?? c.source }, locale)] : [];
				}),
				m.cli_spiral_judgment({}, locale),
				'',
				't        x        y'
			];
			const every = Math.max(1, Math.round(trajectory.length / 10));
			trajectory.filter((_, i) => i % every === 0 || i === trajectory.length - 1).forEach((pt) => lines.push(`${formatNumber(pt.t, 2).padEnd(6)} ${formatNumber(pt.x).padStart(8)} ${formatNumber(pt.y).padStart(8)}`));
			return out({ parameters: p, ...r, horizon: spiral.horizon, trajectory }, lines.join('\n'), [['t', 'x', 'y'], ...trajectory.map((pt) => [pt.t, pt.x, pt.y])]);
		}
		case 'simulate': {
			const decisions = options.decisions ?? 'random';
			if (decisions !== 'random' && decisions !== 'optimal') return fail(2, m.cli_decisions_value({ decisions }, locale));
			const base = evaluator.at({});
			// Where another actor chooses for itself, or the machine carries a context, the walks go down the evaluated tree.
			const onTree = decisions === 'optimal' || walksTheTree(model, base.flat);
			const r = onTree
				? simulatePolicy(base.flat, base.evaluation, { runs: runs as number, seed: seed as number, decisions })
				: simulate(model, resolveValues(scenario, model.book, checked.overrides), { runs: runs as number, seed: seed as number });
			const states = new Map(scenario.states.map((s) => [s.id, s.label]));
			const mover = scenario.actors.find((a) => a.id === base.flat.tree.perspective)?.name ?? base.flat.tree.perspective;
			const others = someoneChooses(base.flat) ? m.cli_sim_others_choosing({}, locale) : m.cli_sim_others({}, locale);
			const how = decisions === 'optimal' ? m.cli_sim_how_optimal({ mover, others }, locale) : onTree ? m.cli_sim_how_random({ mover, others }, locale) : m.cli_sim_how_machine({}, locale);
			const lines = [m.cli_sim_heading({ runs: r.runs, seed: r.seed, how }, locale), m.cli_sim_length({ length: formatNumber(r.meanLength, 2), paths: r.distinctPaths }, locale), '', m.cli_sim_end_states({}, locale)];
			for (const e of r.endStates) lines.push(`  ${formatPercent(e.share).padStart(6)}  ${states.get(e.state) ?? e.state}`);
			lines.push('', m.cli_sim_paths({}, locale));
			for (const p of r.paths) lines.push(`  ${formatPercent(p.share).padStart(6)}  ${p.path}`);
			return out(r, lines.join('\n'), [['end_state', 'share'], ...r.endStates.map((e) => [e.state, e.share])]);
		}
	}
	return fail(2, 'unreachable');
}
