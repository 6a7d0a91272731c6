import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath, Issue } from './Issue.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlRead {
	doc?: Document.Parsed;
	lineCounter: LineCounter;
	issues: Issue[];
}

/**
 * YAML syntax errors by the parser's code: the parser words them in
 * English only, so a Japanese message says what kind of slip it is and
 * quotes the parser's words.
 */
const SYNTAX_BY_CODE: Readonly<Record<string, typeof m.val_yaml_syntax>> = {
	TAB_AS_INDENT: m.val_yaml_syntax_tab,
	BAD_INDENT: m.val_yaml_syntax_indent,
	MULTILINE_IMPLICIT_KEY: m.val_yaml_syntax_key_line,
	BLOCK_AS_IMPLICIT_KEY: m.val_yaml_syntax_nested,
	MISSING_CHAR: m.val_yaml_syntax_missing,
	UNEXPECTED_TOKEN: m.val_yaml_syntax_unexpected,
	BAD_SCALAR_START: m.val_yaml_syntax_scalar_start
};

function issueAt(line: number, column: number, message: string, path: DocPath = []): Issue {
	return { severity: 'error', path, line, column, message };
}

/** UTF-8 decoding that fails with the byte's line and column rather than inventing U+FFFD. */
function decode(bytes: Uint8Array, lang: Locale): { text?: string; issue?: Issue } {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
	} catch {
		// Find the first invalid sequence by decoding growing prefixes line by line.
		let line = 1;
		let lineStart = 0;
		const strict = new TextDecoder('utf-8', { fatal: true });
		for (let i = 0; i < bytes.length; i++) {
			if (bytes[i] === 0x0a) {
				try {
					strict.decode(bytes.subarray(lineStart, i));
				} catch {
					break;
				}
				line++;
				lineStart = i + 1;
			}
		}
		return {
			issue: issueAt(line, 1, m.val_not_utf8({}, { locale: lang }))
		};
	}
}

/** Reports keys named `__proto__`, `constructor` or `prototype` anywhere in the YAML. */
function reservedKeys(doc: Document.Parsed, lineCounter: LineCounter, lang: Locale): Issue[] {
	const issues: Issue[] = [];
	const walk = (node: unknown, path: DocPath) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : '';
				if (RESERVED_NAMES.has(key)) {
					const pos = lineCounter.linePos((pair.key as Node).range?.[0] ?? 0);
					issues.push(
						issueAt(pos.line, pos.col, m.val_reserved_key({ key }, { locale: lang }), [...path, key])
					);
				} else walk(pair.value, [...path, key]);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => walk(item, [...path, i]));
		}
	};
	walk(doc.contents, []);
	return issues;
}

/**
 * Reads scenario YAML as DESIGN.md prescribes: core schema, no aliases or
 * merge keys, unique keys, warnings treated as errors, size and encoding
 * capped. Pure; problems come back as issues, in `lang`.
 */
export function readYaml(input: string | Uint8Array, lang: Locale = 'en'): YamlRead {
	const lineCounter = new LineCounter();
	const locale = { locale: lang };
	let text: string;
	if (typeof input === 'string') {
		const bytes = new TextEncoder().encode(input).length;
		if (bytes > MAX_FILE_BYTES) return { lineCounter, issues: [tooLarge(bytes, lang)] };
		text = input;
	} else {
		if (input.length > MAX_FILE_BYTES) return { lineCounter, issues: [tooLarge(input.length, lang)] };
		const decoded = decode(input, lang);
		if (decoded.issue) return { lineCounter, issues: [decoded.issue] };
		text = decoded.text as string;
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

	const doc = parseDocument(text, {
		schema: 'core',
		merge: false,
		uniqueKeys: true,
		prettyErrors: true,
		lineCounter
	});
	const issues: Issue[] = [...doc.errors, ...doc.warnings].map((problem) => {
		const [line, column] = problem.linePos?.[0]
			? [problem.linePos[0].line, problem.linePos[0].col]
			: [1, 1];
		const first = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
		// The parser's one duplicate-key message is "Map keys must be unique".
		const message =
			problem.code === 'DUPLICATE_KEY'
				? m.val_duplicate_key({}, locale)
				: problem.code === 'BAD_ALIAS' || /alias/i.test(first)
					? m.val_yaml_alias({ problem: first }, locale)
					: (SYNTAX_BY_CODE[problem.code] ?? m.val_yaml_syntax)({ problem: first }, locale);
		return issueAt(line, column, message);
	});
	if (issues.length === 0) issues.push(...aliases(doc, lineCounter, lang), ...reservedKeys(doc, lineCounter, lang));
	return { doc, lineCounter, issues };
}

/** Anchors and aliases are refused (DESIGN: maxAliasCount 0): each value is written out where it applies. */
function aliases(doc: Document.Parsed, lineCounter: LineCounter, lang: Locale): Issue[] {
	const issues: Issue[] = [];
	visit(doc, (_key, node) => {
		const n = node as Node & { anchor?: string };
		const alias = isAlias(node);
		if (alias || n?.anchor) {
			const pos = lineCounter.linePos(n.range?.[0] ?? 0);
			issues.push(issueAt(pos.line, pos.col, (alias ? m.val_aliases_refused : m.val_anchors_refused)({}, { locale: lang })));
		}
	});
	return issues;
}

function tooLarge(bytes: number, lang: Locale): Issue {
	return issueAt(1, 1, m.val_file_too_large({ bytes, limit: MAX_FILE_BYTES }, { locale: lang }));
}
