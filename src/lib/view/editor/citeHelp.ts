import { sameLanguage, type CitedElement, type Scenario } from '../../core/index.js';
import { SCENARIO_TEXT_LIMITS } from '../../core/scenario/schema.js';

/** A passage selected in a source text, as a citation quotes it, or why it cannot be one. */
export type Passage = { ok: true; excerpt: string; offset: number } | { ok: false; problem: 'empty' | 'line-break' | 'too-long'; length: number };

/**
 * The passage between two offsets of a source text (in either order) as a
 * citation's excerpt: without the white space at its ends, its offset
 * moved past what was trimmed. An excerpt is a clause or a sentence: it
 * stays within a paragraph and within the format's length limit. Pure.
 */
export function passage(text: string, from: number, to: number): Passage {
	let start = Math.max(0, Math.min(from, to));
	let end = Math.min(text.length, Math.max(from, to));
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	const excerpt = text.slice(start, end);
	if (excerpt === '') return { ok: false, problem: 'empty', length: 0 };
	if (/[\r\n]/.test(excerpt)) return { ok: false, problem: 'line-break', length: excerpt.length };
	if (excerpt.length > SCENARIO_TEXT_LIMITS.excerpt) return { ok: false, problem: 'too-long', length: excerpt.length };
	return { ok: true, excerpt, offset: start };
}

/** Where a typed or pasted passage first occurs in a source text (both in Unicode NFC), or -1. Pure. */
export function findPassage(text: string, query: string): { at: number; length: number } {
	const wanted = query.trim().normalize('NFC');
	return { at: wanted === '' ? -1 : text.indexOf(wanted), length: wanted.length };
}

/**
 * The languages a citation's gloss needs: each language the scenario
 * declares but the source is not in, and English (the notes' language)
 * for any source not in English. Pure.
 */
export function glossLanguages(declared: readonly string[], sourceLanguage: string | undefined): string[] {
	const needed = declared.filter((l) => !sameLanguage(sourceLanguage, l));
	return sourceLanguage !== undefined && !sameLanguage(sourceLanguage, 'en') && !needed.some((l) => sameLanguage(l, 'en')) ? [...needed, 'en'] : needed;
}

/** A citation id not yet taken: `c-<source>-1`, `c-<source>-2`… Pure. */
export function freeCitationId(scenario: Pick<Scenario, 'citations'>, source: string): string {
	const taken = new Set(scenario.citations.map((c) => c.id));
	let n = 1;
	while (taken.has(`c-${source}-${n}`)) n++;
	return `c-${source}-${n}`;
}

/** An element a citation can support, as a select offers it. */
export interface CitableElement {
	/** The select's value: `state:<id>`, `move:<state>/<id>` or `assumption:<id>`. */
	key: string;
	element: CitedElement;
	label: string;
}

/** The select's key of an element. Pure. */
export function elementKey(element: CitedElement): string {
	return element.kind === 'move' ? `move:${element.state}/${element.id}` : `${element.kind}:${element.id}`;
}

/** Every state, move and assumption of a scenario, in the file's order: what a new citation can support. Pure. */
export function citableElements(scenario: Pick<Scenario, 'states' | 'assumptions'>): CitableElement[] {
	const of = (element: CitedElement, label: string): CitableElement => ({ key: elementKey(element), element, label });
	return [
		...scenario.states.flatMap((s) => [of({ kind: 'state', id: s.id }, `${s.label} (${s.id})`), ...s.moves.map((mv) => of({ kind: 'move', state: s.id, id: mv.id }, `${s.label} → ${mv.label} (${mv.id})`))]),
		...scenario.assumptions.map((a) => of({ kind: 'assumption', id: a.id }, `${a.label} (${a.id})`))
	];
}
