import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedApp {
	baseURL: string;
	port: number;
	/** Where the server keeps its workshops (BRANCHPOINT_DATA). */
	dataDir: string;
	server: ChildProcess;
	stop(): void;
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

/** Builds the app and the command line as `npm start` does. */
export function buildApp(): void {
	const build = spawnSync('npx', ['vite', 'build'], { stdio: 'pipe', encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`vite build failed:\n${build.stdout}\n${build.stderr}`);
	// The command line too, once, before tests run it side by side with the app.
	const cli = spawnSync('node', ['tools/buildCli.js'], { stdio: 'pipe', encoding: 'utf8' });
	if (cli.status !== 0) throw new Error(`building the command line failed:\n${cli.stdout}\n${cli.stderr}`);
}

/**
 * Serves the built app on a free loopback port over a scenarios folder made
 * of the given folders' scenarios plus extra generated files (id → YAML).
 */
export async function serveApp(options: { scenarioDirs: string[]; extra?: Record<string, string>; dataDir?: string; port?: number; host?: string }): Promise<ServedApp> {
	const scenarios = mkdtempSync(join(tmpdir(), 'bp-scenarios-'));
	for (const dir of options.scenarioDirs) {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) cpSync(join(dir, entry.name), join(scenarios, entry.name), { recursive: true });
		}
	}
	for (const [id, yaml] of Object.entries(options.extra ?? {})) {
		mkdirSync(join(scenarios, id), { recursive: true });
		writeFileSync(join(scenarios, id, 'scenario.yaml'), yaml);
	}
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'bp-data-'));
	const made = options.dataDir === undefined ? [scenarios, dataDir] : [scenarios];
	const host = options.host ?? '127.0.0.1';
	const server: ChildProcess = spawn('node', ['tools/start.js'], {
		env: { ...process.env, PORT: String(port), HOST: host, BRANCHPOINT_SCENARIOS: scenarios, BRANCHPOINT_DATA: dataDir },
		stdio: 'ignore'
	});
	const baseURL = `http://${host}:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(baseURL)).ok) break;
		} catch {
			// not up yet
		}
		if (Date.now() > deadline) {
			server.kill();
			throw new Error('the app server did not start');
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		baseURL,
		port,
		dataDir,
		server,
		stop: () => {
			server.kill();
			// Temporary folders made here go with the server; a data folder passed in is the caller's.
			for (const dir of made) rmSync(dir, { recursive: true, force: true });
		}
	};
}
