import { cslItems } from '../core/index.js';
import { bibtex, cslJson } from './citations.js';
import type { ExportContext } from './exportContext.js';

/** The scenario's sources as BibTeX or CSL-JSON, for a reference manager. */
export function exportSources(ctx: ExportContext): string {
	const items = cslItems(ctx.source.scenario.sources);
	if (ctx.request.format === 'bib') {
		const p = ctx.provenance;
		return `% Sources of Branchpoint scenario ${p.scenarioId} (sha256 ${p.scenarioSha256}), ${p.generator} ${p.version}\n${bibtex(items)}`;
	}
	return cslJson(items);
}
