import type { MonteCarloResult, Tornado, TrajectoryPoint, TreeFigure, TwoWayResult } from '../core/index.js';

/** What an exported figure plots: the data of one of the plot components. */
export type PlotSpec =
	| { kind: 'tree'; figure: TreeFigure }
	| { kind: 'tornado'; result: Tornado; labels: Record<string, string> }
	| { kind: 'twoway'; result: TwoWayResult; labels: Record<string, string>; xLabel: string; yLabel: string }
	| { kind: 'histogram'; result: MonteCarloResult; labels: readonly string[] }
	| { kind: 'risk'; result: MonteCarloResult }
	| { kind: 'spiral'; trajectory: TrajectoryPoint[]; horizon: number };
