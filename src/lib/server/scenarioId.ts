/**
 * Names that reach the file system from a request: a scenario's folder and a
 * source's file name. Both follow the scenario format's id rule (letters,
 * digits, "_", "." and "-", starting with a letter or digit, at most 100
 * characters; `schema.ts`), so "..", "a/b", "%2e%2e", ".history" and
 * "_template" are never ids. Checked before any path is built.
 */
import { isScenarioId } from '../core/scenario/schema.js';

/** Whether `id` may name a scenario folder. */
export { isScenarioId };

/** Whether `name` may name a source text in a scenario's sources/ folder: an id ending in `.txt`. */
export function isSourceFileName(name: unknown): name is string {
	return isScenarioId(name) && name.endsWith('.txt') && name.length > 4;
}
