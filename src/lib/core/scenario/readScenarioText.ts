import { isMap, isScalar, isSeq, parse, parseDocument, type Node, type Pair } from 'yaml';
import { pairOf, type CitedElement } from './editScenarioText.js';

/**
 * What the editor reads from a scenario file's text as it is, valid or
 * not: the element at the cursor, and the states declared so far.
 */

/**
 * The state, move or assumption whose lines hold `offset` — the element an
 * author is editing where the cursor is — or undefined. Pure.
 */
export function elementAt(text: string, offset: number): CitedElement | undefined {
	const doc = parseDocument(text, { keepSourceTokens: true });
	const within = (node: Node | null | undefined, from?: Node | null) => !!node?.range && offset >= (from?.range?.[0] ?? node.range[0]) && offset <= node.range[1];
	const states = doc.getIn(['machine', 'states'], true);
	if (isMap(states)) {
		for (const pair of states.items as Pair<Node, Node>[]) {
			if (!within(pair.value, pair.key) || !isScalar(pair.key)) continue;
			const state = String(pair.key.value);
			const on = isMap(pair.value) ? pairOf(pair.value, 'on')?.value : undefined;
			const move = isMap(on) ? (on.items as Pair<Node, Node>[]).find((p) => within(p.value, p.key)) : undefined;
			return move && isScalar(move.key) ? { kind: 'move', state, id: String(move.key.value) } : { kind: 'state', id: state };
		}
	}
	const assumptions = doc.get('assumptions', true);
	const item = isSeq(assumptions) ? assumptions.items.find((i) => isMap(i) && within(i as Node)) : undefined;
	return isMap(item) && item.get('id') != null ? { kind: 'assumption', id: String(item.get('id')) } : undefined;
}

/** A state as the file has it now, whether or not the file validates. */
export interface OutlinedState {
	id: string;
	/** Its label in the language asked for, else in the first language it is given in, else its id. */
	label: string;
	final: boolean;
}

/**
 * The states a scenario file's text declares, read from its YAML alone —
 * so that a state just added, which has no moves yet and so does not
 * validate, can be given its moves. Undefined when the YAML does not read.
 * Pure.
 */
export function outlineStates(text: string, language: string): OutlinedState[] | undefined {
	let doc: unknown;
	try {
		doc = parse(text, { logLevel: 'error' });
	} catch {
		return undefined;
	}
	const states = (doc as { machine?: { states?: unknown } } | null)?.machine?.states;
	if (!states || typeof states !== 'object' || Array.isArray(states)) return undefined;
	return Object.entries(states as Record<string, unknown>).map(([id, value]) => {
		const state = (value ?? {}) as { type?: unknown; meta?: { label?: unknown } };
		const label = state.meta?.label;
		const text = typeof label === 'string' ? label : label && typeof label === 'object' ? ((label as Record<string, unknown>)[language] ?? Object.values(label)[0]) : undefined;
		return { id, label: typeof text === 'string' && text.trim() !== '' ? text : id, final: state.type === 'final' };
	});
}
