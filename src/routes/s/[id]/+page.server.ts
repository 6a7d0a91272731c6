import { error } from '@sveltejs/kit';
import { loadScenario, resolveScenarioFile, SCENARIOS_DIR } from '$lib/server/scenarioFiles.js';
import { join } from 'node:path';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(params.id)) error(404, 'No such scenario');
	const file = resolveScenarioFile(join(SCENARIOS_DIR, params.id));
	if (!file) error(404, `No scenario "${params.id}"`);
	const loaded = loadScenario(file);
	return { id: loaded.id, file: `scenarios/${loaded.id}/scenario.yaml`, scenario: loaded.scenario, issues: loaded.issues };
};
