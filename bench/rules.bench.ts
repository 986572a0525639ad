/**
 * Benchmark of the rules engine: every action for 1,000 applications.
 * Target (issue #11, rules v2): at most 50 ms (median).
 *
 * Follows scripts/bench.mjs: the default export returns a Markdown section
 * (`npm run bench -- --only rules`); run it alone with
 * `npx tsx bench/rules.bench.ts`. Times are medians over many runs, next to a
 * baseline measured in the same run (walking every interview and log entry of
 * the same applications) and a reference (serialising the result), so the
 * ratios are what to compare between machines.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addDays, endOfDay, type LocalDate } from '../src/core/dates';
import { computeSchedule } from '../src/core/rules';
import { DEFAULT_SETTINGS, type Application, type Interview, type LogEntry, type Person, type Status } from '../src/core/types';
import { median, quantile } from './stats';

const APPLICATIONS = 1000;
const RUNS = 100;
const WARMUP = 20;
const TODAY: LocalDate = '2026-11-21';
const TARGET_MS = 50;

/** A small deterministic generator, so every run measures the same vault. */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/**
 * 1,000 applications of 1-3 rounds with 1-3 interviewers, references, logs,
 * snoozes and some final statuses, some of them undated (dated by the note's
 * modification day), offers with and without a deadline. No one is hired: a
 * hire would leave every other application only its withdrawal.
 */
export function syntheticPipeline(count = APPLICATIONS): { applications: Application[]; people: Map<string, Person> } {
	const rand = rng(42);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
	const people = new Map<string, Person>();
	const person = (name: string, titled: boolean): string => {
		const id = name.toLowerCase();
		if (!people.has(id)) {
			people.set(id, {
				id,
				name,
				title: titled ? 'Manager' : null,
				email: `${id.replace(/\s+/g, '.')}@example.com`,
				phone: null,
				company: null,
				path: null,
				topics: rand() < 0.5 ? ['sailing', 'open data'] : [],
			});
		}
		return id;
	};
	const statuses: (Status | null)[] = [null, null, null, null, null, 'interviewing', 'offer', 'rejected', 'withdrawn', 'closed'];
	const kinds = ['thank-you', 'reference-alert', 'ask-timeline', 'status-check', 'contact'] as const;
	const applications: Application[] = [];
	for (let a = 0; a < count; a++) {
		const company = `Company ${a}`;
		const rounds = 1 + Math.floor(rand() * 3);
		const start = addDays(TODAY, -Math.floor(rand() * 60));
		const interviews: Interview[] = [];
		for (let r = 0; r < rounds; r++) {
			const date = addDays(start, r * 9);
			const interviewers = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, i) => person(`Person ${a}-${r}-${i}`, rand() < 0.8));
			const followUps: LogEntry[] = [];
			for (let l = 0; l < Math.floor(rand() * 4); l++) {
				followUps.push({
					date: addDays(date, Math.floor(rand() * 12)),
					kind: pick(kinds),
					person: rand() < 0.5 ? null : (people.get(interviewers[0])?.name ?? null),
					text: null,
					source: 'frontmatter',
				});
			}
			const status = r === rounds - 1 ? pick(statuses) : null;
			if (status === 'rejected' && rand() < 0.5) followUps.push({ date: addDays(date, 5), kind: 'rejected', person: null, text: null, source: 'frontmatter' });
			interviews.push({
				path: `Interviews/${company} ${r + 1}.md`,
				date: { date, time: rand() < 0.5 ? '10:00' : null, offset: null },
				interviewers,
				contact: rand() < 0.3 ? person(`Recruiter ${a}`, true) : null,
				decisionDate: rand() < 0.3 ? addDays(date, 14 + Math.floor(rand() * 20)) : null,
				nextInterview: rand() < 0.1 ? { date: addDays(TODAY, 3), time: null, offset: null } : null,
				references: r === 0 && rand() < 0.5 ? [person(`Reference ${a}`, true)] : [],
				status,
				followUps,
				snoozes: rand() < 0.1 ? [{ until: addDays(TODAY, 2), kind: 'thank-you', person: null }] : [],
				interviewerMissingTitle: interviewers.some((id) => people.get(id)?.title === null),
				modified: addDays(date, Math.floor(rand() * 10)),
				...(status === 'offer' && rand() < 0.5 ? { offerDeadline: addDays(date, 10) } : {}),
			});
		}
		applications.push({ id: `${company.toLowerCase()}|clerk`, company, role: 'Clerk', interviews });
	}
	return { applications, people };
}

