import type { Table } from '../export/tables.js';
import type { Sender, WorkshopEvent } from './types.js';

/**
 * The log with participants' names left out, for exports meant for
 * publication: each participant becomes "Participant n" in the order they
 * joined; their votes and reasons stay. With `names`, the log as kept. Pure.
 */
export function publishableLog(events: readonly WorkshopEvent[], options: { names: boolean }): WorkshopEvent[] {
	if (options.names) return [...events];
	const number = new Map<string, number>();
	for (const e of events) if (e.type === 'joined' && !number.has(e.participant.id)) number.set(e.participant.id, number.size + 1);
	return events.map((e) => (e.type === 'joined' ? { ...e, participant: { ...e.participant, name: `Participant ${number.get(e.participant.id)}` } } : e));
}

/** The log as a table, a row an event: seq, time (UTC), who, what, and the event's details as JSON. Pure. */
export function logTable(events: readonly WorkshopEvent[]): Table {
	const names = new Map<string, string>();
	for (const e of events) if (e.type === 'joined') names.set(e.participant.id, e.participant.name);
	const who = (by: Sender) => (by.role === 'participant' ? (names.get(by.participant) ?? by.participant) : by.role);
	return {
		header: ['seq', 'time (UTC)', 'who', 'event', 'details'],
		numeric: [true, false, false, false, false],
		rows: events.map((e) => {
			const { seq, at, by, command: _command, type, ...details } = e;
			return [String(seq), new Date(at).toISOString(), who(by), type, JSON.stringify(details)];
		})
	};
}
