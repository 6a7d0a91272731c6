import type { Scenario } from '../scenario/types.js';
import type { FlatTree } from '../tree/compileTree.js';
import { WEIGHT_PREFIX } from './sdCriteria.js';
import { formulaIdFrom, type IdAllocator } from './slugs.js';

/** How the scenario's criteria fill SilverDecisions' two payoff slots. */
export interface SdCriteriaLayout {
	/**
	 * `slots`: each slot holds one criterion (`slots[s]`, a criterion index);
	 * `weighted`: slot 1 holds the weighted score Σ weight_c × payoff_c, each
	 * weight a variable (`weights`), because there are more criteria than slots.
	 */
	mode: 'slots' | 'weighted';
	slots: number[];
	rule: string;
	viewMode: 'criterion1' | 'twoCriteria';
	/** Criterion 1's weight against criterion 2 in the two-criteria rules. */
	criterion1Weight: number;
	/** The variables that hold each criterion's signed weight, by criterion index. */
	weights: { name: string; value: number; criterion: number }[];
}

/**
 * Lays the criteria out in SilverDecisions' terms. SilverDecisions has two
 * payoffs per edge and rules over one of them or both (sd-computations'
 * objective rules): one criterion goes in slot 1 under expected-value
 * maximisation or minimisation; two go in both slots under the two-criteria
 * rule of their directions (max-min, …), with the criterion-1 weight
 * |w₁| / |w₂|, which ranks options exactly as the weighted score does.
 * More than two — or two where the second weighs nothing — cannot be
 * optimised together there, so slot 1 holds the weighted score itself,
 * written as Σ weight_c × (payoff of c) with each signed weight a
 * tree-level variable `weight_<criterion>`: SilverDecisions optimises the
 * same score, its users can vary the weights in its sensitivity analyses,
 * and Branchpoint's import splits the criteria back out. The weights are
 * the perspective's (its preferences where it states them). Pure.
 */
export function sdCriteriaLayout(scenario: Scenario, flat: FlatTree, ids: IdAllocator, criterion?: string): SdCriteriaLayout {
	const C = flat.criteria;
	const signed = (c: number) => flat.weights[c];
	const direction = (c: number) => (signed(c) !== 0 ? Math.sign(signed(c)) : flat.signs[c]);
	const weightVar = (c: number) => ({ name: ids.take(`${WEIGHT_PREFIX}${formulaIdFrom(scenario.criteria[c].id, 'criterion')}`), value: signed(c), criterion: c });
	const only = criterion === undefined ? (C === 1 ? 0 : -1) : flat.criterionIds.indexOf(criterion);
	if (only >= 0) {
		return {
			mode: 'slots',
			slots: [only],
			rule: direction(only) > 0 ? 'expected-value-maximization' : 'expected-value-minimization',
			viewMode: 'criterion1',
			criterion1Weight: 1,
			weights: [{ ...weightVar(only), value: criterion === undefined ? signed(only) : direction(only) }]
		};
	}
	if (C === 2 && signed(1) !== 0) {
		const rule = `${direction(0) > 0 ? 'max' : 'min'}-${direction(1) > 0 ? 'max' : 'min'}`;
		return { mode: 'slots', slots: [0, 1], rule, viewMode: 'twoCriteria', criterion1Weight: Math.abs(signed(0)) / Math.abs(signed(1)), weights: [weightVar(0), weightVar(1)] };
	}
	return {
		mode: 'weighted',
		slots: [],
		rule: 'expected-value-maximization',
		viewMode: 'criterion1',
		criterion1Weight: 1,
		weights: scenario.criteria.map((_, c) => weightVar(c))
	};
}
