import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath, Issue } from './Issue.js';
import type { Locator } from './locate.js';
import { sameLanguage } from '../util/language.js';

/** Keys whose values are text a reader sees, and may be given per language. */
const TEXT_KEYS = new Set(['label', 'name', 'title', 'description', 'unit', 'text', 'gloss']);
/** Sections whose records are keyed by ids, not text (a criterion or context value might be called "label"). */
const NOT_TEXT = new Set(['payoffs', 'preferences', 'params', 'values', 'context', 'likelihood', 'states', 'results', 'limits']);
/** A language tag as scenarios write it: en, ja, pt-BR. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

export interface PickedLanguage {
	/** The document with every text in `language`. */
	raw: unknown;
	/** The languages the scenario declares; the first is the language of its plain strings. */
	languages: string[];
	/** The language the texts were picked in: the one asked for if declared, else the scenario's own. */
	language: string;
	/** Warnings: texts missing in a declared language, and texts in an undeclared one. */
	issues: Issue[];
}

/** Whether the value at `path` is a text a reader sees (the sources' bibliographic fields are not translated). */
function isTextPosition(path: readonly (string | number)[]): boolean {
	const last = path[path.length - 1];
	if (typeof last !== 'string' || !TEXT_KEYS.has(last) || path[0] === 'sources') return false;
	// In machine.states.<state>.on.<move>, "states" is the machine's and the next keys are ids, not sections.
	const sections = path.slice(0, -1).filter((_, i) => !(path[0] === 'machine' && (i === 1 || i === 2 || i === 4)));
	return !sections.some((k) => typeof k === 'string' && NOT_TEXT.has(k));
}

const isTextMap = (value: unknown): value is Record<string, string> =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0 && Object.entries(value).every(([k, v]) => LANGUAGE_TAG.test(k) && typeof v === 'string');

/**
 * Texts given per language — `label: { en: Sanctions, ja: 制裁 }` — picked in
 * one language before the document is checked, so everything after reads
 * plain strings. A plain string is in the scenario's own language, the
 * first of its `languages` (English when it declares none). Where a text
 * lacks the language asked for, the scenario's own is used. A text missing
 * in a declared language is a warning where the text is, except a gloss
 * in the language of its excerpt's source, which needs none. The
 * warnings are in `lang`. Pure.
 */
export function pickLanguage(raw: unknown, asked: string | undefined, locator: Locator, lang: Locale = 'en'): PickedLanguage {
	const doc = raw as Record<string, unknown>;
	const declared = Array.isArray(doc.languages) && doc.languages.every((l) => typeof l === 'string' && LANGUAGE_TAG.test(l)) && doc.languages.length > 0 ? (doc.languages as string[]) : ['en'];
	const own = declared[0];
	const language = asked !== undefined && declared.some((l) => sameLanguage(l, asked)) ? (declared.find((l) => sameLanguage(l, asked)) as string) : own;
	const issues: Issue[] = [];
	const locale = { locale: lang };
	const warn = (path: DocPath, message: string) => issues.push({ severity: 'warning', path, ...locator.value(path), message });
	const sourceLanguage = new Map(
		(Array.isArray(doc.sources) ? doc.sources : []).flatMap((s) => (s && typeof s === 'object' && typeof (s as Record<string, unknown>).id === 'string' ? [[(s as Record<string, string>).id, (s as Record<string, string>).language]] : []))
	);
	/** The languages a text at `path` should be in: every declared one, but a gloss needs none in its excerpt's own. */
	const needed = (path: readonly (string | number)[]): string[] => {
		if (path[0] !== 'citations' || path[path.length - 1] !== 'gloss') return declared;
		const citation = (doc.citations as Record<string, unknown>[])[path[1] as number];
		const from = sourceLanguage.get(String(citation?.source));
		return declared.filter((l) => !sameLanguage(from, l));
	};
	const walk = (value: unknown, path: (string | number)[]): unknown => {
		if (isTextPosition(path)) {
			if (typeof value === 'string') {
				const missing = needed(path).filter((l) => l !== own);
				if (missing.length > 0 && value.trim() !== '') warn(path, m.val_text_one_language({ own, missing: missing.join(', '), example: [own, ...missing].map((l) => `${l}: …`).join(', ') }, locale));
				return value;
			}
			if (isTextMap(value)) {
				const undeclared = Object.keys(value).filter((l) => !declared.includes(l));
				if (undeclared.length > 0) warn(path, m.val_text_undeclared_language({ languages: undeclared.join(', '), declared: declared.join(', ') }, locale));
				const missing = needed(path).filter((l) => value[l] === undefined || value[l].trim() === '');
				if (missing.length > 0) warn(path, m.val_text_missing_language({ missing: missing.join(', '), declared: declared.join(', ') }, locale));
				return value[language] ?? value[own] ?? Object.values(value)[0];
			}
			return value;
		}
		if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i]));
		if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
		return value;
	};
	return { raw: walk(raw, []), languages: declared, language, issues };
}
