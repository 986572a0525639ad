import './setup';
import { Platform, TFile } from 'obsidian-test-mocks/obsidian';
import { describe, expect, it, vi, type MockInstance } from 'vitest';
import { VIEW_TYPE } from '../../src/obsidian/view';
import { ACME, GLOBEX, JANE, VAULT } from './fixtures';
import { fileOf, loadPlugin, recordNotices, type Loaded } from './harness';

const notices = recordNotices();

function groupsOf(el: HTMLElement): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const g of Array.from(el.querySelectorAll('.ifu-group'))) {
		const id = g.getAttribute('data-group') ?? '?';
		out[id] = Array.from(g.querySelectorAll('.ifu-row-sentence')).map((a) => a.textContent ?? '');
	}
	return out;
}

function rowEl(el: HTMLElement, sentence: string): HTMLElement {
	const li = Array.from(el.querySelectorAll('.ifu-row')).find((r) => r.querySelector('.ifu-row-sentence')?.textContent === sentence);
	if (!li) throw new Error(`no row "${sentence}"`);
	return li as HTMLElement;
}

function click(el: Element): void {
	// domino's MouseEvent constructor ignores its arguments; click() dispatches a real click.
	(el as HTMLElement).click();
}

describe('a note that once took the view down (issue #13)', () => {
	it('130,000 follow-up items in one note: the view opens, lists the other notes and pages that note\'s problems', async () => {
		const huge = `---\ntype: interview\ncompany: Huge\nrole: Clerk\ninterview_date: 2026-11-16\nfollow_ups:\n${'  - not an entry\n'.repeat(130000)}---\n`;
		const t = await loadPlugin({ ...VAULT, 'Interviews/Huge.md': huge });
		const view = await t.openView();
		expect(groupsOf(view.contentEl).overdue).toContain('Send a thank-you note to John Roe');
		const problems = view.contentEl.querySelectorAll('.ifu-attention-item');
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.length).toBeLessThan(1000);
		expect(view.contentEl.querySelector('.ifu-more')?.textContent).toMatch(/not shown/);
	}, 120000);
});

