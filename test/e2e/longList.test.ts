/**
 * A backlog of a hundred rows and more (issue #16): the browser lays out and paints only the rows
 * in view, so the first drawing of the list stays one short task, and every row is still there for
 * the keyboard and for a screen reader. The vault is fixtures.ts's large one, on 2026-11-21.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, noChromiumMessage, openFollowUpsView, openSession, pluginErrors, startPlugin, type HarnessPage, type Session } from './browser';
import { largeVault } from './fixtures';

/** Whether the browser laid out each row's content (`content-visibility: auto` skips it for rows out of view). */
async function laidOut(view: Locator): Promise<boolean[]> {
	return view.evaluate((root) =>
		Array.from(root.querySelectorAll('.ifu-row .ifu-row-sentence')).map((s) => s.checkVisibility({ contentVisibilityAuto: true })),
	);
}

describe.skipIf(!hasChromium)('a long list of follow-ups', () => {
	let session: Session;
	let hp: HarnessPage;
	let page: Page;
	let view: Locator;

	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		page = hp.page;
		await startPlugin(page, { files: largeVault(200, new Date(2026, 10, 21)) });
		view = await openFollowUpsView(page);
		await view.locator('.ifu-row').nth(60).waitFor({ state: 'attached' });
	});
	afterAll(async () => {
		await session?.close();
	});

	it('lays out only the rows in view; the others keep their place and are laid out when scrolled to', async () => {
		const rows = await laidOut(view);
		expect(rows.length).toBeGreaterThan(60);
		// The first row is in view; the last is far below the pane, so the browser skipped its layout and paint.
		expect(rows[0]).toBe(true);
		expect(rows.at(-1)).toBe(false);
		expect(rows.filter(Boolean).length).toBeLessThan(rows.length / 2);
		const last = view.locator('.ifu-row').last();
		await last.scrollIntoViewIfNeeded();
		await expect.poll(async () => (await laidOut(view)).at(-1)).toBe(true);
		expect((await last.boundingBox())?.height).toBeGreaterThan(20);
	});

	it('every row, laid out or not, is reachable by keyboard and named for a screen reader', async () => {
		await view.locator('.ifu-row').first().evaluate((r) => r.scrollIntoView());
		await expect.poll(async () => (await laidOut(view)).at(-1)).toBe(false);
		const rows = await view.locator('.ifu-row').count();
		const links = await view.locator('.ifu-row').getByRole('link').count();
		expect(links).toBe(rows);
		// From the first row, ArrowDown as many times as there are titles and rows before the last row.
		const presses = await view.evaluate((root) => {
			const nav = Array.from(root.querySelectorAll('.ifu-nav'));
			const sentences = root.querySelectorAll('.ifu-row .ifu-row-sentence');
			return nav.indexOf(sentences[sentences.length - 1]) - nav.indexOf(sentences[0]);
		});
		expect(presses).toBeGreaterThan(60);
		await view.locator('.ifu-row .ifu-row-sentence').first().focus();
		for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
		const lastFocused = await page.evaluate(() => {
			const sentences = document.querySelectorAll('.ifu-row .ifu-row-sentence');
			return document.activeElement === sentences[sentences.length - 1];
		});
		expect(lastFocused).toBe(true);
	});

	it('raised no error', async () => {
		expect(await pluginErrors(hp)).toEqual([]);
	});
});

if (!hasChromium) {
	describe('a long list of follow-ups', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
