import type { MathNode } from 'mathjs';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath } from '../scenario/Issue.js';
import type { JsonReport } from './jsonReport.js';
import { constantValue, parseSd, translateExpression, type Binding, type Scope, type TranslateContext } from './sdExpression.js';
import { drawOf, isDrawFunction, type Draw } from './sdDraws.js';
import { formulaIdFrom, oneLine, type IdAllocator } from './slugs.js';
import { SD_LIMITS } from './sdTypes.js';

/** A number the imported scenario lets the analyst move: a constant or a random draw of the SilverDecisions file. */
export interface ImportedAssumption {
	id: string;
	/** The SilverDecisions name ("" for a draw inside an expression). */
	name: string;
	label: string;
	value: number | boolean;
	draw?: Draw;
	/** The statement as written, and its `#` comment. */
	source: string;
	comment?: string;
	path: DocPath;
}

/** A value computed from others: a definition that reads variables. */
export interface ImportedDerived {
	id: string;
	name: string;
	label: string;
	formula: string;
	/** Ids it reads. */
	reads: ReadonlySet<string>;
	source: string;
	comment?: string;
	path: DocPath;
}

/** Where a block of definitions sits: the tree level, or a node (its label and state id). */
export interface CodeSite {
	path: DocPath;
	node?: { label: string; state: string };
}

/** The `# …` comment of a statement, as text. */
function commentOf(node: MathNode): string | undefined {
	const raw = (node as unknown as { comment?: string }).comment;
	const text = raw?.replace(/^#\s*/, '').trim();
	return text ? oneLine(text, SD_LIMITS.name) : undefined;
}

/** The statements of a code block: one node, or a block's nodes. */
function statements(node: MathNode): MathNode[] {
	return node.type === 'BlockNode' ? (node as unknown as { blocks: { node: MathNode }[] }).blocks.map((b) => b.node) : [node];
}

/** How many times each name is defined, over all the code blocks of a file: a name defined once keeps it as its id. */
export function countDefinitions(codes: readonly string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const code of codes) {
		if (code.trim() === '') continue;
		const parsed = parseSd(code);
		if (!parsed.ok) continue;
		for (const s of statements(parsed.node)) {
			const name = s.type === 'AssignmentNode' ? (s as unknown as { object: MathNode }).object : undefined;
			if (name?.type === 'SymbolNode') {
				const n = (name as unknown as { name: string }).name;
				counts.set(n, (counts.get(n) ?? 0) + 1);
			}
		}
	}
	return counts;
}

export interface VariableBook {
	readonly assumptions: ImportedAssumption[];
	readonly derived: ImportedDerived[];
	/** Reads one block of definitions in `scope`; returns the scope its subtree sees. */
	define(code: string, scope: Scope, site: CodeSite): Scope;
	/** The context expressions are translated in: draws inside them become assumptions. */
	context(path: DocPath, where: string): TranslateContext;
}

/**
 * Carries SilverDecisions' variables into a scenario. SilverDecisions
 * evaluates the tree-level code once, then gives every node a copy of its
 * parent's scope and runs the node's own code in it; a move's payoff and
 * probability are read in the scope of the node the move leaves. So a
 * node-level definition holds for that node's moves and its whole subtree,
 * and shadows a definition of the same name above it there only. The
 * scenario has one namespace, so each definition becomes its own value —
 * an assumption when it is a number or a random draw, a derived value when
 * it reads others — and every expression is written with the ids its names
 * are bound to at its node (`translateExpression`): the same numbers where
 * SilverDecisions reads them, and no definition leaks outside its subtree.
 * A name defined once in the file keeps it as its id; a tree-level name
 * also defined in nodes keeps it for the tree-level value, and the node's
 * value is `<name>_<state>`.
 */
