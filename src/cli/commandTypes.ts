import type { Locale } from '../lib/paraglide/runtime.js';

/** What a command prints and its exit code; `main.ts` does the process I/O. */
export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

export interface CommandOptions {
	set?: string[];
	preset?: string;
	perspective?: string;
	/** `actor=chance|strategic|bounded`, repeatable. */
	play?: string[];
	criterion?: string;
	depth?: string;
	optimal?: boolean;
	json?: boolean;
	sources?: string;
	write?: boolean;
	csv?: boolean;
	runs?: string;
	seed?: string;
	steps?: string;
	tolerance?: string;
	/** tornado: "reoptimise" (default) or "fixed" (the base case's policy held). */
	policy?: string;
	/** simulate: "random" (default) or "optimal" (the perspective follows the optimal policy). */
	decisions?: string;
	assumption?: string;
	/** evppi: assumption ids learnt together, joined by commas. */
	group?: string;
	x?: string;
	y?: string;
	/** The language of what is printed for people (`cliLanguage`); `--json` and `--csv` are the same in every language. English when absent. */
	lang?: Locale;
}
