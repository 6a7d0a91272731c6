import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { cliLanguage, environmentLanguage } from '../../src/cli/cliLanguage.js';
import { columns, fitColumns, padEndColumns, padStartColumns } from '../../src/cli/columns.js';
import { parseArgsError } from '../../src/cli/parseArgsError.js';
import { runCommand, type CommandOptions } from '../../src/cli/runCommand.js';
import { exampleText, replaceOnce } from '../helpers/scenarios.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOTTERY = 'tests/fixtures/e2e-scenarios/lottery/scenario.yaml';
const SOURCES = resolve('../shared/sources');
const ja = (command: string, args: string[], options: CommandOptions = {}) => runCommand(command, args, { ...options, lang: 'ja' });

describe('the language a command speaks', () => {
	it.each([
		{ flag: undefined, env: {}, lang: 'en' },
		{ flag: undefined, env: { LANG: 'ja_JP.UTF-8' }, lang: 'ja' },
		{ flag: undefined, env: { LANG: 'ja' }, lang: 'ja' },
		{ flag: undefined, env: { LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_GB.UTF-8' }, lang: 'ja' },
		{ flag: undefined, env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }, lang: 'en' },
		{ flag: undefined, env: { LC_ALL: '', LANG: 'ja_JP.UTF-8' }, lang: 'ja' },
		{ flag: undefined, env: { LANG: 'fr_FR.UTF-8' }, lang: 'en' },
		{ flag: undefined, env: { LANG: 'jav_ID' }, lang: 'en' },
		{ flag: 'en', env: { LANG: 'ja_JP.UTF-8' }, lang: 'en' },
		{ flag: 'ja', env: { LANG: 'C.UTF-8' }, lang: 'ja' }
	])('is $lang for --lang $flag and $env', ({ flag, env, lang }) => {
		expect(cliLanguage(flag, env)).toEqual({ lang });
		if (flag === undefined) expect(environmentLanguage(env)).toBe(lang);
	});

	it('refuses a --lang it does not speak, naming the two it does, in the environment’s language', () => {
		expect(cliLanguage('fr', {})).toEqual({ lang: 'en', problem: 'Unknown language "fr" for --lang; choose en or ja.' });
		expect(cliLanguage('ja_JP', { LANG: 'ja_JP.UTF-8' })).toEqual({ lang: 'ja', problem: '--lang の言語 "ja_JP" には対応していません。en か ja を指定してください。' });
	});

	it('rewords Node’s command-line errors in Japanese and keeps them as they are in English', () => {
		const error = (args: string[]) => {
			try {
				parseArgs({ args, allowPositionals: true, options: { set: { type: 'string' }, json: { type: 'boolean' } } });
			} catch (caught) {
				return caught as Error;
			}
			throw new Error('parsed');
		};
		expect(parseArgsError(error(['--frob']), 'en')).toMatch(/^Unknown option '--frob'\. To specify a positional argument/);
		expect(parseArgsError(error(['--frob']), 'ja')).toBe("オプション '--frob' は不明です。");
		expect(parseArgsError(error(['--set']), 'ja')).toBe("オプション '--set <value>' に値がありません。");
		expect(parseArgsError(error(['--json=1']), 'ja')).toBe("オプション '--json' は値をとりません。");
		expect(parseArgsError(error(['--set', '-x']), 'ja')).toContain("'--set=-XYZ' の形で書いてください。");
		expect(parseArgsError(new Error('Something new'), 'ja')).toBe('Something new');
	});
});

describe('terminal columns', () => {
	it('counts Japanese characters two columns wide and everything else as padEnd does', () => {
		expect(columns('日本の安全')).toBe(10);
		expect(columns('Japan–US–ROK ★ …')).toBe('Japan–US–ROK ★ …'.length);
		expect(padEndColumns('加重スコア', 12)).toBe('加重スコア  ');
		expect(padEndColumns('Weighted score', 20)).toBe('Weighted score'.padEnd(20));
		expect(padStartColumns('平均', 8)).toBe('    平均');
		expect(padStartColumns('mean', 8)).toBe('mean'.padStart(8));
		expect(fitColumns('欧州でのミサイル', 7)).toBe('欧州で');
		expect(fitColumns('Targeted sanctions', 8)).toBe('Targeted');
	});
});

describe('commands in Japanese', () => {
	it('validates with a summary in Japanese', () => {
		const result = ja('validate', ['example-minimal']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/scenario\.yaml：問題なし — 状態 5、手 4、前提 1、引用 3、決定木 5 ノード$/);
	});

	it('counts a broken scenario’s errors in Japanese', () => {
		const result = ja('validate', ['tests/fixtures/e2e-scenarios/broken/scenario.yaml']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/broken\/scenario\.yaml にエラーが \d+ 件あります$/);
	});

	it('evaluates with Japanese headings and the scenario’s Japanese texts', () => {
		const { code, stdout } = ja('evaluate', ['russia-dprk-2024']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^ロ朝条約（2024年6月）：日米韓の対応\n視点：日米韓。加重スコアを最適化。決定木は \d+ ノード。\n/);
		expect(stdout).toContain('開始時点の期待値（丸め：有効数字3桁（小数点以下は最大3桁））：');
		expect(stdout).toContain('最適方針（正の確率で到達する意思決定）：');
		expect(stdout).toMatch(/ {2}（開始） → .+ \[[A-Z_]+\] {2}到達確率 100%/);
		expect(stdout).toContain('（最大化、指数ポイント、重み 0.35）');
		expect(stdout).not.toMatch(/Expected values|Optimal policy|Perspective|weight /);
	});

	it('lines the numbers up under Japanese labels, by terminal columns', () => {
		const { stdout } = ja('evaluate', ['russia-dprk-2024']);
		const rows = stdout.split('\n').filter((line) => /^ {2}\S.*\s-?[\d.]+(\s{2}（.*）)?$/.test(line) && !line.includes('→'));
		expect(rows.length).toBeGreaterThan(8);
		// Every value ends at the same column: labels padded to one width, values right-aligned in 9.
		const ends = rows.map((line) => columns(line.replace(/\s{2}（.*）$/, '')));
		expect(new Set(ends).size).toBe(1);
	});

	it('prints the tree’s words in Japanese', () => {
		const { stdout } = ja('tree', ['example-minimal'], { depth: '1' });
		expect(stdout.split('\n').slice(0, 2)).toEqual([
			'Worked example: sanction or wait — 視点：Japan–US–ROK',
			'Respond to arms transfers? [意思決定 · Japan–US–ROK] ▸ 期待値：enforcement 5, cost 2 | スコア 4'
		]);
		expect(stdout).toContain('[確率 · Russia–DPRK supply networks]');
		expect(stdout).toContain('└─ Wait → Status quo ▪ 結果：enforcement 0, cost 0 | スコア 0、最適方針での到達確率 0%');
		expect(stdout).toContain('…（この下に 2 手。--depth を上げると表示）');
	});

	it('names strategic choosers and their worth in Japanese', () => {
		const { stdout } = ja('evaluate', ['tests/fixtures/e2e-scenarios/centipede/scenario.yaml']);
		expect(stdout).toContain('自ら選ぶ主体：Player two（strategic（戦略的）：');
		expect(stdout).toMatch(/\[戦略的 · Player two\]/);
		expect(stdout).toMatch(/\[Player twoにとって -?[\d.]+\]/);
	});

	it('summarises a threshold, and where the optimal policy switches, in Japanese', () => {
		const result = ja('analyse', [LOTTERY, 'threshold'], { assumption: 'tolerance' });
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')).toEqual([
			'Risk tolerance R（tolerance）の閾値、許容誤差 0.0001：',
			'  10 で：最初は「Take 40 for sure」が選好される',
			expect.stringMatching(/^ {2}[\d.]+ で：最適方針が切り替わる（最初の決定で「Take 40 for sure」→「Take the lottery」）$/)
		]);
	});

	it('heads a tornado in Japanese and keeps the assumption ids', () => {
		const { stdout } = ja('analyse', ['russia-dprk-2024', 'tornado'], { steps: '3' });
		expect(stdout).toMatch(/^トルネード図：開始時点の加重スコア、設定ごとに最適方針を選び直す。基準値は -?[\d.]+ で、「.+」が選好されます。\n/);
		expect(stdout).toMatch(/^◆ tech_transfer_depth +振れ幅 +[\d.]+ {3}\S+ で/m);
		expect(stdout).toMatch(/^ {4}◆ \S+ から：最初の決定で「.+」→「.+」$/m);
	});

	it.runIf(existsSync(SOURCES))('sums up verify-citations in Japanese', () => {
		const result = ja('verify-citations', ['example-minimal'], { sources: SOURCES });
		expect(result.code, result.stderr).toBe(0);
		expect(result.stdout).toMatch(/\n1 件のシナリオで引用 3 件を確認：発見 3 件、失敗 0 件。$/);
	});

	describe('on a scenario where no assumption has a distribution', () => {
		const dir = mkdtempSync(join(tmpdir(), 'branchpoint-lang-'));
		writeFileSync(join(dir, 'scenario.yaml'), replaceOnce(exampleText(), '    distribution: { type: beta, alpha: 5, beta: 5 }\n', ''));
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it('says nothing is uncertain in Japanese, and in English in the JSON', () => {
			expect(ja('analyse', [dir, 'montecarlo'], { runs: '50' }).stdout).toBe('不確実なものはありません。分布をもつ前提がないため、モンテカルロ法と EVPI で変化させるものがありません。');
			expect(JSON.parse(ja('analyse', [dir, 'evppi'], { runs: '50', json: true }).stdout).message).toMatch(/^Nothing is uncertain/);
		});
	});

	it.each([
		{ command: 'analyse', args: ['example-minimal', 'simulate'], options: { decisions: 'best' }, message: '--decisions には "random" か "optimal" を指定してください（指定値 "best"）。' },
		{ command: 'analyse', args: ['example-minimal', 'tornado'], options: { criterion: 'enforcment' }, message: '評価基準 "enforcment" は不明です。"enforcement" のことですか？評価基準：enforcement, cost。' },
		{ command: 'analyse', args: ['example-minimal', 'spline'], options: {}, message: '分析 "spline" は不明です。tornado, threshold, twoway, montecarlo, evppi, simulate, spiral のいずれかを選んでください。' },
		{ command: 'evaluate', args: ['example-minimal'], options: { perspective: 'coalitoin' }, message: '視点 "coalitoin" は不明です。"coalition" のことですか？意思決定する主体：coalition, networks。' },
		{ command: 'evaluate', args: ['example-minimal'], options: { depth: 'deep' }, message: '--depth には整数を指定してください（指定値 "deep"）。' },
		{ command: 'evaluate', args: ['example-minimal'], options: { set: ['p_evade'] }, message: '--set p_evade：--set id=値 の形で書いてください。' },
		{ command: 'validate', args: [], options: {}, message: 'シナリオを1つ指定してください：フォルダ、scenario.yaml、または scenarios/ 内の id。' },
		{ command: 'verify-citations', args: [], options: {}, message: '出典のフォルダを指定してください：--sources <フォルダ>。' },
		{ command: 'frob', args: [], options: {}, message: 'コマンド "frob" は不明です。コマンド：validate、tree、evaluate、analyse、verify-citations（--help を参照）。' }
	])('refuses $command $args $options in Japanese', ({ command, args, options, message }) => {
		const result = ja(command, args, options);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(message);
	});
});

