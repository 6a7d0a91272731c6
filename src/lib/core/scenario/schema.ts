import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { LANGUAGE_TAG } from './pickLanguage.js';
import { RESERVED_NAMES } from './readYaml.js';

/**
 * The shape of a scenario file. Objects are strict so that a misspelt key is
 * reported (with a "did you mean") rather than silently ignored. Cross
 * references, formulas and the machine's graph are checked afterwards, in
 * `checkScenario`.
 */

const FORMULA_ID = /^[A-Za-z][A-Za-z0-9_]*$/;
/** The format's id rule: letters, digits, "_", "." and "-", starting with a letter or digit. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * The longest text each kind of field may hold (in UTF-16 code units, as
 * JavaScript counts), so that a pasted 100 kB string is refused with a
 * located error instead of stalling validation, layout and export.
 */
export const SCENARIO_TEXT_LIMITS = {
	id: 100,
	label: 200,
	unit: 60,
	description: 2000,
	excerpt: 300,
	injectTitle: 120,
	injectText: 1000
} as const;
const LIMIT = SCENARIO_TEXT_LIMITS;

/**
 * Whether `id` is an id the format accepts: its rule, at most the id limit,
 * and none of the names some validators drop. Such an id also names a
 * folder or file safely ("..", "a/b" and ".history" are never ids).
 */
export function isScenarioId(id: unknown): id is string {
	return typeof id === 'string' && id.length <= LIMIT.id && ID.test(id) && !RESERVED_NAMES.has(id);
}

/**
 * The schema with its messages in `lang`: zod takes a schema's own messages
 * before any given to the parse, so each language has its schema. Pure.
 */
