import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, silverDecisionsToScenario } from '../../src/lib/core/index.js';

type Json = Record<string, unknown>;

/** A small valid file: a decision between a gamble (chance node) and a sure payoff. */
function base(): Json {
	const terminal = () => ({ type: 'terminal', name: '', code: '', childEdges: [] });
	return {
		SilverDecisions: '1.1.0',
		rule: 'expected-value-maximization',
		viewMode: 'criterion1',
		title: 'Gamble',
		data: {
			code: 'p = 0.4',
			trees: [
				{
					type: 'decision',
					name: 'Choose',
					code: '',
					childEdges: [
						{
							name: 'Gamble',
							payoff: ['0', 0],
							childNode: {
								type: 'chance',
								name: 'Draw',
								code: '',
								childEdges: [
									{ name: 'Win', probability: 'p', payoff: ['10', 0], childNode: terminal() },
									{ name: 'Lose', probability: '#', payoff: ['0', 0], childNode: terminal() }
								]
							}
						},
						{ name: 'Sure', payoff: ['3', 0], childNode: terminal() }
					]
				}
			],
			payoffNames: ['Money', '']
		}
	};
}

const gamble = (file: Json) => ((file.data as Json).trees as Json[])[0];
const draw = (file: Json) => ((gamble(file).childEdges as Json[])[0].childNode as Json);
const win = (file: Json) => (draw(file).childEdges as Json[])[0];

const run = (input: unknown) => silverDecisionsToScenario(input, { id: 'broken', asOf: '2024-07-04' });

/** The line a marker is on in the pretty-printed file. */
function lineOf(text: string, marker: string | RegExp): number {
	const at = typeof marker === 'string' ? text.indexOf(marker) : text.search(marker);
	if (at < 0) throw new Error(`marker ${String(marker)} not in the file`);
	return text.slice(0, at).split('\n').length;
}

