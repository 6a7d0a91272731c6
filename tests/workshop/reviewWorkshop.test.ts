import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildMachine, compareWorkshops, reportMarkdown, resolveValues, reviewDocument, reviewWorkshop, toMarkdownTable, type Provenance } from '../../src/lib/core/index.js';
import { FACILITATOR, as, parseOrThrow, startWorkshop } from './helpers.js';

// Blue (the perspective) plays it safe (gain 2) or takes a gamble: a 1-in-4
// win (gain 10), else red decides between helping (gain 4) and hurting
// (gain -1), which the model gives even odds. Red's own score is minus blue's
// gain. By hand:
//   EV(lose branch) = 0.5 × 4 + 0.5 × (-1) = 1.5
//   EV(RISKY) = 0.25 × 10 + 0.75 × 1.5 = 3.625;  EV(SAFE) = 2
//   regret of SAFE = 3.625 - 2 = 1.625;  red's regret for HELP = 1 - (-4) = 5
const YAML = `
id: review
title: Review example
description: Hand-computed regret.
asOf: 2024-07-04
perspective: blue
sources:
  - { id: src, file: none.txt, title: A source, publisher: A publisher }
actors:
  - { id: blue, name: Blue, citations: [c1] }
  - { id: red, name: Red, citations: [c1], preferences: { gain: -1 } }
  - { id: nature, name: Nature, kind: nature, citations: [c1] }
assumptions:
  - { id: p_win, label: Chance of a win, kind: probability, default: 0.25, min: 0, max: 1, citations: [c1], judgment: true }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1, judgment: true }
citations:
  - { id: c1, source: src, excerpt: an excerpt, gloss: a gloss }
machine:
  id: review
  initial: start
  states:
    start:
      meta: { actor: blue, label: Blue chooses, citations: [c1] }
      on:
        SAFE: { target: endSafe, meta: { label: Play safe, citations: [c1] } }
        RISKY: { target: gamble, meta: { label: Gamble, citations: [c1] } }
    gamble:
      meta: { actor: nature, label: The gamble, citations: [c1] }
      on:
        WIN: { target: endWin, meta: { label: Win, probability: p_win, citations: [c1] } }
        LOSE: { target: redTurn, meta: { label: Lose, probability: 1 - p_win, citations: [c1] } }
    redTurn:
      meta: { actor: red, label: Red decides, citations: [c1] }
      on:
        HELP: { target: endHelp, meta: { label: Help, probability: "0.5", citations: [c1] } }
        HURT: { target: endHurt, meta: { label: Hurt, probability: "0.5", citations: [c1] } }
    endSafe: { type: final, meta: { label: Safe, payoffs: { gain: "2" }, citations: [c1] } }
    endWin: { type: final, meta: { label: Won, payoffs: { gain: "10" }, citations: [c1] } }
    endHelp: { type: final, meta: { label: Helped, payoffs: { gain: "4" }, citations: [c1] } }
    endHurt: { type: final, meta: { label: Hurt, payoffs: { gain: "-1" }, citations: [c1] } }
`;

const model = () => buildMachine(parseOrThrow(YAML));

function played(blueMove: string) {
	const h = startWorkshop({ model: model(), setup: { teams: ['blue', 'red'], seed: 3 } });
	h.join('b1', 'blue', 'Aiko');
	h.join('b2', 'blue', 'Ben');
	h.join('r1', 'red', 'Ivan');
	h.ok(FACILITATOR, { type: 'openVote' });
	h.ok(as('b1'), { type: 'vote', move: blueMove, rationale: 'Our reason' });
	h.ok(as('b2'), { type: 'vote', move: blueMove });
	h.ok(FACILITATOR, { type: 'closeVote' });
	return h;
}

