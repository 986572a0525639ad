/**
 * Benchmark of the built command line (dist/cli.cjs) as whole processes.
 *
 * Vaults: 10,000 generated notes (bench/generateVault.ts) as Obsidian's
 * Properties panel writes them (block lists, contacts as text), 10,000 as
 * people type them (flow lists, contacts as objects), the real
 * ../shared/corpora/obsidian-hub (skipped when absent), and 100,000 notes in
 * the Properties panel's style.
 *
 * - Floors, each a Node process of its own: list the vault and read every
 *   note; the same plus js-yaml 4 `load` with the core schema of every
 *   frontmatter (the fastest plain way to read the properties, and one that
 *   keeps dates as text as we must); the same with the `yaml` package.
 * - `due --json`: our process, from start to exit, stdout read to the end.
 *   Goal: at most 1.5× the js-yaml floor in every row. Runs alternate (floors,
 *   then ours, round after round), so load on the machine falls on all;
 *   medians are compared.
 * - Memory: the peak resident set of each process, and what `due --json`
 *   holds beyond `node -e 0`, per 10,000 notes.
 * - Start-up: `node -e 0` and `interview-followups --version`, for scale.
 * - `watch` latency (the Properties-panel vault): an interview note is saved
 *   (plainly, and atomically: a temporary file renamed over it) and the time
 *   until the next JSON line arrives is measured. Goal: 300 ms (median).
 *
 * Needs `npm run build` first. Run alone: `npx tsx bench/cli.bench.ts [--notes N] [--large N]`.
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
import { generateVault, type GenerateOptions } from './generateVault';
import { median, quantile } from './stats';

export interface CliBenchOptions {
	/** Notes in each generated vault (default 10,000). */
	notes?: number;
	/** Notes in the large vault (default 100,000; 0 leaves it out). */
	large?: number;
	/** Alternating rounds (default 5). */
	rounds?: number;
	/** Saves timed in watch (default 30 of each kind). */
	saves?: number;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const HUB = join(ROOT, '..', 'shared', 'corpora', 'obsidian-hub');
const DUE_GOAL = 1.5;
const WATCH_GOAL_MS = 300;
const TODAY = '2026-11-21';

function ms(x: number): string {
	return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
}

function mb(kb: number): string {
	return `${(kb / 1024).toFixed(0)} MB`;
}

type Floor = 'read' | 'js-yaml' | 'yaml';
const FLOORS: readonly Floor[] = ['read', 'js-yaml', 'yaml'];

/** A floor as a standalone script: list, read, and (but for `read`) parse each frontmatter. */
function floorScript(kind: Floor): string {
	const parser =
		kind === 'read'
			? 'null'
			: kind === 'js-yaml'
				? `((y) => (src) => y.load(src, { schema: y.CORE_SCHEMA }))(require(${JSON.stringify(join(ROOT, 'node_modules', 'js-yaml'))}))`
				: `require(${JSON.stringify(join(ROOT, 'node_modules', 'yaml'))}).parse`;
	return `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const parse = ${parser};
const root = process.argv[2];
let n = 0;
for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
	if (!entry.endsWith('.md')) continue;
	const text = readFileSync(join(root, entry), 'utf8');
	n += text.length > 0 ? 1 : 0;
	if (parse === null || !/^---\\r?\\n/.test(text)) continue;
	const end = text.indexOf('\\n---', 3);
	if (end < 0) continue;
	try {
		const data = parse(text.slice(text.indexOf('\\n') + 1, end));
		if (data !== null && typeof data === 'object') n += Object.keys(data).length;
	} catch {}
}
process.stdout.write(String(n) + '\\n');
`;
}

/** Preloaded into each measured process: writes its own CPU time (user + system, ms) and peak RSS (kB) at exit. */
const CPU_PROBE = `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.IFU_CPU_PROBE_OUT, JSON.stringify({ cpu: (u.user + u.system) / 1000, rss: process.resourceUsage().maxRSS })); });`;
let probeFile = '';
let probeOut = '';

