/** Median and percentiles of timings, and a timer that repeats until it has enough samples. */
export function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[at];
}

export const median = (samples: number[]) => percentile(samples, 50);

/** Runs `fn` at least `runs` times and for at least `ms` milliseconds; returns each run's time. */
export function sample(fn: () => unknown, options: { runs?: number; ms?: number; warmup?: number } = {}): number[] {
	const { runs = 15, ms = 300, warmup = 3 } = options;
	for (let i = 0; i < warmup; i++) fn();
	const times: number[] = [];
	const start = performance.now();
	while (times.length < runs || performance.now() - start < ms) {
		const t0 = performance.now();
		fn();
		times.push(performance.now() - t0);
	}
	return times;
}

/**
 * Times two functions alternately, so that drift in the machine's load
 * (shared, two cores) falls on both equally; returns the two medians.
 */
export function compare(a: () => unknown, b: () => unknown, options: { runs?: number; ms?: number } = {}): [number, number] {
	const { runs = 21, ms = 400 } = options;
	for (let i = 0; i < 3; i++) {
		a();
		b();
	}
	const ta: number[] = [];
	const tb: number[] = [];
	const start = performance.now();
	while (ta.length < runs || performance.now() - start < ms) {
		let t0 = performance.now();
		a();
		ta.push(performance.now() - t0);
		t0 = performance.now();
		b();
		tb.push(performance.now() - t0);
	}
	return [median(ta), median(tb)];
}

export interface Figure {
	name: string;
	/** Median (or the stated percentile) of the measured thing, ms or as `unit` says. */
	value: number;
	unit: string;
	/** The in-run reference it is compared with, when there is one. */
	reference?: { name: string; value: number };
	/** The budget: value / reference ≤ maxRatio, or value ≤ maxValue. */
	maxRatio?: number;
	minRatio?: number;
	maxValue?: number;
	note?: string;
}

export function verdict(figure: Figure): { ratio?: number; pass: boolean } {
	const ratio = figure.reference ? figure.value / figure.reference.value : undefined;
	let pass = true;
	if (figure.maxRatio !== undefined && ratio !== undefined) pass &&= ratio <= figure.maxRatio;
	if (figure.minRatio !== undefined && ratio !== undefined) pass &&= ratio >= figure.minRatio;
	if (figure.maxValue !== undefined) pass &&= figure.value <= figure.maxValue;
	return { ratio, pass };
}
