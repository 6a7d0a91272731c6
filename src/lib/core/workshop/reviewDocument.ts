import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { formatDay, formatValue, punctuation } from '../export/format.js';
import type { Provenance } from '../export/provenance.js';
import type { Block, ReportDocument } from '../export/reportDocument.js';
import type { Scenario } from '../scenario/types.js';
import { describeChance } from './describeChance.js';
import { howDecided } from './howDecided.js';
import { reviewTimeline } from './reviewTimeline.js';
import type { WorkshopReview } from './reviewWorkshop.js';
import type { WorkshopState } from './types.js';

/**
 * The after-action review as a report document (rendered to Markdown and
 * DOCX by the exporter): a summary, each step with every option's value,
 * the model's best, the regret and the vote's reasons, and the injects,
 * overrides and corrections in order. Its words are in `lang` (English by
 * default); the scenario's and the room's texts stay as they were written.
 * Times are UTC so equal logs give equal bytes wherever they are exported.
 * Pure.
 */
export function reviewDocument(options: {
	state: WorkshopState;
	review: WorkshopReview;
	scenario: Scenario;
	provenance: Provenance;
	names: boolean;
	/** The excerpts each step rests on, as numbered notes, and the sources' bibliography. */
	citations?: { perStep: number[][]; notes: { number: number; text: string }[]; bibliography: string[] };
	lang?: Locale;
}): ReportDocument {
	const { state, review, scenario, provenance, names, citations } = options;
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const { sentenceGap } = punctuation(lang);
	const actor = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
	const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);
	const decisions = review.steps.filter((s) => s.vote);
	const blocks: Block[] = [
		{ kind: 'heading', level: 1, text: m.xp_h_summary({}, locale) },
		{
			kind: 'paragraph',
			text: m.wsx_doc_summary(
				{
					teams: state.setup.teams.map(actor).join(m.ws_separator({}, locale)),
					participants: m.wsx_count_participants({ count: Object.values(state.participants).filter((p) => !p.removed).length }, locale),
					steps: m.wsx_count_steps({ count: review.steps.length }, locale),
					decisions: decisions.length,
					matched: decisions.filter((s) => s.best !== undefined && s.regret === 0).length,
					regret: formatValue(review.totalRegret)
				},
				locale
			)
		},
		{ kind: 'paragraph', text: m.wsx_doc_values_note({}, locale) }
	];
	for (const s of review.steps) {
		const mover = actor(s.step.actor);
		blocks.push({ kind: 'heading', level: 2, text: m.wsx_doc_step_heading({ n: s.index + 1, state: s.step.stateLabel, actor: mover, move: s.step.moveLabel }, locale) });
		const best = s.options.find((o) => o.move === s.best)?.label ?? s.best;
		const chance = s.chance && s.step.probability !== undefined ? m.ws_probability_suffix({ chance: describeChance(s.step.probability, lang) }, locale) : '';
		blocks.push({
			kind: 'paragraph',
			text: [
				m.wsx_doc_step_when({ time: time(s.at), how: howDecided(s.step.how, lang), chance }, locale),
				s.best === undefined
					? m.wsx_doc_no_preferences({ actor: mover }, locale)
					: s.best === s.step.move
						? m.wsx_doc_was_best({}, locale)
						: m.wsx_doc_best_was({ move: String(best), regret: formatValue(s.regret) }, locale),
				s.step.rationale ? m.wsx_doc_facilitator_reason({ rationale: s.step.rationale }, locale) : ''
			]
				.filter((t) => t !== '')
				.join(sentenceGap),
			notes: citations?.perStep[s.index]
		});
		const criteria = scenario.criteria;
		const direction = (d: 'max' | 'min') => (d === 'max' ? m.wb_direction_max({}, locale) : m.wb_direction_min({}, locale));
		blocks.push({
			kind: 'table',
			title: m.wsx_doc_options_at({ n: s.index + 1 }, locale),
			source: m.wsx_doc_options_source({ title: scenario.title }, locale),
			table: {
				header: [
					m.ws_col_option({}, locale),
					...(s.vote ? [m.ws_review_col_votes({}, locale)] : []),
					...criteria.map((c) => m.wsx_doc_criterion({ label: c.label, direction: direction(c.direction) }, locale)),
					m.wb_weighted_score({}, locale),
					m.ws_review_col_to({ actor: mover }, locale)
				],
				numeric: [false, ...(s.vote ? [true] : []), ...criteria.map(() => true), true, true],
				rows: s.options.map((o) => [
					`${o.label}${o.move === s.step.move ? m.wsx_doc_chosen({}, locale) : ''}${o.move === s.best ? ' ★' : ''}`,
					...(s.vote ? [String(s.vote.tally[o.move] ?? 0)] : []),
					...criteria.map((c) => formatValue(o.expected[c.id])),
					formatValue(o.score),
					Number.isNaN(o.valueToMover) ? '—' : formatValue(o.valueToMover)
				])
			}
		});
		if (s.vote && s.vote.rationales.length > 0) {
			const label = (move: string) => s.options.find((o) => o.move === move)?.label ?? move;
			blocks.push({
				kind: 'list',
				items: s.vote.rationales.map((r) =>
					names && r.name ? m.wsx_doc_vote_reason_named({ name: r.name, move: label(r.move), rationale: r.rationale }, locale) : m.wsx_doc_vote_reason({ move: label(r.move), rationale: r.rationale }, locale)
				)
			});
		}
	}
	const timeline = reviewTimeline(state, lang);
	if (timeline.length > 0) {
		blocks.push({ kind: 'heading', level: 1, text: m.ws_review_timeline({}, locale) }, { kind: 'list', items: timeline.map((t) => m.wsx_doc_timeline_item({ time: time(t.at), text: t.text }, locale)) });
	}
	return {
		title: m.wsx_doc_title({ title: state.setup.title }, locale),
		subtitle: m.wsx_doc_subtitle({ scenario: scenario.title, date: formatDay(new Date(state.createdAt).toISOString().slice(0, 10), lang) }, locale),
		blocks,
		notes: citations?.notes ?? [],
		bibliography: citations?.bibliography ?? [],
		provenance,
		lang
	};
}
