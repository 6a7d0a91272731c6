import { error } from '@sveltejs/kit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildMachine, evaluateScenario } from '$lib/core/index.js';
import { loadScenario, SCENARIOS_DIR } from '$lib/server/scenarioFiles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	// Only a scenario folder: its id is a single path segment holding scenario.yaml.
	const file = join(SCENARIOS_DIR, params.id, 'scenario.yaml');
	if (params.id.startsWith('.') || params.id.includes('/') || !existsSync(file)) error(404, `No scenario "${params.id}"`);
	const loaded = loadScenario(file);
	const shown = `scenarios/${loaded.id}/scenario.yaml`;
	if (!loaded.scenario) return { id: loaded.id, file: shown, scenario: undefined, issues: loaded.issues };
	// A scenario that parses but cannot unroll at its defaults opens to its errors too.
	const run = evaluateScenario(buildMachine(loaded.scenario));
	if (!run.flat) return { id: loaded.id, file: shown, scenario: undefined, issues: [...loaded.issues, ...run.issues] };
	return { id: loaded.id, file: shown, scenario: loaded.scenario, issues: loaded.issues };
};