function timed(args: readonly string[]): { ms: number; cpu: number; rss: number; stdout: string } {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, ['--require', probeFile, ...args], {
		encoding: 'utf8',
		maxBuffer: 512 * 1024 * 1024,
		env: { ...process.env, IFU_CPU_PROBE_OUT: probeOut },
	});
	const t = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	const probe = JSON.parse(readFileSync(probeOut, 'utf8')) as { cpu: number; rss: number };
	return { ms: t, cpu: probe.cpu, rss: probe.rss, stdout: r.stdout };
}

interface Row {
	vault: string;
	notes: number;
	actions: number;
	/** Medians over the rounds, wall ms. */
	floors: Record<Floor, number>;
	due: number;
	dueCpu: number;
	jsYamlCpu: number;
	dueRss: number;
	jsYamlRss: number;
}

/** Alternating rounds of the three floors and `due --json` on one vault. */
function measureVault(vault: string, label: string, notes: number, rounds: number, floorFiles: Record<Floor, string>): Row {
	const check = timed([CLI, 'due', vault, '--today', TODAY, '--json']);
	const doc = JSON.parse(check.stdout) as { actions: unknown[] };
	for (const f of FLOORS) timed([floorFiles[f], vault]);
	const wall: Record<Floor | 'due', number[]> = { read: [], 'js-yaml': [], yaml: [], due: [] };
	const cpu: Record<'js-yaml' | 'due', number[]> = { 'js-yaml': [], due: [] };
	const rss: Record<'js-yaml' | 'due', number[]> = { 'js-yaml': [], due: [] };
	for (let r = 0; r < rounds; r++) {
		for (const f of FLOORS) {
			const x = timed([floorFiles[f], vault]);
			wall[f].push(x.ms);
			if (f === 'js-yaml') {
				cpu[f].push(x.cpu);
				rss[f].push(x.rss);
			}
		}
		const d = timed([CLI, 'due', vault, '--today', TODAY, '--json']);
		wall.due.push(d.ms);
		cpu.due.push(d.cpu);
		rss.due.push(d.rss);
	}
	return {
		vault: label,
		notes,
		actions: doc.actions.length,
		floors: { read: median(wall.read), 'js-yaml': median(wall['js-yaml']), yaml: median(wall.yaml) },
		due: median(wall.due),
		dueCpu: median(cpu.due),
		jsYamlCpu: median(cpu['js-yaml']),
		dueRss: median(rss.due),
		jsYamlRss: median(rss['js-yaml']),
	};
}

