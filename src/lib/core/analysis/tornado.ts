import type { AssumptionValue } from '../scenario/types.js';
import { assumptionSettings, grid } from './assumptionSettings.js';
import type { Evaluator } from './createEvaluator.js';
import { policyOf, policyChanges, valueUnderPolicy, type PolicyChange } from './policy.js';

/**
 * How a tornado values each setting:
 * - `reoptimise`: the optimal policy at that setting (the value of deciding
 *   afresh once the assumption is known);
 * - `fixed`: the base case's optimal policy held (the value of the policy
 *   recommended today if the assumption turns out so), as TreeAge and
 *   SilverDecisions draw it.
 */
export type TornadoPolicy = 'reoptimise' | 'fixed';

/** Points a numeric assumption is swept over by default: its ends and nine values between them. */
export const TORNADO_POINTS = 11;

export interface TornadoPoint {
	setting: AssumptionValue;
	value: number;
	/** The preferred first option at this setting (re-optimised, whatever the tornado's policy). */
	best: string;
}

/** Where, across the range, the optimal policy first differs from the base case's. */
export interface TornadoSwitch extends PolicyChange {
	/** The first setting swept (from the range's lower end) at which it differs. */
	setting: AssumptionValue;
}

export interface TornadoBar {
	assumption: string;
	label: string;
	/** The settings giving the lowest and the highest value across the sweep (interior ones included). */
	low: TornadoPoint;
	high: TornadoPoint;
	swing: number;
	/** The optimal policy differs from the base case's somewhere across the range, at any decision it reaches. */
	policyChanges: boolean;
	/** The first such difference, shallowest decision first; absent when the policy holds across the range. */
	policySwitch?: TornadoSwitch;
	/** Settings where the base policy could not be followed (one of its moves closed), in a fixed-policy tornado. */
	fallbacks: number;
}

export interface Tornado {
	policy: TornadoPolicy;
	/** Points each numeric assumption was swept over. */
	points: number;
	base: { value: number; best: string };
	bars: TornadoBar[];
}

/**
 * One-way sensitivity of the root value to every assumption across its
 * range — a numeric one at `points` evenly spaced values (its ends
 * included), each option of a choice, both truth values of a boolean — the
 * others at their base values; the true lowest and highest values and where
 * they occur; bars sorted by swing, largest first. Each bar says whether,
 * and where first, the optimal policy switches at any decision it reaches.
 * Pure.
 */
export function tornado(evaluator: Evaluator, options: { points?: number; policy?: TornadoPolicy } = {}): Tornado {
	const policy = options.policy ?? 'reoptimise';
	const points = Math.max(2, Math.round(options.points ?? TORNADO_POINTS));
	const name = (best: number) => evaluator.optionIds[best] ?? '';
	const base = evaluator.at({});
	const basePolicy = policyOf(base);
	const bars = evaluator.model.scenario.assumptions.map((assumption): TornadoBar => {
		const numeric = assumption.kind === 'probability' || assumption.kind === 'number';
		const settings = numeric ? grid(assumption, points) : assumptionSettings(assumption);
		let policySwitch: TornadoSwitch | undefined;
		let fallbacks = 0;
		const swept = settings.map((setting): TornadoPoint => {
			const r = evaluator.at({ [assumption.id]: setting });
			if (!policySwitch) {
				const change = policyChanges(basePolicy, policyOf(r))[0];
				if (change) policySwitch = { ...change, setting };
			}
			let value = r.value;
			if (policy === 'fixed') {
				const held = valueUnderPolicy(r, basePolicy, evaluator.criterionIndex);
				value = held.value;
				if (held.fallbacks > 0) fallbacks++;
			}
			return { setting, value, best: name(r.best) };
		});
		let low = swept[0];
		let high = swept[0];
		for (const p of swept) {
			if (p.value < low.value) low = p;
			if (p.value > high.value) high = p;
		}
		return { assumption: assumption.id, label: assumption.label, low, high, swing: high.value - low.value, policyChanges: policySwitch !== undefined, policySwitch, fallbacks };
	});
	bars.sort((a, b) => b.swing - a.swing || a.assumption.localeCompare(b.assumption));
	return { policy, points, base: { value: base.value, best: name(base.best) }, bars };
}
