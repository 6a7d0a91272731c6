import { json } from '@sveltejs/kit';
import { dev } from '$app/environment';
import type { Locale } from '../paraglide/runtime.js';
import { editingAllowed, isLoopbackHost, listenHost } from './editingAllowed.js';
import { refusal, refusalMessage, type Refusal } from './editRefusal.js';

/**
 * What the authoring routes share: who may write, reading a capped body,
 * and refusals as `{ message, reason }` JSON in the asker's language.
 */

/** Whether this server lets people edit scenarios (for pages: show or hide the save button). */
export function serverEditing(): boolean {
	return editingAllowed({ host: listenHost(process.env, dev, process.argv), setting: process.env.BRANCHPOINT_EDITING });
}

/**
 * Why a request may not write, or undefined when it may:
 * - from another site: a browser names the page's origin (Origin,
 *   Sec-Fetch-Site) and it must be this server's own (a tool such as curl
 *   sends neither, and can do what the file system lets it anyway);
 * - editing is off on this server (`editingAllowed`);
 * - a loopback-only server asked by a name that is not loopback: a web
 *   page that rebinds its own name to 127.0.0.1 would otherwise count as
 *   this server's own origin (DNS rebinding).
 */
export function writeRefusal(request: Request, url: URL): Refusal | undefined {
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if ((origin !== null && origin !== url.origin) || (site !== null && site !== 'same-origin' && site !== 'none')) return refusal('cross-site');
	const host = listenHost(process.env, dev, process.argv);
	if (!editingAllowed({ host, setting: process.env.BRANCHPOINT_EDITING })) return refusal('editing-off');
	if (isLoopbackHost(host) && !isLoopbackHost(url.hostname)) return refusal('cross-site');
	return undefined;
}

/** A refusal as the routes answer it: its status, `{ message, reason }`. */
export function refused(r: Refusal, lang: Locale): Response {
	return json({ message: refusalMessage(r, lang), reason: r.reason }, { status: r.status, headers: { 'cache-control': 'no-store' } });
}

/** The request's body, or undefined past `max` bytes (read no further than that). */
export async function readBody(request: Request, max: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > max) return undefined;
	if (!request.body) return new Uint8Array();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > max) {
			await reader.cancel();
			return undefined;
		}
		chunks.push(value);
	}
	const body = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		body.set(chunk, at);
		at += chunk.length;
	}
	return body;
}

/** A JSON object body, capped; a refusal when it is too large or not an object. */
export async function readJsonObject(request: Request, max: number): Promise<{ ok: true; body: Record<string, unknown> } | Refusal> {
	const body = await readBody(request, max);
	if (!body) return refusal('body-too-large', { limit: Math.floor(max / 1024) });
	try {
		const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { ok: true, body: value as Record<string, unknown> };
	} catch {
		// answered below
	}
	return refusal('body-not-json');
}

/** A string field of a JSON body, or undefined for anything else. */
export function stringField(body: Record<string, unknown>, key: string): string | undefined {
	const value = Object.hasOwn(body, key) ? body[key] : undefined;
	return typeof value === 'string' ? value : undefined;
}
