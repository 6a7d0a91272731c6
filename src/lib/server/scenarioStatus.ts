import { buildMachine, evaluateScenario, type Issue, type ParseResult, type ScenarioRun } from '../core/index.js';
import type { Locale } from '../paraglide/runtime.js';

export interface ScenarioStatus {
	/** No errors: it parses, unrolls and evaluates at its defaults, as `bp validate` checks. */
	valid: boolean;
	/** The parser's issues, then those of the run at the defaults. */
	issues: Issue[];
	errors: number;
	warnings: number;
	/** The first error as `line:column message`, for the library and the history. */
	firstError?: string;
	/** The run at the defaults, when the scenario parsed. */
	run?: ScenarioRun;
}

/** A parsed scenario's standing, the run's issues in `lang`: the library's status column and a save's answer. */
export function scenarioStatus(parsed: ParseResult, lang?: Locale): ScenarioStatus {
	const run = parsed.scenario ? evaluateScenario(buildMachine(parsed.scenario), { lang }) : undefined;
	const issues = [...parsed.issues, ...(run?.issues ?? [])];
	const errors = issues.filter((i) => i.severity === 'error');
	const first = errors[0];
	return {
		valid: errors.length === 0,
		issues,
		errors: errors.length,
		warnings: issues.filter((i) => i.severity === 'warning').length,
		firstError: first ? `${first.line}:${first.column} ${first.message}` : undefined,
		run
	};
}
