// Builds the command line into dist/cli/ (`npm run build:cli`; `npm start` and
// `npm run bp` run it): TypeScript and the figures' Svelte components compiled
// once, instead of on every run. Packages (but mathjs) stay in node_modules; the exporter,
// with pdfkit and docx, is a chunk loaded only by the export commands.
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { compile } from 'svelte/compiler';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** Svelte components compiled for server rendering, as the workbench's SSR does. */
const svelte = {
	name: 'svelte',
	setup(b) {
		b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
			const { js } = compile(await readFile(path, 'utf8'), { filename: path, generate: 'server', dev: false });
			return { contents: js.code, loader: 'js' };
		});
	}
};

rmSync('dist/cli', { recursive: true, force: true });
await build({
	entryPoints: { branchpoint: 'src/cli/main.ts' },
	outdir: 'dist/cli',
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	// mathjs is bundled so that only the factories formulas use are kept: importing the whole
	// package takes Node about a second. Every other package is loaded from node_modules.
	external: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
		.filter((name) => name !== 'mathjs')
		.flatMap((name) => [name, `${name}/*`]),
	outExtension: { '.js': '.mjs' },
	define: { BRANCHPOINT_BUILT: 'true' },
	banner: { js: '#!/usr/bin/env node' },
	plugins: [svelte],
	logLevel: 'warning'
});
