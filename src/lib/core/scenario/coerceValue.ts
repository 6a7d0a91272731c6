import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { Assumption, AssumptionValue } from './types.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type Coerced = { ok: true; value: AssumptionValue } | { ok: false; message: string };

/** The range a numeric assumption may take: its own, else 0..1 for probabilities. */
export function rangeOf(assumption: Assumption): { min: number; max: number } {
	const isProbability = assumption.kind === 'probability';
	return {
		min: assumption.min ?? (isProbability ? 0 : -Infinity),
		max: assumption.max ?? (isProbability ? 1 : Infinity)
	};
}

/**
 * Checks a value a user gave for an assumption (from the file, a preset, the
 * command line or a control) and turns text into the assumption's type;
 * why a value is refused is said in `lang`. Pure.
 */
export function coerceValue(assumption: Assumption, raw: unknown, lang: Locale = 'en'): Coerced {
	const locale = { locale: lang };
	const id = assumption.id;
	switch (assumption.kind) {
		case 'boolean': {
			if (typeof raw === 'boolean') return { ok: true, value: raw };
			if (raw === 'true' || raw === 'false') return { ok: true, value: raw === 'true' };
			return { ok: false, message: m.val_value_true_false({ id }, locale) };
		}
		case 'choice': {
			const ids = (assumption.options ?? []).map((option) => option.id);
			if (typeof raw === 'string' && ids.includes(raw)) return { ok: true, value: raw };
			return { ok: false, message: m.val_value_one_of({ id, options: ids.join(', ') }, locale) };
		}
		default: {
			// Plain decimal notation only: Number() would also take "0x10", "0b1" or "Infinity".
			const value = typeof raw === 'string' ? (DECIMAL.test(raw.trim()) ? Number(raw) : NaN) : raw;
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				return { ok: false, message: m.val_value_needs_number({ id, raw: String(JSON.stringify(raw)) }, locale) };
			}
			const { min, max } = rangeOf(assumption);
			if (value < min || value > max) {
				return { ok: false, message: m.val_value_between({ id, min, max, value }, locale) };
			}
			return { ok: true, value };
		}
	}
}

/** The number formulas see for an assumption value. */
export function numericValue(assumption: Assumption, value: AssumptionValue): number {
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'string') {
		return assumption.options?.find((option) => option.id === value)?.value ?? NaN;
	}
	return value;
}
