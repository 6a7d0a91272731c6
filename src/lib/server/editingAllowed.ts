/**
 * Who may edit scenarios: anyone who can reach the server when it listens
 * on this machine's loopback only (an analyst's own laptop), nobody when it
 * serves a network (a workshop room, whose participants must not change
 * the scenarios) — unless the operator says otherwise with
 * `BRANCHPOINT_EDITING=on` or `off` (README, "Authoring scenarios").
 */

/** Whether a host name or address is this machine's loopback: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(host: string): boolean {
	const name = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
	return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1' || /^::ffff:127(\.\d{1,3}){3}$/.test(name);
}

/**
 * The setting's meaning: on, off, or the default (unset or empty). Any
 * other value counts as off, so a typo never opens editing to a room.
 */
function settingOf(setting: string | undefined): 'on' | 'off' | 'default' {
	const value = (setting ?? '').trim().toLowerCase();
	if (value === '') return 'default';
	return ['on', 'true', '1', 'yes'].includes(value) ? 'on' : 'off';
}

/**
 * Whether this server lets people edit scenarios: `setting` (the value of
 * BRANCHPOINT_EDITING) when given, else only when `host`, where the server
 * listens, is loopback. 0.0.0.0, :: and a LAN address serve a network.
 */
export function editingAllowed(options: { host: string; setting?: string }): boolean {
	const setting = settingOf(options.setting);
	return setting === 'default' ? isLoopbackHost(options.host) : setting === 'on';
}

/**
 * Where this server listens: HOST as tools/start.js and adapter-node read
 * it (default 0.0.0.0, every interface). Under `vite dev`, which runs in
 * this process, vite's own `--host` (bare: every interface) or else
 * localhost, vite's default.
 */
export function listenHost(env: Record<string, string | undefined>, dev: boolean, argv: readonly string[] = []): string {
	if (env.HOST?.trim()) return env.HOST.trim();
	if (!dev) return '0.0.0.0';
	const at = argv.findIndex((arg) => arg === '--host' || arg.startsWith('--host='));
	if (at < 0) return 'localhost';
	const value = argv[at].startsWith('--host=') ? argv[at].slice('--host='.length) : argv[at + 1];
	return value && !value.startsWith('-') ? value : '0.0.0.0';
}
