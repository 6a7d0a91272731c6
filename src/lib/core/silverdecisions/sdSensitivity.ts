import { rangeOf } from '../scenario/coerceValue.js';
import type { Assumption, Distribution, Scenario } from '../scenario/types.js';
import { stableGuid } from './sdExportFormula.js';

/** Points per variable in SilverDecisions' tornado diagram, as Branchpoint's own tornado takes them. */
const TORNADO_LENGTH = 5;
const RUNS = 1000;

/** The distribution as an sd-random call SilverDecisions' probabilistic analysis evaluates, or undefined where it has none. */
function sdDistribution(assumption: Assumption, d: Distribution): string | undefined {
	switch (d.type) {
		case 'uniform':
			return `Uniform(${d.min}, ${d.max})`;
		case 'triangular':
			return `Triangular(${d.min}, ${d.max}, ${d.mode})`;
		case 'normal':
			return `Normal(${d.mean}, ${d.sd})`;
		case 'discrete': {
			// A choice draws option positions; its variable holds the option's value.
			const drawn = assumption.kind === 'choice' ? d.values.map((v) => assumption.options?.[v]?.value ?? NaN) : d.values;
			// Two values 0 and 1 (a boolean, a choice between options worth 0 and 1, a number drawn so): a Bernoulli draw.
			const total = d.weights.reduce((s, w) => s + w, 0);
			if (drawn.length !== 2 || !drawn.includes(0) || !drawn.includes(1) || !(total > 0)) return undefined;
			return `Bernoulli(${d.weights[drawn.indexOf(1)] / total})`;
		}
		default:
			return undefined;
	}
}

/** The range an assumption's SilverDecisions variable spans: 0..1 for a boolean, the options' values for a choice. */
function rangeFor(assumption: Assumption): { min: number; max: number } | undefined {
	if (assumption.kind === 'boolean') return { min: 0, max: 1 };
	if (assumption.kind === 'choice') {
		const values = (assumption.options ?? []).map((o) => o.value);
		return values.length > 1 ? { min: Math.min(...values), max: Math.max(...values) } : undefined;
	}
	const { min, max } = rangeOf(assumption);
	return Number.isFinite(min) && Number.isFinite(max) && min < max ? { min, max } : undefined;
}

/**
 * The scenario's ranges and distributions as settings of SilverDecisions'
 * own sensitivity analyses, saved with the file (`sensitivityAnalysis`,
 * which its dialog reloads): every assumption's range in the tornado
 * diagram, every distribution SilverDecisions can draw in the
 * probabilistic analysis. Returns the assumptions whose distribution it
 * cannot draw (beta, a discrete one other than 0/1). Pure.
 */
export function sensitivitySettings(scenario: Scenario, ruleName: string): { settings: Record<string, unknown>; lostDistributions: string[] } {
	const tornado = scenario.assumptions.flatMap((a) => {
		const range = rangeFor(a);
		return range ? [{ name: a.id, min: range.min, max: range.max, length: TORNADO_LENGTH }] : [];
	});
	const lostDistributions: string[] = [];
	const probabilistic = scenario.assumptions.flatMap((a) => {
		if (!a.distribution) return [];
		const formula = sdDistribution(a, a.distribution);
		if (formula === undefined) lostDistributions.push(a.id);
		return formula === undefined ? [] : [{ name: a.id, formula }];
	});
	const settings: Record<string, unknown> = {};
	if (tornado.length > 0) {
		settings['tornado-diagram'] = { id: stableGuid(`${scenario.id}/tornado-diagram`), ruleName, failOnInvalidTree: true, variables: tornado };
	}
	if (probabilistic.length > 0) {
		settings['probabilistic-sensitivity-analysis'] = { id: stableGuid(`${scenario.id}/probabilistic-sensitivity-analysis`), ruleName, failOnInvalidTree: true, extendedPolicyDescription: true, numberOfRuns: RUNS, variables: probabilistic };
	}
	return { settings, lostDistributions };
}
