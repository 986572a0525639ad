/**
 * The settings tab in Chromium, used as a person would: typing into its fields, switching work
 * days, picking holidays in date inputs and folders from the suggestions. The vault is
 * fixtures.ts's, on Saturday 2026-11-21.
 *
 * The tests share one page and run in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, noChromiumMessage, openSession, pluginErrors, settle, startPlugin, type HarnessPage, type HarnessWindow, type Session, openFollowUpsView } from './browser';
import { fixtureVault } from './fixtures';

async function data(page: Page): Promise<Record<string, unknown>> {
	return page.evaluate(() => (window as unknown as HarnessWindow).harness.pluginData() as Record<string, unknown>);
}

async function openSettings(page: Page): Promise<Locator> {
	await page.evaluate(() => {
		(window as unknown as HarnessWindow).harness.openSettings();
	});
	const modal = page.locator('.modal.mod-settings');
	await modal.waitFor();
	return modal;
}

/** The error shown under a setting, found by the setting's name. */
function errorOf(modal: Locator, name: string): Locator {
	return modal.locator('.setting-item').filter({ has: modal.page().locator('.setting-item-name', { hasText: new RegExp(`^${name}$`) }) }).locator('.ifu-error');
}

/** When the ask-timeline question to Sam Lee is due, as the view says it. */
async function askSamWhen(view: Locator): Promise<string | null> {
	return view.locator('.ifu-row').filter({ hasText: 'Ask Sam Lee when they expect to decide' }).locator('.ifu-row-when').textContent();
}

