import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The key that signs workshop cookies: `BRANCHPOINT_SECRET`, else a random
 * key kept in the data folder (made on first start, readable by the owner
 * only), so identities survive a restart.
 */
export function loadSecret(dataDir: string): Buffer {
	if (process.env.BRANCHPOINT_SECRET) return Buffer.from(process.env.BRANCHPOINT_SECRET, 'utf8');
	const file = join(dataDir, 'cookie-secret');
	if (!existsSync(file)) {
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
	}
	return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
}

const mac = (secret: Buffer, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

/** `value.signature` (HMAC-SHA256). */
export function sign(secret: Buffer, value: string): string {
	return `${value}.${mac(secret, value)}`;
}

/** The value of a signed cookie, or undefined when it was not signed with `secret`. */
export function unsign(secret: Buffer, signed: string | undefined): string | undefined {
	if (!signed) return undefined;
	const dot = signed.lastIndexOf('.');
	if (dot < 0) return undefined;
	const value = signed.slice(0, dot);
	const given = Buffer.from(signed.slice(dot + 1));
	const expected = Buffer.from(mac(secret, value));
	return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
