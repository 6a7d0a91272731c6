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
import { loadScenario, resolveScenarioFile } from '../lib/server/scenarioFiles.js';
import type { CommandOptions, CommandResult } from './runCommand.js';

const ANALYSES = ['tornado', 'threshold', 'twoway', 'montecarlo', 'evppi', 'simulate', 'spiral'] as const;

function fail(code: number, message: string): CommandResult {
	return { code, stdout: '', stderr: message };
}

function csv(rows: (string | number)[][]): string {
	const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return rows.map((r) => r.map(cell).join(',')).join('\n');
}

function numericAssumption(scenario: Scenario, id: string | undefined, flag: string): Assumption | string {
	if (!id) return `Name the assumption with ${flag} <id>.`;
	const a = scenario.assumptions.find((x) => x.id === id);
	if (!a) return `Unknown assumption "${id}".`;
	if (a.kind !== 'probability' && a.kind !== 'number') return `"${id}" is a ${a.kind} assumption; this analysis needs a number or probability.`;
	return a;
}

function positiveInt(text: string | undefined, fallback: number, flag: string): number | string {
	if (text === undefined) return fallback;
	const n = Number(text);
	return Number.isInteger(n) && n > 0 ? n : `${flag} takes a positive whole number; got "${text}".`;
}

/**
 * `analyse <scenario> tornado|threshold|twoway|montecarlo|evppi|simulate`:
 * the analyses of core/analysis from the command line, as text, JSON or CSV.
 */