describe('start-up', () => {
	it('onload registers everything and reads no note; the index is built once the layout is ready', async () => {
		const t = await loadPlugin(VAULT, { layoutReady: false });
		const read = vi.spyOn(t.app.vault, 'cachedRead');
		expect(t.plugin.indexer.ready).toBe(false);
		expect(t.plugin.started).toBeNull();
		expect([...t.mock.views__.keys()]).toEqual([VIEW_TYPE, 'interview-followups-pipeline']);
		expect([...t.mock.markdownCodeBlockProcessors__.keys()]).toEqual(['interview-followups']);
		expect(t.mock.settingTabs__).toHaveLength(1);
		expect(t.mock.ribbonActions__).toHaveLength(1);
		expect(t.mock.statusBarItems__[0].textContent).toBe('Follow-ups: reading notes…');
		expect(read).not.toHaveBeenCalled();

		t.app.workspace.setLayoutReady__();
		await t.plugin.started;
		expect(t.plugin.indexer.ready).toBe(true);
		const paths = read.mock.calls.map((c) => (c[0]).path).sort();
		// Interview notes and the person note they link to; never the other notes.
		expect(paths).toEqual(['Interviews/Acme.md', 'Interviews/Broken.md', 'Interviews/Globex.md', 'People/Jane Doe.md']);
		expect(t.mock.statusBarItems__[0].textContent).toBe('Follow-ups: 2 overdue, 2 to do now');
	});

	it('commands: sentence case, no default hotkeys, ids without the plugin id or the word command', async () => {
		const t = await loadPlugin(VAULT);
		const commands = [...t.mock.commands__.values()] as { id: string; name: string; hotkeys?: unknown }[];
		expect(commands.map((c) => c.id).sort()).toEqual(
			[
				'export-calendar',
				'insert-preparation',
				'insert-referral-request',
				'insert-reference-heads-up',
				'insert-status-check',
				'insert-thank-you-note',
				'insert-timeline-question',
				'insert-withdrawal',
				'log-follow-up',
				'new-interview-note',
				'open-view',
				'open-pipeline',
				'create-applications-base',
				'rebuild-index',
				'undo-last-change',
			].sort(),
		);
		for (const c of commands) {
			expect(c.hotkeys).toBeUndefined();
			expect(c.id).not.toMatch(/interview-followups|command/i);
			expect(c.name).toMatch(/^[A-Z][^A-Z]*$/);
		}
	});

	it('shows a notice at start-up when actions are overdue, unless turned off', async () => {
		await loadPlugin(VAULT, { data: { dailyNotification: false } });
		expect(notices.some((n) => /2 interview follow-ups are overdue/.test(n))).toBe(true);
		notices.length = 0;
		await loadPlugin(VAULT, { data: { notifyOnStartup: false, dailyNotification: false } });
		expect(notices.filter((n) => /overdue/.test(n))).toEqual([]);
	});

	it('on mobile, with the default settings: no daily notification, the notice on opening the vault instead', async () => {
		vi.spyOn(Platform, 'isDesktopApp', 'get').mockReturnValue(false);
		const t = await loadPlugin(VAULT);
		expect(notices.filter((n) => /overdue/.test(n))).toEqual(['2 interview follow-ups are overdue. Open the follow-ups view to see what to do.']);
		notices.length = 0;
		t.plugin.tick();
		expect(notices).toEqual([]);
	});

	it('on desktop, a start after the reminder time shows the daily notification instead (a notice where there is no system one), once', async () => {
		const t = await loadPlugin(VAULT);
		expect(notices.filter((n) => /overdue/.test(n))).toEqual([
			'Interview follow-ups: 2 overdue, 2 to do now\nOverdue: Tell Ann Smith a reference call may come (Acme Finance · Secretary)\n' +
				'Overdue: Send a thank-you note to John Roe (Acme Finance · Secretary)\nAsk Bob Smith when they expect to decide (Globex · Analyst)\n' +
				'Send a thank-you note to Bob Smith (Globex · Analyst)',
		]);
		notices.length = 0;
		t.plugin.tick();
		expect(notices).toEqual([]);
	});
});