function buildSchema(lang: Locale) {
	const locale = { locale: lang };
	const string = z.string({ error: m.val_expected_text({}, locale) });
	const text = string.min(1, { error: m.val_not_empty({}, locale) });
	/** Labels, names and titles. */
	const label = text.max(LIMIT.label);
	const unit = string.max(LIMIT.unit).optional();
	const description = string.max(LIMIT.description);
	const optionalText = description.optional();
	/** Text that names an id: a state, an event, a criterion as a record key. */
	const idKey = z.string().max(LIMIT.id);
	const id = z.string({ error: m.val_expected_id({}, locale) }).max(LIMIT.id).regex(ID, { error: m.val_id_chars({}, locale) });
	const formulaId = z.string({ error: m.val_expected_id({}, locale) }).max(LIMIT.id).regex(FORMULA_ID, { error: m.val_formula_id_chars({}, locale) });
	/** A context value's id: formulas read it by name. */
	const contextKey = z.string().max(LIMIT.id).regex(FORMULA_ID, { error: m.val_context_key_chars({}, locale) });
	const finite = z.number({ error: m.val_expected_number({}, locale) }).finite();
	const formula = z
		.union([z.string(), z.number()], { error: m.val_expected_formula({}, locale) })
		.transform((value) => String(value));
	const citationList = z.array(id, { error: m.val_expected_citations({}, locale) }).default([]);
	const payoffs = z.record(idKey, formula).default({});
	const isoDate = z.string({ error: m.val_expected_date({}, locale) }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: m.val_date_format({}, locale) });

	const source = z.strictObject({
		id,
		file: string.max(LIMIT.label).regex(/^[^/\\]+$/, { error: m.val_source_file_name({}, locale) }),
		title: label,
		publisher: label,
		author: label.optional(),
		date: isoDate.optional(),
		url: description.optional(),
		language: unit
	});

	const actor = z.strictObject({
		id,
		name: label,
		kind: z.enum(['actor', 'nature']).default('actor'),
		description: optionalText,
		citations: citationList,
		preferences: z.record(idKey, finite).optional(),
		play: z.enum(['chance', 'strategic', 'bounded'], { error: m.val_play_values({}, locale) }).default('chance'),
		/** λ of bounded play: a formula, usually an assumption, so it can be varied. */
		rationality: formula.optional()
	});

	const distribution = z.discriminatedUnion(
		'type',
		[
			z.strictObject({ type: z.literal('beta'), alpha: finite.positive(), beta: finite.positive() }),
			z.strictObject({ type: z.literal('triangular'), min: finite, mode: finite, max: finite }),
			z.strictObject({ type: z.literal('uniform'), min: finite, max: finite }),
			z.strictObject({ type: z.literal('normal'), mean: finite, sd: finite.positive() }),
			z.strictObject({
				type: z.literal('discrete'),
				values: z.array(finite).min(1),
				weights: z.array(finite.nonnegative()).min(1)
			})
		],
		{ error: m.val_distribution_types({}, locale) }
	);

	const assumption = z.strictObject({
		id: formulaId,
		label,
		kind: z.enum(['probability', 'number', 'boolean', 'choice'], { error: m.val_kind_values({}, locale) }),
		default: z.union([z.number(), z.boolean(), z.string().max(LIMIT.id)], { error: m.val_default_value({}, locale) }),
		min: finite.optional(),
		max: finite.optional(),
		step: finite.positive().optional(),
		unit,
		options: z
			.array(z.strictObject({ id, label, value: finite }))
			.min(1)
			.optional(),
		distribution: distribution.optional(),
		description: optionalText,
		citations: citationList,
		judgment: z.boolean().default(false)
	});

	const derived = z.strictObject({
		id: formulaId,
		label,
		formula,
		unit,
		description: optionalText,
		citations: citationList
	});

	const criterion = z.strictObject({
		id,
		label,
		direction: z.enum(['max', 'min'], { error: m.val_direction_values({}, locale) }),
		unit,
		weight: finite.default(1),
		description: optionalText,
		judgment: z.boolean().default(false)
	});

	const citation = z.strictObject({
		id,
		source: id,
		excerpt: text.max(LIMIT.excerpt),
		// Required only where the source is not in the reader's language (checkReferences).
		gloss: string.max(LIMIT.description).default(''),
		offset: z.number().int().nonnegative().optional()
	});

	const preset = z.strictObject({
		id,
		label,
		description: optionalText,
		values: z.record(idKey, z.union([z.number(), z.boolean(), z.string().max(LIMIT.id)]))
	});

	const inject = z.strictObject({
		id,
		title: text.max(LIMIT.injectTitle),
		text: text.max(LIMIT.injectText),
		state: id.optional(),
		citations: citationList
	});

	const guard = z.strictObject({
		type: z.literal('formula', { error: m.val_guard_type({}, locale) }),
		params: z.strictObject({ expr: formula })
	});

	/** XState's `assign`, with formulas for the context values it sets. */
	const assignAction = z.strictObject(
		{
			type: z.literal('assign', { error: m.val_action_type({}, locale) }),
			params: z.record(contextKey, formula)
		},
		{ error: m.val_action_shape({}, locale) }
	);

	const alwaysTransition = z.strictObject(
		{
			target: z.string({ error: m.val_always_target({}, locale) }).max(LIMIT.id),
			guard: guard.optional(),
			description: optionalText
		},
		{ error: m.val_always_shape({}, locale) }
	);

	const moveMeta = z.strictObject({
		label,
		description: optionalText,
		probability: formula.optional(),
		payoffs,
		citations: citationList
	});

	const transition = z.preprocess(
		(value) => (typeof value === 'string' ? { target: value } : value),
		z.strictObject(
			{
				target: z.string({ error: m.val_move_target({}, locale) }).max(LIMIT.id),
				guard: guard.optional(),
				actions: z.union([assignAction, z.array(assignAction)]).optional(),
				description: optionalText,
				meta: moveMeta.optional()
			},
			{ error: m.val_move_shape({}, locale) }
		)
	);

	const stateMeta = z.strictObject({
		actor: id.optional(),
		label,
		description: optionalText,
		payoffs,
		maxVisits: z.number().int().positive().optional(),
		citations: citationList
	});

	const state = z.strictObject({
		type: z.enum(['atomic', 'final'], { error: m.val_state_type({}, locale) }).optional(),
		description: optionalText,
		meta: stateMeta,
		on: z.record(idKey, transition).optional(),
		always: z.union([alwaysTransition, z.array(alwaysTransition)]).optional()
	});

	const machine = z.strictObject({
		id: text.max(LIMIT.id),
		initial: text.max(LIMIT.id),
		description: optionalText,
		/** Numbers the machine carries from move to move; moves set them with `assign`. */
		context: z.record(contextKey, z.number({ error: m.val_context_start({}, locale) }).finite()).optional(),
		states: z.record(idKey, state)
	});

	/** A key that becomes part of a value's id in formulas: a signal's states and results. */
	const formulaKey = z.string().max(LIMIT.id).regex(FORMULA_ID, { error: m.val_signal_key_chars({}, locale) });

	const signal = z.strictObject({
		id: formulaId,
		label,
		description: optionalText,
		// The general form: what may be true, with priors; what it may show, with its chance under each state.
		states: z.record(formulaKey, formula).optional(),
		results: z.record(formulaKey, z.record(formulaKey, formula)).optional(),
		// The two-state form: a hypothesis, its prior, and the test's sensitivity and specificity.
		hypothesis: formulaId.optional(),
		prior: formula.optional(),
		sensitivity: formula.optional(),
		specificity: formula.optional(),
		citations: citationList
	});

	const spiralSide = z.strictObject({
		actor: id,
		label,
		start: formula,
		reaction: formula,
		restraint: formula,
		grievance: formula.default('0')
	});

	const spiral = z.strictObject({
		label,
		description: optionalText,
		x: spiralSide,
		y: spiralSide,
		horizon: finite.positive().default(10),
		citations: citationList
	});

	return z.strictObject({
		id,
		// The languages its texts are written in; the first is the language of plain strings (pickLanguage).
		languages: z.array(z.string().regex(LANGUAGE_TAG, { error: m.val_language_tag({}, locale) })).min(1).optional(),
		title: label,
		description: text.max(LIMIT.description),
		asOf: isoDate,
		perspective: id,
		sources: z.array(source).min(1),
		actors: z.array(actor).min(1),
		assumptions: z.array(assumption).default([]),
		derived: z.array(derived).default([]),
		signals: z.array(signal).default([]),
		criteria: z.array(criterion).min(1),
		citations: z.array(citation).default([]),
		presets: z.array(preset).default([]),
		injects: z.array(inject).default([]),
		spiral: spiral.optional(),
		// The perspective's attitude to risk: exponential utility with this risk tolerance (a formula).
		risk: z.strictObject({ tolerance: formula, description: optionalText }).optional(),
		limits: z
			.strictObject({
				maxNodes: z.number().int().positive().default(20000),
				maxDepth: z.number().int().positive().default(40)
			})
			.default({ maxNodes: 20000, maxDepth: 40 }),
		machine
	});
}

