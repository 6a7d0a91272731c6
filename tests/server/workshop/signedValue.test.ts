import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/lib/server/workshop/RateLimiter.js';
import { sameSecret, sign, unsign } from '../../../src/lib/server/workshop/signedValue.js';

const secret = Buffer.from('a test secret');

describe('signed cookie values', () => {
	it('round-trips a value signed with the secret', () => {
		expect(unsign(secret, sign(secret, 'w1:p1'))).toBe('w1:p1');
	});

	it.each([
		['another secret', sign(Buffer.from('other'), 'w1:p1')],
		['a changed value', sign(secret, 'w1:p1').replace('p1', 'p2')],
		['no signature', 'w1:p1'],
		['nothing', undefined]
	])('refuses %s', (_, signed) => {
		expect(unsign(secret, signed)).toBeUndefined();
	});

	it('compares secrets of different lengths as different', () => {
		expect(sameSecret('abc', 'abc')).toBe(true);
		expect(sameSecret('abc', 'abcd')).toBe(false);
	});
});

describe('RateLimiter', () => {
	it('allows a burst, then refills at its rate, per key', () => {
		const limiter = new RateLimiter({ burst: 3, perSecond: 2 });
		expect([0, 0, 0, 0].map(() => limiter.take('a', 0))).toEqual([true, true, true, false]);
		expect(limiter.take('b', 0)).toBe(true);
		expect(limiter.take('a', 400)).toBe(false);
		expect(limiter.take('a', 500)).toBe(true);
		expect(limiter.take('a', 500)).toBe(false);
	});
});