describe('the view', () => {
	it('names every control of every row uniquely, with the application, even where no person tells rows apart', async () => {
		const note = (company: string, role: string): string =>
			['---', 'type: interview', `company: ${company}`, `role: ${role}`, 'interview_date: 2026-11-20', 'next_interview: 2026-11-23', '---', 'Notes.', ''].join('\n');
		const t = await loadPlugin({
			'Interviews/Acme clerk.md': note('Acme Finance', 'Clerk'),
			'Interviews/Acme analyst.md': note('Acme Finance', 'Analyst'),
			'Interviews/Globex.md': note('Globex', 'Clerk'),
		});
		const view = await t.openView();
		const labels = Array.from(view.contentEl.querySelectorAll('.ifu-row input, .ifu-row button')).map((e) => e.getAttribute('aria-label') ?? '');
		const prepare = labels.filter((l) => l.includes('preparing the next round'));
		expect(prepare.length).toBeGreaterThanOrEqual(6);
		expect(prepare).toContain('Mark done: preparing the next round (Acme Finance, Analyst)');
		expect(prepare).toContain('Snooze: preparing the next round (Globex, Clerk)');
		expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
	});

	it('groups the actions, says each in words with company, role and relative due date', async () => {
		const t = await loadPlugin(VAULT);
		const view = await t.openView();
		expect(groupsOf(view.contentEl)).toEqual({
			overdue: ['Tell Ann Smith a reference call may come', 'Send a thank-you note to John Roe'],
			now: ['Ask Bob Smith when they expect to decide', 'Send a thank-you note to Bob Smith'],
			soon: ['Check in with Bob Smith about the status'],
			waiting: ['Initech · Tester'],
			attention: ['Interviews/Broken.md, line 5'],
		});
		const john = rowEl(view.contentEl, 'Send a thank-you note to John Roe');
		expect(john.querySelector('.ifu-row-context')?.textContent).toBe('Acme Finance · Secretary');
		expect(john.querySelector('.ifu-row-when')?.textContent).toBe('was due Wed 18 Nov');
		expect(john.querySelector('.ifu-row-gifts')?.getAttribute('aria-label')).toBe('They cared about: moving the office to a paperless workflow');
		const bob = rowEl(view.contentEl, 'Send a thank-you note to Bob Smith');
		expect(bob.querySelector('.ifu-row-when')?.textContent).toBe('due Tue 24 Nov');
		// Every control says what it does and for whom.
		expect(bob.querySelector('input.ifu-done')?.getAttribute('aria-label')).toBe('Mark done: thank-you note to Bob Smith (Globex, Analyst)');
		const buttons = Array.from(bob.querySelectorAll('button')).map((b) => b.getAttribute('aria-label'));
		expect(buttons).toEqual([
			'Snooze: thank-you note to Bob Smith (Globex, Analyst)',
			'Draft the thank-you note to Bob Smith (Globex, Analyst)',
			'Email Bob Smith: thank-you note to Bob Smith (Globex, Analyst)',
		]);
		// Group titles are named for what they hold; the counts are their flair.
		const titles = Array.from(view.contentEl.querySelectorAll('.ifu-group-title')).map((e) => e.textContent);
		expect(titles).toEqual(['Overdue', 'To do now', 'Coming up', 'Waiting', 'Notes that need attention']);
		const counts = Array.from(view.contentEl.querySelectorAll('.ifu-group .tree-item-flair')).map((e) => e.textContent);
		expect(counts).toEqual(['2', '2', '1', '1', '1']);
		expect(Array.from(view.contentEl.querySelectorAll('.ifu-group-header')).every((h) => h.getAttribute('role') === 'heading')).toBe(true);
		// Notes that need attention, with the line.
		const attention = view.contentEl.querySelector('.ifu-attention-item');
		expect(attention?.querySelector('.ifu-attention-note')?.textContent).toBe('Interviews/Broken.md, line 5');
		expect(attention?.querySelector('.ifu-attention-message')?.textContent).toMatch(/next Tuesday/);
	});

	it('clicking a row opens its note', async () => {
		const t = await loadPlugin(VAULT);
		const view = await t.openView();
		const link = rowEl(view.contentEl, 'Send a thank-you note to Bob Smith').querySelector('.ifu-row-sentence') as HTMLElement;
		click(link);
		await new Promise((r) => window.setTimeout(r, 0));
		const opened: unknown = t.app.workspace.getLeaf(false).file__;
		expect(opened instanceof TFile ? opened.path : null).toBe('Interviews/Globex.md');
	});

	it('shows what to write when the vault has no interview note', async () => {
		const t = await loadPlugin({ 'Notes/a.md': '# nothing\n' });
		const view = await t.openView();
		const empty = view.contentEl.querySelector('.ifu-empty');
		expect(empty?.textContent).toMatch(/No interview notes yet/);
		expect(empty?.querySelector('pre code')?.textContent).toMatch(/^---\ntype: interview\ncompany: /);
		expect(empty?.querySelector('button')?.textContent).toBe('New interview note');
	});

	it('shows the keep-looking banner when fewer applications are active than the minimum', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME, 'People/Jane Doe.md': JANE });
		const view = await t.openView();
		const banner = view.contentEl.querySelector('.ifu-banner');
		expect(banner?.querySelector('.ifu-banner-title')?.textContent).toBe('Keep looking');
		expect(banner?.querySelector('.ifu-banner-text')?.textContent).toMatch(/active/);
	});

	it('redraws after a note changes, is renamed or is deleted; a person note change reaches the application', async () => {
		const t = await loadPlugin(VAULT);
		const view = await t.openView();
		// Delete Globex: its rows go.
		await t.app.fileManager.trashFile(fileOf(t.app, 'Interviews/Globex.md'));
		await t.settle();
		expect(groupsOf(view.contentEl).now).toBeUndefined();
		expect(t.mock.statusBarItems__[0].textContent).toBe('Follow-ups: 2 overdue');
		// A new interview note appears.
		await t.write('Interviews/Globex.md', GLOBEX);
		expect(groupsOf(view.contentEl).now).toEqual(['Ask Bob Smith when they expect to decide', 'Send a thank-you note to Bob Smith']);
		// Rename: the rows now open the new path.
		await t.app.fileManager.renameFile(fileOf(t.app, 'Interviews/Globex.md'), 'Interviews/Globex onsite.md');
		await t.settle();
		expect(rowEl(view.contentEl, 'Send a thank-you note to Bob Smith').getAttribute('data-path')).toBe('Interviews/Globex onsite.md');
		expect(t.plugin.indexer.index.note('Interviews/Globex.md')).toBeUndefined();
		// A note of type recipe becomes an interview note.
		await t.write('Notes/with-frontmatter.md', '---\ntype: interview\ncompany: Umbrella\nrole: Chemist\ninterview_date: 2026-11-19\ninterviewers: [Ada Wong (Recruiter)]\n---\n');
		expect(groupsOf(view.contentEl).now).toContain('Send a thank-you note to Ada Wong');
		// The person note gets a new email: the Acme status check (Jane) carries it.
		await t.write('People/Jane Doe.md', JANE.replace('jane@acme.example', 'jane.doe@acme.example'));
		const statusCheck = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'status-check' && a.company === 'Acme Finance');
		expect(statusCheck?.person?.email).toBe('jane.doe@acme.example');
	});
});

