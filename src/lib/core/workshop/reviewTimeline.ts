import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { WorkshopState } from './types.js';

/** One thing the facilitator did beside the path, said in words. */
export interface TimelineEntry {
	at: number;
	text: string;
}

/**
 * The injects, overrides and corrections of a workshop in time order, each
 * said in `lang`: what the review page and the review document list after
 * the steps. Pure.
 */
export function reviewTimeline(state: WorkshopState, lang: Locale = 'en'): TimelineEntry[] {
	const locale = { locale: lang };
	return [
		...state.injects.map((j) => ({ at: j.at, text: m.wsx_timeline_inject({ title: j.title }, locale) })),
		...state.path.flatMap((e) =>
			e.overridden.map((o) => ({ at: e.at, text: m.wsx_timeline_override({ state: e.step.stateLabel, replaced: o.step.moveLabel, move: e.step.moveLabel, rationale: o.rationale }, locale) }))
		),
		...state.corrections.map((c) => ({ at: c.at, text: m.wsx_timeline_correction({ state: c.entry.step.stateLabel, move: c.entry.step.moveLabel, rationale: c.rationale }, locale) }))
	].sort((a, b) => a.at - b.at);
}
