/**
 * What a new scenario starts from: a small valid scenario in English and
 * Japanese with every common part — a source in its own sources/ folder,
 * two actors, an assumption, a criterion, citations, one decision, one
 * chance node and three outcomes — each cited, so it validates and its
 * excerpts verify as they are. The placeholder source says to replace it.
 */

/** The template's one source text, in `sources/`. */
export const TEMPLATE_SOURCE_FILE = 'template-notes.txt';

const TEMPLATE_SOURCE_TEXT = `Template notes. Replace this file with the text of a source you quote: a statement, a news report, an analysis. Add sources from the editor by uploading or pasting their text with the title, publisher, author, date, URL and language; each excerpt a citation quotes must appear in its source word for word.

We decide whether to act now or to wait.

The other side either gives way or resists.

Giving way would settle the matter; resisting would leave it worse than before.
`;

/** A YAML double-quoted string (JSON's strings are valid YAML 1.2 ones). */
const quoted = (text: string) => JSON.stringify(text);

export interface TemplateOptions {
	/** The new scenario's id (its folder name). */
	id: string;
	title?: string;
	/** The date its facts are as of, YYYY-MM-DD. */
	asOf: string;
}

/** The template's scenario.yaml and its sources (file name → text). Pure. */
export function scenarioTemplate(options: TemplateOptions): { yaml: string; sources: Map<string, string> } {
	const title = options.title ? quoted(options.title) : '{ en: New scenario, ja: 新しいシナリオ }';
	const yaml = `# Made from Branchpoint's template. Replace each part with your own: the sources
# you quote (sources/ folder), who moves, the assumptions, the criteria and the
# machine. scenarios/README.md describes every field.
languages: [en, ja]
id: ${quoted(options.id)}
title: ${title}
description:
  en: What the decision is about, who takes part, and what is at stake.
  ja: 何を決めるのか、誰が関わるのか、何が懸かっているのか。
asOf: "${options.asOf}"
perspective: us

sources:
  # One entry per text file in this scenario's sources/ folder; citations name the id.
  - id: notes
    file: ${TEMPLATE_SOURCE_FILE}
    title: Template notes (replace with a real source)
    publisher: Branchpoint
    language: en

actors:
  - id: us
    name: { en: We, ja: 自分たち }
    citations: [c-decide]
  - id: them
    name: { en: The other side, ja: 相手 }
    citations: [c-react]
    # How it values outcomes, criterion by criterion (here: it loses what we gain).
    preferences: { outcome: -1 }

assumptions:
  - id: p_give_way
    label: { en: The other side gives way, ja: 相手が譲歩する }
    kind: probability
    default: 0.4
    min: 0
    max: 1
    step: 0.05
    citations: [c-react]
    judgment: true

criteria:
  - id: outcome
    label: { en: Outcome for us, ja: 自分たちにとっての結果 }
    direction: max
    unit: { en: "index (0..10)", ja: 指数（0〜10） }
    weight: 1
    judgment: true

citations:
  # Verbatim excerpts from the sources, in their own language; a gloss in English where that is another language.
  - id: c-decide
    source: notes
    excerpt: We decide whether to act now or to wait.
  - id: c-react
    source: notes
    excerpt: The other side either gives way or resists.
  - id: c-outcome
    source: notes
    excerpt: Giving way would settle the matter; resisting would leave it worse than before.

machine:
  id: ${quoted(options.id)}
  initial: decide
  states:
    decide:
      meta:
        actor: us
        label: { en: Act now or wait?, ja: 今動くか、待つか }
        citations: [c-decide]
      on:
        ACT:
          target: reaction
          meta:
            label: { en: Act now, ja: 今動く }
            payoffs: { outcome: "-1" }
            citations: [c-decide]
        WAIT:
          target: unchanged
          meta:
            label: { en: Wait, ja: 待つ }
            citations: [c-decide]
    reaction:
      meta:
        actor: them
        label: { en: The other side reacts, ja: 相手の反応 }
        citations: [c-react]
      on:
        GIVE_WAY:
          target: settled
          meta:
            label: { en: Gives way, ja: 譲歩する }
            probability: p_give_way
            citations: [c-react]
        RESIST:
          target: worse
          meta:
            label: { en: Resists, ja: 抵抗する }
            probability: 1 - p_give_way
            citations: [c-react]
    settled:
      type: final
      meta:
        label: { en: Settled, ja: 決着 }
        payoffs: { outcome: "8" }
        citations: [c-outcome]
    worse:
      type: final
      meta:
        label: { en: Worse than before, ja: 以前より悪化 }
        payoffs: { outcome: "2" }
        citations: [c-outcome]
    unchanged:
      type: final
      meta:
        label: { en: Unchanged, ja: 変わらず }
        payoffs: { outcome: "4" }
        citations: [c-decide]
`;
	return { yaml, sources: new Map([[TEMPLATE_SOURCE_FILE, TEMPLATE_SOURCE_TEXT]]) };
}
