/**
 * The follow-ups view as Obsidian's own lists are used: by keyboard alone, by its context menu,
 * with Undo, the Snoozed group, groups that stay closed across a restart, rows dense enough for a
 * sidebar. The vault is fixtures.ts's, on Saturday 2026-11-21.
 *
 * The tests of a describe share one page and run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEW, hasChromium, noChromiumMessage, openSession, pluginErrors, readNote, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session, openFollowUpsView } from './browser';
import { ACME, fixtureVault, GLOBEX, globexNote } from './fixtures';

function row(scope: Locator, sentence: string): Locator {
	return scope.locator('.ifu-row').filter({ has: scope.page().locator('.ifu-row-sentence', { hasText: sentence }) });
}

/** The focused element's text and class, as a user (or a screen reader) would find it. */
async function focused(page: Page): Promise<{ text: string; cls: string; label: string | null }> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { text: el?.textContent ?? '', cls: el?.className ?? '', label: el?.getAttribute('aria-label') ?? null };
	});
}

/** Notices (top right, as in Obsidian) may cover the sidebar: dismiss them, as a user would. */
async function clearNotices(page: Page): Promise<void> {
	await page.evaluate(() => document.querySelectorAll('.notice').forEach((n) => n.remove()));
}

async function notices(page: Page): Promise<string[]> {
	return page.evaluate(() => [...(window as unknown as HarnessWindow).harness.notices]);
}

