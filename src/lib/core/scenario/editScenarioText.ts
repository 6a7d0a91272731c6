import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { isScenarioId } from './schema.js';
import { yamlText } from './yamlText.js';
import type { Source } from './types.js';

/** A text a reader sees: a plain string (the scenario's own language) or one per language, `{ en: …, ja: … }`. */
export type TextValue = string | Record<string, string>;

/** An element a citation can be attached to: a state, a move of a state, or an assumption. */
export type CitedElement = { kind: 'state'; id: string } | { kind: 'move'; state: string; id: string } | { kind: 'assumption'; id: string };

/** A step the editor's forms take: one new element of the scenario, with the fields a form asks for. */
export type ScenarioAddition =
	| { kind: 'state'; id: string; label: TextValue; actor?: string; final: boolean; citation: string }
	| { kind: 'move'; state: string; id: string; label: TextValue; target: string; probability?: string; payoff?: { criterion: string; formula: string }; citation: string }
	| { kind: 'assumption'; id: string; label: TextValue; type: 'number' | 'probability'; value: number; min: number; max: number; citation: string }
	| { kind: 'criterion'; id: string; label: TextValue; direction: 'max' | 'min'; weight: number; unit?: TextValue }
	/** A source under `sources:`, its text already in the scenario's sources/ folder. */
	| { kind: 'source'; id: string; source: Omit<Source, 'id'> }
	/** A citation under `citations:` — a verbatim excerpt at its offset — and its id added to the element it supports. */
	| { kind: 'citation'; id: string; source: string; excerpt: string; offset: number; gloss?: TextValue; attachTo?: CitedElement };

export type TextEdit = { ok: true; text: string } | { ok: false; message: string };

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A reader's text: a plain string, or `{ en: …, ja: … }` with one entry per language. */
function textValue(value: TextValue): string {
	if (typeof value === 'string') return yamlText(value);
	return `{ ${Object.entries(value)
		.map(([language, text]) => `${language}: ${yamlText(text)}`)
		.join(', ')} }`;
}

/** Whether a reader's text is empty in every language. */
function isBlank(value: TextValue | undefined): boolean {
	return value === undefined || (typeof value === 'string' ? value.trim() === '' : Object.values(value).every((t) => t.trim() === ''));
}

