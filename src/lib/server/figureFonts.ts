import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

