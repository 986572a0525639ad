/**
 * Draft, Email and the Insert commands in Chromium, on a note open in the harness's editing mode
 * (a textarea kept in step with the editor the plugin sees as `workspace.activeEditor`): the user
 * selects and types with the keyboard, clicks the view's buttons and picks a command from the list.
 *
 * The tests share one page and run in order: each starts where the previous left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEW, hasChromium, openSession, pluginErrors, readNote, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session } from './browser';
import { fixtureVault, GLOBEX, globexNote } from './fixtures';

type EditingWindow = HarnessWindow & { harness: { editNote(path: string): HTMLTextAreaElement }; opened: string[] };

const PROPERTIES = globexNote.slice(0, globexNote.indexOf('\n---\n') + 4).split('\n');
const BODY_LINE = 'Went well. Sam asked about spreadsheets.';

function row(view: Locator, sentence: string): Locator {
	return view.locator('.ifu-row').filter({ has: view.page().locator('.ifu-row-sentence', { hasText: sentence }) });
}

async function click(view: Locator, sentence: string, button: string): Promise<void> {
	const r = row(view, sentence);
	await r.hover();
	await r.getByRole('button', { name: button }).click();
}

/** The textarea's text and selection. */
async function editorState(textarea: Locator): Promise<{ value: string; selected: string; start: number }> {
	return textarea.evaluate((t: HTMLTextAreaElement) => ({ value: t.value, selected: t.value.slice(t.selectionStart, t.selectionEnd), start: t.selectionStart }));
}

function count(text: string, part: string): number {
	return text.split(part).length - 1;
}

