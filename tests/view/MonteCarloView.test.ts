import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { buildMachine, createEvaluator, monteCarlo, NOTHING_UNCERTAIN } from '../../src/lib/core/index.js';
import MonteCarloView from '../../src/lib/view/MonteCarloView.svelte';
import { exampleText, parseValid, replaceOnce } from '../helpers/scenarios.js';

function viewOf(text: string): string {
	const evaluator = createEvaluator(buildMachine(parseValid(text)));
	const result = monteCarlo(evaluator, { runs: 50, seed: 1 });
	return render(MonteCarloView, { props: { result, evppi: [], labels: evaluator.optionLabels, assumptionLabel: (id: string) => id } }).body;
}

describe('the Monte Carlo view', () => {
	it('shows the summary, histograms and EVPI when an assumption is drawn', () => {
		const html = viewOf(exampleText());
		expect(html).toContain('data-testid="mc-histogram"');
		expect(html).toContain('data-testid="evpi"');
		expect(html).not.toContain(NOTHING_UNCERTAIN);
	});

	it('says nothing is uncertain instead, when no assumption has a distribution', () => {
		const html = viewOf(replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', ''));
		expect(html).toContain(NOTHING_UNCERTAIN);
		expect(html).not.toContain('data-testid="mc-summary"');
		expect(html).not.toContain('data-testid="mc-histogram"');
		expect(html).not.toContain('data-testid="evpi"');
	});
});
