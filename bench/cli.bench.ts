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
import { median, quantile } from './stats';

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

/** Preloaded into each measured process: writes its own CPU time (user + system) at exit. */
const CPU_PROBE = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.IFU_CPU_PROBE_OUT, String((u.user + u.system) / 1000)); });`;
let probeFile = '';
let probeOut = '';

function timed(args: readonly string[]): { ms: number; cpu: number; stdout: string; code: number | null } {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, ['--require', probeFile, ...args], {
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		env: { ...process.env, IFU_CPU_PROBE_OUT: probeOut },
	});
	const t = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return { ms: t, cpu: Number(readFileSync(probeOut, 'utf8')), stdout: r.stdout, code: r.status };
}

/** Where a `due --json` run spends its time, in this process (tsx, from source), CPU ms. */
async function breakdown(vault: string): Promise<{ list: number; read: number; index: number; schedule: number; json: number }> {
	const { listNotes, readNote } = await import('../src/cli/vault');
	const { VaultIndex } = await import('../src/core/vaultIndex');
	const { computeSchedule, selectWithin } = await import('../src/core/rules');
	const { formatJson } = await import('../src/cli/format');
	const { DEFAULT_SETTINGS } = await import('../src/core/types');
	const { endOfDay } = await import('../src/core/dates');
	const cpu = (): number => {
		const u = process.cpuUsage();
		return (u.user + u.system) / 1000;
	};
	const runs: { list: number; read: number; index: number; schedule: number; json: number }[] = [];
	for (let r = 0; r < 3; r++) {
		let t = cpu();
		const { files } = listNotes(vault);
		const list = cpu() - t;
		t = cpu();
		const texts = files.map((f) => readNote(f.abs, f.path));
		const read = cpu() - t;
		t = cpu();
		const index = new VaultIndex(DEFAULT_SETTINGS);
		files.forEach((f, i) => {
			const x = texts[i];
			if (x.ok) index.upsert(f.path, x.text);
		});
		index.applications();
		const indexMs = cpu() - t;
		t = cpu();
		const schedule = computeSchedule(index, endOfDay(TODAY), DEFAULT_SETTINGS);
		const actions = selectWithin(schedule.actions, schedule.today, 7);
		const scheduleMs = cpu() - t;
		t = cpu();
		formatJson({ today: schedule.today, actions, diagnostics: [...index.diagnostics(), ...schedule.diagnostics], within: 7 });
		const json = cpu() - t;
		runs.push({ list, read, index: indexMs, schedule: scheduleMs, json });
	}
	const m = (k: keyof (typeof runs)[number]): number => median(runs.map((x) => x[k]));
	return { list: m('list'), read: m('read'), index: m('index'), schedule: m('schedule'), json: m('json') };
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
		probeFile = join(dir, 'cpu-probe.cjs');
		probeOut = join(dir, 'cpu.txt');
		writeFileSync(probeFile, CPU_PROBE);

		// Warm the file cache and check both work.
		const check = timed([CLI, 'due', vault, '--today', TODAY, '--json']);
		const doc = JSON.parse(check.stdout) as { actions: unknown[]; diagnostics: unknown[] };
		timed([floorFile, vault]);

		const floor: number[] = [];
		const floorCpu: number[] = [];
		const due: number[] = [];
		const dueCpu: number[] = [];
		const bare: number[] = [];
		const bareCpu: number[] = [];
		const version: number[] = [];
		const versionCpu: number[] = [];
		for (let r = 0; r < rounds; r++) {
			const a = timed([floorFile, vault]);
			floor.push(a.ms);
			floorCpu.push(a.cpu);
			const b = timed([CLI, 'due', vault, '--today', TODAY, '--json']);
			due.push(b.ms);
			dueCpu.push(b.cpu);
			const c = timed(['-e', '0']);
			bare.push(c.ms);
			bareCpu.push(c.cpu);
			const v = timed([CLI, '--version']);
			version.push(v.ms);
			versionCpu.push(v.cpu);
		}
		const f = median(floor);
		const d = median(due);
		const ratio = d / f;
		const fc = median(floorCpu);
		const dc = median(dueCpu);
		const parts = await breakdown(vault);

		const interview = files.find((x) => x.kind === 'interview' && x.text.includes('follow_ups:\n'));
		if (!interview) throw new Error('the synthetic vault has no interview note with follow_ups');
		const w = await measureWatch(vault, interview.path, saves);
		const all = [...w.plain, ...w.atomic];

		const lines = [
			'## Command line (whole processes)',
			'',
			`A synthetic vault of ${notes.toLocaleString('en-US')} notes (bench/generateVault.ts); \`due --json\` found ${doc.actions.length.toLocaleString('en-US')} actions and ${doc.diagnostics.length.toLocaleString('en-US')} diagnostics. Medians of ${rounds} alternating runs.`,
			'',
			'| process | wall median | vs floor | CPU median | vs floor |',
			'|---|---:|---:|---:|---:|',
			`| floor: list, read, YAML-parse every frontmatter | ${ms(f)} | 1.00× | ${ms(fc)} | 1.00× |`,
			`| \`interview-followups due --json\` | ${ms(d)} | **${ratio.toFixed(2)}×** | ${ms(dc)} | **${(dc / fc).toFixed(2)}×** |`,
			`| \`node -e 0\` (start-up alone) | ${ms(median(bare))} | ${(median(bare) / f).toFixed(2)}× | ${ms(median(bareCpu))} | ${(median(bareCpu) / fc).toFixed(2)}× |`,
			`| \`interview-followups --version\` (start-up with the bundle) | ${ms(median(version))} | ${(median(version) / f).toFixed(2)}× | ${ms(median(versionCpu))} | ${(median(versionCpu) / fc).toFixed(2)}× |`,
			'',
			`Goal: \`due --json\` at most ${DUE_GOAL}× the floor — ${ratio <= DUE_GOAL ? 'met' : '**not met**'} (wall), ${dc / fc <= DUE_GOAL ? 'met' : '**not met**'} (CPU). CPU time is that of the process itself (a probe preloaded with \`--require\`), the steadier figure on a busy machine.`,
			'',
			'Where a `due --json` run spends its CPU time (the same steps in one process, from source, median of 3):',
			'',
			'| step | CPU | share |',
			'|---|---:|---:|',
			...(() => {
				const total = parts.list + parts.read + parts.index + parts.schedule + parts.json;
				const row = (name: string, x: number) => `| ${name} | ${ms(x)} | ${((100 * x) / total).toFixed(0)}% |`;
				return [
					row('list the vault (`src/cli/vault.ts`)', parts.list),
					row('read every note (`src/cli/vault.ts`)', parts.read),
					row('`VaultIndex.upsert` every note + `applications()` (core)', parts.index),
					row('`computeSchedule` + `selectWithin` (core)', parts.schedule),
					row('the JSON document (`src/cli/format.ts`)', parts.json),
				];
			})(),
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
