import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

let server: ChildProcess | undefined;

/**
 * Builds the app as `npm start` does and serves it on a free loopback port,
 * over the shipped scenarios plus the end-to-end fixtures.
 */
export async function setup(project: TestProject) {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'pipe', encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);

	const scenarios = mkdtempSync(join(tmpdir(), 'bp-e2e-scenarios-'));
	for (const dir of ['scenarios', 'tests/fixtures/e2e-scenarios']) {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) cpSync(join(dir, entry.name), join(scenarios, entry.name), { recursive: true });
		}
	}
	const port = await freePort();
	server = spawn('node', ['build/index.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', BRANCHPOINT_SCENARIOS: scenarios },
		stdio: 'ignore'
	});
	const baseURL = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(baseURL)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) throw new Error('the app server did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	project.provide('baseURL', baseURL);
}

export function teardown() {
	server?.kill();
}
