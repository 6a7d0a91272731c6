import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JOIN_ALPHABET, JOIN_CODE_LENGTH, joinCodeFrom, normaliseJoinCode } from '../../src/lib/core/index.js';

describe('join codes', () => {
	it('the alphabet has no letters that read alike (0 O 1 I L) and no repeats', () => {
		for (const ambiguous of '0O1IL') expect(JOIN_ALPHABET).not.toContain(ambiguous);
		expect(new Set(JOIN_ALPHABET).size).toBe(JOIN_ALPHABET.length);
		expect(JOIN_ALPHABET).toMatch(/^[A-Z2-9]+$/);
		expect(JOIN_CODE_LENGTH).toBe(6);
	});

	it('a code is 6 letters of the alphabet: the first 6 bytes below the fair limit, each taken modulo its size', () => {
		const limit = 256 - (256 % JOIN_ALPHABET.length);
		fc.assert(
			fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
				const kept = [...bytes].filter((b) => b < limit).slice(0, JOIN_CODE_LENGTH);
				const expected = kept.length === JOIN_CODE_LENGTH ? kept.map((b) => JOIN_ALPHABET[b % JOIN_ALPHABET.length]).join('') : undefined;
				const code = joinCodeFrom(bytes);
				expect(code).toBe(expected);
				if (code) expect(normaliseJoinCode(code)).toBe(code);
			})
		);
	});

	it('skips the bytes that would favour the first letters, and gives up when bytes run out', () => {
		expect(joinCodeFrom(Uint8Array.from([248, 255, 0, 1, 2, 3, 4, 5]))).toBe('ABCDEF');
		expect(joinCodeFrom(Uint8Array.from([247, 31, 62, 93, 124, 155]))).toBe('9AAAAA');
		expect(joinCodeFrom(Uint8Array.from([0, 1, 2, 3, 4, 250]))).toBeUndefined();
	});

	it('every letter is equally likely: bytes 0 to 247 give each letter 8 times', () => {
		const limit = 256 - (256 % JOIN_ALPHABET.length);
		const counts = new Map<string, number>();
		for (let b = 0; b < limit; b++) {
			const letter = (joinCodeFrom(Uint8Array.from([b, 0, 0, 0, 0, 0])) as string)[0];
			counts.set(letter, (counts.get(letter) ?? 0) + 1);
		}
		expect(counts.size).toBe(JOIN_ALPHABET.length);
		expect(new Set(counts.values())).toEqual(new Set([8]));
	});
});

describe('normaliseJoinCode', () => {
	it.each([
		['ABCDEF', 'ABCDEF'],
		['abcdef', 'ABCDEF'],
		['abc def', 'ABCDEF'],
		['ABC-DEF', 'ABCDEF'],
		['  a-b c-d e-f  ', 'ABCDEF'],
		['xyz\t789', 'XYZ789'],
		['23456 7', '234567']
	])('accepts %j as %s', (typed, code) => {
		expect(normaliseJoinCode(typed)).toBe(code);
	});

	it.each([
		['too short', 'ABCDE'],
		['too long', 'ABCDEFG'],
		['empty', ''],
		['a zero', 'ABCDE0'],
		['a letter O', 'ABCDEO'],
		['a one', 'ABCDE1'],
		['a letter I', 'ABCDEI'],
		['a letter L', 'ABCDEL'],
		['a lower-case l', 'abcdel'],
		['punctuation', 'ABC.DE'],
		['an underscore', 'ABC_DE']
	])('rejects a code with %s', (_, typed) => {
		expect(normaliseJoinCode(typed)).toBeUndefined();
	});
});
