/**
 * Undo in a notice undoes the change that notice names, not whatever came
 * last: two quick Dones, and the first notice's Undo gives the first note
 * back its bytes while the second note keeps its entry.
 */
import './setup';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Notice } from 'obsidian-test-mocks/obsidian';
import { loadPlugin, type Loaded } from './harness';

/** Every notice shown, as its text and (for a fragment) its Undo button. */
const shown: Array<{ text: string; undo: HTMLButtonElement | null }> = [];
beforeEach(() => {
	shown.length = 0;
	vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message: string | DocumentFragment) => {
		const undo = typeof message === 'string' ? null : message.querySelector<HTMLButtonElement>('button.ifu-undo');
		shown.push({ text: typeof message === 'string' ? message : (message.textContent ?? ''), undo });
	});
});
afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function note(company: string, person: string): string {
	return ['---', 'type: interview', `company: ${company}`, 'role: Clerk', 'interview_date: 2026-11-20', `interviewers: ["${person}"]`, '---', 'Notes.', ''].join('\n');
}

const ACME = note('Acme', 'Jane Doe');
const GLOBEX = note('Globex', 'Bob Smith');

async function done(t: Loaded, company: string): Promise<void> {
	const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'thank-you' && a.company === company);
	if (!action) throw new Error(`no thank-you for ${company}`);
	expect(await t.plugin.followUps.done(action)).toMatchObject({ ok: true, changed: true });
	await t.settle();
}

function undoButton(text: string): HTMLButtonElement {
	const n = shown.find((s) => s.text.startsWith(text));
	if (!n?.undo) throw new Error(`no notice with Undo saying "${text}": ${shown.map((s) => s.text).join(' | ')}`);
	return n.undo;
}

describe('Undo in a notice', () => {
	it('undoes the change its notice names, even after a later one', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME, 'Interviews/Globex.md': GLOBEX });
		await done(t, 'Acme');
		await done(t, 'Globex');
		const globexDone = t.text('Interviews/Globex.md');
		expect(globexDone).toContain('2026-11-21 thank-you: Bob Smith');

		undoButton('Marked done: thank-you note to Jane Doe').click();
		await vi.waitFor(async () => {
			await t.settle();
			expect(t.text('Interviews/Acme.md')).toBe(ACME);
		});
		expect(t.text('Interviews/Globex.md')).toBe(globexDone);
		expect(shown.at(-1)?.text).toBe('Undone: marked done: thank-you note to Jane Doe.');

		// The command still undoes the last change: the Globex one.
		expect(await t.plugin.followUps.undo()).toBe(true);
		expect(t.text('Interviews/Globex.md')).toBe(GLOBEX);
	});

	it('refuses, and says so, when the note changed since', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME, 'Interviews/Globex.md': GLOBEX });
		await done(t, 'Acme');
		await done(t, 'Globex');
		const edited = `${t.text('Interviews/Acme.md')}More notes.\n`;
		await t.write('Interviews/Acme.md', edited);
		undoButton('Marked done: thank-you note to Jane Doe').click();
		await vi.waitFor(() => expect(shown.at(-1)?.text).toMatch(/^Could not undo "Marked done: thank-you note to Jane Doe" in Interviews\/Acme\.md: the note changed since/));
		await t.settle();
		expect(t.text('Interviews/Acme.md')).toBe(edited);
		expect(t.text('Interviews/Globex.md')).toContain('2026-11-21 thank-you: Bob Smith');
	});
});
