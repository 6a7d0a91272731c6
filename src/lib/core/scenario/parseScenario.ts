import type { Document } from 'yaml';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { messageLocale } from '../util/language.js';
import { didYouMean } from '../util/didYouMean.js';
import { checkContextOnTree } from '../evaluate/checkContextOnTree.js';
import { classifyNonFinite } from '../evaluate/classifyNonFinite.js';
import { checkActors } from './checkActors.js';
import { checkAssumptions } from './checkAssumptions.js';
import { checkContext } from './checkContext.js';
import { checkFormulas } from './checkFormulas.js';
import { checkGraph } from './checkGraph.js';
import { checkReferences } from './checkReferences.js';
import { checkSignals } from './checkSignals.js';
import { commaSplitHint } from './commaSplitHint.js';
import { compileFormulaBook } from './formulaBook.js';
import type { Issue } from './Issue.js';
import { createLocator, type Locator } from './locate.js';
import { pickLanguage } from './pickLanguage.js';
import { readYaml } from './readYaml.js';
import { createReport } from './Report.js';
import { keysAt, scenarioSchema, scenarioSchemaIn } from './schema.js';
import { schemaErrorMap } from './schemaErrorMap.js';
import { toScenario } from './toScenario.js';
import type { Scenario } from './types.js';

export interface ParseResult {
	/** Present when there is no error (warnings allowed). */
	scenario?: Scenario;
	/** Errors and warnings, in file order. */
	issues: Issue[];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
	let node = root;
	for (const key of path) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<PropertyKey, unknown>)[key];
	}
	return node;
}

/** `label`, or `citations[2]` for a list item: how a length message names the field. */
function fieldName(path: readonly (string | number)[]): string {
	const last = path[path.length - 1];
	return typeof last === 'number' ? `${String(path[path.length - 2])}[${last}]` : String(last);
}

/** A key shown in a message and path: its start when it is long. */
function shortKey(key: string | number): string | number {
	return typeof key === 'string' && key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/** A message as a sentence: ended by a full stop of its language. */
function sentence(message: string, lang: Locale): string {
	if (lang === 'en') return message.endsWith('.') ? message : `${message}.`;
	return /[。.]$/.test(message) ? message : `${message}。`;
}

function schemaIssues(raw: unknown, doc: Document.Parsed, locator: Locator, lang: Locale): Issue[] {
	const result = scenarioSchemaIn(lang).safeParse(raw, { error: schemaErrorMap(lang) });
	if (result.success) return [];
	const report = createReport(locator, lang);
	const locale = { locale: lang };
	for (const issue of result.error.issues) {
		const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
		if (issue.code === 'too_big' && issue.origin === 'string') {
			const length = String(valueAt(raw, path) ?? '').length;
			report.error(path, m.val_text_too_long({ field: fieldName(path), length, limit: String(issue.maximum) }, locale));
		} else if (issue.code === 'invalid_key' && issue.issues.some((i) => i.code === 'too_big')) {
			// A state, move or criterion id written as a key: located at the key, and not echoed in full.
			const key = String(path[path.length - 1]);
			const limit = issue.issues.find((i) => i.code === 'too_big')?.maximum;
			const { line, column } = locator.key(path);
			report.issues.push({
				severity: 'error',
				path: [...path.slice(0, -1), shortKey(key)],
				line,
				column,
				message: m.val_key_too_long({ field: fieldName(path.slice(0, -1)), length: key.length, limit: String(limit) }, locale)
			});
		} else if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const hint = commaSplitHint(doc, path, key, lang) || didYouMean(key, keysAt(path), lang);
				const nested = key === 'states' && path.includes('states') ? m.val_nested_states({}, locale) : '';
				const message = key === '<<' ? m.val_merge_keys({}, locale) : m.val_unknown_field({ key: String(shortKey(key)), hint, nested }, locale);
				// Located at the full key; a long one is shortened where it is echoed.
				const { line, column } = locator.key([...path, key]);
				report.issues.push({ severity: 'error', path: [...path, shortKey(key)], line, column, message });
			}
		} else if (path.length > 0 && valueAt(raw, path) === undefined && valueAt(raw, path.slice(0, -1)) !== undefined) {
			report.error(path.slice(0, -1), m.val_missing_field({ field: String(path[path.length - 1]) }, locale));
		} else {
			report.error(path, sentence(issue.message, lang));
		}
	}
	return report.issues;
}

