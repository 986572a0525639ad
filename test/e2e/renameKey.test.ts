/**
 * The near-miss warning's fix in Chromium: under "Notes that need attention",
 * "Rename to interviewers" renames the key in the note (no other byte
 * changed), and the thank-you it was hiding appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEW, hasChromium, openSession, pluginErrors, readNote, settle, startPlugin, type HarnessPage, type Session } from './browser';

const PATH = 'Interviews/Umbrella.md';
// Typed by hand (a comment), so the splice writes it.
const NOTE = ['---', 'type: interview', 'company: Umbrella # the lab', 'role: Chemist', 'interview_date: 2026-11-19', 'interviewer:', '  - Ada Wong, Recruiter <ada@umbrella.example>', '---', 'Body.', ''].join('\n');

describe.skipIf(!hasChromium)('Rename to interviewers, in Chromium', () => {
	let session: Session;
	let hp: HarnessPage;
	let page: Page;
	beforeAll(async () => {
		session = await openSession();
		hp = await session.newPage({ width: 1280, height: 800 });
		page = hp.page;
		await startPlugin(page, { files: { [PATH]: NOTE } });
	});
	afterAll(async () => {
		await hp?.context.close();
		await session?.close();
	});

	it('shows the warning with its button; a click renames the key, keeps every other byte, and the thank-you appears', async () => {
		await page.locator('#ribbon').getByRole('button', { name: 'Open interview follow-ups' }).click();
		const view = page.locator(VIEW);
		const button = view.getByRole('button', { name: `Rename 'interviewer' to 'interviewers' in ${PATH}` });
		await button.waitFor();
		await expect(button.textContent()).resolves.toBe('Rename to interviewers');
		await expect(view.locator('.ifu-row-sentence', { hasText: 'Send a thank-you note to Ada Wong' }).count()).resolves.toBe(0);
		await button.click();
		await view.locator('.ifu-row-sentence', { hasText: 'Send a thank-you note to Ada Wong' }).waitFor();
		await settle(page);
		await expect(readNote(page, PATH)).resolves.toBe(NOTE.replace('interviewer:', 'interviewers:'));
		await expect(button.count()).resolves.toBe(0);
		expect(await pluginErrors(hp)).toEqual([]);
	});
});
