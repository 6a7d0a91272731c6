import { error } from '@sveltejs/kit';
import type { ProjectorView } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** The projector: what the whole room sees, no names. */
export const load: PageServerLoad = ({ params, url }) => {
	const service = workshops();
	const live = service.get(params.wid);
	if (!live) {
		const lang = getLocale();
		const problem = service.problem(params.wid, lang);
		error(problem ? 409 : 404, problem ? m.wsx_cannot_open({ problem }, { locale: lang }) : m.wsx_no_workshop({}, { locale: lang }));
	}
	return {
		id: params.wid,
		code: live.row.code,
		joinUrl: `${roomOrigin(url)}/join/${live.row.code}`,
		view: live.view({ role: 'projector' }, service.now()) as ProjectorView
	};
};
