import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
	buildMachine,
	machineConfig,
	resolveValues,
	unrollTree,
	type ScenarioModel,
	type TreeNode
} from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { exampleModel, exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

function defaults(model: ScenarioModel) {
	return resolveValues(model.scenario, model.book);
}

/** An actor of the model's machine, started, at the given assumption values. */
function start(model: ScenarioModel, values = defaults(model)) {
	return createActor(model.machine, { input: { values } }).start();
}

/** A decision with a move open only while the boolean `flag` holds. */
const guardedText = `${scenarioHeader({ id: 'guarded' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1] }
assumptions:
  - { id: flag, label: Flag, kind: boolean, default: true, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: guarded
  initial: choose
  states:
    choose:
      meta: { actor: a, label: Choose, citations: [c1] }
      on:
        BOLD:
          target: bold_end
          guard: { type: formula, params: { expr: flag } }
          meta: { label: Bold, payoffs: { gain: "3" }, citations: [c1] }
        SAFE:
          target: safe_end
          meta: { label: Safe, payoffs: { gain: "1" }, citations: [c1] }
    bold_end:
      type: final
      meta: { label: Bold outcome, citations: [c1] }
    safe_end:
      type: final
      meta: { label: Safe outcome, citations: [c1] }
`;

/**
 * Talks that may be reopened: "talks" is bounded by maxVisits 2, and the
 * cycle talks → reply → talks passes through it.
 */
const cycleText = `${scenarioHeader({ id: 'cycle' })}
actors:
  - { id: a, name: A, citations: [c1] }
  - { id: b, name: B, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: cycle
  initial: talks
  states:
    talks:
      meta: { actor: a, label: Talks, maxVisits: 2, citations: [c1] }
      on:
        OFFER: { target: reply, meta: { label: Offer, payoffs: { gain: "1" }, citations: [c1] } }
        LEAVE: { target: ended, meta: { label: Leave, citations: [c1] } }
    reply:
      meta: { actor: b, label: Reply, citations: [c1] }
      on:
        REOPEN: { target: talks, meta: { label: Reopen, citations: [c1] } }
        CLOSE: { target: ended, meta: { label: Close, citations: [c1] } }
    ended:
      type: final
      meta: { label: Ended, citations: [c1] }
`;

/** A state that loops back to itself, bounded by maxVisits 2. */
const selfLoopText = `${scenarioHeader({ id: 'self-loop' })}
actors:
  - { id: a, name: A, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: self-loop
  initial: talks
  states:
    talks:
      meta: { actor: a, label: Talks, maxVisits: 2, citations: [c1] }
      on:
        AGAIN: { target: talks, meta: { label: Again, payoffs: { gain: "1" }, citations: [c1] } }
        LEAVE: { target: ended, meta: { label: Leave, citations: [c1] } }
    ended:
      type: final
      meta: { label: Ended, citations: [c1] }
`;

describe('buildMachine gives a real XState machine', () => {
	it('starts in the initial state, active', () => {
		const snapshot = start(exampleModel()).getSnapshot();
		expect(snapshot.value).toBe('choose');
		expect(snapshot.status).toBe('active');
	});

	it.each([
		{ path: ['SANCTION', 'EVADE'], states: ['reaction', 'evaded'] },
		{ path: ['SANCTION', 'DISRUPTED'], states: ['reaction', 'disrupted'] },
		{ path: ['WAIT'], states: ['status_quo'] }
	])('follows $path of the worked example to a final state', ({ path, states }) => {
		const actor = start(exampleModel());
		path.forEach((type, i) => {
			actor.send({ type });
			expect(actor.getSnapshot().value).toBe(states[i]);
		});
		expect(actor.getSnapshot().status).toBe('done');
	});

	it('ignores a move that does not belong to the current state', () => {
		const actor = start(exampleModel());
		actor.send({ type: 'EVADE' });
		expect(actor.getSnapshot().value).toBe('choose');
		expect(actor.getSnapshot().status).toBe('active');
	});

	it('stays in a final state whatever is sent', () => {
		const actor = start(exampleModel());
		actor.send({ type: 'WAIT' });
		actor.send({ type: 'SANCTION' });
		expect(actor.getSnapshot().value).toBe('status_quo');
		expect(actor.getSnapshot().status).toBe('done');
	});

	it('carries the assumption values it was started with in its context', () => {
		const model = exampleModel();
		const values = { ...defaults(model), p_evade: 0.3 };
		expect(start(model, values).getSnapshot().context.values).toEqual(values);
	});

	it('refuses to build from a scenario whose formulas do not compile', () => {
		const scenario = parseValid(exampleText());
		const broken = {
			...scenario,
			states: scenario.states.map((s) => (s.id === 'reaction' ? { ...s, moves: s.moves.map((m) => ({ ...m, probability: 'p_evad' })) } : s))
		};
		expect(() => buildMachine(broken)).toThrow(/buildMachine: scenario has formula errors; run parseScenario first \(Unknown symbol "p_evad"/);
	});
});

describe('guards read assumption values through their formulas', () => {
	const model = buildMachine(parseValid(guardedText));

	it.each([
		{ flag: 1, bold: true },
		{ flag: 0, bold: false }
	])('with flag = $flag the guarded move is open: $bold', ({ flag, bold }) => {
		const snapshot = start(model, { flag }).getSnapshot();
		expect(snapshot.can({ type: 'BOLD' })).toBe(bold);
		expect(snapshot.can({ type: 'SAFE' })).toBe(true);
	});

	it('a refused move leaves the actor where it was', () => {
		const actor = start(model, { flag: 0 });
		actor.send({ type: 'BOLD' });
		expect(actor.getSnapshot().value).toBe('choose');
		actor.send({ type: 'SAFE' });
		expect(actor.getSnapshot().value).toBe('safe_end');
	});

	it('an allowed guarded move is taken', () => {
		const actor = start(model, { flag: 1 });
		actor.send({ type: 'BOLD' });
		expect(actor.getSnapshot().value).toBe('bold_end');
		expect(actor.getSnapshot().status).toBe('done');
	});

	it('counts any non-zero guard value as open', () => {
		expect(start(model, { flag: 0.25 }).getSnapshot().can({ type: 'BOLD' })).toBe(true);
		expect(start(model, { flag: -1 }).getSnapshot().can({ type: 'BOLD' })).toBe(true);
	});
});

describe('machineConfig is the XState v5 config as plain JSON', () => {
	it('survives a JSON round trip unchanged', () => {
		for (const text of [exampleText(), guardedText, cycleText]) {
			const config = machineConfig(parseValid(text));
			expect(JSON.parse(JSON.stringify(config))).toEqual(config);
		}
	});

	it('keeps the machine id, initial state, targets and meta as written', () => {
		const config = machineConfig(parseValid(exampleText())) as {
			id: string;
			initial: string;
			states: Record<string, { type?: string; meta: { actor?: string }; on?: Record<string, { target: string; guard?: unknown; meta: { probability?: string } }> }>;
		};
		expect(config.id).toBe('example-minimal');
		expect(config.initial).toBe('choose');
		expect(Object.keys(config.states)).toEqual(['choose', 'reaction', 'evaded', 'disrupted', 'status_quo']);
		expect(config.states.choose.on?.SANCTION.target).toBe('reaction');
		expect(config.states.choose.on?.WAIT.target).toBe('status_quo');
		expect(config.states.reaction.on?.EVADE.meta.probability).toBe('p_evade');
		expect(config.states.reaction.meta.actor).toBe('networks');
		expect(config.states.evaded.type).toBe('final');
		expect(config.states.choose.on?.SANCTION.guard).toBeUndefined();
	});

	it('writes a formula guard as a parameterised guard', () => {
		const config = machineConfig(parseValid(guardedText)) as { states: Record<string, { on?: Record<string, { guard?: unknown }> }> };
		expect(config.states.choose.on?.BOLD.guard).toEqual({ type: 'formula', params: { expr: 'flag' } });
		expect(config.states.choose.on?.SAFE.guard).toBeUndefined();
	});

	it('guards every move into a maxVisits state with "bounded" and counts entries to it', () => {
		const config = machineConfig(parseValid(cycleText)) as {
			states: Record<string, { entry?: unknown; on?: Record<string, { target: string; guard?: unknown }> }>;
		};
		expect(config.states.reply.on?.REOPEN.guard).toEqual({ type: 'bounded', params: { state: 'talks', maxVisits: 2 } });
		expect(config.states.reply.on?.CLOSE.guard).toBeUndefined();
		expect(config.states.talks.entry).toEqual([{ type: 'countVisit', params: { state: 'talks' } }]);
		expect(config.states.reply.entry).toBeUndefined();
	});

	it('does not change the scenario it reads', () => {
		const scenario = parseValid(cycleText);
		const before = JSON.stringify(scenario);
		machineConfig(scenario);
		buildMachine(scenario);
		expect(JSON.stringify(scenario)).toBe(before);
	});
});

describe('maxVisits bounds a cycle', () => {
	const model = buildMachine(parseValid(cycleText));

	it('lets the actor re-enter a bounded state only up to its bound', () => {
		const actor = start(model, {});
		expect(actor.getSnapshot().context.visits).toEqual({ talks: 1 });
		actor.send({ type: 'OFFER' });
		expect(actor.getSnapshot().can({ type: 'REOPEN' })).toBe(true);
		actor.send({ type: 'REOPEN' });
		expect(actor.getSnapshot().value).toBe('talks');
		expect(actor.getSnapshot().context.visits).toEqual({ talks: 2 });
		actor.send({ type: 'OFFER' });
		expect(actor.getSnapshot().can({ type: 'REOPEN' })).toBe(false);
		actor.send({ type: 'REOPEN' });
		expect(actor.getSnapshot().value).toBe('reply');
	});

	it('unrolls to a finite tree where the bounded state appears at most twice on any path', () => {
		const { tree, issues } = unrollTree(model, { values: {} });
		expect(issues).toEqual([]);
		const nodes = tree!.nodes;
		const leaves = nodes.filter((n) => n.children.length === 0);
		expect(leaves.every((n) => n.kind === 'terminal' && n.state === 'ended')).toBe(true);
		const visits = (node: TreeNode): number => (node.state === 'talks' ? 1 : 0) + (node.parent < 0 ? 0 : visits(nodes[node.parent]));
		expect(Math.max(...leaves.map(visits))).toBe(2);
		// talks → LEAVE; talks → OFFER → CLOSE; talks → OFFER → REOPEN → (talks → LEAVE | talks → OFFER → CLOSE)
		expect(leaves.map((n) => n.path).sort()).toEqual(
			['LEAVE', 'OFFER/CLOSE', 'OFFER/REOPEN/LEAVE', 'OFFER/REOPEN/OFFER/CLOSE'].sort()
		);
	});

	it('checks a move’s own guard as well as the bound', () => {
		const text = replaceOnce(cycleText, 'REOPEN: { target: talks, meta:', 'REOPEN: { target: talks, guard: { type: formula, params: { expr: flag } }, meta:');
		const guarded = buildMachine(
			parseValid(replaceOnce(text, 'criteria:', 'assumptions:\n  - { id: flag, label: Flag, kind: boolean, default: true, citations: [c1] }\ncriteria:'))
		);
		const config = machineConfig(guarded.scenario) as { states: Record<string, { on?: Record<string, { guard?: unknown }> }> };
		expect(config.states.reply.on?.REOPEN.guard).toEqual({ type: 'bounded', params: { expr: 'flag', state: 'talks', maxVisits: 2 } });
		const reopen = (flag: number) => {
			const actor = start(guarded, { flag });
			actor.send({ type: 'OFFER' });
			return actor.getSnapshot().can({ type: 'REOPEN' });
		};
		expect(reopen(1)).toBe(true);
		expect(reopen(0)).toBe(false);
	});

	// XState v5 does not re-enter a state on a transition to itself unless
	// told to (reenter: true), so an entry action alone never counts a self-loop.
	it('bounds a state that loops back to itself', () => {
		const loop = buildMachine(parseValid(selfLoopText));
		const actor = start(loop, {});
		actor.send({ type: 'AGAIN' });
		expect(actor.getSnapshot().context.visits).toEqual({ talks: 2 });
		expect(actor.getSnapshot().can({ type: 'AGAIN' })).toBe(false);
		const { tree, issues } = unrollTree(loop, { values: {} });
		expect(issues.map((i) => i.message)).toEqual([]);
		expect(tree?.nodes.map((n) => n.path)).toEqual(['', 'AGAIN', 'LEAVE', 'AGAIN/LEAVE']);
	});
});
