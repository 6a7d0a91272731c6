import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

type Locally = { locale: Locale };

/** A value's type as zod names it in its messages. */
function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value === 'number' && Number.isNaN(value) ? 'nan' : typeof value;
}

/** A type zod names, in words of the language; other names as zod gives them. */
function typeWords(name: string, locale: Locally): string {
	const words: Record<string, (inputs: object, options: Locally) => string> = {
		number: m.val_zod_type_number,
		string: m.val_zod_type_string,
		boolean: m.val_zod_type_boolean,
		object: m.val_zod_type_object,
		array: m.val_zod_type_array,
		null: m.val_zod_type_null
	};
	return words[name]?.({}, locale) ?? name;
}

/** zod's own message for an issue the scenario's schema does not word itself, in the language's terms. */
function message(issue: z.core.$ZodRawIssue, locale: Locally): string | undefined {
	const raw = issue as z.core.$ZodRawIssue & { expected?: string; origin?: string; minimum?: number | bigint; inclusive?: boolean; values?: unknown[] };
	switch (raw.code) {
		case 'invalid_type':
			if (raw.expected === 'int' && typeof raw.input === 'number') return m.val_zod_not_integer({}, locale);
			return m.val_zod_invalid_type({ expected: typeWords(raw.expected === 'int' ? 'number' : String(raw.expected), locale), received: typeWords(typeName(raw.input), locale) }, locale);
		case 'too_small':
			if (raw.origin === 'array') return m.val_zod_too_few_items({ minimum: String(raw.minimum) }, locale);
			if (raw.origin === 'number') return (raw.inclusive ? m.val_zod_at_least : m.val_zod_above)({ minimum: String(raw.minimum) }, locale);
			return undefined;
		case 'invalid_value': {
			const values = (raw.values ?? []).map((v) => JSON.stringify(v));
			return values.length === 1 ? m.val_zod_exactly({ value: values[0] }, locale) : m.val_zod_one_of({ values: values.join('、') }, locale);
		}
		case 'invalid_union':
			return m.val_zod_invalid_union({}, locale);
		case 'invalid_key':
			return m.val_zod_invalid_key({}, locale);
		default:
			return undefined;
	}
}

const zodLocales: Partial<Record<Locale, z.core.$ZodErrorMap>> = { ja: z.locales.ja().localeError };

/**
 * The messages of a parse for what the schema does not word itself
 * (wrong types, too few items, values outside an enum): undefined for
 * English, whose messages stay zod's own; otherwise the catalogue's, and
 * zod's locale (`z.locales`) for the rarer rest. Given to each parse, not
 * set globally, so parses in different languages do not meet.
 */
export function schemaErrorMap(lang: Locale): z.core.$ZodErrorMap | undefined {
	if (lang === 'en') return undefined;
	const locale = { locale: lang };
	const fallback = zodLocales[lang];
	return (issue) => message(issue, locale) ?? fallback?.(issue);
}