export function analyseCommand(args: string[], options: CommandOptions): CommandResult {
	const [ref, analysis] = args;
	if (!ref || !analysis) return fail(2, `Usage: analyse <scenario> ${ANALYSES.join('|')} [options]`);
	if (!(ANALYSES as readonly string[]).includes(analysis)) return fail(2, `Unknown analysis "${analysis}"; choose one of ${ANALYSES.join(', ')}.`);
	const file = resolveScenarioFile(ref);
	if (!file) return fail(2, `No scenario found at "${ref}".`);
	const { scenario, issues } = loadScenario(file);
	if (!scenario) return fail(1, `${file} does not validate (${issues.length} issues); run "npm run bp -- validate ${ref}".`);

	const sets: Record<string, string> = {};
	for (const set of options.set ?? []) {
		const eq = set.indexOf('=');
		if (eq <= 0) return fail(2, `--set ${set}: write --set id=value.`);
		sets[set.slice(0, eq).trim()] = set.slice(eq + 1).trim();
	}
	const checked = checkOverrides(scenario, sets);
	if (checked.problems.length > 0) return fail(2, checked.problems.map((p) => `--set ${p.id}: ${p.message}`).join('\n'));
	if (options.criterion !== undefined && !scenario.criteria.some((c) => c.id === options.criterion)) return fail(2, unknownCriterion(options.criterion, scenario.criteria.map((c) => c.id)));
	const runs = positiveInt(options.runs, analysis === 'simulate' ? 10000 : 1000, '--runs');
	const seed = options.seed === undefined ? 1 : Number.isInteger(Number(options.seed)) ? Number(options.seed) : `--seed takes a whole number; got "${options.seed}".`;
	const steps = positiveInt(options.steps, analysis === 'twoway' ? 21 : 41, '--steps');
	for (const v of [runs, seed, steps]) if (typeof v === 'string') return fail(2, v);

	const play = parsePlay(scenario, options.play ?? []);
	if (play.problems.length > 0) return fail(2, play.problems.join('\n'));

	const model = buildMachine(scenario);
	const evaluator = createEvaluator(model, { perspective: options.perspective, play: play.overrides, criterion: options.criterion, base: checked.overrides });
	const objective = options.criterion ?? 'weighted score';
	const label = (id: string) => evaluator.optionLabels[evaluator.optionIds.indexOf(id)] ?? id;
	const out = (json: unknown, text: string, table: (string | number)[][]): CommandResult => ({
		code: 0,
		stdout: options.json ? JSON.stringify(json, null, 2) : options.csv ? csv(table) : text,
		stderr: ''
	});

	switch (analysis) {
		case 'tornado': {
			const policy = options.policy ?? 'reoptimise';
			if (policy !== 'reoptimise' && policy !== 'fixed') return fail(2, `--policy takes "reoptimise" or "fixed"; got "${policy}".`);
			if (options.steps !== undefined && (steps as number) < 2) return fail(2, `--steps for a tornado takes 2 or more points; got "${options.steps}".`);
			const points = options.steps === undefined ? TORNADO_POINTS : (steps as number);
			const t = tornado(evaluator, { points, policy });
			const how = policy === 'fixed' ? `the base case's optimal policy held (“${label(t.base.best)}” first)` : 'the optimal policy re-chosen at each setting';
			const lines = [`Tornado: ${objective} at the start, ${how}; base ${formatValue(t.base.value)} with "${label(t.base.best)}" preferred.`, `Each number is swept over ${points} points of its range; lowest and highest values shown where they occur.`, ''];
			for (const b of t.bars) {
				lines.push(`${b.policyChanges ? '◆' : ' '} ${b.assumption.padEnd(24)} swing ${formatValue(b.swing).padStart(7)}   at ${String(b.low.setting)}: ${formatValue(b.low.value)} (${b.low.best})   at ${String(b.high.setting)}: ${formatValue(b.high.value)} (${b.high.best})   — ${b.label}`);
				if (b.policySwitch) lines.push(`    ◆ from ${String(b.policySwitch.setting)}: ${describeChange(scenario, b.policySwitch)}`);
				if (b.fallbacks > 0) lines.push(`    ${b.fallbacks} setting(s) close a move of the held policy; the optimal move is taken there.`);
			}
			lines.push(
				'',
				`◆ the optimal policy changes at some decision it reaches (the first such decision is named) within this assumption's range; threshold finds where. --policy ${policy === 'fixed' ? 'reoptimise re-chooses the policy at each setting' : 'fixed holds the base case policy'}, --steps N sweeps N points.`
			);
			return out(t, lines.join('\n'), [
				['assumption', 'low_setting', 'low_value', 'low_best', 'high_setting', 'high_value', 'high_best', 'swing', 'policy_changes', 'switch_setting', 'switch_decision', 'switch_from', 'switch_to', 'policy'],
				...t.bars.map((b) => [b.assumption, String(b.low.setting), b.low.value, b.low.best, String(b.high.setting), b.high.value, b.high.best, b.swing, String(b.policyChanges), b.policySwitch ? String(b.policySwitch.setting) : '', b.policySwitch?.path ?? '', b.policySwitch?.from ?? '', b.policySwitch?.to ?? '', policy])
			]);
		}
		case 'threshold': {
			const a = numericAssumption(scenario, options.assumption, '--assumption');
			if (typeof a === 'string') return fail(2, a);
			const tolerance = options.tolerance === undefined ? undefined : Number(options.tolerance);
			if (tolerance !== undefined && !(tolerance > 0)) return fail(2, `--tolerance takes a positive number; got "${options.tolerance}".`);
			const r = threshold(evaluator, a, { tolerance, steps: steps as number });
			const lines = [`Threshold for ${a.label} (${a.id}), tolerance ${r.tolerance}:`, `  at ${formatNumber(a.min ?? 0)}: "${label(r.start)}" preferred first`];
			for (const s of r.switches) lines.push(`  at ${formatNumber(s.at, 5)}: the optimal policy switches ${describeChange(scenario, { path: s.decision, state: s.state, from: s.from, to: s.to })}`);
			if (r.switches.length === 0) lines.push('  the optimal policy does not switch across the range, at any decision it reaches');
			return out(r, lines.join('\n'), [['assumption', 'at', 'decision', 'state', 'from', 'to'], ...r.switches.map((s) => [r.assumption, s.at, s.decision, s.state, s.from, s.to])]);
		}
		case 'twoway': {
			const x = numericAssumption(scenario, options.x, '--x');
			if (typeof x === 'string') return fail(2, x);
			const y = numericAssumption(scenario, options.y, '--y');
			if (typeof y === 'string') return fail(2, y);
			const r = twoWay(evaluator, x, y, { steps: steps as number });
			const letters = r.options.map((_, i) => String.fromCharCode(65 + i));
			const lines = [`Preferred first response over ${x.id} (→) and ${y.id} (↑):`];
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
				if (group.length === 0) return fail(2, '--group takes assumption ids joined by commas, e.g. --group p_veto,p_talks.');
				if (unknown.length > 0) return fail(2, unknown.map((id) => `--group: unknown assumption "${id}".${didYouMean(id, known)}`).join('\n'));
				const drawn = group.filter((id) => scenario.assumptions.find((a) => a.id === id)?.distribution);
				if (drawn.length === 0) return options.json ? out({ group, value: 0, message: 'No assumption of the group has a distribution: there is nothing to learn.' }, '', []) : { code: 0, stdout: `No assumption of the group (${group.join(', ')}) has a distribution: there is nothing to learn, so its value of information is 0.`, stderr: '' };
				// --runs is the total: as many outer draws of the group as inner draws of the rest.
				const side = options.runs === undefined ? 100 : Math.max(2, Math.round(Math.sqrt(runs as number)));
				const g = evppiGroup(evaluator, group, { outer: side, inner: side, seed: seed as number });
				const lines = [
					`Partial EVPI of ${group.join(' + ')} learnt${group.length > 1 ? ' together' : ''} (${objective}): ${formatValue(g.value)}`,
					`Nested Monte Carlo: ${g.outer} draws of the group × ${g.inner} draws of the other uncertain assumptions, seed ${g.seed}; with few inner draws the estimate leans high.`
				];
				const skipped = group.filter((id) => !drawn.includes(id));
				if (skipped.length > 0) lines.push(`Without a distribution, so nothing to learn: ${skipped.join(', ')}.`);
				return out(g, lines.join('\n'), [['group', 'evppi', 'outer', 'inner', 'seed'], [group.join('+'), g.value, g.outer, g.inner, g.seed]]);
			}
			const mc = monteCarlo(evaluator, { runs: runs as number, seed: seed as number });
			// With nothing drawn every run is alike: "best in 100% of runs" and "EVPI 0" would read as findings.
			if (mc.uncertain.length === 0) {
				return options.json ? out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, message: NOTHING_UNCERTAIN }, '', []) : { code: 0, stdout: NOTHING_UNCERTAIN, stderr: '' };
			}
			if (analysis === 'evppi') {
				// Only what varies: an assumption without a distribution is worth nothing to learn here.
				const values = evppi(mc, mc.uncertain, evaluator.sign).sort((a, b) => b.value - a.value);
				const lines = [`Value of information (${objective}; ${mc.runs} runs, seed ${mc.seed}):`, `  EVPI (all uncertain assumptions): ${formatValue(mc.evpi)}`, '  partial EVPI per assumption (binning estimate; small values are within noise):'];
				for (const v of values) lines.push(`    ${v.assumption.padEnd(28)} ${formatValue(v.value)}`);
				return out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, evpi: mc.evpi, evppi: values }, lines.join('\n'), [['assumption', 'evppi'], ['(all)', mc.evpi], ...values.map((v) => [v.assumption, v.value])]);
			}
			const lines = [`Monte Carlo: ${mc.runs} runs, seed ${mc.seed}, ${objective} of each first response:`, ''];
			lines.push(`${'option'.padEnd(44)} ${'mean'.padStart(8)} ${'sd'.padStart(7)} ${'p5'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)}  P(best)  open`);
			for (const s of mc.summaries) {
				lines.push(`${label(s.option).padEnd(44).slice(0, 44)} ${formatValue(s.mean).padStart(8)} ${formatValue(s.sd).padStart(7)} ${formatValue(s.p5).padStart(8)} ${formatValue(s.p50).padStart(8)} ${formatValue(s.p95).padStart(8)}  ${formatPercent(s.probabilityBest).padStart(6)}  ${formatPercent(s.available)}`);
			}
			lines.push('', `EVPI: ${formatValue(mc.evpi)}`);
			return out({ runs: mc.runs, seed: mc.seed, uncertain: mc.uncertain, summaries: mc.summaries, evpi: mc.evpi }, lines.join('\n'), [['option', 'mean', 'sd', 'p5', 'p50', 'p95', 'probability_best', 'available'], ...mc.summaries.map((s) => [s.option, s.mean, s.sd, s.p5, s.p50, s.p95, s.probabilityBest, s.available])]);
		}
		case 'spiral': {
			const spiral = scenario.spiral;
			if (!spiral) return fail(2, `${scenario.id} has no spiral section; see scenarios/README.md.`);
			const values = resolveValues(scenario, model.book, checked.overrides);
			const p = spiralParameters(scenario, model.book, values);
			const r = analyseRichardson(p, spiral.horizon);
			const trajectory = richardsonTrajectory(p, spiral.horizon, steps as number);
			const lines = [
				`${spiral.label}`,
				`  dx/dt = k·y − a·x + g   (x: ${spiral.x.label})`,
				`  dy/dt = l·x − b·y + h   (y: ${spiral.y.label})`,
				`  k ${formatNumber(p.k)}, l ${formatNumber(p.l)}, a ${formatNumber(p.a)}, b ${formatNumber(p.b)}, g ${formatNumber(p.g)}, h ${formatNumber(p.h)}; start x ${formatNumber(p.x0)}, y ${formatNumber(p.y0)}`,
				'',
				`Stability condition a·b > k·l: ${formatNumber(r.restraint, 4)} ${r.stable ? '>' : '≤'} ${formatNumber(r.reaction, 4)} — ${r.stable ? 'stable: levels settle' : 'unstable: the build-up spirals'}`,
				`Growth rate ${formatNumber(r.growth, 4)} per time unit; spiral risk over ${spiral.horizon}: ${formatNumber(r.risk, 4)} (feeds spiral_risk in the tree)`,
				...(r.equilibrium ? [`Equilibrium x ${formatNumber(r.equilibrium.x)}, y ${formatNumber(r.equilibrium.y)}`] : []),
				'',
				...spiral.citations.flatMap((id) => {
					const c = scenario.citations.find((x) => x.id === id);
					const source = scenario.sources.find((x) => x.id === c?.source);
					const gloss = c ? noteGloss(c, source) : undefined;
					return c ? [`Source: ${quoteExcerpt(c.excerpt, source?.language)}${gloss ? ` — "${gloss}"` : ''} (${source?.title ?? c.source})`] : [];
				}),
				'Coefficients are analyst judgment.',
				'',
				't        x        y'
			];
			const every = Math.max(1, Math.round(trajectory.length / 10));
			trajectory.filter((_, i) => i % every === 0 || i === trajectory.length - 1).forEach((pt) => lines.push(`${formatNumber(pt.t, 2).padEnd(6)} ${formatNumber(pt.x).padStart(8)} ${formatNumber(pt.y).padStart(8)}`));
			return out({ parameters: p, ...r, horizon: spiral.horizon, trajectory }, lines.join('\n'), [['t', 'x', 'y'], ...trajectory.map((pt) => [pt.t, pt.x, pt.y])]);
		}
		case 'simulate': {
			const decisions = options.decisions ?? 'random';
			if (decisions !== 'random' && decisions !== 'optimal') return fail(2, `--decisions takes "random" or "optimal"; got "${decisions}".`);
			const base = evaluator.at({});
			// Where another actor chooses for itself, or the machine carries a context, the walks go down the evaluated tree.
			const onTree = decisions === 'optimal' || walksTheTree(model, base.flat);
			const r = onTree
				? simulatePolicy(base.flat, base.evaluation, { runs: runs as number, seed: seed as number, decisions })
				: simulate(model, resolveValues(scenario, model.book, checked.overrides), { runs: runs as number, seed: seed as number });
			const states = new Map(scenario.states.map((s) => [s.id, s.label]));
			const mover = scenario.actors.find((a) => a.id === base.flat.tree.perspective)?.name ?? base.flat.tree.perspective;
			const others = someoneChooses(base.flat) ? 'other moves drawn by their probabilities, or by the choices of actors that choose for themselves (which assume the later decisions are optimal)' : 'other moves drawn by their probabilities';
			const how = decisions === 'optimal' ? `${mover} follows the optimal policy; ${others}` : onTree ? `${mover}'s decisions taken at random; ${others}` : 'decisions taken at random among open moves';
			const lines = [`Simulation: ${r.runs} walks, seed ${r.seed}; ${how}.`, `Mean length ${formatNumber(r.meanLength, 2)} moves; ${r.distinctPaths} distinct paths.`, '', 'End states:'];
			for (const e of r.endStates) lines.push(`  ${formatPercent(e.share).padStart(6)}  ${states.get(e.state) ?? e.state}`);
			lines.push('', 'Most frequent paths:');
			for (const p of r.paths) lines.push(`  ${formatPercent(p.share).padStart(6)}  ${p.path}`);
			return out(r, lines.join('\n'), [['end_state', 'share'], ...r.endStates.map((e) => [e.state, e.share])]);
		}
	}
	return fail(2, 'unreachable');
}
