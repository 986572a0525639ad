/**
 * Benchmark of the built command line (dist/cli.cjs) as whole processes, on a
 * synthetic vault (bench/generateVault.ts, 10,000 notes by default) written to
 * a temporary folder.
 *
 * - Floor: a Node process that lists the vault, reads every note and
 *   YAML-parses every frontmatter (fence sliced by hand, `yaml`'s `parse`),
 *   then prints a count. This is the least any tool reading the vault must do.
 * - `due --json`: our process, from start to exit, stdout read to the end.
 *   Goal: at most 1.5× the floor. Runs alternate with the floor's, so load on
 *   the machine falls on both; medians are compared.
 * - Start-up: `node -e 0` and `interview-followups --version`, for scale.
 * - `watch` latency: `watch --json` runs on the vault; an interview note is
 *   saved (plainly, and atomically: a temporary file renamed over it) and the
 *   time until the next JSON line arrives is measured. Goal: 300 ms (median).
 *
 * Needs `npm run build` first. Run alone: `npx tsx bench/cli.bench.ts [--notes N]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateVault } from './generateVault';

export interface CliBenchOptions {
	/** Notes in the synthetic vault (default 10,000). */
	notes?: number;
	/** Alternating floor / due rounds (default 5). */
	rounds?: number;
	/** Saves timed in watch (default 30 of each kind). */
	saves?: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const DUE_GOAL = 1.5;
const WATCH_GOAL_MS = 300;
const TODAY = '2026-11-21';

