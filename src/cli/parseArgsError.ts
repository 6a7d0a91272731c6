import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';

/** Node's parseArgs errors by their first line, with the option each names, and the same error in other words. */
const KNOWN: readonly [RegExp, (option: string, lang: Locale) => string][] = [
	[/^Unknown option '([^']+)'/, (option, lang) => m.cli_args_unknown_option({ option }, { locale: lang })],
	[/^Option '([^']+)' argument missing/, (option, lang) => m.cli_args_missing_value({ option }, { locale: lang })],
	[/^Option '([^']+)' does not take an argument/, (option, lang) => m.cli_args_no_value({ option }, { locale: lang })],
	[/^Option '([^']+)' argument is ambiguous/, (option, lang) => m.cli_args_ambiguous({ option }, { locale: lang })]
];

/**
 * What went wrong with the command line, from an error of `util.parseArgs`:
 * in English Node's own first line, as it always was; in another language
 * the same error reworded, where it is one Node is known to give.
 */
export function parseArgsError(error: Error, lang: Locale): string {
	const line = error.message.split('\n')[0];
	if (lang === 'en') return line;
	for (const [pattern, reword] of KNOWN) {
		const found = pattern.exec(line);
		if (found) return reword(found[1], lang);
	}
	return line;
}
