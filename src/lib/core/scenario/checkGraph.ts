import { m } from '../../paraglide/messages.js';
import type { Report } from './Report.js';
import type { Scenario } from './types.js';

/**
 * The machine ends: from every reachable state some final state is
 * reachable (guards ignored), and every cycle passes through a state with
 * `maxVisits` or a move that assigns the machine's context (a round
 * counter that a guard or an `always` transition reads), so that unrolling
 * terminates; a context that never closes the cycle meets the depth limit
 * when the tree is unrolled. Unreachable states are a warning.
 */
export function checkGraph(scenario: Scenario, report: Report): void {
	const byId = new Map(scenario.states.map((s) => [s.id, s]));
	if (!byId.has(scenario.initial)) return;
	const locale = { locale: report.lang };
	const successors = (id: string) =>
		[...(byId.get(id)?.moves ?? []), ...(byId.get(id)?.always ?? [])].map((m) => m.target).filter((t) => byId.has(t));
	const assigns = (from: string, to: string) => (byId.get(from)?.moves ?? []).some((m) => m.target === to && m.assign.length > 0);

	const reachable = new Set<string>([scenario.initial]);
	const queue = [scenario.initial];
	while (queue.length > 0) {
		for (const next of successors(queue.shift() as string)) {
			if (!reachable.has(next)) {
				reachable.add(next);
				queue.push(next);
			}
		}
	}
	for (const state of scenario.states) {
		if (!reachable.has(state.id)) {
			report.warning(['machine', 'states', state.id], m.val_state_unreachable({ id: state.id, initial: scenario.initial }, locale), { key: true });
		}
	}

	// Backward search from final states finds every state that can end.
	const canEnd = new Set(scenario.states.filter((s) => s.final).map((s) => s.id));
	let grew = true;
	while (grew) {
		grew = false;
		for (const state of scenario.states) {
			if (!canEnd.has(state.id) && successors(state.id).some((t) => canEnd.has(t))) {
				canEnd.add(state.id);
				grew = true;
			}
		}
	}
	if (canEnd.size === 0) {
		report.error(['machine', 'states'], m.val_no_final_state({}, locale), { key: true });
	} else {
		for (const id of reachable) {
			if (!canEnd.has(id)) {
				report.error(['machine', 'states', id], m.val_final_unreachable({ id }, locale), { key: true });
			}
		}
	}

	// Cycles among unbounded states would unroll forever.
	const unbounded = (id: string) => byId.get(id)?.maxVisits === undefined;
	const colour = new Map<string, 'grey' | 'black'>();
	const reported = new Set<string>();
	const visit = (id: string, trail: string[]) => {
		colour.set(id, 'grey');
		for (const next of successors(id).filter(unbounded)) {
			if (colour.get(next) === 'grey') {
				const cycle = [...trail.slice(trail.indexOf(next)), id, next];
				const key = [...cycle].sort().join();
				const counted = cycle.slice(cycle.indexOf(next)).some((from, k, around) => k + 1 < around.length && assigns(from, around[k + 1]));
				if (!reported.has(key) && !counted) {
					reported.add(key);
					const shown = cycle.slice(cycle.indexOf(next));
					const counter = Object.keys(scenario.context).length > 0 ? m.val_cycle_counter({}, locale) : '';
					report.error(['machine', 'states', next], m.val_unbounded_cycle({ cycle: shown.join(' → '), counter }, locale), { key: true });
				}
			} else if (!colour.has(next)) visit(next, [...trail, id]);
		}
		colour.set(id, 'black');
	};
	for (const state of scenario.states) if (unbounded(state.id) && !colour.has(state.id)) visit(state.id, []);
}
