/**
 * follow-up-rules.md v2, "Status date": "when the tool records a follow-up
 * that depends on it (referral-request, withdraw, answer-offer) it also
 * records the status event with the date in use, so that date no longer
 * moves" (core/rules/statusEvent.ts, used by the CLI's log and the plugin's Done).
 */
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../../src/core/dates';
import { statusEventFor } from '../../../src/core/rules';
import type { LogKind } from '../../../src/core/types';
import { interview, lines, World } from './builders';

const JANE = 'Jane Doe';

function input(w: World) {
	return { applications: () => w.applications(), person: (id: string) => w.getPerson(id) };
}

/** Acme rejected by a `status` key only; the note last changed on `modified`; `log` already in it. */
function rejectedAcme(modified: string, log: string[] = []): World {
	const w = new World();
	w.person(JANE, { title: 'Manager', email: 'jane@acme.example' });
	w.activeFillers(3);
	w.application('Acme', 'Clerk', interview('2026-11-10', { path: 'Acme.md', interviewers: [JANE], status: 'rejected', modified, log: ['2026-11-10 thank-you', ...log] }));
	return w;
}

describe('the status event recorded with a follow-up that depends on an undated status', () => {
	it('referral-request after `status: rejected` with no event: "2026-11-13 rejected", the date the schedule counts from, in the same note', () => {
		const w = rejectedAcme('2026-11-13');
		expect(lines(w.schedule('2026-11-16'), 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-13..2026-11-17 due']);
		const e = statusEventFor(input(w), 'Acme.md', 'referral-request', '2026-11-16', endOfDay('2026-11-16'));
		expect(e).toEqual({
			note: 'Acme.md',
			entry: '2026-11-13 rejected',
			status: 'rejected',
			date: '2026-11-13',
			why: 'the rejection had no dated entry, so it is recorded on 2026-11-13, the date the schedule counted from, and no longer moves when the note changes',
		});
	});

	it('"so that date no longer moves": with the event, a later edit of the note does not bring the referral request back; without it, it does', () => {
		// Logged on the 16th; the note is edited again on the 20th (its mtime moves).
		const without = rejectedAcme('2026-11-20', ['2026-11-16 referral-request: Jane Doe']);
		expect(lines(without.schedule('2026-11-20'), 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-20..2026-11-24 due']);
		const withEvent = rejectedAcme('2026-11-20', ['2026-11-13 rejected', '2026-11-16 referral-request: Jane Doe']);
		expect(lines(withEvent.schedule('2026-11-20'), 'referral-request')).toEqual([]);
		expect(statusEventFor(input(withEvent), 'Acme.md', 'referral-request', '2026-11-20', endOfDay('2026-11-20'))).toBeNull();
	});

	it('a follow-up dated before the status date takes the event to its own date (the news came first), so the follow-up is done', () => {
		const w = rejectedAcme('2026-11-18');
		const e = statusEventFor(input(w), 'Acme.md', 'referral-request', '2026-11-12', endOfDay('2026-11-20'));
		expect(e?.entry).toBe('2026-11-12 rejected');
		const after = rejectedAcme('2026-11-20', ['2026-11-12 rejected', '2026-11-12 referral-request: Jane Doe']);
		expect(lines(after.schedule('2026-11-20'), 'referral-request')).toEqual([]);
	});

	it('nothing when the status is dated already, is another one, or the kind depends on no status', () => {
		expect(statusEventFor(input(rejectedAcme('2026-11-13', ['2026-11-12 rejected'])), 'Acme.md', 'referral-request', '2026-11-16', endOfDay('2026-11-16'))).toBeNull();
		const w = rejectedAcme('2026-11-13');
		for (const kind of ['thank-you', 'status-check', 'contact', 'rejected', 'answer-offer', 'withdraw'] as LogKind[]) {
			expect(statusEventFor(input(w), 'Acme.md', kind, '2026-11-16', endOfDay('2026-11-16')), kind).toBeNull();
		}
		expect(statusEventFor(input(w), 'Nowhere.md', 'referral-request', '2026-11-16', endOfDay('2026-11-16'))).toBeNull();
	});

	it('answer-offer after `status: offer` with no event: "YYYY-MM-DD offer" in the same note', () => {
		const w = new World();
		w.person(JANE, { title: 'Manager', email: 'jane@acme.example' });
		w.application('Acme', 'Clerk', interview('2026-11-10', { path: 'Acme.md', interviewers: [JANE], status: 'offer', modified: '2026-11-17', log: ['2026-11-10 thank-you'] }));
		expect(statusEventFor(input(w), 'Acme.md', 'answer-offer', '2026-11-18', endOfDay('2026-11-18'))).toMatchObject({ note: 'Acme.md', entry: '2026-11-17 offer' });
	});

	it('withdraw after an undated hire elsewhere: "YYYY-MM-DD hired" goes into the hired application\'s note, not the one withdrawn from', () => {
		const w = new World();
		w.person(JANE, { title: 'Manager', email: 'jane@acme.example' });
		w.person('Bob Smith', { title: 'Lead', email: 'bob@globex.example' });
		w.application('Acme', 'Clerk', interview('2026-11-10', { path: 'Acme.md', interviewers: [JANE], status: 'hired', modified: '2026-11-18', log: ['2026-11-10 thank-you'] }));
		w.application('Globex', 'Clerk', interview('2026-11-12', { path: 'Globex.md', interviewers: ['Bob Smith'], log: ['2026-11-12 thank-you'] }));
		expect(lines(w.schedule('2026-11-19'), 'withdraw')).toEqual(['withdraw Bob Smith 2026-11-18..2026-11-20 due']);
		expect(statusEventFor(input(w), 'Globex.md', 'withdraw', '2026-11-19', endOfDay('2026-11-19'))).toMatchObject({ note: 'Acme.md', entry: '2026-11-18 hired', status: 'hired' });
		// Withdrawing from the hired application itself needs no event.
		expect(statusEventFor(input(w), 'Acme.md', 'withdraw', '2026-11-19', endOfDay('2026-11-19'))).toBeNull();
	});
});
