import { error } from '@sveltejs/kit';
import { compareWorkshops, reviewWorkshop } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** Several runs of one scenario, among the workshops this browser facilitates. */
export const load: PageServerLoad = ({ url, cookies }) => {
	const lang = getLocale();
	const scenarioId = url.searchParams.get('scenario');
	if (!scenarioId) error(400, m.wsx_compare_which({}, { locale: lang }));
	const service = workshops();
	const runs = service
		.list()
		.filter((w) => w.scenarioId === scenarioId && !w.problem && isFacilitator(cookies, w.id))
		.flatMap((w) => {
			const live = service.get(w.id);
			return live ? [{ id: w.id, title: w.title, review: reviewWorkshop(live.model, live.state, { names: false, lang }), actors: live.scenario.actors }] : [];
		});
	const comparison = compareWorkshops(runs);
	const actors = runs[0]?.actors ?? [];
	return {
		scenarioId,
		comparison,
		actorNames: Object.fromEntries(actors.map((a) => [a.id, a.name]))
	};
};
