import { describe, expect, it } from 'vitest';
import { checkSetup, describeChance, MAX_SEED, type RawSetup } from '../../src/lib/core/index.js';
import { shippedModel } from './helpers.js';

const model = shippedModel();
const raw = (over: Partial<RawSetup> = {}): RawSetup => ({ teams: ['coalition'], overrides: {}, ...over });

describe('checkSetup', () => {
	it('fills the defaults: the scenario title, draws, a 5-minute round, the perspective, the given seed', () => {
		const checked = checkSetup(model, raw(), 7);
		expect(checked).toMatchObject({ ok: true, setup: { title: model.scenario.title, others: 'draw', roundSeconds: 300, perspective: 'coalition', seed: 7, teams: ['coalition'] } });
	});

	it('puts a preset under the what-if’s own values and records every value in force', () => {
		const checked = checkSetup(model, raw({ preset: 'constructive-china', overrides: { p_veto: '0.5' } }), 1);
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		expect(checked.setup.overrides).toMatchObject({ china_stance: 'constructive', p_veto: 0.5 });
		expect(checked.setup.values.p_veto).toBe(0.5);
		expect(Object.keys(checked.setup.values).length).toBeGreaterThan(model.scenario.assumptions.length);
	});

	it('lists teams in the scenario’s order whatever the form’s', () => {
		const checked = checkSetup(model, raw({ teams: ['china', 'coalition', 'china'] }), 1);
		expect(checked.ok && checked.setup.teams).toEqual(['coalition', 'china']);
	});

	it.each([
		['no team', { teams: [] }, 'teams', /at least one actor/],
		['a nature actor as a team', { teams: ['nature'] }, 'teams', /Unknown actor "nature"/],
		['an unknown mode for the others', { others: 'dice' }, 'others', /"draw" or "facilitator"/],
		['a seed past the largest', { seed: String(MAX_SEED + 1) }, 'seed', /0 to 2000000/],
		['a seed that is not a number', { seed: 'abc' }, 'seed', /whole number/],
		['a round of 10 seconds', { roundMinutes: '0.1' }, 'roundMinutes', /0\.5 to 60 minutes/],
		['an unknown perspective', { perspective: 'mars' }, 'perspective', /Unknown perspective "mars"/],
		['an unknown preset', { preset: 'nope' }, 'preset', /Unknown preset "nope"/],
		['an assumption out of range', { overrides: { p_veto: '3' } }, 'overrides', /p_veto/],
		['a title past 120 characters', { title: 't'.repeat(121) }, 'title', /121 characters/]
	] as [string, Partial<RawSetup>, string, RegExp][])('refuses %s, under its field', (_, over, field, message) => {
		const checked = checkSetup(model, raw(over), 1);
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.errors[field]).toMatch(message);
	});
});

describe('describeChance', () => {
	it.each([
		[0.25, '25% (a 1-in-4 outcome)'],
		[0.5, '50% (a 1-in-2 outcome)'],
		[0.35, '35%'],
		[0.33, '33% (a 1-in-3 outcome)'],
		[0.4, '40%'],
		[0.9, '90%'],
		[0.001, '0.1% (a 1-in-1000 outcome)'],
		[1, '100%']
	])('says %s as %s', (p, text) => {
		expect(describeChance(p)).toBe(text);
	});
});
