import type { DocPath } from '../scenario/Issue.js';

/**
 * A SilverDecisions file as Branchpoint reads it, after `readSilverDecisions`
 * has checked its shape. The format is SilverDecisions' own (its `App.serialize`
 * and sd-model's `DataModel.serialize`): a version field `SilverDecisions`,
 * the objective `rule` and `viewMode`, and from version 0.7.0 on a `data`
 * object with the tree-level `code`, the `trees` (nested nodes and edges),
 * `payoffNames` and the two-criteria weight `defaultCriterion1Weight`. Older
 * files keep `code` and `trees` at the top level and one payoff per edge.
 */
export interface SdDocument {
	version: string;
	title: string;
	description: string;
	/** The interface language it was saved in (en, pl, …). */
	lng?: string;
	/** `savetime`'s day, YYYY-MM-DD. */
	savedOn?: string;
	/** The objective rule's name (`expected-value-maximization`, `max-min`, …). */
	rule: string;
	/** `criterion1`, `criterion2` or `twoCriteria`; absent in old files. */
	viewMode?: string;
	/** Tree-level variable definitions (`definitionsSourceCode` in SilverDecisions' terms). */
	code: string;
	codePath: DocPath;
	/** The values SilverDecisions last computed, by variable name (random draws among them). */
	scope: Readonly<Record<string, unknown>>;
	trees: SdNode[];
	payoffNames: string[];
	/** The weight of criterion 1 against criterion 2 in the two-criteria rules. */
	criterion1Weight: number;
	/** Variable ranges and distributions saved with SilverDecisions' sensitivity analyses. */
	ranges: ReadonlyMap<string, { min: number; max: number }>;
	distributions: ReadonlyMap<string, string>;
	/** Floating texts on the canvas. */
	texts: string[];
	/** Where the file keeps its data: `['data']`, or `[]` before 0.7.0. */
	dataPath: DocPath;
}

export type SdNodeType = 'decision' | 'chance' | 'terminal';

export interface SdNode {
	path: DocPath;
	type: SdNodeType;
	name: string;
	/** Node-level variable definitions: they apply to the node's own moves and its subtree. */
	code: string;
	edges: SdEdge[];
}

export interface SdEdge {
	path: DocPath;
	name: string;
	/** One expression per criterion slot (two from 0.8.0 on); `payoffPaths` locates each. */
	payoff: string[];
	payoffPaths: DocPath[];
	/** The expression, `#` for "the rest, shared equally", or undefined under a decision. */
	probability?: string;
	child: SdNode;
}

/** What `readSilverDecisions` refuses beyond: SilverDecisions files carry computed values, so they run large. */
export const SD_LIMITS = {
	/** Characters of JSON text. */
	text: 10 * 1024 * 1024,
	/** Nodes in the tree imported (one scenario state each; the scenario file holds at most 1 MiB). */
	nodes: 5000,
	depth: 200,
	/** Characters of one payoff or probability expression: a scenario formula's limit. */
	expression: 500,
	/** Characters of one block of variable definitions. */
	code: 20000,
	/** Characters of a name: a scenario label's limit. */
	name: 200
} as const;

/** The version this exporter writes: the oldest SilverDecisions that reads every field it writes (two criteria, their weight). */
export const SD_EXPORT_VERSION = '1.1.0';
/** The newest version whose format this reader knows (SilverDecisions' own package version). */
export const SD_KNOWN_VERSION = '1.2.1';
