import { locales, type Locale } from '../lib/paraglide/runtime.js';
import { m } from '../lib/paraglide/messages.js';

/** The environment variables that name a language, as gettext reads them: the first one set wins. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

const isLocale = (lang: string): lang is Locale => (locales as readonly string[]).includes(lang);

/**
 * The language of the environment, as gettext reads it: the first of
 * LC_ALL, LC_MESSAGES and LANG that is set (`ja_JP.UTF-8` → ja); English
 * for C, POSIX, a language Branchpoint does not speak, or none. Pure.
 */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): Locale {
	const name = LOCALE_VARIABLES.map((key) => env[key]).find((value) => value !== undefined && value !== '');
	const language = /^[A-Za-z]{2,3}(?=$|[_.@-])/.exec(name ?? '')?.[0].toLowerCase() ?? '';
	return isLocale(language) ? language : 'en';
}

/**
 * The language a command speaks: `--lang` when given, else the
 * environment's (`environmentLanguage`). A `--lang` naming no language
 * Branchpoint speaks is a problem, told in the environment's language. Pure.
 */
export function cliLanguage(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): { lang: Locale; problem?: string } {
	const fallback = environmentLanguage(env);
	if (flag === undefined) return { lang: fallback };
	if (isLocale(flag)) return { lang: flag };
	return { lang: fallback, problem: m.cli_bad_lang({ lang: flag, langs: locales.join(m.cli_or({}, { locale: fallback })) }, { locale: fallback }) };
}
