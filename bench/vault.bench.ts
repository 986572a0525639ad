/**
 * Benchmark of the note parser and the vault index on a synthetic vault
 * (bench/generateVault.ts) written to a temporary folder.
 *
 * - Floor: list the folder, read every file, YAML-parse every frontmatter the
 *   fastest plain way (slice the fence by hand, `yaml`'s `parse`).
 * - Build: list, read and `VaultIndex.upsert` every file, then ask for
 *   `applications()` once (so the lazily derived applications are counted).
 *   Goal: at most 1.5× the floor.
 * - Incremental: edit one interview note (a new follow-up line) and upsert it,
 *   then `applications()`; also a person-note edit. Goal: median at most
 *   1 ms, p95 at most 5 ms.
 * - Memory: heap of an index of the interview notes alone, per interview
 *   note; and of the whole vault's index, per note.
 *
 * Floor and build runs alternate, so load on the machine falls on both.
 * Run alone: `npx tsx bench/vault.bench.ts [--notes 100000]`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'yaml';
import { VaultIndex } from '../src/core/vaultIndex';
import { readFrontmatter, readFrontmatterByYaml } from '../src/core/frontmatter';
import { readSimpleYaml } from '../src/core/frontmatter/fastYaml';
import { scanFence } from '../src/core/frontmatter/fence';
import { buildNote, scanNote } from '../src/core/note';
import { DEFAULT_SETTINGS } from '../src/core/types';
import { generateVault, generateVaultFiles, type VaultFile } from './generateVault';
import { median, quantile } from './stats';

export interface VaultBenchOptions {
	/** Number of notes in the synthetic vault (default 10,000). */
	notes?: number;
	/** Alternating floor/build rounds (default 3). */
	rounds?: number;
	/** Incremental updates measured (default 300). */
	updates?: number;
}

const BUILD_GOAL = 1.5;
const MEDIAN_GOAL_MS = 1;
const P95_GOAL_MS = 5;

/** Every `.md` file under `root`, vault-relative with `/`. */
function listNotes(root: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
		if (entry.endsWith('.md')) out.push(entry.split('\\').join('/'));
	}
	return out;
}

/** The floor: list, read, and YAML-parse each frontmatter with a hand-sliced fence. */
function floorPass(root: string, parseYaml: (src: string) => unknown = parse): number {
	let keys = 0;
	for (const path of listNotes(root)) {
		const text = readFileSync(join(root, path), 'utf8');
		if (!text.startsWith('---\n')) continue;
		const end = text.indexOf('\n---', 3);
		if (end < 0) continue;
		try {
			const data: unknown = parseYaml(text.slice(4, end));
			if (data !== null && typeof data === 'object') keys += Object.keys(data).length;
		} catch {
			// An invalid block counts as read.
		}
	}
	return keys;
}

/**
 * js-yaml 4, when present (a dependency of the tooling, not of this project,
 * whose lint rules ban it): the fastest YAML parser at hand, for a comparison
 * row. Its core schema keeps dates as strings, as the floor must.
 */
interface JsYaml {
	load(src: string, opts?: { schema?: unknown }): unknown;
	CORE_SCHEMA: unknown;
}
function loadJsYaml(): JsYaml | null {
	try {
		const mod = createRequire(import.meta.url)('js-yaml') as JsYaml;
		return typeof mod.load === 'function' && mod.CORE_SCHEMA !== undefined ? mod : null;
	} catch {
		return null;
	}
}

function jsYamlOf(js: JsYaml, text: string): unknown {
	if (!text.startsWith('---\n')) return null;
	const end = text.indexOf('\n---', 3);
	if (end < 0) return null;
	try {
		return js.load(text.slice(4, end), { schema: js.CORE_SCHEMA });
	} catch {
		return null;
	}
}

function yamlOf(text: string): unknown {
	if (!text.startsWith('---\n')) return null;
	const end = text.indexOf('\n---', 3);
	if (end < 0) return null;
	try {
		return parse(text.slice(4, end));
	} catch {
		return null;
	}
}

/** Our build: list, read, upsert every note, derive the applications. */
function buildPass(root: string): VaultIndex {
	const index = new VaultIndex(DEFAULT_SETTINGS);
	for (const path of listNotes(root)) index.upsert(path, readFileSync(join(root, path), 'utf8'));
	index.applications();
	return index;
}

