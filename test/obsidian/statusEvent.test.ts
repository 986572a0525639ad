/**
 * The plugin's Done on a follow-up that counts from an undated status
 * (follow-up-rules.md v2, "Status date"): it records the status event too,
 * with the date the schedule used, as the command line's `log` does.
 */
import './setup';
import { describe, expect, it, vi } from 'vitest';
import type { ActionKind } from '../../src/core/types';
import { ChoiceModal } from '../../src/obsidian/ui/modals';
import { fileOf, loadPlugin, recordNotices, type Loaded } from './harness';

const notices = recordNotices();

function note(company: string, date: string, extra: string[]): string {
	return ['---', 'type: interview', `company: ${company}`, 'role: Clerk', `interview_date: ${date}`, ...extra, '---', 'Notes.', ''].join('\n');
}

const ACME_REJECTED = note('Acme', '2026-11-16', ['interviewers: ["Jane Doe, Manager <jane@acme.example>"]', 'status: rejected', 'follow_ups:', '  - "2026-11-16 thank-you"']);
const ACME_HIRED = ACME_REJECTED.replace('status: rejected', 'status: hired');
const GLOBEX = note('Globex', '2026-11-17', ['interviewers: ["Bob Smith, Lead <bob@globex.example>"]', 'follow_ups:', '  - "2026-11-17 thank-you"']);

/** The note was last changed on `date` (noon, local): what Obsidian's `file.stat.mtime` says. */
async function modifiedOn(t: Loaded, path: string, date: string): Promise<void> {
	const [y, m, d] = date.split('-').map(Number);
	fileOf(t.app, path).stat.mtime = new Date(y, m - 1, d, 12).getTime();
	await t.plugin.indexer.refresh(path);
	await t.settle();
}

function kinds(t: Loaded, kind: ActionKind): string[] {
	return (t.plugin.indexer.schedule?.actions ?? []).filter((a) => a.kind === kind).map((a) => `${a.company} ${a.earliest}..${a.due}`);
}

async function done(t: Loaded, kind: ActionKind): Promise<void> {
	const action = t.plugin.indexer.schedule?.actions.find((a) => a.kind === kind);
	if (!action) throw new Error(`no ${kind}`);
	expect(await t.plugin.followUps.done(action)).toMatchObject({ ok: true, changed: true });
	await t.settle();
}

describe('Done records the undated status a follow-up counts from', () => {
	it('referral-request: "2026-11-18 rejected" and the entry in one write (one Undo takes both back); a later edit leaves it done', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME_REJECTED });
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-18');
		expect(kinds(t, 'referral-request')).toEqual(['Acme 2026-11-18..2026-11-20']);

		await done(t, 'referral-request');
		const written = ACME_REJECTED.replace('  - "2026-11-16 thank-you"\n', '  - "2026-11-16 thank-you"\n  - "2026-11-18 rejected"\n  - "2026-11-21 referral-request: Jane Doe"\n');
		expect(t.text('Interviews/Acme.md')).toBe(written);
		expect(notices.at(-1)).toContain('the rejection had no dated entry, so it is recorded on 2026-11-18, the date the schedule counted from');
		// Obsidian sets the note's mtime to now: the rejection keeps its date, and the request stays done.
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-21');
		expect(kinds(t, 'referral-request')).toEqual([]);

		expect(await t.plugin.followUps.undo()).toBe(true);
		expect(t.text('Interviews/Acme.md')).toBe(ACME_REJECTED);
	});

	it('answer-offer: "2026-11-19 offer" with the entry', async () => {
		const offer = ACME_REJECTED.replace('status: rejected', 'status: offer');
		const t = await loadPlugin({ 'Interviews/Acme.md': offer });
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-19');
		await done(t, 'answer-offer');
		expect(t.text('Interviews/Acme.md')).toContain('  - "2026-11-19 offer"\n  - "2026-11-21 answer-offer: Jane Doe"\n---\n');
	});

	it('withdraw: "2026-11-19 hired" goes into the hired note, the withdrawal into the other one', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME_HIRED, 'Interviews/Globex.md': GLOBEX });
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-19');
		expect(kinds(t, 'withdraw')).toEqual(['Globex 2026-11-19..2026-11-23']);
		await done(t, 'withdraw');
		expect(t.text('Interviews/Acme.md')).toBe(ACME_HIRED.replace('  - "2026-11-16 thank-you"\n', '  - "2026-11-16 thank-you"\n  - "2026-11-19 hired"\n'));
		expect(t.text('Interviews/Globex.md')).toBe(GLOBEX.replace('  - "2026-11-17 thank-you"\n', '  - "2026-11-17 thank-you"\n  - "2026-11-21 withdraw: Bob Smith"\n'));
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-21');
		expect(kinds(t, 'withdraw')).toEqual([]);
	});

	it('a status a log entry dates already: only the follow-up is written', async () => {
		const dated = ACME_REJECTED.replace('  - "2026-11-16 thank-you"', '  - "2026-11-16 thank-you"\n  - "2026-11-17 rejected"');
		const t = await loadPlugin({ 'Interviews/Acme.md': dated });
		await done(t, 'referral-request');
		expect(t.text('Interviews/Acme.md')).toBe(dated.replace('  - "2026-11-17 rejected"\n', '  - "2026-11-17 rejected"\n  - "2026-11-21 referral-request: Jane Doe"\n'));
	});
});

describe('the command "Log a follow-up for the current note" records it the same way', () => {
	it('picking the referral request writes "2026-11-18 rejected" with it; picking the thank-you logs the thank-you', async () => {
		const t = await loadPlugin({ 'Interviews/Acme.md': ACME_REJECTED.replace('  - "2026-11-16 thank-you"\n', '') });
		await modifiedOn(t, 'Interviews/Acme.md', '2026-11-18');
		const modals: ChoiceModal<unknown>[] = [];
		vi.spyOn(ChoiceModal.prototype, 'open').mockImplementation(function (this: ChoiceModal<unknown>) {
			modals.push(this);
		});
		vi.spyOn(t.app.workspace, 'getActiveFile').mockReturnValue(fileOf(t.app, 'Interviews/Acme.md'));
		let before = t.text('Interviews/Acme.md');
		const pick = async (label: RegExp): Promise<void> => {
			t.command('log-follow-up').checkCallback?.(false);
			const m = modals[modals.length - 1];
			const item = m.getItems().find((i) => label.test(i.label));
			if (!item) throw new Error(`no choice ${String(label)}: ${m.getItems().map((i) => i.label).join(' | ')}`);
			m.onChooseItem(item);
			await vi.waitFor(async () => {
				await t.settle();
				expect(t.text('Interviews/Acme.md')).not.toBe(before);
			});
		};
		await pick(/referral/i);
		expect(t.text('Interviews/Acme.md')).toContain('follow_ups:\n  - "2026-11-18 rejected"\n  - "2026-11-21 referral-request: Jane Doe"\n---\n');
		before = t.text('Interviews/Acme.md');
		await pick(/thank-you/);
		expect(t.text('Interviews/Acme.md')).toContain('  - "2026-11-21 referral-request: Jane Doe"\n  - "2026-11-21 thank-you: Jane Doe"\n---\n');
	});
});
