import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Evaluation } from '../evaluate/evaluate.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import { SPIRAL_OUTPUTS } from '../scenario/formulaBook.js';
import type { Values } from '../scenario/resolveValues.js';
import { KIND_CHANCE, KIND_DECISION, type FlatTree } from '../tree/compileTree.js';
import { PLAY_CHANCE } from '../tree/actorPlay.js';
import { sdCriteriaLayout } from './sdExportCriteria.js';
import { exportFormula, operand, sumOf } from './sdExportFormula.js';
import { sensitivitySettings } from './sdSensitivity.js';
import { SD_EXPORT_VERSION } from './sdTypes.js';
import { formulaIds, oneLine } from './slugs.js';

export interface SdExportInput {
	model: ScenarioModel;
	/** The evaluated tree at the values to export (a `ScenarioRun` or an evaluator's point). */
	run: { values: Values; flat: FlatTree; evaluation: Evaluation };
	/** Export this criterion alone instead of all of them. */
	criterion?: string;
	lang?: Locale;
}

export interface SdExportResult {
	/** The SilverDecisions file, as an object. */
	file: Record<string, unknown>;
	/** The same as JSON text. */
	text: string;
	/** What could not be carried as it is, also written as comments at the top of the file's variable definitions. */
	warnings: string[];
}

/** SilverDecisions' tree designer grid (its defaults): where nodes are placed. */
const GRID = { width: 150, height: 75, margin: 20 };
const FORMAT = { style: 'decimal', minimumFractionDigits: 0, maximumFractionDigits: 3, useGrouping: true };

type SdNodeJson = { type: string; name: string; code: string; location: { x: number; y: number }; folded: boolean; childEdges: SdEdgeJson[] };
type SdEdgeJson = { name: string; probability?: string; payoff: string[]; childNode: SdNodeJson };

/**
 * A scenario's evaluated tree as a SilverDecisions file that SilverDecisions
 * opens (format version `SD_EXPORT_VERSION`, its `data` object with code,
 * scope and trees, as its `App.serialize` writes them). Each node of the
 * unrolled tree is a node, each move an edge; assumptions, derived values
 * and signals become tree-level variable definitions (their values at the
 * export in `expressionScope`, which SilverDecisions shows until it
 * recalculates), and payoffs and probabilities stay formulas over them.
 * What SilverDecisions cannot express is written as numbers at the current
 * values, and said: the machine's context (its values at each node), the
 * choices of actors who play for themselves, the spiral model's outputs;
 * the last move of every chance node is `#` ("the rest"), since
 * SilverDecisions demands probabilities that sum to exactly 1 in fractions.
 * Criteria: `sdCriteriaLayout`. Ranges and distributions travel as its
 * sensitivity-analysis settings (`sensitivitySettings`). Pure.
 */
