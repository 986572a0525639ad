/**
 * Notes that try to run code or smuggle links, and a phone-width sidebar, in Chromium.
 *
 * A note's text reaches the page only as text: a company named `<img src=x onerror=…>` shows
 * those characters, never an image; an email field `javascript:alert(1)` never becomes a link
 * or a URL the plugin opens. Every way in is tried: the view, its buttons, the code block, the
 * status bar, the notices, the settings tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEW, hasChromium, noChromiumMessage, openSession, pluginErrors, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session, openFollowUpsView } from './browser';
import { fixtureVault, HOSTILE, hostileVault, XSS_IMG } from './fixtures';


type Probe = {
	pwned: unknown;
	opened: string[];
	/** Elements that would load or run something, found anywhere in the page's body. */
	active: string[];
	/** Links (or forms) whose URL would run script or load a document: javascript:, data:, vbscript:, file:. */
	badLinks: string[];
};

async function installWindowOpenSpy(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { opened: string[] };
		w.opened = [];
		window.open = (url?: string | URL) => {
			w.opened.push(String(url));
			return null;
		};
	});
}

async function probe(page: Page): Promise<Probe> {
	return page.evaluate(() => {
		const w = window as unknown as HarnessWindow & { opened: string[] };
		const active = Array.from(document.body.querySelectorAll('img, script:not([data-harness]), iframe, object, embed, svg [onload], svg[onload], [onerror], [onload], [onclick], [srcdoc]')).map(
			(e) => e.outerHTML.slice(0, 120),
		);
		const badLinks = Array.from(document.querySelectorAll('a[href], area[href], [xlink\\:href], form[action]'))
			.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? a.getAttribute('action') ?? '')
			.filter((href) => {
				// Browsers ignore whitespace and control characters inside a scheme: so does this check.
				const h = Array.from(href.toLowerCase())
					.filter((c) => c.charCodeAt(0) > 0x20)
					.join('');
				return ['javascript:', 'data:', 'vbscript:', 'file:'].some((scheme) => h.startsWith(scheme));
			});
		return { pwned: w.__pwned, opened: [...w.opened], active, badLinks };
	});
}

let session: Session;
beforeAll(async () => {
	if (hasChromium) session = await openSession();
});
afterAll(async () => {
	await session?.close();
});

describe.skipIf(!hasChromium)('hostile notes in Chromium', () => {
	let hp: HarnessPage;
	let page: Page;

	beforeAll(async () => {
		hp = await session.newPage({ width: 1280, height: 900 });
		page = hp.page;
		await startPlugin(page, { files: { ...fixtureVault(), ...hostileVault() } });
		await installWindowOpenSpy(page);
	});
	afterAll(async () => {
		await hp?.context.close();
	});

	it('shows the hostile values as text in the view, never as markup', async () => {
		const view = await openFollowUpsView(page);
		await view.locator('.ifu-group').first().waitFor();
		await settle(page);
		// The company shows, characters and all.
		await expect(view.getByText(XSS_IMG, { exact: false }).count()).resolves.toBeGreaterThan(0);
		const result = await probe(page);
		expect(result.active).toEqual([]);
		expect(result.badLinks).toEqual([]);
		expect(result.pwned).toBeUndefined();
	});

	it('Draft and Email on every hostile row, and Done, run no code and open no javascript: URL', async () => {
		const view = page.locator(VIEW);
		const hostileRows = view.locator('.ifu-row').filter({ hasText: '<img src=x' });
		const count = await hostileRows.count();
		expect(count).toBeGreaterThan(0);
		for (let i = 0; i < count; i++) {
			const r = hostileRows.nth(i);
			await r.hover();
			for (const label of [/^Draft/, /^Email/]) {
				const button = r.getByRole('button', { name: label });
				if ((await button.count()) === 0) continue;
				// A notice (top right, like Obsidian's) may cover the row: dismiss it, as a user would.
				await page.evaluate(() => document.querySelectorAll('.notice').forEach((n) => n.remove()));
				await button.click();
			}
		}
		await settle(page);
		const result = await probe(page);
		expect(result.pwned).toBeUndefined();
		expect(result.active).toEqual([]);
		expect(result.badLinks).toEqual([]);
		// Whatever Email opened is a mailto: link, and no recipient is a script URL.
		for (const url of result.opened) {
			expect(url.startsWith('mailto:')).toBe(true);
			expect(decodeURIComponent(url.slice('mailto:'.length).split('?')[0]).toLowerCase()).not.toContain('javascript:');
		}
		// The note got drafts, written as text: the markup stays in the note as characters, never in the page.
		const text = await page.evaluate((p) => (window as unknown as HarnessWindow).harness.readNote(p), HOSTILE);
		expect(text).toContain('## Drafts');
		await row0Done(page);
		const after = await probe(page);
		expect(after.pwned).toBeUndefined();
		expect(after.active).toEqual([]);
	});

	it('renders the code block of the hostile note, and its properties, as text', async () => {
		await page.evaluate((p) => (window as unknown as HarnessWindow).harness.openNote(p), HOSTILE);
		const block = page.locator('.markdown-reading-view .block-language-interview-followups');
		await block.locator('.ifu-group').first().waitFor();
		await settle(page);
		await expect(block.getByText(XSS_IMG, { exact: false }).count()).resolves.toBeGreaterThan(0);
		const result = await probe(page);
		expect(result.active).toEqual([]);
		expect(result.badLinks).toEqual([]);
		expect(result.pwned).toBeUndefined();
	});

	it('opens the settings tab with the hostile vault loaded, still without running anything', async () => {
		await page.evaluate(() => {
			(window as unknown as HarnessWindow).harness.openSettings();
		});
		await page.locator('.modal.mod-settings').waitFor();
		await page.keyboard.press('Escape');
		const result = await probe(page);
		expect(result.pwned).toBeUndefined();
		expect(result.active).toEqual([]);
	});

	it('opened no dialog and raised no error', async () => {
		expect(hp.dialogs).toEqual([]);
		expect(await pluginErrors(hp)).toEqual([]);
	});
});

