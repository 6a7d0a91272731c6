import type { PublicView, WorkshopCommand } from '../core/index.js';
import { m } from '../paraglide/messages.js';

type CommandBody = WorkshopCommand extends infer C ? (C extends { id: string } ? Omit<C, 'id'> : never) : never;

export type SendResult = { ok: true; seq: number } | { ok: false; message: string };

/**
 * A command id from the browser's random source. `crypto.randomUUID` needs
 * a secure context, which a workshop on a LAN over plain HTTP is not.
 */
function commandId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const RETRY_DELAYS_MS = [300, 600, 1200, 2500, 5000, 5000, 5000, 5000];

/**
 * One view's live connection to a workshop: the latest view from the
 * server's event stream (EventSource reconnects by itself and sends
 * Last-Event-ID), and commands sent with a client-made id, retried with the
 * same id while the server cannot be reached, so a retried vote counts once.
 */
export class WorkshopClient<View extends PublicView> {
	view = $state<View>() as View;
	connected = $state(false);
	/** Commands sent and not yet acknowledged, by what they are for. */
	pending = $state<Record<string, true>>({});
	/** Milliseconds the server's clock is ahead of this one's, from the last view. */
	offset = $state(0);
	readonly #url: string;
	readonly #stream: string;
	#source: EventSource | undefined;

	constructor(options: { workshopId: string; as: 'facilitator' | 'projector' | 'participant'; initial: View }) {
		this.view = options.initial;
		this.offset = options.initial.now - Date.now();
		this.#url = `/workshops/${options.workshopId}/commands`;
		this.#stream = `/workshops/${options.workshopId}/stream?as=${options.as}`;
	}

	/**
	 * Follows the stream. EventSource retries a dropped connection itself,
	 * but gives up for good on an error answer (a server restarting behind
	 * a proxy, a phone waking from sleep): then this opens a new one, backing
	 * off to 15 s, and at once when the page becomes visible again.
	 */
	connect(): () => void {
		let closed = false;
		let delay = 1000;
		let retry: ReturnType<typeof setTimeout> | undefined;
		const open = () => {
			clearTimeout(retry);
			this.#source?.close();
			const source = new EventSource(this.#stream);
			this.#source = source;
			source.addEventListener('open', () => {
				this.connected = true;
				delay = 1000;
			});
			source.addEventListener('error', () => {
				this.connected = false;
				if (source.readyState === EventSource.CLOSED && !closed) {
					retry = setTimeout(open, delay);
					delay = Math.min(delay * 2, 15_000);
				}
			});
			source.addEventListener('view', (event) => {
				const view = JSON.parse((event as MessageEvent<string>).data) as View;
				this.connected = true;
				if (view.seq >= this.view.seq) {
					this.view = view;
					this.offset = view.now - Date.now();
				}
			});
		};
		const onVisible = () => {
			if (document.visibilityState === 'visible' && this.#source?.readyState === EventSource.CLOSED) open();
		};
		open();
		document.addEventListener('visibilitychange', onVisible);
		return () => {
			closed = true;
			clearTimeout(retry);
			document.removeEventListener('visibilitychange', onVisible);
			this.#source?.close();
		};
	}

	/** Milliseconds left on the round timer, by the server's clock. */
	remainingMs(localNow: number): number {
		const { timer, now } = this.view;
		return timer.running ? timer.remainingMs - (localNow + this.offset - now) : timer.remainingMs;
	}

	/**
	 * Sends a command and resolves once the server has committed it or
	 * refused it. Network failures and 5xx answers are retried with the same
	 * id; `key` marks it pending meanwhile (e.g. "vote").
	 */
	async send(body: CommandBody, key: string = body.type): Promise<SendResult> {
		const command = { ...body, id: commandId() };
		this.pending = { ...this.pending, [key]: true };
		try {
			for (let attempt = 0; ; attempt++) {
				try {
					const response = await fetch(this.#url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
					if (response.status < 500) {
						const answer = (await response.json()) as { ok: boolean; seq?: number; message?: string };
						return answer.ok ? { ok: true, seq: answer.seq as number } : { ok: false, message: answer.message ?? m.wsx_refused({ status: response.status }) };
					}
				} catch {
					// The server is unreachable (restarting, or the phone lost the network): try again.
				}
				if (attempt >= RETRY_DELAYS_MS.length) return { ok: false, message: m.wsx_unreachable() };
				await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
			}
		} finally {
			const rest = { ...this.pending };
			delete rest[key];
			this.pending = rest;
		}
	}

	close(): void {
		this.#source?.close();
	}
}
