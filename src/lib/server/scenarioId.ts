/**
 * Names that reach the file system from a request: a scenario's folder and a
 * source's file name. Both follow the scenario format's id rule (letters,
 * digits, "_", "." and "-", starting with a letter or digit, at most 100
 * characters; `schema.ts`), so "..", "a/b", "%2e%2e", ".history" and
 * "_template" are never ids. Checked before any path is built.
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Names some validators drop silently (DESIGN.md, Security). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether `id` may name a scenario folder. */
export function isScenarioId(id: unknown): id is string {
	return typeof id === 'string' && ID.test(id) && !RESERVED.has(id);
}

/** Whether `name` may name a source text in a scenario's sources/ folder: an id ending in `.txt`. */
export function isSourceFileName(name: unknown): name is string {
	return typeof name === 'string' && name.endsWith('.txt') && name.length > 4 && ID.test(name);
}
