/** A path into the scenario document: keys and array indices. */
export type DocPath = readonly (string | number)[];

/**
 * A problem found in user input. Validators collect these into a list and
 * never throw; `line` and `column` are 1-based and point into the file.
 */
export interface Issue {
	/** A note is not a problem: something the author may want to know (a formula undefined only where it cannot matter). */
	severity: 'error' | 'warning' | 'note';
	path: DocPath;
	line: number;
	column: number;
	message: string;
}

/** `file:line:col  path  message`, the form the CLI and the UI print. */
export function formatIssue(issue: Issue, file = 'scenario.yaml'): string {
	const where = issue.path.length > 0 ? `  (${formatPath(issue.path)})` : '';
	return `${file}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}${where}`;
}

/** `machine.states.treaty.on.VETO`, with `[3]` for array indices. */
export function formatPath(path: DocPath): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
		.join('');
}
