/**
 * A generated scenario for benchmarks: `levels` alternating decision and
 * chance states with `branching` moves each, so the unrolled tree has
 * Σ branching^k nodes (branching 4, 6 levels: 5,461). Payoffs read the
 * assumption `x`, so moving it changes every value in the tree.
 */
export function syntheticScenario(options: { levels: number; branching: number; them?: 'chance' | 'strategic' }): string {
	const { levels, branching } = options;
	// "Them" move by the probabilities, or choose for themselves by their own preferences.
	const them = options.them === 'strategic' ? ', preferences: { gain: -1, cost: 0.3 }, play: strategic' : '';
	const lines: string[] = [
		'id: synthetic',
		'title: Synthetic benchmark scenario',
		'description: Generated for performance measurements.',
		'asOf: 2024-07-04',
		'perspective: us',
		'sources:',
		'  - { id: s, file: synthetic.txt, title: Synthetic, publisher: Branchpoint }',
		'actors:',
		'  - { id: us, name: Us, citations: [c] }',
		`  - { id: them, name: Them, citations: [c]${them} }`,
		'assumptions:',
		'  - { id: x, label: Driver, kind: number, default: 1, min: 0, max: 10, step: 0.1, citations: [c], distribution: { type: uniform, min: 0, max: 10 } }',
		'  - { id: p, label: Lean, kind: probability, default: 0.5, citations: [c] }',
		'criteria:',
		'  - { id: gain, label: Gain, direction: max, weight: 1 }',
		'  - { id: cost, label: Cost, direction: min, weight: 0.5 }',
		'citations:',
		'  - { id: c, source: s, excerpt: synthetic, gloss: synthetic }',
		'machine:',
		'  id: synthetic',
		'  initial: l0',
		'  states:'
	];
	for (let level = 0; level < levels; level++) {
		const decision = level % 2 === 0;
		const target = level === levels - 1 ? 'end' : `l${level + 1}`;
		lines.push(`    l${level}:`, `      meta: { actor: ${decision ? 'us' : 'them'}, label: Level ${level}, citations: [c] }`, '      on:');
		for (let m = 0; m < branching; m++) {
			const probability = decision ? '' : `, probability: "${m === 0 ? 'p' : `(1 - p) / ${branching - 1}`}"`;
			lines.push(`        M${m}: { target: ${target}, meta: { label: Move ${level}.${m}, payoffs: { gain: "x * ${(m + 1) % 3} - ${level % 2}", cost: "${m} + x / ${level + 2}" }${probability}, citations: [c] } }`);
		}
	}
	lines.push('    end:', '      type: final', '      meta: { label: End, payoffs: { gain: "x" }, citations: [c] }');
	return `${lines.join('\n')}\n`;
}
