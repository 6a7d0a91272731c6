// Registers the `.svelte` loader (see svelteHooks.js) before the CLI starts.
import { register } from 'node:module';

register('./svelteHooks.js', import.meta.url);
