import type { Handle } from '@sveltejs/kit';

/**
 * Headers every answer carries: no MIME sniffing, no referrer (a
 * facilitator's private link must not leak to another site), and no
 * framing by other sites.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'no-referrer');
	if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "frame-ancestors 'none'");
	return response;
};
