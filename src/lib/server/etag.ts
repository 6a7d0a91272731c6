import { createHash } from 'node:crypto';

/** A strong validator of a file's bytes: equal ETags, equal bytes. */
export function etagOf(bytes: Uint8Array): string {
	return `"sha256-${sha256(bytes)}"`;
}

export function sha256(bytes: Uint8Array | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Whether an If-Match header names the current version. Strong comparison
 * (RFC 9110 §13.1.1): a weak tag never matches. `*` would match any version,
 * so it is not taken as naming one: a save must say which version it edits.
 */
export function ifMatchState(ifMatch: string | null | undefined, etag: string): 'missing' | 'stale' | 'current' {
	const tags = (ifMatch ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '' && t !== '*');
	if (tags.length === 0) return 'missing';
	return tags.includes(etag) ? 'current' : 'stale';
}
