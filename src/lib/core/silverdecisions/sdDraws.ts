import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Distribution } from '../scenario/types.js';

/**
 * One random draw in a SilverDecisions expression, as a scenario assumption
 * takes it: a range, a distribution for Monte Carlo, and its mean as the
 * default (SilverDecisions draws anew at every recalculation; an expected-value
 * analysis reads the mean). `constant` is set where the "draw" has one value.
 */
export interface Draw {
	/** The call as SilverDecisions would write it, for comments: `random(0.1, 0.9)`. */
	call: string;
	distribution: Distribution;
	min: number;
	max: number;
	mean: number;
	constant?: number;
}

/** mathjs's own random functions and sd-random's distributions (SilverDecisions' `sd-random`). */
const SUPPORTED = ['random', 'randomInt', 'Uniform', 'Triangular', 'Normal', 'Bernoulli'];
/** sd-random's distributions that a scenario assumption cannot take. */
const UNSUPPORTED = ['Exponential', 'Pareto', 'Weibull', 'Trapezoidal', 'LogNormal', 'Gamma', 'Loglogistic', 'Erlang', 'Binomial', 'Geometric', 'Poisson', 'pickRandom'];

/** How many integers `randomInt` may range over as a discrete distribution. */
const MAX_DISCRETE = 101;

export function isDrawFunction(name: string): boolean {
	return SUPPORTED.includes(name) || UNSUPPORTED.includes(name);
}

/** A computed number as a person would write it: 0.30000000000000004 → 0.3 (12 significant digits). */
export const tidy = (x: number) => Number(x.toPrecision(12));

const uniform = (call: string, a: number, b: number): Draw => ({ call, distribution: { type: 'uniform', min: a, max: b }, min: a, max: b, mean: tidy((a + b) / 2) });

/**
 * The draw a call of a random function with these (numeric) arguments makes,
 * with the defaults sd-random and mathjs give missing arguments. Pure.
 */
export function drawOf(name: string, args: readonly number[], lang: Locale): { ok: true; draw: Draw } | { ok: false; message: string } {
	const locale = { locale: lang };
	const call = `${name}(${args.join(', ')})`;
	const bad = () => ({ ok: false as const, message: m.sd_draw_bad_arguments({ call }, locale) });
	const arg = (i: number, fallback: number) => args[i] ?? fallback;
	switch (name) {
		case 'random':
		case 'Uniform': {
			// mathjs: random() is 0..1, random(max) 0..max, random(min, max); sd-random's Uniform(a = 0, b = 1).
			if (args.length > 2) return bad();
			const [a, b] = name === 'random' && args.length === 1 ? [0, args[0]] : [arg(0, 0), arg(1, 1)];
			if (!(a <= b)) return bad();
			return { ok: true, draw: a === b ? { ...uniform(call, a, b), constant: a } : uniform(call, a, b) };
		}
		case 'randomInt': {
			if (args.length < 1 || args.length > 2) return bad();
			const [a, b] = args.length === 1 ? [0, args[0]] : [args[0], args[1]];
			if (!Number.isInteger(a) || !Number.isInteger(b) || !(a < b) || b - a > MAX_DISCRETE) return bad();
			// mathjs draws an integer in [min, max): max itself is never drawn.
			const values = Array.from({ length: b - a }, (_, i) => a + i);
			const mean = (a + b - 1) / 2;
			if (values.length === 1) return { ok: true, draw: { ...uniform(call, a, a + 1), constant: a } };
			return { ok: true, draw: { call, distribution: { type: 'discrete', values, weights: values.map(() => 1) }, min: a, max: b - 1, mean } };
		}
		case 'Triangular': {
			if (args.length > 3) return bad();
			const [a, b, mode] = [arg(0, 0), arg(1, 1), arg(2, 0.5)];
			if (!(a <= mode && mode <= b)) return bad();
			if (a === b) return { ok: true, draw: { ...uniform(call, a, b), constant: a } };
			return { ok: true, draw: { call, distribution: { type: 'triangular', min: a, mode, max: b }, min: a, max: b, mean: tidy((a + b + mode) / 3) } };
		}
		case 'Normal': {
			if (args.length > 2) return bad();
			const [mean, sd] = [arg(0, 0), arg(1, 1)];
			if (!(sd >= 0)) return bad();
			if (sd === 0) return { ok: true, draw: { ...uniform(call, mean, mean), constant: mean } };
			// Four standard deviations each way hold all but 0.006 % of draws; the scenario truncates to its range.
			return { ok: true, draw: { call, distribution: { type: 'normal', mean, sd }, min: tidy(mean - 4 * sd), max: tidy(mean + 4 * sd), mean } };
		}
		case 'Bernoulli': {
			if (args.length > 1) return bad();
			const p = arg(0, 0.5);
			if (!(p >= 0 && p <= 1)) return bad();
			if (p === 0 || p === 1) return { ok: true, draw: { ...uniform(call, 0, 1), constant: p } };
			return { ok: true, draw: { call, distribution: { type: 'discrete', values: [0, 1], weights: [tidy(1 - p), p] }, min: 0, max: 1, mean: p } };
		}
		default:
			return { ok: false, message: m.sd_draw_unsupported({ name, supported: SUPPORTED.join(', ') }, locale) };
	}
}
