import { error } from '@sveltejs/kit';
import { reviewTimeline, reviewWorkshop } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { encodeWhatIf } from '$lib/state/permalink.js';
import { isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** The debrief: the played path beside the model's values and best moves, for the facilitator. */
export const load: PageServerLoad = ({ params, cookies }) => {
	const service = workshops();
	const lang = getLocale();
	const live = service.get(params.wid);
	if (!live) {
		const problem = service.problem(params.wid, lang);
		error(problem ? 409 : 404, problem ?? m.wsx_no_workshop({}, { locale: lang }));
	}
	if (!isFacilitator(cookies, params.wid)) error(403, m.wsx_review_facilitators({}, { locale: lang }));
	const { state, scenario } = live;
	const review = reviewWorkshop(live.model, state, { names: true, lang });
	const perspective = state.setup.perspective === scenario.perspective ? undefined : state.setup.perspective;
	// "What if we had chosen …": the workbench at that step, on the workshop's values, down the other move.
	const whatIf = (walk: string[]) => `/s/${encodeURIComponent(state.setup.scenarioId)}?${encodeWhatIf({ overrides: state.setup.overrides, perspective, walk, seed: state.setup.seed }).toString()}`;
	const walk = state.path.map((e) => e.step.move);
	const actorName = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
	const criteria = scenario.criteria.map((c) => ({ id: c.id, label: c.label, direction: c.direction }));
	return {
		id: params.wid,
		title: state.setup.title,
		scenarioTitle: scenario.title,
		criteria,
		totalRegret: review.totalRegret,
		steps: review.steps.map((s) => ({
			...s,
			actorName: actorName(s.step.actor),
			links: Object.fromEntries(s.options.map((o) => [o.move, whatIf([...walk.slice(0, s.index), o.move])]))
		})),
		timeline: reviewTimeline(state, lang)
	};
};
