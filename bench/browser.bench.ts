/**
 * Benchmark of the plugin in Chromium (the harness of harness/, the built main.js):
 *
 * - Start: a vault of 10,000 notes with 1,000 interview notes (bench/generateVault.ts), the
 *   plugin's view open in the sidebar as Obsidian restores it, on 2026-11-21. Measured from the
 *   layout being ready to the first frame painted after the view shows the whole list. Baseline
 *   in the same page: building the vault (the mock vault and its metadata cache, the part that
 *   is Obsidian's own work in the app). Also the longest main-thread task while the plugin
 *   builds its index (Chromium's long-task timing; the plugin works in time slices), in wall-clock
 *   time and in the main thread's CPU time (Chromium's trace): on a machine busy with other
 *   processes a task's wall-clock time grows with the time the machine gave them, its CPU time not.
 * - Done: a click on Done in the first row, until the first frame painted without that row (the
 *   note written, the index and schedule updated, the list redrawn). Baseline in the same page:
 *   redrawing the same list unchanged (the view's own render, then a frame).
 *
 * Times are medians; the ratios are what to compare between machines. Needs Chromium
 * (/usr/bin/chromium or CHROMIUM_PATH) and a built main.js (`npm run build`).
 * Run alone: `npx tsx bench/browser.bench.ts [--rounds 3] [--done 10]`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hasChromium, noChromiumMessage, openSession, VIEW, VIEW_TYPE, type HarnessWindow, type Session, type StartTimes } from '../test/e2e/browser';
import { generateVaultFiles } from './generateVault';
import { median } from './stats';

const NOTES = 10_000;
const INTERVIEW_SHARE = 0.1;

export interface BrowserBenchOptions {
	/**
	 * Given by `npm run bench -- --notes N` for the Node benchmarks. Not used here: this one keeps
	 * its vault of 10,000 notes with 1,000 interview notes (the page holds every note in memory).
	 */
	notes?: number;
	/** Fresh pages started (default 3). */
	rounds?: number;
	/** Done clicks measured (default 10). */
	done?: number;
}

interface StartResult extends StartTimes {
	paintedAt: number;
	rows: number;
	longTasks: number[];
	/** The main thread's CPU time of each task meanwhile (Chromium's trace): what a task costs, without the time the machine gave to other processes. */
	taskCpu: number[];
}

interface TraceEvent {
	name: string;
	ph?: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { data?: { message?: string } };
}

/** The CPU time (ms) of the page's main-thread tasks that started between `from` and `to` (performance.now() ms); `sync` is when the page stamped SYNC. */
function taskCpuTimes(trace: Buffer, sync: number, from: number, to: number): number[] {
	const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
	const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
	const stamp = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === SYNC);
	if (!stamp) return [];
	const offset = stamp.ts / 1000 - sync;
	return events
		.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === stamp.pid && e.tid === stamp.tid && e.ts / 1000 - offset >= from && e.ts / 1000 - offset <= to)
		.map((e) => (e.tdur ?? 0) / 1000);
}

const SYNC = 'ifu-bench-sync';

const ms = (x: number): string => `${x.toFixed(1)} ms`;

