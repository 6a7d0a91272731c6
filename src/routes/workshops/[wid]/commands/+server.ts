import { json } from '@sveltejs/kit';
import { parseCommand, type Sender } from '$lib/core/index.js';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { isFacilitator, participantLimiter, participantOf, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

const MAX_BODY = 8 * 1024;

/**
 * Runs one command (JSON) from the workshop's facilitator or a participant,
 * as the cookies say who is asking. Answers only after the events are
 * committed: `{ok: true, seq}`; a refusal is `{ok: false, message}` with
 * 400, 403, 404, 409 or 429, its message in the sender's language.
 */
export const POST: RequestHandler = async ({ params, request, cookies }) => {
	const lang = getLocale();
	const locale = { locale: lang };
	const refuse = (status: number, message: string) => json({ ok: false, message }, { status });
	const text = await request.text();
	if (text.length > MAX_BODY) return refuse(400, m.wsx_cmd_too_large({}, locale));
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return refuse(400, m.wsx_cmd_not_json({}, locale));
	}
	const parsed = parseCommand(raw, lang);
	if (!parsed.ok) return refuse(parsed.status, parsed.message);
	const { command } = parsed;
	const service = workshops();
	let sender: Sender;
	if (command.type === 'vote') {
		const participant = participantOf(cookies, params.wid);
		if (!participant) return refuse(403, m.wsx_join_first({}, locale));
		if (!participantLimiter.take(`${params.wid}:${participant}`, service.now())) return refuse(429, m.wsx_too_many_requests({}, locale));
		sender = { role: 'participant', participant };
	} else {
		if (!isFacilitator(cookies, params.wid)) return refuse(403, m.wsx_only_facilitator({}, locale));
		sender = { role: 'facilitator' };
	}
	const result = service.execute(params.wid, sender, command, lang);
	return result.ok ? json(result) : refuse(result.status, result.message);
};
