import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/index.js';
import { workshops } from '$lib/server/workshop/workshops.js';
import type { PageServerLoad } from './$types';

/** Where participants type the code from the projector. */
export const load: PageServerLoad = ({ url }) => {
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', problem: undefined };
	const code = normaliseJoinCode(typed);
	if (!code) return { typed, problem: 'A code is 6 letters and digits, as shown on the projector.' };
	if (!workshops().store.byCode(code)) return { typed, problem: `No workshop has the code ${code}; check it on the projector.` };
	redirect(303, `/join/${code}`);
};