describe.skipIf(!hasChromium)('Draft, Email and Insert on a note being edited', () => {
	let session: Session;
	let hp: HarnessPage;
	let page: Page;
	let view: Locator;
	let textarea: Locator;

	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		page = hp.page;
		await startPlugin(page, { files: fixtureVault() });
		await page.evaluate(async (path) => {
			const w = window as unknown as EditingWindow;
			await w.harness.openView();
			w.harness.editNote(path);
			// The mail app is the system's; the test records the link Email opens.
			w.opened = [];
			window.open = (url?: string | URL) => {
				w.opened.push(String(url));
				return null;
			};
		}, GLOBEX);
		view = page.locator(VIEW);
		await view.locator('.ifu-group').first().waitFor();
		textarea = page.getByRole('textbox', { name: 'Edit Globex - Analyst' });
	});
	afterAll(async () => {
		await session?.close();
	});

	it('a selection keeps its text: Draft puts the message after it, on lines of its own, and selects what it added', async () => {
		await textarea.click();
		await page.keyboard.press('Control+Home');
		for (let i = 0; i < PROPERTIES.length; i++) await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Home');
		await page.keyboard.press('Shift+End');
		await expect(editorState(textarea)).resolves.toMatchObject({ selected: BODY_LINE });

		await click(view, 'Send a thank-you note to Sam Lee', 'Draft the thank-you note to Sam Lee');
		await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('### thank-you: Sam Lee'));
		const { value, selected } = await editorState(textarea);
		expect(value.startsWith(`${PROPERTIES.join('\n')}\n${BODY_LINE}\n### thank-you: Sam Lee\n\nSubject: `)).toBe(true);
		expect(selected).toMatch(/^### thank-you: Sam Lee\n\nSubject: [^\n]+\n\nDear Sam,\n/);
		expect(value.endsWith(selected)).toBe(true);
		// Obsidian saves the editor's text a moment later; so does the harness.
		await page.waitForFunction((p) => (window as unknown as EditingWindow).harness.readNote(p)?.includes('### thank-you: Sam Lee'), GLOBEX);
		await expect(readNote(page, GLOBEX)).resolves.toBe(value);
	});

	it('Draft clicked twice inserts once, and shows the draft already there; so does the timeline question it answers too', async () => {
		await textarea.click();
		await page.keyboard.press('Control+Home');
		const before = (await editorState(textarea)).value;
		await click(view, 'Send a thank-you note to Sam Lee', 'Draft the thank-you note to Sam Lee');
		await page.waitForFunction(() => (window as unknown as EditingWindow).harness.notices.some((n) => n.includes('already in')));
		const after = await editorState(textarea);
		expect(after.value).toBe(before);
		expect(count(after.value, '### thank-you: Sam Lee')).toBe(1);
		// The cursor went to the draft.
		expect(after.start).toBe(after.value.indexOf('### thank-you: Sam Lee'));

		// One message per person and day: the open timeline question is in that draft.
		await click(view, 'Ask Sam Lee when they expect to decide', 'Draft the timeline question to Sam Lee');
		await settle(page);
		expect((await editorState(textarea)).value).toBe(before);
	});

	it('a cursor in the properties: Draft puts the text after them, never inside', async () => {
		await textarea.click();
		await page.keyboard.press('Control+Home');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('End');
		await click(view, 'Check in with Sam Lee about the status', 'Draft the status check with Sam Lee');
		await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('### status-check: Sam Lee'));
		const lines = (await editorState(textarea)).value.split('\n');
		expect(lines.slice(0, PROPERTIES.length)).toEqual(PROPERTIES);
		expect(lines[PROPERTIES.length]).toBe('### status-check: Sam Lee');
		// A blank line keeps the note's own paragraph out of the draft.
		const own = lines.indexOf(BODY_LINE);
		expect(lines[own - 1]).toBe('');
		expect(lines[own - 2]).not.toBe('');
	});

	it('an Insert command, picked from the command list while the sidebar has the focus, inserts into the note being edited', async () => {
		// The earlier tests' notices cover the sidebar's header for 5 s; a click dismisses each, as in Obsidian.
		await page.evaluate(() => document.querySelectorAll<HTMLElement>('#notice-container .notice').forEach((n) => n.click()));
		await view.locator('.view-header-title').click();
		await page.locator('#harness-commands').selectOption({ label: 'Interview Follow-ups: Insert a withdrawal' });
		await page.waitForFunction(() => document.querySelector('textarea')?.value.includes('### withdraw: Sam Lee'));
		const value = (await editorState(textarea)).value;
		expect(value.split('\n').slice(0, PROPERTIES.length)).toEqual(PROPERTIES);
		expect(count(value, '### withdraw: Sam Lee')).toBe(1);
		expect(value).toMatch(/### withdraw: Sam Lee\n\nSubject: Withdrawing my application for the Analyst role\n/);
		// Globex's application is not closed: the plugin says the withdrawal may not fit.
		await expect(page.evaluate(() => (window as unknown as EditingWindow).harness.notices.some((n) => /withdraw/i.test(n)))).resolves.toBe(true);
	});

	it('Email after editing the draft mails the edit: the subject and the sentence the user typed', async () => {
		// Click at the end of the draft's greeting (the caret placed where a click would put it), then type.
		await textarea.evaluate((t: HTMLTextAreaElement) => {
			const at = t.value.indexOf('Dear Sam,', t.value.indexOf('### thank-you: Sam Lee')) + 'Dear Sam,'.length;
			t.focus();
			t.setSelectionRange(at, at);
		});
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await page.keyboard.type('Here is the spreadsheet template I mentioned on Friday.');
		// Rewrite the subject line: select it with the keyboard and type over it.
		await textarea.evaluate((t: HTMLTextAreaElement) => {
			const subject = t.value.indexOf('Subject: ', t.value.indexOf('### thank-you: Sam Lee'));
			t.setSelectionRange(subject, subject);
		});
		await page.keyboard.press('Shift+End');
		await page.keyboard.type('Subject: Thanks for Friday, Sam');

		await click(view, 'Send a thank-you note to Sam Lee', 'Email Sam Lee: thank-you note to Sam Lee');
		await page.waitForFunction(() => (window as unknown as EditingWindow).opened.length > 0);
		const opened = await page.evaluate(() => (window as unknown as EditingWindow).opened);
		expect(opened).toHaveLength(1);
		const url = new URL(opened[0]);
		expect(decodeURIComponent(url.pathname)).toBe('sam.lee@globex.example');
		expect(url.searchParams.get('subject')).toBe('Thanks for Friday, Sam');
		const body = url.searchParams.get('body') ?? '';
		expect(body).toMatch(/^Dear Sam,\r?\n\r?\nHere is the spreadsheet template I mentioned on Friday\.\r?\n/);
		expect(body).not.toContain('###');
		expect(body).not.toContain('Subject:');
		// The next draft's heading ends this one: nothing of the withdrawal or the status check is mailed.
		expect(body).not.toMatch(/withdraw|status/i);

		// The same edit once saved: Email of the timeline question (the same message) mails it too.
		await page.waitForFunction((p) => (window as unknown as EditingWindow).harness.readNote(p)?.includes('Thanks for Friday, Sam'), GLOBEX);
		await click(view, 'Ask Sam Lee when they expect to decide', 'Email Sam Lee: timeline question to Sam Lee');
		await page.waitForFunction(() => (window as unknown as EditingWindow).opened.length > 1);
		const second = new URL((await page.evaluate(() => (window as unknown as EditingWindow).opened))[1]);
		expect(second.searchParams.get('subject')).toBe('Thanks for Friday, Sam');
		expect(await pluginErrors(hp)).toEqual([]);
		expect(hp.dialogs).toEqual([]);
	});
});
