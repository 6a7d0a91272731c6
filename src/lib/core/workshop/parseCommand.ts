import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Refusal } from './decideCommand.js';
import type { WorkshopCommand } from './types.js';

type Field = 'string' | 'string?' | 'integer';

/** Each command's fields and their types; `step` (optional everywhere) is the path length the sender saw. */
const FIELDS: Record<Exclude<WorkshopCommand['type'], 'join'>, Record<string, Field>> = {
	vote: { move: 'string', rationale: 'string?' },
	openVote: {},
	closeVote: {},
	decide: { move: 'string', rationale: 'string' },
	draw: {},
	inject: { inject: 'string' },
	injectText: { title: 'string', text: 'string' },
	override: { move: 'string', rationale: 'string' },
	correct: { rationale: 'string' },
	startTimer: {},
	pauseTimer: {},
	extendTimer: { seconds: 'integer' },
	moveParticipant: { participant: 'string', team: 'string' },
	removeParticipant: { participant: 'string' },
	closeJoining: {},
	openJoining: {},
	end: {},
	reopen: {}
};

const COMMAND_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Checks a command as it arrives over the network: a known type, an id of
 * 8–64 letters, digits, "-" or "_", and exactly the fields its type takes,
 * each of the right type. Joining goes through its own form. A refusal is
 * said in `lang`. Pure.
 */
export function parseCommand(raw: unknown, lang: Locale = 'en'): { ok: true; command: WorkshopCommand } | Refusal {
	const locale = { locale: lang };
	const refuse = (message: string): Refusal => ({ ok: false, status: 400, message });
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse(m.wsx_cmd_not_object({}, locale));
	const record = raw as Record<string, unknown>;
	const type = record.type;
	if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) return refuse(m.wsx_cmd_unknown_type({ type: String(JSON.stringify(type)) }, locale));
	if (typeof record.id !== 'string' || !COMMAND_ID.test(record.id)) return refuse(m.wsx_cmd_bad_id({}, locale));
	const fields = FIELDS[type as keyof typeof FIELDS];
	for (const key of Object.keys(record)) {
		if (key !== 'type' && key !== 'id' && key !== 'step' && !Object.hasOwn(fields, key)) return refuse(m.wsx_cmd_no_field({ type, key }, locale));
	}
	if (record.step !== undefined && !(Number.isSafeInteger(record.step) && (record.step as number) >= 0)) return refuse(m.wsx_cmd_bad_step({}, locale));
	for (const [key, kind] of Object.entries(fields)) {
		const value = record[key];
		if (kind === 'string?' && value === undefined) continue;
		if (kind === 'integer' ? !Number.isSafeInteger(value) : typeof value !== 'string') return refuse(kind === 'integer' ? m.wsx_cmd_not_integer({ key }, locale) : m.wsx_cmd_not_string({ key }, locale));
	}
	return { ok: true, command: record as unknown as WorkshopCommand };
}