/** Where a `due --json` run spends its time, in this process (tsx, from source), CPU ms. */
async function breakdown(vault: string): Promise<{ list: number; read: number; index: number; schedule: number; json: number }> {
	const { listNotes, readListedNote } = await import('../src/cli/vault');
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
		const texts = files.map((f) => readListedNote(f.abs, f.path));
		const read = cpu() - t;
		t = cpu();
		const index = new VaultIndex(DEFAULT_SETTINGS);
		files.forEach((f, i) => {
			const x = texts[i];
			if (x.ok) index.upsert(f.path, x.text, x.mtime);
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
	const large = options.large ?? 100_000;
	const rounds = options.rounds ?? 5;
	const saves = options.saves ?? 30;
	const dir = mkdtempSync(join(tmpdir(), 'ifu-cli-bench-'));
	try {
		const floorFiles = {} as Record<Floor, string>;
		for (const f of FLOORS) {
			floorFiles[f] = join(dir, `floor-${f}.cjs`);
			writeFileSync(floorFiles[f], floorScript(f));
		}
		probeFile = join(dir, 'cpu-probe.cjs');
		probeOut = join(dir, 'cpu.txt');
		writeFileSync(probeFile, CPU_PROBE);
		const n = (x: number): string => x.toLocaleString('en-US');

		const rows: Row[] = [];
		const generated = (name: string, opts: GenerateOptions, label: string): string => {
			const vault = join(dir, name);
			const files = generateVault(vault, opts);
			console.error(`bench: cli: ${label} ...`);
			rows.push(measureVault(vault, label, files.length, rounds, floorFiles));
			return vault;
		};
		const propertiesVault = generated('properties', { notes, style: 'properties' }, `${n(notes)} generated notes as Obsidian's Properties panel writes them (block lists, contacts as text)`);
		generated('typed', { notes, style: 'typed' }, `${n(notes)} generated notes as people type them (flow lists \`tags: [a, b]\`, contacts as objects)`);
		if (existsSync(HUB)) {
			console.error('bench: cli: obsidian-hub ...');
			const count = Number(timed([floorFiles.read, HUB]).stdout.trim());
			rows.push(measureVault(HUB, '`../shared/corpora/obsidian-hub` (real)', count, rounds, floorFiles));
		}
		if (large > 0) {
			generated('large', { notes: large, style: 'properties' }, `${n(large)} generated notes, Properties panel style`);
			rmSync(join(dir, 'large'), { recursive: true, force: true });
		}

		const bare: number[] = [];
		const bareRss: number[] = [];
		const version: number[] = [];
		for (let r = 0; r < rounds; r++) {
			const c = timed(['-e', '0']);
			bare.push(c.ms);
			bareRss.push(c.rss);
			version.push(timed([CLI, '--version']).ms);
		}
		const baseRss = median(bareRss);
		const parts = await breakdown(propertiesVault);
		const generatedFiles = generateVault(join(dir, 'watch'), { notes, style: 'properties' });
		const interview = generatedFiles.find((x) => x.kind === 'interview' && x.text.includes('follow_ups:\n'));
		if (!interview) throw new Error('the synthetic vault has no interview note with follow_ups');
		const w = await measureWatch(join(dir, 'watch'), interview.path, saves);
		const all = [...w.plain, ...w.atomic];
		const met = rows.every((r) => r.due / r.floors['js-yaml'] <= DUE_GOAL);

		const lines = [
			'## Command line (whole processes)',
			'',
			`Medians of ${rounds} alternating runs; each floor is a Node process of its own that lists the vault and reads every note ("list+read"), then parses every frontmatter with js-yaml 4 (\`load\`, core schema) or with the \`yaml\` package. The ratio is \`due --json\` over the js-yaml floor.`,
			'',
			'| vault | notes | actions | list+read | js-yaml floor | `yaml` floor | `due --json` | ratio (wall) | ratio (CPU) |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|',
			...rows.map(
				(r) =>
					`| ${r.vault} | ${n(r.notes)} | ${n(r.actions)} | ${ms(r.floors.read)} | ${ms(r.floors['js-yaml'])} | ${ms(r.floors.yaml)} | ${ms(r.due)} | **${(r.due / r.floors['js-yaml']).toFixed(2)}×** | ${(r.dueCpu / r.jsYamlCpu).toFixed(2)}× |`,
			),
			'',
			`Goal: \`due --json\` at most ${DUE_GOAL}× the js-yaml floor in every row — ${met ? 'met' : '**not met**'}. CPU time is that of each process itself (a probe preloaded with \`--require\`), the steadier figure on a busy machine.`,
			'',
			`Memory (peak resident set; \`node -e 0\` alone: ${mb(baseRss)}):`,
			'',
			'| vault | js-yaml floor | `due --json` | `due --json` beyond `node -e 0`, per 10,000 notes |',
			'|---|---:|---:|---:|',
			...rows.map((r) => `| ${r.vault} | ${mb(r.jsYamlRss)} | ${mb(r.dueRss)} | ${mb(((r.dueRss - baseRss) * 10_000) / r.notes)} |`),
			'',
			`Start-up, for scale: \`node -e 0\` ${ms(median(bare))}; \`interview-followups --version\` (start-up with the bundle) ${ms(median(version))}.`,
			'',
			'Where a `due --json` run spends its CPU time on the first vault (the same steps in one process, from source, median of 3):',
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
			`\`watch --json\` on the first vault: first list after ${ms(w.firstList)}; from a save to the fresh list (the 100 ms quiet time included), ` +
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
	const { values } = parseArgs({ options: { notes: { type: 'string' }, large: { type: 'string' }, rounds: { type: 'string' }, saves: { type: 'string' } } });
	const md = await cliBench({
		notes: values.notes ? Number(values.notes) : undefined,
		large: values.large ? Number(values.large) : undefined,
		rounds: values.rounds ? Number(values.rounds) : undefined,
		saves: values.saves ? Number(values.saves) : undefined,
	});
	process.stdout.write(`${md}\n`);
}
