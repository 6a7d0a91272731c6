import {
	applyEvent,
	buildMachine,
	facilitatorView,
	foldWorkshop,
	parseScenario,
	participantPart,
	participantView,
	projectorView,
	publicView,
	situationAt,
	walkOf,
	type PublicView,
	type Scenario,
	type ScenarioModel,
	type Situation,
	type WorkshopEvent,
	type WorkshopState
} from '../../core/index.js';
import { WorkshopLoadError } from './WorkshopLoadError.js';
import type { WorkshopRow } from './WorkshopStore.js';

/** Who a stream is for: the view it gets. */
export type Audience = { role: 'facilitator' } | { role: 'projector' } | { role: 'participant'; participant: string };

/** A connected stream: receives each new view, as JSON, with the seq it reflects. */
export interface Subscriber {
	audience: Audience;
	send(seq: number, json: string): void;
	close(): void;
}

/**
 * Views go out at most this often: commands that arrive together (a room
 * voting at once) are folded into one broadcast instead of one per vote,
 * which with 100 phones connected is what costs the server's time.
 */
const BROADCAST_INTERVAL_MS = 20;

/**
 * A workshop held in memory: its scenario as it was when the workshop was
 * created (the text is kept in the database), the state folded from its
 * log, and the streams connected to it.
 */
export class LiveWorkshop {
	readonly row: WorkshopRow;
	readonly scenario: Scenario;
	readonly model: ScenarioModel;
	state: WorkshopState;
	readonly subscribers = new Set<Subscriber>();
	/** Where the path stands (and stood before its last step, once asked), for the state at `seq`. */
	#situations: { seq: number; now: Situation; previous?: Situation } | undefined;
	#scheduled = false;
	#lastBroadcast = 0;

	constructor(row: WorkshopRow, events: readonly WorkshopEvent[]) {
		this.state = foldWorkshop(events);
		// Its texts in the language the workshop was created in.
		const parsed = parseScenario(row.scenarioYaml, { lang: this.state.setup.language });
		if (!parsed.scenario) throw new WorkshopLoadError({ kind: 'unparsable', workshop: row.id, detail: String(parsed.issues[0]?.message) });
		this.row = row;
		this.scenario = parsed.scenario;
		this.model = buildMachine(parsed.scenario);
		// The path must replay on the stored scenario; if it does not, running on would build on a wrong state.
		const walk = walkOf(this.state);
		const replay = this.situationAfter(walk);
		this.#situations = { seq: this.state.seq, now: replay };
		if (replay.applied < walk.length) throw new WorkshopLoadError({ kind: 'unreplayable', step: replay.applied + 1, move: String(replay.refused) });
	}

	/** The situation after a walk under the workshop's values. */
	situationAfter = (walk: readonly string[]): Situation => situationAt(this.model, { values: this.state.setup.values, perspective: this.state.setup.perspective, walk });

	/** Where the played path stands now. */
	situation(): Situation {
		return this.#replayed().now;
	}

	/** Where the path stood before its last step: the moves an override can choose from. */
	#previous(): Situation {
		const replayed = this.#replayed();
		replayed.previous ??= this.situationAfter(walkOf(this.state).slice(0, -1));
		return replayed.previous;
	}

	/** Replays made once per state: every view and command at one state shares them. */
	#replayed(): { now: Situation; previous?: Situation } {
		if (this.#situations?.seq !== this.state.seq) this.#situations = { seq: this.state.seq, now: this.situationAfter(walkOf(this.state)) };
		return this.#situations;
	}

	apply(events: readonly WorkshopEvent[]): void {
		for (const event of events) this.state = applyEvent(this.state, event);
	}

	view(audience: Audience, now: number): PublicView {
		const context = { scenario: this.scenario, situation: this.situation(), now };
		if (audience.role === 'facilitator') return facilitatorView(this.state, { ...context, previous: this.#previous() });
		if (audience.role === 'projector') return projectorView(this.state, context);
		return participantView(this.state, context, audience.participant);
	}

	/**
	 * Sends every stream its view of the current state, soon: at once if no
	 * broadcast went out in the last interval, else when it ends, folding in
	 * every command that arrived meanwhile. Acknowledgements never wait for it.
	 */
	scheduleBroadcast(clock: () => number): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		const wait = Math.max(0, this.#lastBroadcast + BROADCAST_INTERVAL_MS - clock());
		const run = () => {
			this.#scheduled = false;
			this.#lastBroadcast = clock();
			try {
				this.broadcast(this.#lastBroadcast);
			} catch (error) {
				// A view that cannot be built must not take the server down; the next event tries again.
				console.error(`workshop ${this.row.id}: could not send views`, error);
			}
		};
		if (wait === 0) setImmediate(run);
		else setTimeout(run, wait);
	}

	/**
	 * Sends every stream its view now. Each audience's JSON is built once;
	 * participants share the room's view and differ only in their own part,
	 * appended to the shared JSON.
	 */
	broadcast(now: number): void {
		const shared = new Map<string, string>();
		let room: { view: PublicView; head: string } | undefined;
		const context = () => ({ scenario: this.scenario, situation: this.situation(), now });
		for (const subscriber of this.subscribers) {
			const { audience } = subscriber;
			const key = audience.role === 'participant' ? `p:${audience.participant}` : audience.role;
			let json = shared.get(key);
			if (json === undefined) {
				if (audience.role === 'participant') {
					if (!this.state.participants[audience.participant]) continue;
					if (!room) {
						const view = publicView(this.state, context(), { liveCounts: false });
						room = { view, head: JSON.stringify(view).slice(0, -1) };
					}
					json = `${room.head},${JSON.stringify(participantPart(this.state, room.view, audience.participant)).slice(1)}`;
				} else json = JSON.stringify(this.view(audience, now));
				shared.set(key, json);
			}
			subscriber.send(this.state.seq, json);
		}
	}
}
