import { buildMachine, evaluateScenario } from '$lib/core/index.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { listScenarios, SCENARIOS_DIR } from '$lib/server/scenarioFiles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	// Titles and descriptions in the reader's language where the scenario gives them.
	scenarios: listScenarios(SCENARIOS_DIR, getLocale()).map((loaded) => {
		// Valid means it also unrolls and evaluates at its defaults, as `bp validate` checks.
		const run = loaded.scenario ? evaluateScenario(buildMachine(loaded.scenario)) : undefined;
		const issues = [...loaded.issues, ...(run?.issues ?? [])];
		return {
			id: loaded.id,
			title: loaded.scenario?.title ?? loaded.id,
			description: loaded.scenario?.description ?? '',
			asOf: loaded.scenario?.asOf ?? '',
			sources: loaded.scenario?.sources.length ?? 0,
			nodes: run?.flat?.size ?? 0,
			errors: issues.filter((i) => i.severity === 'error').length,
			warnings: issues.filter((i) => i.severity === 'warning').length
		};
	})
});