describe('a long list', () => {
	/** 57 applications, each owing one overdue thank-you (interviews on Monday 2026-11-16; an email, so no find-contact). */
	function manyApplications(): Record<string, string> {
		const files: Record<string, string> = {};
		for (let i = 1; i <= 57; i++) {
			const n = String(i).padStart(2, '0');
			files[`Interviews/Company ${n}.md`] = ['---', 'type: interview', `company: Company ${n}`, 'role: Clerk', 'interview_date: 2026-11-16', 'decision_date: 2026-12-20', 'interviewers:', `  - Person ${n}, Manager <person${n}@company.example>`, '---', ''].join('\n');
		}
		return files;
	}

	it('draws 50 rows of a group, then "Show more" draws the rest in place, and a redraw keeps them open', async () => {
		const t = await loadPlugin(manyApplications());
		const view = await t.openView();
		const overdue = () => view.contentEl.querySelector('[data-group="overdue"]') as HTMLElement;
		const sentences = () => Array.from(overdue().querySelectorAll('.ifu-row-sentence')).map((e) => e.textContent);
		expect(overdue().querySelector('.ifu-group-title')?.textContent).toBe('Overdue');
		expect(overdue().querySelector('.tree-item-flair')?.textContent).toBe('57');
		expect(sentences()).toHaveLength(50);
		expect(sentences()[0]).toBe('Send a thank-you note to Person 01');
		const more = overdue().querySelector('button.ifu-more') as HTMLElement;
		expect(more.textContent).toBe('Show 7 more (7 not shown)');
		const firstRow = overdue().querySelector('.ifu-row');
		click(more);
		// The next rows are added to the same list: the rows drawn before are the same elements.
		expect(sentences()).toHaveLength(57);
		expect(sentences()[56]).toBe('Send a thank-you note to Person 57');
		expect(overdue().querySelector('.ifu-row')).toBe(firstRow);
		expect(overdue().querySelectorAll('button.ifu-more')).toHaveLength(0);
		// Done on one row redraws the view: the group stays open (56 rows left, all drawn).
		click(rowEl(view.contentEl, 'Send a thank-you note to Person 03').querySelector('.ifu-done') as Element);
		await t.settle();
		expect(sentences()).toHaveLength(56);
		expect(sentences()).not.toContain('Send a thank-you note to Person 03');
		expect(overdue().querySelectorAll('button.ifu-more')).toHaveLength(0);
	});
});

async function doneOn(t: Loaded, sentence: string): Promise<void> {
	const view = await t.openView();
	click(rowEl(view.contentEl, sentence).querySelector('.ifu-done') as Element);
	await t.settle();
}

