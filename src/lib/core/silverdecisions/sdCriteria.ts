import type { MathNode } from 'mathjs';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath } from '../scenario/Issue.js';
import { parseSd } from './sdExpression.js';
import type { SdDocument, SdEdge, SdNode } from './sdTypes.js';
import type { ImportedAssumption } from './sdVariables.js';
import { idAllocator, lowerIdFrom, oneLine } from './slugs.js';

/** The prefix of the tree-level variables in which Branchpoint's SilverDecisions export writes each criterion's signed weight. */
export const WEIGHT_PREFIX = 'weight_';

export interface ImportedCriterion {
	id: string;
	label: string;
	direction: 'max' | 'min';
	weight: number;
}

/** One criterion's part of an edge's payoff: an expression (parsed) and where it is written. */
export interface PayoffPart {
	criterion: number;
	node?: MathNode;
	text: string;
	path: DocPath;
}

export interface CriteriaPlan {
	criteria: ImportedCriterion[];
	/** Tree-level assumptions read as criteria weights, not carried as assumptions. */
	consumed: ReadonlySet<string>;
	/** Each criterion's payoff expression on an edge. */
	parts(edge: SdEdge): PayoffPart[];
	/** Why the scenario's criteria differ from SilverDecisions' view, for the YAML and the warnings. */
	notes: string[];
}

/** `expected-value-maximization` and the robust rules: the direction they optimise one criterion in. */
const SINGLE: Record<string, { direction: 'max' | 'min'; robust: boolean }> = {
	'expected-value-maximization': { direction: 'max', robust: false },
	'expected-value-minimization': { direction: 'min', robust: false },
	'maxi-min': { direction: 'max', robust: true },
	'maxi-max': { direction: 'max', robust: true },
	'mini-min': { direction: 'min', robust: true },
	'mini-max': { direction: 'min', robust: true }
};
/** The two-criteria rules' directions, from their `payoffCoeffs` (sd-computations' MultiCriteriaRule). */
const DOUBLE: Record<string, ['max' | 'min', 'max' | 'min']> = {
	'max-min': ['max', 'min'],
	'min-max': ['min', 'max'],
	'max-max': ['max', 'max'],
	'min-min': ['min', 'min']
};

