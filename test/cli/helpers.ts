/**
 * Runs the BUILT command line (`node dist/cli.cjs`) as a separate process, as
 * a user would. `npm test` builds first; running these files alone needs
 * `npm run build` (or `node esbuild.config.mjs production`) beforehand.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { findConfigDir, PLUGIN_DATA } from '../../src/cli/settings';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const CLI = join(ROOT, 'dist', 'cli.cjs');
export const EXAMPLE_VAULT = join(ROOT, 'examples', 'vault');
export const CORPORA = resolve(ROOT, '../shared/corpora');

export function requireBuiltCli(): void {
	if (!existsSync(CLI)) {
		throw new Error(`${CLI} is missing: build it first with 'npm run build' (npm test does this).`);
	}
	const src = join(ROOT, 'src', 'cli', 'main.ts');
	if (statSync(src).mtimeMs > statSync(CLI).mtimeMs + 1000) {
		process.stderr.write(`note: ${CLI} is older than src/cli/main.ts; run 'npm run build' to test the current source\n`);
	}
}

export interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

export interface RunOptions {
	cwd?: string;
	env?: Record<string, string | undefined>;
	input?: string;
	timeout?: number;
	/** Run as this user and group id (needs root). */
	uid?: number;
	gid?: number;
}

/** A clean environment: no colour forced, no hooks inherited. */
function childEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('INTERVIEW_FOLLOWUPS_')) env[k] = v;
	for (const [k, v] of Object.entries(extra)) {
		if (v === undefined) delete env[k];
		else env[k] = v;
	}
	return env;
}

export function runCli(args: readonly string[], options: RunOptions = {}): Run {
	requireBuiltCli();
	const r = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd ?? ROOT,
		env: childEnv(options.env),
		input: options.input,
		encoding: 'utf8',
		timeout: options.timeout ?? 60000,
		maxBuffer: 256 * 1024 * 1024,
		...(options.uid === undefined ? {} : { uid: options.uid }),
		...(options.gid === undefined ? {} : { gid: options.gid }),
	});
	if (r.error) throw r.error;
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: readonly string[], options: RunOptions = {}): ChildProcessWithoutNullStreams {
	requireBuiltCli();
	return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env), stdio: 'pipe' });
}

const temps: string[] = [];

/** A fresh temporary folder, removed by `cleanTemps`. */
export function tempDir(prefix = 'ifu-'): string {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	temps.push(dir);
	return dir;
}

/** A copy of a vault in a temporary folder, safe to write to. */
export function copyVault(from: string = EXAMPLE_VAULT): string {
	const dir = join(tempDir(), 'vault');
	cpSync(from, dir, { recursive: true, verbatimSymlinks: true });
	return dir;
}

export function cleanTemps(): void {
	for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The JSON document of `due --json`. */
export interface DueJson {
	today: string;
	actions: {
		id: string;
		kind: string;
		state: string;
		earliest: string;
		due: string;
		company: string | null;
		role: string | null;
		note: string | null;
		person: { name: string; title: string | null; email: string | null; phone: string | null } | null;
		gifts: string[];
	}[];
	diagnostics: { note: string; line: number | null; severity: string; message: string }[];
}

export function parseDue(stdout: string): DueJson {
	return JSON.parse(stdout) as DueJson;
}

/** Collects a child's stdout as lines and waits for the next one that matches. */
export class LineReader {
	private buffer = '';
	readonly lines: string[] = [];
	private waiters: { test: (l: string) => boolean; resolve: (l: string) => void; from: number }[] = [];
	private consumed = 0;

	constructor(stream: Readable) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			this.buffer += chunk;
			let i: number;
			while ((i = this.buffer.indexOf('\n')) >= 0) {
				const line = this.buffer.slice(0, i);
				this.buffer = this.buffer.slice(i + 1);
				this.lines.push(line);
			}
			this.wake();
		});
	}

	private wake(): void {
		for (const w of [...this.waiters]) {
			for (let k = w.from; k < this.lines.length; k++) {
				if (w.test(this.lines[k])) {
					this.consumed = k + 1;
					this.waiters.splice(this.waiters.indexOf(w), 1);
					w.resolve(this.lines[k]);
					break;
				}
			}
		}
	}

	/** The next line (after those already taken) that passes `test`. */
	next(test: (line: string) => boolean = () => true, timeoutMs = 10000): Promise<string> {
		return new Promise((resolvePromise, reject) => {
			const timer = setTimeout(() => {
				this.waiters = this.waiters.filter((w) => w.resolve !== done);
				reject(new Error(`no matching line within ${timeoutMs} ms; got:\n${this.lines.slice(this.consumed).join('\n').slice(0, 4000)}`));
			}, timeoutMs);
			const done = (l: string): void => {
				clearTimeout(timer);
				resolvePromise(l);
			};
			this.waiters.push({ test, resolve: done, from: this.consumed });
			this.wake();
		});
	}

	/** Lines not yet taken. */
	pending(): string[] {
		return this.lines.slice(this.consumed);
	}

	/** Marks every line so far as taken. */
	skipAll(): void {
		this.consumed = this.lines.length;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

/** Waits until `cond` holds, polling. */
export async function until(cond: () => boolean, timeoutMs = 10000, what = 'condition'): Promise<void> {
	const t0 = Date.now();
	while (!cond()) {
		if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await sleep(10);
	}
}

/** Where a vault keeps this plugin's settings: its configuration folder (made up when it has none yet). */
export function settingsPathIn(vault: string, configDir?: string): string {
	return join(vault, configDir ?? findConfigDir(vault) ?? '.config', ...PLUGIN_DATA.split('/'));
}

/** Writes the plugin's data.json into a vault. */
export function writeSettings(vault: string, settings: unknown, configDir?: string): void {
	const file = settingsPathIn(vault, configDir);
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, typeof settings === 'string' ? settings : JSON.stringify(settings));
}
