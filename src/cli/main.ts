import { register } from 'node:module';
import { parseArgs } from 'node:util';
import { runCommand } from './runCommand.js';

/** Defined (true) in the built command line, whose Svelte components are compiled already (tools/buildCli.js). */
declare const BRANCHPOINT_BUILT: boolean | undefined;

const USAGE = `Usage: npm run bp -- <command> [options]

Commands:
  validate <scenario>           check a scenario file; located errors, exit 1 on any
  tree <scenario>               print the evaluated decision tree
  evaluate <scenario>           expected values, the optimal policy, and the tree
  analyse <scenario> tornado|threshold|twoway|montecarlo|evppi|simulate|spiral
                                sensitivity, thresholds, region maps, Monte Carlo,
                                value of information, random walks of the machine,
                                the deterrence-spiral model
  export <scenario> --format svg|png|pdf|csv|md|docx|bib|csl|json
                                figures, tables, a report and citations for a
                                paper; the same exporter as the workbench
  export-workshop <id> --format md|docx|pdf|csv|json|svg|png [--content review|log|path] [--names]
                                a workshop's after-action review (md, docx, pdf),
                                its raw log (csv, json) or the played path on
                                the tree (svg, png; pdf with --content path) from
                                BRANCHPOINT_DATA; participants' names only with --names
  verify-citations --sources <dir> [--write] [scenario…]
                                find every excerpt in its source text

<scenario> is a folder, a scenario.yaml, or an id under scenarios/.

Options:
  --set id=value      override an assumption (repeatable)
  --preset id         start from a preset's values
  --perspective id    whose moves are decisions (default: the scenario's)
  --play id=p         how another actor moves: chance (by the probabilities),
                      strategic (its best move by its preferences, looking
                      ahead) or bounded (logit choice with its rationality λ);
                      repeatable
  --criterion id      optimise one criterion instead of the weighted score
  --depth N           print the tree to depth N
  --optimal           print only the optimal policy's paths
  --json              machine-readable output
  --csv               a table (analyse)
  --runs N --seed N   Monte Carlo and simulation (same seed, same numbers)
  --assumption id     threshold: which assumption; --tolerance t (default 1e-4)
  --policy p          tornado: reoptimise (default: the best policy at each
                      setting) or fixed (the base case's policy held);
                      --steps N points per number (default 11)
  --group a,b,…       evppi: the value of learning these assumptions together
                      (nested Monte Carlo; --runs is outer × inner, default 100 × 100)
  --x id --y id       twoway: the two assumptions; --steps N grid points per axis
  --decisions d       simulate: random (default: decisions at random among open
                      moves) or optimal (the perspective follows the optimal policy)

Export options:
  --format f          svg, png, pdf (figures); csv (tables); md, docx (report or
                      options table); bib, csl (sources); json (the report's data)
  --content c         tree (default), tornado, twoway, histogram, risk, spiral;
                      options (csv default), nodes (the whole tree, csv);
                      report (md, docx, json default); sources (bib, csl)
  --subtree path      tree: draw from this node (move ids joined by "/")
  --depth N           tree: levels drawn (default 2); --optimal: optimal moves only
  --greyscale         print colours as greys
  --dpi N             PNG resolution (default 300; 600 and 1200 for line art)
  --title t --caption t   replace the figure's title or caption
  --out file          where to write ("-" for standard output); text formats
                      default to standard output, others to <scenario>-<content>.<ext>
`;

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
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		process.stderr.write(`${(error as Error).message.split('\n')[0]}\n\n${USAGE}`);
		process.exit(2);
	}
}

// Output piped into `head` and the like: stop quietly when the reader has gone.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const { values, positionals } = parse();

if (values.help || positionals.length === 0) {
	process.stdout.write(USAGE);
	process.exit(values.help ? 0 : 2);
}

if (positionals[0] === 'export' || positionals[0] === 'export-workshop') {
	// Loaded only for exports: they render the workbench's Svelte components, compiled on import by
	// the hooks registered here, and pull in pdfkit and docx.
	if (typeof BRANCHPOINT_BUILT === 'undefined') register('./svelteHooks.js', import.meta.url);
	const result =
		positionals[0] === 'export'
			? await (await import('./exportCommand.js')).exportCommand(positionals.slice(1), values)
			: await (await import('./exportWorkshopCommand.js')).exportWorkshopCommand(positionals.slice(1), values);
	if (result.bytes) process.stdout.write(result.bytes);
	if (result.stderr) process.stderr.write(`${result.stderr}\n`);
	process.exitCode = result.code;
} else {
	finish(runCommand(positionals[0], positionals.slice(1), values));
}

function finish(result: ReturnType<typeof runCommand>) {
	if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
	if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
	// exitCode, not exit(): output to a pipe is written asynchronously and exit() would cut it off.
	process.exitCode = result.code;
}