describe('Done and Snooze', () => {
	it('Done appends exactly one log entry to follow_ups, and nothing else changes', async () => {
		const t = await loadPlugin(VAULT);
		const before = t.text('Interviews/Acme.md');
		await doneOn(t, 'Send a thank-you note to John Roe');
		const after = t.text('Interviews/Acme.md');
		expect(after).toBe(before.replace('  - "2026-11-17 thank-you: Jane Doe"\n', '  - "2026-11-17 thank-you: Jane Doe"\n  - "2026-11-21 thank-you: John Roe"\n'));
		const view = await t.openView();
		expect(groupsOf(view.contentEl).overdue).toEqual(['Tell Ann Smith a reference call may come']);
		// The other notes are untouched.
		for (const p of ['Interviews/Globex.md', 'People/Jane Doe.md', 'Interviews/Broken.md']) expect(t.text(p)).toBe(VAULT[p]);
	});

	it('Done on a note without follow_ups adds the key before the closing fence', async () => {
		const t = await loadPlugin(VAULT);
		await doneOn(t, 'Send a thank-you note to Bob Smith');
		// Bob is the contact too: the thank-you asked the timetable as well, so both are logged.
		expect(t.text('Interviews/Globex.md')).toBe(
			GLOBEX.replace('---\nGood talk', 'follow_ups:\n  - "2026-11-21 thank-you: Bob Smith"\n  - "2026-11-21 ask-timeline: Bob Smith"\n---\nGood talk'),
		);
	});

	it('Snooze writes snoozed: ["date kind: Person"] into the note and hides the action until then', async () => {
		const t = await loadPlugin(VAULT);
		const view = await t.openView();
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'Bob Smith');
		if (!action) throw new Error('no action');
		const before = t.text('Interviews/Globex.md');
		await t.plugin.followUps.snooze(action, '2026-11-24');
		await t.settle();
		expect(t.text('Interviews/Globex.md')).toBe(before.replace('---\nGood talk', 'snoozed:\n  - "2026-11-24 thank-you: Bob Smith"\n---\nGood talk'));
		expect(groupsOf(view.contentEl).now).toEqual(['Ask Bob Smith when they expect to decide']);
	});

	it('the snooze menu offers tomorrow, in 3 days, next week and a date', async () => {
		const t = await loadPlugin(VAULT);
		const { snoozeMenu } = await import('../../src/obsidian/view');
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'ask-timeline');
		if (!action) throw new Error('no action');
		const menu = snoozeMenu(t.plugin, action) as unknown as { menuItems__: { title__: string; onClick__: () => void }[] };
		expect(menu.menuItems__.map((i) => i.title__)).toEqual(['Tomorrow (Sun 22 Nov)', 'In 3 days (Tue 24 Nov)', 'Next week (Sat 28 Nov)', 'Pick a date…']);
		menu.menuItems__[2].onClick__();
		await t.plugin.writer.idle();
		await t.settle();
		expect(t.text('Interviews/Globex.md')).toContain('snoozed:\n  - "2026-11-28 ask-timeline: Bob Smith"\n');
	});

	it('never writes while the user is typing in that note', async () => {
		const t = await loadPlugin(VAULT);
		const { MarkdownView, WorkspaceLeaf } = await import('obsidian-test-mocks/obsidian');
		const leaf = WorkspaceLeaf.create2__(t.app);
		const md = MarkdownView.create2__(leaf);
		md.file = t.app.vault.getFileByPath('Interviews/Globex.md');
		vi.spyOn(t.app.workspace, 'getActiveViewOfType').mockReturnValue(md as never);
		let clock = 10_000;
		const waits: number[] = [];
		const writer = t.plugin.writer as unknown as { clock: () => number; sleep: (ms: number) => Promise<void> };
		writer.clock = () => clock;
		writer.sleep = (ms) => {
			waits.push(ms);
			clock += ms;
			return Promise.resolve();
		};
		t.plugin.writer.noteTyping('Interviews/Globex.md');
		clock += 500;
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'Bob Smith');
		if (!action) throw new Error('no action');
		const before = t.text('Interviews/Globex.md');
		const done = t.plugin.followUps.done(action);
		await done;
		// It waited the rest of the 2 s pause before writing.
		expect(waits[0]).toBe(1500);
		expect(t.text('Interviews/Globex.md')).not.toBe(before);
	});

	it('a second Done on the same action logs nothing more', async () => {
		const t = await loadPlugin(VAULT);
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe');
		if (!action) throw new Error('no action');
		const [a, b] = await Promise.all([t.plugin.followUps.done(action), t.plugin.followUps.done(action)]);
		expect(a).toMatchObject({ ok: true, changed: true });
		expect(b).toEqual({ ok: true, changed: false });
		expect(t.text('Interviews/Acme.md').match(/2026-11-21 thank-you: John Roe/g)).toHaveLength(1);
	});

	it('writes to one note one after the other, so two quick Done clicks both land', async () => {
		const t = await loadPlugin(VAULT);
		const acts = (t.plugin.indexer.schedule?.actions ?? []).filter((a) => a.company === 'Acme Finance' && a.state === 'overdue');
		expect(acts).toHaveLength(2);
		await Promise.all(acts.map((a) => t.plugin.followUps.done(a)));
		await t.settle();
		const text = t.text('Interviews/Acme.md');
		expect(text).toContain('  - "2026-11-21 reference-alert: Ann Smith"\n');
		expect(text).toContain('  - "2026-11-21 thank-you: John Roe"\n');
	});
});

