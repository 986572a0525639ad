/**
 * The view in Obsidian's light and dark themes: its colours come from the theme (so text stays
 * legible in both), and what the documentation's pictures of the example vault on 2026-11-21
 * show (scripts/screenshots.ts, `npm run screenshots`, takes them), asserted in the DOM.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEW, hasChromium, noChromiumMessage, openSession, pluginErrors, readVault, repoRoot, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session, openFollowUpsView } from './browser';
import { fixtureVault } from './fixtures';

const exampleVault = readVault(join(repoRoot, 'examples', 'vault'));
const exampleHasNotes = Object.keys(exampleVault.files).length > 0;

interface TextSample {
	text: string;
	cls: string;
	contrast: number;
}

/**
 * Every piece of text in the view, with the contrast ratio (WCAG 2) of its colour against the
 * background it is drawn on (backgrounds composited up the tree).
 */
async function textContrasts(page: Page): Promise<{ samples: TextSample[]; viewBackground: number }> {
	return page.evaluate((selector) => {
		const parse = (c: string): [number, number, number, number] => {
			const m = /rgba?\(([^)]+)\)/.exec(c);
			if (!m) return [0, 0, 0, 0];
			const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
			return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
		};
		const over = (top: number[], bottom: number[]): [number, number, number, number] => {
			const a = top[3] + bottom[3] * (1 - top[3]);
			if (a === 0) return [0, 0, 0, 0];
			const mix = (i: number): number => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
			return [mix(0), mix(1), mix(2), a];
		};
		const backgroundOf = (el: Element | null): [number, number, number, number] => {
			const layers: [number, number, number, number][] = [];
			for (let e = el; e; e = e.parentElement) {
				const bg = parse(getComputedStyle(e).backgroundColor);
				if (bg[3] > 0) layers.push(bg);
				if (bg[3] >= 1) break;
			}
			let colour: [number, number, number, number] = [255, 255, 255, 1];
			for (const layer of layers.reverse()) colour = over(layer, colour);
			return colour;
		};
		const luminance = (c: number[]): number => {
			const f = (v: number): number => {
				const s = v / 255;
				return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
		};
		const view = document.querySelector(selector);
		const samples: TextSample[] = [];
		if (!view) return { samples, viewBackground: -1 };
		const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || (node.textContent ?? '').trim() === '') continue;
			const rect = el.getBoundingClientRect();
			const style = getComputedStyle(el);
			if (rect.width === 0 || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
			const bg = backgroundOf(el);
			const fg = over(parse(style.color), bg);
			const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
			samples.push({ text: (node.textContent ?? '').trim().slice(0, 40), cls: el.className, contrast: (l1 + 0.05) / (l2 + 0.05) });
		}
		const content = view.querySelector('.view-content');
		return { samples, viewBackground: luminance(backgroundOf(content)) };
	}, VIEW);
}

describe.skipIf(!hasChromium)('the view in the light and the dark theme', () => {
	let session: Session;
	let hp: HarnessPage;
	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		// The example vault, as a person opening the demo sees it; the fixture vault while it is empty.
		await startPlugin(hp.page, exampleHasNotes ? {} : { files: fixtureVault() });
		await openFollowUpsView(hp.page);
		await hp.page.locator(VIEW).locator('.ifu-group').first().waitFor();
		// Beside the view, the note of its first row, opened as a user would: by clicking it.
		await hp.page.locator(VIEW).locator('.ifu-row .ifu-row-sentence').first().click();
		await hp.page.locator('.markdown-reading-view').waitFor();
		await hp.page.evaluate(() => (window as unknown as HarnessWindow).harness.hideBar());
		await settle(hp.page, 250);
	});
	afterAll(async () => {
		await session?.close();
	});

	it('loads every note of the vault', async () => {
		const notes = await hp.page.evaluate(() => (window as unknown as HarnessWindow).harness.app.vault.getMarkdownFiles().length);
		expect(notes).toBe(Object.keys(exampleHasNotes ? exampleVault.files : fixtureVault()).length);
	});

	for (const theme of ['light', 'dark'] as const) {
		it(`takes its colours from the ${theme} theme: every text is legible on its background`, async () => {
			await hp.page.evaluate((t) => (window as unknown as HarnessWindow).harness.setTheme(t), theme);
			const { samples, viewBackground } = await textContrasts(hp.page);
			// The view sits on the theme's background: light in light, dark in dark.
			if (theme === 'light') expect(viewBackground).toBeGreaterThan(0.6);
			else expect(viewBackground).toBeLessThan(0.1);
			expect(samples.length).toBeGreaterThan(10);
			// 3:1 is WCAG's least for any text (large text, and controls); Obsidian's own accent
			// colours on its backgrounds reach it. Text below it is unreadable for many people.
			const illegible = samples.filter((s) => s.contrast < 3).map((s) => `${s.text} (.${s.cls}): ${s.contrast.toFixed(2)}`);
			expect(illegible).toEqual([]);
		});

	}

	it.skipIf(!exampleHasNotes)('shows what docs/screenshots/view-light.png and view-dark.png show (npm run screenshots takes them)', async () => {
		const view = hp.page.locator(VIEW);
		// The groups, named for what they hold, with their counts; Snoozed closed.
		const groups = await view.locator('.ifu-group').evaluateAll((els) =>
			els.map((g) => `${g.querySelector('.ifu-group-title')?.textContent ?? ''} ${g.querySelector('.tree-item-flair')?.textContent ?? ''}${g.classList.contains('is-collapsed') ? ' closed' : ''}`),
		);
		expect(groups).toEqual(['Overdue 2', 'To do now 5', 'Coming up 4', 'Waiting 1', 'Snoozed 1 closed', 'Notes that need attention 1']);
		// Two lines a row: what and for whom; company · role · when, the date whole.
		const first = view.locator('.ifu-row').first();
		await expect(first.locator('.ifu-row-sentence').textContent()).resolves.toBe('Tell Ann Smith a reference call may come');
		await expect(first.locator('.ifu-row-when').textContent()).resolves.toBe('was due Tue 17 Nov');
		// The header's count, and the status bar's, in the same words.
		await expect(view.locator('.ifu-count').textContent()).resolves.toBe('7');
		await expect(hp.page.locator('#status-bar .plugin-interview-followups').textContent()).resolves.toBe('Follow-ups: 2 overdue, 5 to do now');
		// Beside it, the note of the first row, opened by a click on the row.
		await expect(hp.page.locator('.markdown-reading-view').getAttribute('data-path')).resolves.toMatch(/Acme\.md$/);
	});

	it('raised no error and opened no dialog', async () => {
		expect(await pluginErrors(hp)).toEqual([]);
		expect(hp.dialogs).toEqual([]);
	});
});

if (!hasChromium) {
	describe('the view in the light and the dark theme', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
