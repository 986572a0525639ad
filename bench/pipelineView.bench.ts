/**
 * The pipeline view in Chromium (the harness): a vault of interview notes
 * making about 1,000 applications (bench/generateVault.ts); once the index
 * is ready, the time from opening the view to its first paint with every
 * stage drawn. Goal: 100 ms (median of fresh pages).
 *
 * Needs `npm run build` first. Run alone: `npx tsx bench/pipelineView.bench.ts [--rounds N]`.
 */
import { parseArgs } from 'node:util';
import { openSession, settle, startPlugin, type HarnessWindow } from '../test/e2e/browser';
import { generateVaultFiles } from './generateVault';
import { median } from './stats';

const GOAL_MS = 100;

export async function benchPipelineView(rounds = 3): Promise<{ applications: number; paintMs: number[] }> {
	const vault = generateVaultFiles({ notes: 5_000, interviewShare: 0.6 });
	const files: Record<string, string> = {};
	for (const f of vault) files[f.path] = f.text;
	const session = await openSession();
	const paintMs: number[] = [];
	let applications = 0;
	try {
		for (let i = 0; i < rounds; i++) {
			const hp = await session.newPage({ width: 1280, height: 800 });
			await startPlugin(hp.page, { files, data: { notifyOnStartup: false } });
			// The index is ready.
			await hp.page.waitForFunction(() => (window as unknown as { harness: { plugin: { indexer: { ready: boolean } } } }).harness.plugin.indexer.ready, undefined, { timeout: 120_000 });
			const r = await hp.page.evaluate(async () => {
				const h = (window as unknown as HarnessWindow).harness;
				const t0 = performance.now();
				await h.runCommand('open-pipeline');
				// The first frame painted with the stages in the view.
				const paintedAt = await new Promise<number>((resolve) => {
					const look = (t: number) => {
						if (document.querySelector('.workspace-leaf-content[data-type="interview-followups-pipeline"] .ifu-stage')) resolve(t);
						else requestAnimationFrame(look);
					};
					requestAnimationFrame(look);
				});
				const view = document.querySelector('.workspace-leaf-content[data-type="interview-followups-pipeline"]')!;
				return { ms: paintedAt - t0, cards: view.querySelectorAll('.ifu-card').length, stages: view.querySelectorAll('.ifu-stage').length };
			});
			applications = Number((await hp.page.locator('.ifu-stage-title').allTextContents()).map((t) => /\((\d+)\)/.exec(t)?.[1] ?? '0').reduce((a, b) => a + Number(b), 0));
			if (r.stages === 0) throw new Error('the pipeline view drew no stage');
			paintMs.push(r.ms);
			await settle(hp.page);
			await hp.context.close();
		}
	} finally {
		await session.close();
	}
	return { applications, paintMs };
}

const { values } = parseArgs({ options: { rounds: { type: 'string' } }, strict: false });
if (import.meta.url.endsWith(process.argv[1]?.split('/').pop() ?? '\0')) {
	const r = await benchPipelineView(Number(values.rounds ?? 3));
	const m = median(r.paintMs);
	process.stdout.write(
		`pipeline view, ${r.applications} applications: painted ${m.toFixed(0)} ms after opening (median of ${r.paintMs.length}: ${r.paintMs.map((x) => x.toFixed(0)).join(', ')}) — goal ≤ ${GOAL_MS} ms ${m <= GOAL_MS ? 'met' : 'MISSED'}\n`,
	);
}
