import { error } from '@sveltejs/kit';
import { buildMachine, evaluateScenario } from '$lib/core/index.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { loadScenario, scenarioFileById } from '$lib/server/scenarioFiles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const file = scenarioFileById(params.id);
	if (!file) error(404, `No scenario "${params.id}"`);
	// The scenario's texts in the reader's language where it gives them.
	const loaded = loadScenario(file, getLocale());
	const shown = `scenarios/${loaded.id}/scenario.yaml`;
	if (!loaded.scenario) return { id: loaded.id, file: shown, scenario: undefined, issues: loaded.issues };
	// A scenario that parses but cannot unroll at its defaults opens to its errors too.
	const run = evaluateScenario(buildMachine(loaded.scenario), { lang: getLocale() });
	if (!run.flat) return { id: loaded.id, file: shown, scenario: undefined, issues: [...loaded.issues, ...run.issues] };
	return { id: loaded.id, file: shown, scenario: loaded.scenario, issues: loaded.issues };
};