function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function quantile(xs: readonly number[], q: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

function ms(x: number): string {
	return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
}

/** The floor as a standalone script: list, read, YAML-parse each frontmatter. */
function floorScript(): string {
	const yamlPath = JSON.stringify(join(ROOT, 'node_modules', 'yaml'));
	return `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require(${yamlPath});
const root = process.argv[2];
let keys = 0;
for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
	if (!entry.endsWith('.md')) continue;
	const text = readFileSync(join(root, entry), 'utf8');
	if (!text.startsWith('---\\n')) continue;
	const end = text.indexOf('\\n---', 3);
	if (end < 0) continue;
	try {
		const data = parse(text.slice(4, end));
		if (data !== null && typeof data === 'object') keys += Object.keys(data).length;
	} catch {}
}
process.stdout.write(String(keys) + '\\n');
`;
}

function timed(args: readonly string[]): { ms: number; stdout: string; code: number | null } {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
	const t = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return { ms: t, stdout: r.stdout, code: r.status };
}

interface WatchResult {
	firstList: number;
	plain: number[];
	atomic: number[];
}

async function measureWatch(vault: string, notePath: string, saves: number): Promise<WatchResult> {
	const t0 = performance.now();
	const child = spawn(process.execPath, [CLI, 'watch', vault, '--today', TODAY, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
	let buffer = '';
	const waiters: ((t: number) => void)[] = [];
	const arrived: number[] = [];
	child.stdout.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		buffer += chunk;
		let i: number;
		while ((i = buffer.indexOf('\n')) >= 0) {
			buffer = buffer.slice(i + 1);
			const t = performance.now();
			const w = waiters.shift();
			if (w) w(t);
			else arrived.push(t);
		}
	});
	const nextLine = (timeoutMs = 30000): Promise<number> =>
		new Promise((resolvePromise, reject) => {
			const ready = arrived.shift();
			if (ready !== undefined) {
				resolvePromise(ready);
				return;
			}
			const timer = setTimeout(() => reject(new Error('watch printed nothing within 30 s')), timeoutMs);
			waiters.push((t) => {
				clearTimeout(timer);
				resolvePromise(t);
			});
		});
	try {
		const firstList = (await nextLine(120000)) - t0;
		const file = join(vault, ...notePath.split('/'));
		const original = readFileSync(file, 'utf8');
		const plain: number[] = [];
		const atomic: number[] = [];
		for (let i = 0; i < saves * 2; i++) {
			await delay(150);
			arrived.length = 0;
			// Each save changes the note (a new follow-up), so each gives a new list.
			const text = original.replace('follow_ups:\n', `follow_ups:\n  - "2026-11-${String(1 + (i % 28)).padStart(2, '0')} contact: Bench ${i}"\n`);
			const start = performance.now();
			if (i % 2 === 0) writeFileSync(file, text);
			else {
				const temp = `${file}.${i}.tmp`;
				writeFileSync(temp, text);
				renameSync(temp, file);
			}
			const got = await nextLine();
			(i % 2 === 0 ? plain : atomic).push(got - start);
		}
		return { firstList, plain, atomic };
	} finally {
		child.kill('SIGTERM');
		await new Promise<void>((r) => {
			if (child.exitCode !== null) r();
			else child.on('exit', () => r());
		});
	}
}

export default async function cliBench(options: CliBenchOptions = {}): Promise<string> {
	if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
	const notes = options.notes ?? 10_000;
	const rounds = options.rounds ?? 5;
	const saves = options.saves ?? 30;
	const dir = mkdtempSync(join(tmpdir(), 'ifu-cli-bench-'));
	try {
		const vault = join(dir, 'vault');
		const files = generateVault(vault, { notes });
		const floorFile = join(dir, 'floor.cjs');
		writeFileSync(floorFile, floorScript());

		// Warm the file cache and check both work.
		const check = timed([CLI, 'due', vault, '--today', TODAY, '--json']);
		const doc = JSON.parse(check.stdout) as { actions: unknown[]; diagnostics: unknown[] };
		timed([floorFile, vault]);

		const floor: number[] = [];
		const due: number[] = [];
		const bare: number[] = [];
		const version: number[] = [];
		for (let r = 0; r < rounds; r++) {
			floor.push(timed([floorFile, vault]).ms);
			due.push(timed([CLI, 'due', vault, '--today', TODAY, '--json']).ms);
			bare.push(timed(['-e', '0']).ms);
			version.push(timed([CLI, '--version']).ms);
		}
		const f = median(floor);
		const d = median(due);
		const ratio = d / f;

		const interview = files.find((x) => x.kind === 'interview' && x.text.includes('follow_ups:\n'));
		if (!interview) throw new Error('the synthetic vault has no interview note with follow_ups');
		const w = await measureWatch(vault, interview.path, saves);
		const all = [...w.plain, ...w.atomic];

		const lines = [
			'## Command line (whole processes)',
			'',
			`A synthetic vault of ${notes.toLocaleString('en-US')} notes (bench/generateVault.ts); \`due --json\` found ${doc.actions.length.toLocaleString('en-US')} actions and ${doc.diagnostics.length.toLocaleString('en-US')} diagnostics. Medians of ${rounds} alternating runs.`,
			'',
			'| process | median | vs floor |',
			'|---|---:|---:|',
			`| floor: list, read, YAML-parse every frontmatter | ${ms(f)} | 1.00× |`,
			`| \`interview-followups due --json\` | ${ms(d)} | ${ratio.toFixed(2)}× (goal ≤ ${DUE_GOAL}×: ${ratio <= DUE_GOAL ? 'met' : 'not met'}) |`,
			`| \`node -e 0\` (start-up alone) | ${ms(median(bare))} | ${(median(bare) / f).toFixed(2)}× |`,
			`| \`interview-followups --version\` | ${ms(median(version))} | ${(median(version) / f).toFixed(2)}× |`,
			'',
			`\`watch --json\` on the same vault: first list after ${ms(w.firstList)}; from a save to the fresh list (the 100 ms quiet time included), ` +
				`${saves} plain saves and ${saves} atomic saves (temporary file renamed over the note):`,
			'',
			'| save | median | p95 | max |',
			'|---|---:|---:|---:|',
			`| plain write | ${ms(median(w.plain))} | ${ms(quantile(w.plain, 0.95))} | ${ms(Math.max(...w.plain))} |`,
			`| atomic rename | ${ms(median(w.atomic))} | ${ms(quantile(w.atomic, 0.95))} | ${ms(Math.max(...w.atomic))} |`,
			`| all | ${ms(median(all))} (goal ≤ ${WATCH_GOAL_MS} ms: ${median(all) <= WATCH_GOAL_MS ? 'met' : 'not met'}) | ${ms(quantile(all, 0.95))} | ${ms(Math.max(...all))} |`,
		];
		return lines.join('\n');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const { values } = parseArgs({ options: { notes: { type: 'string' }, rounds: { type: 'string' }, saves: { type: 'string' } } });
	const md = await cliBench({
		notes: values.notes ? Number(values.notes) : undefined,
		rounds: values.rounds ? Number(values.rounds) : undefined,
		saves: values.saves ? Number(values.saves) : undefined,
	});
	process.stdout.write(`${md}\n`);
}
