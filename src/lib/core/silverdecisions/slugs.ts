import { ALLOWED_FUNCTIONS } from '../formula/restrictedMath.js';

/** Letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ß: 'ss', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', þ: 'th', Þ: 'Th', ı: 'i' };

/** Names that are only a sign, as branches of a test often are: "+" → "plus". */
const SIGNS: Record<string, string> = { '+': 'plus', '-': 'minus', '−': 'minus', '?': 'unknown', '=': 'equal', '<': 'less', '>': 'more' };

/** Latin letters, digits and "_" from any text: "Zażółć gęślą" → "Zazolc_gesla". Pure. */
export function asciiWords(text: string, max = 60): string {
	const trimmed = text.trim();
	if (Object.hasOwn(SIGNS, trimmed)) return SIGNS[trimmed];
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\u0000-\u007f]/g, (c) => LETTERS[c] ?? ' ')
		.replace(/[^A-Za-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '')
		.slice(0, max)
		.replace(/_+$/, '');
}

/** Names formulas cannot take: their functions, operators written as words, constants, and object internals. */
const FORMULA_RESERVED = new Set([...ALLOWED_FUNCTIONS, 'true', 'false', 'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'null', 'undefined', 'NaN', 'Infinity', 'end']);

/**
 * Hands out ids that are unique within one namespace: a taken id gets
 * `_2`, `_3`, …; `reserved` names are never handed out.
 */
export interface IdAllocator {
	/** A unique id from a wanted one (already in the namespace's form). */
	take(wanted: string): string;
	has(id: string): boolean;
}

export function idAllocator(reserved: Iterable<string> = []): IdAllocator {
	const taken = new Set<string>(reserved);
	const isFree = (id: string) => !taken.has(id) && !(id in Object.prototype);
	return {
		take(wanted) {
			let id = wanted;
			for (let n = 2; !isFree(id); n++) id = `${wanted}_${n}`;
			taken.add(id);
			return id;
		},
		has: (id) => taken.has(id)
	};
}

/** An allocator for ids formulas read (assumptions, derived values): `[A-Za-z][A-Za-z0-9_]*`. */
export function formulaIds(): IdAllocator {
	return idAllocator(FORMULA_RESERVED);
}

/** A formula id from a name: "pplus" stays, "1st price" → "v_1st_price". Pure. */
export function formulaIdFrom(name: string, fallback: string): string {
	const words = asciiWords(name);
	if (words === '') return fallback;
	return /^[A-Za-z]/.test(words) ? words : `v_${words}`;
}

/** A state or criterion id from a name, in lower case: "Scale up?" → "scale_up". Pure. */
export function lowerIdFrom(name: string, fallback: string): string {
	const words = asciiWords(name).toLowerCase();
	return words === '' ? fallback : words;
}

/** A move id from a name, in upper case as events are written: "nie ma" → "NIE_MA". Pure. */
export function eventIdFrom(name: string, fallback: string): string {
	const words = asciiWords(name).toUpperCase();
	return words === '' ? fallback : words;
}

/** A text as one line, without lone surrogates, cut to `max` characters with "…". Pure. */
export function oneLine(text: string, max: number): string {
	const line = text.toWellFormed().replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