describe("Done and Snooze: Obsidian's own serialisation (processFrontMatter's text) where it keeps every byte", () => {
	// Properties as Obsidian's property editor writes them (the mocks' stringifyYaml is the yaml package's).
	const CANONICAL = ['---', 'type: interview', 'company: Umbrella', 'role: Chemist', 'interview_date: 2026-11-19', 'interviewers:', '  - Ada Wong, Recruiter', 'follow_ups:', '  - 2026-11-19 contact', '---', 'Body.', ''].join('\n');
	const COMMENTED = CANONICAL.replace('role: Chemist', 'role: Chemist # the lab job');

	async function doneWith(text: string): Promise<{ t: Loaded; spy: MockInstance; outcome: unknown }> {
		const t = await loadPlugin({ 'Interviews/Umbrella.md': text });
		// processFrontMatter is never called: it re-reads the note and hands over only values (a race, issue #13).
		const spy = vi.spyOn(t.app.fileManager, 'processFrontMatter');
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you');
		if (!action) throw new Error('no action');
		const outcome = await t.plugin.followUps.done(action);
		return { t, spy, outcome };
	}

	it('a note whose properties Obsidian would write back unchanged: Done writes what processFrontMatter would, adding the lines (the thank-you and the ask-timeline it answered)', async () => {
		const { t, spy, outcome } = await doneWith(CANONICAL);
		expect(outcome).toEqual({ ok: true, changed: true, via: 'processFrontMatter' });
		expect(spy).not.toHaveBeenCalled();
		expect(t.text('Interviews/Umbrella.md')).toBe(CANONICAL.replace('  - 2026-11-19 contact\n', '  - 2026-11-19 contact\n  - "2026-11-21 thank-you: Ada Wong"\n  - "2026-11-21 ask-timeline: Ada Wong"\n'));
	});

	it('a note with a comment in its properties: Done splices the text instead, and the comment stays', async () => {
		const { t, spy, outcome } = await doneWith(COMMENTED);
		expect(outcome).toEqual({ ok: true, changed: true, via: 'process' });
		expect(spy).not.toHaveBeenCalled();
		expect(t.text('Interviews/Umbrella.md')).toBe(COMMENTED.replace('  - 2026-11-19 contact\n', '  - 2026-11-19 contact\n  - "2026-11-21 thank-you: Ada Wong"\n  - "2026-11-21 ask-timeline: Ada Wong"\n'));
	});

	it('Snooze takes the same route', async () => {
		const t = await loadPlugin({ 'Interviews/Umbrella.md': CANONICAL });
		const spy = vi.spyOn(t.app.fileManager, 'processFrontMatter');
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you');
		if (!action) throw new Error('no action');
		expect(await t.plugin.followUps.snooze(action, '2026-11-24')).toEqual({ ok: true, changed: true, via: 'processFrontMatter' });
		expect(spy).not.toHaveBeenCalled();
		expect(t.text('Interviews/Umbrella.md')).toBe(CANONICAL.replace('---\nBody.', 'snoozed:\n  - "2026-11-24 thank-you: Ada Wong"\n---\nBody.'));
	});

	it('a change between the choice of the route and the write (a sync adds a comment) is kept: the splice is taken', async () => {
		const t = await loadPlugin({ 'Interviews/Umbrella.md': CANONICAL });
		const vault = t.app.vault;
		const read = vault.read.bind(vault);
		// The writer reads the note (and picks Obsidian's style for it); right after, a sync rewrites it.
		vi.spyOn(vault, 'read').mockImplementationOnce(async (file) => {
			const text = await read(file);
			await vault.modify(file, COMMENTED);
			return text;
		});
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you');
		if (!action) throw new Error('no action');
		expect(await t.plugin.followUps.done(action)).toEqual({ ok: true, changed: true, via: 'process' });
		expect(t.text('Interviews/Umbrella.md')).toBe(COMMENTED.replace('  - 2026-11-19 contact\n', '  - 2026-11-19 contact\n  - "2026-11-21 thank-you: Ada Wong"\n  - "2026-11-21 ask-timeline: Ada Wong"\n'));
	});
});

