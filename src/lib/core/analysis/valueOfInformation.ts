/**
 * Expected value of information from Monte Carlo values (values[o][r], NaN
 * where option o is closed in run r), for groups of runs that share what
 * would be learnt (one group: perfect information on everything).
 *
 * With the information, each run takes its best open option. Without it,
 * the decision maker follows one fixed ranking of the options and takes the
 * first open one — the ranking by mean value where open, computed over the
 * runs of the group (all runs for the baseline). Options a guard closes in
 * some runs (because an assumption decides whether they exist) are thus
 * compared fairly. `sign` is −1 when less of the value is better. Pure.
 */
export function valueOfInformation(values: readonly Float64Array[], sign: number, groups: readonly number[][]): number {
	const runs = groups.flat();
	if (runs.length === 0 || values.length === 0) return 0;
	const v = (o: number, r: number) => sign * values[o][r];
	const rankedValue = (subset: readonly number[]) => {
		const order = values
			.map((_, o) => {
				let sum = 0;
				let n = 0;
				for (const r of subset) if (!Number.isNaN(values[o][r])) (sum += v(o, r)), n++;
				return { o, mean: n > 0 ? sum / n : -Infinity };
			})
			.sort((a, b) => b.mean - a.mean)
			.map((x) => x.o);
		let total = 0;
		for (const r of subset) {
			const o = order.find((k) => !Number.isNaN(values[k][r]));
			total += o === undefined ? 0 : v(o, r);
		}
		return total;
	};
	const withoutInformation = rankedValue(runs) / runs.length;
	const withInformation = groups.reduce((sum, group) => sum + rankedValue(group), 0) / runs.length;
	return Math.max(0, withInformation - withoutInformation);
}