export function variableBook(options: { ids: IdAllocator; counts: ReadonlyMap<string, number>; report: JsonReport; lang: Locale }): VariableBook {
	const { ids, counts, report, lang } = options;
	const locale = { locale: lang };
	const assumptions: ImportedAssumption[] = [];
	const derived: ImportedDerived[] = [];
	const drawAssumption = (draw: Draw, id: string, name: string, label: string, path: DocPath, source: string, comment?: string) => {
		assumptions.push({ id, name, label, value: draw.mean, draw, source, comment, path });
		return id;
	};
	const context = (path: DocPath, where: string): TranslateContext => ({
		lang,
		draw: (draw, hint) => drawAssumption(draw, ids.take(`${hint}_draw`), '', m.sd_label_draw({ call: draw.call, where }, locale), path, draw.call)
	});

	const define = (code: string, scope: Scope, site: CodeSite): Scope => {
		if (code.trim() === '') return scope;
		const parsed = parseSd(code, lang);
		if (!parsed.ok) {
			report.error(site.path, m.sd_code_syntax({ message: parsed.message }, locale));
			return scope;
		}
		const own = new Map<string, Binding>(scope);
		const list = statements(parsed.node);
		const lastAt = new Map<string, number>();
		list.forEach((s, i) => {
			const object = s.type === 'AssignmentNode' ? (s as unknown as { object: MathNode }).object : undefined;
			if (object?.type === 'SymbolNode') lastAt.set((object as unknown as { name: string }).name, i);
		});
		const where = site.node ? site.node.label : m.sd_tree_level({}, locale);
		list.forEach((s, i) => {
			const source = oneLine(s.toString(), 200);
			const comment = commentOf(s);
			if (s.type === 'FunctionAssignmentNode') {
				const f = s as unknown as { name: string; params: string[]; expr: MathNode };
				own.set(f.name, { kind: 'function', name: f.name, params: f.params, body: f.expr, scope: new Map(own) });
				return;
			}
			if (s.type !== 'AssignmentNode') {
				if (s.type !== 'ConstantNode' || (s as unknown as { value: unknown }).value !== undefined) report.warning(site.path, m.sd_statement_ignored({ statement: source }, locale));
				return;
			}
			const { object, value } = s as unknown as { object: MathNode; value: MathNode };
			if (object.type !== 'SymbolNode') {
				report.error(site.path, m.sd_assignment_unsupported({ statement: source }, locale));
				return;
			}
			const name = (object as unknown as { name: string }).name;
			const base = formulaIdFrom(name, 'value');
			// The id: the name itself where it is defined once, or for the last tree-level definition of it.
			const plain = (counts.get(name) ?? 0) <= 1 || (!site.node && lastAt.get(name) === i);
			const id = ids.take(plain ? base : site.node ? `${base}_${site.node.state}` : `${base}_${i + 1}`);
			const label = comment ?? (site.node ? m.sd_label_at_node({ name, node: site.node.label }, locale) : name);
			const fail = (message: string) => report.error(site.path, m.sd_in_definition({ name, message }, locale));
			const call = value.type === 'FunctionNode' ? (value as unknown as { fn: MathNode; args: MathNode[] }) : undefined;
			const callee = call?.fn.type === 'SymbolNode' ? (call.fn as unknown as { name: string }).name : '';
			if (call && isDrawFunction(callee) && !own.has(callee)) {
				// `name = random(a, b)`: the variable is the draw.
				const args: number[] = [];
				for (const arg of call.args) {
					const t = translateExpression(arg, own, context(site.path, where), id);
					const v = t.ok ? constantValue(t.text) : undefined;
					if (v === undefined) return fail(t.ok ? m.sd_draw_needs_numbers({ name: callee }, locale) : t.message);
					args.push(v);
				}
				const drawn = drawOf(callee, args, lang);
				if (!drawn.ok) return fail(drawn.message);
				if (drawn.draw.constant !== undefined) assumptions.push({ id, name, label, value: drawn.draw.constant, source, comment, path: site.path });
				else drawAssumption(drawn.draw, id, name, label, site.path, source, comment);
				own.set(name, { kind: 'value', id });
				return;
			}
			const translated = translateExpression(value, own, context(site.path, where), id);
			if (!translated.ok) return fail(translated.message);
			const constant = translated.ids.size === 0 ? constantValue(translated.text) : undefined;
			const isBoolean = value.type === 'ConstantNode' && typeof (value as unknown as { value: unknown }).value === 'boolean';
			if (isBoolean) assumptions.push({ id, name, label, value: (value as unknown as { value: boolean }).value, source, comment, path: site.path });
			else if (constant !== undefined) assumptions.push({ id, name, label, value: constant, source, comment, path: site.path });
			else derived.push({ id, name, label, formula: translated.text, reads: translated.ids, source, comment, path: site.path });
			own.set(name, { kind: 'value', id });
		});
		return own;
	};
	return { assumptions, derived, define, context };
}

/** A distribution SilverDecisions' probabilistic sensitivity analysis saved for a variable, when a scenario can take it. */
export function savedDistribution(formula: string, lang: Locale): Draw | undefined {
	const parsed = parseSd(formula);
	if (!parsed.ok || parsed.node.type !== 'FunctionNode') return undefined;
	const call = parsed.node as unknown as { fn: MathNode; args: MathNode[] };
	const name = call.fn.type === 'SymbolNode' ? (call.fn as unknown as { name: string }).name : '';
	const args = call.args.map((a) => constantValue(a.toString()));
	if (args.some((a) => a === undefined)) return undefined;
	const drawn = drawOf(name, args as number[], lang);
	return drawn.ok && drawn.draw.constant === undefined ? drawn.draw : undefined;
}
