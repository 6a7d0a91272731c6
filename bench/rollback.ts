import { readFileSync } from 'node:fs';
import { buildMachine, compileTree, evaluateSlots, evaluateWithSlots, parseScenario, resolveValues, unrollTree, KIND_CHANCE, KIND_DECISION, type FlatTree, type ScenarioModel } from '../src/lib/core/index.js';
import { roundsSpelledOut } from '../tests/fixtures/roundsSpelledOut.js';
import { compare, type Figure } from './stats.js';
import { syntheticScenario } from './syntheticScenario.js';

/** A balanced synthetic tree, compiled: `levels` alternating decision/chance levels of `branching` moves. */
export function syntheticFlat(levels: number, branching: number, them: 'chance' | 'strategic' = 'chance'): { flat: FlatTree; values: Record<string, number> } {
	const parsed = parseScenario(syntheticScenario({ levels, branching, them }));
	if (!parsed.scenario) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
	const model = buildMachine(parsed.scenario);
	const values = resolveValues(parsed.scenario, model.book);
	const { tree, issues } = unrollTree(model, { values, maxNodes: 2_000_000, maxDepth: 100 });
	if (!tree) throw new Error(issues.map((i) => i.message).join('\n'));
	return { flat: compileTree(tree, model), values };
}

/**
 * The reference: a plain loop over typed arrays doing the same job (expected
 * value per criterion, decisions by weighted score) with probabilities and
 * rewards already numbers.
 */
function plainRollback(flat: FlatTree, probability: Float64Array, reward: Float64Array): Float64Array {
	const C = flat.criteria;
	const out = new Float64Array(flat.size * C);
	const { kind, childStart, childCount, weights } = flat;
	for (let i = flat.size - 1; i >= 0; i--) {
		const first = childStart[i];
		const n = childCount[i];
		const base = i * C;
		if (kind[i] === KIND_DECISION) {
			let best = first;
			let bestScore = -Infinity;
			for (let k = first; k < first + n; k++) {
				let s = 0;
				for (let c = 0; c < C; c++) s += weights[c] * out[k * C + c];
				if (s > bestScore) {
					bestScore = s;
					best = k;
				}
			}
			for (let c = 0; c < C; c++) out[base + c] = reward[base + c] + out[best * C + c];
		} else {
			for (let c = 0; c < C; c++) out[base + c] = reward[base + c];
			if (kind[i] === KIND_CHANCE) for (let k = first; k < first + n; k++) for (let c = 0; c < C; c++) out[base + c] += probability[k] * out[k * C + c];
		}
	}
	return out;
}

export function rollbackFigures(): Figure[] {
	const figures: Figure[] = [];
	for (const { levels, branching, label, budget } of [
		{ levels: 10, branching: 3, label: '88,573-node tree (peer size)', budget: false },
		{ levels: 8, branching: 3, label: '9,841-node tree (peer size)', budget: false },
		{ levels: 8, branching: 4, label: '87,381-node tree (budget: 100k class)', budget: true }
	]) {
		const { flat, values } = syntheticFlat(levels, branching);
		const slots = evaluateSlots(flat, values);
		const first = evaluateWithSlots(flat, slots);
		const out = plainRollback(flat, first.probability, first.reward);
		const [mine, plain] = compare(
			() => evaluateWithSlots(flat, evaluateSlots(flat, values)),
			() => plainRollback(flat, first.probability, first.reward)
		);
		for (let c = 0; c < flat.criteria; c++) {
			if (Math.abs(out[c] - first.expected[c]) > 1e-6 * Math.max(1, Math.abs(out[c]))) throw new Error('rollback reference disagrees');
		}
		figures.push({
			name: `rollback, ${label}: evaluate (formulas, EV per criterion, policy, ties)`,
			value: mine,
			unit: 'ms',
			reference: { name: 'plain typed-array rollback loop', value: plain },
			maxRatio: budget ? 2 : undefined,
			note: `${flat.size} nodes`
		});
	}
	// Another actor solved by backward induction: one more pass over the children of its nodes.
	const chance = syntheticFlat(8, 4);
	const strategic = syntheticFlat(8, 4, 'strategic');
	const [solved, byChance] = compare(
		() => evaluateWithSlots(strategic.flat, evaluateSlots(strategic.flat, strategic.values)),
		() => evaluateWithSlots(chance.flat, evaluateSlots(chance.flat, chance.values))
	);
	figures.push({
		name: 'rollback, 87,381-node tree: the other side strategic (backward induction)',
		value: solved,
		unit: 'ms',
		reference: { name: 'the same tree, the other side by chance', value: byChance },
		// One more pass over the children of its nodes: at most double.
		maxRatio: 2,
		note: `${strategic.flat.size} nodes`
	});
	figures.push(roundsFigure());
	return figures;
}

/**
 * A game of six rounds written with the machine's context (4 states),
 * against the same game spelled out state by state: unrolling, compiling
 * and evaluating the tree, as a change to a guard's assumption does.
 */
function roundsFigure(): Figure {
	const rounds = 6;
	const text = readFileSync('tests/fixtures/e2e-scenarios/rounds/scenario.yaml', 'utf8')
		.replace('expr: "period > 3"', `expr: "period > ${rounds}"`)
		// Five earlier wins must still leave a probability.
		.replace('default: 0.15, min: 0, max: 0.2', 'default: 0.05, min: 0, max: 0.08');
	const model = (source: string) => {
		const parsed = parseScenario(source);
		if (!parsed.scenario) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
		return buildMachine(parsed.scenario);
	};
	const withContext = model(text);
	const byHand = model(roundsSpelledOut(text, rounds));
	const run = (m: ScenarioModel) => () => {
		const values = resolveValues(m.scenario, m.book);
		const { tree } = unrollTree(m, { values });
		const flat = compileTree(tree!, m);
		return evaluateWithSlots(flat, evaluateSlots(flat, values)).expected[0];
	};
	if (Math.abs((run(withContext)() as number) - (run(byHand)() as number)) > 1e-9) throw new Error('rounds: the context and the spelled-out game disagree');
	const [ctx, spelled] = compare(run(withContext), run(byHand));
	return {
		name: `rounds, a ${rounds}-round game: unroll, compile and evaluate with the machine's context (${withContext.scenario.states.length} states)`,
		value: ctx,
		unit: 'ms',
		reference: { name: `the same game spelled out state by state (${byHand.scenario.states.length} states)`, value: spelled },
		// Each move also runs its assign actions, and formulas that read the context are evaluated per context.
		maxRatio: 2,
		note: `${unrollTree(withContext, { values: resolveValues(withContext.scenario, withContext.book) }).tree!.nodes.length} nodes`
	};
}
