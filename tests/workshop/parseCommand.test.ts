import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/lib/core/index.js';

const ID = 'abcdef0123456789';

describe('parseCommand', () => {
	it.each([
		['a vote', { id: ID, type: 'vote', move: 'A' }],
		['a vote with a rationale', { id: ID, type: 'vote', move: 'A', rationale: 'why' }],
		['a draw with the step seen', { id: ID, type: 'draw', step: 3 }],
		['an extension', { id: ID, type: 'extendTimer', seconds: 60 }]
	])('accepts %s', (_, raw) => {
		expect(parseCommand(raw)).toEqual({ ok: true, command: raw });
	});

	it.each([
		['not an object', [1], /a JSON object/],
		['null', null, /a JSON object/],
		['an unknown type', { id: ID, type: 'teleport' }, /Unknown command type "teleport"/],
		['a join (through its form only)', { id: ID, type: 'join', participant: 'x', name: 'y' }, /Unknown command type "join"/],
		['a type named like an Object property', { id: ID, type: 'toString' }, /Unknown command type/],
		['no id', { type: 'draw' }, /an id of 8–64/],
		['a short id', { id: 'abc', type: 'draw' }, /an id of 8–64/],
		['an id with odd characters', { id: '../../etc/pass', type: 'draw' }, /an id of 8–64/],
		['a move that is not text', { id: ID, type: 'vote', move: { toString: 1 } }, /"move" must be text/],
		['a missing move', { id: ID, type: 'vote' }, /"move" must be text/],
		['a rationale that is a number', { id: ID, type: 'vote', move: 'A', rationale: 5 }, /"rationale" must be text/],
		['a fractional extension', { id: ID, type: 'extendTimer', seconds: 1.5 }, /"seconds" must be a whole number/],
		['a field the type does not take', { id: ID, type: 'draw', move: 'A' }, /has no field "move"/],
		['a negative step', { id: ID, type: 'draw', step: -1 }, /"step"/]
	])('refuses %s', (_, raw, message) => {
		const parsed = parseCommand(raw);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.status).toBe(400);
			expect(parsed.message).toMatch(message);
		}
	});
});
