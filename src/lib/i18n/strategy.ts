import { defineCustomClientStrategy, defineCustomServerStrategy, isLocale } from '../paraglide/runtime.js';

/** The page address's parameter that carries the language, so that a permalink opens in it. */
export const LANG_PARAM = 'lang';

/**
 * The `custom-lang` strategy (first in `tools/paraglide.js`): on the
 * server, the `lang` parameter of the address; in the browser, the
 * language the server rendered the page in (`<html lang>`), so the page
 * hydrates in the language it was drawn in. Choosing a language
 * (`setLocale`) writes it into the address, then Paraglide remembers it in
 * a cookie and reloads the page, which keeps the rest of the address (the
 * what-if). Defined once, by the hooks.
 */
export function defineLanguageStrategy(): void {
	defineCustomServerStrategy('custom-lang', {
		getLocale: (request) => {
			const lang = request ? new URL(request.url).searchParams.get(LANG_PARAM) : null;
			return lang !== null && isLocale(lang) ? lang : undefined;
		}
	});
	defineCustomClientStrategy('custom-lang', {
		getLocale: () => {
			const lang = document.documentElement.lang;
			return isLocale(lang) ? lang : undefined;
		},
		setLocale: (locale) => {
			const url = new URL(location.href);
			url.searchParams.set(LANG_PARAM, locale);
			// The page reloads at once (Paraglide's setLocale), so SvelteKit's router need not know.
			history.replaceState(history.state, '', url);
		}
	});
}
