import { json } from '@sveltejs/kit';
import type { Sender, WorkshopCommand } from '$lib/core/index.js';
import { isFacilitator, participantLimiter, participantOf, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

const MAX_BODY = 8 * 1024;
const COMMAND_ID = /^[A-Za-z0-9_-]{8,64}$/;

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
	let command: WorkshopCommand;
	try {
		command = JSON.parse(text) as WorkshopCommand;
	} catch {
		return refuse(400, 'The command is not JSON.');
	}
	if (typeof command !== 'object' || command === null || typeof command.type !== 'string' || typeof command.id !== 'string' || !COMMAND_ID.test(command.id)) {
		return refuse(400, 'A command needs a type and an id of 8–64 letters, digits, "-" or "_".');
	}
	if (command.type === 'join') return refuse(400, 'Join through the join page.');
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