/** A copy of the document without the keys the schema does not know. Pure. */
function withoutUnknownKeys(value: unknown, path: (string | number)[]): unknown {
	if (Array.isArray(value)) return value.map((item, i) => withoutUnknownKeys(item, [...path, i]));
	if (value === null || typeof value !== 'object') return value;
	const allowed = keysAt(path);
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>)
			.filter(([key]) => allowed.length === 0 || allowed.includes(key))
			.map(([key, v]) => [key, withoutUnknownKeys(v, [...path, key])])
	);
}

function byPosition(a: Issue, b: Issue): number {
	return a.line - b.line || a.column - b.column;
}

/**
 * Reads a scenario file and validates it completely: YAML, shape, ids and
 * references, assumptions, formulas, probabilities and the machine's graph.
 * Every problem is collected, located by line and column; user input never
 * makes it throw. Texts given per language come in `lang` where the
 * scenario has them, else in its own language (`pickLanguage`); the
 * messages are in `lang` where Branchpoint speaks it, else in English
 * (`messageLocale`). Pure.
 */
export function parseScenario(input: string | Uint8Array, options: { lang?: string } = {}): ParseResult {
	const lang = messageLocale(options.lang);
	const read = readYaml(input, lang);
	if (!read.doc || read.issues.length > 0) return { issues: read.issues };
	const locator = createLocator(read.doc, read.lineCounter);
	const written = read.doc.toJS({ maxAliasCount: 0 }) as unknown;
	if (written === null || typeof written !== 'object' || Array.isArray(written)) {
		return { issues: [{ severity: 'error', path: [], line: 1, column: 1, message: m.val_not_a_map({}, { locale: lang }) }] };
	}
	const picked = pickLanguage(written, options.lang, locator, lang);
	const raw = picked.raw;
	const shapeIssues = schemaIssues(raw, read.doc, locator, lang);
	// Unknown (misspelt) fields alone need not hide the rest: without them the
	// document may still have its shape, and the deeper checks can run too.
	const shaped = scenarioSchema.safeParse(shapeIssues.length > 0 ? withoutUnknownKeys(raw, []) : raw);
	if (!shaped.success) return { issues: shapeIssues.sort(byPosition) };

	const scenario = { ...toScenario(shaped.data, raw as Record<string, unknown>, locator), language: picked.language };
	const report = createReport(locator, lang);
	report.issues.push(...shapeIssues, ...picked.issues);
	checkReferences(scenario, report);
	checkActors(scenario, report);
	checkContext(scenario, report);
	const signalsOk = !checkSignals(scenario, shaped.data, report);
	checkAssumptions(scenario, report);
	checkGraph(scenario, report);
	const referencesOk = !report.issues.some((i) => i.severity === 'error');
	// A signal written wrongly gives values that cannot be trusted: its formulas' problems would only echo it.
	if (!signalsOk) return { issues: report.issues.sort(byPosition) };
	const { book, problems } = compileFormulaBook(scenario, lang);
	const deferred = referencesOk ? checkFormulas(scenario, book, problems, report) : [];
	if (!referencesOk) for (const p of problems) report.error(p.path, p.message, p.char === undefined ? undefined : { char: p.char });
	// Formulas undefined at some test points are judged on the tree, which needs an otherwise valid
	// scenario: until it is, they are left aside (they often follow from the errors already reported).
	if (!report.issues.some((i) => i.severity === 'error')) classifyNonFinite(scenario, deferred, report);
	if (!report.issues.some((i) => i.severity === 'error')) checkContextOnTree(scenario, report);

	const issues = report.issues.sort(byPosition);
	const failed = issues.some((i) => i.severity === 'error');
	return failed ? { issues } : { scenario, issues };
}
