import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { MathNode } from 'mathjs';
import type { DocPath } from '../scenario/Issue.js';
import { RESERVED_NAMES } from '../scenario/readYaml.js';
import type { JsonReport } from './jsonReport.js';
import { operand } from './sdExportFormula.js';
import { planCriteria, type ImportedCriterion } from './sdCriteria.js';
import { parseSd, translateExpression, type Scope } from './sdExpression.js';
import type { SdDocument, SdNode, SdNodeType } from './sdTypes.js';
import { countDefinitions, variableBook, type ImportedAssumption, type ImportedDerived } from './sdVariables.js';
import { eventIdFrom, formulaIds, idAllocator, lowerIdFrom, oneLine } from './slugs.js';

export interface ImportedMove {
	id: string;
	label: string;
	target: string;
	probability?: string;
	/** Criterion id → formula. */
	payoffs: Record<string, string>;
	/** `#` comments of its payoff and probability expressions. */
	comments: string[];
	path: DocPath;
}

export interface ImportedState {
	id: string;
	label: string;
	type: SdNodeType;
	final: boolean;
	path: DocPath;
	/** The node's own definitions, as written, for a comment. */
	code?: string;
	moves: ImportedMove[];
}

/** A SilverDecisions tree in the scenario's terms, before it is written as YAML. */
export interface ImportedTree {
	criteria: ImportedCriterion[];
	assumptions: ImportedAssumption[];
	derived: ImportedDerived[];
	/** States in the tree's pre-order; the first is the root. */
	states: ImportedState[];
	/** Ids read, directly or through derived values, by some probability: their numbers are probabilities. */
	probabilityIds: ReadonlySet<string>;
	/** Ids the tree reads at all, directly or through derived values. */
	readIds: ReadonlySet<string>;
	depth: number;
	notes: string[];
}

/**
 * The probability formula of SilverDecisions' `#` moves: what the other
 * moves leave, shared equally among the `#` moves (sd-computations'
 * ExpressionsEvaluator). Pure.
 */
export function restFormula(others: readonly string[], shares: number): string {
	if (others.length === 0) return `1 / ${shares}`;
	const sum = others.length === 1 ? operand(others[0]) : `(${others.map(operand).join(' + ')})`;
	return shares === 1 ? `1 - ${sum}` : `(1 - ${sum}) / ${shares}`;
}

/**
 * Turns a checked SilverDecisions tree into scenario parts: a state per
 * node (ids from names, slugged and unique; an unnamed node is labelled by
 * the moves that lead to it), a move per edge, the criteria
 * (`planCriteria`), and the variables (`variableBook`), every payoff and
 * probability written as a formula over them. Problems go to `report` at
 * their JSON paths. Pure.
 */