describe.skipIf(!hasChromium)('the follow-ups view, used as Obsidian lists are', () => {
	let session: Session;
	let hp: HarnessPage;
	let page: Page;
	let view: Locator;

	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		page = hp.page;
		await startPlugin(page, { files: fixtureVault() });
		view = await openFollowUpsView(page);
		await view.locator('.ifu-group').first().waitFor();
	});
	afterAll(async () => {
		await session?.close();
	});

	it('draws groups in Obsidian tree markup: headings with a chevron and the count as flair', async () => {
		const groups = await view.locator('.ifu-group').evaluateAll((els) =>
			els.map((g) => ({
				tree: g.classList.contains('tree-item'),
				heading: g.querySelector(':scope > .tree-item-self')?.getAttribute('role'),
				chevron: g.querySelector(':scope > .tree-item-self > .tree-item-icon.collapse-icon svg') !== null,
				title: g.querySelector('.tree-item-inner')?.textContent,
				count: g.querySelector('.tree-item-flair')?.textContent,
				expanded: g.querySelector('.ifu-group-title')?.getAttribute('aria-expanded'),
			})),
		);
		expect(groups.map((g) => `${g.title} ${g.count} ${g.expanded}`)).toEqual(['Overdue 2 true', 'To do now 2 true', 'Coming up 2 true']);
		expect(groups.every((g) => g.tree && g.heading === 'heading' && g.chevron)).toBe(true);
		// The count also sits in the view's header, where mobile (no status bar) shows it.
		await expect(view.locator('.ifu-count').textContent()).resolves.toBe('4');
		const header = await view.locator('.nav-header .nav-action-button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
		expect(header).toEqual(['Read the notes again', 'Collapse or expand every group', 'New interview note']);
	});

	it('at 380 px wide, a row of one interviewer is two lines, at most 56 px tall, its date whole', async () => {
		await page.evaluate(() => (window as unknown as HarnessWindow).harness.setRightSidebarWidth(380));
		await settle(page, 100);
		const rows = await view.locator('.ifu-row > .tree-item-self').evaluateAll((els) =>
			els.map((e) => {
				const when = e.querySelector('.ifu-row-when');
				const meta = e.querySelector('.ifu-row-meta');
				const whenBox = when?.getBoundingClientRect();
				const metaBox = meta?.getBoundingClientRect();
				return {
					text: e.querySelector('.ifu-row-sentence')?.textContent ?? '',
					height: e.getBoundingClientRect().height,
					whenInside: !whenBox || !metaBox || whenBox.right <= metaBox.right + 0.5,
					whenOneLine: !when || getComputedStyle(when).whiteSpace !== 'normal',
				};
			}),
		);
		const john = rows.find((r) => r.text === 'Send a thank-you note to John Roe');
		expect(john).toBeDefined();
		for (const r of rows) {
			expect(r.height, r.text).toBeLessThanOrEqual(56);
			expect(r.whenInside, r.text).toBe(true);
			expect(r.whenOneLine, r.text).toBe(true);
		}
	});

	it('shows the row buttons on hover, with names that say what and for whom', async () => {
		const sam = row(view, 'Send a thank-you note to Sam Lee');
		const snooze = sam.getByRole('button', { name: 'Snooze: thank-you note to Sam Lee' });
		await expect(snooze.isVisible()).resolves.toBe(false);
		await sam.hover();
		await expect(snooze.isVisible()).resolves.toBe(true);
		// The whole row is the link: it takes the hover background, not only its sentence.
		const bg = await sam.locator('.tree-item-self').evaluate((e) => getComputedStyle(e).backgroundColor);
		expect(bg).not.toBe('rgba(0, 0, 0, 0)');
		await expect(sam.getByRole('checkbox').getAttribute('aria-label')).resolves.toBe('Mark done: thank-you note to Sam Lee (Globex, Analyst)');
		await expect(sam.getByRole('link').textContent()).resolves.toBe('Send a thank-you note to Sam Lee');
	});

	it('keyboard only: arrows move, Enter opens, menus open beside their button, Space marks done and the next row takes the focus', async () => {
		await page.mouse.move(5, 790);
		await view.locator('.ifu-group-title').first().focus();
		await page.keyboard.press('ArrowDown');
		expect((await focused(page)).text).toBe('Tell Ann Smith a reference call may come');
		await page.keyboard.press('ArrowDown');
		expect((await focused(page)).text).toBe('Send a thank-you note to John Roe');
		// Enter opens the note.
		await page.keyboard.press('Enter');
		await page.locator(`.markdown-reading-view[data-path="${ACME}"]`).waitFor();
		// Tab reaches the row's buttons; Enter on Snooze opens its menu beside the button, not at the window's corner.
		await page.keyboard.press('Tab');
		const snooze = await focused(page);
		expect(snooze.label).toBe('Snooze: thank-you note to John Roe (Acme Finance, Secretary)');
		await page.keyboard.press('Enter');
		const menu = page.locator('.menu');
		await menu.waitFor();
		const [menuBox, buttonBox] = await Promise.all([menu.boundingBox(), row(view, 'Send a thank-you note to John Roe').getByRole('button', { name: snooze.label ?? '' }).boundingBox()]);
		// Under the button, and reaching across it (a menu at the window's edge moves left to stay on screen).
		expect(Math.abs(menuBox!.y - (buttonBox!.y + buttonBox!.height))).toBeLessThan(4);
		expect(menuBox!.x).toBeLessThanOrEqual(buttonBox!.x + 0.5);
		expect(menuBox!.x + menuBox!.width).toBeGreaterThanOrEqual(buttonBox!.x + buttonBox!.width);
		await page.keyboard.press('Escape');
		await menu.waitFor({ state: 'detached' });
		// Back on the row: Shift+Tab, then Space marks it done.
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page)).text).toBe('Send a thank-you note to John Roe');
		await page.keyboard.press(' ');
		await row(view, 'Send a thank-you note to John Roe').waitFor({ state: 'detached' });
		await settle(page, 100);
		expect((await focused(page)).text).toBe('Ask Sam Lee when they expect to decide');
		expect(await readNote(page, ACME)).toContain('2026-11-21 thank-you: John Roe');
		expect(await notices(page)).toContain('Marked done: thank-you note to John Roe.Undo');
	});

	it('Undo gives the note back its exact bytes', async () => {
		const before = await readNote(page, GLOBEX);
		expect(before).toBe(globexNote);
		const sam = row(view, 'Send a thank-you note to Sam Lee');
		await sam.getByRole('checkbox').click();
		await sam.waitFor({ state: 'detached' });
		const undo = page.locator('.notice').filter({ hasText: 'Marked done: thank-you note to Sam Lee.' }).getByRole('button', { name: 'Undo' });
		await undo.click();
		await row(view, 'Send a thank-you note to Sam Lee').waitFor();
		expect(await readNote(page, GLOBEX)).toBe(before);
	});

	it('Undo refuses, and says so, when the note changed since', async () => {
		await clearNotices(page);
		await row(view, 'Send a thank-you note to Sam Lee').getByRole('checkbox').click();
		await row(view, 'Send a thank-you note to Sam Lee').waitFor({ state: 'detached' });
		const edited = `${(await readNote(page, GLOBEX))!}A line typed after Done.\n`;
		await page.evaluate(([p, t]) => (window as unknown as HarnessWindow).harness.writeNote(p, t), [GLOBEX, edited] as const);
		await settle(page);
		await page.evaluate(async () => {
			await (window as unknown as HarnessWindow).harness.runCommand('undo-last-change');
		});
		expect(await readNote(page, GLOBEX)).toBe(edited);
		expect((await notices(page)).at(-1)).toMatch(/^Could not undo "Marked done: thank-you note to Sam Lee" in .*: the note changed since/);
		// Put the fixture back for the next tests.
		await page.evaluate(([p, t]) => (window as unknown as HarnessWindow).harness.writeNote(p, t), [GLOBEX, globexNote] as const);
		await row(view, 'Send a thank-you note to Sam Lee').waitFor();
	});

	it('the context menu: Open, Open to the right, Done, Snooze…, Draft, Email, Copy; Snooze… sends the row to the Snoozed group (closed), where Un-snooze brings it back', async () => {
		const sam = row(view, 'Send a thank-you note to Sam Lee');
		await clearNotices(page);
		await sam.locator('.ifu-row-sentence').click({ button: 'right' });
		const menu = page.locator('.menu');
		await menu.waitFor();
		await expect(menu.locator('.menu-item-title').allTextContents()).resolves.toEqual(['Open', 'Open to the right', 'Done', 'Snooze…', 'Draft', 'Email', 'Copy']);
		await menu.getByText('Snooze…').click();
		await page.locator('.menu').getByText('Tomorrow (Sun 22 Nov)').click();
		await sam.waitFor({ state: 'detached' });
		const snoozed = view.locator('.ifu-group[data-group="snoozed"]');
		await expect(snoozed.locator('.ifu-group-title').getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(snoozed.locator('.tree-item-flair').textContent()).resolves.toBe('1');
		await snoozed.locator('.ifu-group-title').click();
		const back = row(snoozed, 'Send a thank-you note to Sam Lee');
		await expect(back.locator('.ifu-row-when').textContent()).resolves.toBe('back Sun 22 Nov');
		await back.hover();
		await back.getByRole('button', { name: 'Un-snooze: thank-you note to Sam Lee' }).click();
		await row(view.locator('.ifu-group[data-group="now"]'), 'Send a thank-you note to Sam Lee').waitFor();
		expect(await readNote(page, GLOBEX)).toBe(globexNote);
	});

	it('Done on a follow-up that is only coming up says what happens next', async () => {
		const check = row(view, 'Check in with Sam Lee about the status');
		await clearNotices(page);
		await check.getByRole('checkbox').click();
		await settle(page);
		expect((await notices(page)).at(-1)).toMatch(/^Marked done: status check with Sam Lee\. The next status check is due \w{3} \d{1,2} \w{3}\.Undo$/);
		await page.evaluate(async () => {
			await (window as unknown as HarnessWindow).harness.runCommand('undo-last-change');
		});
		expect(await readNote(page, GLOBEX)).toBe(globexNote);
	});

	it('a drag of a row drops a [[link]] to its note; hovering asks Obsidian for the page preview', async () => {
		const dropped = await row(view, 'Send a thank-you note to Sam Lee')
			.locator('.tree-item-self')
			.evaluate((self) => {
				const data = new DataTransfer();
				self.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
				return { text: data.getData('text/plain'), uri: data.getData('text/uri-list') };
			});
		expect(dropped).toEqual({ text: '[[Globex - Analyst]]', uri: '' });
		const hovered = await page.evaluate(async (selector) => {
			const h = (window as unknown as HarnessWindow).harness as unknown as { app: { workspace: { on(name: string, cb: (info: { linktext: string; source: string }) => void): unknown } } };
			const seen: { linktext: string; source: string }[] = [];
			h.app.workspace.on('hover-link', (info) => seen.push({ linktext: info.linktext, source: info.source }));
			document.querySelector(`${selector} .ifu-row .tree-item-self`)?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
			await Promise.resolve();
			return seen;
		}, VIEW);
		expect(hovered[0]).toEqual({ linktext: 'Interviews/Acme Finance - Secretary.md', source: 'interview-followups-view' });
	});

	it('a click opens the row\'s note in the current tab, Ctrl/Cmd-click in a new tab, as links do', async () => {
		await page.evaluate(() => {
			const ws = (window as unknown as HarnessWindow).harness.app.workspace as unknown as { getLeaf(how?: unknown): unknown; asked__?: unknown[] };
			const getLeaf = ws.getLeaf.bind(ws);
			ws.asked__ = [];
			ws.getLeaf = (how?: unknown) => {
				ws.asked__?.push(how ?? false);
				return getLeaf(how);
			};
		});
		const asked = (): Promise<unknown[]> => page.evaluate(() => ((window as unknown as HarnessWindow).harness.app.workspace as unknown as { asked__: unknown[] }).asked__);
		const sentence = row(view, 'Send a thank-you note to Sam Lee').locator('.ifu-row-sentence');
		await sentence.click();
		await page.locator(`.markdown-reading-view[data-path="${GLOBEX}"]`).waitFor();
		await sentence.click({ modifiers: ['ControlOrMeta'] });
		await settle(page);
		expect(await asked()).toEqual([false, 'tab']);
	});

	it('a code block in a note matches a company written as a [[link]], and says when its filter matches nothing', async () => {
		await page.evaluate(async () => {
			const h = (window as unknown as HarnessWindow).harness;
			await h.writeNote('Acme block.md', '# Acme\n\n```interview-followups\ncompany: [[Acme Finance]]\n```\n');
			await h.writeNote('Nobody block.md', '```interview-followups\ncompany: Nobody Inc\n```\n');
		});
		await settle(page);
		await page.locator('#file-list').getByRole('button', { name: 'Acme block', exact: true }).click();
		const block = page.locator('.markdown-reading-view[data-path="Acme block.md"] .block-language-interview-followups');
		await block.locator('.ifu-row').first().waitFor();
		const contexts = await block.locator('.ifu-row .ifu-row-context').allTextContents();
		expect(contexts.length).toBeGreaterThan(0);
		expect(contexts.every((c) => c.startsWith('Acme Finance'))).toBe(true);
		await page.locator('#file-list').getByRole('button', { name: 'Nobody block', exact: true }).click();
		const nothing = page.locator('.markdown-reading-view[data-path="Nobody block.md"] .block-language-interview-followups .ifu-nothing');
		await expect(nothing.textContent()).resolves.toBe('No follow-up matches this block (company: Nobody Inc).');
	});

	it('keeps closed groups closed across a restart (per vault, in data.json)', async () => {
		await clearNotices(page);
		await view.locator('.ifu-group[data-group="overdue"] .ifu-group-title').click();
		await expect(view.locator('.ifu-group[data-group="overdue"]').getAttribute('class')).resolves.toContain('is-collapsed');
		await settle(page);
		const data = await page.evaluate(() => (window as unknown as HarnessWindow).harness.pluginData());
		const files = await page.evaluate(() => {
			const h = (window as unknown as HarnessWindow).harness;
			return Object.fromEntries(h.app.vault.getMarkdownFiles().map((f) => [f.path, h.readNote(f.path) ?? '']));
		});
		const again = await session.newPage({ width: 1280, height: 800 });
		await startPlugin(again.page, { files, data });
		await openFollowUpsView(again.page);
		const overdue = again.page.locator(VIEW).locator('.ifu-group[data-group="overdue"]');
		await overdue.waitFor();
		await expect(overdue.locator('.ifu-group-title').getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(overdue.locator('.ifu-row').count()).resolves.toBe(0);
		await expect(again.page.locator(VIEW).locator('.ifu-group[data-group="now"] .ifu-group-title').getAttribute('aria-expanded')).resolves.toBe('true');
		expect(await pluginErrors(again)).toEqual([]);
		await again.context.close();
	});

	it('the header\'s "Collapse or expand every group" closes every group, then opens them all; "New interview note" lists the new note as being written', async () => {
		await clearNotices(page);
		const expanded = (): Promise<Array<string | null>> => view.locator('.ifu-group .ifu-group-title').evaluateAll((els) => els.map((e) => e.getAttribute('aria-expanded')));
		const collapseAll = view.locator('.nav-header .nav-action-button[aria-label="Collapse or expand every group"]');
		// The restart test left Overdue closed and the others open: one open group is enough to close them all.
		const before = await expanded();
		expect(before).toContain('true');
		await collapseAll.click();
		await settle(page);
		const closed = await expanded();
		expect(closed.length).toBe(before.length);
		expect(closed.every((e) => e === 'false')).toBe(true);
		await expect(view.locator('.ifu-row').count()).resolves.toBe(0);
		await collapseAll.click();
		await settle(page);
		expect((await expanded()).every((e) => e === 'true')).toBe(true);
		// Overdue, closed before, shows its rows again.
		expect(await view.locator('.ifu-group[data-group="overdue"] .ifu-row').count()).toBeGreaterThan(0);

		await view.locator('.nav-header .nav-action-button[aria-label="New interview note"]').click();
		const written = view.locator('.ifu-group[data-group="being-written"]');
		await written.waitFor();
		await expect(written.locator('.ifu-row-sentence').allTextContents()).resolves.toEqual(['2026-11-21 Interview']);
		await expect(written.locator('.ifu-group-title').getAttribute('aria-expanded')).resolves.toBe('true');
		await expect(view.locator('.ifu-group[data-group="attention"] .ifu-row-sentence', { hasText: '2026-11-21 Interview' }).count()).resolves.toBe(0);
		// The note is in the vault, filled from the interview template.
		const made = await page.evaluate(() => {
			const h = (window as unknown as HarnessWindow).harness;
			return h.app.vault.getMarkdownFiles().filter((f) => f.path.endsWith('2026-11-21 Interview.md')).map((f) => h.readNote(f.path) ?? '');
		});
		expect(made).toHaveLength(1);
		expect(made[0]).toMatch(/^---\ntype: interview\n/);
	});

	it('raised no error and opened no dialog', async () => {
		expect(await pluginErrors(hp)).toEqual([]);
		expect(hp.dialogs).toEqual([]);
	});
});

