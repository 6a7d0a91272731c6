import {
	absDependencies,
	addDependencies,
	andDependencies,
	ceilDependencies,
	compileDependencies,
	create,
	divideDependencies,
	equalDependencies,
	expDependencies,
	floorDependencies,
	largerDependencies,
	largerEqDependencies,
	logDependencies,
	maxDependencies,
	minDependencies,
	modDependencies,
	multiplyDependencies,
	notDependencies,
	orDependencies,
	parseDependencies,
	powDependencies,
	roundDependencies,
	smallerDependencies,
	smallerEqDependencies,
	sqrtDependencies,
	subtractDependencies,
	unaryMinusDependencies,
	unaryPlusDependencies,
	unequalDependencies,
	type MathNode
} from 'mathjs';

/** Functions a formula may call by name. Operators map to their own functions. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
	'min',
	'max',
	'abs',
	'exp',
	'log',
	'sqrt',
	'round',
	'floor',
	'ceil'
]);

/**
 * A mathjs instance built from only the factories formulas need (the full
 * bundle is ~200 kB gzipped), with plain JavaScript numbers. Expression-level
 * access to the dangerous functions is also cut off, following mathjs's
 * security guidance; `parse` is kept privately before that.
 */
const math = create(
	{
		parseDependencies,
		compileDependencies,
		addDependencies,
		subtractDependencies,
		multiplyDependencies,
		divideDependencies,
		powDependencies,
		modDependencies,
		unaryMinusDependencies,
		unaryPlusDependencies,
		equalDependencies,
		unequalDependencies,
		smallerDependencies,
		smallerEqDependencies,
		largerDependencies,
		largerEqDependencies,
		andDependencies,
		orDependencies,
		notDependencies,
		minDependencies,
		maxDependencies,
		absDependencies,
		expDependencies,
		logDependencies,
		sqrtDependencies,
		roundDependencies,
		floorDependencies,
		ceilDependencies
	},
	// predictable: sqrt(-1) gives NaN (caught as non-finite) rather than a Complex.
	{ number: 'number', predictable: true }
);

const parse = math.parse;

function disabled(name: string) {
	return () => {
		throw new Error(`Function ${name} is disabled in formulas`);
	};
}

math.import(
	Object.fromEntries(
		[
			'import',
			'createUnit',
			'reviver',
			'evaluate',
			'parse',
			'compile',
			'simplify',
			'derivative',
			'resolve'
		].map((name) => [name, disabled(name)])
	),
	{ override: true }
);

/** Operator functions a formula may use (OperatorNode.fn); the parser knows more (xor, bitwise, units). */
export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set([
	'add',
	'subtract',
	'multiply',
	'divide',
	'pow',
	'mod',
	'unaryMinus',
	'unaryPlus',
	'equal',
	'unequal',
	'smaller',
	'smallerEq',
	'larger',
	'largerEq',
	'and',
	'or',
	'not'
]);

/** Parses with the restricted instance; throws mathjs's SyntaxError on bad syntax. */
export function parseExpression(source: string): MathNode {
	return parse(source);
}
