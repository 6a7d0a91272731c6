import type { MathNode } from 'mathjs';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { didYouMean } from '../util/didYouMean.js';
import { ALLOWED_FUNCTIONS, ALLOWED_OPERATORS, parseExpression } from './restrictedMath.js';

export const MAX_FORMULA_LENGTH = 500;
export const MAX_FORMULA_DEPTH = 40;

/** A formula compiled once; `evaluate` reads values by symbol name. */
export interface CompiledFormula {
	readonly source: string;
	/** Assumption and derived ids the formula reads, in first-use order. */
	readonly symbols: readonly string[];
	/** A constant formula's value, so hot paths can skip evaluation. */
	readonly constant: number | undefined;
	evaluate(scope: Readonly<Record<string, number>>): number;
}

export type FormulaResult =
	| { ok: true; formula: CompiledFormula }
	/** `char` is the 1-based character position of the problem, when known. */
	| { ok: false; message: string; char?: number };

type Locally = { locale: Locale };

/** Why each kind of parse node a formula may not use is refused. */
const FORBIDDEN: Record<string, (inputs: object, options: Locally) => string> = {
	AccessorNode: m.val_formula_no_access,
	ArrayNode: m.val_formula_no_matrix,
	AssignmentNode: m.val_formula_no_assignment,
	BlockNode: m.val_formula_no_block,
	FunctionAssignmentNode: m.val_formula_no_function_definition,
	IndexNode: m.val_formula_no_index,
	ObjectNode: m.val_formula_no_object,
	RangeNode: m.val_formula_no_range,
	RelationalNode: m.val_formula_no_chain
};

/** What a formula may not use, and the name it is about, to point at. */
interface Forbidden {
	message: string;
	name?: string;
}

function bracketDepth(source: string): { depth: number; char: number } {
	let depth = 0;
	let deepest = 0;
	let char = 0;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '(' || c === '[' || c === '{') {
			depth++;
			if (depth > deepest) {
				deepest = depth;
				char = i + 1;
			}
		} else if (c === ')' || c === ']' || c === '}') depth--;
	}
	return { depth: deepest, char };
}

/** Walks the parse tree and returns the first construct a formula may not use. */
function findForbidden(
	root: MathNode,
	known: ReadonlySet<string>,
	symbols: string[],
	locale: Locally
): Forbidden | undefined {
	let problem: Forbidden | undefined;
	root.traverse((node, _path, parent) => {
		if (problem !== undefined) return;
		switch (node.type) {
			case 'ConstantNode': {
				const value = (node as unknown as { value: unknown }).value;
				if (typeof value !== 'number' && typeof value !== 'boolean') {
					problem = { message: m.val_formula_constants({}, locale) };
				}
				return;
			}
			case 'OperatorNode': {
				const { fn, op } = node as unknown as { fn: string; op: string };
				if (!ALLOWED_OPERATORS.has(fn)) problem = { message: m.val_formula_operator({ op }, locale) };
				return;
			}
			case 'ParenthesisNode':
			case 'ConditionalNode':
				return;
			case 'FunctionNode': {
				const fn = (node as unknown as { fn: MathNode }).fn;
				const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
				if (!ALLOWED_FUNCTIONS.has(name)) {
					problem =
						name === ''
							? { message: m.val_formula_named_functions({}, locale) }
							: { message: m.val_formula_function({ name, functions: [...ALLOWED_FUNCTIONS].join(', ') }, locale) };
				}
				return;
			}
			case 'SymbolNode': {
				const name = (node as unknown as { name: string }).name;
				const isCallee =
					parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
				if (isCallee) return;
				if (name in Object.prototype) {
					problem = { message: m.val_formula_reserved({ name }, locale), name };
					return;
				}
				if (ALLOWED_FUNCTIONS.has(name)) {
					problem = { message: m.val_formula_function_name({ name }, locale), name };
					return;
				}
				if (!known.has(name)) {
					problem = { message: m.val_formula_unknown_symbol({ name, hint: didYouMean(name, known, locale.locale) }, locale), name };
					return;
				}
				if (!symbols.includes(name)) symbols.push(name);
				return;
			}
			default:
				problem = { message: FORBIDDEN[node.type]?.({}, locale) ?? m.val_formula_no_node({ type: node.type }, locale) };
		}
	});
	return problem;
}

/**
 * Compiles a formula under the security rules of DESIGN.md: caps on length
 * and bracket depth before parsing (a deep expression overflows the parser's
 * stack), then an allow-list of node types after it (ranges such as `1:1e8`
 * allocate until the process dies, uncatchably). Pure; never throws on input;
 * what is wrong is told in `lang`.
 */
export function compileFormula(source: string, known: ReadonlySet<string>, lang: Locale = 'en'): FormulaResult {
	const locale = { locale: lang };
	if (source.trim() === '') return { ok: false, message: m.val_formula_empty({}, locale) };
	if (source.length > MAX_FORMULA_LENGTH) {
		return {
			ok: false,
			message: m.val_formula_too_long({ length: source.length, limit: MAX_FORMULA_LENGTH }, locale),
			char: MAX_FORMULA_LENGTH + 1
		};
	}
	const { depth, char } = bracketDepth(source);
	if (depth > MAX_FORMULA_DEPTH) {
		return { ok: false, message: m.val_formula_too_deep({ depth, limit: MAX_FORMULA_DEPTH }, locale), char };
	}
	let root: MathNode;
	try {
		root = parseExpression(source);
	} catch (error) {
		const e = error as { message?: string; char?: number };
		const message = (e.message ?? String(error)).replace(/\s*\(char \d+\)$/, '');
		// mathjs words its syntax errors in English only.
		return { ok: false, message: m.val_formula_syntax({ problem: message }, locale), char: e.char };
	}
	const symbols: string[] = [];
	const problem = findForbidden(root, known, symbols, locale);
	if (problem !== undefined) {
		// Parse nodes carry no positions; point at the named symbol where there is one.
		const { name, message } = problem;
		const at = name === undefined ? -1 : source.search(new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`));
		return at >= 0 ? { ok: false, message, char: at + 1 } : { ok: false, message };
	}

	let code: ReturnType<MathNode['compile']>;
	try {
		code = root.compile();
	} catch (error) {
		return { ok: false, message: m.val_formula_cannot_compile({ problem: (error as Error).message }, locale) };
	}
	// mathjs gets its own scope of just the symbols the formula reads: not the caller's object,
	// and not a copy of every value (that copy, per formula and evaluation, was most of the cost).
	const evaluateNode = (scope: Readonly<Record<string, number>>): number => {
		let value: unknown;
		const own: Record<string, number> = {};
		for (let i = 0; i < symbols.length; i++) {
			const v = scope[symbols[i]];
			if (v !== undefined) own[symbols[i]] = v;
		}
		try {
			value = code.evaluate(own);
		} catch {
			return NaN;
		}
		return typeof value === 'boolean' ? Number(value) : typeof value === 'number' ? value : NaN;
	};
	const constant = symbols.length === 0 ? evaluateNode({}) : undefined;
	const formula: CompiledFormula = {
		source,
		symbols,
		constant,
		evaluate: constant === undefined ? evaluateNode : () => constant
	};
	return { ok: true, formula };
}
