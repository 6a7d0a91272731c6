import type { DocPath } from '../scenario/Issue.js';

export interface JsonPosition {
	line: number;
	column: number;
}

/** Line and column (1-based) of a character offset in a text. Pure. */
export function positionAt(text: string, offset: number): JsonPosition {
	let line = 1;
	let start = 0;
	const end = Math.min(offset, text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	}
	return { line, column: end - start + 1 };
}

const key = (path: DocPath) => path.map(String).join('\u0000');

/**
 * Where the values at `paths` start in a JSON text, in one pass over it: a
 * path that does not exist (a missing field) gets its nearest existing
 * ancestor's position, so every message points somewhere useful. The text
 * must be valid JSON (it has been parsed already). Pure.
 */
export function locateJsonPaths(text: string, paths: readonly DocPath[]): JsonPosition[] {
	const wanted = new Set<string>();
	for (const path of paths) for (let n = 0; n <= path.length; n++) wanted.add(key(path.slice(0, n)));
	const found = new Map<string, number>();
	// The path of the value being read; containers push their key or index as they go.
	const path: (string | number)[] = [];
	const stack: { array: boolean; index: number }[] = [];
	let i = 0;
	const skipSpace = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const readString = (): string => {
		const start = i;
		i++;
		while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
		i++;
		try {
			return JSON.parse(text.slice(start, i)) as string;
		} catch {
			return '';
		}
	};
	const markValue = () => {
		const k = key(path);
		if (wanted.has(k) && !found.has(k)) found.set(k, i);
	};
	while (i < text.length) {
		skipSpace();
		if (i >= text.length) break;
		const top = stack[stack.length - 1];
		const c = text[i];
		if (top && !top.array && c === '"' && expectingKey(text, i)) {
			path.push(readString());
			skipSpace();
			i++; // the colon
			continue;
		}
		if (c === ',') {
			i++;
			if (top && top.array) {
				top.index++;
				path[path.length - 1] = top.index;
			} else path.pop();
			continue;
		}
		if (c === '}' || c === ']') {
			i++;
			// Inside a container with a current member, the path has one entry per open container.
			if (path.length === stack.length) path.pop();
			stack.pop();
			continue;
		}
		markValue();
		if (c === '{' || c === '[') {
			stack.push({ array: c === '[', index: 0 });
			i++;
			if (c === '[') {
				skipSpace();
				if (text[i] === ']') {
					i++;
					stack.pop();
				} else path.push(0);
			}
			continue;
		}
		if (c === '"') readString();
		else while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++;
	}
	return paths.map((p) => {
		for (let n = p.length; n >= 0; n--) {
			const offset = found.get(key(p.slice(0, n)));
			if (offset !== undefined) return positionAt(text, offset);
		}
		return { line: 1, column: 1 };
	});
}

/** Whether the string at `i` is an object key: the previous non-space character opens the object or ends a member. */
function expectingKey(text: string, i: number): boolean {
	let j = i - 1;
	while (j >= 0 && ' \t\n\r'.includes(text[j])) j--;
	return text[j] === '{' || text[j] === ',';
}

/**
 * The offset of the first character that makes a text invalid JSON (V8's
 * messages give it only for some errors), or -1 when it is valid. Pure.
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
	};
	const fail = (): never => {
		throw i;
	};
	const string = () => {
		i++;
		while (i < text.length) {
			const c = text[i];
			if (c === '"') {
				i++;
				return;
			}
			if (c < ' ') fail();
			i += c === '\\' ? 2 : 1;
		}
		fail();
	};
	const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '"') return string();
		if (c === '{' || c === '[') {
			const close = c === '{' ? '}' : ']';
			i++;
			space();
			if (text[i] === close) {
				i++;
				return;
			}
			for (;;) {
				if (c === '{') {
					space();
					if (text[i] !== '"') fail();
					string();
					space();
					if (text[i] !== ':') fail();
					i++;
				}
				value();
				space();
				if (text[i] === ',') i++;
				else if (text[i] === close) {
					i++;
					return;
				} else fail();
			}
		}
		literal.lastIndex = i;
		if (!literal.test(text)) fail();
		i = literal.lastIndex;
	};
	try {
		value();
		space();
		return i < text.length ? i : -1;
	} catch (error) {
		return typeof error === 'number' ? error : 0;
	}
}
