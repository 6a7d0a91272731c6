import type { WorkshopReview } from './reviewWorkshop.js';

/** One decision point reached by at least one run, with what the runs chose there. */
export interface DecisionPoint {
	/** Moves from the start to this point, joined with "/". */
	path: string;
	stateLabel: string;
	actor: string;
	/** Move → label, for every option open here. */
	labels: Record<string, string>;
	/** Move → how many runs chose it. */
	chosen: Record<string, number>;
	/** Move → in how many runs the model ranked it first (runs on other values may differ). */
	recommended: Record<string, number>;
	runs: number;
}

export interface WorkshopComparison {
	/** Each run's played path, as move labels. */
	paths: { id: string; title: string; moves: string[] }[];
	/** Every decision point any run reached, in the order first reached. */
	points: DecisionPoint[];
}

/**
 * Several runs of one scenario side by side: the path each group took, and
 * at each decision point how often each option was chosen against the
 * model's recommendation. Pure.
 */
export function compareWorkshops(runs: readonly { id: string; title: string; review: WorkshopReview }[]): WorkshopComparison {
	const points = new Map<string, DecisionPoint>();
	for (const run of runs) {
		let path = '';
		for (const step of run.review.steps) {
			const point = points.get(path) ?? {
				path,
				stateLabel: step.step.stateLabel,
				actor: step.step.actor,
				labels: Object.fromEntries(step.options.map((o) => [o.move, o.label])),
				chosen: {},
				recommended: {},
				runs: 0
			};
			point.runs++;
			point.chosen[step.step.move] = (point.chosen[step.step.move] ?? 0) + 1;
			if (step.best !== undefined) point.recommended[step.best] = (point.recommended[step.best] ?? 0) + 1;
			points.set(path, point);
			path = path === '' ? step.step.move : `${path}/${step.step.move}`;
		}
	}
	return {
		paths: runs.map((run) => ({ id: run.id, title: run.title, moves: run.review.steps.map((s) => s.step.moveLabel) })),
		points: [...points.values()]
	};
}