describe('reviewWorkshop', () => {
	it('values every option at a team decision and gives the regret of the choice, by hand', () => {
		const h = played('SAFE');
		const review = reviewWorkshop(h.model, h.state, { names: true });
		const [first] = review.steps;
		expect(first.options.map((o) => [o.move, o.score])).toEqual([
			['SAFE', 2],
			['RISKY', 3.625]
		]);
		expect(first.best).toBe('RISKY');
		expect(first.regret).toBeCloseTo(1.625, 12);
		expect(first.vote).toEqual({ tally: { SAFE: 2, RISKY: 0 }, outcome: 'plurality', rationales: [{ move: 'SAFE', rationale: 'Our reason', name: 'Aiko' }] });
		expect(review.totalRegret).toBeCloseTo(1.625, 12);
	});

	it('judges another actor’s team by that actor’s own preferences, and says a draw plainly', () => {
		const h = played('RISKY');
		h.ok(FACILITATOR, { type: 'decide', move: 'LOSE', rationale: 'The room wants to see red decide' });
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('r1'), { type: 'vote', move: 'HELP', rationale: 'Goodwill' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		const review = reviewWorkshop(h.model, h.state, { names: false });
		const [blue, chance, red] = review.steps;
		expect(blue.regret).toBe(0);
		expect(chance.chance).toBe('75%');
		expect(chance.step.how).toBe('pick');
		expect(red.options.map((o) => [o.move, o.valueToMover, o.score])).toEqual([
			['HELP', -4, 4],
			['HURT', 1, -1]
		]);
		expect(red.best).toBe('HURT');
		expect(red.regret).toBe(5);
		// Names left out: the reasons stay, the people do not.
		expect(red.vote?.rationales).toEqual([{ move: 'HELP', rationale: 'Goodwill' }]);
		expect(JSON.stringify(review)).not.toMatch(/Ivan|Aiko|Ben/);
		expect(review.totalRegret).toBe(5);
	});

	it('reviews the path as it stands after a correction', () => {
		const h = played('SAFE');
		h.ok(FACILITATOR, { type: 'correct', rationale: 'Wrong button' });
		expect(reviewWorkshop(h.model, h.state, { names: true }).steps).toEqual([]);
	});
});

describe('compareWorkshops', () => {
	it('counts, at each decision point, what the runs chose against what the model recommended', () => {
		const runs = ['SAFE', 'RISKY', 'SAFE'].map((move, i) => {
			const h = played(move);
			return { id: `w${i}`, title: `Group ${i + 1}`, review: reviewWorkshop(h.model, h.state, { names: false }) };
		});
		const comparison = compareWorkshops(runs);
		expect(comparison.paths.map((p) => p.moves)).toEqual([['Play safe'], ['Gamble'], ['Play safe']]);
		expect(comparison.points).toEqual([
			{ path: '', stateLabel: 'Blue chooses', actor: 'blue', labels: { SAFE: 'Play safe', RISKY: 'Gamble' }, chosen: { SAFE: 2, RISKY: 1 }, recommended: { RISKY: 3 }, runs: 3 }
		]);
	});
});

describe('reviewWorkshop on the example scenario (scenarios/example-minimal), by hand', () => {
	// Score = enforcement − 0.5 × cost. SANCTION costs 2 and then networks evade (enforcement 2)
	// with p_evade, else are disrupted (8); WAIT is the status quo (0, 0).
	const example = () => buildMachine(parseOrThrow(readFileSync('scenarios/example-minimal/scenario.yaml', 'utf8')));
	const run = (overrides: Record<string, number>, move: string) => {
		const m = example();
		const h = startWorkshop({ model: m, setup: { teams: ['coalition'], perspective: 'coalition', overrides, values: { ...resolveValues(m.scenario, m.book, overrides) } } });
		h.join('c1', 'coalition');
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('c1'), { type: 'vote', move });
		h.ok(FACILITATOR, { type: 'closeVote' });
		return h;
	};

	it('at p_evade = 0.5: SANCTION gives enforcement 5 at cost 2 (score 4), WAIT 0, so waiting gave up 4', () => {
		const h = run({}, 'WAIT');
		const [step] = reviewWorkshop(h.model, h.state, { names: false }).steps;
		expect(step.options).toEqual([
			{ move: 'SANCTION', label: 'Targeted sanctions', expected: { enforcement: 5, cost: 2 }, score: 4, valueToMover: 4 },
			{ move: 'WAIT', label: 'Wait', expected: { enforcement: 0, cost: 0 }, score: 0, valueToMover: 0 }
		]);
		expect(step).toMatchObject({ best: 'SANCTION', regret: 4 });
	});

	it('at p_evade = 0.8: enforcement 0.8 × 2 + 0.2 × 8 = 3.2, score 2.2; the draw is said as a 1-in-5 outcome or 80%', () => {
		const h = run({ p_evade: 0.8 }, 'WAIT');
		expect(reviewWorkshop(h.model, h.state, { names: false }).steps[0].regret).toBeCloseTo(2.2, 12);
		const sanctioned = run({ p_evade: 0.8 }, 'SANCTION');
		sanctioned.ok(FACILITATOR, { type: 'draw' });
		const [first, draw] = reviewWorkshop(sanctioned.model, sanctioned.state, { names: false }).steps;
		expect(first.regret).toBe(0);
		expect(draw.chance).toBe(draw.step.move === 'EVADE' ? '80%' : '20% (a 1-in-5 outcome)');
	});
});

describe('reviewWorkshop for a mover without preferences', () => {
	// Red states no preferences: the model has no terms of red's own to rank its moves in.
	const unscored = () => buildMachine(parseOrThrow(YAML.replace(', preferences: { gain: -1 }', '')));
	const playedRed = () => {
		const h = startWorkshop({ model: unscored(), setup: { teams: ['blue', 'red'] } });
		h.join('b1', 'blue', 'Aiko');
		h.join('r1', 'red', 'Ivan');
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('b1'), { type: 'vote', move: 'RISKY' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		h.ok(FACILITATOR, { type: 'decide', move: 'LOSE', rationale: 'Let red decide' });
		h.ok(FACILITATOR, { type: 'openVote' });
		h.ok(as('r1'), { type: 'vote', move: 'HELP' });
		h.ok(FACILITATOR, { type: 'closeVote' });
		return h;
	};

	it('gives red no value, no best move and no regret, rather than blue’s gain as red’s', () => {
		const h = playedRed();
		const review = reviewWorkshop(h.model, h.state, { names: false });
		const red = review.steps[2];
		expect(red.options.map((o) => [o.move, o.valueToMover, o.score])).toEqual([
			['HELP', NaN, 4],
			['HURT', NaN, -1]
		]);
		expect(red.best).toBeUndefined();
		expect(red.regret).toBe(0);
		expect(review.totalRegret).toBe(0);
		expect(compareWorkshops([{ id: 'w', title: 'W', review }]).points[2].recommended).toEqual({});
	});

	it('says so in the review document, with a dash for the missing value', () => {
		const h = playedRed();
		const review = reviewWorkshop(h.model, h.state, { names: false });
		const provenance = { generator: 'Branchpoint', version: '0', scenarioId: 'review', scenarioSha256: '0'.repeat(64), assumptions: {}, overrides: {}, perspective: 'blue', seed: 1, runs: 0, options: 'format=md' } as Provenance;
		const md = reportMarkdown(reviewDocument({ state: h.state, review, scenario: h.model.scenario, provenance, names: false }), new Map(), toMarkdownTable);
		expect(md).toContain('The model ranks no move for Red: it has no preferences.');
		expect(md).toMatch(/\| Help \(chosen\) \| 1 \| 4 \| 4 \| — \|/);
		expect(md).toContain('2 of them team decisions, 1 of which matched the model’s best move');
	});
});
