/**
 * Benchmark of the rules engine: every action for 1,000 applications.
 * Target: at most 10 ms (median) on the reference machine.
 *
 * The default export returns a Markdown section for the bench report; run it
 * alone with `npx tsx bench/rules.bench.ts`. Times are medians over many runs,
 * next to a baseline measured in the same run (walking every interview and log
 * entry of the same applications), so the ratio is what to compare between
 * machines.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { addDays, endOfDay, type LocalDate } from '../src/core/dates';
import { computeSchedule } from '../src/core/rules';
import { DEFAULT_SETTINGS, type Application, type Interview, type LogEntry, type Person, type Status } from '../src/core/types';

const APPLICATIONS = 1000;
const RUNS = 60;
const WARMUP = 10;
const TODAY: LocalDate = '2026-11-21';
const TARGET_MS = 10;

/** A small deterministic generator, so every run measures the same vault. */
function rng(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/** 1,000 applications of 1-3 rounds with 1-3 interviewers, references, logs, snoozes and some final statuses. */
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
	const statuses: (Status | null)[] = [null, null, null, null, null, 'interviewing', 'offer', 'rejected', 'hired', 'withdrawn', 'closed'];
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
			});
		}
		applications.push({ id: `${company.toLowerCase()}|clerk`, company, role: 'Clerk', interviews });
	}
	return { applications, people };
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function time(fn: () => unknown): number[] {
	let sink = 0;
	for (let i = 0; i < WARMUP; i++) sink += Number(Boolean(fn()));
	const out: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		sink += Number(Boolean(fn()));
		out.push(performance.now() - t0);
	}
	if (sink < 0) console.log(sink); // keep the results alive
	return out;
}

export default async function rulesBench(): Promise<string> {
	const { applications, people } = syntheticPipeline();
	const input = { applications: () => applications, person: (id: string) => people.get(id) };
	const now = endOfDay(TODAY);

	// Baseline: just walk every interview, interviewer and log entry of the same applications.
	const baseline = time(() => {
		let n = 0;
		for (const app of applications) for (const iv of app.interviews) n += iv.interviewers.length + iv.followUps.length + (iv.date === null ? 0 : 1);
		return n;
	});
	let actions = 0;
	const rules = time(() => {
		const s = computeSchedule(input, now, DEFAULT_SETTINGS);
		actions = s.actions.length;
		return s;
	});
	await Promise.resolve();

	const b = median(baseline);
	const r = median(rules);
	const verdict = r <= TARGET_MS ? 'within' : 'OVER';
	return [
		'## Rules engine (`bench/rules.bench.ts`)',
		'',
		`Every action for ${APPLICATIONS.toLocaleString('en-US')} applications (${applications.reduce((n, a) => n + a.interviews.length, 0)} interview notes, ${actions} actions), median of ${RUNS} runs after ${WARMUP} warm-up runs.`,
		'',
		'| measure | median | min | max |',
		'|---|---:|---:|---:|',
		`| baseline: walk every interview and log entry | ${b.toFixed(3)} ms | ${Math.min(...baseline).toFixed(3)} ms | ${Math.max(...baseline).toFixed(3)} ms |`,
		`| \`computeSchedule\` | ${r.toFixed(3)} ms | ${Math.min(...rules).toFixed(3)} ms | ${Math.max(...rules).toFixed(3)} ms |`,
		'',
		`Ratio to the baseline: ${(r / b).toFixed(1)}×. Target: at most ${TARGET_MS} ms — ${verdict} target.`,
		'',
	].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	void rulesBench().then((md) => process.stdout.write(md));
}
