import { describe, expect, it } from 'vitest';
import { buildMachine, checkOverrides, evaluateScenario, resolveValues } from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { exampleText, parseValid } from '../helpers/scenarios.js';

/** One assumption of each kind, read by the payoff of the single move. */
const scenario = parseValid(`${scenarioHeader({ id: 'kinds' })}
actors:
  - { id: a, name: A, citations: [c1] }
assumptions:
  - { id: p_evade, label: Evasion, kind: probability, default: 0.5, citations: [c1] }
  - { id: p_narrow, label: Narrow, kind: probability, default: 0.5, min: 0.2, max: 0.8, citations: [c1] }
  - { id: level, label: Level, kind: number, default: 2, min: 0, max: 10, citations: [c1] }
  - { id: engaged, label: Engaged, kind: boolean, default: false, citations: [c1] }
  - id: stance
    label: Stance
    kind: choice
    default: neutral
    options:
      - { id: neutral, label: Neutral, value: 0 }
      - { id: supportive, label: Supportive, value: 1 }
    citations: [c1]
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: kinds
  initial: start
  states:
    start:
      meta: { actor: a, label: Start, citations: [c1] }
      on:
        END: { target: done, meta: { label: End, payoffs: { gain: "p_evade + p_narrow + level + engaged + stance" }, citations: [c1] } }
    done:
      type: final
      meta: { label: Done, citations: [c1] }
`);

describe('checkOverrides accepts what an assumption can take, typed', () => {
	it.each([
		{ raw: { p_evade: '0.25' }, value: 0.25 },
		{ raw: { p_evade: 0.25 }, value: 0.25 },
		{ raw: { p_evade: '0' }, value: 0 },
		{ raw: { p_evade: '1' }, value: 1 },
		{ raw: { p_narrow: '0.2' }, value: 0.2 },
		{ raw: { level: ' 7.5 ' }, value: 7.5 },
		{ raw: { level: '1e1' }, value: 10 },
		{ raw: { engaged: 'true' }, value: true },
		{ raw: { engaged: 'false' }, value: false },
		{ raw: { engaged: true }, value: true },
		{ raw: { stance: 'supportive' }, value: 'supportive' }
	])('$raw', ({ raw, value }) => {
		const result = checkOverrides(scenario, raw);
		expect(result.problems).toEqual([]);
		expect(Object.values(result.overrides)).toEqual([value]);
	});
});

describe('checkOverrides refuses what an assumption cannot take, saying why', () => {
	it.each([
		{ raw: { p_evad: '0.3' }, message: 'Unknown assumption "p_evad". Did you mean "p_evade"?' },
		{ raw: { zzz: '1' }, message: 'Unknown assumption "zzz".' },
		{ raw: { p_evade: '1.5' }, message: '"p_evade" must lie between 0 and 1; got 1.5.' },
		{ raw: { p_evade: '-0.1' }, message: '"p_evade" must lie between 0 and 1; got -0.1.' },
		{ raw: { p_narrow: '0.9' }, message: '"p_narrow" must lie between 0.2 and 0.8; got 0.9.' },
		{ raw: { level: '11' }, message: '"level" must lie between 0 and 10; got 11.' },
		{ raw: { level: 'high' }, message: '"level" needs a number; got "high".' },
		{ raw: { level: '' }, message: '"level" needs a number; got "".' },
		{ raw: { level: 'Infinity' }, message: '"level" needs a number; got "Infinity".' },
		{ raw: { level: true }, message: '"level" needs a number; got true.' },
		{ raw: { engaged: 'yes' }, message: '"engaged" is true or false.' },
		{ raw: { engaged: 1 }, message: '"engaged" is true or false.' },
		{ raw: { stance: 'hostile' }, message: '"stance" is one of neutral, supportive.' },
		{ raw: { stance: 1 }, message: '"stance" is one of neutral, supportive.' }
	])('$raw', ({ raw, message }) => {
		const result = checkOverrides(scenario, raw);
		expect(result.overrides).toEqual({});
		expect(result.problems).toEqual([{ id: Object.keys(raw)[0], message }]);
	});
});

describe('checkOverrides keeps what is valid', () => {
	it('keeps valid values when others fail, and reports every failure', () => {
		const result = checkOverrides(scenario, { p_evade: '0.1', level: '99', engaged: 'true', stance: 'hostile', p_evad: '1' });
		expect(result.overrides).toEqual({ p_evade: 0.1, engaged: true });
		expect(result.problems.map((p) => p.id)).toEqual(['level', 'stance', 'p_evad']);
	});

	it('returns nothing for no overrides', () => {
		expect(checkOverrides(scenario, {})).toEqual({ overrides: {}, problems: [] });
	});

	it('gives values that formulas read as numbers', () => {
		const model = buildMachine(scenario);
		const { overrides } = checkOverrides(scenario, { p_evade: '0.25', engaged: 'true', stance: 'supportive' });
		const values = resolveValues(scenario, model.book, overrides);
		expect(values).toMatchObject({ p_evade: 0.25, p_narrow: 0.5, level: 2, engaged: 1, stance: 1 });
		const run = evaluateScenario(model, { overrides });
		expect(run.evaluation!.expected[0]).toBe(0.25 + 0.5 + 2 + 1 + 1);
	});
});

describe('checkOverrides reads numbers in plain decimal notation only', () => {
	const example = parseValid(exampleText());
	it.each(['0x1', '0b1', 'Infinity', '1/2', '', ' '])('refuses %j', (text) => {
		expect(checkOverrides(example, { p_evade: text }).problems).toHaveLength(1);
	});
	it.each([['0.5', 0.5], ['.25', 0.25], ['1e-1', 0.1], [' 0.3 ', 0.3]])('reads %j as %d', (text, value) => {
		expect(checkOverrides(example, { p_evade: text }).overrides).toEqual({ p_evade: value });
	});
});
