import { ACTOR_PLAYS, type Actor, type ActorPlay, type Scenario } from '../scenario/types.js';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { didYouMean } from '../util/didYouMean.js';
import type { FlatTree } from './compileTree.js';

export const PLAY_CHANCE = 0;
export const PLAY_STRATEGIC = 1;
export const PLAY_BOUNDED = 2;
const CODES: Record<ActorPlay, number> = { chance: PLAY_CHANCE, strategic: PLAY_STRATEGIC, bounded: PLAY_BOUNDED };

/** How some actors play instead of as the scenario says: actor id → play (a what-if). */
export type PlayOverrides = Readonly<Record<string, ActorPlay>>;

/**
 * Each actor's play (actor order) with the overrides applied, as codes
 * (PLAY_CHANCE, PLAY_STRATEGIC, PLAY_BOUNDED), and what is wrong with the
 * overrides: an unknown actor or play, nature asked to choose, choosing
 * without preferences, bounded play without a rationality. Pure.
 */
export function resolvePlay(scenario: Scenario, overrides: PlayOverrides = {}, lang: Locale = 'en'): { play: Uint8Array; problems: string[] } {
	const problems: string[] = [];
	const locale = { locale: lang };
	const ids = scenario.actors.map((a) => a.id);
	for (const [id, play] of Object.entries(overrides)) {
		const actor = scenario.actors.find((a) => a.id === id);
		if (!actor) problems.push(m.xp_play_unknown_actor({ id, hint: didYouMean(id, ids, lang), actors: ids.join(', ') }, locale));
		else if (!(ACTOR_PLAYS as readonly string[]).includes(play)) problems.push(m.xp_play_unknown_play({ play, id, plays: ACTOR_PLAYS.join(', ') }, locale));
		else if (play === 'chance') continue;
		else if (actor.kind === 'nature') problems.push(m.xp_play_nature({ id }, locale));
		else if (actor.preferences === undefined && actor.id !== scenario.perspective) problems.push(m.xp_play_no_preferences({ id, play }, locale));
		else if (play === 'bounded' && actor.rationality === undefined) problems.push(m.xp_play_no_rationality({ id }, locale));
	}
	const play = Uint8Array.from(scenario.actors, (a) => CODES[(problems.length === 0 ? overrides[a.id] : undefined) ?? a.play]);
	return { play, problems };
}

/** Each actor's play by name, with the overrides applied (they are assumed valid). Pure. */
export function playOf(scenario: Scenario, overrides: PlayOverrides = {}): Record<string, ActorPlay> {
	return Object.fromEntries(scenario.actors.map((a) => [a.id, overrides[a.id] ?? a.play]));
}

/**
 * Reads `id=play` settings (the command line's `--play`, an export
 * request's `play`) into overrides, with what is wrong with them. Pure.
 */
export function parsePlay(scenario: Scenario, settings: readonly string[], lang: Locale = 'en'): { overrides: Record<string, ActorPlay>; problems: string[] } {
	const overrides: Record<string, ActorPlay> = {};
	const problems: string[] = [];
	for (const setting of settings) {
		const eq = setting.indexOf('=');
		if (eq <= 0) problems.push(m.xp_play_write({ setting }, { locale: lang }));
		else overrides[setting.slice(0, eq).trim()] = setting.slice(eq + 1).trim() as ActorPlay;
	}
	problems.push(...resolvePlay(scenario, overrides, lang).problems.map((p) => `--play: ${p}`));
	return { overrides, problems };
}

/**
 * How the move at node i is taken: `decision` (the perspective's),
 * `chance`, `strategic` or `bounded` (another actor choosing for itself),
 * or undefined at an outcome. Pure.
 */
export function moveRule(flat: FlatTree, i: number): 'decision' | ActorPlay | undefined {
	const node = flat.tree.nodes[i];
	if (node.kind !== 'chance') return node.kind === 'decision' ? 'decision' : undefined;
	const a = flat.actor[i];
	return a < 0 ? 'chance' : ACTOR_PLAYS[flat.actorPlay[a]];
}

/** How an actor's play reads in a sentence: "strategic: its best move by its preferences, looking ahead". Pure. */
export function playDescription(play: ActorPlay, actor: Actor, scenario: Scenario, lang: Locale = 'en'): string {
	const locale = { locale: lang };
	if (play === 'chance') return m.xp_play_desc_chance({}, locale);
	if (play === 'strategic') return m.xp_play_desc_strategic({}, locale);
	const from = scenario.assumptions.some((a) => a.id === actor.rationality) ? m.xp_play_lambda_assumption({ id: String(actor.rationality) }, locale) : ` = ${actor.rationality}`;
	return m.xp_play_desc_bounded({ from }, locale);
}

/** Whether an actor other than this tree's perspective chooses for itself (strategic or bounded). Pure. */
export function someoneChooses(flat: FlatTree): boolean {
	return Array.from(flat.actorPlay).some((p, a) => p !== PLAY_CHANCE && flat.actorIds[a] !== flat.tree.perspective);
}