describe('Draft and Email', () => {
	it('Draft inserts the filled template under ## Drafts, keeping the rest of the note', async () => {
		const t = await loadPlugin(VAULT);
		const before = t.text('Interviews/Globex.md');
		const view = await t.openView();
		click(rowEl(view.contentEl, 'Send a thank-you note to Bob Smith').querySelector('.ifu-draft') as Element);
		await vi.waitFor(() => expect(t.text('Interviews/Globex.md')).not.toBe(before));
		await t.settle();
		const after = t.text('Interviews/Globex.md');
		expect(after.startsWith(`${before}\n## Drafts\n\n### thank-you: Bob Smith\n\n`)).toBe(true);
		expect(after.slice(before.length)).toMatch(/Bob/);
	});

	it('Draft inserts at the cursor when the note is open in the active editor', async () => {
		const t = await loadPlugin(VAULT);
		const { MarkdownView, WorkspaceLeaf } = await import('obsidian-test-mocks/obsidian');
		const md = MarkdownView.create2__(WorkspaceLeaf.create2__(t.app));
		md.file = t.app.vault.getFileByPath('Interviews/Globex.md');
		md.editor.setValue('start\n');
		md.editor.setCursor({ line: 1, ch: 0 });
		(t.app.workspace as unknown as { activeEditor: unknown }).activeEditor = md;
		const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'Bob Smith');
		if (!action) throw new Error('no action');
		await t.plugin.followUps.draft(action);
		expect(md.editor.getValue().startsWith('start\n')).toBe(true);
		expect(md.editor.getValue()).toMatch(/Bob/);
		expect(t.text('Interviews/Globex.md')).toBe(GLOBEX);
	});

	it('Email opens a mailto: link to the person', async () => {
		const t = await loadPlugin(VAULT);
		const open = vi.spyOn(window, 'open').mockReturnValue(null);
		const view = await t.openView();
		click(rowEl(view.contentEl, 'Send a thank-you note to Bob Smith').querySelector('.ifu-email') as Element);
		await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(1));
		expect(String(open.mock.calls[0][0])).toMatch(/^mailto:bob@globex\.example\?/);
	});
});

