import type { ActorPlay, AssumptionValue } from '../core/index.js';

/** Everything a what-if consists of: what a permalink and the autosave carry. */
export interface WhatIf {
	overrides: Record<string, AssumptionValue>;
	perspective?: string;
	/** How some actors play instead of as the scenario says (checked against the scenario by the workbench). */
	play?: Record<string, ActorPlay>;
	/** Undefined for the weighted score. */
	criterion?: string;
	/** Moves of the what-if walk from the initial state. */
	walk: string[];
	/** Seed for drawing chance moves in the walk. */
	seed: number;
}

export const EMPTY_WHAT_IF: WhatIf = { overrides: {}, walk: [], seed: 1 };

/**
 * A what-if as URL query parameters: `a.<id>=<value>` per overridden
 * assumption, `perspective`, `play.<actor>=<play>` per actor whose play is
 * changed, `criterion`, `walk` once per move, `seed`. Stable order, so
 * equal what-ifs give equal links.
 */
export function encodeWhatIf(whatIf: WhatIf): URLSearchParams {
	const params = new URLSearchParams();
	for (const id of Object.keys(whatIf.overrides).sort()) params.set(`a.${id}`, String(whatIf.overrides[id]));
	if (whatIf.perspective) params.set('perspective', whatIf.perspective);
	for (const id of Object.keys(whatIf.play ?? {}).sort()) params.set(`play.${id}`, (whatIf.play as Record<string, string>)[id]);
	if (whatIf.criterion) params.set('criterion', whatIf.criterion);
	// One parameter per move: move ids are XState event names and may hold any character.
	for (const move of whatIf.walk) params.append('walk', move);
	if (whatIf.seed !== 1) params.set('seed', String(whatIf.seed));
	return params;
}

/**
 * Reads a what-if back. Assumption values come back as text, to be checked
 * against the scenario by `checkOverrides`; nothing is dropped here.
 */
export function decodeWhatIf(params: URLSearchParams): { whatIf: WhatIf; raw: Record<string, string> } {
	const raw: Record<string, string> = {};
	const play: Record<string, string> = {};
	for (const [key, value] of params) {
		if (key.startsWith('a.')) raw[key.slice(2)] = value;
		else if (key.startsWith('play.')) play[key.slice(5)] = value;
	}
	const seed = Number(params.get('seed') ?? 1);
	const walk = params.getAll('walk').filter((m) => m !== '');
	return {
		raw,
		whatIf: {
			overrides: {},
			perspective: params.get('perspective') ?? undefined,
			...(Object.keys(play).length > 0 ? { play: play as Record<string, ActorPlay> } : {}),
			criterion: params.get('criterion') ?? undefined,
			walk,
			seed: Number.isInteger(seed) ? seed : 1
		}
	};
}
