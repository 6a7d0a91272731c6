import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { DocPath } from '../scenario/Issue.js';
import { yamlText } from '../scenario/yamlText.js';
import type { ImportedTree } from './importTree.js';
import type { ScenarioAssumption } from './sdAssumptions.js';

/** The one citation every imported element starts with: the SilverDecisions file itself. */
export const IMPORTED_CITATION = 'c-imported';
export const IMPORTED_SOURCE = 'silverdecisions-file';
const DECIDER = 'decision_maker';
const NATURE = 'chance';

export interface YamlInput {
	id: string;
	title: string;
	description: string;
	asOf: string;
	lang: Locale;
	/** The SilverDecisions file's name (the scenario's source) and version. */
	fileName: string;
	version: string;
	/** Verbatim text of the file that the placeholder citation quotes. */
	excerpt: string;
	tree: ImportedTree;
	assumptions: ScenarioAssumption[];
	/** Comment lines for the top of the file. */
	header: string[];
}

/** Where an element's placeholder citation is written, to be listed until its author replaces it. */
export interface CitationPlace {
	path: DocPath;
	line: number;
	column: number;
	what: string;
}

export interface WrittenYaml {
	text: string;
	citations: CitationPlace[];
	/** The JSON path in the SilverDecisions file behind a path of the scenario, for messages about it. */
	sourceOf(path: DocPath): DocPath;
}


const formula = (text: string) => JSON.stringify(text);
const flowPayoffs = (payoffs: Record<string, string>) =>
	`{ ${Object.entries(payoffs)
		.map(([k, v]) => `${k}: ${formula(v)}`)
		.join(', ')} }`;

/**
 * Writes the imported tree as a scenario file: tidy, commented YAML in the
 * format `parseScenario` reads, every element citing the placeholder
 * `c-imported` (the SilverDecisions file) so that the scenario validates
 * and evaluates at once; where each placeholder sits is returned, so the
 * author can be shown what still needs a source. Pure.
 */
