import { describe, expect, it } from 'vitest';
import { buildMachine, compileMachine, openMoves, resolveValues } from '../../src/lib/core/index.js';
import { exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

describe('compileMachine', () => {
	const model = buildMachine(parseValid(exampleText()));
	const table = compileMachine(model, resolveValues(model.scenario, model.book, { p_evade: 0.3 }));

	it('lists states and moves in document order with targets and probabilities', () => {
		expect(table.stateIds).toEqual(['choose', 'reaction', 'evaded', 'disrupted', 'status_quo']);
		expect(table.moveIds).toEqual(['SANCTION', 'WAIT', 'EVADE', 'DISRUPTED']);
		expect(Array.from(table.target)).toEqual([1, 4, 2, 3]);
		expect(Number.isNaN(table.probability[0])).toBe(true);
		expect(table.probability[2]).toBeCloseTo(0.3);
		expect(table.probability[3]).toBeCloseTo(0.7);
		expect(Array.from(table.final)).toEqual([0, 0, 1, 1, 1]);
	});

	it('closes a guarded move and a move into a state at its visit bound', () => {
		let text = replaceOnce(exampleText(), '        WAIT:\n          target: status_quo', '        WAIT:\n          target: status_quo\n          guard: { type: formula, params: { expr: "p_evade > 0.5" } }');
		text = replaceOnce(text, '        label: Networks react', '        label: Networks react\n        maxVisits: 1');
		const m = buildMachine(parseValid(text));
		const t = compileMachine(m, resolveValues(m.scenario, m.book, { p_evade: 0.3 }));
		const out = new Int32Array(4);
		const visits = new Int32Array(t.stateIds.length);
		expect(Array.from(out.subarray(0, openMoves(t, 0, visits, out)))).toEqual([0]);
		visits[1] = 1;
		expect(openMoves(t, 0, visits, out)).toBe(0);
	});
});
