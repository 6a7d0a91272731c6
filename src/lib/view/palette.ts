/**
 * Okabe–Ito colours (colour-blind safe). Node kinds also differ in shape and
 * the optimal policy in line weight, so the tree reads in greyscale too.
 */
export const palette = {
	decision: '#0072B2',
	chance: '#E69F00',
	terminal: '#009E73',
	optimal: '#000000',
	other: '#8c8c8c',
	walk: '#CC79A7',
	match: '#D55E00',
	selected: '#56B4E9'
} as const;
