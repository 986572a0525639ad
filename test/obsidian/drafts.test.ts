/** Draft, Email, Done and the Insert commands on the mocks: one draft per action, the edited draft mailed, the cursor respected. */
import './setup';
import { MarkdownView, Notice, WorkspaceLeaf } from 'obsidian-test-mocks/obsidian';
import type { Command, MarkdownView as MarkdownViewOriginal } from 'obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Action } from '../../src/core/types';
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
		c.editorCheckCallback?.(false, md.editor, md as unknown as MarkdownViewOriginal);
		await vi.waitFor(() => expect(md.editor.getValue()).toMatch(/Bob/));
		expect(md.editor.getValue().startsWith('My notes\nselected words\n### thank-you: Bob Smith\n')).toBe(true);
	});
});
