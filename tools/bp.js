// `npm run bp -- …`: the built command line (dist/cli), rebuilt first when a
// source file is newer than it, so the command answers without compiling
// TypeScript on every run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BUILT = 'dist/cli/branchpoint.mjs';

/** The newest modification time of a file under these folders (milliseconds). */
function newest(dirs) {
	let time = 0;
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else time = Math.max(time, statSync(path).mtimeMs);
		}
	};
	for (const dir of dirs) walk(dir);
	return time;
}

const sources = ['src/cli', 'src/lib/core', 'src/lib/export', 'src/lib/figures', 'src/lib/server', 'src/lib/view', 'tools/buildCli.js', 'package.json'];
const stale = !existsSync(BUILT) || newest(sources.filter((s) => statSync(s).isDirectory())) > statSync(BUILT).mtimeMs || sources.filter((s) => !statSync(s).isDirectory()).some((f) => statSync(f).mtimeMs > statSync(BUILT).mtimeMs);
if (stale) await import('./buildCli.js');
await import(pathToFileURL(BUILT).href);
