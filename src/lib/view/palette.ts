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

/** One colour per option (Okabe–Ito order); charts also label options by letter for greyscale. */
export const optionColours = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

export function optionColour(i: number): string {
	return optionColours[i % optionColours.length];
}

export function optionLetter(i: number): string {
	return String.fromCharCode(65 + i);
}
