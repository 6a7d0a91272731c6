import type { MathNode } from 'mathjs';
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

const FORBIDDEN: Record<string, string> = {
	AccessorNode: 'Property access (a.b) is not allowed in formulas.',
	ArrayNode: 'Matrices ([…]) are not allowed in formulas.',
	AssignmentNode: 'Assignments (=) are not allowed in formulas; use == to compare.',
	BlockNode: 'A formula is one expression; several statements (; or newline) are not allowed.',
	FunctionAssignmentNode: 'Function definitions are not allowed in formulas.',
	IndexNode: 'Indexing is not allowed in formulas.',
	ObjectNode: 'Objects ({…}) are not allowed in formulas.',
	RangeNode: 'Ranges such as 1:10 are not allowed in formulas.',
	RelationalNode: 'Chained comparisons (a < b < c) are not allowed; join them with "and".'
};

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
	symbols: string[]
): string | undefined {
	let problem: string | undefined;
	root.traverse((node, _path, parent) => {
		if (problem !== undefined) return;
		switch (node.type) {
			case 'ConstantNode': {
				const value = (node as unknown as { value: unknown }).value;
				if (typeof value !== 'number' && typeof value !== 'boolean') {
					problem = 'Only numbers and true/false may appear as constants in a formula.';
				}
				return;
			}
			case 'OperatorNode': {
				const { fn, op } = node as unknown as { fn: string; op: string };
				if (!ALLOWED_OPERATORS.has(fn)) problem = `The operator "${op}" is not allowed in formulas; use + - * / ^ %, comparisons, and, or, not.`;
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
							? 'Only named functions may be called in a formula.'
							: `Function "${name}" is not allowed in formulas; use one of ${[...ALLOWED_FUNCTIONS].join(', ')}.`;
				}
				return;
			}
			case 'SymbolNode': {
				const name = (node as unknown as { name: string }).name;
				const isCallee =
					parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
				if (isCallee) return;
				if (name in Object.prototype) {
					problem = `"${name}" is a reserved name in formulas; rename the assumption or derived value.`;
					return;
				}
				if (ALLOWED_FUNCTIONS.has(name)) {
					problem = `"${name}" is the name of a formula function; rename the assumption, derived value or context value that uses it.`;
					return;
				}
				if (!known.has(name)) {
					problem = `Unknown symbol "${name}": declare it as an assumption or derived value.${didYouMean(name, known)}`;
					return;
				}
				if (!symbols.includes(name)) symbols.push(name);
				return;
			}
			default:
				problem = FORBIDDEN[node.type] ?? `${node.type} is not allowed in formulas.`;
		}
	});
	return problem;
}

/**
 * Compiles a formula under the security rules of DESIGN.md: caps on length
 * and bracket depth before parsing (a deep expression overflows the parser's
 * stack), then an allow-list of node types after it (ranges such as `1:1e8`
 * allocate until the process dies, uncatchably). Pure; never throws on input.
 */
export function compileFormula(source: string, known: ReadonlySet<string>): FormulaResult {
	if (source.trim() === '') return { ok: false, message: 'Formula is empty.' };
	if (source.length > MAX_FORMULA_LENGTH) {
		return {
			ok: false,
			message: `Formula is ${source.length} characters long; the limit is ${MAX_FORMULA_LENGTH}. Split it into derived values.`,
			char: MAX_FORMULA_LENGTH + 1
		};
	}
	const { depth, char } = bracketDepth(source);
	if (depth > MAX_FORMULA_DEPTH) {
		return {
			ok: false,
			message: `Formula nests brackets ${depth} deep; the limit is ${MAX_FORMULA_DEPTH}.`,
			char
		};
	}
	let root: MathNode;
	try {
		root = parseExpression(source);
	} catch (error) {
		const e = error as { message?: string; char?: number };
		const message = (e.message ?? String(error)).replace(/\s*\(char \d+\)$/, '');
		return { ok: false, message: `Formula syntax error: ${message}.`, char: e.char };
	}
	const symbols: string[] = [];
	const problem = findForbidden(root, known, symbols);
	if (problem !== undefined) {
		// Parse nodes carry no positions; point at the named symbol where there is one.
		const name = /^(?:Unknown symbol )?"([^"]+)"/.exec(problem)?.[1];
		const at = name === undefined ? -1 : source.search(new RegExp(`(?<![A-Za-z0-9_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`));
		return at >= 0 ? { ok: false, message: problem, char: at + 1 } : { ok: false, message: problem };
	}

	let code: ReturnType<MathNode['compile']>;
	try {
		code = root.compile();
	} catch (error) {
		return { ok: false, message: `The formula cannot be compiled: ${(error as Error).message}.` };
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
