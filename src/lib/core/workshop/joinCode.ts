/** Join-code letters: no 0/O, 1/I/L, so a code read off a projector is typed right. */
export const JOIN_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/**
 * A join code from random bytes (the caller's randomness): each byte below
 * the largest multiple of the alphabet's size picks a letter, so letters are
 * equally likely. Undefined when the bytes run out. Pure.
 */
export function joinCodeFrom(bytes: Uint8Array): string | undefined {
	const limit = 256 - (256 % JOIN_ALPHABET.length);
	let code = '';
	for (const byte of bytes) {
		if (byte >= limit) continue;
		code += JOIN_ALPHABET[byte % JOIN_ALPHABET.length];
		if (code.length === JOIN_CODE_LENGTH) return code;
	}
	return undefined;
}

/** What a person typed as a code, made comparable: capitals, no spaces or dashes; undefined if it cannot be a code. Pure. */
export function normaliseJoinCode(typed: string): string | undefined {
	const code = typed.toUpperCase().replace(/[\s-]/g, '');
	return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_ALPHABET.includes(c)) ? code : undefined;
}
