import type { Handle } from '@sveltejs/kit';
import { defineLanguageStrategy, LANG_PARAM } from '$lib/i18n/strategy.js';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

defineLanguageStrategy();

/** Every request runs in its language; every answer gets the headers below. */
export const handle: Handle = ({ event, resolve }) => {
	// A page opened in a language (a permalink) is remembered in it, so the pages it links to follow.
	const lang = event.url.searchParams.get(LANG_PARAM);
	if (lang !== null && isLocale(lang) && event.cookies.get(cookieName) !== lang) {
		event.cookies.set(cookieName, lang, { path: '/', maxAge: cookieMaxAge, httpOnly: false, sameSite: 'lax', secure: event.url.protocol === 'https:' });
	}
	// The language of the answer (tools/paraglide.js says how it is found); the page is drawn in it, <html lang> included.
	return paraglideMiddleware(event.request, ({ locale }) => withHeaders(resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) })));
};

/**
 * Headers every answer carries: no MIME sniffing, no referrer sent to other
 * sites (a facilitator's private link must not leak; "no-referrer" would also
 * make browsers send `Origin: null` on our own form posts, which SvelteKit's
 * cross-site check refuses), and no framing by other sites.
 */
async function withHeaders(answer: Promise<Response> | Response): Promise<Response> {
	const response = await answer;
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	// Pages carry the full policy from svelte.config.js (kit.csp); other answers at least this.
	if (!response.headers.has('content-security-policy')) response.headers.set('content-security-policy', "frame-ancestors 'none'");
	return response;
}
