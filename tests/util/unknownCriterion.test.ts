import { describe, expect, it } from 'vitest';
import { unknownCriterion } from '../../src/lib/core/index.js';

describe('unknownCriterion', () => {
	it.each([
		{ name: 'suggests the closest id for a typo', id: 'costs', criteria: ['enforcement', 'cost'], message: 'Unknown criterion "costs". Did you mean "cost"? Criteria: enforcement, cost.' },
		{ name: 'ignores case when matching', id: 'Enforcement', criteria: ['enforcement', 'cost'], message: 'Unknown criterion "Enforcement". Did you mean "enforcement"? Criteria: enforcement, cost.' },
		{ name: 'lists the criteria without a guess when none is close', id: 'fun', criteria: ['enforcement', 'cost'], message: 'Unknown criterion "fun". Criteria: enforcement, cost.' },
		{ name: 'says "none" when there is nothing to choose', id: 'cost', criteria: [], message: 'Unknown criterion "cost". Criteria: none.' }
	])('$name', ({ id, criteria, message }) => {
		expect(unknownCriterion(id, criteria)).toBe(message);
	});

	it.each([
		{ name: 'suggests the closest id in Japanese', id: 'costs', criteria: ['enforcement', 'cost'], message: '評価基準 "costs" は不明です。"cost" のことですか？評価基準：enforcement, cost。' },
		{ name: 'says "none" in Japanese', id: 'cost', criteria: [], message: '評価基準 "cost" は不明です。評価基準：なし。' }
	])('$name', ({ id, criteria, message }) => {
		expect(unknownCriterion(id, criteria, 'ja')).toBe(message);
	});
});
