/**
 * The pipeline view in Chromium (the harness): a vault of interview notes
 * making about 1,000 applications (bench/generateVault.ts). Once the index is
 * ready, the time from the command that opens the view to the end of the
 * first frame painted with its stages. Goal: 100 ms (median of fresh pages).
 *
 * In the same page, as a floor: a plain redraw of the same DOM (the view's
 * content replaced by a copy of itself, no script of ours), which is what the
 * browser alone needs to lay out and paint what the view shows. With
 * `--compare DIR` (a folder with another build's main.js, styles.css and
 * manifest.json) the two builds are measured in alternate fresh pages of one
 * run, so a before/after needs no quiet machine.
 *
 * Needs `npm run build` first. Run alone:
 * `npx tsx bench/pipelineView.bench.ts [--rounds N] [--compare DIR]`.
 */
import { parseArgs } from 'node:util';
import { openSession, settle, startPlugin, type HarnessWindow, type Session } from '../test/e2e/browser';
import { generateVaultFiles } from './generateVault';
import { median } from './stats';

const GOAL_MS = 100;

export interface PipelineViewTimes {
	/** Command → the DOM of the stages built (our script). */
	scriptMs: number;
	/** Command → the end of the first frame painted with the stages. */
	paintMs: number;
	/** The same DOM put back as a plain copy → painted (the browser's share alone). */
	redrawMs: number;
	/** The longest task while opening. */
	longestTaskMs: number;
	/**
	 * CPU time of the page's main thread from the command to the paint, and its
	 * script, style and layout shares (Chrome's Performance metrics): what the
	 * view costs whatever else the machine is doing.
	 */
	cpuMs: number;
	scriptCpuMs: number;
	styleLayoutMs: number;
	/** The same for the plain redraw of the same DOM. */
	redrawCpuMs: number;
	applications: number;
	cards: number;
	elements: number;
}

/** One fresh page: start the plugin on `files`, wait for the index, open the view, then redraw its DOM. */
async function measureOnce(session: Session, files: Record<string, string>): Promise<PipelineViewTimes> {
	const hp = await session.newPage({ width: 1280, height: 800 });
	try {
		await startPlugin(hp.page, { files, data: { notifyOnStartup: false } });
		await hp.page.waitForFunction(() => (window as unknown as { harness: { plugin: { indexer: { ready: boolean } } } }).harness.plugin.indexer.ready, undefined, {
			timeout: 120_000,
		});
		await settle(hp.page);
		const cdp = await hp.context.newCDPSession(hp.page);
		await cdp.send('Performance.enable');
		const metrics = async (): Promise<Record<string, number>> =>
			Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
		const m0 = await metrics();
		const open = await hp.page.evaluate(async () => {
			const VIEW = '.workspace-leaf-content[data-type="interview-followups-pipeline"]';
			const h = (window as unknown as HarnessWindow).harness;
			let longest = 0;
			const tasks = new PerformanceObserver((list) => {
				for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
			});
			tasks.observe({ type: 'longtask' });
			// Script done: the first mutation record after the stages exist (delivered once the task's script ends).
			let builtAt = 0;
			const built = new MutationObserver(() => {
				if (builtAt === 0 && document.querySelector(`${VIEW} .ifu-stage`)) builtAt = performance.now();
			});
			built.observe(document.body, { childList: true, subtree: true });
			const t0 = performance.now();
			await h.runCommand('open-pipeline');
			// The end of the first frame with the stages: a task queued from that frame's animation callback runs after its paint.
			const paintedAt = await new Promise<number>((resolve) => {
				const look = () => {
					if (!document.querySelector(`${VIEW} .ifu-stage`)) return requestAnimationFrame(look);
					const channel = new MessageChannel();
					channel.port1.onmessage = () => resolve(performance.now());
					channel.port2.postMessage(null);
				};
				requestAnimationFrame(look);
			});
			built.disconnect();
			await new Promise((r) => setTimeout(r, 50));
			tasks.disconnect();
			const view = document.querySelector(VIEW)!;
			return {
				scriptMs: builtAt - t0,
				paintMs: paintedAt - t0,
				longestTaskMs: longest,
				cards: view.querySelectorAll('.ifu-card').length,
				elements: view.querySelectorAll('*').length,
				applications: Array.from(view.querySelectorAll('.ifu-stage-title'))
					.map((e) => Number(/\((\d+)\)/.exec(e.textContent ?? '')?.[1] ?? 0))
					.reduce((a, b) => a + b, 0),
			};
		});
		const m1 = await metrics();
		if (open.cards === 0) throw new Error('the pipeline view drew no card');
		await settle(hp.page);
		const m2 = await metrics();
		const redrawMs = await hp.page.evaluate(async () => {
			const content = document.querySelector('.workspace-leaf-content[data-type="interview-followups-pipeline"] .view-content')!;
			const drawn = content.firstElementChild!;
			const copy = drawn.cloneNode(true);
			// Off the page first, so the copy's styles start cold as the view's did.
			drawn.remove();
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
			const t0 = performance.now();
			content.appendChild(copy);
			return new Promise<number>((resolve) =>
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => resolve(performance.now() - t0);
					channel.port2.postMessage(null);
				}),
			);
		});
		const m3 = await metrics();
		return {
			...open,
			cpuMs: m1['ThreadTime'] - m0['ThreadTime'],
			scriptCpuMs: m1['ScriptDuration'] - m0['ScriptDuration'],
			styleLayoutMs: m1['RecalcStyleDuration'] - m0['RecalcStyleDuration'] + m1['LayoutDuration'] - m0['LayoutDuration'],
			redrawMs,
			redrawCpuMs: m3['ThreadTime'] - m2['ThreadTime'],
		};
	} finally {
		await hp.context.close();
	}
}

