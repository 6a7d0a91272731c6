import { verifyCitationsCommand } from './verifyCitationsCommand.js';
import { analyseCommand } from './analyseCommand.js';
import { evaluateCommand, validateCommand } from './scenarioCommands.js';

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
}

/** Runs one CLI command and returns what it prints; `main.ts` does the process I/O. */
export function runCommand(command: string, args: string[], options: CommandOptions): CommandResult {
	switch (command) {
		case 'validate':
			return validateCommand(args, options);
		case 'tree':
			return evaluateCommand(args, options, { policy: false });
		case 'evaluate':
			return evaluateCommand(args, options, { policy: true });
		case 'analyse':
		case 'analyze':
			return analyseCommand(args, options);
		case 'verify-citations':
			return verifyCitationsCommand(args, options);
		default:
			return { code: 2, stdout: '', stderr: `Unknown command "${command}". Commands: validate, tree, evaluate, analyse, verify-citations (see --help).` };
	}
}