export function writeScenarioYaml(input: YamlInput): WrittenYaml {
	const { tree, lang } = input;
	const locale = { locale: lang };
	const lines: string[] = [];
	const citations: CitationPlace[] = [];
	const out = (line: string) => lines.push(line);
	const comment = (indent: string, text: string) => {
		for (const part of text.split('\n')) out(`${indent}# ${part}`.trimEnd());
	};
	const cite = (indent: string, path: DocPath, what: string, prefix = '') => {
		const line = `${indent}${prefix}citations: [${IMPORTED_CITATION}]`;
		citations.push({ path: [...path, 'citations'], line: lines.length + 1, column: line.indexOf('citations') + 1, what });
		out(line);
	};
	const hasChance = tree.states.some((s) => s.type === 'chance' && !s.final);

	for (const line of input.header) comment('', line);
	out(`languages: [${lang}]`);
	out(`id: ${input.id}`);
	out(`title: ${yamlText(input.title)}`);
	out(`description: ${yamlText(input.description)}`);
	out(`asOf: "${input.asOf}"`);
	out(`perspective: ${DECIDER}`);
	out('');
	out('sources:');
	out(`  - id: ${IMPORTED_SOURCE}`);
	out(`    file: ${yamlText(input.fileName)}`);
	out(`    title: ${yamlText(input.title)}`);
	out('    publisher: SilverDecisions');
	out('    language: en');
	out('');
	out('actors:');
	out(`  - id: ${DECIDER}`);
	out(`    name: ${yamlText(m.sd_actor_decider({}, locale))}`);
	cite('    ', ['actors', 0], m.sd_what_actor({ id: DECIDER }, locale));
	if (hasChance) {
		out(`  - id: ${NATURE}`);
		out(`    name: ${yamlText(m.sd_actor_chance({}, locale))}`);
		out('    kind: nature');
	}

	const variable = input.assumptions.filter((a) => !a.fixed);
	const fixed = input.assumptions.filter((a) => a.fixed);
	const assumptionPaths: DocPath[] = [];
	if (variable.length > 0) {
		out('');
		out('assumptions:');
		variable.forEach((a, i) => {
			assumptionPaths.push(a.path);
			for (const note of a.notes) comment('  ', note);
			out(`  - id: ${a.id}`);
			out(`    label: ${yamlText(a.label)}`);
			out(`    kind: ${a.kind}`);
			out(`    default: ${String(a.default)}`);
			if (a.min !== undefined) out(`    min: ${a.min}`);
			if (a.max !== undefined) out(`    max: ${a.max}`);
			const d = a.distribution;
			if (d) {
				const fields = Object.entries(d)
					.map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`)
					.join(', ');
				out(`    distribution: { ${fields} }`);
			}
			cite('    ', ['assumptions', i], m.sd_what_assumption({ id: a.id }, locale));
		});
	}
	const derivedPaths: DocPath[] = [];
	if (tree.derived.length > 0 || fixed.length > 0) {
		out('');
		out('derived:');
		for (const a of fixed) {
			derivedPaths.push(a.path);
			for (const note of a.notes) comment('  ', note);
			comment('  ', m.sd_note_fixed({}, locale));
			out(`  - id: ${a.id}`);
			out(`    label: ${yamlText(a.label)}`);
			out(`    formula: ${formula(String(a.default))}`);
		}
		for (const d of tree.derived) {
			derivedPaths.push(d.path);
			comment('  ', m.sd_note_written({ source: d.source }, locale));
			out(`  - id: ${d.id}`);
			out(`    label: ${yamlText(d.label)}`);
			out(`    formula: ${formula(d.formula)}`);
		}
	}
	out('');
	out('criteria:');
	for (const c of tree.criteria) {
		out(`  - id: ${c.id}`);
		out(`    label: ${yamlText(c.label)}`);
		out(`    direction: ${c.direction}`);
		out(`    weight: ${c.weight}`);
	}
	out('');
	out('citations:');
	out(`  - id: ${IMPORTED_CITATION}`);
	out(`    source: ${IMPORTED_SOURCE}`);
	out(`    excerpt: ${JSON.stringify(input.excerpt)}`);
	out(`    gloss: ${yamlText(m.sd_citation_gloss({ file: input.fileName }, locale))}`);
	if (tree.depth + 1 > 40) {
		out('');
		out(`limits: { maxNodes: 20000, maxDepth: ${tree.depth + 1} }`);
	}
	out('');
	out('machine:');
	out(`  id: ${input.id}`);
	out(`  initial: ${tree.states[0].id}`);
	out('  states:');
	const statePaths = new Map<string, DocPath>();
	const movePaths = new Map<string, DocPath>();
	for (const state of tree.states) {
		statePaths.set(state.id, state.path);
		if (state.code) comment('    ', m.sd_note_node_code({ code: state.code.replace(/\s*\n\s*/g, '; ') }, locale));
		out(`    ${state.id}:`);
		const label = `label: ${yamlText(state.label)}`;
		const what = m.sd_what_state({ id: state.id }, locale);
		if (state.final) {
			out('      type: final');
			cite('      ', ['machine', 'states', state.id, 'meta'], what, `meta: { ${label}, `);
			lines[lines.length - 1] += ' }';
			continue;
		}
		cite('      ', ['machine', 'states', state.id, 'meta'], what, `meta: { actor: ${state.type === 'decision' ? DECIDER : NATURE}, ${label}, `);
		lines[lines.length - 1] += ' }';
		out('      on:');
		for (const move of state.moves) {
			movePaths.set(`${state.id}\u0000${move.id}`, move.path);
			for (const note of move.comments) comment('        ', note);
			out(`        ${move.id}:`);
			out(`          target: ${move.target}`);
			const fields = [`label: ${yamlText(move.label)}`];
			if (move.probability !== undefined) fields.push(`probability: ${formula(move.probability)}`);
			if (Object.keys(move.payoffs).length > 0) fields.push(`payoffs: ${flowPayoffs(move.payoffs)}`);
			cite('          ', ['machine', 'states', state.id, 'on', move.id, 'meta'], m.sd_what_move({ state: state.id, move: move.id }, locale), `meta: { ${fields.join(', ')}, `);
			lines[lines.length - 1] += ' }';
		}
	}
	const sourceOf = (path: DocPath): DocPath => {
		const [section, key, a, b, c, d, e] = path;
		if (section === 'assumptions' && typeof key === 'number') return assumptionPaths[key] ?? [];
		if (section === 'derived' && typeof key === 'number') return derivedPaths[key] ?? [];
		if (section === 'machine' && key === 'states' && typeof a === 'string') {
			const move = b === 'on' && typeof c === 'string' ? movePaths.get(`${a}\u0000${c}`) : undefined;
			if (!move) return statePaths.get(a) ?? [];
			if (d === 'meta' && e === 'probability') return [...move, 'probability'];
			if (d === 'meta' && e === 'payoffs') return [...move, 'payoff'];
			return move;
		}
		return [];
	};
	return { text: `${lines.join('\n')}\n`, citations, sourceOf };
}
