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
 * reported under the field it belongs to, with what to do. `defaultSeed`
 * is used when no seed is given (the caller's randomness). Pure.
 */
export function checkSetup(model: ScenarioModel, raw: RawSetup, defaultSeed: number): SetupCheck {
	const { scenario } = model;
	const errors: Record<string, string> = {};
	const title = checkText(raw.title || scenario.title, { field: 'title', max: TEXT_LIMITS.title, required: true });
	if (!title.ok) errors.title = title.message;

	const players = scenario.actors.filter((a) => a.kind === 'actor').map((a) => a.id);
	const teams = [...new Set(raw.teams)];
	const unknown = teams.filter((t) => !players.includes(t));
	if (teams.length === 0) errors.teams = 'Choose at least one actor for a team to play.';
	else if (unknown.length > 0) errors.teams = `Unknown actor ${unknown.map((t) => `"${t}"`).join(', ')}; teams play ${players.join(', ')}.`;

	const others = (raw.others || 'draw') as OthersMode;
	if (others !== 'draw' && others !== 'facilitator') errors.others = 'Choose "draw" or "facilitator".';

	const seed = raw.seed === undefined || raw.seed.trim() === '' ? defaultSeed : Number(raw.seed);
	if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) errors.seed = `The seed is a whole number from 0 to ${MAX_SEED}.`;

	const minutes = raw.roundMinutes === undefined || raw.roundMinutes.trim() === '' ? 5 : Number(raw.roundMinutes);
	if (!Number.isFinite(minutes) || minutes < 0.5 || minutes > 60) errors.roundMinutes = 'A round lasts 0.5 to 60 minutes.';

	const perspective = raw.perspective || scenario.perspective;
	if (!players.includes(perspective)) errors.perspective = `Unknown perspective "${perspective}"; choose one of ${players.join(', ')}.`;

	const preset = raw.preset ? scenario.presets.find((p) => p.id === raw.preset) : undefined;
	if (raw.preset && !preset) errors.preset = `Unknown preset "${raw.preset}".`;
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
