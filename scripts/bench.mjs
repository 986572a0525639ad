// npm run bench: runs every bench/*.bench.ts (each in its own Node process, through tsx)
// and writes their Markdown sections into docs/benchmarks.md.
//
// A bench file's default export is `async (options) => string`: it returns one
// Markdown section starting with `## `. Options passed on: `notes` (from --notes).
//
//   npm run bench                       every benchmark, 10,000-note vault
//   npm run bench -- --notes 100000     a bigger synthetic vault (benches that use one)
//   npm run bench -- --only vault       only bench/vault.bench.ts (repeatable, by name)
//   npm run bench -- --no-write         print, leave docs/benchmarks.md alone
//
// docs/benchmarks.md keeps one block per benchmark between
// `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`; a run replaces the blocks of
// the benchmarks it ran and keeps the others, so each section says on which
// machine and when it was measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, 'bench');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const MARK = '\u0000BENCH-SECTION\u0000';

const { values } = parseArgs({
	options: {
		notes: { type: 'string' },
		only: { type: 'string', multiple: true },
		'no-write': { type: 'boolean' },
		// Internal: run one bench file in this process and print its section.
		'run-one': { type: 'string' },
		options: { type: 'string' },
	},
});

if (values['run-one'] !== undefined) {
	// Child mode (started below with tsx loaded): import the bench, print its section.
	const mod = await import(pathToFileURL(values['run-one']).href);
	if (typeof mod.default !== 'function') {
		console.error(`${values['run-one']}: no default export function`);
		process.exit(2);
	}
	const md = await mod.default(JSON.parse(values.options ?? '{}'));
	process.stdout.write(MARK + String(md));
	process.exit(0);
}

const options = {};
if (values.notes !== undefined) {
	const n = Number(values.notes.replace(/[_,]/g, ''));
	if (!Number.isInteger(n) || n < 10) {
		console.error(`--notes ${values.notes}: give a whole number of notes (at least 10)`);
		process.exit(2);
	}
	options.notes = n;
}

const all = readdirSync(BENCH_DIR)
	.filter((f) => f.endsWith('.bench.ts'))
	.sort();
const wanted = values.only ?? [];
const chosen = wanted.length === 0 ? all : all.filter((f) => wanted.some((w) => f === w || f === `${w}.bench.ts` || f.startsWith(`${w}.`)));
if (chosen.length === 0) {
	console.error(`No benchmark matches ${wanted.join(', ')}; there are: ${all.join(', ')}`);
	process.exit(2);
}

const cpu = cpus();
const machine =
	`${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, ` +
	`Node ${process.version}, ${process.platform}/${process.arch}`;

const results = new Map();
let failed = 0;
for (const file of chosen) {
	const name = file.replace(/\.bench\.ts$/, '');
	console.error(`bench: ${file} ...`);
	const started = Date.now();
	const child = spawnSync(
		process.execPath,
		['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--run-one', join(BENCH_DIR, file), '--options', JSON.stringify(options)],
		{ cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const out = child.stdout ?? '';
	const at = out.indexOf(MARK);
	if (child.status !== 0 || at < 0) {
		failed++;
		console.error(`bench: ${file} failed (exit ${child.status ?? child.signal})`);
		if (out) console.error(out);
		continue;
	}
	if (at > 0) process.stderr.write(out.slice(0, at));
	const section = out.slice(at + MARK.length).trim();
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	const stamp = `_Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${seconds} s${
		options.notes ? `; \`--notes ${options.notes}\`` : ''
	}._`;
	// The stamp goes right under the section's heading.
	const nl = section.indexOf('\n');
	const body = nl < 0 ? `${section}\n\n${stamp}` : `${section.slice(0, nl)}\n\n${stamp}\n\n${section.slice(nl).replace(/^\n+/, '')}`;
	results.set(name, body);
	process.stdout.write(`${body}\n\n`);
}

if (!values['no-write'] && results.size > 0) {
	const header = [
		'# Benchmarks',
		'',
		'Written by `npm run bench` (scripts/bench.mjs), which runs every `bench/*.bench.ts` in its own Node process.',
		'Times are wall-clock on the machine named in each section; compare the ratios to the baseline measured in the',
		'same run rather than the absolute times. Sections are replaced only when their benchmark runs again.',
		'',
	].join('\n');
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `${header}\n`;
	if (!doc.startsWith('# Benchmarks')) doc = `${header}\n${doc}`;
	for (const [name, body] of results) {
		const open = `<!-- bench:${name} -->`;
		const close = `<!-- /bench:${name} -->`;
		const block = `${open}\n${body}\n${close}`;
		const i = doc.indexOf(open);
		const j = doc.indexOf(close);
		if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + close.length);
		else doc = `${doc.trimEnd()}\n\n${block}\n`;
	}
	writeFileSync(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
	console.error(`bench: wrote ${DOC}`);
}
process.exit(failed > 0 ? 1 : 0);