export function importTree(doc: SdDocument, options: { report: JsonReport; lang: Locale }): ImportedTree {
	const { report, lang } = options;
	const locale = { locale: lang };
	const root = doc.trees[0];
	const notes: string[] = [];

	// States first: a node's definitions are named after its state.
	const stateIds = idAllocator(RESERVED_NAMES);
	const info = new Map<SdNode, { id: string; label: string; moves: string[] }>();
	const kindWord = (type: SdNodeType) => (type === 'decision' ? 'decision' : type === 'chance' ? 'chance' : 'end');
	const name = (node: SdNode, trail: string[]) => {
		const own = oneLine(node.name, 200);
		const label = own || (trail.length === 0 ? m.sd_label_root({}, locale) : oneLine(trail.join(' → '), 200));
		const id = stateIds.take(own ? lowerIdFrom(own, kindWord(node.type)) : `${kindWord(node.type)}${trail.length ? `_${lowerIdFrom(trail[trail.length - 1], String(info.size + 1))}` : ''}`);
		const events = idAllocator(RESERVED_NAMES);
		const moves = node.edges.map((e, i) => events.take(eventIdFrom(e.name, `MOVE_${i + 1}`)));
		info.set(node, { id, label, moves });
		node.edges.forEach((e, i) => name(e.child, [...trail, oneLine(e.name, 60) || m.sd_move_name({ n: i + 1 }, locale)]));
	};
	name(root, []);

	const nodeCodes: string[] = [];
	const collect = (node: SdNode) => {
		if (node.code.trim() !== '') nodeCodes.push(node.code);
		node.edges.forEach((e) => collect(e.child));
	};
	collect(root);
	const counts = countDefinitions([doc.code, ...nodeCodes]);
	const nodeNames = new Set(countDefinitions(nodeCodes).keys());
	const book = variableBook({ ids: formulaIds(), counts, report, lang });
	const treeScope = book.define(doc.code, new Map(), { path: doc.codePath });
	const plan = planCriteria(doc, root, [...book.assumptions], nodeNames, lang);
	notes.push(...plan.notes);

	const states: ImportedState[] = [];
	const probabilityReads = new Set<string>();
	const treeReads = new Set<string>();
	let depth = 0;
	const visit = (node: SdNode, inherited: Scope, level: number) => {
		depth = Math.max(depth, level);
		const { id, label, moves } = info.get(node) as { id: string; label: string; moves: string[] };
		const scope = book.define(node.code, inherited, { path: [...node.path, 'code'], node: { label, state: id } });
		const state: ImportedState = { id, label, type: node.type, final: node.edges.length === 0, path: node.path, code: node.code.trim() || undefined, moves: [] };
		states.push(state);
		if (node.type !== 'terminal' && node.edges.length === 0) report.warning(node.path, m.sd_leaf_not_terminal({ type: node.type }, locale));
		const written: (string | undefined)[] = [];
		node.edges.forEach((edge, i) => {
			const hint = `${id}_${moves[i]}`.toLowerCase();
			const payoffs: Record<string, string> = {};
			const comments: string[] = [];
			const noteComment = (node: MathNode) => {
				const text = (node as unknown as { comment?: string }).comment?.replace(/^#\s*/, '').trim();
				if (text) comments.push(oneLine(text, 200));
			};
			for (const part of plan.parts(edge)) {
				let ast = part.node;
				if (!ast) {
					const parsed = parseSd(part.text, lang);
					if (!parsed.ok) {
						report.error(part.path, m.sd_expression_syntax({ message: parsed.message }, locale));
						continue;
					}
					ast = parsed.node;
				}
				noteComment(ast);
				const t = translateExpression(ast, scope, book.context(part.path, label), hint);
				if (!t.ok) report.error(part.path, t.message);
				else if (t.text !== '0') {
					payoffs[plan.criteria[part.criterion].id] = t.text;
					for (const read of t.ids) treeReads.add(read);
				}
			}
			let probability: string | undefined;
			if (node.type === 'chance' && edge.probability !== undefined && edge.probability.trim() !== '#') {
				const at = [...edge.path, 'probability'];
				const parsed = parseSd(edge.probability, lang);
				if (!parsed.ok) report.error(at, m.sd_expression_syntax({ message: parsed.message }, locale));
				else {
					noteComment(parsed.node);
					const t = translateExpression(parsed.node, scope, book.context(at, label), `${hint}_p`);
					if (!t.ok) report.error(at, t.message);
					else {
						probability = t.text;
						for (const read of t.ids) probabilityReads.add(read);
					}
				}
			}
			written.push(probability);
			state.moves.push({ id: moves[i], label: oneLine(edge.name, 200) || m.sd_move_name({ n: i + 1 }, locale), target: (info.get(edge.child) as { id: string }).id, probability, payoffs, comments, path: edge.path });
		});
		if (node.type === 'chance') {
			const shares = node.edges.filter((e) => e.probability?.trim() === '#').length;
			if (shares > 0) {
				const rest = restFormula(written.filter((p): p is string => p !== undefined), shares);
				state.moves.forEach((move, i) => {
					if (node.edges[i].probability?.trim() === '#') move.probability = rest;
				});
			}
		}
		node.edges.forEach((edge) => visit(edge.child, scope, level + 1));
	};
	visit(root, treeScope, 1);

	// What probabilities read, through derived values too: those numbers are probabilities.
	const derivedReads = new Map(book.derived.map((d) => [d.id, d.reads]));
	const closure = (start: Iterable<string>) => {
		const reached = new Set<string>();
		const mark = (id: string) => {
			if (reached.has(id)) return;
			reached.add(id);
			for (const read of derivedReads.get(id) ?? []) mark(read);
		};
		for (const id of start) mark(id);
		return reached;
	};
	const probabilityIds = closure(probabilityReads);
	return {
		criteria: plan.criteria,
		assumptions: book.assumptions.filter((a) => !plan.consumed.has(a.id)),
		derived: book.derived,
		states,
		probabilityIds,
		readIds: closure([...probabilityReads, ...treeReads]),
		depth,
		notes
	};
}
