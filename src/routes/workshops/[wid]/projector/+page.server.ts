import { error } from '@sveltejs/kit';
import type { ProjectorView } from '$lib/core/index.js';
import { roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** The projector: what the whole room sees, no names. */
export const load: PageServerLoad = ({ params, url }) => {
	const service = workshops();
	const live = service.get(params.wid);
	if (!live) error(service.problem(params.wid) ? 409 : 404, service.problem(params.wid) ? `This workshop cannot be opened: ${service.problem(params.wid)}` : 'No such workshop.');
	return {
		id: params.wid,
		code: live.row.code,
		joinUrl: `${roomOrigin(url)}/join/${live.row.code}`,
		view: live.view({ role: 'projector' }, service.now()) as ProjectorView
	};
};
