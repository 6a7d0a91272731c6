import { json } from '@sveltejs/kit';
import { parseCommand, type Sender } from '$lib/core/index.js';
import { isFacilitator, participantLimiter, participantOf, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

const MAX_BODY = 8 * 1024;

/**
 * Runs one command (JSON) from the workshop's facilitator or a participant,
 * as the cookies say who is asking. Answers only after the events are
 * committed: `{ok: true, seq}`; a refusal is `{ok: false, message}` with
 * 400, 403, 404, 409 or 429.
 */
export const POST: RequestHandler = async ({ params, request, cookies }) => {
	const refuse = (status: number, message: string) => json({ ok: false, message }, { status });
	const text = await request.text();
	if (text.length > MAX_BODY) return refuse(400, 'The command is too large.');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return refuse(400, 'The command is not JSON.');
	}
	const parsed = parseCommand(raw);
	if (!parsed.ok) return refuse(parsed.status, parsed.message);
	const { command } = parsed;
	const service = workshops();
	let sender: Sender;
	if (command.type === 'vote') {
		const participant = participantOf(cookies, params.wid);
		if (!participant) return refuse(403, 'Join the workshop first.');
		if (!participantLimiter.take(`${params.wid}:${participant}`, service.now())) return refuse(429, 'Too many requests; wait a moment and try again.');
		sender = { role: 'participant', participant };
	} else {
		if (!isFacilitator(cookies, params.wid)) return refuse(403, 'Only the facilitator can do that.');
		sender = { role: 'facilitator' };
	}
	const result = service.execute(params.wid, sender, command);
	return result.ok ? json(result) : refuse(result.status, result.message);
};