/** The offset at which the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The pair of a block map with this key, or undefined. */
export function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
	return (map.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** Lines inserted at a line start (`at`): with a line break before them when the text does not end with one. */
function insertLines(text: string, at: number, lines: string[]): string {
	const before = text.slice(0, at);
	const lead = before.length > 0 && !before.endsWith('\n') ? '\n' : '';
	return `${before}${lead}${lines.join('\n')}\n${text.slice(at)}`;
}

/**
 * Adds an element to a scenario file's text where the format keeps it —
 * a state under `machine.states`, a move under its state's `on`, an
 * assumption, a criterion, a source or a citation at the end of its list,
 * a citation's id also in the `citations:` of the element it supports — as tidy YAML lines
 * indented like their neighbours. Nothing else in the file changes: the
 * author's comments, order and layout stay as written, and
 * `removeFromScenarioText` takes the same lines out again. Pure.
 */
export function addToScenarioText(text: string, addition: ScenarioAddition, lang: Locale = 'en'): TextEdit {
	const locale = { locale: lang };
	const doc = parseDocument(text, { keepSourceTokens: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) return { ok: false, message: m.form_fix_yaml({}, locale) };
	// A source's or a citation's id is only named in lists; a state's, a move's or an assumption's also in the machine and formulas.
	const wellFormed = addition.kind === 'source' || addition.kind === 'citation' ? isScenarioId(addition.id) : ID.test(addition.id);
	if (!wellFormed) return { ok: false, message: m.form_bad_id({ id: addition.id }, locale) };
	const cite = (indent: string, citation: string) => `${indent}citations: [${yamlText(citation)}]`;
	switch (addition.kind) {
		case 'state': {
			const states = doc.getIn(['machine', 'states'], true);
			if (!isMap(states) || !states.range) return { ok: false, message: m.form_no_section({ section: 'machine.states' }, locale) };
			if (pairOf(states, addition.id)) return { ok: false, message: m.form_exists({ id: addition.id }, locale) };
			const indent = ' '.repeat(columnOf(text, states.items[0]?.key as Node | undefined) ?? 4);
			const lines = [`${indent}${addition.id}:`, ...(addition.final ? [`${indent}  type: final`] : []), `${indent}  meta:`, ...(addition.actor ? [`${indent}    actor: ${yamlText(addition.actor)}`] : []), `${indent}    label: ${textValue(addition.label)}`, cite(`${indent}    `, addition.citation)];
			return { ok: true, text: insertLines(text, states.range[2], lines) };
		}
		case 'move': {
			const state = doc.getIn(['machine', 'states', addition.state], true);
			if (!isMap(state) || !state.range) return { ok: false, message: m.form_no_state({ state: addition.state }, locale) };
			const type = pairOf(state, 'type');
			if (type && isScalar(type.value) && type.value.value === 'final') return { ok: false, message: m.form_final_state({ state: addition.state }, locale) };
			const stateIndent = columnOf(text, state.items[0]?.key as Node | undefined) ?? 6;
			const on = pairOf(state, 'on');
			const moveIndent = isMap(on?.value) && on.value.items.length > 0 ? (columnOf(text, on.value.items[0].key as Node) ?? stateIndent + 2) : stateIndent + 2;
			if (isMap(on?.value) && pairOf(on.value, addition.id)) return { ok: false, message: m.form_exists({ id: addition.id }, locale) };
			const pad = ' '.repeat(moveIndent);
			const lines = [
				`${pad}${addition.id}:`,
				`${pad}  target: ${yamlText(addition.target)}`,
				`${pad}  meta:`,
				`${pad}    label: ${textValue(addition.label)}`,
				...(addition.probability ? [`${pad}    probability: ${yamlText(addition.probability)}`] : []),
				...(addition.payoff ? [`${pad}    payoffs: { ${addition.payoff.criterion}: ${JSON.stringify(addition.payoff.formula)} }`] : []),
				cite(`${pad}    `, addition.citation)
			];
			if (isMap(on?.value) && on.value.range && on.value.items.length > 0) return { ok: true, text: insertLines(text, on.value.range[2], lines) };
			if (on) return { ok: false, message: m.form_no_section({ section: `machine.states.${addition.state}.on` }, locale) };
			return { ok: true, text: insertLines(text, state.range[2], [`${' '.repeat(stateIndent)}on:`, ...lines]) };
		}
		case 'assumption':
			return appendToList(text, doc, 'assumptions', addition.id, [`id: ${yamlText(addition.id)}`, `label: ${textValue(addition.label)}`, `kind: ${addition.type}`, `default: ${addition.value}`, `min: ${addition.min}`, `max: ${addition.max}`, `citations: [${yamlText(addition.citation)}]`, 'judgment: true'], lang);
		case 'criterion':
			return appendToList(text, doc, 'criteria', addition.id, [`id: ${yamlText(addition.id)}`, `label: ${textValue(addition.label)}`, `direction: ${addition.direction}`, ...(!isBlank(addition.unit) ? [`unit: ${textValue(addition.unit!)}`] : []), `weight: ${addition.weight}`, 'judgment: true'], lang);
		case 'source': {
			const { file, title, publisher, author, date, url, language } = addition.source;
			const optional = (key: string, value: string | undefined) => (value?.trim() ? [`${key}: ${yamlText(value.trim())}`] : []);
			return appendToList(text, doc, 'sources', addition.id, [`id: ${yamlText(addition.id)}`, `file: ${yamlText(file)}`, `title: ${yamlText(title)}`, `publisher: ${yamlText(publisher)}`, ...optional('author', author), ...optional('date', date), ...optional('url', url), ...optional('language', language)], lang);
		}
		case 'citation': {
			const entry = [`id: ${yamlText(addition.id)}`, `source: ${yamlText(addition.source)}`, `excerpt: ${yamlText(addition.excerpt)}`, ...(!isBlank(addition.gloss) ? [`gloss: ${textValue(addition.gloss!)}`] : []), `offset: ${addition.offset}`];
			const listed = appendToList(text, doc, 'citations', addition.id, entry, lang);
			return listed.ok && addition.attachTo ? attach(listed.text, addition.attachTo, addition.id, lang) : listed;
		}
	}
}

/** Lines for one more item at the end of a top-level block list (`assumptions:`, `citations:` …), its dash where the others' are. */
function appendToList(text: string, doc: ReturnType<typeof parseDocument>, section: string, id: string, fields: string[], lang: Locale): TextEdit {
	const locale = { locale: lang };
	const list = doc.get(section, true);
	if (!isSeq(list) || !list.range || list.flow || list.items.length === 0) return { ok: false, message: m.form_no_section({ section }, locale) };
	if (list.items.some((item) => isMap(item) && String(item.get('id')) === id)) return { ok: false, message: m.form_exists({ id }, locale) };
	const dash = ' '.repeat(list.range[0] - lineStart(text, list.range[0]));
	return { ok: true, text: insertLines(text, list.range[2], fields.map((f, k) => `${dash}${k === 0 ? '- ' : '  '}${f}`)) };
}

/** The map that holds an element's `citations:` — a state's or a move's `meta`, an assumption's item — or undefined. */
function citingMap(doc: ReturnType<typeof parseDocument>, element: CitedElement): YAMLMap | undefined {
	if (element.kind === 'assumption') {
		const list = doc.get('assumptions', true);
		const item = isSeq(list) ? list.items.find((i) => isMap(i) && String(i.get('id')) === element.id) : undefined;
		return isMap(item) ? item : undefined;
	}
	const path = element.kind === 'state' ? ['machine', 'states', element.id, 'meta'] : ['machine', 'states', element.state, 'on', element.id, 'meta'];
	const meta = doc.getIn(path, true);
	return isMap(meta) ? meta : undefined;
}

/** A citation id added to an element's `citations:` list, flow (`[a, b]`) or block, unless it is there already. */
function attach(text: string, element: CitedElement, citation: string, lang: Locale): TextEdit {
	const locale = { locale: lang };
	const doc = parseDocument(text, { keepSourceTokens: true });
	const map = citingMap(doc, element);
	if (!map) return { ok: false, message: m.form_not_found({ id: element.id }, locale) };
	const list = pairOf(map, 'citations')?.value;
	if (!isSeq(list) || !list.range) return { ok: false, message: m.form_no_section({ section: `${element.id}.citations` }, locale) };
	if (list.items.some((i) => isScalar(i) && String(i.value) === citation)) return { ok: true, text };
	if (list.flow) {
		const close = text.lastIndexOf(']', list.range[1] - 1);
		return { ok: true, text: `${text.slice(0, close)}${list.items.length > 0 ? ', ' : ''}${yamlText(citation)}${text.slice(close)}` };
	}
	const dash = ' '.repeat(list.range[0] - lineStart(text, list.range[0]));
	return { ok: true, text: insertLines(text, list.range[2], [`${dash}- ${yamlText(citation)}`]) };
}

/** A citation id taken out of an element's `citations:` list, as `attach` put it in. */
function detach(text: string, element: CitedElement, citation: string, lang: Locale): TextEdit {
	const doc = parseDocument(text, { keepSourceTokens: true });
	const map = citingMap(doc, element);
	const list = map ? pairOf(map, 'citations')?.value : undefined;
	const k = isSeq(list) ? list.items.findIndex((i) => isScalar(i) && String(i.value) === citation) : -1;
	const item = isSeq(list) && k >= 0 ? (list.items[k] as Node) : undefined;
	if (!isSeq(list) || !item?.range) return { ok: false, message: m.form_not_found({ id: citation }, { locale: lang }) };
	if (!list.flow) return { ok: true, text: text.slice(0, lineStart(text, item.range[0])) + text.slice(item.range[2]) };
	// `[a, c]` → `[a]`: from the comma before it; `[c, a]` → `[a]`: up to the next item; `[c]` → `[]`.
	const from = k > 0 ? text.lastIndexOf(',', item.range[0]) : item.range[0];
	const to = k === 0 && list.items.length > 1 ? (list.items[1] as Node).range![0] : item.range[1];
	return { ok: true, text: text.slice(0, from) + text.slice(to) };
}

/**
 * Takes out an element `addToScenarioText` put in (a state, a move of a
 * state, an assumption, a criterion, a source or a citation, by id): its
 * lines, a state's `on:` when its last move goes, and a citation's id from
 * the element it was attached to. Pure.
 */
export function removeFromScenarioText(text: string, what: { kind: ScenarioAddition['kind']; id: string; state?: string; attachTo?: CitedElement }, lang: Locale = 'en'): TextEdit {
	const locale = { locale: lang };
	const doc = parseDocument(text, { keepSourceTokens: true });
	if (doc.errors.length > 0) return { ok: false, message: m.form_fix_yaml({}, locale) };
	const cut = (from: number, to: number): TextEdit => ({ ok: true, text: text.slice(0, lineStart(text, from)) + text.slice(to) });
	const missing: TextEdit = { ok: false, message: m.form_not_found({ id: what.id }, locale) };
	if (what.kind === 'state' || what.kind === 'move') {
		const map = what.kind === 'state' ? doc.getIn(['machine', 'states'], true) : doc.getIn(['machine', 'states', what.state ?? '', 'on'], true);
		if (!isMap(map)) return missing;
		const pair = pairOf(map, what.id);
		const end = (pair?.value as Node | undefined)?.range?.[2];
		if (!pair || end === undefined || !(pair.key as Node).range) return missing;
		// The move was the state's only one: its `on:` goes too.
		if (what.kind === 'move' && map.items.length === 1) {
			const on = pairOf(doc.getIn(['machine', 'states', what.state ?? ''], true) as YAMLMap, 'on');
			if (on && (on.key as Node).range) return cut((on.key as Node).range![0], end);
		}
		return cut((pair.key as Node).range![0], end);
	}
	const sections = { assumption: 'assumptions', criterion: 'criteria', source: 'sources', citation: 'citations' } as const;
	const list = doc.get(sections[what.kind], true);
	if (!isSeq(list)) return missing;
	const item = list.items.find((i) => isMap(i) && String(i.get('id')) === what.id) as Node | undefined;
	if (!item?.range) return missing;
	const rest = cut(item.range[0], item.range[2]);
	return what.kind === 'citation' && what.attachTo && rest.ok ? detach(rest.text, what.attachTo, what.id, lang) : rest;
}

/** The column a node starts at, or undefined for none. */
function columnOf(text: string, node: Node | undefined): number | undefined {
	const at = node?.range?.[0];
	return at === undefined ? undefined : at - lineStart(text, at);
}