describe.skipIf(!hasChromium)('the settings tab in Chromium', () => {
	let session: Session;
	let hp: HarnessPage;
	let page: Page;
	let modal: Locator;
	let view: Locator;

	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		page = hp.page;
		await startPlugin(page, { files: fixtureVault() });
		view = await openFollowUpsView(page);
		await view.locator('.ifu-group').first().waitFor();
		modal = await openSettings(page);
	});
	afterAll(async () => {
		await session?.close();
	});

	it('the cadence pair: "at least" 12 is refused under "at most" 10, then saved with "at most" 14', async () => {
		const least = modal.getByRole('textbox', { name: 'Status check after at least' });
		const most = modal.getByRole('textbox', { name: 'Status check after at most' });
		await least.fill('12');
		await expect(errorOf(modal, 'Status check after at least').textContent()).resolves.toBe('"at most" (10 days) is below "at least" (12 days); raise "at most" or lower "at least"');
		expect(await data(page)).toMatchObject({ cadenceMin: 7, cadenceMax: 10 }); // nothing saved
		await most.fill('14');
		await settle(page);
		await expect(errorOf(modal, 'Status check after at least').textContent()).resolves.toBe('');
		await expect(errorOf(modal, 'Status check after at most').textContent()).resolves.toBe('');
		expect(await data(page)).toMatchObject({ cadenceMin: 12, cadenceMax: 14 });
		// Closed and opened again, the fields show what was saved.
		await page.keyboard.press('Escape');
		modal = await openSettings(page);
		await expect(modal.getByRole('textbox', { name: 'Status check after at least' }).inputValue()).resolves.toBe('12');
		await expect(modal.getByRole('textbox', { name: 'Status check after at most' }).inputValue()).resolves.toBe('14');
	});

	it('work days are switches named by their day, Monday first', async () => {
		const days = modal.locator('.ifu-weekday');
		await expect(days.allTextContents()).resolves.toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
		const friday = modal.getByRole('switch', { name: 'Friday' });
		await expect(friday.getAttribute('class')).resolves.toContain('is-enabled');
		await friday.click();
		await settle(page);
		expect((await data(page))['workWeek']).toEqual([1, 2, 3, 4]);
		await expect(friday.getAttribute('class')).resolves.not.toContain('is-enabled');
		await friday.click();
		await settle(page);
		expect((await data(page))['workWeek']).toEqual([1, 2, 3, 4, 5]);
	});

	it('holidays are date inputs: Add holiday, pick a date, the deadline moves; Remove takes it back', async () => {
		await expect(askSamWhen(view)).resolves.toBe('due Mon 23 Nov');
		await modal.getByRole('button', { name: 'Add holiday' }).click();
		const field = modal.locator('input[type="date"][aria-label="Holiday"]');
		await expect(field.getAttribute('type')).resolves.toBe('date');
		await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		// Typed as a person types into Chromium's date field (month, day, year in en-US).
		await page.keyboard.type('11232026');
		await settle(page);
		await expect(field.inputValue()).resolves.toBe('2026-11-23');
		expect((await data(page))['holidays']).toEqual(['2026-11-23']);
		await expect(askSamWhen(view)).resolves.toBe('due Tue 24 Nov');
		await modal.getByRole('button', { name: 'Remove holiday 2026-11-23' }).click();
		await settle(page);
		expect((await data(page))['holidays']).toEqual([]);
		await expect(modal.locator('input[type="date"]').count()).resolves.toBe(0);
		await expect(askSamWhen(view)).resolves.toBe('due Mon 23 Nov');
	});

	it('folders are picked from the vault as one types (AbstractInputSuggest), by click or by keyboard', async () => {
		const newNote = modal.getByRole('textbox', { name: 'New note folder' });
		await newNote.fill('');
		await newNote.pressSequentially('peo');
		const suggestions = page.locator('.suggestion-container .suggestion-item');
		await expect(suggestions.allTextContents()).resolves.toEqual(['People']);
		await suggestions.first().click();
		await settle(page);
		await expect(newNote.inputValue()).resolves.toBe('People');
		expect((await data(page))['newNoteFolder']).toBe('People');
		await expect(page.locator('.suggestion-container').count()).resolves.toBe(0);

		await modal.getByRole('button', { name: 'Add folder' }).first().click();
		const folder = modal.getByRole('textbox', { name: 'Interview folder' });
		await expect(folder.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await expect(suggestions.allTextContents()).resolves.toEqual(['Interviews', 'People']);
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('.suggestion-item.is-selected').textContent()).resolves.toBe('People');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('Enter');
		await settle(page);
		await expect(folder.inputValue()).resolves.toBe('Interviews');
		expect((await data(page))['interviewFolders']).toEqual(['Interviews']);
		// Escape closes the suggestions, not the settings window.
		await page.keyboard.press('Backspace');
		await expect(suggestions.allTextContents()).resolves.toEqual(['Interviews']);
		await page.keyboard.press('Escape');
		await expect(page.locator('.suggestion-container').count()).resolves.toBe(0);
		await expect(modal.isVisible()).resolves.toBe(true);
		await modal.getByRole('button', { name: 'Remove interview folder Interview' }).click();
		await settle(page);
		expect((await data(page))['interviewFolders']).toEqual([]);
	});

	it("today's work first: the switch puts To do now above Overdue in the open view, and back", async () => {
		const titles = (): Promise<string[]> => view.locator('.ifu-group-title').allTextContents();
		await expect(titles()).resolves.toEqual(['Overdue', 'To do now', 'Coming up']);
		const toggle = modal.getByRole('switch', { name: "Today's work first" });
		await toggle.click();
		await settle(page);
		await expect(titles()).resolves.toEqual(['To do now', 'Overdue', 'Coming up']);
		expect((await data(page))['followUpsView']).toMatchObject({ todayFirst: true });
		await toggle.click();
		await settle(page);
		await expect(titles()).resolves.toEqual(['Overdue', 'To do now', 'Coming up']);
	});

	it('raised no error and opened no dialog', async () => {
		expect(await pluginErrors(hp)).toEqual([]);
		expect(hp.dialogs).toEqual([]);
	});
});

if (!hasChromium) {
	describe('the settings tab in Chromium', () => {
		it.skip(noChromiumMessage, () => undefined);
	});
}
