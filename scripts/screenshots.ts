/**
 * npm run screenshots: the pictures of the README, taken of the built plugin in the harness
 * (Chromium), on 2026-11-21: docs/screenshots/view-light.png and view-dark.png (the example
 * vault, a note open beside the view), view-phone.png (a phone, 390 px, buttons always shown)
 * and view-backlog.png (1,000 interview notes: a long Overdue group closed, today's work first);
 * and of the pipeline view, on test/fixtures/pipeline-vault on 2026-12-01: pipeline-light.png (a
 * board in the main pane), pipeline-figures.png (its charts) and pipeline-dark.png.
 *
 * What the pictures must show is tested in test/e2e/theme.test.ts, list.test.ts and
 * pipeline.test.ts, in the DOM; this only takes them. A file is written only when its bytes changed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateVaultFiles } from '../bench/generateVault';
import { VIEW, hasChromium, noChromiumMessage, openSession, readVault, repoRoot, settle, startPlugin, type HarnessWindow } from '../test/e2e/browser';

const dir = join(repoRoot, 'docs', 'screenshots');

function write(name: string, png: Buffer): void {
	mkdirSync(dir, { recursive: true });
	const file = join(dir, name);
	if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
	console.log(`screenshots: ${file} (${Math.round(png.length / 1024)} KB)`);
}

async function main(): Promise<void> {
	if (!hasChromium) throw new Error(noChromiumMessage);
	const example = readVault(join(repoRoot, 'examples', 'vault'));
	const session = await openSession();
	try {
		for (const theme of ['light', 'dark'] as const) {
			const { page } = await session.newPage({ width: 1280, height: 800, theme });
			await startPlugin(page, { files: example.files, data: example.data });
			await page.evaluate(async () => {
				await (window as unknown as HarnessWindow).harness.runCommand('open-view');
			});
			await page.locator(VIEW).locator('.ifu-row').first().waitFor();
			// Beside the view, the note of its first row, opened as a user would: by clicking it.
			await page.locator(VIEW).locator('.ifu-row .ifu-row-sentence').first().click();
			await page.locator('.markdown-reading-view').waitFor();
			await page.evaluate(() => (window as unknown as HarnessWindow).harness.hideBar());
			// The mouse over the second row: its buttons show, as they do on hover.
			await page.locator(VIEW).locator('.ifu-row').nth(1).hover();
			await page.evaluate(() => document.querySelectorAll('.notice').forEach((n) => n.remove()));
			await settle(page, 150);
			write(`view-${theme}.png`, await page.screenshot({ animations: 'disabled', caret: 'hide' }));
			await page.context().close();
		}

		{
			const { page } = await session.newPage({ width: 390, height: 844 });
			await page.evaluate(() => (window as unknown as HarnessWindow).harness.setLayout('phone'));
			await startPlugin(page, { files: example.files, data: example.data });
			await page.evaluate(async () => {
				await (window as unknown as HarnessWindow).harness.runCommand('open-view');
			});
			await page.locator(VIEW).locator('.ifu-row').first().waitFor();
			await page.evaluate(() => (window as unknown as HarnessWindow).harness.hideBar());
			await page.evaluate(() => document.querySelectorAll('.notice').forEach((n) => n.remove()));
			await settle(page, 150);
			write('view-phone.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
			await page.context().close();
		}

		{
			const vault = generateVaultFiles({ notes: 3000, interviewShare: 0.33 });
			const files = Object.fromEntries(vault.map((f) => [f.path, f.text]));
			const { page } = await session.newPage({ width: 1280, height: 800 });
			await startPlugin(page, { files, data: { followUpsView: { collapsed: { overdue: true }, todayFirst: true } } });
			await page.evaluate(async () => {
				await (window as unknown as HarnessWindow).harness.runCommand('open-view');
			});
			await page.locator(VIEW).locator('.ifu-group').first().waitFor();
			await page.evaluate(() => (window as unknown as HarnessWindow).harness.hideBar());
			await page.evaluate(() => document.querySelectorAll('.notice').forEach((n) => n.remove()));
			await settle(page, 300);
			write('view-backlog.png', await page.screenshot({ animations: 'disabled', caret: 'hide' }));
			await page.context().close();
		}

		const fixture = join(repoRoot, 'test', 'fixtures', 'pipeline-vault', 'Interviews');
		const pipelineFiles = Object.fromEntries(readdirSync(fixture).map((n) => [`Interviews/${n}`, readFileSync(join(fixture, n), 'utf8')]));
		for (const theme of ['light', 'dark'] as const) {
			const { page } = await session.newPage({ width: 1280, height: 860, now: new Date(2026, 11, 1, 9, 0, 0), theme });
			await startPlugin(page, { files: pipelineFiles, data: { notifyOnStartup: false } });
			await page.evaluate(async () => {
				await (window as unknown as HarnessWindow).harness.runCommand('open-pipeline');
			});
			const pipeline = page.locator('.workspace-leaf-content[data-type="interview-followups-pipeline"]');
			await pipeline.locator('.ifu-stage').first().waitFor();
			// The board in the main pane; the empty right sidebar closed, as a user would.
			await page.evaluate(() => {
				const h = window as unknown as HarnessWindow & { harness: { app: { workspace: { rightSplit: { collapse(): void } } } } };
				h.harness.app.workspace.rightSplit.collapse();
				h.harness.hideBar();
			});
			await settle(page, 150);
			write(`pipeline-${theme}.png`, await page.screenshot({ animations: 'disabled', caret: 'hide' }));
			if (theme === 'light') write('pipeline-figures.png', await pipeline.locator('.ifu-figures').screenshot({ animations: 'disabled', caret: 'hide' }));
			await page.context().close();
		}
	} finally {
		await session.close();
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
