// Node module hooks that compile `.svelte` files for server rendering, so the
// CLI renders figures with the same components as the workbench.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<object>} nextLoad
 */
export async function load(url, context, nextLoad) {
	if (!url.endsWith('.svelte')) return nextLoad(url, context);
	const filename = fileURLToPath(url);
	const source = await readFile(filename, 'utf8');
	const { js } = compile(source, { filename, generate: 'server', dev: false });
	return { format: 'module', source: js.code, shortCircuit: true };
}