export function scenarioToSilverDecisions(input: SdExportInput): SdExportResult {
	const { model, run } = input;
	const lang = input.lang ?? 'en';
	const locale = { locale: lang };
	const { scenario, book } = model;
	const { flat, evaluation, values } = run;
	const tree = flat.tree;
	const warnings: string[] = [];
	const warnOnce = (text: string) => {
		if (!warnings.includes(text)) warnings.push(text);
	};

	const ids = formulaIds();
	for (const a of scenario.assumptions) ids.take(a.id);
	for (const d of book.derivedOrder) ids.take(d.id);
	if (scenario.spiral) for (const s of SPIRAL_OUTPUTS) ids.take(s);
	const layout = sdCriteriaLayout(scenario, flat, ids, input.criterion);
	if (input.criterion !== undefined) warnOnce(m.sd_x_criterion_only({ label: scenario.criteria[layout.slots[0]].label }, locale));
	if (layout.mode === 'weighted') warnOnce(m.sd_x_weighted({ count: scenario.criteria.length }, locale));
	if (scenario.risk) warnOnce(m.sd_x_risk({ tolerance: scenario.risk.tolerance }, locale));
	const shaped = Object.keys(scenario.context).length > 0 || scenario.states.some((s) => s.always.length > 0 || s.moves.some((mv) => mv.guard !== undefined));
	if (shaped) warnOnce(m.sd_x_structure({}, locale));

	// The variable definitions: assumptions, the spiral's outputs, derived values and signals, weights.
	const labelOf = new Map<string, string>([...scenario.assumptions.map((a) => [a.id, a.label] as const), ...scenario.derived.map((d) => [d.id, d.label] as const)]);
	const line = (id: string, text: string, label?: string) => `${id} = ${text}${label ? `  # ${oneLine(label, 200)}` : ''}`;
	const code: string[] = [];
	const scope: Record<string, number> = {};
	code.push(...scenario.assumptions.map((a) => line(a.id, String(values[a.id]), a.label)));
	for (const a of scenario.assumptions) scope[a.id] = values[a.id];
	if (scenario.assumptions.some((a) => a.kind === 'boolean' || a.kind === 'choice')) warnOnce(m.sd_x_choices({}, locale));
	if (scenario.spiral) {
		warnOnce(m.sd_x_spiral({}, locale));
		for (const s of SPIRAL_OUTPUTS) {
			code.push(line(s, String(values[s])));
			scope[s] = values[s];
		}
	}
	for (const d of book.derivedOrder) {
		code.push(line(d.id, exportFormula(d.formula.source).text, labelOf.get(d.id)));
		scope[d.id] = values[d.id];
	}
	for (const w of layout.weights) {
		code.push(line(w.name, String(w.value), scenario.criteria[w.criterion].label));
		scope[w.name] = w.value;
	}

	// The tree, from the flat arrays: children of node i are childStart[i] .. + childCount[i].
	const labels = new Map(scenario.states.map((s) => [s.id, s.label]));
	const moveLabels = new Map(scenario.states.flatMap((s) => s.moves.map((mv) => [`${s.id}\u0000${mv.id}`, mv.label] as const)));
	const formulaAt = (source: string, context: Readonly<Record<string, number>> | undefined) => {
		const written = exportFormula(source, context, { noEquals: true });
		if (written.readsContext) warnOnce(m.sd_x_context({}, locale));
		return written.text;
	};
	const rootTerms = tree.nodes[0].payoffs;
	if (rootTerms.length > 0) warnOnce(m.sd_x_root_payoffs({}, locale));
	let leaves = 0;
	const build = (i: number, depth: number): SdNodeJson => {
		const node = tree.nodes[i];
		const kind = flat.kind[i];
		const type = kind === KIND_DECISION ? 'decision' : kind === KIND_CHANCE ? 'chance' : 'terminal';
		const first = flat.childStart[i];
		const count = flat.childCount[i];
		const childEdges: SdEdgeJson[] = [];
		const played = kind === KIND_CHANCE && flat.actor[i] >= 0 && flat.actorPlay[flat.actor[i]] !== PLAY_CHANCE;
		if (played) warnOnce(m.sd_x_played({ actor: scenario.actors.find((x) => x.id === node.actor)?.name ?? String(node.actor) }, locale));
		// A chance node's probabilities that are not numbers here (on a branch never reached): an equal share each.
		const unreached = kind === KIND_CHANCE && Array.from({ length: count }, (_, k) => evaluation.probability[first + k]).some((p) => !Number.isFinite(p));
		for (let k = first; k < first + count; k++) {
			const child = tree.nodes[k];
			// A move's payoff reads the context it leaves; a state's, the context it is entered with (the root's own, at the root).
			const terms = [...(i === 0 ? rootTerms.map((t) => ({ t, at: node })) : []), ...child.payoffs.map((t) => ({ t, at: t.of === 'move' ? node : child }))];
			const perCriterion = (c: number) => terms.filter(({ t }) => flat.criterionIds.indexOf(t.criterion) === c).map(({ t, at }) => formulaAt(t.formula, at.context));
			const payoff =
				layout.mode === 'slots'
					? layout.slots.map((c) => sumOf(perCriterion(c)))
					: [
							sumOf(
								layout.weights.flatMap((w) => {
									const part = perCriterion(w.criterion);
									return part.length === 0 ? [] : [`${w.name} * ${operand(sumOf(part))}`];
								})
							)
						];
			while (payoff.length < 2) payoff.push('0');
			const edge: SdEdgeJson = { name: moveLabels.get(`${node.state}\u0000${child.move}`) ?? child.move ?? '', payoff, childNode: build(k, depth + 1) };
			if (kind === KIND_CHANCE) {
				if (unreached) {
					edge.probability = '#';
					warnOnce(m.sd_x_unreached({ node: labels.get(node.state) ?? node.state }, locale));
				} else if (k === first + count - 1 || (child.probability === undefined && !played)) edge.probability = '#';
				else if (played) edge.probability = String(evaluation.probability[k]);
				else edge.probability = formulaAt(child.probability as string, node.context);
			}
			childEdges.push(edge);
		}
		const y = count === 0 ? leaves++ * GRID.height : (childEdges[0].childNode.location.y + childEdges[count - 1].childNode.location.y) / 2;
		return { type, name: labels.get(node.state) ?? node.state, code: '', location: { x: GRID.margin + depth * GRID.width, y: count === 0 ? GRID.margin + y : y }, folded: false, childEdges };
	};
	const root = build(0, 0);

	const { settings, lostDistributions } = sensitivitySettings(scenario, layout.rule);
	for (const id of lostDistributions) {
		const a = scenario.assumptions.find((x) => x.id === id);
		warnOnce(m.sd_x_lost_distribution({ id, type: a?.distribution?.type ?? '' }, locale));
	}
	warnOnce(m.sd_x_not_carried({}, locale));
	const header = [m.sd_x_code_header({ id: scenario.id }, locale), ...warnings].map((w) => `# ${oneLine(w, 1000)}`);
	const payoffNames = layout.mode === 'weighted' ? [m.sd_x_weighted_score({}, locale), ''] : [...layout.slots.map((c) => scenario.criteria[c].label), ''].slice(0, 2);
	const file = {
		SilverDecisions: SD_EXPORT_VERSION,
		// SilverDecisions' interface has no Japanese; its texts are English here either way.
		lng: 'en',
		viewMode: layout.viewMode,
		rule: layout.rule,
		title: scenario.title,
		description: `${scenario.description}\n\n${m.sd_x_description({ id: scenario.id }, locale)}`,
		format: { locales: 'en', payoff1: FORMAT, payoff2: FORMAT, probability: { style: 'decimal', minimumFractionDigits: 2, maximumFractionDigits: 3, useGrouping: true } },
		data: {
			code: [...header, '', ...code].join('\n'),
			expressionScope: scope,
			trees: [root],
			texts: [],
			payoffNames,
			defaultCriterion1Weight: layout.criterion1Weight,
			weightLowerBound: 0,
			weightUpperBound: 'Infinity'
		},
		sensitivityAnalysis: settings
	};
	return { file, text: `${JSON.stringify(file, null, 2)}\n`, warnings };
}
