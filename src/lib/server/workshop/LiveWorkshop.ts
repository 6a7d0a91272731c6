import {
	applyEvent,
	buildMachine,
	facilitatorView,
	foldWorkshop,
	parseScenario,
	participantView,
	projectorView,
	situationAt,
	walkOf,
	type PublicView,
	type Scenario,
	type ScenarioModel,
	type Situation,
	type WorkshopEvent,
	type WorkshopState
} from '../../core/index.js';
import type { WorkshopRow } from './WorkshopStore.js';

/** Who a stream is for: the view it gets. */
export type Audience = { role: 'facilitator' } | { role: 'projector' } | { role: 'participant'; participant: string };

/** A connected stream: receives each new view with the seq it reflects. */
export interface Subscriber {
	audience: Audience;
	send(seq: number, view: PublicView): void;
	close(): void;
}

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
	#situation: { seq: number; situation: Situation } | undefined;

	constructor(row: WorkshopRow, events: readonly WorkshopEvent[]) {
		const parsed = parseScenario(row.scenarioYaml);
		if (!parsed.scenario) throw new Error(`workshop ${row.id}: its stored scenario no longer parses (${parsed.issues[0]?.message})`);
		this.row = row;
		this.scenario = parsed.scenario;
		this.model = buildMachine(parsed.scenario);
		this.state = foldWorkshop(events);
	}

	/** The situation after a walk under the workshop's values. */
	situationAfter = (walk: readonly string[]): Situation => situationAt(this.model, { values: this.state.setup.values, perspective: this.state.setup.perspective, walk });

	/** Where the played path stands now. */
	situation(): Situation {
		if (this.#situation?.seq !== this.state.seq) this.#situation = { seq: this.state.seq, situation: this.situationAfter(walkOf(this.state)) };
		return this.#situation.situation;
	}

	apply(events: readonly WorkshopEvent[]): void {
		for (const event of events) this.state = applyEvent(this.state, event);
	}

	view(audience: Audience, now: number): PublicView {
		const context = { scenario: this.scenario, situation: this.situation(), now };
		if (audience.role === 'facilitator') return facilitatorView(this.state, { ...context, previous: this.situationAfter(walkOf(this.state).slice(0, -1)) });
		if (audience.role === 'projector') return projectorView(this.state, context);
		return participantView(this.state, context, audience.participant);
	}

	/** Sends every stream its view of the current state; views shared by an audience are built once. */
	broadcast(now: number): void {
		const shared = new Map<string, PublicView>();
		for (const subscriber of this.subscribers) {
			const key = subscriber.audience.role === 'participant' ? `p:${subscriber.audience.participant}` : subscriber.audience.role;
			let view = shared.get(key);
			if (!view) {
				view = this.view(subscriber.audience, now);
				shared.set(key, view);
			}
			subscriber.send(this.state.seq, view);
		}
	}
}