describe('data is the same in every language', () => {
	it.each<[string, string[], CommandOptions]>([
		['validate', ['russia-dprk-2024'], { json: true }],
		['evaluate', ['russia-dprk-2024'], { json: true }],
		['evaluate', ['russia-dprk-2024'], { json: true, play: ['russia=strategic'] }],
		['analyse', ['russia-dprk-2024', 'montecarlo'], { json: true, runs: '40' }],
		['analyse', ['russia-dprk-2024', 'tornado'], { json: true, steps: '3' }],
		['analyse', ['russia-dprk-2024', 'tornado'], { csv: true, steps: '3' }],
		['analyse', ['example-minimal', 'simulate'], { csv: true, runs: '100' }]
	])('%s %j %j', (command, args, options) => {
		const english = runCommand(command, args, { ...options, lang: 'en' });
		expect(english.code, english.stderr).toBe(0);
		expect(ja(command, args, options)).toEqual(english);
	});

	it('prints English without --lang, as before', () => {
		expect(runCommand('evaluate', ['example-minimal'], {})).toEqual(runCommand('evaluate', ['example-minimal'], { lang: 'en' }));
	});
});

describe('the command line as a process', () => {
	const bp = (args: string[], env: Record<string, string> = {}) =>
		spawnSync('node', ['tools/bp.js', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });

	it('speaks Japanese where LANG is Japanese, and --lang overrides it', { timeout: 120_000 }, () => {
		const japanese = bp(['validate', 'example-minimal'], { LANG: 'ja_JP.UTF-8' });
		expect(japanese.status, japanese.stderr).toBe(0);
		expect(japanese.stdout).toMatch(/：問題なし — 状態 5/);
		expect(bp(['validate', 'example-minimal', '--lang', 'en'], { LANG: 'ja_JP.UTF-8' }).stdout).toMatch(/: valid — 5 states/);
	});

	it('refuses --lang xx with exit code 2, naming en and ja', { timeout: 60_000 }, () => {
		const result = bp(['validate', 'example-minimal', '--lang', 'xx']);
		expect(result.status).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toBe('Unknown language "xx" for --lang; choose en or ja.\n');
	});

	it('prints the help in Japanese with --lang ja, and mentions --lang in both', { timeout: 60_000 }, () => {
		const japanese = bp(['--help', '--lang', 'ja']);
		expect(japanese.status).toBe(0);
		expect(japanese.stdout).toMatch(/^使い方: npm run bp -- <コマンド> \[オプション\]\n/);
		expect(japanese.stdout).toContain('  --lang en|ja        出力、メッセージ、書き出しの言語');
		const english = bp(['--help']);
		expect(english.stdout).toMatch(/^Usage: npm run bp -- <command> \[options\]\n/);
		expect(english.stdout).toContain('  --lang en|ja        language of the output, messages and exports');
	});

	it('writes an export in the language --lang names, not the environment’s, which only its messages follow', { timeout: 120_000 }, () => {
		const dir = mkdtempSync(join(tmpdir(), 'bp-export-lang-'));
		try {
			const english = bp(['export', 'example-minimal', '--format', 'svg', '--out', join(dir, 'en.svg')], { LANG: 'ja_JP.UTF-8' });
			expect(english.status, english.stderr).toBe(0);
			expect(english.stderr).toMatch(/en\.svg を書き出しました（\d+ バイト、image\/svg\+xml）。/);
			const japanese = bp(['export', 'example-minimal', '--format', 'svg', '--lang', 'ja', '--out', join(dir, 'ja.svg')]);
			expect(japanese.status, japanese.stderr).toBe(0);
			const read = (name: string) => readFileSync(join(dir, name), 'utf8');
			expect(read('en.svg')).toContain('Source: Branchpoint model');
			expect(read('ja.svg')).toContain('出典：Branchpoint モデル');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('tells a command-line mistake in Japanese', { timeout: 60_000 }, () => {
		const result = bp(['validate', '--frob', '--lang', 'ja']);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^オプション '--frob' は不明です。\n\n使い方: /);
	});
});
