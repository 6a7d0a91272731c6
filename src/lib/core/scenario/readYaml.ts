import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DocPath, Issue } from './Issue.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface YamlRead {
	doc?: Document.Parsed;
	lineCounter: LineCounter;
	issues: Issue[];
}

function issueAt(line: number, column: number, message: string, path: DocPath = []): Issue {
	return { severity: 'error', path, line, column, message };
}

/** UTF-8 decoding that fails with the byte's line and column rather than inventing U+FFFD. */
function decode(bytes: Uint8Array): { text?: string; issue?: Issue } {
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
			issue: issueAt(line, 1, 'The file is not valid UTF-8 text; save it as UTF-8.')
		};
	}
}

/** Reports keys named `__proto__`, `constructor` or `prototype` anywhere in the YAML. */
function reservedKeys(doc: Document.Parsed, lineCounter: LineCounter): Issue[] {
	const issues: Issue[] = [];
	const walk = (node: unknown, path: DocPath) => {
		if (isMap(node)) {
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : '';
				if (RESERVED_NAMES.has(key)) {
					const pos = lineCounter.linePos((pair.key as Node).range?.[0] ?? 0);
					issues.push(
						issueAt(pos.line, pos.col, `"${key}" is a reserved name and cannot be used as a key.`, [
							...path,
							key
						])
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
 * capped. Pure; problems come back as issues.
 */
export function readYaml(input: string | Uint8Array): YamlRead {
	const lineCounter = new LineCounter();
	let text: string;
	if (typeof input === 'string') {
		const bytes = new TextEncoder().encode(input).length;
		if (bytes > MAX_FILE_BYTES) return { lineCounter, issues: [tooLarge(bytes)] };
		text = input;
	} else {
		if (input.length > MAX_FILE_BYTES) return { lineCounter, issues: [tooLarge(input.length)] };
		const decoded = decode(input);
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
		const message =
			problem.code === 'DUPLICATE_KEY'
				? `${first}. Each key may appear once in a map; merge the two entries.`
				: problem.code === 'BAD_ALIAS' || /alias/i.test(first)
					? `${first}. Anchors and aliases are not allowed; write the value out.`
					: `YAML syntax error: ${first}.`;
		return issueAt(line, column, message);
	});
	if (issues.length === 0) issues.push(...aliases(doc, lineCounter), ...reservedKeys(doc, lineCounter));
	return { doc, lineCounter, issues };
}

/** Anchors and aliases are refused (DESIGN: maxAliasCount 0): each value is written out where it applies. */
function aliases(doc: Document.Parsed, lineCounter: LineCounter): Issue[] {
	const issues: Issue[] = [];
	visit(doc, (_key, node) => {
		const n = node as Node & { anchor?: string };
		const alias = isAlias(node);
		if (alias || n?.anchor) {
			const pos = lineCounter.linePos(n.range?.[0] ?? 0);
			issues.push(issueAt(pos.line, pos.col, `${alias ? 'Aliases (*name)' : 'Anchors (&name)'} are not allowed in a scenario; write the value out where it is used.`));
		}
	});
	return issues;
}

function tooLarge(bytes: number): Issue {
	return issueAt(
		1,
		1,
		`The file is ${bytes} bytes; the limit is ${MAX_FILE_BYTES} bytes (1 MiB). Split the scenario or shorten it.`
	);
}
