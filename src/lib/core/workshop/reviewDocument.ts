import { formatValue } from '../export/format.js';
import type { Provenance } from '../export/provenance.js';
import type { Block, ReportDocument } from '../export/reportDocument.js';
import type { Scenario } from '../scenario/types.js';
import { HOW_DECIDED } from './howDecided.js';
import type { WorkshopReview } from './reviewWorkshop.js';
import type { WorkshopState } from './types.js';


/**
 * The after-action review as a report document (rendered to Markdown and
 * DOCX by the exporter): a summary, each step with every option's value,
 * the model's best, the regret and the vote's reasons, and the injects,
 * overrides and corrections in order. Times are UTC so equal logs give
 * equal bytes wherever they are exported. Pure.
 */
export function reviewDocument(options: {
	state: WorkshopState;
	review: WorkshopReview;
	scenario: Scenario;
	provenance: Provenance;
	names: boolean;
	/** The excerpts each step rests on, as numbered notes, and the sources' bibliography. */
	citations?: { perStep: number[][]; notes: { number: number; text: string }[]; bibliography: string[] };
}): ReportDocument {
	const { state, review, scenario, provenance, names, citations } = options;
	const actor = (id: string) => scenario.actors.find((a) => a.id === id)?.name ?? id;
	const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);
	const teams = state.setup.teams.map(actor).join(', ');
	const decisions = review.steps.filter((s) => s.vote);
	const blocks: Block[] = [
		{ kind: 'heading', level: 1, text: 'Summary' },
		{
			kind: 'paragraph',
			text:
				`Teams played ${teams}; ${plural(Object.values(state.participants).filter((p) => !p.removed).length, 'participant')}. ` +
				`${plural(review.steps.length, 'step')} played, ${decisions.length} of them team decisions, ` +
				`${decisions.filter((s) => s.best !== undefined && s.regret === 0).length} of which matched the model’s best move. ` +
				`Regret over the team decisions, each in its mover’s own terms: ${formatValue(review.totalRegret)}.`
		},
		{
			kind: 'paragraph',
			text: 'Values are the model’s expected payoffs from each step on, under the workshop’s assumptions, with the model’s best play afterwards. Regret is what a choice gave up against the model’s best move.'
		}
	];
	for (const s of review.steps) {
		blocks.push({ kind: 'heading', level: 2, text: `${s.index + 1}. ${s.step.stateLabel} — ${actor(s.step.actor)}: ${s.step.moveLabel}` });
		const best = s.options.find((o) => o.move === s.best)?.label ?? s.best;
		blocks.push({
			kind: 'paragraph',
			text: [
				`${time(s.at)} UTC, ${HOW_DECIDED[s.step.how]}${s.chance ? `, probability ${s.chance}` : ''}.`,
				s.best === undefined
					? `The model ranks no move for ${actor(s.step.actor)}: it has no preferences.`
					: s.best === s.step.move
						? 'The model’s best move.'
						: `The model’s best was “${best}”; regret ${formatValue(s.regret)}.`,
				s.step.rationale ? `Facilitator’s reason: “${s.step.rationale}”.` : ''
			]
				.filter((t) => t !== '')
				.join(' '),
			notes: citations?.perStep[s.index]
		});
		const criteria = scenario.criteria;
		blocks.push({
			kind: 'table',
			title: `Options at step ${s.index + 1}`,
			source: `Branchpoint model of “${scenario.title}” under the workshop’s assumptions.`,
			table: {
				header: ['Option', ...(s.vote ? ['Votes'] : []), ...criteria.map((c) => `${c.label} (${c.direction})`), 'Weighted score', `To ${actor(s.step.actor)}`],
				numeric: [false, ...(s.vote ? [true] : []), ...criteria.map(() => true), true, true],
				rows: s.options.map((o) => [
					`${o.label}${o.move === s.step.move ? ' (chosen)' : ''}${o.move === s.best ? ' ★' : ''}`,
					...(s.vote ? [String(s.vote.tally[o.move] ?? 0)] : []),
					...criteria.map((c) => formatValue(o.expected[c.id])),
					formatValue(o.score),
					Number.isNaN(o.valueToMover) ? '—' : formatValue(o.valueToMover)
				])
			}
		});
		if (s.vote && s.vote.rationales.length > 0) {
			const label = (move: string) => s.options.find((o) => o.move === move)?.label ?? move;
			blocks.push({ kind: 'list', items: s.vote.rationales.map((r) => `${names && r.name ? `${r.name}, ` : ''}for “${label(r.move)}”: “${r.rationale}”`) });
		}
	}
	const timeline = [
		...state.injects.map((j) => ({ at: j.at, text: `Inject: ${j.title}` })),
		...state.path.flatMap((e) => e.overridden.map((o) => ({ at: e.at, text: `Override at ${e.step.stateLabel}: “${o.step.moveLabel}” replaced by “${e.step.moveLabel}” — ${o.rationale}` }))),
		...state.corrections.map((c) => ({ at: c.at, text: `Correction at ${c.entry.step.stateLabel}: took back “${c.entry.step.moveLabel}” — ${c.rationale}` }))
	].sort((a, b) => a.at - b.at);
	if (timeline.length > 0) blocks.push({ kind: 'heading', level: 1, text: 'Injects, overrides and corrections' }, { kind: 'list', items: timeline.map((t) => `${time(t.at)} UTC — ${t.text}`) });
	return {
		title: `After-action review: ${state.setup.title}`,
		subtitle: `${scenario.title} · workshop of ${new Date(state.createdAt).toISOString().slice(0, 10)}`,
		blocks,
		notes: citations?.notes ?? [],
		bibliography: citations?.bibliography ?? [],
		provenance
	};
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
