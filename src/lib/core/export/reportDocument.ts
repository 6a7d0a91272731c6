import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { ExportContent } from './exportRequest.js';
import type { Provenance } from './provenance.js';
import type { Table } from './tables.js';

/** A block of a report, written once and rendered to Markdown and DOCX alike. */
export type Block =
	| { kind: 'heading'; level: 1 | 2 | 3; text: string }
	| { kind: 'paragraph'; text: string; notes?: number[] }
	| { kind: 'table'; title: string; table: Table; source: string }
	| { kind: 'figure'; content: ExportContent; title: string; alt: string }
	| { kind: 'list'; items: string[] };

export interface ReportDocument {
	title: string;
	subtitle: string;
	blocks: Block[];
	/** Numbered notes, cited in the text as [n]; printed before the bibliography as Chicago notes-bibliography style has it. */
	notes: { number: number; text: string }[];
	bibliography: string[];
	provenance: Provenance;
	/** The language the document is written in. */
	lang: Locale;
}

/**
 * The report as Markdown (GitHub and Pandoc dialect): pipe tables, notes
 * and bibliography at the end, figures as SVG data URIs so the file stands
 * alone.
 * `figures` maps each figure's content kind to its SVG. Pure.
 */
export function reportMarkdown(doc: ReportDocument, figures: ReadonlyMap<ExportContent, string>, markdownTable: (t: Table) => string): string {
	const out: string[] = [`# ${doc.title}`, '', `*${doc.subtitle}*`, ''];
	const refs = (notes?: number[]) => (notes && notes.length > 0 ? ` [${notes.join(', ')}]` : '');
	for (const block of doc.blocks) {
		switch (block.kind) {
			case 'heading':
				out.push(`${'#'.repeat(block.level + 1)} ${block.text}`, '');
				break;
			case 'paragraph':
				out.push(`${block.text}${refs(block.notes)}`, '');
				break;
			case 'table':
				out.push(`**${block.title}**`, '', markdownTable(block.table), '', `*${block.source}*`, '');
				break;
			case 'figure': {
				const svg = figures.get(block.content) ?? '';
				const data = `data:image/svg+xml;base64,${base64(svg)}`;
				out.push(`![${block.alt.replace(/[[\]]/g, '')}](${data} "${block.title.replace(/"/g, '”')}")`, '', `*${block.title}*`, '');
				break;
			}
			case 'list':
				out.push(...block.items.map((item) => `- ${item}`), '');
				break;
		}
	}
	const locale = { locale: doc.lang };
	if (doc.notes.length > 0) out.push(`## ${m.xp_h_notes({}, locale)}`, '', ...doc.notes.map((n) => `${n.number}. ${n.text}`), '');
	if (doc.bibliography.length > 0) out.push(`## ${m.xp_h_bibliography({}, locale)}`, '', ...doc.bibliography.flatMap((entry) => [entry, '']));
	out.push(provenanceComment(doc.provenance), '');
	return out.join('\n');
}

/**
 * Provenance as an HTML comment in Markdown: JSON with "<", ">" and "-"
 * written as \u escapes, so nothing in it can end the comment and it reads
 * back exactly with JSON.parse. Pure.
 */
export function provenanceComment(provenance: Provenance): string {
	const json = JSON.stringify(provenance).replace(/[<>-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return `<!-- branchpoint-provenance ${json} -->`;
}

function base64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}
