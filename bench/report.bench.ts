/**
 * `report --json` against `due --json` on the same synthetic vault
 * (bench/generateVault.ts, 10,000 notes), as whole processes, runs
 * alternated so load on the machine falls on both; medians compared.
 * Goal: report at most 1.2× due (both read the whole vault; report adds
 * the figures).
 *
 * Needs `npm run build` first. Run alone: `npx tsx bench/report.bench.ts [--notes N] [--rounds N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateVault } from './generateVault';
import { median } from './stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const GOAL = 1.2;

function run(args: string[]): number {
	const t0 = performance.now();
	const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
	const t = performance.now() - t0;
	if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
	return t;
}

export function benchReport(notes = 10_000, rounds = 5): { due: number; report: number; ratio: number } {
	const dir = mkdtempSync(join(tmpdir(), 'ifu-report-bench-'));
	try {
		const vault = join(dir, 'vault');
		generateVault(vault, { notes });
		const due: number[] = [];
		const report: number[] = [];
		// One warm-up of each, then alternate.
		run(['due', vault, '--today', '2026-11-21', '--json']);
		run(['report', vault, '--today', '2026-11-21', '--json']);
		for (let i = 0; i < rounds; i++) {
			due.push(run(['due', vault, '--today', '2026-11-21', '--json']));
			report.push(run(['report', vault, '--today', '2026-11-21', '--json']));
		}
		const d = median(due);
		const r = median(report);
		return { due: d, report: r, ratio: r / d };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
	const { values } = parseArgs({ options: { notes: { type: 'string' }, rounds: { type: 'string' } } });
	const notes = Number(values.notes ?? 10_000);
	const rounds = Number(values.rounds ?? 5);
	const r = benchReport(notes, rounds);
	process.stdout.write(
		`report --json vs due --json, ${notes} notes, medians of ${rounds} alternated runs: due ${r.due.toFixed(0)} ms, report ${r.report.toFixed(0)} ms, ` +
			`ratio ${r.ratio.toFixed(2)} (goal ≤ ${GOAL}) ${r.ratio <= GOAL ? 'met' : 'MISSED'}\n`,
	);
}
