// `npm run bp -- …`: the built command line (dist/cli), rebuilt first when a
// source file is newer than it, so the command answers without compiling
// TypeScript on every run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BUILT = 'dist/cli/branchpoint.mjs';

/** The newest modification time of a file, or of any file under a folder (milliseconds). */
function newest(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src/cli', 'src/lib/core', 'src/lib/export', 'src/lib/figures', 'src/lib/server', 'src/lib/view', 'tools/buildCli.js', 'package.json'];
const stale = !existsSync(BUILT) || Math.max(...sources.map(newest)) > statSync(BUILT).mtimeMs;
if (stale) await import('./buildCli.js');
await import(pathToFileURL(BUILT).href);
