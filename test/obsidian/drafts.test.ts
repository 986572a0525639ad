/** Draft, Email, Done and the Insert commands on the mocks: one draft per action, the edited draft mailed, the cursor respected. */
import './setup';
import { MarkdownView, Notice, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import type { Command } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../src/core/types';
import { TEMPLATE_KINDS } from '../../src/core/templates';
import { GLOBEX, VAULT } from './fixtures';
import { fileOf, loadPlugin, type Loaded } from './harness';

beforeEach(() => {
	vi.spyOn(Notice.prototype, 'constructor__').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

/** A Markdown editor on `path` holding `text`, made the most recent editor (`workspace.activeEditor`). */
function editorOn(t: Loaded, path: string, text: string): MarkdownView {
	const md = MarkdownView.create2__(WorkspaceLeaf.create2__(t.app));
	md.file = fileOf(t.app, path);
	md.editor.setValue(text);
	(t.app.workspace as unknown as { activeEditor: unknown }).activeEditor = md;
	return md;
}

function action(t: Loaded, kind: string, name: string): Action {
	const a = t.plugin.indexer.schedule?.actions.find((x) => x.kind === kind && x.person?.name === name);
	if (!a) throw new Error(`no ${kind} for ${name}`);
	return a;
}

describe('Draft', () => {
	it('inserts once: a second Draft reveals the draft already in the note', async () => {
		const t = await loadPlugin(VAULT);
		const a = action(t, 'thank-you', 'Bob Smith');
		await t.plugin.followUps.draft(a);
		await t.settle();
		const once = t.text('Interviews/Globex.md');
		expect(once).toMatch(/\n## Drafts\n\n### thank-you: Bob Smith\n\nSubject: /);
		const r = await t.plugin.followUps.draft(a);
		await t.settle();
		expect(r).toEqual({ ok: true, changed: false });
		expect(t.text('Interviews/Globex.md')).toBe(once);
		expect(once.split('### thank-you: Bob Smith').length).toBe(2);
	});

	it('a thank-you with an ask-timeline open for the same person is one draft, asking the timetable too', async () => {
		const t = await loadPlugin(VAULT);
		await t.plugin.followUps.draft(action(t, 'ask-timeline', 'Bob Smith'));
		await t.settle();
		const text = t.text('Interviews/Globex.md');
		expect(text).toContain('### thank-you: Bob Smith');
		expect(text).toMatch(/interviews/);
		// Drafting the thank-you now finds the same message.
		await t.plugin.followUps.draft(action(t, 'thank-you', 'Bob Smith'));
		await t.settle();
		expect(t.text('Interviews/Globex.md')).toBe(text);
	});

	it('at the cursor of the most recent editor, after a selection (which keeps its text), never inside the properties', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', 'start\nkeep this\nend\n');
		md.editor.setSelection({ line: 1, ch: 0 }, { line: 1, ch: 9 });
		await t.plugin.followUps.draft(action(t, 'thank-you', 'Bob Smith'));
		const value = md.editor.getValue();
		expect(value.startsWith('start\nkeep this\n### thank-you: Bob Smith\n\nSubject: ')).toBe(true);
		expect(value.endsWith('end\n')).toBe(true);
		// The inserted text is selected, so it is in view; the file was left to the editor.
		expect(md.editor.getSelection()).toMatch(/^### thank-you: Bob Smith\n/);
		expect(t.text('Interviews/Globex.md')).toBe(GLOBEX);

		const props = editorOn(t, 'Interviews/Globex.md', GLOBEX);
		props.editor.setCursor({ line: 2, ch: 3 });
		await t.plugin.followUps.draft(action(t, 'thank-you', 'Bob Smith'));
		const after = props.editor.getValue();
		const end = GLOBEX.indexOf('\n---\n') + 5;
		expect(after.slice(0, end)).toBe(GLOBEX.slice(0, end));
		expect(after.slice(end)).toMatch(/^### thank-you: Bob Smith\n/);
	});
});

describe('Email', () => {
	it('mails the draft as the user edited it in the note', async () => {
		const t = await loadPlugin(VAULT);
		const open = vi.spyOn(window, 'open').mockReturnValue(null);
		const a = action(t, 'thank-you', 'Bob Smith');
		await t.plugin.followUps.draft(a);
		await t.settle();
		const edited = t
			.text('Interviews/Globex.md')
			.replace(/\nSubject: [^\n]*\n/, '\nSubject: Thanks, Bob\n')
			.replace(/\[a link or tip about: [^\]]*\]|(Warm regards|Kind regards|Best wishes|With appreciation|With warm thanks|Yours with appreciation),/, 'P.S. Here is the article on pipelines I mentioned.');
		await t.app.vault.modify(fileOf(t.app, 'Interviews/Globex.md'), edited);
		await t.settle();
		await t.plugin.followUps.email(a);
		expect(open).toHaveBeenCalledTimes(1);
		const link = String(open.mock.calls[0][0]);
		expect(link).toMatch(/^mailto:bob@globex\.example\?subject=Thanks%2C%20Bob&body=/);
		expect(decodeURIComponent(link.slice(link.indexOf('body=') + 5))).toContain('P.S. Here is the article on pipelines I mentioned.');
	});

	it('without a draft in the note, mails the filled template', async () => {
		const t = await loadPlugin(VAULT);
		const open = vi.spyOn(window, 'open').mockReturnValue(null);
		await t.plugin.followUps.email(action(t, 'thank-you', 'Bob Smith'));
		expect(decodeURIComponent(String(open.mock.calls[0][0]))).toMatch(/Dear Bob,/);
	});
});

describe('Done', () => {
	it('for the combined message logs both the thank-you and the ask-timeline', async () => {
		const t = await loadPlugin(VAULT);
		await t.plugin.followUps.done(action(t, 'thank-you', 'Bob Smith'));
		await t.settle();
		const text = t.text('Interviews/Globex.md');
		expect(text).toContain('2026-11-21 thank-you: Bob Smith');
		expect(text).toContain('2026-11-21 ask-timeline: Bob Smith');
		expect(t.plugin.indexer.schedule?.actions.filter((x) => x.person?.name === 'Bob Smith' && (x.kind === 'thank-you' || x.kind === 'ask-timeline'))).toEqual([]);
	});
});

describe('Insert commands', () => {
	it('insert at the cursor of the most recent editor without replacing the selection', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', 'My notes\nselected words\n');
		md.editor.setSelection({ line: 1, ch: 0 }, { line: 1, ch: 14 });
		const c: Command = t.command('insert-thank-you-note');
		c.checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Bob/));
		expect(md.editor.getValue().startsWith('My notes\nselected words\n### thank-you: Bob Smith\n')).toBe(true);
	});

	it('one Insert command per template kind but the new interview note, each named in sentence case', async () => {
		const t = await loadPlugin(VAULT);
		const ids = [...t.mock.commands__.keys()].filter((id) => id.startsWith('insert-'));
		expect(ids).toHaveLength(TEMPLATE_KINDS.filter((k) => k !== 'interview').length);
		expect(ids.map((id) => t.command(id).name)).toEqual([
			'Insert a thank-you note',
			'Insert a question about the timeline',
			'Insert a status check',
			'Insert a reference heads-up',
			'Insert a referral request',
			'Insert a withdrawal',
			'Insert notes to prepare the next round',
		]);
	});

	it('work from the most recent editor while another view has the focus, and are offered only for an interview note', async () => {
		const t = await loadPlugin(VAULT);
		expect(t.command('insert-withdrawal').checkCallback?.(true)).toBe(false);
		const md = editorOn(t, 'Interviews/Globex.md', 'Notes\n');
		// The sidebar view is the active leaf: no active MarkdownView, but the editor is still the most recent one.
		vi.spyOn(t.app.workspace, 'getActiveViewOfType').mockReturnValue(null);
		expect(t.command('insert-withdrawal').checkCallback?.(true)).toBe(true);
		t.command('insert-withdrawal').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/### withdraw: Bob Smith\n\nSubject: Withdrawing my application for the Analyst role\n/));
		expect(md.editor.getValue()).toMatch(/accepted another offer/);
		editorOn(t, 'Notes/random.md', 'x\n');
		expect(t.command('insert-withdrawal').checkCallback?.(true)).toBe(false);
	});

	it('the timeline question and the notes to prepare insert once each; a second run reveals the first', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', 'Notes\n');
		md.editor.setCursor({ line: 1, ch: 0 });
		t.command('insert-timeline-question').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/### ask-timeline: Bob Smith\n\nSubject: /));
		expect(md.editor.getValue()).toMatch(/decide|decision/);
		t.command('insert-preparation').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/\n## Preparing for the next round/));
		const once = md.editor.getValue();
		// The notes to prepare carry their own heading, and no person's.
		expect(once).not.toMatch(/### prepare/);
		expect(once).toMatch(/Bob Smith, CTO/);

		md.editor.setCursor({ line: 0, ch: 0 });
		t.command('insert-timeline-question').checkCallback?.(false);
		t.command('insert-preparation').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getCursor().line).toBe(once.split('\n').findIndex((l) => l.startsWith('## Preparing'))));
		await vi.waitFor(() => expect(md.editor.getValue()).toBe(once));
	});

	it('a cursor inside a line puts the text after that line, and a blank line keeps the next paragraph out of it', async () => {
		const t = await loadPlugin(VAULT);
		const md = editorOn(t, 'Interviews/Globex.md', 'First half and second half\nNext paragraph\n');
		md.editor.setCursor({ line: 0, ch: 10 });
		t.command('insert-thank-you-note').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Bob/));
		const value = md.editor.getValue();
		expect(value.startsWith('First half and second half\n### thank-you: Bob Smith\n')).toBe(true);
		expect(value).toMatch(/\n[^\n]+\n\nNext paragraph\n$/);
		// The inserted text is selected (so it is in view), without the blank line.
		expect(md.editor.getSelection()).toMatch(/^### thank-you: Bob Smith\n[\s\S]*\n$/);
		expect(md.editor.getSelection().endsWith('\n\n')).toBe(false);
	});

	it('a cursor in the properties block, or a note that is all properties, gets the text after the block', async () => {
		const t = await loadPlugin(VAULT);
		const props = GLOBEX.slice(0, GLOBEX.indexOf('\n---\n') + 4);
		const md = editorOn(t, 'Interviews/Globex.md', props);
		md.editor.setCursor({ line: 1, ch: 2 });
		t.command('insert-status-check').checkCallback?.(false);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Subject: /));
		expect(md.editor.getValue().startsWith(`${props}\n### status-check: Bob Smith\n`)).toBe(true);
	});
});
