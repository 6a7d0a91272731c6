import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ScenarioModel } from '../machine/buildMachine.js';
import { checkOverrides } from '../scenario/checkOverrides.js';
import { resolveValues } from '../scenario/resolveValues.js';
import type { AssumptionValue } from '../scenario/types.js';
import { checkText, TEXT_LIMITS } from './checkText.js';
import type { OthersMode, WorkshopSetup } from './types.js';

/**
 * Draw n of a workshop uses the generator seeded with seed × 1000 + n
 * (`drawMove`), which must stay below 2^31 to be distinct.
 */
export const MAX_SEED = 2_000_000;

/** What the creation form sends, as text. */
export interface RawSetup {
	title?: string;
	teams: string[];
	others?: string;
	seed?: string;
	roundMinutes?: string;
	perspective?: string;
	preset?: string;
	/** Assumption id → typed value, from the what-if. */
	overrides: Record<string, string>;
}

export type SetupCheck = { ok: true; setup: Omit<WorkshopSetup, 'scenarioId' | 'scenarioSha256'> } | { ok: false; errors: Record<string, string> };

/**
 * Checks a workshop's creation form against its scenario: every problem is
 * reported under the field it belongs to, with what to do, in `lang`.
 * `defaultSeed` is used when no seed is given (the caller's randomness). Pure.
 */
export function checkSetup(model: ScenarioModel, raw: RawSetup, defaultSeed: number, lang: Locale = 'en'): SetupCheck {
	const { scenario } = model;
	const locale = { locale: lang };
	const list = (items: readonly string[]) => items.join(m.ws_separator({}, locale));
	const errors: Record<string, string> = {};
	const title = checkText(raw.title || scenario.title, { field: 'title', max: TEXT_LIMITS.title, required: true, lang });
	if (!title.ok) errors.title = title.message;

	const players = scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id);
	const teams = [...new Set(raw.teams)];
	const unknown = teams.filter((t) => !players.includes(t));
	if (teams.length === 0) errors.teams = m.wsx_setup_no_team({}, locale);
	else if (unknown.length > 0) errors.teams = m.wsx_setup_unknown_actor({ actors: list(unknown.map((t) => `"${t}"`)), players: list(players) }, locale);

	const others = (raw.others || 'draw') as OthersMode;
	if (others !== 'draw' && others !== 'facilitator') errors.others = m.wsx_setup_others({}, locale);

	const seed = raw.seed === undefined || raw.seed.trim() === '' ? defaultSeed : Number(raw.seed);
	if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) errors.seed = m.wsx_setup_seed({ max: MAX_SEED }, locale);

	const minutes = raw.roundMinutes === undefined || raw.roundMinutes.trim() === '' ? 5 : Number(raw.roundMinutes);
	if (!Number.isFinite(minutes) || minutes < 0.5 || minutes > 60) errors.roundMinutes = m.wsx_setup_minutes({}, locale);

	const perspective = raw.perspective || scenario.perspective;
	if (!players.includes(perspective)) errors.perspective = m.wsx_setup_perspective({ perspective, players: list(players) }, locale);

	const preset = raw.preset ? scenario.presets.find((p) => p.id === raw.preset) : undefined;
	if (raw.preset && !preset) errors.preset = m.wsx_setup_preset({ preset: raw.preset }, locale);
	const checked = checkOverrides(scenario, raw.overrides);
	if (checked.problems.length > 0) errors.overrides = checked.problems.map((p) => `${p.id}: ${p.message}`).join(' ');

	if (Object.keys(errors).length > 0 || !title.ok) return { ok: false, errors };
	const overrides: Record<string, AssumptionValue> = { ...(preset?.values ?? {}), ...checked.overrides };
	return {
		ok: true,
		setup: {
			title: title.text,
			overrides,
			...(preset ? { preset: preset.id } : {}),
			perspective,
			values: { ...resolveValues(scenario, model.book, overrides) },
			teams: players.filter((p) => teams.includes(p)),
			others,
			seed,
			roundSeconds: Math.round(minutes * 60)
		}
	};
}
