import { fail, redirect } from '@sveltejs/kit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { listScenarios, SCENARIOS_DIR, scenarioFileById } from '$lib/server/scenarioFiles.js';
import { admitFacilitator, createLimiter, forgetFacilitator, isFacilitator, workshops } from '$lib/server/workshop/workshops.js';
import type { Actions, PageServerLoad } from './$types';

/** The facilitator's list of workshops and the form that creates one, prefilled from a what-if link. */
export const load: PageServerLoad = ({ url, cookies }) => {
	const scenarios = listScenarios(SCENARIOS_DIR, getLocale())
		.filter((s) => s.scenario)
		.map((s) => ({
			id: s.id,
			title: s.scenario!.title,
			perspective: s.scenario!.perspective,
			actors: s.scenario!.actors.filter((a) => a.kind === 'actor').map((a) => ({ id: a.id, name: a.name })),
			presets: s.scenario!.presets.map((p) => ({ id: p.id, label: p.label })),
			injects: s.scenario!.injects.length
		}));
	const overrides: Record<string, string> = {};
	for (const [key, value] of url.searchParams) if (key.startsWith('a.')) overrides[key.slice(2)] = value;
	return {
		scenarios,
		chosen: url.searchParams.get('scenario') ?? scenarios[0]?.id,
		whatIf: { overrides, perspective: url.searchParams.get('perspective') ?? undefined, preset: url.searchParams.get('preset') ?? undefined },
		// Only the workshops this browser facilitates: others' titles and ids are theirs.
		workshops: workshops()
			.list(getLocale())
			.filter((w) => isFacilitator(cookies, w.id))
	};
};

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
};

export const actions: Actions = {
	create: async ({ request, cookies, url, getClientAddress }) => {
		const lang = getLocale();
		if (!createLimiter.take(getClientAddress(), workshops().now())) return fail(429, { errors: { scenario: m.wsx_too_many_created({}, { locale: lang }) }, raw: undefined });
		const form = await request.formData();
		const scenarioId = field(form, 'scenario') ?? '';
		const values = Object.fromEntries([...form.keys()].filter((k) => k.startsWith('a.')).map((k) => [k.slice(2), field(form, k) ?? '']));
		const raw = {
			title: field(form, 'title'),
			teams: form.getAll('teams').filter((t): t is string => typeof t === 'string'),
			others: field(form, 'others'),
			seed: field(form, 'seed'),
			roundMinutes: field(form, 'roundMinutes'),
			perspective: field(form, 'perspective'),
			preset: field(form, 'preset') || undefined,
			overrides: values
		};
		const file = scenarioFileById(scenarioId);
		if (!file) return fail(400, { errors: { scenario: m.wsx_no_scenario({ id: scenarioId }, { locale: lang }) }, raw: { ...raw, scenario: scenarioId } });
		// One read: the text kept with the workshop is the text its hash names.
		const bytes = readFileSync(file);
		// The room sees the scenario's texts in the facilitator's language.
		const result = workshops().create({ scenarioId, scenarioYaml: bytes.toString('utf8'), scenarioSha256: createHash('sha256').update(bytes).digest('hex'), raw, language: lang, lang });
		if (!result.ok) return fail(400, { errors: result.errors, raw: { ...raw, scenario: scenarioId } });
		admitFacilitator(cookies, url, result.id, result.facilitatorKey);
		redirect(303, `/workshops/${result.id}/console`);
	},
	delete: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const id = field(form, 'id') ?? '';
		if (!isFacilitator(cookies, id)) return fail(403, { errors: { delete: m.wsx_only_facilitator_delete({}, { locale: getLocale() }) } });
		workshops().remove(id);
		forgetFacilitator(cookies, url, id);
		return { deleted: id };
	}
};