const isZero = (text: string | undefined) => text === undefined || /^\s*[-+]?0*(\.0*)?\s*$/.test(text.replace(/#.*$/, ''));

function* edgesOf(node: SdNode): Generator<SdEdge> {
	for (const e of node.edges) {
		yield e;
		yield* edgesOf(e.child);
	}
}

/** `weight_a * (x) + weight_b * (y)`: the term each weight variable multiplies, or undefined when the payoff is not of that form. */
function weightedTerms(node: MathNode, weights: ReadonlySet<string>, into: Map<string, MathNode>): boolean {
	const n = node as unknown as { type: string; fn?: string; args?: MathNode[]; content?: MathNode; value?: unknown; name?: string };
	if (n.type === 'ParenthesisNode') return weightedTerms(n.content as MathNode, weights, into);
	if (n.type === 'ConstantNode') return n.value === 0;
	if (n.type === 'OperatorNode' && n.fn === 'add' && n.args?.length === 2) return weightedTerms(n.args[0], weights, into) && weightedTerms(n.args[1], weights, into);
	if (n.type === 'OperatorNode' && n.fn === 'multiply' && n.args?.length === 2) {
		const [w, term] = n.args as [MathNode, MathNode];
		const name = w.type === 'SymbolNode' ? (w as unknown as { name: string }).name : undefined;
		if (name === undefined || !weights.has(name) || into.has(name)) return false;
		const inner = term as unknown as { type: string; content?: MathNode };
		into.set(name, inner.type === 'ParenthesisNode' ? (inner.content as MathNode) : term);
		return true;
	}
	return false;
}

/**
 * The scenario's criteria from SilverDecisions' objective rule, view mode,
 * payoff names and criterion-1 weight. SilverDecisions has at most two
 * criteria (the two payoff slots of every edge): a single-criterion rule
 * optimises the slot its view shows; a two-criteria rule optimises
 * `c₁·w·payoff₁ + c₂·payoff₂` (c = ±1 by the rule's name, w the
 * criterion-1 weight), which is the scenario's weighted score with weights
 * w and 1. The robust rules (maxi-min, …) have no counterpart: the scenario
 * takes expected values in their direction, and says so. A file written by
 * Branchpoint's export is read back exactly: its tree-level `weight_<id>`
 * variables give each criterion's id and weight, and a payoff written as
 * `weight_a * (…) + weight_b * (…)` (how more than two criteria travel as
 * one weighted score) is split back into its criteria. Pure.
 */
export function planCriteria(doc: SdDocument, root: SdNode, treeAssumptions: readonly ImportedAssumption[], nodeNames: ReadonlySet<string>, lang: Locale): CriteriaPlan {
	const locale = { locale: lang };
	const notes: string[] = [];
	const edges = [...edgesOf(root)];
	// Weight variables: numbers defined at the tree level, never redefined in a node.
	const weightVars = treeAssumptions.filter((a) => a.name.startsWith(WEIGHT_PREFIX) && a.name.length > WEIGHT_PREFIX.length && typeof a.value === 'number' && !a.draw && !nodeNames.has(a.name));
	const byName = new Map(weightVars.map((a) => [a.name, a]));
	const ids = idAllocator();
	const criterionOf = (a: ImportedAssumption, label?: string): ImportedCriterion => ({
		id: ids.take(lowerIdFrom(a.name.slice(WEIGHT_PREFIX.length), 'criterion')),
		label: label || a.comment || a.name.slice(WEIGHT_PREFIX.length),
		direction: (a.value as number) < 0 ? 'min' : 'max',
		weight: Math.abs(a.value as number)
	});
	const nameOf = (slot: number, fallback: string) => oneLine(doc.payoffNames[slot] ?? '', 200) || fallback;
	const slotParts = (slots: number[]) => (edge: SdEdge): PayoffPart[] =>
		slots.map((slot, criterion) => ({ criterion, text: edge.payoff[slot] ?? '0', path: edge.payoffPaths[slot] ?? [...edge.path, 'payoff'] }));

	const single = SINGLE[doc.rule];
	if (single) {
		const slot = doc.viewMode === 'criterion2' ? 1 : 0;
		const other = 1 - slot;
		// Branchpoint's weighted score: every payoff a sum of weight_x * (…) terms, the other slot empty.
		if (!single.robust && single.direction === 'max' && slot === 0 && weightVars.length > 0 && edges.every((e) => isZero(e.payoff[1]))) {
			const names = new Set(byName.keys());
			const split = new Map<SdEdge, Map<string, MathNode>>();
			let used = false;
			const ok = edges.every((e) => {
				const parsed = parseSd(e.payoff[0] ?? '0');
				const terms = new Map<string, MathNode>();
				if (!parsed.ok || !weightedTerms(parsed.node, names, terms)) return false;
				if (terms.size > 0) used = true;
				split.set(e, terms);
				return true;
			});
			// A tree with no payoff at all carries its criteria in the weight variables alone.
			if (ok && (used || edges.every((e) => isZero(e.payoff[0])))) {
				const criteria = weightVars.map((a) => criterionOf(a));
				const index = new Map(weightVars.map((a, i) => [a.name, i]));
				notes.push(m.sd_note_weighted_split({ count: criteria.length }, locale));
				return {
					criteria,
					consumed: new Set(weightVars.map((a) => a.id)),
					notes,
					parts: (edge) => [...(split.get(edge) ?? new Map<string, MathNode>())].map(([name, node]) => ({ criterion: index.get(name) as number, node, text: node.toString(), path: edge.payoffPaths[0] ?? [...edge.path, 'payoff'] }))
				};
			}
		}
		if (single.robust) notes.push(m.sd_note_robust_rule({ rule: doc.rule, direction: single.direction }, locale));
		const hasOther = edges.some((e) => !isZero(e.payoff[other]));
		const matching = weightVars.length === 1 && Math.sign(weightVars[0].value as number) === (single.direction === 'max' ? 1 : -1) ? weightVars[0] : undefined;
		const main: ImportedCriterion = matching
			? criterionOf(matching, nameOf(slot, ''))
			: { id: ids.take(lowerIdFrom(doc.payoffNames[slot] ?? '', 'payoff')), label: nameOf(slot, hasOther ? m.sd_payoff_name({ n: slot + 1 }, locale) : m.sd_payoff_single({}, locale)), direction: single.direction, weight: 1 };
		const criteria = [main];
		const slots = [slot];
		if (hasOther) {
			// The slot the view does not show still has payoffs: carried, with no weight, so nothing is dropped.
			criteria.push({ id: ids.take(lowerIdFrom(doc.payoffNames[other] ?? '', `payoff_${other + 1}`)), label: nameOf(other, m.sd_payoff_name({ n: other + 1 }, locale)), direction: other === 0 ? 'max' : 'min', weight: 0 });
			slots.push(other);
			notes.push(m.sd_note_other_criterion({ name: criteria[1].label }, locale));
		}
		return { criteria, consumed: new Set(matching ? [matching.id] : []), notes, parts: slotParts(slots) };
	}

	const directions = DOUBLE[doc.rule];
	const w = doc.criterion1Weight;
	const signs = directions.map((d) => (d === 'max' ? 1 : -1));
	const [a, b] = weightVars;
	const matching =
		weightVars.length === 2 &&
		Math.sign(a.value as number) === signs[0] &&
		Math.sign(b.value as number) === signs[1] &&
		Math.abs(Math.abs(a.value as number) / Math.abs(b.value as number) - w) <= 1e-9 * Math.max(1, w);
	const criteria: ImportedCriterion[] = matching
		? [criterionOf(a, nameOf(0, '')), criterionOf(b, nameOf(1, ''))]
		: [0, 1].map((slot) => ({ id: ids.take(lowerIdFrom(doc.payoffNames[slot] ?? '', `payoff_${slot + 1}`)), label: nameOf(slot, m.sd_payoff_name({ n: slot + 1 }, locale)), direction: directions[slot], weight: slot === 0 ? w : 1 }));
	return { criteria, consumed: new Set(matching ? [a.id, b.id] : []), notes, parts: slotParts([0, 1]) };
}
