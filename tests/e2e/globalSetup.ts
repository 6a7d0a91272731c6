import type { TestProject } from 'vitest/node';
import { buildApp, serveApp, type ServedApp } from '../../tools/serveApp.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The served app's data folder (BRANCHPOINT_DATA), for the command line to read its workshops. */
		dataDir: string;
	}
}

let app: ServedApp | undefined;

/** Builds the app as `npm start` does and serves the shipped scenarios plus the end-to-end fixtures. */
export async function setup(project: TestProject) {
	buildApp();
	app = await serveApp({ scenarioDirs: ['scenarios', 'tests/fixtures/e2e-scenarios'] });
	project.provide('baseURL', app.baseURL);
	project.provide('dataDir', app.dataDir);
}

export function teardown() {
	app?.stop();
}
