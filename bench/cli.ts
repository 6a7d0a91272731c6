import { spawnSync } from 'node:child_process';
import { median, type Figure } from './stats.js';

/** Wall time of one command, in milliseconds; fails loudly if it fails. */
function wall(args: string[]): number {
	const t0 = performance.now();
	const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
	const ms = performance.now() - t0;
	if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${run.stderr}`);
	return ms;
}

/**
 * The built command line's start-up as a user meets it: validate and evaluate
 * of the shipped scenario, each beside a bare `node -e ""` timed alternately in
 * the same run (the budget: ≤ 1 s wall time).
 */
export function cliFigures(): Figure[] {
	spawnSync(process.execPath, ['tools/buildCli.js'], { stdio: 'inherit' });
	const figures: Figure[] = [];
	for (const command of ['validate', 'evaluate']) {
		const bare: number[] = [];
		const cli: number[] = [];
		for (let i = 0; i < 9; i++) {
			bare.push(wall(['-e', '']));
			cli.push(wall(['dist/cli/branchpoint.mjs', command, 'russia-dprk-2024']));
		}
		figures.push({
			name: `branchpoint ${command} russia-dprk-2024 (built command line, wall time)`,
			value: median(cli),
			unit: 'ms',
			reference: { name: 'node -e ""', value: median(bare) },
			maxValue: 1000
		});
	}
	return figures;
}