describe('a bad SilverDecisions file gets a clear, located error', () => {
	it('imports the base file cleanly', () => {
		expect(run(JSON.stringify(base(), null, 2)).yaml).toBeDefined();
	});

	const cases: [string, (file: Json) => void, string, RegExp, (string | RegExp)?][] = [
		['a probability that is not an expression', (f) => (win(f).probability = '0.3 +'), 'data.trees[0].childEdges[0].childNode.childEdges[0].probability', /not an expression SilverDecisions can evaluate/, '"0.3 +"'],
		['a probability that is a list', (f) => (win(f).probability = [0.4]), 'data.trees[0].childEdges[0].childNode.childEdges[0].probability', /Expected an expression \(text or a number\)/],
		['a move out of a chance node without a probability', (f) => delete win(f).probability, 'data.trees[0].childEdges[0].childNode.childEdges[0].probability', /needs a probability/],
		['an unknown node type', (f) => (draw(f).type = 'lottery'), 'data.trees[0].childEdges[0].childNode.type', /Unknown node type "lottery"; a SilverDecisions node is decision, chance or terminal/, '"lottery"'],
		['an edge without a child', (f) => delete (gamble(f).childEdges as Json[])[1].childNode, 'data.trees[0].childEdges[1]', /This edge has no "childNode"/, /\{\n\s*"name": "Sure"/],
		['a node without childEdges', (f) => delete draw(f).childEdges, 'data.trees[0].childEdges[0].childNode', /needs "childEdges"/],
		['a terminal node with edges', (f) => ((win(f).childNode as Json).childEdges = [{ name: 'x', payoff: [0, 0], childNode: { type: 'terminal', childEdges: [] } }]), 'data.trees[0].childEdges[0].childNode.childEdges[0].childNode.childEdges', /A terminal node cannot have edges/],
		['a payoff that is missing', (f) => delete win(f).payoff, 'data.trees[0].childEdges[0].childNode.childEdges[0].payoff', /has no payoff; write 0 for none/],
		['three payoffs', (f) => (win(f).payoff = [1, 2, 3]), 'data.trees[0].childEdges[0].childNode.childEdges[0].payoff', /a list of one or two .* this one has 3/],
		['an unknown variable, with a suggestion', (f) => (win(f).probability = 'pp'), 'data.trees[0].childEdges[0].childNode.childEdges[0].probability', /Unknown variable "pp".* Did you mean "p"\?/],
		['a node-level variable read outside its subtree', (f) => ((draw(f).code = 'bonus = 2'), ((gamble(f).childEdges as Json[])[1].payoff = ['bonus', 0])), 'data.trees[0].childEdges[1].payoff[0]', /Unknown variable "bonus"/],
		['a function a scenario formula lacks', (f) => (win(f).payoff = ['sin(p) * 10', 0]), 'data.trees[0].childEdges[0].childNode.childEdges[0].payoff[0]', /The function "sin" has no counterpart .* use min, max, abs, exp, log, sqrt/],
		['a distribution a scenario lacks', (f) => (((f.data as Json).code = 'p = Poisson(2)')), 'data.code', /In the definition of p: Poisson\(…\) has no counterpart among a scenario's distributions; use one of random, randomInt, Uniform, Triangular, Normal, Bernoulli/],
		['a draw between variables', (f) => ((f.data as Json).code = 'a = 0.2\np = random(a, 0.6)'), 'data.code', /The arguments of random\(…\) must be numbers/],
		['definitions that do not parse', (f) => ((f.data as Json).code = 'p = (0.4'), 'data.code', /The definitions cannot be read/],
		['a matrix in a payoff', (f) => (win(f).payoff = ['[1, 2]', 0]), 'data.trees[0].childEdges[0].childNode.childEdges[0].payoff[0]', /construct a scenario formula cannot hold/],
		['probabilities that do not sum to 1', (f) => ((draw(f).childEdges as Json[])[1].probability = '0.5'), 'data.trees[0].childEdges[0].childNode', /Imported, this does not validate: The probabilities of the open moves of state "draw" sum to 0\.9/, /"childNode": \{\n\s*"type": "chance"/],
		['an expression longer than a formula may be', (f) => (win(f).payoff = [`1${' + 1'.repeat(200)}`, 0]), 'data.trees[0].childEdges[0].childNode.childEdges[0].payoff[0]', /is 801 characters long; at most 500 can be imported/],
		['no trees', (f) => ((f.data as Json).trees = []), 'data.trees', /The file has no tree/],
		['a tree index past the last tree', () => undefined, 'data.trees', /There is no tree 3: the file has 1, numbered from 0/]
	];

	it.each(cases)('%s', (name, mutate, path, message, marker) => {
		const file = base();
		mutate(file);
		const text = JSON.stringify(file, null, 2);
		const result = name.startsWith('a tree index') ? silverDecisionsToScenario(text, { id: 'broken', asOf: '2024-07-04', tree: 3 }) : run(text);
		expect(result.yaml).toBeUndefined();
		const errors = result.issues.filter((i) => i.severity === 'error');
		expect(errors.length).toBeGreaterThan(0);
		const error = errors.find((i) => formatPath(i.path) === path);
		expect(error, errors.map((e) => `${formatPath(e.path)}: ${e.message}`).join('\n')).toBeDefined();
		expect(error?.message).toMatch(message);
		if (marker) expect(error?.line).toBe(lineOf(text, marker));
	});

	it('says where JSON that does not parse goes wrong, by line and column', () => {
		const text = '{\n  "SilverDecisions": "1.1.0",\n  "data": { "trees": [ } \n}';
		const [issue] = run(text).issues;
		expect(issue).toMatchObject({ severity: 'error', line: 3, column: 24 });
		expect(issue.message).toMatch(/^This is not valid JSON \(.*\)\. Open the file in SilverDecisions and save it again\.$/);
	});

	it('refuses JSON that is not a SilverDecisions file', () => {
		expect(run('{"nodes": []}').issues[0].message).toMatch(/no "SilverDecisions" version field/);
		expect(run('[1, 2]').issues[0].message).toMatch(/is a JSON object with a "SilverDecisions" version/);
	});

	it('refuses a cycle: a node that contains itself', () => {
		const file = base();
		const node = draw(file);
		(node.childEdges as Json[])[1].childNode = node;
		const issue = run(file).issues.find((i) => i.severity === 'error');
		expect(formatPath(issue?.path ?? [])).toBe('data.trees[0].childEdges[0].childNode.childEdges[1].childNode');
		expect(issue?.message).toMatch(/contains itself further down \(a cycle\)/);
	});

	it('refuses a huge file before reading it, and a tree past the node limit', () => {
		const huge = `{"SilverDecisions": "1.1.0", "description": "${'x'.repeat(10 * 1024 * 1024)}"}`;
		expect(run(huge).issues[0].message).toMatch(/^The file is 10485\d\d\d characters long; a SilverDecisions file is read up to 10485760\./);
		const wide = base();
		gamble(wide).childEdges = Array.from({ length: 5001 }, (_, i) => ({ name: `o${i}`, payoff: [i, 0], childNode: { type: 'terminal', childEdges: [] } }));
		const issue = run(wide).issues.find((i) => i.severity === 'error');
		expect(issue?.message).toMatch(/more than 5000 nodes/);
	});

	it('warns, and carries on, where SilverDecisions would too', () => {
		const file = base();
		file.SilverDecisions = '9.0.0';
		file.rule = 'most-likely';
		const result = run(JSON.stringify(file));
		expect(result.yaml).toBeDefined();
		expect(result.issues.map((i) => [formatPath(i.path), i.severity])).toEqual([
			['SilverDecisions', 'warning'],
			['rule', 'warning']
		]);
	});

	it('never throws on any JSON value or text', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				run(value);
				run(JSON.stringify(value));
			}),
			{ numRuns: 300 }
		);
		const text = JSON.stringify(base());
		fc.assert(
			fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.string({ maxLength: 3 }), (at, insert) => {
				run(text.slice(0, at) + insert + text.slice(at + 1));
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on a file whose expressions are arbitrary text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (probability, payoff, code) => {
				const file = base();
				win(file).probability = probability;
				win(file).payoff = [payoff, 0];
				draw(file).code = code;
				const result = run(file);
				if (!result.yaml) expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});
});
