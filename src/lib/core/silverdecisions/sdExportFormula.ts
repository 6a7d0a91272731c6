import type { MathNode } from 'mathjs';
import { parseExpression } from '../formula/restrictedMath.js';

/**
 * Comparisons written as mathjs functions: SilverDecisions takes any payoff
 * or probability with an "=" in it for an assignment and skips it
 * (sd-expression-engine's `hasAssignmentExpression`), so `>=`, `<=`, `==`
 * and `!=` cannot appear there.
 */
const EQUALS_OPERATORS = new Set(['largerEq', 'smallerEq', 'equal', 'unequal']);

/** Operators whose result is true or false: SilverDecisions reads a payoff or probability as a number (a fraction) and cannot take those. */
const BOOLEAN_OPERATORS = new Set(['equal', 'unequal', 'smaller', 'smallerEq', 'larger', 'largerEq', 'and', 'or', 'not']);

function isBooleanValued(node: MathNode): boolean {
	const n = node as unknown as { type: string; fn?: string; value?: unknown; content?: MathNode };
	if (n.type === 'ParenthesisNode') return isBooleanValued(n.content as MathNode);
	if (n.type === 'ConstantNode') return typeof n.value === 'boolean';
	return n.type === 'OperatorNode' && BOOLEAN_OPERATORS.has(n.fn as string);
}

/**
 * A scenario formula as SilverDecisions' expression language writes it.
 * Both are mathjs, and the formula language is a subset of what
 * SilverDecisions evaluates (mathjs 5 with all its functions), so the text
 * carries over; two things are rewritten: values of the machine's context,
 * which SilverDecisions has no notion of, become the numbers they have at
 * the node (`context`), and a formula that gives true or false gives 1 or 0.
 * With `noEquals` (a payoff or probability), comparisons become calls such
 * as `largerEq(a, b)`: see EQUALS_OPERATORS.
 * Returns the text and whether the context was read. Pure.
 */
export function exportFormula(source: string, context?: Readonly<Record<string, number>>, options: { noEquals?: boolean } = {}): { text: string; readsContext: boolean } {
	const root = parseExpression(source);
	let readsContext = false;
	const callees = new WeakSet<MathNode>();
	root.traverse((n) => {
		if (n.type === 'FunctionNode') callees.add((n as unknown as { fn: MathNode }).fn);
	});
	const handler = (n: MathNode, printing: object): string | undefined => {
		if (options.noEquals && n.type === 'OperatorNode') {
			const { fn, args } = n as unknown as { fn: string; args: MathNode[] };
			if (EQUALS_OPERATORS.has(fn)) return `${fn}(${args.map((a) => a.toString(printing)).join(', ')})`;
		}
		if (n.type === 'ConstantNode') {
			const value = (n as unknown as { value: unknown }).value;
			return typeof value === 'number' ? String(value) : undefined;
		}
		if (n.type !== 'SymbolNode' || callees.has(n) || !context) return undefined;
		const name = (n as unknown as { name: string }).name;
		if (!Object.hasOwn(context, name)) return undefined;
		readsContext = true;
		const value = context[name];
		return value < 0 ? `(${value})` : String(value);
	};
	const text = root.toString({ handler, parenthesis: 'keep', implicit: 'show' } as object);
	return { text: isBooleanValued(root) ? `(${text}) ? 1 : 0` : text, readsContext };
}

/** A formula as an operand of a sum or product: bare when it is a name or a plain number. */
export function operand(text: string): string {
	return /^[A-Za-z_][A-Za-z0-9_]*$|^\d+(\.\d+)?(e[-+]?\d+)?$/.test(text) ? text : `(${text})`;
}

/** Operators that bind at least as tightly as "+" on either side, so a term made of them needs no brackets in a sum. */
const SUMMABLE = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus']);

/** Whether a formula can stand as a term of a sum as it is (a conditional or a comparison cannot). */
function summable(text: string): boolean {
	const root = parseExpression(text) as unknown as { type: string; fn?: string };
	return root.type === 'OperatorNode' ? SUMMABLE.has(root.fn as string) : root.type !== 'ConditionalNode';
}

/** Terms added up: "0" for none. */
export function sumOf(terms: readonly string[]): string {
	if (terms.length === 0) return '0';
	if (terms.length === 1) return terms[0];
	return terms.map((t) => (summable(t) ? t : `(${t})`)).join(' + ');
}

/** A deterministic id in SilverDecisions' guid form (8-4-4-4-12 hex), from text: the export stays pure and byte-stable. */
export function stableGuid(text: string): string {
	let hex = '';
	for (let seed = 0; hex.length < 32; seed++) {
		// FNV-1a, 32 bits, salted by the round.
		let h = 0x811c9dc5 ^ seed;
		for (let i = 0; i < text.length; i++) {
			h ^= text.charCodeAt(i);
			h = Math.imul(h, 0x01000193);
		}
		hex += (h >>> 0).toString(16).padStart(8, '0');
	}
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
