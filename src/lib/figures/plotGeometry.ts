import { bin, extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import type { MonteCarloResult, Tornado, TrajectoryPoint } from '../core/index.js';

/**
 * Sizes and shared scales of the analysis plots, so that the workbench's
 * charts and the exported figures draw the same marks at the same places.
 */
export const TORNADO = { width: 760, left: 260, row: 26, height: (t: Tornado) => t.bars.length * 26 + 50 };
export const REGION = { size: 420, left: 60, top: 10, width: 500, height: 480 };
export const DISTRIBUTION = { width: 520, height: 220 };
export const SPIRAL = { width: 560, height: 260 };
export const HISTOGRAM_ROW = 70;

/** Run values per option with the undefined (closed option) runs left out. */
export function finiteValues(result: MonteCarloResult): number[][] {
	return result.values.map((v) => Array.from(v).filter((x) => !Number.isNaN(x)));
}

/** One x scale for every option's distribution, so they compare. */
export function distributionScale(values: number[][], width: number) {
	const [lo, hi] = (extent(values.flat()) as [number | undefined, number | undefined]) ?? [0, 1];
	return scaleLinear()
		.domain([lo ?? 0, hi ?? 1])
		.nice()
		.range([40, width - 10]);
}

/** Histogram bins on the shared scale's ticks. */
export function histogramBins(values: number[][], x: ReturnType<typeof distributionScale>) {
	return values.map((v) => bin().domain(x.domain() as [number, number]).thresholds(x.ticks(30))(v));
}

/** Dash patterns that tell lines apart without colour. */
export const DASHES = [undefined, '6 3', '2 2', '9 3 2 3', '4 4', '1 3', '12 4', '3 6'] as const;

export function trajectoryDomain(trajectory: TrajectoryPoint[]): [number, number] {
	return [Math.min(0, ...trajectory.flatMap((t) => [t.x, t.y])), Math.max(1, ...trajectory.flatMap((t) => [t.x, t.y]))];
}
