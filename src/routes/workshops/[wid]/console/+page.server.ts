import { error, redirect } from '@sveltejs/kit';
import type { FacilitatorView } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { admitFacilitator, isFacilitator, lanAddresses, roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/**
 * The facilitator's console. The private link (`?key=…`) admits this
 * browser and is then taken out of the address bar.
 */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const service = workshops();
	const locale = { locale: getLocale() };
	const live = service.get(params.wid);
	if (!live) {
		const problem = service.problem(params.wid, locale.locale);
		error(problem ? 409 : 404, problem ? m.wsx_cannot_open({ problem }, locale) : m.wsx_no_workshop({}, locale));
	}
	const key = url.searchParams.get('key');
	if (key !== null) {
		if (!admitFacilitator(cookies, url, params.wid, key)) error(403, m.wsx_wrong_private_link({}, locale));
		redirect(303, url.pathname);
	}
	if (!isFacilitator(cookies, params.wid)) error(403, m.wsx_console_facilitators({}, locale));
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
