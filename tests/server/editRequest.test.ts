import { afterEach, describe, expect, it } from 'vitest';
import { readBody, writeRefusal } from '../../src/lib/server/editRequest.js';

const saved = { HOST: process.env.HOST, BRANCHPOINT_EDITING: process.env.BRANCHPOINT_EDITING };
afterEach(() => {
	for (const [key, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
});

/** The refusal a PUT to `url` with these headers gets from a server listening on `host`. */
function asked(host: string, url: string, headers: Record<string, string> = {}, setting?: string) {
	process.env.HOST = host;
	if (setting === undefined) delete process.env.BRANCHPOINT_EDITING;
	else process.env.BRANCHPOINT_EDITING = setting;
	return writeRefusal(new Request(url, { method: 'PUT', headers }), new URL(url))?.reason ?? 'allowed';
}

describe('who may write, request by request', () => {
	it.each([
		['a page of this server', '127.0.0.1', 'http://127.0.0.1:3000/s/x/source', { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }, undefined, 'allowed'],
		['a tool that sends no Origin', '127.0.0.1', 'http://127.0.0.1:3000/s/x/source', {}, undefined, 'allowed'],
		['another site', '127.0.0.1', 'http://127.0.0.1:3000/s/x/source', { origin: 'http://evil.example' }, undefined, 'cross-site'],
		['another site by Sec-Fetch-Site alone', '127.0.0.1', 'http://127.0.0.1:3000/s/x/source', { 'sec-fetch-site': 'cross-site' }, undefined, 'cross-site'],
		['a sibling site', 'localhost', 'http://localhost:3000/s/x/source', { 'sec-fetch-site': 'same-site' }, undefined, 'cross-site'],
		// DNS rebinding: evil.example resolved to 127.0.0.1, so the browser deems the page same-origin.
		['a rebound name on a loopback server', '127.0.0.1', 'http://evil.example:3000/s/x/source', { origin: 'http://evil.example:3000', 'sec-fetch-site': 'same-origin' }, undefined, 'cross-site'],
		['a room’s phone on a LAN server', '0.0.0.0', 'http://192.168.1.20:3000/s/x/source', { origin: 'http://192.168.1.20:3000' }, undefined, 'editing-off'],
		['the operator’s LAN server with editing on', '0.0.0.0', 'http://192.168.1.20:3000/s/x/source', { origin: 'http://192.168.1.20:3000' }, 'on', 'allowed'],
		['a loopback server with editing off', '127.0.0.1', 'http://127.0.0.1:3000/s/x/source', {}, 'off', 'editing-off']
	])('%s', (_what, host, url, headers, setting, expected) => {
		expect(asked(host, url, headers, setting)).toBe(expected);
	});
});

describe('readBody', () => {
	it('reads a body up to its limit and no further', async () => {
		const body = (size: number) => new Request('http://localhost/', { method: 'PUT', body: new Uint8Array(size).fill(0x61) });
		expect((await readBody(body(10), 10))?.length).toBe(10);
		expect(await readBody(body(11), 10)).toBeUndefined();
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(4));
				controller.close();
			}
		});
		// A body sent without a length (chunked) is counted as it arrives.
		expect(await readBody(new Request('http://localhost/', { method: 'PUT', body: stream, duplex: 'half' } as RequestInit), 16)).toBeUndefined();
	});
});
