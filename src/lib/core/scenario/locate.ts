import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { DocPath } from './Issue.js';

export interface Position {
	line: number;
	column: number;
}

export interface Locator {
	/** The position of the value at `path`, or of its nearest existing ancestor. */
	value(path: DocPath): Position;
	/** The position of the key that ends `path` (for unknown or reserved keys). */
	key(path: DocPath): Position;
	/** The position of the `char`-th (1-based) character inside the scalar at `path`. */
	char(path: DocPath, char: number): Position;
}

/**
 * The YAML node at `path`, or its nearest existing ancestor: `depth` says
 * how many keys of the path were found. Pure.
 */
export function yamlNodeAt(doc: Document.Parsed, path: DocPath): { node: unknown; depth: number } {
	let node: unknown = doc.contents;
	let depth = 0;
	for (const key of path) {
		let next: unknown;
		if (isMap(node)) {
			next = node.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value;
		} else if (isSeq(node) && typeof key === 'number') {
			next = node.items[key];
		}
		if (next === undefined || next === null) break;
		node = next;
		depth++;
	}
	return { node, depth };
}

/** Maps document paths back to line and column through the parsed YAML nodes. */
export function createLocator(doc: Document.Parsed, lineCounter: LineCounter): Locator {
	const toPosition = (offset: number): Position => {
		const { line, col } = lineCounter.linePos(offset);
		return { line, column: col };
	};
	const nodeAt = (path: DocPath) => yamlNodeAt(doc, path);
	const start = (node: unknown): Position => toPosition((node as Node | null)?.range?.[0] ?? 0);

	return {
		value: (path) => start(nodeAt(path).node),
		key(path) {
			if (path.length === 0) return start(doc.contents);
			const { node, depth } = nodeAt(path.slice(0, -1));
			if (depth === path.length - 1 && isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
				if (pair) return start(pair.key);
			}
			return start(node);
		},
		char(path, char) {
			const { node, depth } = nodeAt(path);
			if (depth !== path.length || !isScalar(node) || !node.range) return start(node);
			const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
			const plain = node.type === 'PLAIN' || quoted;
			if (!plain) return start(node);
			return toPosition(node.range[0] + (quoted ? 1 : 0) + Math.max(0, char - 1));
		}
	};
}
