/**
 * The near-miss warning's one-click fix in the follow-ups view: "Rename to
 * `interviewers`" renames the key through the writer Done uses (Obsidian's
 * own serialisation where it changes no other byte, else the verified
 * splice), keeps every other byte, and refuses with a notice when the note
 * changed since the warning.
 */
import './setup';
import { describe, expect, it } from 'vitest';
import { loadPlugin, recordNotices } from './harness';

const notices = recordNotices();

const PATH = 'Interviews/Umbrella.md';
// Properties as Obsidian's property editor writes them.
const CANONICAL = ['---', 'type: interview', 'company: Umbrella', 'role: Chemist', 'interview_date: 2026-11-19', 'interviewer:', '  - Ada Wong', '---', 'Body.', ''].join('\n');
// Typed by hand: a comment, CRLF.
const TYPED = ['---', 'type: interview', 'company: Umbrella # the lab', 'interview_date: 2026-11-19', "interviewer: ['Ada Wong']", '---', 'Body.', ''].join('\r\n');

function fixButton(el: HTMLElement): HTMLButtonElement {
	const b = el.querySelector('.ifu-attention-item button.ifu-fix');
	if (!(b instanceof HTMLButtonElement)) throw new Error('no fix button');
	return b;
}

describe('Rename to `interviewers` under "Notes that need attention"', () => {
	it('the warning has the button, named for what it does; a click renames the key, and the thank-you appears', async () => {
		const t = await loadPlugin({ [PATH]: CANONICAL });
		expect(t.plugin.indexer.schedule?.actions.some((a) => a.kind === 'thank-you')).toBe(false);
		const view = await t.openView();
		const b = fixButton(view.contentEl);
		expect(b.textContent).toBe('Rename to interviewers');
		expect(b.querySelector('code')?.textContent).toBe('interviewers');
		expect(b.getAttribute('aria-label')).toBe(`Rename 'interviewer' to 'interviewers' in ${PATH}`);
		b.click();
		await t.settle();
		await new Promise((r) => setTimeout(r, 0));
		await t.settle();
		expect(t.text(PATH)).toBe(CANONICAL.replace('interviewer:', 'interviewers:'));
		expect(notices.some((n) => n.startsWith(`Renamed 'interviewer' to 'interviewers' in ${PATH}`))).toBe(true);
		expect(t.plugin.indexer.schedule?.actions.filter((a) => a.kind === 'thank-you').map((a) => a.person?.name)).toEqual(['Ada Wong']);
		expect(view.contentEl.querySelector('.ifu-fix')).toBeFalsy();
	});

	it("a note as Obsidian writes it goes through Obsidian's serialisation; a typed one through the splice; every other byte kept", async () => {
		const a = await loadPlugin({ [PATH]: CANONICAL });
		expect(await a.plugin.followUps.renameKey(PATH, 'interviewer', 'interviewers', 6)).toEqual({ ok: true, changed: true, via: 'processFrontMatter' });
		expect(a.text(PATH)).toBe(CANONICAL.replace('interviewer:', 'interviewers:'));
		const b = await loadPlugin({ [PATH]: TYPED });
		expect(await b.plugin.followUps.renameKey(PATH, 'interviewer', 'interviewers', 5)).toEqual({ ok: true, changed: true, via: 'process' });
		expect(b.text(PATH)).toBe(TYPED.replace('interviewer:', 'interviewers:'));
	});

	it('refuses, with a notice, when the note changed since the warning; the note is left alone; Undo puts the key back', async () => {
		const t = await loadPlugin({ [PATH]: CANONICAL });
		const view = await t.openView();
		const b = fixButton(view.contentEl);
		// The user adds a line above the key before clicking: the warning's line is stale.
		const moved = CANONICAL.replace('type: interview\n', 'type: interview\nstatus: interviewing\n');
		const file = t.app.vault.getFileByPath(PATH);
		if (!file) throw new Error('no file');
		await t.app.vault.modify(file, moved);
		b.click();
		await t.settle();
		await new Promise((r) => setTimeout(r, 0));
		expect(t.text(PATH)).toBe(moved);
		expect(notices).toContain(`Could not change ${PATH}: the note has changed: 'interviewer' is no longer on line 6; look at the note again`);
		await t.settle();
		// A fresh warning (line 7) renames, and Undo gives the exact bytes back.
		expect(await t.plugin.followUps.renameKey(PATH, 'interviewer', 'interviewers', 7)).toMatchObject({ ok: true, changed: true });
		expect(await t.plugin.followUps.undo()).toBe(true);
		expect(t.text(PATH)).toBe(moved);
	});
});
