/** The part of fontkit (pdfkit's font engine) Branchpoint calls: parsing a font once to share it between documents. */
declare module 'fontkit' {
	/** A parsed font; pdfkit accepts one wherever it accepts a font file. */
	export interface Font {
		postscriptName: string;
		layout(text: string, features?: unknown): unknown;
	}
	/** Parses a font file, or the named face of a collection (.ttc). */
	export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
