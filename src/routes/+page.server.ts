import { listScenarios } from '$lib/server/scenarioFiles.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	scenarios: listScenarios().map((loaded) => ({
		id: loaded.id,
		title: loaded.scenario?.title ?? loaded.id,
		description: loaded.scenario?.description ?? '',
		asOf: loaded.scenario?.asOf ?? '',
		sources: loaded.scenario?.sources.length ?? 0,
		errors: loaded.issues.filter((i) => i.severity === 'error').length,
		warnings: loaded.issues.filter((i) => i.severity === 'warning').length
	}))
});
