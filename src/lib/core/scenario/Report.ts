import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath, Issue } from './Issue.js';
import type { Locator } from './locate.js';

/** Where in the node at a path a problem sits. */
export type At = { key: true } | { char: number } | undefined;

/** Collects located issues; checks call it and carry on. */
export interface Report {
	error(path: DocPath, message: string, at?: At): void;
	warning(path: DocPath, message: string, at?: At): void;
	/** Something worth knowing that is not a problem. */
	note(path: DocPath, message: string, at?: At): void;
	readonly issues: Issue[];
	/** The language checks write their messages in. */
	readonly lang: Locale;
}

export function createReport(locator: Locator, lang: Locale = 'en'): Report {
	const issues: Issue[] = [];
	const add = (severity: Issue['severity'], path: DocPath, message: string, at: At) => {
		const position =
			at && 'key' in at ? locator.key(path) : at && 'char' in at ? locator.char(path, at.char) : locator.value(path);
		issues.push({ severity, path, line: position.line, column: position.column, message });
	};
	return {
		issues,
		lang,
		error: (path, message, at) => add('error', path, message, at),
		warning: (path, message, at) => add('warning', path, message, at),
		note: (path, message, at) => add('note', path, message, at)
	};
}
