/**
 * The plugin in Chromium, used as a person would: the sidebar view, its buttons, the status bar,
 * the code block in a note, the settings tab. The vault is fixtures.ts's, on Saturday 2026-11-21.
 *
 * The tests of this file share one page and run in order: each starts where the previous left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEW, hasChromium, noChromiumMessage, openSession, pluginErrors, readNote, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session, openFollowUpsView } from './browser';
import { ACME, acmeNote, DASHBOARD, fixtureVault, GLOBEX, globexNote } from './fixtures';


/** The groups of a list as the user reads them: title, then the sentence of every row. */
async function readGroups(list: Locator): Promise<{ title: string; rows: string[] }[]> {
	return list.evaluate((root) =>
		Array.from(root.querySelectorAll('.ifu-group')).map((group) => ({
			title: `${group.querySelector('.ifu-group-title')?.textContent ?? ''} (${group.querySelector('.tree-item-flair')?.textContent ?? ''})`,
			rows: Array.from(group.querySelectorAll('.ifu-row .ifu-row-sentence')).map((s) => s.textContent ?? ''),
		})),
	);
}

function row(scope: Locator, sentence: string): Locator {
	return scope.locator('.ifu-row').filter({ has: scope.page().locator('.ifu-row-sentence', { hasText: sentence }) });
}

/** The note's text with the lines `added` taken out once each, to compare with the original. */
function withoutLines(text: string, added: RegExp[]): { rest: string; missing: string[] } {
	const lines = text.split('\n');
	const missing: string[] = [];
	for (const pattern of added) {
		const at = lines.findIndex((l) => pattern.test(l));
		if (at === -1) missing.push(String(pattern));
		else lines.splice(at, 1);
	}
	return { rest: lines.join('\n'), missing };
}