/** Starts the plugin on `files` in a fresh page; resolves when the list (its first page per group) is painted. */
async function startRound(session: Session, files: Record<string, string>): Promise<{ result: StartResult; page: Awaited<ReturnType<Session['newPage']>> }> {
	const hp = await session.newPage({ width: 1280, height: 800 });
	await session.browser.startTracing(hp.page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
	const result = await hp.page.evaluate(
		async ({ notes, viewType, selector, stamp }) => {
			const h = (window as unknown as HarnessWindow).harness;
			const tasks: { start: number; duration: number }[] = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
			}).observe({ type: 'longtask', buffered: false });
			const times = await h.start({ files: notes, restoreView: viewType });
			const view = document.querySelector(selector);
			if (!view) throw new Error(`no ${selector} after start`);
			const listShown = (): boolean => view.querySelector('.ifu-list') !== null && view.querySelector('.ifu-loading') === null;
			let painted = await h.whenSettled(view, 300, 60_000);
			while (!listShown()) painted = await h.whenSettled(view, 300, 60_000);
			// Tasks over 50 ms from the layout being ready (the plugin's index build) to the list painted.
			const longTasks = tasks.filter((t) => t.start >= times.layoutReadyAt && t.start <= painted.paintedAt).map((t) => t.duration);
			const sync = performance.now();
			console.timeStamp(stamp);
			return { ...times, paintedAt: painted.paintedAt, rows: view.querySelectorAll('.ifu-row').length, longTasks, sync };
		},
		{ notes: files, viewType: VIEW_TYPE, selector: VIEW, stamp: SYNC },
	);
	const trace = await session.browser.stopTracing();
	const { sync, ...times } = result;
	return { result: { ...times, taskCpu: taskCpuTimes(trace, sync, times.layoutReadyAt, times.paintedAt) }, page: hp };
}

/** Clicks Done in the first row `runs` times; each time, click to the frame painted without the row. */
async function doneRounds(page: Awaited<ReturnType<Session['newPage']>>['page'], runs: number): Promise<{ done: number[]; redraw: number[]; rowsBefore: number }> {
	return page.evaluate(
		async ({ selector, viewType, count }) => {
			const h = (window as unknown as HarnessWindow).harness;
			const view = document.querySelector(selector);
			if (!view) throw new Error(`no ${selector}`);
			const frame = (): Promise<number> => new Promise((resolve) => window.requestAnimationFrame(() => resolve(performance.now())));
			const rowsBefore = view.querySelectorAll('.ifu-row').length;
			const done: number[] = [];
			const redraw: number[] = [];
			const leaf = (h.app.workspace.getLeavesOfType(viewType)[0] ?? null) as { view: { render(): void } } | null;
			for (let i = 0; i < count; i++) {
				// Baseline: the same list drawn again, unchanged, then a frame.
				await frame();
				const r0 = performance.now();
				leaf?.view.render();
				redraw.push((await frame()) - r0);

				const row = Array.from(view.querySelectorAll('.ifu-row')).find((li) => li.querySelector('input.ifu-done') !== null);
				if (!row) break;
				const id = row.getAttribute('data-action') ?? '';
				const button = row.querySelector('input.ifu-done') as HTMLInputElement;
				await frame();
				const t0 = performance.now();
				const gone = new Promise<void>((resolve) => {
					const observer = new MutationObserver(() => {
						if (!view.querySelector(`.ifu-row[data-action="${CSS.escape(id)}"]`)) {
							observer.disconnect();
							resolve();
						}
					});
					observer.observe(view, { subtree: true, childList: true });
				});
				button.click();
				await gone;
				done.push((await frame()) - t0);
				// Let the plugin's debounced follow-up work finish before the next click.
				await h.whenSettled(view, 200, 10_000);
			}
			return { done, redraw, rowsBefore };
		},
		{ selector: VIEW, viewType: VIEW_TYPE, count: runs },
	);
}

