import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Audience, Subscriber } from '$lib/server/workshop/LiveWorkshop.js';
import { isFacilitator, participantOf, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

const HEARTBEAT_MS = 15_000;
/** Streams one workshop may hold: a full room with spare devices, and a bound on what a flood can take. */
const MAX_STREAMS = 400;

/**
 * The workshop's Server-Sent Events: each message is the view of this
 * stream's audience (`?as=facilitator|projector|participant`) after event
 * `id`. A client that reconnects sends Last-Event-ID; if events happened
 * since, it gets the view that folds them all at once, else nothing until
 * the next event. Comments every 15 s keep phones' connections open.
 */
export const GET: RequestHandler = ({ params, url, cookies, request }) => {
	const service = workshops();
	const locale = { locale: getLocale() };
	const live = service.get(params.wid);
	if (!live) {
		const problem = service.problem(params.wid, locale.locale);
		error(problem ? 409 : 404, problem ?? m.wsx_no_workshop({}, locale));
	}
	if (live.subscribers.size >= MAX_STREAMS) error(503, m.wsx_too_many_streams({}, locale));
	const as = url.searchParams.get('as') ?? 'participant';
	let audience: Audience;
	if (as === 'facilitator') {
		if (!isFacilitator(cookies, params.wid)) error(403, m.wsx_open_private_link({}, locale));
		audience = { role: 'facilitator' };
	} else if (as === 'projector') audience = { role: 'projector' };
	else {
		const participant = participantOf(cookies, params.wid);
		if (!participant || !live.state.participants[participant]) error(403, m.wsx_join_first({}, locale));
		audience = { role: 'participant', participant };
	}
	const lastId = Number(request.headers.get('last-event-id') ?? -1);
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const subscriber: Subscriber = {
				audience,
				send: (seq, json) => write(`id: ${seq}\nevent: view\ndata: ${json}\n\n`),
				close: () => {
					cleanup();
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				}
			};
			write('retry: 2000\n\n');
			if (!(Number.isInteger(lastId) && lastId >= live.state.seq)) subscriber.send(live.state.seq, JSON.stringify(live.view(audience, service.now())));
			const unsubscribe = service.subscribe(params.wid, subscriber);
			const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribe?.();
			};
			request.signal.addEventListener('abort', () => cleanup());
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' }
	});
};