describe.skipIf(!hasChromium)('the first run', () => {
	it('an empty vault shows the first steps alone; a new note without a company is "being written", not a problem', async () => {
		const session = await openSession();
		try {
			const hp = await session.newPage({ width: 1280, height: 800 });
			await startPlugin(hp.page, { files: { 'Welcome.md': '# Welcome\n' } });
			const view = await openFollowUpsView(hp.page);
			await view.locator('.ifu-empty').waitFor();
			await expect(view.locator('.ifu-banner').count()).resolves.toBe(0);
			await view.locator('.ifu-empty').getByRole('button', { name: 'New interview note' }).click();
			const written = view.locator('.ifu-group[data-group="being-written"]');
			await written.waitFor();
			await expect(written.locator('.ifu-row-sentence').textContent()).resolves.toBe('2026-11-21 Interview');
			await expect(written.locator('.ifu-row-meta').textContent()).resolves.toBe('being written: add the company and interview date when you know them');
			await expect(view.locator('.ifu-empty').count()).resolves.toBe(0);
			await expect(view.locator('.ifu-group[data-group="attention"]').count()).resolves.toBe(0);
			expect(await pluginErrors(hp)).toEqual([]);
		} finally {
			await session.close();
		}
	});
});

if (!hasChromium) {
	describe('the follow-ups view, used as Obsidian lists are', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