describe('status bar, day change, view lifecycle, date modal', () => {
	it('a click on the status bar opens the view', async () => {
		const t = await loadPlugin(VAULT);
		click(t.mock.statusBarItems__[0]);
		await vi.waitFor(() => expect(t.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1));
	});

	it('a new day recomputes the schedule', async () => {
		const t = await loadPlugin(VAULT);
		expect(t.plugin.indexer.schedule?.today).toBe('2026-11-21');
		vi.setSystemTime(new Date(2026, 10, 24, 9, 0, 0));
		t.plugin.tick();
		expect(t.plugin.indexer.schedule?.today).toBe('2026-11-24');
		// Tuesday: the Globex thank-you (due Tuesday) is due today, the ask-timeline (due Monday) overdue.
		expect(t.mock.statusBarItems__[0].textContent).toBe('Follow-ups: 3 overdue, 1 to do now');
	});

	it('a closed view stops listening', async () => {
		const t = await loadPlugin(VAULT);
		const view = await t.openView();
		const render = vi.spyOn(view, 'render');
		t.plugin.indexer.recompute();
		expect(render).toHaveBeenCalledTimes(1);
		await view.onClose();
		t.plugin.indexer.recompute();
		expect(render).toHaveBeenCalledTimes(1);
	});

	it('the snooze date modal accepts only a real date after today', async () => {
		const t = await loadPlugin(VAULT);
		const { snoozeDateModal } = await import('../../src/obsidian/ui/modals');
		const picked: string[] = [];
		const modal = snoozeDateModal(t.plugin.app, '2026-11-21', (d) => picked.push(d));
		modal.open();
		expect(modal.submit('2026-13-01')).toMatch(/not a real calendar date/);
		expect(modal.submit('next week')).toMatch(/not a date/);
		expect(modal.submit('2026-11-21')).toMatch(/not after today/);
		expect(modal.errorEl?.textContent).toMatch(/not after today/);
		expect(picked).toEqual([]);
		expect(modal.submit('2026-12-01')).toBeNull();
		expect(picked).toEqual(['2026-12-01']);
	});
});

describe('the index build', () => {
	it('draws the list in a task of its own, after the last slice of the build (issue #16: one task over 50 ms)', async () => {
		const t = await loadPlugin(VAULT);
		const { FollowUpIndexer } = await import('../../src/obsidian/indexer');
		const events: string[] = [];
		const indexer = new FollowUpIndexer(
			{ app: t.plugin.app, settings: () => t.plugin.settings, registerEvent: () => undefined },
			{
				// A budget no step reaches: the build itself never yields.
				sliceBudgetMs: 1e9,
				yielder: () => {
					events.push('yield');
					return Promise.resolve();
				},
			},
		);
		indexer.onChange(() => events.push('draw'));
		await indexer.build();
		expect(events).toEqual(['yield', 'draw']);
	});

	it('yields to the UI between slices and gives the same schedule however it is sliced', async () => {
		const t = await loadPlugin(VAULT);
		const { FollowUpIndexer } = await import('../../src/obsidian/indexer');
		let yields = 0;
		const sliced = new FollowUpIndexer(
			{ app: t.plugin.app, settings: () => t.plugin.settings, registerEvent: () => undefined },
			{
				sliceBudgetMs: 0,
				readBatch: 2,
				yielder: () => {
					yields++;
					return Promise.resolve();
				},
			},
		);
		const stats = await sliced.build();
		// A budget of 0 ms: a yield after every note looked at, every note read and every application scheduled.
		const apps = sliced.index.applicationIds().length;
		expect(apps).toBeGreaterThan(1);
		expect(yields).toBeGreaterThanOrEqual(stats.files + stats.interviewNotes + stats.personNotes + apps);
		// Every slice ends with a yield, the last one too: the list is drawn in a task of its own.
		expect(stats.slices).toBe(yields);
		expect(sliced.schedule?.actions.map((a) => a.id)).toEqual(t.plugin.indexer.schedule?.actions.map((a) => a.id));
		// The schedule built one application per slice is the one computed in one go.
		const { computeSchedule } = await import('../../src/core/rules');
		expect(sliced.schedule).toEqual(computeSchedule(sliced.index, sliced.now(), t.plugin.settings));
	});

	it('a rebuild started during a build cancels the first', async () => {
		const t = await loadPlugin(VAULT);
		const first = t.plugin.indexer.build();
		const second = t.plugin.indexer.build();
		const [a, b] = await Promise.all([first, second]);
		expect(a.interviewNotes).toBe(0);
		expect(b.interviewNotes).toBe(3);
		expect(t.plugin.indexer.ready).toBe(true);
	});
});
