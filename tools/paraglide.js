/**
 * How the message catalogues (messages/en.json, messages/ja.json) are
 * compiled, shared by the Vite plugin (build, dev, tests) and
 * `tools/compileMessages.js` (svelte-check and a fresh clone).
 *
 * The language is found, in this order: the page address's `lang`
 * parameter (so a permalink carries it), the cookie that remembers the
 * reader's choice, the browser's Accept-Language, then English. In the
 * browser the page keeps the language the server rendered it in
 * (`src/lib/i18n/strategy.ts`).
 */
/** @type {{ project: string; outdir: string; strategy: ('custom-lang' | 'cookie' | 'preferredLanguage' | 'baseLocale')[]; cookieName: string; emitGitIgnore: boolean; emitReadme: boolean }} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['custom-lang', 'cookie', 'preferredLanguage', 'baseLocale'],
	cookieName: 'branchpoint_lang',
	emitGitIgnore: true,
	emitReadme: false
};