/** V8's collector, reached without `--expose-gc` on the command line (null if the flag cannot be set). */
const collect: (() => void) | null = (() => {
	try {
		setFlagsFromString('--expose-gc');
		const fn: unknown = runInNewContext('gc');
		return typeof fn === 'function' ? (fn as () => void) : null;
	} catch {
		return null;
	}
})();

function gc(): void {
	if (collect) {
		collect();
		collect();
	}
}

function heapUsed(): number {
	gc();
	return process.memoryUsage().heapUsed;
}

/** CPU time (user + system, all threads of this process) since `from`, in ms. */
function cpuMs(from: ReturnType<typeof process.cpuUsage>): number {
	const d = process.cpuUsage(from);
	return (d.user + d.system) / 1000;
}

function ms(x: number): string {
	return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(3)} ms`;
}

function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The edited text of an interview note: one more follow-up entry, dated by `n`. */
function editInterview(text: string, n: number): string {
	const day = String(1 + (n % 28)).padStart(2, '0');
	return text.replace('follow_ups:\n', `follow_ups:\n  - "2027-01-${day} status-check — call ${n}"\n`);
}

function editPerson(text: string, n: number): string {
	return text.replace(/^title: .*$/m, n % 2 === 0 ? 'title: Head of People' : `title: Director ${n}`);
}

function timeUpdates(index: VaultIndex, files: readonly VaultFile[], count: number, edit: (text: string, n: number) => string, withApps: boolean): number[] {
	const times: number[] = [];
	for (let n = 0; n < count; n++) {
		const f = files[(n * 7919) % files.length];
		const text = edit(f.text, n);
		const t0 = performance.now();
		index.upsert(f.path, text);
		if (withApps) index.applications();
		times.push(performance.now() - t0);
	}
	// Put the notes back as they were.
	for (const f of files) index.upsert(f.path, f.text);
	index.applications();
	return times;
}

export default async function vaultBench(options: VaultBenchOptions = {}): Promise<string> {
	const notes = options.notes ?? 10_000;
	const rounds = options.rounds ?? (notes > 20_000 ? 3 : 5);
	const updates = options.updates ?? 300;
	const root = mkdtempSync(join(tmpdir(), 'ifu-bench-vault-'));
	try {
		const files = generateVault(root, { notes });
		const interviews = files.filter((f) => f.kind === 'interview');
		const persons = files.filter((f) => f.kind === 'person');
		const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);

		// The same floor with js-yaml, for comparison (not the goal: see loadJsYaml).
		const js = loadJsYaml();
		const jsParse = js === null ? null : (src: string): unknown => js.load(src, { schema: js.CORE_SCHEMA });

		// Warm-up: the OS file cache and the JIT, for both passes.
		floorPass(root);
		buildPass(root);
		if (jsParse !== null) floorPass(root, jsParse);

		const floor: number[] = [];
		const build: number[] = [];
		const floorCpu: number[] = [];
		const buildCpu: number[] = [];
		const floorJs: number[] = [];
		const floorJsCpu: number[] = [];
		let index: VaultIndex | null = null;
		for (let r = 0; r < rounds; r++) {
			if (jsParse !== null) {
				gc();
				const j0 = process.cpuUsage();
				const jt = performance.now();
				floorPass(root, jsParse);
				floorJs.push(performance.now() - jt);
				floorJsCpu.push(cpuMs(j0));
			}
			gc();
			let c0 = process.cpuUsage();
			let t0 = performance.now();
			floorPass(root);
			floor.push(performance.now() - t0);
			floorCpu.push(cpuMs(c0));
			index = null;
			gc();
			c0 = process.cpuUsage();
			t0 = performance.now();
			index = buildPass(root);
			build.push(performance.now() - t0);
			buildCpu.push(cpuMs(c0));
		}
		if (index === null) throw new Error('no build round ran');
		const apps = index.applications().length;
		const people = index.people().length;
		const diagnostics = index.diagnostics().length;
		const f = median(floor);
		const b = median(build);
		const ratio = b / f;
		const fc = median(floorCpu);
		const bc = median(buildCpu);
		const cpuRatio = bc / fc;

		// Where the time goes: each stage over the texts in memory (no I/O), CPU time, medians.
		const stages: Array<[string, () => unknown]> = [
			['`yaml.parse` of each hand-sliced frontmatter (the floor without I/O)', () => files.map((x) => yamlOf(x.text))],
			['`readFrontmatter` (the frontmatter reader: fence rules, gray-matter, the fast reader or the `yaml` document, key lines, warnings)', () => files.map((x) => readFrontmatter(x.path, x.text))],
			['`readFrontmatter` with the fast reader off (every block through the `yaml` document, as a note outside its subset)', () => files.map((x) => readFrontmatterByYaml(x.path, x.text))],
			['`scanNote` (the reader + the section scan)', () => files.map((x) => scanNote(x.path, x.text))],
			['`parseNote` (everything per note)', () => files.map((x) => buildNote(x.path, scanNote(x.path, x.text), DEFAULT_SETTINGS))],
			['`VaultIndex.upsert` of every note + `applications()`', () => {
				const vi = new VaultIndex(DEFAULT_SETTINGS);
				for (const x of files) vi.upsert(x.path, x.text);
				return vi.applications();
			}],
		];
		if (js !== null) {
			stages.push([
				'for comparison: js-yaml `load` (core schema) of each hand-sliced frontmatter, a faster YAML parser this project does not use',
				() => files.map((x) => jsYamlOf(js, x.text)),
			]);
		}
		const stageCpu = stages.map(([label, run]) => {
			const times: number[] = [];
			for (let r = 0; r < 3; r++) {
				gc();
				const c0 = process.cpuUsage();
				run();
				times.push(cpuMs(c0));
			}
			return [label, median(times)] as const;
		});
		const stageBase = stageCpu[0][1];
		// How many frontmatter blocks the fast reader takes (the others go through `yaml`).
		let blocks = 0;
		let fast = 0;
		for (const x of files) {
			const fence = scanFence(x.text);
			if (fence.kind !== 'fenced') continue;
			blocks++;
			const src = x.text.slice(fence.bom + 3, fence.closeStart - 1);
			if (readSimpleYaml(src.endsWith('\r') ? src.slice(0, -1) : src) !== null) fast++;
		}

		// Incremental updates (warm the path first).
		timeUpdates(index, interviews, 50, editInterview, true);
		const inc = timeUpdates(index, interviews, updates, editInterview, true);
		const incUpsertOnly = timeUpdates(index, interviews, updates, editInterview, false);
		const incPerson = timeUpdates(index, persons, Math.min(updates, persons.length * 4), editPerson, true);
		await Promise.resolve();

		// Memory: an index of the interview notes alone, then the whole index. The texts are
		// read from disk afresh, so whatever the index keeps of them is counted too.
		index = null;
		const paths = files.map((x) => x.path);
		const readAll = (only: boolean): VaultIndex => {
			const vi = new VaultIndex(DEFAULT_SETTINGS);
			for (const path of paths) if (!only || path.startsWith('Interviews/')) vi.upsert(path, readFileSync(join(root, path), 'utf8'));
			vi.applications();
			vi.people();
			return vi;
		};
		const h0 = heapUsed();
		let held: VaultIndex | null = readAll(true);
		const h1 = heapUsed();
		const interviewOnly = held.applications().length;
		held = null;
		const h2 = heapUsed();
		held = readAll(false);
		const h3 = heapUsed();
		held = null;
		const gcOn = collect !== null;

		const incMedian = median(inc);
		const incP95 = quantile(inc, 0.95);
		const verdict = (ok: boolean): string => (ok ? 'within goal' : '**MISSES goal**');
		return [
			'## Note parser and vault index (`bench/vault.bench.ts`)',
			'',
			`Synthetic vault (\`bench/generateVault.ts\`): ${notes.toLocaleString('en-US')} notes, ${(bytes / 1024 / 1024).toFixed(1)} MB ` +
				`(${interviews.length.toLocaleString('en-US')} interview notes in ${apps.toLocaleString('en-US')} applications, ` +
				`${persons.length.toLocaleString('en-US')} person notes, ${people.toLocaleString('en-US')} people, ${diagnostics} diagnostics), ` +
				`on disk in a temporary folder. Medians of ${rounds} alternating rounds after a warm-up round.`,
			'',
			'| measure | wall median | min | max | CPU median |',
			'|---|---:|---:|---:|---:|',
			`| floor: list + read + \`yaml.parse\` of each hand-sliced frontmatter | ${ms(f)} | ${ms(Math.min(...floor))} | ${ms(Math.max(...floor))} | ${ms(fc)} |`,
			`| build: list + read + \`VaultIndex.upsert\` of each note + \`applications()\` | ${ms(b)} | ${ms(Math.min(...build))} | ${ms(Math.max(...build))} | ${ms(bc)} |`,
			'',
			`Build / floor: **${ratio.toFixed(2)}×** wall clock, **${cpuRatio.toFixed(2)}×** CPU time (goal ≤ ${BUILD_GOAL}×) — ${verdict(ratio <= BUILD_GOAL)}. ` +
				`Per note: floor ${((f * 1000) / notes).toFixed(0)} µs, build ${((b * 1000) / notes).toFixed(0)} µs. ` +
				'CPU time counts every thread of the process (the garbage collector\'s helpers too); on a busy machine it is the steadier figure.',
			...(floorJs.length === 0
				? []
				: [
						'',
						`For comparison, the same floor with js-yaml's \`load\` (core schema; not this project's parser, see the note below): ` +
							`${ms(median(floorJs))} wall, ${ms(median(floorJsCpu))} CPU; the build is **${(b / median(floorJs)).toFixed(2)}×** that floor (wall), ` +
							`**${(bc / median(floorJsCpu)).toFixed(2)}×** (CPU).`,
					]),
			'',
			'Where the time goes (texts in memory, no I/O; CPU time, median of 3):',
			'',
			'| stage | CPU | × `yaml.parse` |',
			'|---|---:|---:|',
			...stageCpu.map(([label, t]) => `| ${label} | ${ms(t)} | ${(t / stageBase).toFixed(2)} |`),
			'',
			`The fast frontmatter reader (\`src/core/frontmatter/fastYaml.ts\`) takes ${fast.toLocaleString('en-US')} of the ${blocks.toLocaleString('en-US')} frontmatter blocks of this vault; the others go through \`yaml\`.`,
			'',
			`Incremental update of one interview note (${updates} edits of different notes, text in memory):`,
			'',
			'| measure | median | p95 | max |',
			'|---|---:|---:|---:|',
			`| \`upsert\` + \`applications()\` | ${ms(incMedian)} | ${ms(incP95)} | ${ms(Math.max(...inc))} |`,
			`| \`upsert\` alone | ${ms(median(incUpsertOnly))} | ${ms(quantile(incUpsertOnly, 0.95))} | ${ms(Math.max(...incUpsertOnly))} |`,
			`| person note edit (\`upsert\` + \`applications()\`, re-derives the applications linking to it) | ${ms(median(incPerson))} | ${ms(quantile(incPerson, 0.95))} | ${ms(Math.max(...incPerson))} |`,
			'',
			`Goal median ≤ ${MEDIAN_GOAL_MS} ms, p95 ≤ ${P95_GOAL_MS} ms — ${verdict(incMedian <= MEDIAN_GOAL_MS && incP95 <= P95_GOAL_MS)}.`,
			'',
			gcOn
				? `Memory (V8 heap after GC; what the index keeps of the texts is counted): index of the ${interviews.length.toLocaleString('en-US')} interview notes alone ` +
					`(${interviewOnly} applications) ${kb(h1 - h0)}, **${kb((h1 - h0) / interviews.length)} per interview note**; ` +
					`index of the whole vault ${kb(h3 - h2)}, ${kb((h3 - h2) / notes)} per note (every note keeps its frontmatter for \`note(path)\`).`
				: 'Memory: not measured (V8 would not expose its garbage collector).',
			'',
		].join('\n');
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Quick look at the generated texts, for a reader of this file. */
export function sampleNotes(): VaultFile[] {
	const files = generateVaultFiles({ notes: 40 });
	return [files.find((f) => f.kind === 'interview'), files.find((f) => f.kind === 'person'), files.find((f) => f.kind === 'other')].filter(
		(f): f is VaultFile => f !== undefined,
	);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const i = process.argv.indexOf('--notes');
	const notes = i > 0 ? Number(process.argv[i + 1]) : undefined;
	void vaultBench({ notes }).then((md) => process.stdout.write(md));
}
