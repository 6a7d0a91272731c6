import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/**
 * Why a stored workshop cannot be loaded, as data: the server keeps it and
 * says it to each reader in their language (`loadProblemText`).
 */
export type LoadProblem =
	| { kind: 'unparsable'; workshop: string; detail: string }
	| { kind: 'unreplayable'; step: number; move: string }
	/** A broken internal rule (a log out of order): said as the error said it. */
	| { kind: 'internal'; detail: string };

/** A workshop that cannot be loaded, with why. */
export class WorkshopLoadError extends Error {
	readonly problem: LoadProblem;
	constructor(problem: LoadProblem) {
		super(loadProblemText(problem, 'en'));
		this.problem = problem;
	}
}

/** Why a workshop cannot be loaded, said in `lang`. */
export function loadProblemText(problem: LoadProblem, lang: Locale): string {
	const locale = { locale: lang };
	if (problem.kind === 'unparsable') return m.wsx_problem_unparsable({ id: problem.workshop, detail: problem.detail }, locale);
	if (problem.kind === 'unreplayable') return m.wsx_problem_unreplayable({ step: problem.step, move: problem.move }, locale);
	return problem.detail;
}
