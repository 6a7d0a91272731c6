import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordOffsets } from '../../src/cli/verifyCitationsCommand.js';

const shipped = readFileSync('scenarios/russia-dprk-2024/scenario.yaml', 'utf8');
/** Every citation's offset in the shipped file, as written there. */
const written = new Map([...shipped.matchAll(/- id: (c-[\w-]+)\n(?:    .*\n)*?    offset: (\d+)/g)].map((m) => [m[1], Number(m[2])]));

describe('verify-citations --write', () => {
	it('puts removed offsets back where they were, leaving every other byte of the file as it is', () => {
		expect(written.size).toBeGreaterThan(70);
		const without = shipped.replace(/\n    offset: \d+/g, '');
		expect(recordOffsets(without, written)).toBe(shipped);
	});

	it('changes a wrong offset in place and nothing else', () => {
		const [id, offset] = [...written][3];
		const wrong = shipped.replace(`    offset: ${offset}\n`, `    offset: ${offset + 7}\n`);
		expect(wrong).not.toBe(shipped);
		expect(recordOffsets(wrong, new Map([[id, offset]]))).toBe(shipped);
	});

	it('leaves a file whose offsets are right untouched', () => {
		expect(recordOffsets(shipped, written)).toBe(shipped);
	});

	it('adds to a flow mapping inside its braces, and after a comment or a block scalar on a line of its own', () => {
		const text = [
			'citations:',
			'  - { id: a, source: s, excerpt: "x", gloss: "y" }',
			'  - id: b',
			'    source: s   # the column',
			'    excerpt: "z"',
			'    gloss: >-',
			'      a folded',
			'      gloss',
			'  - id: c',
			'    excerpt: "w"   # a note',
			''
		].join('\n');
		expect(recordOffsets(text, new Map([['a', 1], ['b', 2], ['c', 3]]))).toBe(
			[
				'citations:',
				'  - { id: a, source: s, excerpt: "x", gloss: "y", offset: 1 }',
				'  - id: b',
				'    source: s   # the column',
				'    excerpt: "z"',
				'    gloss: >-',
				'      a folded',
				'      gloss',
				'    offset: 2',
				'  - id: c',
				'    excerpt: "w"   # a note',
				'    offset: 3',
				''
			].join('\n')
		);
	});
});