/** The schema in English: the shape, for types and "did you mean" on keys. */
export const scenarioSchema = buildSchema('en');

const schemas = new Map<Locale, typeof scenarioSchema>([['en', scenarioSchema]]);

/** The schema whose messages are in `lang`, built once per language. */
export function scenarioSchemaIn(lang: Locale): typeof scenarioSchema {
	let schema = schemas.get(lang);
	if (!schema) {
		schema = buildSchema(lang);
		schemas.set(lang, schema);
	}
	return schema;
}

export type ScenarioDocument = z.output<typeof scenarioSchema>;

/** The keys an object at `path` may have, for "did you mean" on unknown keys. */
export function keysAt(path: readonly (string | number)[]): string[] {
	let schema: unknown = scenarioSchema;
	for (const key of path) {
		schema = unwrap(schema);
		const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
		if (def.type === 'object') schema = (def.shape as Record<string, unknown>)[key];
		else if (def.type === 'array') schema = def.element;
		else if (def.type === 'record') schema = def.valueType;
		else return [];
		if (schema === undefined) return [];
	}
	schema = unwrap(schema);
	const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
	if (def.type === 'object') return Object.keys(def.shape as object);
	if (def.type === 'union') {
		return [
			...new Set(
				(def.options as unknown[]).flatMap((option) => {
					const inner = (unwrap(option) as { _zod: { def: Record<string, unknown> } })._zod.def;
					return inner.type === 'object' ? Object.keys(inner.shape as object) : [];
				})
			)
		];
	}
	return [];
}

function unwrap(schema: unknown): unknown {
	let current = schema as { _zod: { def: Record<string, unknown> } };
	for (;;) {
		const def = current._zod.def;
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
			current = def.innerType as typeof current;
		} else if (def.type === 'pipe') {
			current = (def.out as typeof current)._zod.def.type === 'transform'
				? (def.in as typeof current)
				: (def.out as typeof current);
		} else return current;
	}
}
