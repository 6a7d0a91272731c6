import { describe, expect, it } from 'vitest';
import { EMPTY_WHAT_IF } from '../../src/lib/state/permalink.js';
import { Workbench } from '../../src/lib/state/Workbench.svelte.js';
import { exampleText, parseValid } from '../helpers/scenarios.js';

const scenario = parseValid(exampleText());
const make = () => new Workbench(scenario);

describe('the workbench state', () => {
	it('re-evaluates when an assumption changes', () => {
		const wb = make();
		expect(wb.evaluation!.score[0]).toBeCloseTo(4);
		expect(wb.setAssumption('p_evade', '0.9')).toBe(true);
		expect(wb.evaluation!.score[0]).toBeCloseTo(1.6);
	});

	it('follows an edited scenario in place, keeping the values set for assumptions it still has', () => {
		const wb = make();
		wb.setAssumption('p_evade', 0.9);
		const before = wb.evaluation!.score[0];
		// A payoff changed and a move added: the same guards, so only the machine tells the tree has changed.
		const edited = parseValid(exampleText().replace('payoffs: { enforcement: "8" }', 'payoffs: { enforcement: "10" }').replace('            label: Wait\n', '            label: Wait\n            payoffs: { cost: "1" }\n'));
		wb.replaceScenario(edited);
		expect(wb.scenario).toBe(edited);
		expect(wb.overrides).toEqual({ p_evade: 0.9 });
		expect(wb.evaluation!.score[0]).not.toBeCloseTo(before);
		expect(wb.evaluation!.score[0]).toBeCloseTo(new Workbench(edited, { ...EMPTY_WHAT_IF, overrides: { p_evade: 0.9 } }).evaluation!.score[0]);
		// Back to the original: the value set for p_evade stays, the tree is the original's again.
		wb.replaceScenario(scenario);
		expect(wb.overrides).toEqual({ p_evade: 0.9 });
		expect(wb.evaluation!.score[0]).toBeCloseTo(before);
		expect(wb.flat!.size).toBe(make().flat!.size);
		// A value for an assumption the scenario no longer has is dropped.
		wb.overrides = { ...wb.overrides, gone: 1 };
		wb.replaceScenario(edited);
		expect(wb.overrides).toEqual({ p_evade: 0.9 });
	});

	it('refuses an invalid entry, keeps the value and says why', () => {
		const wb = make();
		expect(wb.setAssumption('p_evade', '1.5')).toBe(false);
		expect(wb.overrides).toEqual({});
		expect(wb.inputErrors.p_evade).toMatch(/between 0 and 1/);
		wb.setAssumption('p_evade', 0.7);
		expect(wb.inputErrors.p_evade).toBeUndefined();
	});

	it('undoes and redoes edits, a slider drag being one step', () => {
		const wb = make();
		wb.setAssumption('p_evade', 0.6, { coalesce: true });
		wb.setAssumption('p_evade', 0.7, { coalesce: true });
		wb.setAssumption('p_evade', 0.8, { coalesce: true });
		wb.endEdit();
		wb.setAssumption('p_evade', 0.2);
		wb.undo();
		expect(wb.overrides).toEqual({ p_evade: 0.8 });
		wb.undo();
		expect(wb.overrides).toEqual({});
		expect(wb.canUndo).toBe(false);
		wb.redo();
		expect(wb.overrides).toEqual({ p_evade: 0.8 });
	});

	it('does not record an edit that changes nothing', () => {
		const wb = make();
		wb.setAssumption('p_evade', 0.5);
		expect(wb.canUndo).toBe(false);
	});

	it('applies a preset and resets to defaults as undoable edits', () => {
		const wb = make();
		wb.applyPreset('adaptive-networks');
		expect(wb.overrides).toEqual({ p_evade: 0.8 });
		wb.applyPreset(undefined);
		expect(wb.overrides).toEqual({});
		wb.undo();
		expect(wb.overrides).toEqual({ p_evade: 0.8 });
	});

	it('walks the XState machine, steps back and forward', () => {
		const wb = make();
		expect(wb.walkOptions.map((o) => o.move.id)).toEqual(['SANCTION', 'WAIT']);
		wb.step('SANCTION');
		expect(String(wb.walkSnapshot.value)).toBe('reaction');
		expect(wb.walkOptions.map((o) => [o.move.id, o.probability])).toEqual([['EVADE', 0.5], ['DISRUPTED', 0.5]]);
		wb.step('DISRUPTED');
		expect(wb.walkSnapshot.status).toBe('done');
		wb.back();
		expect(String(wb.walkSnapshot.value)).toBe('reaction');
		wb.forward();
		expect(String(wb.walkSnapshot.value)).toBe('disrupted');
	});

	it('draws chance moves reproducibly: the same seed gives the same walk', () => {
		const walkWith = (seed: number) => {
			const wb = make();
			wb.seed = seed;
			wb.step('SANCTION');
			wb.draw();
			return wb.walk.join('/');
		};
		for (const seed of [1, 2, 3, 42]) expect(walkWith(seed)).toBe(walkWith(seed));
		const outcomes = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(walkWith));
		expect(outcomes).toEqual(new Set(['SANCTION/EVADE', 'SANCTION/DISRUPTED']));
	});

	it('keeps valid values from a link and notes the rest', () => {
		const wb = make();
		wb.applyRaw({ p_evade: '0.3', p_evad: '1', });
		expect(wb.overrides).toEqual({ p_evade: 0.3 });
		expect(wb.notices.join()).toMatch(/p_evad.*Did you mean "p_evade"/);
	});

	it('notes a criterion from a link that the scenario lacks, with the closest one', () => {
		const wb = new Workbench(scenario, { overrides: {}, criterion: 'costs', walk: [], seed: 1 });
		expect(wb.criterion).toBeUndefined();
		expect(wb.notices.join()).toMatch(/Unknown criterion "costs"\. Did you mean "cost"\? Criteria: enforcement, cost\..*weighted score/);
	});

	it('lets another actor choose for itself, and refuses a play it cannot honour', () => {
		const wb = make();
		const before = wb.evaluation!.score[0];
		expect(wb.setPlay('networks', 'strategic')).toBeUndefined();
		expect(wb.play).toEqual({ networks: 'strategic' });
		expect(wb.whatIf().play).toEqual({ networks: 'strategic' });
		// The networks evade whenever evading is better for them, so the coalition's outlook changes.
		expect(wb.evaluation!.score[0]).not.toBeCloseTo(before);
		expect(wb.setPlay('networks', 'bounded')).toMatch(/no rationality/);
		expect(wb.play).toEqual({ networks: 'strategic' });
		expect(wb.setPlay('networks', 'chance')).toBeUndefined();
		expect(wb.play).toEqual({});
		expect(wb.evaluation!.score[0]).toBeCloseTo(before);
	});

	it('walks an actor that chooses for itself with the shares of its choice, and draws its best move', () => {
		const wb = make();
		wb.setPlay('networks', 'strategic');
		wb.step('SANCTION');
		const shares = Object.fromEntries(wb.walkOptions.map((o) => [o.move.id, o.probability]));
		expect(Object.values(shares).sort()).toEqual([0, 1]);
		const best = Object.keys(shares).find((id) => shares[id] === 1);
		wb.draw();
		expect(wb.walkPath).toBe(`SANCTION/${best}`);
	});

	it('notes a play from a link that the scenario cannot honour', () => {
		const wb = new Workbench(scenario, { overrides: {}, play: { networks: 'bounded' }, walk: [], seed: 1 });
		expect(wb.play).toEqual({});
		expect(wb.notices.join()).toMatch(/Ignored play\.networks from the link: "networks" has no rationality/);
	});

	it('finds nodes by label', () => {
		const wb = make();
		wb.search = 'disrupt';
		expect(wb.matches).toEqual(['SANCTION/DISRUPTED']);
	});
});

describe('a walk the machine refuses', () => {
	it('stops at a move that is not open, says which, and keeps the rest', () => {
		const wb = new Workbench(scenario, { overrides: {}, walk: ['SANCTION', 'FLY', 'EVADE'], seed: 1 });
		expect(wb.walkReplay.applied).toBe(1);
		expect(wb.walkReplay.refused).toBe('FLY');
		expect(String(wb.walkSnapshot.value)).toBe('reaction');
		expect(wb.walkPath).toBe('SANCTION');
		wb.back();
		expect(wb.walkReplay.applied).toBe(0);
	});

	it('steps on from where the replay stopped', () => {
		const wb = new Workbench(scenario, { overrides: {}, walk: ['SANCTION', 'FLY'], seed: 1 });
		wb.step('EVADE');
		expect(wb.walk).toEqual(['SANCTION', 'EVADE']);
		expect(wb.walkSnapshot.status).toBe('done');
	});
});
