import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { rangeOf } from '../scenario/coerceValue.js';
import type { Assumption, AssumptionValue, Distribution } from '../scenario/types.js';

/** A uniform draw in [0, 1) from a seeded generator (pure-rand); the generator advances. */
export type Uniform = () => number;

export function uniformFrom(rng: RandomGenerator): Uniform {
	return () => uniformFloat64(rng);
}

function normal(u: Uniform): number {
	// Box–Muller; 1 − u avoids log(0).
	return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted for shape < 1. */
function gamma(shape: number, u: Uniform): number {
	if (shape < 1) return gamma(shape + 1, u) * Math.pow(u(), 1 / shape);
	const d = shape - 1 / 3;
	const c = 1 / Math.sqrt(9 * d);
	for (;;) {
		let x: number;
		let v: number;
		do {
			x = normal(u);
			v = 1 + c * x;
		} while (v <= 0);
		v = v * v * v;
		const w = u();
		if (w < 1 - 0.0331 * x ** 4 || Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
	}
}

/** One draw from a distribution, clamped to [min, max]. Pure given `u`. */
export function sampleDistribution(d: Distribution, u: Uniform, min = -Infinity, max = Infinity): number {
	const clamp = (x: number) => Math.min(max, Math.max(min, x));
	switch (d.type) {
		case 'uniform':
			return clamp(d.min + (d.max - d.min) * u());
		case 'triangular': {
			// Inverse CDF.
			const p = u();
			const cut = (d.mode - d.min) / (d.max - d.min);
			return clamp(p < cut ? d.min + Math.sqrt(p * (d.max - d.min) * (d.mode - d.min)) : d.max - Math.sqrt((1 - p) * (d.max - d.min) * (d.max - d.mode)));
		}
		case 'beta': {
			const a = gamma(d.alpha, u);
			const b = gamma(d.beta, u);
			return clamp(a / (a + b));
		}
		case 'normal': {
			// Truncated to [min, max] by rejection (bounded tries, then clamped).
			for (let tries = 0; tries < 1000; tries++) {
				const x = d.mean + d.sd * normal(u);
				if (x >= min && x <= max) return x;
			}
			return clamp(d.mean);
		}
		case 'discrete': {
			const total = d.weights.reduce((s, w) => s + w, 0);
			let p = u() * total;
			for (let i = 0; i < d.values.length; i++) {
				p -= d.weights[i];
				if (p < 0) return d.values[i];
			}
			return d.values[d.values.length - 1];
		}
	}
}

/**
 * A draw for an assumption from its distribution, as an assumption value
 * (booleans from 0/1, choices from option positions). Without a
 * distribution the assumption stays at `fixed`.
 */
export function sampleAssumption(assumption: Assumption, u: Uniform, fixed: AssumptionValue): AssumptionValue {
	const d = assumption.distribution;
	if (!d) return fixed;
	const { min, max } = rangeOf(assumption);
	// A beta distribution on a number spans the number's range.
	const x = d.type === 'beta' && assumption.kind === 'number' ? min + (max - min) * sampleDistribution(d, u, 0, 1) : sampleDistribution(d, u, min, max);
	if (assumption.kind === 'boolean') return x >= 0.5;
	if (assumption.kind === 'choice') return assumption.options?.[Math.round(x)]?.id ?? fixed;
	return x;
}
