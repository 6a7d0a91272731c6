/** A table as text cells, for CSV, Markdown and DOCX alike. */
export interface Table {
	header: string[];
	rows: string[][];
	/** Per column: numbers align right. */
	numeric: boolean[];
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote
 * or line break; a UTF-8 byte-order mark so spreadsheet programs read the
 * Japanese text as UTF-8. Pure.
 */
export function toCsv(table: Table): string {
	const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return `\uFEFF${[table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A GitHub/Pandoc pipe table; pipes and line breaks in cells are escaped. Pure. */
export function toMarkdownTable(table: Table): string {
	const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
	const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
	const rule = `|${table.numeric.map((n) => (n ? '---:' : ':---')).join('|')}|`;
	return [line(table.header), rule, ...table.rows.map(line)].join('\n');
}
