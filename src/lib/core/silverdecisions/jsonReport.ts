import type { DocPath, Issue } from '../scenario/Issue.js';
import { locateJsonPaths } from './locateJson.js';

/** The most issues one file is reported with: past it, the rest would only repeat the pattern. */
const MAX_ISSUES = 200;

/**
 * Collects problems found in a SilverDecisions file by JSON path
 * (`data.trees[0].childEdges[1].payoff[0]`), and locates them all at the
 * end, in one pass over the text, by line and column.
 */
export interface JsonReport {
	error(path: DocPath, message: string): void;
	warning(path: DocPath, message: string): void;
	readonly failed: boolean;
	/** The issues, located in `text` when there is one (an object read directly has no lines). */
	issues(text: string | undefined): Issue[];
}

export function createJsonReport(): JsonReport {
	const pending: { severity: Issue['severity']; path: DocPath; message: string }[] = [];
	let failed = false;
	const add = (severity: Issue['severity'], path: DocPath, message: string) => {
		if (severity === 'error') failed = true;
		if (pending.length < MAX_ISSUES) pending.push({ severity, path: [...path], message });
	};
	return {
		error: (path, message) => add('error', path, message),
		warning: (path, message) => add('warning', path, message),
		get failed() {
			return failed;
		},
		issues(text) {
			const positions = text === undefined ? pending.map(() => ({ line: 1, column: 1 })) : locateJsonPaths(text, pending.map((p) => p.path));
			return pending.map((p, i) => ({ ...p, ...positions[i] }));
		}
	};
}
