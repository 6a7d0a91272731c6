import { getLocale } from '$lib/paraglide/runtime.js';
import { listScenarios, SCENARIOS_DIR } from '$lib/server/scenarioFiles.js';
import { scenarioStatus } from '$lib/server/scenarioStatus.js';
import { serverEditing } from '$lib/server/editRequest.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	/** Whether this server lets scenarios be made and edited here. */
	editing: serverEditing(),
	// Titles and descriptions in the reader's language where the scenario gives them.
	scenarios: listScenarios(SCENARIOS_DIR, getLocale()).map((loaded) => {
		// Valid means it also unrolls and evaluates at its defaults, as `bp validate` checks;
		// a draft saved from the editor is listed with its first error.
		const status = scenarioStatus(loaded, getLocale());
		return {
			id: loaded.id,
			title: loaded.scenario?.title ?? loaded.id,
			description: loaded.scenario?.description ?? '',
			asOf: loaded.scenario?.asOf ?? '',
			sources: loaded.scenario?.sources.length ?? 0,
			nodes: status.run?.flat?.size ?? 0,
			errors: status.errors,
			warnings: status.warnings,
			firstError: status.firstError
		};
	})
});
