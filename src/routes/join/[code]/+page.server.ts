import { error, fail, redirect } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { normaliseJoinCode, type ParticipantView } from '$lib/core/index.js';
import { joinLimiter, participantOf, rememberParticipant, workshops } from '$lib/server/workshop/workshops.js';
import type { Actions, PageServerLoad } from './$types';

function workshopByCode(raw: string) {
	const code = normaliseJoinCode(raw);
	const live = code ? workshops().byCode(code) : undefined;
	if (!live) error(404, m.join_no_workshop({ code: raw }, { locale: getLocale() }));
	return live;
}

/** A participant's page: the join form, or, once joined (signed cookie), their live view. */
export const load: PageServerLoad = ({ params, cookies }) => {
	const live = workshopByCode(params.code);
	const id = live.row.id;
	const participant = participantOf(cookies, id);
	const known = participant && live.state.participants[participant] && !live.state.participants[participant].removed ? participant : undefined;
	const teams = live.state.setup.teams.map((t) => ({ id: t, name: live.scenario.actors.find((a) => a.id === t)?.name ?? t }));
	return {
		id,
		code: live.row.code,
		title: live.state.setup.title,
		joining: live.state.joining,
		teams,
		removed: participant !== undefined && live.state.participants[participant]?.removed === true,
		// One join per form: a double tap on a slow phone sends it twice, and the second is the same command.
		token: randomBytes(12).toString('base64url'),
		view: known ? (live.view({ role: 'participant', participant: known }, workshops().now()) as ParticipantView) : undefined
	};
};

export const actions: Actions = {
	join: async ({ params, request, cookies, url, getClientAddress }) => {
		const lang = getLocale();
		const live = workshopByCode(params.code);
		const service = workshops();
		// Someone already in the workshop goes back to their page rather than joining a second time.
		const already = participantOf(cookies, live.row.id);
		if (already && live.state.participants[already] && !live.state.participants[already].removed) redirect(303, `/join/${live.row.code}`);
		if (!joinLimiter.take(getClientAddress(), service.now())) return fail(429, { error: m.join_too_many({}, { locale: lang }), name: '', team: '' });
		const form = await request.formData();
		const name = form.get('name');
		const team = form.get('team');
		const token = form.get('token');
		const typed = { name: typeof name === 'string' ? name : '', team: typeof team === 'string' ? team : '' };
		if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{16}$/.test(token)) return fail(400, { error: m.join_stale_form({}, { locale: lang }), ...typed });
		const participant = randomBytes(9).toString('base64url');
		const result = service.execute(live.row.id, { role: 'participant', participant }, { id: `join-${token}`, type: 'join', participant, name: typed.name, team: typed.team || undefined }, lang);
		if (!result.ok) return fail(result.status, { error: result.message, ...typed });
		// A repeated form names the participant its first submission made.
		const joined = result.duplicate ? service.store.event(live.row.id, result.seq) : undefined;
		rememberParticipant(cookies, url, live.row.id, joined?.type === 'joined' ? joined.participant.id : participant);
		redirect(303, `/join/${live.row.code}`);
	}
};
