/**
 * The pipeline view in Chromium, on the figures' fixture vault
 * (test/fixtures/pipeline-vault) on Tuesday 2026-12-01: stacked stages in the
 * sidebar, a board in the main pane, a click opens the note, the charts have
 * the right bars, the dark theme, a 360 px phone. The README's pictures of it
 * are taken by scripts/screenshots.ts (npm run screenshots); this asserts in
 * the DOM what they show.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, noChromiumMessage, openSession, pluginErrors, repoRoot, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session } from './browser';

const PIPELINE = '.workspace-leaf-content[data-type="interview-followups-pipeline"]';
const NOW = new Date(2026, 11, 1, 9, 0, 0);
const FIXTURE = join(repoRoot, 'test', 'fixtures', 'pipeline-vault', 'Interviews');
const FILES: Record<string, string> = Object.fromEntries(readdirSync(FIXTURE).map((n) => [`Interviews/${n}`, readFileSync(join(FIXTURE, n), 'utf8')]));

interface Box {
	stage: string;
	left: number;
	top: number;
	right: number;
}

async function stageBoxes(page: Page): Promise<Box[]> {
	return page.locator(`${PIPELINE} .ifu-stage`).evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			return { stage: e.getAttribute('data-stage') ?? '', left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right) };
		}),
	);
}

async function barValues(page: Page, chart: string, series: string): Promise<number[]> {
	return page.locator(`${PIPELINE} ${chart} rect.ifu-bar[data-series="${series}"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
}

async function openPipeline(page: Page, where: 'sidebar' | 'main'): Promise<void> {
	await page.evaluate(async (w) => {
		const h = (window as unknown as HarnessWindow).harness;
		if (w === 'sidebar') await h.openView('interview-followups-pipeline');
		else await h.runCommand('open-pipeline');
	}, where);
	await page.locator(`${PIPELINE} .ifu-stage`).first().waitFor();
	await settle(page);
}

describe.skipIf(!hasChromium)('the pipeline view in Chromium', () => {
	let session: Session;
	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(async () => {
		await session?.close();
	});

	describe('in the main pane of a desktop window', () => {
		let hp: HarnessPage;
		let page: Page;
		beforeAll(async () => {
			hp = await session.newPage({ width: 1280, height: 860, now: NOW });
			page = hp.page;
			await startPlugin(page, { files: FILES, data: { notifyOnStartup: false } });
		});
		afterAll(async () => {
			await hp?.context.close();
		});

		it('in the main pane, sets the stages side by side as a board', async () => {
			await openPipeline(page, 'main');
			const view = page.locator(PIPELINE);
			const boxes = await view.locator('.ifu-stage').evaluateAll((els) =>
				els.map((e) => {
					const r = e.getBoundingClientRect();
					return { left: Math.round(r.left), top: Math.round(r.top) };
				}),
			);
			expect(boxes).toHaveLength(6);
			// The first row holds several columns.
			const firstRow = boxes.filter((b) => b.top === boxes[0].top);
			expect(firstRow.length).toBeGreaterThanOrEqual(3);
			expect(new Set(firstRow.map((b) => b.left)).size).toBe(firstRow.length);
		});

		it('gives every stage a column of the same width, a stage alone on the last row too (right sidebar closed, as in the README picture)', async () => {
			// Equal to a pixel (the columns share the width in fractions; the boxes are rounded).
			const spread = (boxes: Box[]) => Math.max(...boxes.map((b) => b.right - b.left)) - Math.min(...boxes.map((b) => b.right - b.left));
			expect(spread(await stageBoxes(page))).toBeLessThanOrEqual(1);
			await page.evaluate(() => {
				const h = window as unknown as HarnessWindow & { harness: { app: { workspace: { rightSplit: { collapse(): void; expand(): void } } } } };
				h.harness.app.workspace.rightSplit.collapse();
			});
			await settle(page);
			const boxes = await stageBoxes(page);
			// More columns than rows' worth of stages: the last row is not full.
			expect(boxes.filter((b) => b.top === boxes[0].top).length).toBeGreaterThan(3);
			expect(spread(boxes)).toBeLessThanOrEqual(1);
			await page.evaluate(() => {
				const h = window as unknown as HarnessWindow & { harness: { app: { workspace: { rightSplit: { collapse(): void; expand(): void } } } } };
				h.harness.app.workspace.rightSplit.expand();
			});
			await settle(page);
		});

		it('shows what pipeline-light.png shows: each stage with its count, each card with its facts, the figures below the board', async () => {
			const view = page.locator(PIPELINE);
			expect(await view.locator('.ifu-stage-title').allTextContents()).toEqual([
				'Interviewing (3)',
				'Offer (1)',
				'Hired (1)',
				'Rejected (1)',
				'Withdrawn (1)',
				'Closed (1)',
			]);
			const alpha = view.locator('.ifu-card[data-application="alpha corp|analyst"]');
			expect(await alpha.locator('.ifu-card-title').textContent()).toBe('Alpha Corp · Analyst');
			expect(await alpha.locator('.ifu-card-details').textContent()).toBe('2 rounds · last contact 20 Nov · waiting 11 days');
			expect(await alpha.locator('.ifu-card-next').textContent()).toBe('Next: withdraw, due 27 Nov (overdue)');
			// Overdue in the theme's error colour, the rest muted.
			const colours = await page.evaluate(() => {
				const css = (sel: string) => getComputedStyle(document.querySelector(sel)!).color;
				const probe = document.body.createDiv();
				probe.setCssProps({ color: 'var(--text-error)' });
				const error = getComputedStyle(probe).color;
				probe.remove();
				return { next: css('.ifu-card[data-application="alpha corp|analyst"] .ifu-card-next'), details: css('.ifu-card-details'), error };
			});
			expect(colours.next).toBe(colours.error);
			expect(colours.details).not.toBe(colours.error);
			expect(await view.locator('.ifu-total').evaluateAll((rows) => rows.map((r) => `${r.querySelector('dt')?.textContent}: ${r.querySelector('dd')?.textContent}`))).toEqual([
				'Applications: 8',
				'Active: 3',
				'Interviews: 10',
				'Reply rate: 71%',
				'Median days to a decision: 13.5',
				'Decision dates kept: 50%',
				'Follow-ups on time: 94%',
			]);
			// Everything on the first screen: the board, then the figures with both charts side by side.
			const box = await view.evaluate((v) => {
				const r = (sel: string) => v.querySelector(sel)!.getBoundingClientRect();
				return { board: r('.ifu-pipeline-board').bottom, figures: r('.ifu-figures').top, funnel: r('.ifu-chart-funnel'), weeks: r('.ifu-chart-weeks'), height: window.innerHeight };
			});
			expect(box.figures).toBeGreaterThanOrEqual(box.board);
			expect(box.weeks.bottom).toBeLessThanOrEqual(box.height);
			expect(box.weeks.left).toBeGreaterThanOrEqual(box.funnel.right);
			expect(Math.abs(box.weeks.top - box.funnel.top)).toBeLessThan(2);
		});

		it('draws the funnel and the weeks with the right bars, each with a text alternative', async () => {
			const view = page.locator(PIPELINE);
			expect(await view.locator('.ifu-chart-funnel rect.ifu-bar').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-label')} ${e.getAttribute('data-value')}`))).toEqual([
				'Interviews 7',
				'Further rounds 2',
				'Offers 2',
				'Hired 1',
			]);
			expect(await barValues(page, '.ifu-chart-weeks', 'Interviews')).toEqual([7, 2, 1, 0]);
			expect(await barValues(page, '.ifu-chart-weeks', 'Decisions')).toEqual([0, 1, 2, 1]);
			await expect(view.getByRole('img', { name: /^Applications at each step: interviews 7/ }).count()).resolves.toBe(1);
			await expect(view.getByRole('img', { name: /^Interviews and decisions per week/ }).count()).resolves.toBe(1);
			// Bars are drawn (not zero-sized) and coloured by the theme's accent.
			const first = await view.locator('.ifu-chart-funnel rect.ifu-bar').first().evaluate((r) => ({ w: r.getBoundingClientRect().width, fill: getComputedStyle(r).fill }));
			expect(first.w).toBeGreaterThan(50);
			const accent = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--interactive-accent').trim());
			expect(accent).not.toBe('');
			expect(first.fill).not.toBe('rgb(0, 0, 0)');
		});

		it('opens the note of a card it is clicked', async () => {
			await page.locator(PIPELINE).locator('.ifu-card[data-application="delta|writer"]').click();
			await page.locator('.markdown-reading-view[data-path="Interviews/2026-11-05 Delta.md"]').waitFor();
		});

		it('raised no error', async () => {
			expect(await pluginErrors(hp)).toEqual([]);
		});
	});

	describe('in the right sidebar', () => {
		let hp: HarnessPage;
		let page: Page;
		beforeAll(async () => {
			hp = await session.newPage({ width: 1280, height: 860, now: NOW });
			page = hp.page;
			await startPlugin(page, { files: FILES, data: { notifyOnStartup: false } });
		});
		afterAll(async () => {
			await hp?.context.close();
		});

		it('in the sidebar, stacks the stages one under the other', async () => {
			await openPipeline(page, 'sidebar');
			const boxes = await stageBoxes(page);
			expect(boxes.map((b) => b.stage)).toEqual(['interviewing', 'offer', 'hired', 'rejected', 'withdrawn', 'closed']);
			for (const b of boxes) expect(b.left).toBe(boxes[0].left);
			for (let i = 1; i < boxes.length; i++) expect(boxes[i].top).toBeGreaterThan(boxes[i - 1].top);
		});

	});

	describe('in the dark theme', () => {
		let hp: HarnessPage;
		beforeAll(async () => {
			hp = await session.newPage({ width: 1280, height: 860, now: NOW, theme: 'dark' });
			await startPlugin(hp.page, { files: FILES, data: { notifyOnStartup: false } });
			await openPipeline(hp.page, 'main');
		});
		afterAll(async () => {
			await hp?.context.close();
		});

		it('takes its colours from the dark theme: light text on dark cards, bars in the accent', async () => {
			const colours = await hp.page.locator(PIPELINE).evaluate((view) => {
				const lum = (c: string): number => {
					const p = (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0,0,0').split(/[\s,/]+/).filter(Boolean).map(Number);
					return (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255;
				};
				const card = view.querySelector('.ifu-card') as HTMLElement;
				const title = view.querySelector('.ifu-card-title') as HTMLElement;
				const bar = view.querySelector('.ifu-chart-funnel rect.ifu-bar') as SVGElement;
				const label = view.querySelector('.ifu-chart-label') as SVGElement;
				return {
					card: lum(getComputedStyle(card).backgroundColor),
					title: lum(getComputedStyle(title).color),
					label: lum(getComputedStyle(label).fill),
					bar: getComputedStyle(bar).fill,
					accent: getComputedStyle(document.body).getPropertyValue('--interactive-accent').trim(),
				};
			});
			expect(colours.card).toBeLessThan(0.3);
			expect(colours.title).toBeGreaterThan(0.6);
			expect(colours.label).toBeGreaterThan(0.4);
			expect(colours.bar).not.toBe('rgb(0, 0, 0)');
		});
	});

	describe('on a 360 px phone', () => {
		let hp: HarnessPage;
		beforeAll(async () => {
			hp = await session.newPage({ width: 360, height: 740, now: NOW });
			await hp.page.evaluate(() => (window as unknown as HarnessWindow).harness.setLayout('phone'));
			await startPlugin(hp.page, { files: FILES, data: { notifyOnStartup: false } });
			// The harness's phone layout shows the sidebar full width (as Obsidian's drawer), not the main pane.
			await openPipeline(hp.page, 'sidebar');
		});
		afterAll(async () => {
			await hp?.context.close();
		});

		it('stacks the stages, keeps everything inside the screen, and cards are big enough to tap', async () => {
			const r = await hp.page.locator(PIPELINE).evaluate((view) => {
				const content = view.querySelector('.view-content') as HTMLElement;
				const box = content.getBoundingClientRect();
				const outside: string[] = [];
				for (const e of Array.from(content.querySelectorAll('*'))) {
					const b = e.getBoundingClientRect();
					if (b.width === 0 && b.height === 0) continue;
					if (b.left < box.left - 0.5 || b.right > box.right + 0.5) outside.push(`${e.tagName}.${e.getAttribute('class') ?? ''}`);
				}
				const stages = Array.from(content.querySelectorAll('.ifu-stage')).map((s) => Math.round(s.getBoundingClientRect().left));
				const cards = Array.from(content.querySelectorAll('.ifu-card')).map((c) => c.getBoundingClientRect().height);
				return { outside, stages, cards, scroll: content.scrollWidth - content.clientWidth, width: window.innerWidth };
			});
			expect(r.width).toBe(360);
			expect(r.outside).toEqual([]);
			expect(r.scroll).toBeLessThanOrEqual(0);
			expect(new Set(r.stages).size).toBe(1);
			for (const h of r.cards) expect(h).toBeGreaterThanOrEqual(44);
		});

		it('raised no error', async () => {
			expect(await pluginErrors(hp)).toEqual([]);
		});
	});
});

if (!hasChromium) {
	describe('the pipeline view in Chromium', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
