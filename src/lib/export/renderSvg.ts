import { render } from 'svelte/server';
import FigureSvg from '../figures/FigureSvg.svelte';
import { figureColours } from '../figures/figureStyle.js';
import type { BuiltFigure } from './buildFigure.js';
import type { Provenance } from '../core/index.js';
import { m } from '../paraglide/messages.js';

/**
 * The figure as a standalone SVG file, server-rendered from the same
 * Svelte components the workbench draws its charts with. Svelte's
 * hydration markers (HTML comments) are removed: the file is for
 * illustration programs and journals, not for hydration.
 */
export function renderSvg(figure: BuiltFigure, provenance: Provenance, greyscale: boolean): string {
	const { body } = render(FigureSvg, {
		props: {
			frame: figure.frame,
			plot: figure.plot,
			colours: figureColours(greyscale),
			name: m.xp_figure_name({ title: figure.title, alt: figure.alt }, { locale: figure.lang }),
			description: figure.description,
			metadata: JSON.stringify(provenance)
		}
	});
	return `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(/<!--[\s\S]*?-->/g, '').trim()}\n`;
}