export default async function browserBench(options: BrowserBenchOptions = {}): Promise<string> {
	const title = '## The plugin in Chromium (`bench/browser.bench.ts`)';
	if (!hasChromium) return `${title}\n\nSkipped: ${noChromiumMessage}.\n`;
	const rounds = options.rounds ?? 3;
	const doneRuns = options.done ?? 10;
	const vault = generateVaultFiles({ notes: NOTES, interviewShare: INTERVIEW_SHARE });
	const files = Object.fromEntries(vault.map((f) => [f.path, f.text]));
	const interviews = vault.filter((f) => f.kind === 'interview').length;

	const session = await openSession();
	try {
		const starts: StartResult[] = [];
		let last: Awaited<ReturnType<typeof startRound>>['page'] | null = null;
		for (let i = 0; i < rounds; i++) {
			if (last) await last.context.close();
			const { result, page } = await startRound(session, files);
			starts.push(result);
			last = page;
		}
		const vaultMs = median(starts.map((s) => s.vaultBuiltAt - s.fetchedAt));
		const onloadMs = median(starts.map((s) => s.pluginLoadedAt - s.vaultBuiltAt));
		const paintMs = median(starts.map((s) => s.paintedAt - s.layoutReadyAt));
		const longest = median(starts.map((s) => Math.max(0, ...s.longTasks)));
		const longCount = median(starts.map((s) => s.longTasks.length));
		const longestCpu = median(starts.map((s) => Math.max(0, ...s.taskCpu)));
		const longCpuCount = median(starts.map((s) => s.taskCpu.filter((t) => t > 50).length));
		const rows = starts[starts.length - 1].rows;

		const d = last ? await doneRounds(last.page, doneRuns) : { done: [], redraw: [], rowsBefore: 0 };
		if (last) await last.context.close();
		const doneMs = median(d.done);
		const redrawMs = median(d.redraw);

		return [
			title,
			'',
			`A vault of ${NOTES.toLocaleString('en-US')} notes with ${interviews.toLocaleString('en-US')} interview notes (\`bench/generateVault.ts\`${options.notes !== undefined && options.notes !== NOTES ? '; `--notes` applies to the Node benchmarks only' : ''}), on 2026-11-21, in Chromium (${session.browser.version()}) on the harness; the view lists ${rows} rows. Medians of ${rounds} fresh pages (start) and ${d.done.length} clicks (Done).`,
			'',
			'| measure | median | min | max |',
			'|---|---:|---:|---:|',
			`| baseline: build the vault (mock vault + metadata cache) | ${ms(vaultMs)} | ${ms(Math.min(...starts.map((s) => s.vaultBuiltAt - s.fetchedAt)))} | ${ms(Math.max(...starts.map((s) => s.vaultBuiltAt - s.fetchedAt)))} |`,
			`| plugin \`onload\` | ${ms(onloadMs)} | ${ms(Math.min(...starts.map((s) => s.pluginLoadedAt - s.vaultBuiltAt)))} | ${ms(Math.max(...starts.map((s) => s.pluginLoadedAt - s.vaultBuiltAt)))} |`,
			`| layout ready → view painted with the list (first page of each group) | ${ms(paintMs)} | ${ms(Math.min(...starts.map((s) => s.paintedAt - s.layoutReadyAt)))} | ${ms(Math.max(...starts.map((s) => s.paintedAt - s.layoutReadyAt)))} |`,
			`| longest main-thread task meanwhile, wall clock (${longCount} over 50 ms) | ${ms(longest)} | | |`,
			`| longest main-thread task meanwhile, its CPU time (${longCpuCount} over 50 ms) | ${ms(longestCpu)} | ${ms(Math.min(...starts.map((s) => Math.max(0, ...s.taskCpu))))} | ${ms(Math.max(...starts.map((s) => Math.max(0, ...s.taskCpu))))} |`,
			`| baseline: redraw the same list, to the next frame | ${ms(redrawMs)} | ${ms(Math.min(...d.redraw))} | ${ms(Math.max(...d.redraw))} |`,
			`| Done: click → frame painted without the row | ${ms(doneMs)} | ${ms(Math.min(...d.done))} | ${ms(Math.max(...d.done))} |`,
			'',
			`Ratios: start ${(paintMs / vaultMs).toFixed(2)}× the vault build; Done ${(doneMs / redrawMs).toFixed(1)}× a plain redraw.`,
			'',
		].join('\n');
	} finally {
		await session.close();
	}
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
	const { values } = parseArgs({ options: { rounds: { type: 'string' }, done: { type: 'string' } } });
	void browserBench({
		rounds: values.rounds === undefined ? undefined : Number(values.rounds),
		done: values.done === undefined ? undefined : Number(values.done),
	}).then((md) => process.stdout.write(md));
}
