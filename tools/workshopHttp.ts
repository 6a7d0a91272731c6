import { randomBytes } from 'node:crypto';

/**
 * A workshop driven over HTTP as browsers drive it (form posts with an
 * Origin, cookies, JSON commands, the event stream), for tests and the
 * load benchmark that need many participants without many browsers.
 */

/** The `name=value` of a Set-Cookie header whose name starts with `prefix`. */
function cookieFrom(response: Response, prefix: string): string {
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith(prefix));
	if (!cookie) throw new Error(`no ${prefix}… cookie in the answer (${response.status})`);
	return cookie.split(';')[0];
}

async function postForm(url: string, origin: string, fields: [string, string][], cookie?: string): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin, ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(fields).toString()
	});
}

export interface CreatedWorkshop {
	id: string;
	code: string;
	/** `bp_f_<id>=…`, to send as the Cookie header. */
	facilitator: string;
}

/** Creates a workshop through the creation form and reads its join code off the projector page. */
export async function createWorkshop(baseURL: string, options: { teams: string[]; seed?: number; title?: string; scenario?: string }): Promise<CreatedWorkshop> {
	const fields: [string, string][] = [
		['scenario', options.scenario ?? 'russia-dprk-2024'],
		['title', options.title ?? 'Workshop over HTTP'],
		...options.teams.map((t): [string, string] => ['teams', t]),
		['others', 'draw'],
		['seed', String(options.seed ?? 1)],
		['roundMinutes', '5']
	];
	const response = await postForm(`${baseURL}/workshops?/create`, baseURL, fields);
	const location = response.headers.get('location') ?? '';
	const id = /\/workshops\/([^/]+)\/console/.exec(location)?.[1];
	if (response.status !== 303 || !id) throw new Error(`creating the workshop answered ${response.status}: ${await response.text()}`);
	const facilitator = cookieFrom(response, `bp_f_${id}=`);
	const projector = await (await fetch(`${baseURL}/workshops/${id}/projector`)).text();
	const code = /data-testid="projector-code"[^>]*>([A-Z0-9]{6})</.exec(projector)?.[1];
	if (!code) throw new Error('no join code on the projector page');
	return { id, code, facilitator };
}

/** The join form's one-time value, as the join page makes it. */
export const joinToken = () => randomBytes(12).toString('base64url');

/** Joins as a participant; returns the `bp_p_<id>=…` cookie. */
export async function joinWorkshop(baseURL: string, workshop: { id: string; code: string }, options: { name: string; team?: string; origin?: string; token?: string }): Promise<string> {
	const response = await postForm(`${baseURL}/join/${workshop.code}?/join`, options.origin ?? baseURL, [
		['name', options.name],
		['team', options.team ?? ''],
		['token', options.token ?? joinToken()]
	]);
	if (response.status !== 303) throw new Error(`joining answered ${response.status}: ${await response.text()}`);
	return cookieFrom(response, `bp_p_${workshop.id}=`);
}

export const newCommandId = () => randomBytes(12).toString('hex');

export interface CommandAnswer {
	status: number;
	ok: boolean;
	seq?: number;
	duplicate?: boolean;
	message?: string;
}

/** Sends one command as JSON with the sender's cookie; resolves with the server's answer. */
export async function sendCommand(baseURL: string, workshopId: string, cookie: string, command: Record<string, unknown>): Promise<CommandAnswer> {
	const response = await fetch(`${baseURL}/workshops/${workshopId}/commands`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ id: newCommandId(), ...command })
	});
	return { status: response.status, ...((await response.json()) as Omit<CommandAnswer, 'status'>) };
}

export interface StreamMessage {
	id?: number;
	event?: string;
	data: string;
}

/**
 * Opens the workshop's event stream and calls `onMessage` for each message;
 * returns a function that closes it.
 */
export function openStream(url: string, options: { cookie?: string; lastEventId?: number; onMessage: (message: StreamMessage) => void; onEnd?: () => void }): () => void {
	const abort = new AbortController();
	const headers: Record<string, string> = { accept: 'text/event-stream' };
	if (options.cookie) headers.cookie = options.cookie;
	if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId);
	void (async () => {
		try {
			const response = await fetch(url, { headers, signal: abort.signal });
			if (!response.body) return;
			const decoder = new TextDecoder();
			let buffer = '';
			for await (const chunk of response.body) {
				buffer += decoder.decode(chunk as Uint8Array, { stream: true });
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const message: StreamMessage = { data: '' };
					for (const line of block.split('\n')) {
						if (line.startsWith('id: ')) message.id = Number(line.slice(4));
						else if (line.startsWith('event: ')) message.event = line.slice(7);
						else if (line.startsWith('data: ')) message.data += line.slice(6);
					}
					if (message.event) options.onMessage(message);
				}
			}
		} catch {
			// closed by us or by the server
		}
		options.onEnd?.();
	})();
	return () => abort.abort();
}
