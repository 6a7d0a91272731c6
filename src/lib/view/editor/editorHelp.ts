import type { Issue, Scenario } from '../../core/index.js';

/** An id the editor can complete, with what it is and how the scenario names it. */
export interface IdEntry {
	id: string;
	kind: 'assumption' | 'citation' | 'state' | 'actor' | 'move' | 'criterion' | 'source' | 'context';
	/** The label the scenario gives it, or the excerpt of a citation. */
	detail: string;
}

/**
 * Every id a scenario declares, for completion: assumptions and context
 * values (read in formulas), citations and sources, states (move targets),
 * actors, moves and criteria. Pure.
 */
export function scenarioIds(scenario: Scenario): IdEntry[] {
	const moves = new Map<string, string>();
	for (const s of scenario.states) for (const move of s.moves) if (!moves.has(move.id)) moves.set(move.id, move.label);
	return [
		...scenario.assumptions.map((a): IdEntry => ({ id: a.id, kind: 'assumption', detail: a.label })),
		...Object.keys(scenario.context).map((id): IdEntry => ({ id, kind: 'context', detail: String(scenario.context[id]) })),
		...scenario.citations.map((c): IdEntry => ({ id: c.id, kind: 'citation', detail: c.excerpt })),
		...scenario.sources.map((s): IdEntry => ({ id: s.id, kind: 'source', detail: s.title })),
		...scenario.states.map((s): IdEntry => ({ id: s.id, kind: 'state', detail: s.label })),
		...scenario.actors.map((a): IdEntry => ({ id: a.id, kind: 'actor', detail: a.name })),
		...[...moves].map(([id, label]): IdEntry => ({ id, kind: 'move', detail: label })),
		...scenario.criteria.map((c): IdEntry => ({ id: c.id, kind: 'criterion', detail: c.label }))
	];
}

/** The kinds of id that fit where the cursor is, read from the key of the line it is on (and the list it is in). */
export function kindsAt(lineText: string, listKey: string | undefined): IdEntry['kind'][] | undefined {
	const key = /^\s*(?:-\s*)?([\w-]+)\s*:/.exec(lineText)?.[1] ?? listKey;
	switch (key) {
		case 'target':
		case 'initial':
			return ['state'];
		case 'citations':
			return ['citation'];
		case 'source':
			return ['source'];
		case 'actor':
		case 'perspective':
			return ['actor'];
		case 'criterion':
			return ['criterion'];
		case 'probability':
		case 'guard':
		case 'payoffs':
		case 'params':
		case 'value':
		case 'formula':
		case 'rationality':
		case 'riskTolerance':
			return ['assumption', 'context'];
		default:
			return undefined;
	}
}

/** A diagnostic's place in the text: the offset of a 1-based line and column, clamped to the text. */
export function offsetOf(lineStarts: (line: number) => { from: number; to: number }, lines: number, issue: Pick<Issue, 'line' | 'column'>): number {
	const line = lineStarts(Math.min(Math.max(issue.line, 1), lines));
	return Math.min(line.from + Math.max(issue.column - 1, 0), line.to);
}
