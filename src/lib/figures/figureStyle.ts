import { optionColours, palette } from '../view/palette.js';

/**
 * Fonts for exported figures: Noto Sans CJK first (what the PNG and PDF
 * renderers embed), then the Japanese fonts of common systems, so the
 * excerpts render wherever the SVG is opened.
 */
export const FIGURE_FONT = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', Meiryo, 'Source Han Sans JP', sans-serif";

export interface FigureColours {
	decision: string;
	chance: string;
	terminal: string;
	optimal: string;
	other: string;
	/** A workshop's played path, drawn under the tree's lines. */
	played: string;
	low: string;
	high: string;
	option: (i: number) => string;
}

/** Rec. 709 luma of a #rrggbb colour, as a grey of the same lightness. */
export function toGrey(hex: string): string {
	const [r, g, b] = [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
	const y = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b).toString(16).padStart(2, '0');
	return `#${y}${y}${y}`;
}

/** The workbench's Okabe–Ito colours, or their greys for print in black and white. */
export function figureColours(greyscale: boolean): FigureColours {
	const c = (hex: string) => (greyscale ? toGrey(hex) : hex);
	return {
		decision: c(palette.decision),
		chance: c(palette.chance),
		terminal: c(palette.terminal),
		optimal: c(palette.optimal),
		other: c(palette.other),
		// Okabe–Ito yellow: under the black optimal lines it stays distinct in colour and in grey.
		played: greyscale ? '#cccccc' : '#F0E442',
		low: c(palette.chance),
		high: c(palette.decision),
		option: (i) => c(optionColours[i % optionColours.length])
	};
}