describe.skipIf(!hasChromium)('the plugin in Chromium', () => {
	let session: Session;
	beforeAll(async () => {
		session = await openSession();
	});
	afterAll(async () => {
		await session?.close();
	});

	describe('on the fixture vault', () => {
		let hp: HarnessPage;
		let page: Page;
		let view: Locator;

		beforeAll(async () => {
			hp = await session.newPage({ width: 1280, height: 800 });
			page = hp.page;
			await startPlugin(page, { files: fixtureVault() });
			view = page.locator(VIEW);
		});
		afterAll(async () => {
			await hp?.context.close();
		});

		it('opens the view from its ribbon icon', async () => {
			await expect(view.count()).resolves.toBe(0);
			await page.locator('#ribbon').getByRole('button', { name: 'Open interview follow-ups' }).click();
			await view.locator('.ifu-group').first().waitFor();
			await expect(view.locator('.view-header-title').textContent()).resolves.toBe('Interview follow-ups');
			await expect(view.isVisible()).resolves.toBe(true);
		});

		it('shows Overdue, To do now and Coming up, with their counts (v2: a booked round is prepared for, so nothing waits)', async () => {
			const groups = await readGroups(view);
			expect(groups.map((g) => g.title)).toEqual(['Overdue (2)', 'To do now (2)', 'Coming up (2)']);
			expect(groups[0].rows.sort()).toEqual(['Send a thank-you note to John Roe', 'Tell Ann Smith a reference call may come']);
			expect(groups[1].rows.sort()).toEqual(['Ask Sam Lee when they expect to decide', 'Send a thank-you note to Sam Lee']);
			expect(groups[2].rows).toEqual(['Prepare for the next round', 'Check in with Sam Lee about the status']);
			// Each row says where it comes from and when it is due.
			const john = row(view, 'Send a thank-you note to John Roe');
			await expect(john.locator('.ifu-row-context').textContent()).resolves.toBe('Acme Finance · Secretary');
			await expect(john.locator('.ifu-row-when').textContent()).resolves.toBe('was due Wed 18 Nov');
			await expect(john.locator('.ifu-row-gifts').getAttribute('aria-label')).resolves.toContain('paperless workflow');
		});

		it('shows the count in the status bar, and a click there reveals the view', async () => {
			const item = page.locator('#status-bar .status-bar-item.plugin-interview-followups');
			await expect(item.textContent()).resolves.toBe('Follow-ups: 2 overdue, 2 to do now');
			await page.evaluate(() => ((window as unknown as HarnessWindow).harness.app.workspace as unknown as { rightSplit: { collapse(): void } }).rightSplit.collapse());
			await expect(view.isVisible()).resolves.toBe(false);
			await item.click();
			await view.waitFor({ state: 'visible' });
			await expect(page.locator(VIEW).count()).resolves.toBe(1);
		});

		it('Draft puts a thank-you under "## Drafts" in the note and keeps the rest of it', async () => {
			const sam = row(view, 'Send a thank-you note to Sam Lee');
			await sam.hover();
			await sam.getByRole('button', { name: 'Draft the thank-you note to Sam Lee' }).click();
			await page.waitForFunction((p) => (window as unknown as HarnessWindow).harness.readNote(p)?.includes('## Drafts'), GLOBEX);
			const text = await readNote(page, GLOBEX);
			expect(text).not.toBeNull();
			const drafts = text!.indexOf('## Drafts');
			expect(drafts).toBeGreaterThan(0);
			expect(text!.startsWith(globexNote)).toBe(true);
			const draft = text!.slice(drafts);
			expect(draft).toContain('Dear Sam,');
			expect(draft).toMatch(/thank/i);
			expect(draft).toContain('### thank-you: Sam Lee');
			expect(draft).toContain('Analyst');
			// The action is still to do: writing a draft is not sending it.
			await expect(row(view, 'Send a thank-you note to Sam Lee').count()).resolves.toBe(1);
			expect(hp.dialogs).toEqual([]);
		});

		it('Email opens a mailto: link to the person, with the filled message', async () => {
			await page.evaluate(() => {
				const w = window as unknown as HarnessWindow & { opened: string[] };
				w.opened = [];
				window.open = (url?: string | URL) => {
					w.opened.push(String(url));
					return null;
				};
			});
			const ask = row(view, 'Ask Sam Lee when they expect to decide');
			await ask.hover();
			await ask.getByRole('button', { name: 'Email Sam Lee: timeline question to Sam Lee' }).click();
			await page.waitForFunction(() => (window as unknown as { opened: string[] }).opened.length > 0);
			await settle(page);
			const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
			expect(opened).toHaveLength(1);
			const url = new URL(opened[0]);
			expect(url.protocol).toBe('mailto:');
			expect(decodeURIComponent(url.pathname)).toBe('sam.lee@globex.example');
			expect(url.searchParams.get('subject')).toBeTruthy();
			expect(url.searchParams.get('body') ?? '').toContain('Sam');
		});

		it('Snooze hides the row until the chosen day and records it in the note', async () => {
			const before = await readNote(page, GLOBEX);
			const sam = row(view, 'Send a thank-you note to Sam Lee');
			await sam.hover();
			await sam.getByRole('button', { name: 'Snooze: thank-you note to Sam Lee' }).click();
			const menu = page.locator('.menu');
			await menu.waitFor();
			const items = await menu.locator('.menu-item-title').allTextContents();
			expect(items).toEqual(['Tomorrow (Sun 22 Nov)', 'In 3 days (Tue 24 Nov)', 'Next week (Sat 28 Nov)', 'Pick a date…']);
			await menu.getByText('In 3 days (Tue 24 Nov)').click();
			await row(view, 'Send a thank-you note to Sam Lee').waitFor({ state: 'detached' });
			const after = await readNote(page, GLOBEX);
			const { rest, missing } = withoutLines(after!, [/^snoozed:\s*$/, /^\s+- "?2026-11-24 thank-you: Sam Lee"?$/]);
			expect(missing).toEqual([]);
			expect(rest).toBe(before);
			const groups = await readGroups(view);
			expect(groups.find((g) => g.title.startsWith('To do now'))?.rows).toEqual(['Ask Sam Lee when they expect to decide']);
		});

		it('Snooze → "Pick a date…" asks for a date, refuses one in the past, and accepts a later one', async () => {
			const ask = row(view, 'Ask Sam Lee when they expect to decide');
			await ask.hover();
			await ask.getByRole('button', { name: 'Snooze: timeline question to Sam Lee' }).click();
			await page.locator('.menu').getByText('Pick a date…').click();
			const modal = page.locator('.modal-container .modal');
			await modal.waitFor();
			await expect(modal.locator('.modal-title').textContent()).resolves.toBe('Snooze until');
			const input = modal.locator('input');
			await input.fill('2026-11-20');
			await input.press('Enter');
			await expect(modal.locator('.ifu-error').textContent()).resolves.toContain('not after today');
			await expect(row(view, 'Ask Sam Lee when they expect to decide').count()).resolves.toBe(1);
			await input.fill('2026-11-30');
			await modal.getByRole('button', { name: 'Snooze' }).click();
			await row(view, 'Ask Sam Lee when they expect to decide').waitFor({ state: 'detached' });
			await expect(page.locator('.modal-container').count()).resolves.toBe(0);
			expect(await readNote(page, GLOBEX)).toMatch(/^\s+- "?2026-11-30 ask-timeline: Sam Lee"?$/m);
		});

		it('Done logs the follow-up in the note: the row leaves, counts and status bar follow, nothing else changes', async () => {
			const john = row(view, 'Send a thank-you note to John Roe');
			await john.getByRole('checkbox', { name: 'Mark done: thank-you note to John Roe' }).click();
			await john.waitFor({ state: 'detached' });
			const text = await readNote(page, ACME);
			const { rest, missing } = withoutLines(text!, [/^\s+- "?2026-11-21 thank-you: John Roe"?$/]);
			expect(missing).toEqual([]);
			expect(rest).toBe(acmeNote);
			// The new entry sits in follow_ups, after the one that was there.
			expect(text!.indexOf('2026-11-21 thank-you: John Roe')).toBeGreaterThan(text!.indexOf('2026-11-17 thank-you: Jane Doe'));
			const groups = await readGroups(view);
			expect(groups[0]).toEqual({ title: 'Overdue (1)', rows: ['Tell Ann Smith a reference call may come'] });
			await expect(page.locator('#status-bar .plugin-interview-followups').textContent()).resolves.toBe('Follow-ups: 1 overdue');
			const notices = await page.evaluate(() => [...(window as unknown as HarnessWindow).harness.notices]);
			expect(notices.some((n) => n.startsWith('Marked done: thank-you note to John Roe.'))).toBe(true);
		});

		it('follows a change made to a note outside the view (here: a log entry typed by hand)', async () => {
			const text = await readNote(page, ACME);
			const edited = text!.replace('follow_ups:\n', 'follow_ups:\n  - "2026-11-20 reference-alert: Ann Smith"\n');
			expect(edited).not.toBe(text);
			await page.evaluate(([path, t]) => (window as unknown as HarnessWindow).harness.writeNote(path, t), [ACME, edited] as const);
			await row(view, 'Tell Ann Smith a reference call may come').waitFor({ state: 'detached' });
			const titles = (await readGroups(view)).map((g) => g.title);
			expect(titles.some((t) => t.startsWith('Overdue'))).toBe(false);
			await expect(page.locator('#status-bar .plugin-interview-followups').textContent()).resolves.toBe('No follow-ups to do');
		});

		it('renders the interview-followups code block in a note, and its rows open their note', async () => {
			await page.locator('#file-list').getByRole('button', { name: 'Follow-ups', exact: true }).click();
			const block = page.locator('.markdown-reading-view .block-language-interview-followups');
			await block.locator('.ifu-group').first().waitFor();
			const inBlock = await readGroups(block);
			const inView = await readGroups(view);
			expect(inBlock).toEqual(inView);
			await expect(page.locator('.markdown-reading-view').getByText('Text after the block.').count()).resolves.toBe(1);
			await block.locator('.ifu-row-sentence', { hasText: 'Check in with Sam Lee about the status' }).click();
			await page.locator(`.markdown-reading-view[data-path="${GLOBEX}"]`).waitFor();
			expect(await readNote(page, DASHBOARD)).toBe(fixtureVault()[DASHBOARD]);
		});

		it('opens its settings tab with named settings, without an error', async () => {
			await page.evaluate(() => {
				(window as unknown as HarnessWindow).harness.openSettings();
			});
			const modal = page.locator('.modal.mod-settings');
			await modal.waitFor();
			const names = await modal.locator('.setting-item-name').allTextContents();
			expect(names.filter((n) => n.trim() !== '').length).toBeGreaterThan(3);
			await page.keyboard.press('Escape');
			await expect(page.locator('.modal-container').count()).resolves.toBe(0);
		});

		it('raised no error and opened no dialog on the way', async () => {
			expect(await pluginErrors(hp)).toEqual([]);
			expect(hp.dialogs).toEqual([]);
		});
	});

	describe('on an empty vault', () => {
		it('loads main.js as Obsidian does (CommonJS, require("obsidian")), and its view says how to begin', async () => {
			const hp = await session.newPage({ width: 900, height: 700 });
			await startPlugin(hp.page, { files: { 'Welcome.md': '# Welcome\n' } });
			const plugin = await hp.page.evaluate(() => {
				const p = (window as unknown as HarnessWindow).harness.plugin as { manifest: { id: string }; loaded__: boolean };
				return { id: p.manifest.id, loaded: p.loaded__ };
			});
			expect(plugin).toEqual({ id: 'interview-followups', loaded: true });
			await openFollowUpsView(hp.page);
			const empty = hp.page.locator(VIEW).locator('.ifu-empty');
			await empty.waitFor();
			await expect(empty.textContent()).resolves.toContain('No interview notes yet.');
			await expect(empty.locator('code').textContent()).resolves.toContain('type: interview');
			await expect(hp.page.locator('#status-bar .plugin-interview-followups').textContent()).resolves.toBe('No follow-ups to do');
			// Its button creates a note from the interview template and opens it.
			await empty.locator('button', { hasText: 'New interview note' }).click();
			await hp.page.locator('.markdown-reading-view[data-path$=" Interview.md"]').waitFor();
			const created = await hp.page.evaluate(() =>
				(window as unknown as HarnessWindow).harness.app.vault
					.getMarkdownFiles()
					.map((f) => f.path)
					.filter((p) => p.endsWith(' Interview.md')),
			);
			expect(created).toHaveLength(1);
			expect(created[0]).toContain('2026-11-21');
			expect(await readNote(hp.page, created[0])).toMatch(/^---\n[\s\S]*type: interview/);
			expect(await pluginErrors(hp)).toEqual([]);
			expect(hp.dialogs).toEqual([]);
			await hp.context.close();
		});
	});
});

if (!hasChromium) {
	describe('the plugin in Chromium', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
