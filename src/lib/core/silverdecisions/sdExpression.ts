import type { MathNode } from 'mathjs';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { compileFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from '../formula/compileFormula.js';
import { ALLOWED_FUNCTIONS, ALLOWED_OPERATORS, parseExpression } from '../formula/restrictedMath.js';
import { didYouMean } from '../util/didYouMean.js';
import { drawOf, isDrawFunction, type Draw } from './sdDraws.js';

/**
 * What a name means where a SilverDecisions expression is evaluated: a
 * scenario value (assumption or derived, by its id), an argument of a
 * function being inlined (its text), or a function defined in the code.
 */
export type Binding =
	| { kind: 'value'; id: string }
	| { kind: 'text'; text: string }
	| { kind: 'function'; name: string; params: string[]; body: MathNode; scope: Scope };
export type Scope = ReadonlyMap<string, Binding>;

export interface TranslateContext {
	lang: Locale;
	/** A scenario assumption for one random draw; `hint` suggests its id. Returns the id. */
	draw(draw: Draw, hint: string): string;
}

export type Translation = { ok: true; text: string; ids: ReadonlySet<string> } | { ok: false; message: string };

/** mathjs constants SilverDecisions' expressions may read, written as numbers. */
const CONSTANTS: Record<string, number> = { pi: Math.PI, PI: Math.PI, e: Math.E, E: Math.E, tau: 2 * Math.PI, phi: (1 + Math.sqrt(5)) / 2, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT1_2: Math.SQRT1_2, SQRT2: Math.SQRT2 };

/** mathjs functions a scenario formula can say another way. */
const REWRITES: Record<string, { arity: number; write: (args: string[]) => string }> = {
	pow: { arity: 2, write: ([a, b]) => `((${a}) ^ (${b}))` },
	mod: { arity: 2, write: ([a, b]) => `((${a}) % (${b}))` },
	square: { arity: 1, write: ([a]) => `((${a}) ^ 2)` },
	cube: { arity: 1, write: ([a]) => `((${a}) ^ 3)` },
	log10: { arity: 1, write: ([a]) => `log(${a}, 10)` },
	log2: { arity: 1, write: ([a]) => `log(${a}, 2)` },
	// Comparisons as functions: how Branchpoint's export writes them where SilverDecisions forbids "=".
	largerEq: { arity: 2, write: ([a, b]) => `((${a}) >= (${b}))` },
	smallerEq: { arity: 2, write: ([a, b]) => `((${a}) <= (${b}))` },
	larger: { arity: 2, write: ([a, b]) => `((${a}) > (${b}))` },
	smaller: { arity: 2, write: ([a, b]) => `((${a}) < (${b}))` },
	equal: { arity: 2, write: ([a, b]) => `((${a}) == (${b}))` },
	unequal: { arity: 2, write: ([a, b]) => `((${a}) != (${b}))` }
};

/** How deep user functions may call one another when inlined; past it, a function calls itself. */
const MAX_INLINE = 20;
/** The longest text one inlined call may give (the formula it ends up in is held to MAX_FORMULA_LENGTH anyway). */
const MAX_INLINED = 4 * MAX_FORMULA_LENGTH;

/** Parses SilverDecisions' expression text (mathjs syntax, `#` comments) with Branchpoint's restricted parser. Pure. */
export function parseSd(source: string, lang: Locale = 'en'): { ok: true; node: MathNode } | { ok: false; message: string } {
	let depth = 0;
	for (const c of source) {
		if (c === '(' || c === '[' || c === '{') depth++;
		if (depth > MAX_FORMULA_DEPTH) return { ok: false, message: m.sd_nesting({ limit: MAX_FORMULA_DEPTH }, { locale: lang }) };
		if (c === ')' || c === ']' || c === '}') depth--;
	}
	try {
		return { ok: true, node: parseExpression(source) };
	} catch (error) {
		return { ok: false, message: (error as Error).message };
	}
}

/** The constant value of a translated expression that reads no variable, else undefined. */
export function constantValue(text: string): number | undefined {
	const compiled = compileFormula(text, new Set());
	return compiled.ok && compiled.formula.constant !== undefined ? compiled.formula.constant : undefined;
}

/**
 * Writes a SilverDecisions expression as a Branchpoint formula: each name
 * becomes the id it is bound to in `scope` (so a node-level definition is
 * read exactly where SilverDecisions would read it), functions defined in
 * the code are inlined with their arguments, each random draw becomes an
 * assumption (`ctx.draw`), and mathjs functions outside the formula
 * language are rewritten where they can be (`pow`, `mod`, `log10`, …).
 * Anything else is refused with a message saying what to write. Pure,
 * apart from the draws it asks `ctx` for.
 */
export function translateExpression(root: MathNode, scope: Scope, ctx: TranslateContext, hint: string): Translation {
	const locale = { locale: ctx.lang };
	let problem: string | undefined;
	const ids = new Set<string>();
	const fail = (message: string) => {
		problem ??= message;
		return '0';
	};
	// mathjs prints a call's function name through the handler before the call itself: names called are not read.
	const callees = new WeakSet<MathNode>();
	const translate = (node: MathNode, within: Scope, depth: number): string => {
		node.traverse((n) => {
			if (n.type === 'FunctionNode') callees.add((n as unknown as { fn: MathNode }).fn);
		});
		const handler = (n: MathNode, options: object): string | undefined => {
			const print = (child: MathNode) => child.toString(options);
			switch (n.type) {
				case 'ConstantNode': {
					const value = (n as unknown as { value: unknown }).value;
					if (typeof value === 'number') return Number.isFinite(value) ? String(value) : fail(m.sd_not_finite({}, locale));
					if (typeof value === 'boolean') return String(value);
					return fail(m.sd_constant_unsupported({ text: n.toString() }, locale));
				}
				case 'SymbolNode': {
					const name = (n as unknown as { name: string }).name;
					if (callees.has(n)) return name;
					const bound = within.get(name);
					if (bound?.kind === 'value') {
						ids.add(bound.id);
						return bound.id;
					}
					if (bound?.kind === 'text') return bound.text;
					if (bound?.kind === 'function') return fail(m.sd_function_as_value({ name }, locale));
					if (name in CONSTANTS) return String(CONSTANTS[name]);
					const names = [...within.keys()].filter((k) => within.get(k)?.kind === 'value');
					return fail(m.sd_unknown_variable({ name, hint: didYouMean(name, names, ctx.lang) }, locale));
				}
				case 'OperatorNode': {
					const { fn, op } = n as unknown as { fn: string; op: string };
					return ALLOWED_OPERATORS.has(fn) ? undefined : fail(m.sd_operator_unsupported({ op }, locale));
				}
				case 'ParenthesisNode':
				case 'ConditionalNode':
					return undefined;
				case 'FunctionNode': {
					const call = n as unknown as { fn: MathNode; args: MathNode[] };
					const name = call.fn.type === 'SymbolNode' ? (call.fn as unknown as { name: string }).name : '';
					const bound = within.get(name);
					if (bound?.kind === 'function') {
						if (call.args.length !== bound.params.length) return fail(m.sd_function_arity({ name, count: bound.params.length }, locale));
						if (depth >= MAX_INLINE) return fail(m.sd_function_recursive({ name }, locale));
						const inner = new Map(bound.scope);
						bound.params.forEach((p, i) => inner.set(p, { kind: 'text', text: `(${print(call.args[i])})` }));
						inner.set(bound.name, bound);
						// Calls inside calls multiply the text: past a formula's size, the inlining stops.
						const body = translate(bound.body, inner, depth + 1);
						return body.length > MAX_INLINED ? fail(m.sd_function_too_long({ name, limit: MAX_FORMULA_LENGTH }, locale)) : `(${body})`;
					}
					if (bound !== undefined) return fail(m.sd_not_a_function({ name }, locale));
					if (ALLOWED_FUNCTIONS.has(name)) return `${name}(${call.args.map(print).join(', ')})`;
					const rewrite = REWRITES[name];
					if (rewrite) {
						if (call.args.length !== rewrite.arity) return fail(m.sd_function_arity({ name, count: rewrite.arity }, locale));
						return rewrite.write(call.args.map(print));
					}
					if (isDrawFunction(name)) {
						const args: number[] = [];
						for (const arg of call.args) {
							const value = constantValue(print(arg));
							if (value === undefined) return fail(m.sd_draw_needs_numbers({ name }, locale));
							args.push(value);
						}
						const drawn = drawOf(name, args, ctx.lang);
						if (!drawn.ok) return fail(drawn.message);
						if (drawn.draw.constant !== undefined) return `(${drawn.draw.constant})`;
						const id = ctx.draw(drawn.draw, hint);
						ids.add(id);
						return id;
					}
					return fail(m.sd_function_unsupported({ name: name || n.toString(), allowed: [...ALLOWED_FUNCTIONS, ...Object.keys(REWRITES)].join(', ') }, locale));
				}
				case 'RelationalNode':
					return fail(m.sd_chained_comparison({}, locale));
				default:
					return fail(m.sd_construct_unsupported({ text: n.toString() }, locale));
			}
		};
		return node.toString({ handler, parenthesis: 'keep', implicit: 'show' } as object);
	};
	const text = translate(root, scope, 0);
	return problem === undefined ? { ok: true, text, ids } : { ok: false, message: problem };
}
