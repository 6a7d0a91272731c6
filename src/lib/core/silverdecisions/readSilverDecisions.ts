import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath, Issue } from '../scenario/Issue.js';
import { createJsonReport, type JsonReport } from './jsonReport.js';
import { jsonErrorOffset, positionAt } from './locateJson.js';
import { oneLine } from './slugs.js';
import { SD_KNOWN_VERSION, SD_LIMITS, type SdDocument, type SdEdge, type SdNode, type SdNodeType } from './sdTypes.js';

export interface ReadOptions {
	/** Which of the file's trees to read (SilverDecisions files may hold several roots); default 0. */
	tree?: number;
	lang?: Locale;
}

export interface ReadResult {
	doc?: SdDocument;
	issues: Issue[];
	/** The JSON text, when the input was one: issues found later are located in it. */
	text?: string;
}

/** The objective rules SilverDecisions knows (sd-computations' ObjectiveRulesManager). */
export const SD_RULES = ['expected-value-maximization', 'expected-value-minimization', 'maxi-min', 'maxi-max', 'mini-min', 'mini-max', 'min-max', 'max-min', 'min-min', 'max-max'] as const;
const VIEW_MODES = ['criterion1', 'criterion2', 'twoCriteria'];
const NODE_TYPES: readonly string[] = ['decision', 'chance', 'terminal'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Compares version strings "a.b.c" numerically. */
export function compareVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

/** A finite number, or a number written as text ("2", "Infinity" is not one), else undefined. */
function numberOf(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads a SilverDecisions file — JSON text, or the object it parses to —
 * and checks its shape as SilverDecisions' loader reads it (`App.openDiagram`,
 * sd-model's `DataModel.load`): every problem is located by its JSON path
 * (`data.trees[0].childEdges[1].payoff[0]`) and, in a text, by line and
 * column; sizes are capped; nothing the file holds makes it throw. Pure.
 */
export function readSilverDecisions(input: string | unknown, options: ReadOptions = {}): ReadResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const report = createJsonReport();
	const text = typeof input === 'string' ? input : undefined;
	const fail = (path: DocPath, message: string): ReadResult => {
		report.error(path, message);
		return { issues: report.issues(text), text };
	};
	let root: unknown = input;
	if (text !== undefined) {
		if (text.length > SD_LIMITS.text) return fail([], m.sd_text_too_large({ size: text.length, limit: SD_LIMITS.text }, locale));
		try {
			root = JSON.parse(text);
		} catch (error) {
			const detail = (error as Error).message;
			const offset = /position (\d+)/.exec(detail)?.[1];
			const at = positionAt(text, offset === undefined ? Math.max(0, jsonErrorOffset(text)) : Number(offset));
			return { issues: [{ severity: 'error', path: [], ...at, message: m.sd_bad_json({ detail: oneLine(detail, 200) }, locale) }], text };
		}
	}
	if (!isObject(root)) return fail([], m.sd_not_object({}, locale));
	const version = root.SilverDecisions;
	if (typeof version !== 'string' && typeof version !== 'number') return fail([], m.sd_not_sd_file({}, locale));
	const versionText = String(version);
	const wellFormed = /^\d+\.\d+\.\d+$/.test(versionText);
	if (!wellFormed) report.warning(['SilverDecisions'], m.sd_bad_version({ version: versionText }, locale));
	else if (compareVersions(versionText, SD_KNOWN_VERSION) > 0) report.warning(['SilverDecisions'], m.sd_newer_version({ version: versionText, known: SD_KNOWN_VERSION }, locale));
	const legacy = wellFormed && compareVersions(versionText, '0.7.0') < 0;
	const dataPath: DocPath = legacy ? [] : ['data'];
	const data = legacy ? root : root.data;
	if (!isObject(data)) return fail([], m.sd_no_data({}, locale));
	const trees = data.trees;
	if (!Array.isArray(trees) || trees.length === 0) return fail([...dataPath, 'trees'], m.sd_no_trees({}, locale));
	const index = options.tree ?? 0;
	if (!Number.isInteger(index) || index < 0 || index >= trees.length) return fail([...dataPath, 'trees'], m.sd_tree_index({ index, count: trees.length }, locale));
	if (trees.length > 1) report.warning([...dataPath, 'trees'], m.sd_other_trees({ count: trees.length, index }, locale));

	const walker = treeWalker(report, lang);
	const tree = walker.node(trees[index], [...dataPath, 'trees', index], 0);
	const textOf = (value: unknown, path: DocPath): string => {
		if (value === undefined || value === null) return '';
		if (typeof value === 'string') return value;
		report.error(path, m.sd_not_text({}, locale));
		return '';
	};
	let rule = typeof root.rule === 'string' ? root.rule : 'expected-value-maximization';
	if (!(SD_RULES as readonly string[]).includes(rule)) {
		report.warning(['rule'], m.sd_unknown_rule({ rule }, locale));
		rule = 'expected-value-maximization';
	}
	let viewMode = typeof root.viewMode === 'string' ? root.viewMode : undefined;
	if (viewMode !== undefined && !VIEW_MODES.includes(viewMode)) {
		report.warning(['viewMode'], m.sd_unknown_view({ mode: viewMode }, locale));
		viewMode = undefined;
	}
	let criterion1Weight = 1;
	if (data.defaultCriterion1Weight !== undefined && data.defaultCriterion1Weight !== null) {
		const w = numberOf(data.defaultCriterion1Weight);
		if (w === undefined || w < 0) report.warning([...dataPath, 'defaultCriterion1Weight'], m.sd_bad_weight({ weight: String(data.defaultCriterion1Weight) }, locale));
		else criterion1Weight = w;
	}
	const code = textOf(data.code, [...dataPath, 'code']);
	if (code.length > SD_LIMITS.code) report.error([...dataPath, 'code'], m.sd_code_too_long({ length: code.length, limit: SD_LIMITS.code }, locale));
	const savetime = typeof root.savetime === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(root.savetime)?.[0] : undefined;
	const sensitivity = readSensitivity(root.sensitivityAnalysis);
	if (sensitivity.malformed) report.warning(['sensitivityAnalysis'], m.sd_bad_sensitivity({}, locale));
	const doc: SdDocument = {
		version: versionText,
		title: textOf(root.title, ['title']),
		description: textOf(root.description, ['description']),
		lng: typeof root.lng === 'string' ? root.lng : undefined,
		savedOn: savetime,
		rule,
		viewMode,
		code,
		codePath: [...dataPath, 'code'],
		scope: isObject(data.expressionScope) ? data.expressionScope : {},
		trees: tree ? [tree] : [],
		payoffNames: Array.isArray(data.payoffNames) ? data.payoffNames.map((n) => (typeof n === 'string' ? n : '')) : [],
		criterion1Weight,
		ranges: sensitivity.ranges,
		distributions: sensitivity.distributions,
		texts: Array.isArray(data.texts) ? data.texts.flatMap((t) => (isObject(t) && typeof t.value === 'string' && t.value.trim() !== '' ? [t.value] : [])) : [],
		dataPath
	};
	const issues = report.issues(text);
	return report.failed || !tree ? { issues, text } : { doc, issues, text };
}

/** Ranges and distributions saved with the sensitivity analyses, by variable name. */
function readSensitivity(saved: unknown): { ranges: Map<string, { min: number; max: number }>; distributions: Map<string, string>; malformed: boolean } {
	const ranges = new Map<string, { min: number; max: number }>();
	const distributions = new Map<string, string>();
	let malformed = false;
	if (saved === undefined || saved === null) return { ranges, distributions, malformed };
	if (!isObject(saved)) return { ranges, distributions, malformed: true };
	// The tornado's ranges first, then the other analyses': the first range saved for a name is kept.
	const jobs = ['tornado-diagram', 'sensitivity-analysis', 'probabilistic-sensitivity-analysis', ...Object.keys(saved)];
	for (const job of new Set(jobs)) {
		const params = saved[job];
		if (params === undefined) continue;
		if (!isObject(params) || (params.variables !== undefined && !Array.isArray(params.variables))) {
			malformed = true;
			continue;
		}
		for (const v of (params.variables as unknown[] | undefined) ?? []) {
			if (!isObject(v) || typeof v.name !== 'string') continue;
			const min = numberOf(v.min);
			const max = numberOf(v.max);
			if (min !== undefined && max !== undefined && min < max && !ranges.has(v.name)) ranges.set(v.name, { min, max });
			if (typeof v.formula === 'string' && !distributions.has(v.name)) distributions.set(v.name, v.formula);
		}
	}
	return { ranges, distributions, malformed };
}

/** Walks one tree: checks each node and edge, caps size and depth, refuses cycles. */
function treeWalker(report: JsonReport, lang: Locale) {
	const locale = { locale: lang };
	// The nodes on the path from the root: one met again below itself is a cycle.
	const ancestors = new Set<object>();
	let count = 0;
	let stopped = false;
	const optionalText = (value: unknown, path: DocPath, limitName: boolean): string => {
		if (value === undefined || value === null) return '';
		if (typeof value !== 'string') {
			report.error(path, m.sd_not_text({}, locale));
			return '';
		}
		if (limitName && value.length > SD_LIMITS.name) report.warning(path, m.sd_name_too_long({ length: value.length, limit: SD_LIMITS.name }, locale));
		return value;
	};
	const expression = (value: unknown, path: DocPath): string | undefined => {
		if (typeof value === 'number') {
			if (Number.isFinite(value)) return String(value);
		} else if (typeof value === 'string') {
			if (value.trim() === '') {
				report.error(path, m.sd_expression_empty({}, locale));
				return undefined;
			}
			if (value.length > SD_LIMITS.expression) {
				report.error(path, m.sd_expression_too_long({ length: value.length, limit: SD_LIMITS.expression }, locale));
				return undefined;
			}
			return value;
		}
		report.error(path, m.sd_not_expression({}, locale));
		return undefined;
	};
	const edge = (value: unknown, path: DocPath, parentType: SdNodeType, depth: number): SdEdge | undefined => {
		if (!isObject(value)) {
			report.error(path, m.sd_edge_not_object({}, locale));
			return undefined;
		}
		const name = optionalText(value.name, [...path, 'name'], true);
		let payoff: string[] = [];
		let payoffPaths: DocPath[] = [];
		if (value.payoff === undefined || value.payoff === null) report.error([...path, 'payoff'], m.sd_payoff_missing({}, locale));
		else if (Array.isArray(value.payoff)) {
			if (value.payoff.length < 1 || value.payoff.length > 2) report.error([...path, 'payoff'], m.sd_payoff_count({ count: value.payoff.length }, locale));
			payoffPaths = value.payoff.map((_, i) => [...path, 'payoff', i]);
			payoff = value.payoff.map((p, i) => expression(p, payoffPaths[i]) ?? '0');
		} else {
			payoffPaths = [[...path, 'payoff']];
			payoff = [expression(value.payoff, payoffPaths[0]) ?? '0'];
		}
		let probability: string | undefined;
		if (parentType === 'chance') {
			if (value.probability === undefined || value.probability === null) report.error([...path, 'probability'], m.sd_probability_missing({}, locale));
			else probability = expression(value.probability, [...path, 'probability']);
		}
		if (!isObject(value.childNode)) {
			report.error(value.childNode === undefined || value.childNode === null ? path : [...path, 'childNode'], m.sd_edge_without_child({}, locale));
			return undefined;
		}
		const child = node(value.childNode, [...path, 'childNode'], depth + 1);
		return child ? { path, name, payoff, payoffPaths, probability, child } : undefined;
	};
	const node = (value: unknown, path: DocPath, depth: number): SdNode | undefined => {
		if (stopped) return undefined;
		if (!isObject(value)) {
			report.error(path, m.sd_node_not_object({}, locale));
			return undefined;
		}
		if (ancestors.has(value)) {
			report.error(path, m.sd_cycle({}, locale));
			return undefined;
		}
		if (++count > SD_LIMITS.nodes || depth > SD_LIMITS.depth) {
			report.error(path, count > SD_LIMITS.nodes ? m.sd_too_many_nodes({ limit: SD_LIMITS.nodes }, locale) : m.sd_too_deep({ limit: SD_LIMITS.depth }, locale));
			stopped = true;
			return undefined;
		}
		const type = value.type;
		if (typeof type !== 'string' || !NODE_TYPES.includes(type)) {
			report.error([...path, 'type'], m.sd_unknown_node_type({ type: String(type) }, locale));
			return undefined;
		}
		const name = optionalText(value.name, [...path, 'name'], true);
		const code = optionalText(value.code, [...path, 'code'], false);
		if (code.length > SD_LIMITS.code) report.error([...path, 'code'], m.sd_code_too_long({ length: code.length, limit: SD_LIMITS.code }, locale));
		if (!Array.isArray(value.childEdges)) {
			report.error(path, m.sd_no_child_edges({}, locale));
			return undefined;
		}
		if (type === 'terminal' && value.childEdges.length > 0) report.error([...path, 'childEdges'], m.sd_terminal_with_edges({}, locale));
		const edges: SdEdge[] = [];
		ancestors.add(value);
		value.childEdges.forEach((e, i) => {
			const read = edge(e, [...path, 'childEdges', i], type as SdNodeType, depth);
			if (read) edges.push(read);
		});
		ancestors.delete(value);
		return { path, type: type as SdNodeType, name, code, edges };
	};
	return { node };
}
