import { error, redirect } from '@sveltejs/kit';
import type { FacilitatorView } from '$lib/core/index.js';
import { admitFacilitator, isFacilitator, lanAddresses, roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/**
 * The facilitator's console. The private link (`?key=…`) admits this
 * browser and is then taken out of the address bar.
 */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const service = workshops();
	const live = service.get(params.wid);
	if (!live) error(service.problem(params.wid) ? 409 : 404, service.problem(params.wid) ? `This workshop cannot be opened: ${service.problem(params.wid)}` : 'No such workshop.');
	const key = url.searchParams.get('key');
	if (key !== null) {
		if (!admitFacilitator(cookies, url, params.wid, key)) error(403, 'This private link is not right for this workshop.');
		redirect(303, url.pathname);
	}
	if (!isFacilitator(cookies, params.wid)) error(403, 'This is the facilitator’s console: open the private link you were given when the workshop was created.');
	const origin = roomOrigin(url);
	return {
		id: params.wid,
		code: live.row.code,
		view: live.view({ role: 'facilitator' }, service.now()) as FacilitatorView,
		joinUrl: `${origin}/join/${live.row.code}`,
		privateLink: `${origin}/workshops/${params.wid}/console?key=${live.row.facilitatorKey}`,
		projectorLink: `/workshops/${params.wid}/projector`,
		addresses: lanAddresses().map((a) => `${url.protocol}//${a}${url.port ? `:${url.port}` : ''}`)
	};
};
