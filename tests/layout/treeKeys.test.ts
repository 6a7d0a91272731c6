import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../src/lib/core/index.js';
import { layoutLabelledTree } from '../../src/lib/core/layout/layoutLabelledTree.js';
import { treeKeys } from '../../src/lib/core/layout/treeKeys.js';
import { exampleModel } from '../helpers/scenarios.js';

const flat = evaluateScenario(exampleModel()).flat!;
const layout = layoutLabelledTree(flat, {
	branchLabel: (i) => flat.tree.nodes[i].move ?? '',
	leafLabel: (i) => flat.tree.nodes[i].state,
	folded: (i) => flat.tree.nodes[i].path === 'SANCTION'
});
const at = (path: string) => layout.nodes.findIndex((n) => flat.tree.nodes[n.index].path === path);
const last = layout.nodes.length - 1;

describe('treeKeys (the WAI-ARIA tree pattern)', () => {
	it.each([
		['Down moves to the next node in reading order', '', 'ArrowDown', { focus: 1 }],
		['Up moves to the previous node', 'WAIT', 'ArrowUp', { focus: at('WAIT') - 1 }],
		['Up at the first node does nothing', '', 'ArrowUp', undefined],
		['Right on an open node moves to its first child', '', 'ArrowRight', { focus: 1 }],
		['Right on a folded node opens it', 'SANCTION', 'ArrowRight', { expand: at('SANCTION') }],
		['Left on an open node folds it', '', 'ArrowLeft', { collapse: 0 }],
		['Left on a folded node moves to its parent', 'SANCTION', 'ArrowLeft', { focus: 0 }],
		['Home goes to the root', 'WAIT', 'Home', { focus: 0 }],
		['End goes to the last node shown', '', 'End', { focus: last }],
		['Enter selects', 'WAIT', 'Enter', { select: at('WAIT') }],
		['Space selects', 'WAIT', ' ', { select: at('WAIT') }],
		['other keys do nothing', '', 'x', undefined]
	])('%s', (_, path, key, action) => {
		expect(treeKeys(layout, at(path), key)).toEqual(action);
	});

	it('Down visits every node once, in the order a depth-first walk does', () => {
		const seen = [0];
		let action = treeKeys(layout, 0, 'ArrowDown');
		while (action && 'focus' in action) {
			seen.push(action.focus);
			action = treeKeys(layout, action.focus, 'ArrowDown');
		}
		expect(seen).toEqual(layout.nodes.map((_, k) => k));
		// A leaf's Right does nothing; its Left goes to its parent.
		const leaf = layout.nodes.findIndex((n) => n.shownChildren === 0 && n.hiddenChildren === 0);
		expect(treeKeys(layout, leaf, 'ArrowRight')).toBeUndefined();
		expect(treeKeys(layout, leaf, 'ArrowLeft')).toEqual({ focus: layout.nodes[leaf].parent });
	});
});
