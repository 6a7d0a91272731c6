import { verifyCitationsCommand } from './verifyCitationsCommand.js';
import { analyseCommand } from './analyseCommand.js';
import { evaluateCommand, validateCommand } from './scenarioCommands.js';
import { m } from '../lib/paraglide/messages.js';
import type { CommandOptions, CommandResult } from './commandTypes.js';

export type { CommandOptions, CommandResult } from './commandTypes.js';

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
			return { code: 2, stdout: '', stderr: m.cli_unknown_command({ command }, { locale: options.lang ?? 'en' }) };
	}
}
