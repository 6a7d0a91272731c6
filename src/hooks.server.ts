import type { Handle } from '@sveltejs/kit';

/**
 * Headers every answer carries: no MIME sniffing, no referrer sent to other
 * sites (a facilitator's private link must not leak; "no-referrer" would also
 * make browsers send `Origin: null` on our own form posts, which SvelteKit's
 * cross-site check refuses), and no framing by other sites.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	// Pages carry the full policy from svelte.config.js (kit.csp); other answers at least this.
	if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "frame-ancestors 'none'");
	return response;
};
