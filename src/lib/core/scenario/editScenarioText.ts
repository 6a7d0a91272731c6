import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair, type YAMLMap } from 'yaml';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

/** A step the editor's forms take: one new element of the scenario, with the fields a form asks for. */
export type ScenarioAddition =
	| { kind: 'state'; id: string; label: string; actor?: string; final: boolean; citation: string }
	| { kind: 'move'; state: string; id: string; label: string; target: string; probability?: string; payoff?: { criterion: string; formula: string }; citation: string }
	| { kind: 'assumption'; id: string; label: string; type: 'number' | 'probability'; value: number; min: number; max: number; citation: string }
	| { kind: 'criterion'; id: string; label: string; direction: 'max' | 'min'; weight: number; unit?: string };

export type TextEdit = { ok: true; text: string } | { ok: false; message: string };

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A string as YAML writes it: plain when it can be, quoted when it must. */
function scalar(text: string): string {
	return stringify(text, { lineWidth: 0 }).trimEnd();
}

/** The offset at which the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
	return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The pair of a block map with this key, or undefined. */
function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | undefined {
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
 * assumption or a criterion at the end of its list — as tidy YAML lines
 * indented like their neighbours. Nothing else in the file changes: the
 * author's comments, order and layout stay as written, and
 * `removeFromScenarioText` takes the same lines out again. Pure.
 */
export function addToScenarioText(text: string, addition: ScenarioAddition, lang: Locale = 'en'): TextEdit {
	const locale = { locale: lang };
	const doc = parseDocument(text, { keepSourceTokens: true });
	if (doc.errors.length > 0 || !isMap(doc.contents)) return { ok: false, message: m.form_fix_yaml({}, locale) };
	if (!ID.test(addition.id)) return { ok: false, message: m.form_bad_id({ id: addition.id }, locale) };
	const cite = (indent: string, citation: string) => `${indent}citations: [${scalar(citation)}]`;
	switch (addition.kind) {
		case 'state': {
			const states = doc.getIn(['machine', 'states'], true);
			if (!isMap(states) || !states.range) return { ok: false, message: m.form_no_section({ section: 'machine.states' }, locale) };
			if (pairOf(states, addition.id)) return { ok: false, message: m.form_exists({ id: addition.id }, locale) };
			const indent = ' '.repeat(columnOf(text, states.items[0]?.key as Node | undefined) ?? 4);
			const lines = [`${indent}${addition.id}:`, ...(addition.final ? [`${indent}  type: final`] : []), `${indent}  meta:`, ...(addition.actor ? [`${indent}    actor: ${scalar(addition.actor)}`] : []), `${indent}    label: ${scalar(addition.label)}`, cite(`${indent}    `, addition.citation)];
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
				`${pad}  target: ${scalar(addition.target)}`,
				`${pad}  meta:`,
				`${pad}    label: ${scalar(addition.label)}`,
				...(addition.probability ? [`${pad}    probability: ${scalar(addition.probability)}`] : []),
				...(addition.payoff ? [`${pad}    payoffs: { ${addition.payoff.criterion}: ${JSON.stringify(addition.payoff.formula)} }`] : []),
				cite(`${pad}    `, addition.citation)
			];
			if (isMap(on?.value) && on.value.range && on.value.items.length > 0) return { ok: true, text: insertLines(text, on.value.range[2], lines) };
			if (on) return { ok: false, message: m.form_no_section({ section: `machine.states.${addition.state}.on` }, locale) };
			return { ok: true, text: insertLines(text, state.range[2], [`${' '.repeat(stateIndent)}on:`, ...lines]) };
		}
		case 'assumption':
		case 'criterion': {
			const section = addition.kind === 'assumption' ? 'assumptions' : 'criteria';
			const list = doc.get(section, true);
			if (!isSeq(list) || !list.range || list.flow || list.items.length === 0) return { ok: false, message: m.form_no_section({ section }, locale) };
			if (list.items.some((item) => isMap(item) && item.get('id') === addition.id)) return { ok: false, message: m.form_exists({ id: addition.id }, locale) };
			const dash = ' '.repeat(list.range[0] - lineStart(text, list.range[0]));
			const fields =
				addition.kind === 'assumption'
					? [`id: ${addition.id}`, `label: ${scalar(addition.label)}`, `kind: ${addition.type}`, `default: ${addition.value}`, `min: ${addition.min}`, `max: ${addition.max}`, `citations: [${scalar(addition.citation)}]`, 'judgment: true']
					: [`id: ${addition.id}`, `label: ${scalar(addition.label)}`, `direction: ${addition.direction}`, ...(addition.unit ? [`unit: ${scalar(addition.unit)}`] : []), `weight: ${addition.weight}`, 'judgment: true'];
			return { ok: true, text: insertLines(text, list.range[2], fields.map((f, k) => `${dash}${k === 0 ? '- ' : '  '}${f}`)) };
		}
	}
}

/**
 * Takes out an element `addToScenarioText` put in (a state, a move of a
 * state, an assumption or a criterion, by id): its lines, and a state's
 * `on:` when its last move goes. Pure.
 */
export function removeFromScenarioText(text: string, what: { kind: ScenarioAddition['kind']; id: string; state?: string }, lang: Locale = 'en'): TextEdit {
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
	const list = doc.get(what.kind === 'assumption' ? 'assumptions' : 'criteria', true);
	if (!isSeq(list)) return missing;
	const item = list.items.find((i) => isMap(i) && i.get('id') === what.id) as Node | undefined;
	if (!item?.range) return missing;
	return cut(item.range[0], item.range[2]);
}

/** The column a node starts at, or undefined for none. */
function columnOf(text: string, node: Node | undefined): number | undefined {
	const at = node?.range?.[0];
	return at === undefined ? undefined : at - lineStart(text, at);
}

