import { register } from 'node:module';
import { parseArgs } from 'node:util';
import { m } from '../lib/paraglide/messages.js';
import type { Locale } from '../lib/paraglide/runtime.js';
import { cliLanguage } from './cliLanguage.js';
import { parseArgsError } from './parseArgsError.js';
import { runCommand } from './runCommand.js';

/** Defined (true) in the built command line, whose Svelte components are compiled already (tools/buildCli.js). */
declare const BRANCHPOINT_BUILT: boolean | undefined;

function parse() {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				set: { type: 'string', multiple: true },
				preset: { type: 'string' },
				perspective: { type: 'string' },
				play: { type: 'string', multiple: true },
				criterion: { type: 'string' },
				depth: { type: 'string' },
				optimal: { type: 'boolean' },
				json: { type: 'boolean' },
				sources: { type: 'string' },
				write: { type: 'boolean' },
				csv: { type: 'boolean' },
				runs: { type: 'string' },
				seed: { type: 'string' },
				steps: { type: 'string' },
				tolerance: { type: 'string' },
				policy: { type: 'string' },
				decisions: { type: 'string' },
				assumption: { type: 'string' },
				group: { type: 'string' },
				x: { type: 'string' },
				y: { type: 'string' },
				format: { type: 'string' },
				content: { type: 'string' },
				subtree: { type: 'string' },
				greyscale: { type: 'boolean' },
				dpi: { type: 'string' },
				title: { type: 'string' },
				caption: { type: 'string' },
				out: { type: 'string', short: 'o' },
				names: { type: 'boolean' },
				force: { type: 'boolean' },
				tree: { type: 'string' },
				lang: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		// The command line could not be read, but a --lang in it still chooses the language to say so in.
		const { lang } = parseArgs({ strict: false, allowPositionals: true, options: { lang: { type: 'string' } } }).values;
		const told = cliLanguage(typeof lang === 'string' ? lang : undefined, process.env).lang;
		process.stderr.write(`${parseArgsError(error as Error, told)}\n\n${usage(told)}`);
		process.exit(2);
	}
}

/** The help text, in `lang`. */
function usage(lang: Locale): string {
	return m.cli_usage({}, { locale: lang }) + m.sd_cli_usage({}, { locale: lang });
}

// Output piped into `head` and the like: stop quietly when the reader has gone.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { values, positionals } = parse();
const language = cliLanguage(values.lang, process.env);
if (language.problem) {
	process.stderr.write(`${language.problem}\n`);
	process.exit(2);
}
const { lang } = language;

if (values.help || positionals.length === 0) {
	process.stdout.write(usage(lang));
	process.exit(values.help ? 0 : 2);
}

if (positionals[0] === 'export' || positionals[0] === 'export-workshop') {
	// Loaded only for exports: they render the workbench's Svelte components, compiled on import by
	// the hooks registered here, and pull in pdfkit and docx.
	if (typeof BRANCHPOINT_BUILT === 'undefined') register('./svelteHooks.js', import.meta.url);
	// A file's language is part of what it is made from, so only a typed --lang chooses it (the command a
	// file records, or the workbench shows, then makes the same bytes anywhere); the environment's
	// language is only the language the command speaks in.
	const options = { ...values, say: lang };
	const result =
		positionals[0] === 'export'
			? await (await import('./exportCommand.js')).exportCommand(positionals.slice(1), options)
			: await (await import('./exportWorkshopCommand.js')).exportWorkshopCommand(positionals.slice(1), options);
	if (result.bytes) process.stdout.write(result.bytes);
	if (result.stderr) process.stderr.write(`${result.stderr}\n`);
	process.exitCode = result.code;
} else if (positionals[0] === 'import') {
	finish((await import('./importCommand.js')).importCommand(positionals.slice(1), { ...values, lang }));
} else {
	finish(runCommand(positionals[0], positionals.slice(1), { ...values, lang }));
}

function finish(result: ReturnType<typeof runCommand>) {
	if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
	if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
	// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it off.
	process.exitCode = result.code;
}
