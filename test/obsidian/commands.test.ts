import './setup';
import ICAL from 'ical.js';
import type { Command } from 'obsidian';
import { MarkdownView, Notice, TFile, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ICS_PATH } from '../../src/obsidian/calendar';
import { OneFieldModal } from '../../src/obsidian/ui/modals';
import { ChoiceModal } from '../../src/obsidian/ui/modals';
import { VIEW_TYPE } from '../../src/obsidian/view';
import { VAULT } from './fixtures';
import { fileOf, loadPlugin, type Loaded } from './harness';

let notices: string[] = [];
let modals: ChoiceModal<unknown>[] = [];
beforeEach(() => {
	notices = [];
	modals = [];
	vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message: string | DocumentFragment) => {
		notices.push(typeof message === 'string' ? message : (message.textContent ?? ''));
	});
	vi.spyOn(ChoiceModal.prototype, 'open').mockImplementation(function (this: ChoiceModal<unknown>) {
		modals.push(this);
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

/** A markdown view of `path` with an editor holding `text`, made the active view and the most recent editor. */
function editorOn(t: Loaded, path: string, text = ''): MarkdownView {
	const md = MarkdownView.create2__(WorkspaceLeaf.create2__(t.app));
	md.file = fileOf(t.app, path);
	md.editor.setValue(text);
	md.editor.setCursor({ line: md.editor.lineCount() - 1, ch: 0 });
	vi.spyOn(t.app.workspace, 'getActiveViewOfType').mockReturnValue(md as never);
	vi.spyOn(t.app.workspace, 'getActiveFile').mockReturnValue(md.file);
	(t.app.workspace as unknown as { activeEditor: unknown }).activeEditor = md;
	return md;
}

/** Runs a command as the palette does: it acts on the most recent editor (`workspace.activeEditor`). */
function runEditor(c: Command, _md: MarkdownView, checking: boolean): boolean | void {
	return c.checkCallback?.(checking);
}

function choose(modal: ChoiceModal<unknown>, label: RegExp): void {
	const item = modal.getItems().find((i) => label.test(i.label));
	if (!item) throw new Error(`no choice ${String(label)} in ${modal.getItems().map((i) => i.label).join(' | ')}`);
	modal.onChooseItem(item);
}

describe('commands', () => {
	it('open the follow-ups view: opens one view in the right sidebar, and reuses it', async () => {
		const t = await loadPlugin(VAULT);
		t.command('open-view').callback?.();
		await vi.waitFor(() => expect(t.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1));
		t.command('open-view').callback?.();
		await new Promise((r) => window.setTimeout(r, 0));
		expect(t.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
	});

	it('create a new interview note: from the interview template, in the configured folder, then opened', async () => {
		const t = await loadPlugin(VAULT, { data: { newNoteFolder: 'Job hunt/Interviews' } });
		t.command('new-interview-note').callback?.();
		await vi.waitFor(() => expect(t.app.vault.getFileByPath('Job hunt/Interviews/2026-11-21 Interview.md')).not.toBeNull());
		const text = t.text('Job hunt/Interviews/2026-11-21 Interview.md');
		expect(text).toMatch(/^---\n/);
		expect(text).toMatch(/type: interview/);
		await vi.waitFor(() => {
			const opened: unknown = t.app.workspace.getLeaf(false).file__;
			expect(opened instanceof TFile ? opened.path : null).toBe('Job hunt/Interviews/2026-11-21 Interview.md');
		});
		t.command('new-interview-note').callback?.();
		await vi.waitFor(() => expect(t.app.vault.getFileByPath('Job hunt/Interviews/2026-11-21 Interview 2.md')).not.toBeNull());
	});

	it('insert a thank-you note: only in an interview note; picks the interviewer, inserts at the cursor', async () => {
		const t = await loadPlugin(VAULT);
		const other = editorOn(t, 'Notes/random.md', 'x\n');
		expect(runEditor(t.command('insert-thank-you-note'), other, true)).toBe(false);
		vi.restoreAllMocks();
		vi.spyOn(ChoiceModal.prototype, 'open').mockImplementation(function (this: ChoiceModal<unknown>) {
			modals.push(this);
		});
		const md = editorOn(t, 'Interviews/Acme.md', 'My notes\n');
		expect(runEditor(t.command('insert-thank-you-note'), md, true)).toBe(true);
		runEditor(t.command('insert-thank-you-note'), md, false);
		expect(modals).toHaveLength(1);
		expect(modals[0].getItems().map((i) => i.label)).toEqual(['Jane Doe (VP Engineering)', 'John Roe (Office Manager)']);
		choose(modals[0], /^John Roe/);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/John/));
		expect(md.editor.getValue().startsWith('My notes\n')).toBe(true);
		// The note on disk is the editor's business: nothing was written behind its back.
		expect(t.text('Interviews/Acme.md')).toBe(VAULT['Interviews/Acme.md']);
	});

	it('insert a thank-you note with one interviewer needs no picking', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', '');
		runEditor(t.command('insert-thank-you-note'), md, false);
		expect(modals).toHaveLength(0);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Bob/));
	});

	it('insert a status check, a reference heads-up and a referral request', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Acme.md', '');
		runEditor(t.command('insert-reference-heads-up'), md, false);
		expect(modals).toHaveLength(0);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Ann/));

		md.editor.setValue('');
		runEditor(t.command('insert-status-check'), md, false);
		expect(modals[0].getItems().map((i) => i.label)[0]).toBe('Jane Doe (VP Engineering)');
		choose(modals[0], /^Jane/);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Jane/));

		md.editor.setValue('');
		runEditor(t.command('insert-referral-request'), md, false);
		choose(modals[1], /^Jane/);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Jane/));
		expect(md.editor.getValue()).not.toBe('');
	});

	it('a note with no reference says so instead of inserting', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', 'keep\n');
		runEditor(t.command('insert-reference-heads-up'), md, false);
		expect(md.editor.getValue()).toBe('keep\n');
		expect(notices.some((n) => /names no reference/.test(n))).toBe(true);
	});

	it('log a follow-up for the current note: pick an open action or another contact, logged today', async () => {
		const t = await loadPlugin(VAULT);
		editorOn(t, 'Interviews/Globex.md');
		const c = t.command('log-follow-up');
		expect(c.checkCallback?.(true)).toBe(true);
		c.checkCallback?.(false);
		expect(modals[0].getItems().map((i) => i.label)).toEqual([
			'Ask Bob Smith when they expect to decide (due, due 2026-11-23)',
			'Send a thank-you note to Bob Smith (due, due 2026-11-24)',
			'Check in with Bob Smith about the status (upcoming, due 2026-11-30)',
			'Other contact with the employer',
		]);
		choose(modals[0], /^Other contact/);
		await t.settle();
		await vi.waitFor(() => expect(t.text('Interviews/Globex.md')).toContain('follow_ups:\n  - "2026-11-21 contact"\n---'));
		c.checkCallback?.(false);
		choose(modals[1], /^Ask Bob/);
		await vi.waitFor(() => expect(t.text('Interviews/Globex.md')).toContain('  - "2026-11-21 contact"\n  - "2026-11-21 ask-timeline: Bob Smith"\n'));
		// Not offered outside interview notes.
		vi.spyOn(t.app.workspace, 'getActiveFile').mockReturnValue(fileOf(t.app, 'Notes/random.md'));
		expect(c.checkCallback?.(true)).toBe(false);
	});

	it('export the due list as a calendar file: asks where, then writes one all-day entry per action (overdue ones on today)', async () => {
		const t = await loadPlugin(VAULT);
		const prompts: OneFieldModal<string>[] = [];
		vi.spyOn(OneFieldModal.prototype, 'open').mockImplementation(function (this: OneFieldModal<string>) {
			prompts.push(this);
			this.onOpen();
		});
		t.command('export-calendar').callback?.();
		expect(prompts).toHaveLength(1);
		expect(prompts[0].value).toBe(DEFAULT_ICS_PATH);
		// A path that is not a calendar file is refused, with the reason.
		expect(prompts[0].submit('notes.md')).toMatch(/does not end in \.ics/);
		expect(prompts[0].submit('.hidden/x.ics')).toMatch(/dot-folders/);
		const path = 'Calendars/Follow-ups.ics';
		expect(prompts[0].submit(path)).toBeNull();
		await vi.waitFor(() => expect(t.app.vault.getFileByPath(path)).not.toBeNull());
		const cal = new ICAL.Component(ICAL.parse(t.text(path)) as unknown[]);
		const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		const expected = (t.plugin.indexer.schedule?.actions ?? []).filter((a) => a.state !== 'upcoming' || a.earliest <= '2026-11-28');
		expect(events.filter((e) => e.component.getFirstPropertyValue('status') === 'CONFIRMED')).toHaveLength(expected.length);
		expect(events.map((e) => [e.summary, e.startDate.toString()]).sort()).toEqual(
			[
				['Ask Bob Smith when they expect to decide (Globex · Analyst)', '2026-11-23'],
				['Check in with Bob Smith about the status (Globex · Analyst)', '2026-11-30'],
				['Send a thank-you note to Bob Smith (Globex · Analyst)', '2026-11-24'],
				['Overdue since Wed 18 Nov: Send a thank-you note to John Roe (Acme Finance · Secretary)', '2026-11-21'],
				['Overdue since Tue 17 Nov: Tell Ann Smith a reference call may come (Acme Finance · Secretary)', '2026-11-21'],
				['Done: Send a thank-you note to Jane Doe (Acme Finance · Secretary)', '2026-11-18'],
			].sort(),
		);
		expect(events.every((e) => e.startDate.isDate)).toBe(true);
		// Exporting again after marking one done replaces the file; the done one is cancelled, same UID.
		const john = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe');
		await t.plugin.followUps.done(john as never);
		await t.settle();
		t.command('export-calendar').callback?.();
		prompts[1].submit(path);
		await vi.waitFor(() => expect(t.text(path)).toMatch(/Done: Send a thank-you note to John Roe/));
		const again = new ICAL.Component(ICAL.parse(t.text(path)) as unknown[]).getAllSubcomponents('vevent');
		const cancelled = again.find((e) => e.getFirstPropertyValue('uid') === `${john?.id}@interview-followups`);
		expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('rebuild the index: reads the vault again from scratch', async () => {
		const t = await loadPlugin(VAULT);
		t.plugin.indexer.index.remove('Interviews/Globex.md');
		t.plugin.indexer.recompute();
		expect(t.plugin.indexer.schedule?.actions.some((a) => a.company === 'Globex')).toBe(false);
		t.command('rebuild-index').callback?.();
		await vi.waitFor(() => expect(t.plugin.indexer.schedule?.actions.some((a) => a.company === 'Globex')).toBe(true));
		expect(notices.some((n) => /^Read 3 interview notes and 1 person note\.$/.test(n))).toBe(true);
	});
});