/** Wall and CPU time of each run of each task; the tasks alternate, so load on the machine falls on all of them. */
function measure(tasks: Record<string, () => unknown>, runs: number, warmup: number): Record<string, { wall: number[]; cpu: number[] }> {
	const out: Record<string, { wall: number[]; cpu: number[] }> = {};
	const names = Object.keys(tasks);
	for (const n of names) out[n] = { wall: [], cpu: [] };
	let sink = 0;
	for (let r = 0; r < warmup + runs; r++) {
		for (const n of names) {
			const c0 = process.cpuUsage();
			const t0 = performance.now();
			sink += Number(Boolean(tasks[n]()));
			const wall = performance.now() - t0;
			const c = process.cpuUsage(c0);
			if (r >= warmup) {
				out[n].wall.push(wall);
				out[n].cpu.push((c.user + c.system) / 1000);
			}
		}
	}
	if (sink < 0) console.log(sink); // keep the results alive
	return out;
}

const ms = (x: number): string => `${x < 1 ? x.toFixed(3) : x.toFixed(2)} ms`;

export default async function rulesBench(): Promise<string> {
	const now = endOfDay(TODAY);
	const { applications, people } = syntheticPipeline();
	const input = { applications: () => applications, person: (id: string) => people.get(id) };
	const first = computeSchedule(input, now, DEFAULT_SETTINGS);

	const m = measure(
		{
			// Baseline: just walk every interview, interviewer and log entry of the same applications.
			walk: () => {
				let n = 0;
				for (const app of applications) for (const iv of app.interviews) n += iv.interviewers.length + iv.followUps.length + (iv.date === null ? 0 : 1);
				return n;
			},
			rules: () => computeSchedule(input, now, DEFAULT_SETTINGS),
			// Reference: what the command line does next with the result (`due --json`).
			json: () => JSON.stringify(first.actions),
		},
		RUNS,
		WARMUP,
	);

	// Scaling: ten times as many applications.
	const big = syntheticPipeline(APPLICATIONS * 10);
	const bigInput = { applications: () => big.applications, person: (id: string) => big.people.get(id) };
	const m10 = measure({ rules: () => computeSchedule(bigInput, now, DEFAULT_SETTINGS) }, 15, 3);
	await Promise.resolve();

	const r = median(m.rules.wall);
	const b = median(m.walk.wall);
	const load = loadavg()[0];
	const notes = applications.reduce((n, a) => n + a.interviews.length, 0);
	const row = (label: string, x: { wall: number[]; cpu: number[] }): string =>
		`| ${label} | ${ms(median(x.wall))} | ${ms(quantile(x.wall, 0.25))} | ${ms(Math.min(...x.wall))} | ${ms(median(x.cpu))} |`;
	return [
		'## Rules engine (`bench/rules.bench.ts`)',
		'',
		`\`computeSchedule\`: every action for ${APPLICATIONS.toLocaleString('en-US')} synthetic applications (${notes.toLocaleString('en-US')} interview notes, ` +
			`1-3 rounds, 1-3 interviewers, references, logs, snoozes, every status but hired; ${first.actions.length.toLocaleString('en-US')} actions listed), ` +
			`as of ${TODAY}. ${RUNS} runs after ${WARMUP} warm-up runs, alternating with the baseline and the reference so load falls on all three.`,
		'',
		'| measure | median | p25 | min | CPU time (median) |',
		'|---|---:|---:|---:|---:|',
		row('baseline: walk every interview, interviewer and log entry', m.walk),
		row('`computeSchedule`, 1,000 applications', m.rules),
		row('reference: `JSON.stringify` of the actions (what `due --json` does next)', m.json),
		row('`computeSchedule`, 10,000 applications (15 runs)', m10.rules),
		'',
		`Median ${ms(r)}: ${r <= TARGET_MS ? 'within' : 'over'} the target of at most ${TARGET_MS} ms for 1,000 applications; ` +
			`${(r / b).toFixed(0)}× the walk baseline, ${(r / median(m.json.wall)).toFixed(1)}× serialising the result. ` +
			`Load average during the run: ${load.toFixed(1)} on ${cpus().length} cores (times on a loaded machine are inflated; the CPU time column is less so).`,
		'',
	].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	void rulesBench().then((md) => process.stdout.write(md));
}
