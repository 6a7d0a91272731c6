import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';

/** Font files for PDF (and so PNG) figures: Noto Sans CJK, which covers the Japanese excerpts and Latin text alike. */
export interface FigureFonts {
	regular: string;
	bold: string;
	/** PostScript names of the Japanese faces inside the collections. */
	regularName: string;
	boldName: string;
}

const DIRECTORIES = [process.env.BRANCHPOINT_FONTS ?? '', '/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk', '/usr/share/fonts/google-noto-cjk', '/usr/local/share/fonts'];

/**
 * Finds Noto Sans CJK on this machine (`BRANCHPOINT_FONTS` first, then the
 * usual Linux folders). The figures name it first in their font stack, so
 * PNG and PDF look as the SVG does in a browser with the font.
 */
export function figureFonts(): FigureFonts {
	for (const dir of DIRECTORIES.filter((d) => d !== '')) {
		const regular = join(dir, 'NotoSansCJK-Regular.ttc');
		const bold = join(dir, 'NotoSansCJK-Bold.ttc');
		if (existsSync(regular) && existsSync(bold)) return { regular, bold, regularName: 'NotoSansCJKjp-Regular', boldName: 'NotoSansCJKjp-Bold' };
	}
	throw new Error(
		'PNG and PDF figures need the Noto Sans CJK fonts (NotoSansCJK-Regular.ttc and -Bold.ttc). Install them (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set BRANCHPOINT_FONTS to their folder. SVG export works without them.'
	);
}

let parsed: { regular: Font; bold: Font } | undefined;

/**
 * The figure fonts parsed once per process and shared by every PDF made
 * after: fontkit keeps the glyphs and layout tables it has decoded, which
 * reading the 20 MB collections anew for each figure threw away (about a
 * fifth of a PDF figure's time). Documents still embed their own subsets.
 */
export function parsedFigureFonts(): { regular: Font; bold: Font } {
	if (!parsed) {
		const fonts = figureFonts();
		parsed = {
			regular: withLayoutMemo(create(readFileSync(fonts.regular), fonts.regularName)),
			bold: withLayoutMemo(create(readFileSync(fonts.bold), fonts.boldName))
		};
	}
	return parsed;
}

/** Words laid out at most; a figure has a few hundred, a report a few thousand. */
const MEMO_LIMIT = 50_000;

/**
 * The font with its layouts remembered, word by word, across documents:
 * shaping Latin and Japanese text through the collections' OpenType tables
 * was about half of what remained of a figure's time. pdfkit scales the
 * positions of a layout in place (by 1 for these 1000-unit fonts, but not
 * for every font), so each call gets its own copies; the glyphs, which
 * nothing changes, are shared.
 */
function withLayoutMemo(font: Font): Font {
	const runs = new Map<string, GlyphRun>();
	const layout = (text: string, features?: unknown) => {
		if (features !== undefined) return font.layout(text, features);
		let run = runs.get(text);
		if (!run) {
			run = font.layout(text) as GlyphRun;
			if (runs.size < MEMO_LIMIT) runs.set(text, run);
		}
		// The run's own getters (advanceWidth) read these copies through `this`.
		return Object.create(run, { positions: { value: run.positions.map((p) => ({ ...p })), enumerable: true, writable: true } });
	};
	return new Proxy(font, {
		get(target, key) {
			if (key === 'layout') return layout;
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}

interface GlyphRun {
	positions: Record<string, number>[];
}
