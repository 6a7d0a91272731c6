/** Ends a pdfkit document and collects what it writes. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	return new Promise((resolve, reject) => {
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on('error', reject);
		doc.end();
	});
}
