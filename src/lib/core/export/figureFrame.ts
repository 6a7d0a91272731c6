import { wrapText } from './wrapText.js';

/** A block of wrapped text placed in a figure. */
export interface TextBlock {
	x: number;
	/** Baseline of the first line. */
	y: number;
	lines: string[];
	fontSize: number;
	lineHeight: number;
	bold: boolean;
	fill: string;
	role: 'title' | 'caption' | 'source' | 'notes' | 'provenance';
}

export interface FrameLayout {
	width: number;
	height: number;
	/** Top-left corner of the plot. */
	plotX: number;
	plotY: number;
	blocks: TextBlock[];
}

export interface FrameOptions {
	plotWidth: number;
	plotHeight: number;
	title: string;
	caption: string;
	sourceLine: string;
	notes: readonly string[];
	/** The word that heads the notes: "Notes:", 注： */
	notesHeading?: string;
	provenance: string;
}

const MARGIN = 24;

/**
 * Places a plot in a figure as a paper prints one: title above; caption,
 * "Source:" line, numbered notes and a provenance line below, each wrapped
 * to the figure's width. Pure.
 */
export function figureFrame(options: FrameOptions): FrameLayout {
	const width = Math.max(640, Math.ceil(options.plotWidth) + 2 * MARGIN);
	const inner = width - 2 * MARGIN;
	const blocks: TextBlock[] = [];
	let y = MARGIN;
	const add = (role: TextBlock['role'], text: string, fontSize: number, bold = false, fill = '#000', gap = 6) => {
		if (text.trim() === '') return;
		const lines = wrapText(text, inner, fontSize);
		const lineHeight = Math.round(fontSize * 1.35 * 10) / 10;
		blocks.push({ x: MARGIN, y: y + fontSize, lines, fontSize, lineHeight, bold, fill, role });
		y += lines.length * lineHeight + gap;
	};
	add('title', options.title, 17, true, '#000', 10);
	const plotY = y;
	y += Math.ceil(options.plotHeight) + 12;
	add('caption', options.caption, 12);
	add('source', options.sourceLine, 11, false, '#222');
	if (options.notes.length > 0) add('notes', [options.notesHeading ?? 'Notes:', ...options.notes].join('\n'), 10, false, '#222');
	add('provenance', options.provenance, 8, false, '#555', 0);
	const plotX = MARGIN + Math.max(0, (inner - options.plotWidth) / 2);
	return { width, height: Math.ceil(y + MARGIN), plotX: Math.round(plotX), plotY: Math.round(plotY), blocks };
}
