import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath } from '../scenario/Issue.js';
import type { Distribution } from '../scenario/types.js';
import type { SdDocument } from './sdTypes.js';
import { tidy } from './sdDraws.js';
import { savedDistribution, type ImportedAssumption } from './sdVariables.js';

/** An imported variable as the scenario declares it. */
export interface ScenarioAssumption {
	id: string;
	label: string;
	kind: 'probability' | 'number' | 'boolean';
	default: number | boolean;
	min?: number;
	max?: number;
	distribution?: Distribution;
	/** Comments for the YAML: where it comes from, how its range was chosen. */
	notes: string[];
	/** Held at its value as a derived constant: varying it alone breaks the tree's probabilities. */
	fixed: boolean;
	path: DocPath;
}

/**
 * How boldly ranges are set, tried in turn until the scenario validates at
 * every test point (each assumption at its ends): 0 — ranges as the file
 * gives them (a draw's bounds, a saved sensitivity range) or guessed around
 * the value; 1 — saved and guessed ranges narrowed to a tenth; 2 — numbers
 * that are not draws held fixed.
 */
export type RangeLevel = 0 | 1 | 2;

/** A range around a value when the file gives none: 0..1 for a probability, else from 0 to twice the value (−1..1 around 0). */
function guessRange(value: number, probability: boolean): { min: number; max: number } {
	if (probability) return { min: 0, max: 1 };
	const span = value === 0 ? 1 : Math.abs(value);
	return { min: value - span, max: value + span };
}

const within = (d: Distribution, min: number, max: number) =>
	d.type === 'uniform' || d.type === 'triangular' ? d.min >= min && d.max <= max : d.type === 'discrete' ? d.values.every((v) => v >= min && v <= max) : true;

/**
 * Kinds, ranges and distributions of the imported variables: a number read
 * by probabilities and lying in 0..1 is a probability; a draw keeps its
 * distribution and bounds; a saved sensitivity range or probabilistic
 * formula of SilverDecisions is used where there is one. Pure.
 */
export function scenarioAssumptions(imported: readonly ImportedAssumption[], options: { doc: SdDocument; probabilityIds: ReadonlySet<string>; level: RangeLevel; lang: Locale }): ScenarioAssumption[] {
	const { doc, probabilityIds, level, lang } = options;
	const locale = { locale: lang };
	return imported.map((a): ScenarioAssumption => {
		const notes: string[] = [m.sd_note_written({ source: a.source }, locale)];
		const base = { id: a.id, label: a.label, path: a.path, notes, fixed: false };
		if (typeof a.value === 'boolean') return { ...base, kind: 'boolean', default: a.value, fixed: level === 2 };
		const value = a.value;
		const readAsProbability = probabilityIds.has(a.id);
		if (a.draw) {
			const { min, max } = a.draw;
			const drawn = doc.scope[a.name];
			if (typeof drawn === 'number') notes.push(m.sd_note_drawn({ value: drawn }, locale));
			notes.push(m.sd_note_draw_mean({}, locale));
			const kind = readAsProbability && min >= 0 && max <= 1 ? 'probability' : 'number';
			return { ...base, kind, default: value, min, max, distribution: a.draw.distribution };
		}
		if (level === 2) return { ...base, kind: 'number', default: value, fixed: true };
		let range = doc.ranges.get(a.name);
		let distribution = a.name ? savedDistribution(doc.distributions.get(a.name) ?? '', lang) : undefined;
		if (range) notes.push(m.sd_note_saved_range({}, locale));
		if (distribution) {
			notes.push(m.sd_note_saved_distribution({ formula: doc.distributions.get(a.name) ?? '' }, locale));
			range = range ? { min: Math.min(range.min, distribution.min), max: Math.max(range.max, distribution.max) } : { min: distribution.min, max: distribution.max };
		}
		const probabilityLike = readAsProbability && value >= 0 && value <= 1 && (!range || (range.min >= 0 && range.max <= 1));
		if (!range) {
			range = guessRange(value, probabilityLike);
			notes.push(m.sd_note_guessed_range({}, locale));
		}
		let { min, max } = range;
		if (value < min || value > max) {
			min = Math.min(min, value);
			max = Math.max(max, value);
		}
		if (level === 1) {
			min = tidy(value - (value - min) / 10);
			max = tidy(value + (max - value) / 10);
			if (!(min < max)) max = tidy(value + 1e-6 * Math.max(1, Math.abs(value)));
			notes.push(m.sd_note_narrowed({}, locale));
		}
		if (distribution && !within(distribution.distribution, min, max)) distribution = undefined;
		return { ...base, kind: probabilityLike ? 'probability' : 'number', default: value, min, max, distribution: distribution?.distribution };
	});
}
