import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** Where participants type the code from the projector. */
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', problem: undefined };
	const locale = { locale: getLocale() };
	const code = normaliseJoinCode(typed);
	if (!code) return { typed, problem: m.join_bad_code({}, locale) };
	if (!workshops().store.byCode(code)) return { typed, problem: m.join_no_workshop({ code }, locale) };
	redirect(303, `/join/${code}`);
};