/** Marks the first hostile row done (its log entry names a hostile person). */
async function row0Done(page: Page): Promise<void> {
	const done = page.locator(VIEW).locator('.ifu-row').filter({ hasText: '<img src=x' }).first().locator('input.ifu-done');
	if ((await done.count()) === 0) return;
	await done.click();
	await settle(page, 100);
}

describe.skipIf(!hasChromium)('the view on a phone-width screen', () => {
	let hp: HarnessPage;

	beforeAll(async () => {
		hp = await session.newPage({ width: 360, height: 740 });
		const long = 'Interviews/Long.md';
		await hp.page.evaluate(() => (window as unknown as HarnessWindow).harness.setLayout('phone'));
		await startPlugin(hp.page, {
			files: {
				...fixtureVault(),
				[long]: `---
type: interview
company: Supercalifragilisticexpialidocious-International-Holdings-Incorporated-Worldwide
role: Principal_Senior_Staff_Distinguished_Engineering_Manager_Of_Everything
interview_date: 2026-11-19T10:00
interviewers:
  - Maximiliana Wolfeschlegelsteinhausenbergerdorff, Chief Executive Officer <maximiliana.wolfeschlegelsteinhausenbergerdorff@supercalifragilistic.example>
---
`,
			},
		});
		await openFollowUpsView(hp.page);
		await hp.page.locator(VIEW).locator('.ifu-group').first().waitFor();
		await settle(hp.page);
	});
	afterAll(async () => {
		await hp?.context.close();
	});

	it('fills the 360 px screen and nothing in it overflows sideways', async () => {
		const result = await hp.page.evaluate((selector) => {
			const view = document.querySelector(selector);
			const content = view?.querySelector('.view-content');
			if (!view || !content) return null;
			const box = content.getBoundingClientRect();
			const outside: string[] = [];
			const check = (what: string, r: DOMRect, text: string): void => {
				if (r.width === 0 && r.height === 0) return;
				if (r.left < box.left - 0.5 || r.right > box.right + 0.5) outside.push(`${what}: ${Math.round(r.left)}..${Math.round(r.right)} (view ${Math.round(box.left)}..${Math.round(box.right)}) "${text.slice(0, 40)}"`);
			};
			for (const e of Array.from(content.querySelectorAll('*'))) check(`${e.tagName.toLowerCase()}.${e.className}`, e.getBoundingClientRect(), e.textContent ?? '');
			// Text can overflow the box of its element (a long word that does not wrap): measure the text itself.
			const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				// Text cut off with an ellipsis stays inside its element's box, which is checked above.
				if (node.parentElement && getComputedStyle(node.parentElement).textOverflow === 'ellipsis') continue;
				const range = document.createRange();
				range.selectNodeContents(node);
				check(`text in ${node.parentElement?.className ?? '?'}`, range.getBoundingClientRect(), node.textContent ?? '');
			}
			return {
				viewport: window.innerWidth,
				viewWidth: Math.round(view.getBoundingClientRect().width),
				pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				contentScroll: content.scrollWidth - content.clientWidth,
				outside,
			};
		}, VIEW);
		expect(result).not.toBeNull();
		expect(result!.viewport).toBe(360);
		expect(result!.viewWidth).toBeGreaterThanOrEqual(359);
		expect(result!.outside).toEqual([]);
		expect(result!.contentScroll).toBeLessThanOrEqual(0);
		expect(result!.pageScroll).toBeLessThanOrEqual(0);
	});

	it('keeps every row button and Done checkbox on screen and big enough to tap (44 px, shown without hovering)', async () => {
		const buttons = await hp.page.locator(VIEW).locator('.ifu-row button, .ifu-row input').evaluateAll((els) =>
			els.map((b) => {
				const r = b.getBoundingClientRect();
				return { tag: b.tagName, label: b.getAttribute('aria-label'), left: r.left, right: r.right, height: r.height, width: r.width };
			}),
		);
		expect(buttons.length).toBeGreaterThan(0);
		expect(buttons.filter((b) => b.tag === 'INPUT').length).toBeGreaterThan(0);
		for (const b of buttons) {
			expect(b.left).toBeGreaterThanOrEqual(0);
			expect(b.right).toBeLessThanOrEqual(360);
			expect(b.height, `${b.label}`).toBeGreaterThanOrEqual(44);
			expect(b.width, `${b.label}`).toBeGreaterThanOrEqual(44);
		}
	});

	it('keeps the Done checkbox on the line of its sentence, to its left', async () => {
		const rows = await hp.page.locator(VIEW).locator('.ifu-row > .tree-item-self').evaluateAll((els) =>
			els
				.map((e) => ({ done: e.querySelector('.ifu-done')?.getBoundingClientRect(), main: e.querySelector('.ifu-row-main')?.getBoundingClientRect(), text: e.textContent ?? '' }))
				.filter((r) => r.done !== undefined && r.main !== undefined)
				.map((r) => ({ text: r.text, doneRight: r.done!.right, mainLeft: r.main!.left, doneBottom: r.done!.bottom, mainTop: r.main!.top })),
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.doneRight, r.text).toBeLessThanOrEqual(r.mainLeft);
			expect(r.mainTop, r.text).toBeLessThan(r.doneBottom);
		}
	});

	it('raised no error', async () => {
		expect(await pluginErrors(hp)).toEqual([]);
	});
});

if (!hasChromium) {
	describe('hostile notes in Chromium', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
