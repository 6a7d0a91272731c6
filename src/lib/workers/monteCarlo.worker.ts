/// <reference lib="webworker" />
import { buildMachine, createEvaluator, evppi, evppiGroup, monteCarlo, type GroupEvppi, type AssumptionValue, type PlayOverrides, type Scenario } from '../core/index.js';

export interface MonteCarloRequest {
	scenario: Scenario;
	overrides: Record<string, AssumptionValue>;
	perspective?: string;
	play?: PlayOverrides;
	criterion?: string;
	runs: number;
	seed: number;
	/** When given: the partial EVPI of these assumptions learnt together (nested Monte Carlo), instead of the runs. */
	group?: string[];
}

export type MonteCarloMessage =
	| { type: 'progress'; done: number; runs: number }
	| { type: 'done'; result: ReturnType<typeof monteCarlo>; evppi: ReturnType<typeof evppi>; labels: readonly string[] }
	| { type: 'group'; result: GroupEvppi }
	| { type: 'error'; message: string };

// Runs the core's Monte Carlo off the main thread; the page cancels by terminating the worker.
self.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
	const { scenario, overrides, perspective, play, criterion, runs, seed } = event.data;
	try {
		const evaluator = createEvaluator(buildMachine(scenario), { perspective, play, criterion, base: overrides });
		if (event.data.group) {
			self.postMessage({ type: 'group', result: evppiGroup(evaluator, event.data.group, { seed }) } satisfies MonteCarloMessage);
			return;
		}
		const result = monteCarlo(evaluator, {
			runs,
			seed,
			progressEvery: Math.max(10, Math.round(runs / 50)),
			onProgress: (done) => {
				self.postMessage({ type: 'progress', done, runs } satisfies MonteCarloMessage);
			}
		});
		self.postMessage({ type: 'done', result, evppi: evppi(result, result.uncertain, evaluator.sign), labels: evaluator.optionLabels } satisfies MonteCarloMessage);
	} catch (error) {
		self.postMessage({ type: 'error', message: (error as Error).message } satisfies MonteCarloMessage);
	}
};
