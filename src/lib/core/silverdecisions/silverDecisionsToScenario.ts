import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { evaluateScenario } from '../evaluate/evaluateScenario.js';
import { buildMachine } from '../machine/buildMachine.js';
import type { Issue } from '../scenario/Issue.js';
import { parseScenario } from '../scenario/parseScenario.js';
import { isScenarioId } from '../scenario/schema.js';
import { createJsonReport } from './jsonReport.js';
import { importTree } from './importTree.js';
import { readSilverDecisions } from './readSilverDecisions.js';
import { scenarioAssumptions, type RangeLevel } from './sdAssumptions.js';
import { oneLine } from './slugs.js';
import { IMPORTED_CITATION, writeScenarioYaml } from './writeScenarioYaml.js';

export interface ImportOptions {
	/** The scenario's id: the name of the folder it is written to. */
	id: string;
	/** The day the scenario's facts are as of when the file does not say when it was saved (YYYY-MM-DD). */
	asOf: string;
	/** The SilverDecisions file's name, recorded as the scenario's source. */
	fileName?: string;
	/** Which of the file's trees to import; default the first. */
	tree?: number;
	/** The language of the scenario's own words (actors, notes) and of the messages. */
	lang?: Locale;
}

export interface ImportResult {
	/** The scenario file; present when nothing is wrong. */
	yaml?: string;
	/** Problems in the SilverDecisions file, located by JSON path (and line, in a text). */
	issues: Issue[];
	/** Each element still citing only the placeholder `c-imported`, located in `yaml`. */
	missingCitations: Issue[];
	/** Warnings and notes `parseScenario` gives the written scenario. */
	validation: Issue[];
	/** What the import decided (also comments at the top of the YAML). */
	notes: string[];
}

/** The scenario file's size limit (DESIGN: 1 MiB). */
const MAX_YAML = 1024 * 1024;

/**
 * A SilverDecisions file (JSON text, or its parsed object) as a Branchpoint
 * scenario file that validates and evaluates at once. The file is read and
 * checked (`readSilverDecisions`), its tree and variables carried over
 * (`importTree`) and written as YAML (`writeScenarioYaml`); the result is
 * then validated with `parseScenario` and evaluated. Where that fails only
 * at the ends of ranges, it tries again: derived values nothing reads are
 * left out (SilverDecisions tolerates a definition that fails unread), then
 * ranges are narrowed, then numbers held fixed (`RangeLevel`); the notes
 * say which. Every
 * problem is reported at its JSON path; user input never makes it throw.
 * Pure.
 */
export function silverDecisionsToScenario(input: string | unknown, options: ImportOptions): ImportResult {
	const lang = options.lang ?? 'en';
	const locale = { locale: lang };
	const none = { missingCitations: [], validation: [], notes: [] };
	if (!isScenarioId(options.id)) {
		return { ...none, issues: [{ severity: 'error', path: [], line: 1, column: 1, message: m.sd_bad_id({ id: options.id }, locale) }] };
	}
	const read = readSilverDecisions(input, { tree: options.tree, lang });
	if (!read.doc) return { ...none, issues: read.issues };
	const doc = read.doc;
	const report = createJsonReport();
	const tree = importTree(doc, { report, lang });
	const issues = () => [...read.issues, ...report.issues(read.text)];
	if (report.failed) return { ...none, issues: issues() };

	const fileName = options.fileName ?? `${options.id}.json`;
	const excerpt = (read.text && /"SilverDecisions"\s*:\s*("[^"\n]*"|[\d.]+)/.exec(read.text)?.[0]) || `"SilverDecisions": "${doc.version}"`;
	const notes = [...tree.notes, ...doc.texts.map((text) => m.sd_yaml_canvas({ text: oneLine(text, 500) }, locale))];
	let failure: Issue[] = [];
	// Unused derived values first (SilverDecisions tolerates a definition that fails where nothing reads it), then ranges.
	const unused = tree.derived.filter((d) => !tree.readIds.has(d.id));
	const attempts: { level: RangeLevel; dropUnused: boolean }[] = [
		{ level: 0, dropUnused: false },
		...(unused.length > 0 ? [{ level: 0 as RangeLevel, dropUnused: true }] : []),
		{ level: 1, dropUnused: true },
		{ level: 2, dropUnused: true }
	];
	for (const { level, dropUnused } of attempts) {
		const levelNotes = [
			...(dropUnused ? unused.map((d) => m.sd_note_unused({ id: d.id, source: d.source }, locale)) : []),
			...(level === 0 ? [] : [level === 1 ? m.sd_note_level_narrowed({}, locale) : m.sd_note_level_fixed({}, locale)])
		];
		const written = writeScenarioYaml({
			id: options.id,
			title: oneLine(doc.title, 200) || oneLine(fileName.replace(/\.json$/i, ''), 200) || options.id,
			description: oneLine(doc.description, 2000) || m.sd_description_default({ file: fileName }, locale),
			asOf: doc.savedOn ?? options.asOf,
			lang,
			fileName,
			version: doc.version,
			excerpt,
			tree: dropUnused ? { ...tree, derived: tree.derived.filter((d) => tree.readIds.has(d.id)) } : tree,
			assumptions: scenarioAssumptions(tree.assumptions, { doc, probabilityIds: tree.probabilityIds, level, lang }),
			header: [m.sd_yaml_header({ file: fileName, version: doc.version }, locale), m.sd_yaml_citations({ citation: IMPORTED_CITATION }, locale), ...notes, ...levelNotes]
		});
		if (written.text.length > MAX_YAML) {
			report.error(doc.dataPath, m.sd_yaml_too_large({ size: written.text.length, limit: MAX_YAML }, locale));
			return { ...none, issues: issues() };
		}
		const parsed = parseScenario(written.text, { lang });
		const run = parsed.scenario ? evaluateScenario(buildMachine(parsed.scenario)) : undefined;
		const problems = [...parsed.issues, ...(run?.issues ?? [])].filter((i) => i.severity === 'error');
		if (problems.length === 0) {
			return {
				yaml: written.text,
				issues: issues(),
				missingCitations: written.citations.map((c) => ({ severity: 'warning', path: c.path, line: c.line, column: c.column, message: m.sd_missing_citation({ what: c.what, citation: IMPORTED_CITATION }, locale) })),
				validation: parsed.issues,
				notes: [...notes, ...levelNotes]
			};
		}
		failure = problems.map((p) => ({ ...p, path: written.sourceOf(p.path), message: m.sd_scenario_problem({ message: p.message }, locale) }));
	}
	// Still invalid with every number held fixed: the tree itself is wrong (as SilverDecisions would say too).
	for (const p of failure) report.error(p.path, p.message);
	return { ...none, issues: issues() };
}