export interface PipelineViewBench {
	/** Per build (this worktree's, then `--compare`'s), one entry per round. */
	runs: { label: string; times: PipelineViewTimes[] }[];
}

export async function benchPipelineView(rounds = 5, compareDir?: string): Promise<PipelineViewBench> {
	const vault = generateVaultFiles({ notes: 5_000, interviewShare: 0.6 });
	const files: Record<string, string> = {};
	for (const f of vault) files[f.path] = f.text;
	const builds = [{ label: 'this build', session: await openSession() }];
	if (compareDir !== undefined) builds.push({ label: compareDir, session: await openSession({ pluginDir: compareDir }) });
	const runs = builds.map((b) => ({ label: b.label, times: [] as PipelineViewTimes[] }));
	try {
		for (let i = 0; i < rounds; i++) {
			// Alternate which build goes first, so neither always gets the quieter moment.
			const order = i % 2 === 0 ? builds.map((_, k) => k) : builds.map((_, k) => builds.length - 1 - k);
			for (const k of order) runs[k].times.push(await measureOnce(builds[k].session, files));
		}
	} finally {
		for (const b of builds) await b.session.close();
	}
	return { runs };
}

function summary(label: string, times: PipelineViewTimes[]): string {
	const m = (pick: (t: PipelineViewTimes) => number) => median(times.map(pick));
	const paint = m((t) => t.paintMs);
	const t = times[0];
	return [
		`${label}: ${t.applications} applications, ${t.cards} cards, ${t.elements} elements drawn`,
		`  command → painted    ${paint.toFixed(0)} ms (${times.map((x) => x.paintMs.toFixed(0)).join(', ')}) — goal ≤ ${GOAL_MS} ms ${paint <= GOAL_MS ? 'met' : 'MISSED'}`,
		`  command → DOM built  ${m((x) => x.scriptMs).toFixed(0)} ms`,
		`  longest task         ${m((x) => x.longestTaskMs).toFixed(0)} ms`,
		`  main-thread CPU      ${m((x) => x.cpuMs).toFixed(0)} ms (script ${m((x) => x.scriptCpuMs).toFixed(0)}, style and layout ${m((x) => x.styleLayoutMs).toFixed(0)}; wall times)`,
		`  same DOM redrawn     ${m((x) => x.redrawMs).toFixed(0)} ms, CPU ${m((x) => x.redrawCpuMs).toFixed(0)} ms (floor: style, layout and paint alone)`,
	].join('\n');
}

const { values } = parseArgs({ options: { rounds: { type: 'string' }, compare: { type: 'string' } }, strict: false });
if (import.meta.url.endsWith(process.argv[1]?.split('/').pop() ?? '\0')) {
	const r = await benchPipelineView(Number(values.rounds ?? 5), typeof values.compare === 'string' ? values.compare : undefined);
	for (const run of r.runs) process.stdout.write(`${summary(run.label, run.times)}\n`);
	if (r.runs.length === 2) {
		const ratio = (pick: (t: PipelineViewTimes) => number) => (median(r.runs[0].times.map(pick)) / median(r.runs[1].times.map(pick))).toFixed(2);
		process.stdout.write(`this build / ${r.runs[1].label}: painted ${ratio((t) => t.paintMs)}×, main-thread CPU ${ratio((t) => t.cpuMs)}× (alternated fresh pages, one run)\n`);
	}
}
