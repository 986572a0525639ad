/**
 * core/ics.ts: the calendar's events (open, overdue on today, snoozed, done and
 * cancelled) and its text (octet folding, escaping, no control character),
 * read back by ical.js and Python's icalendar.
 */
import type ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../src/core/dates';
import { calendarEntries, entriesToIcs, escapeText, foldLine, sameCalendar, sequenceOf, type CalendarEntry } from '../../src/core/ics';
import { computeSchedule } from '../../src/core/rules';
import { DEFAULT_SETTINGS, type Action } from '../../src/core/types';
import { VaultIndex } from '../../src/core/vaultIndex';
import { checkIcs, readWithPython } from '../fixtures/icsCheck';

const settings = { ...DEFAULT_SETTINGS };

function note(lines: { company: string; role?: string; date: string; interviewers: string[]; followUps?: string[]; snoozed?: string[]; decision?: string }): string {
	const list = (key: string, items: string[] | undefined) => (items && items.length > 0 ? `${key}:\n${items.map((i) => `  - ${JSON.stringify(i)}`).join('\n')}\n` : '');
	return (
		`---\ntype: interview\ncompany: ${JSON.stringify(lines.company)}\nrole: ${JSON.stringify(lines.role ?? 'Analyst')}\n` +
		`interview_date: ${lines.date}\n${list('interviewers', lines.interviewers)}` +
		(lines.decision ? `decision_date: ${lines.decision}\n` : '') +
		`${list('follow_ups', lines.followUps)}${list('snoozed', lines.snoozed)}---\n# Notes\n`
	);
}

function vault(notes: Record<string, string>): VaultIndex {
	const index = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
	for (const [path, text] of Object.entries(notes)) index.upsert(path, text);
	return index;
}

function entries(index: VaultIndex, today: string, within = 7): CalendarEntry[] {
	return calendarEntries(index, endOfDay(today), settings, within);
}

const title = (a: Action) => `${a.kind}${a.person ? ` ${a.person.name}` : ''} (${a.company ?? 'all'})`;

function ics(list: readonly CalendarEntry[], today: string): string {
	return entriesToIcs(list, { today, stamp: '20261121T080000Z', title, vaultName: 'My vault' });
}

function events(root: ICAL.Component): Map<string, ICAL.Component> {
	return new Map(root.getAllSubcomponents('vevent').map((e) => [String(e.getFirstPropertyValue('uid')), e]));
}

const ACME = 'Interviews/2026-11-16 Acme.md';

describe('the text of the calendar', () => {
	it('folds at 75 octets of UTF-8, never inside a character', () => {
		for (const text of ['a'.repeat(200), 'é'.repeat(100), '山田 太郎'.repeat(30), '😀'.repeat(40), `x${'Zoë Tomás '.repeat(20)}`]) {
			const folded = foldLine(`SUMMARY:${text}`);
			const lines = folded.split('\r\n');
			for (const [i, line] of lines.entries()) {
				expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
				if (i > 0) expect(line.startsWith(' ')).toBe(true);
			}
			// Unfolding gives the line back.
			expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${text}`);
		}
		// A line of exactly 75 octets stays whole; 76 is folded.
		expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
		expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
	});

	it('escapes TEXT and drops every control character', () => {
		expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
		expect(escapeText('one\r\ntwo\rthree')).toBe('one\\ntwo\\nthree');
		expect(escapeText('bell\u0007 esc\u001b[31mred\u001b[0m tab\there del\u007f c1\u0085')).toBe('bell esc[31mred[0m tab here del c1');
	});

	it('compares two calendars without their DTSTAMP', () => {
		const index = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'] }) });
		const list = entries(index, '2026-11-21');
		const a = entriesToIcs(list, { today: '2026-11-21', stamp: '20261121T080000Z', title });
		const b = entriesToIcs(list, { today: '2026-11-21', stamp: '20261121T090000Z', title });
		expect(a).not.toBe(b);
		expect(sameCalendar(a, b)).toBe(true);
		expect(sameCalendar(a, ics(entries(index, '2026-11-22'), '2026-11-22'))).toBe(false);
	});
});

describe('the events', () => {
	const hostile = vault({
		[ACME]: note({
			company: 'Zoë\u001b[31m & Tomás, Ltd; 山田',
			date: '2026-11-16T10:00',
			interviewers: ['Tomás Zoë Núñez-Ibáñez, Directora de Relaciones Institucionales', '山田 太郎, 部長 <yamada@example.jp>', 'Bell\u0007 Ringer'],
		}),
	});

	it('a calendar with accented and CJK names, escapes and control characters in the notes: lines of at most 75 octets, both parsers agree', () => {
		const text = ics(entries(hostile, '2026-11-21'), '2026-11-21');
		// eslint-disable-next-line no-control-regex -- matching control characters is the point
		expect(text).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/);
		const root = checkIcs(text);
		const summaries = root.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('summary')));
		expect(summaries.some((s) => s.includes('山田 太郎'))).toBe(true);
		expect(summaries.some((s) => s.includes('Zoë[31m & Tomás, Ltd; 山田'))).toBe(true);
		const py = readWithPython(text);
		if (py === null) {
			if (process.env.CI) throw new Error("Python's icalendar is missing: apt-get install -y python3-icalendar");
			console.warn("skipped the check with Python's icalendar: apt-get install -y python3-icalendar");
			return;
		}
		expect(py.problems).toEqual([]);
		expect(py.events.map((e) => e.summary).sort()).toEqual([...summaries].sort());
	});

	it('an overdue action is on today, all day, says since when, and has an alarm at 09:00', () => {
		const index = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'] }) });
		const text = ics(entries(index, '2026-11-21'), '2026-11-21');
		const root = checkIcs(text);
		const thanks = root.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('categories')) === 'thank-you')!;
		// Interview Mon 16 Nov: the thank-you was due two business days later, Wed 18 Nov.
		expect(String(thanks.getFirstPropertyValue('summary'))).toBe('Overdue since Wed 18 Nov: thank-you Jane Doe (Acme)');
		const start = thanks.getFirstPropertyValue('dtstart') as ICAL.Time;
		expect([start.isDate, start.toString()]).toEqual([true, '2026-11-21']);
		expect((thanks.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2026-11-22');
		const alarm = thanks.getFirstSubcomponent('valarm')!;
		expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
		expect((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(9 * 3600);
		expect(String(thanks.getFirstPropertyValue('status'))).toBe('CONFIRMED');
		// The link back to the note, in URL and DESCRIPTION.
		const url = 'obsidian://open?vault=My%20vault&file=Interviews%2F2026-11-16%20Acme';
		expect(thanks.getFirstPropertyValue('url')).toBe(url);
		expect(String(thanks.getFirstPropertyValue('description'))).toContain(`Open the note: ${url}`);
		expect(String(thanks.getFirstPropertyValue('description'))).toContain('Overdue: it was due Wed 18 Nov.');
		// The next day it moves along, with a higher SEQUENCE.
		const next = events(checkIcs(ics(entries(index, '2026-11-22'), '2026-11-22'))).get(String(thanks.getFirstPropertyValue('uid')))!;
		expect((next.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-11-22');
		expect(Number(next.getFirstPropertyValue('sequence'))).toBe(Number(thanks.getFirstPropertyValue('sequence')) + 1);
	});

	it('an action not yet overdue is on its due date; the UID stays, and SEQUENCE grows when its dates move later', () => {
		const before = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'], followUps: ['2026-11-17 thank-you: Jane Doe'], decision: '2026-11-20' }) });
		const check = (index: VaultIndex) =>
			[...events(checkIcs(ics(entries(index, '2026-11-21', 30), '2026-11-21'))).values()].find((e) => String(e.getFirstPropertyValue('categories')) === 'status-check')!;
		const a = check(before);
		// First status check: 7 to 10 days after the interview: due Thu 26 Nov.
		expect((a.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-11-26');
		// They named a later decision date: the check waits for it, same UID, higher SEQUENCE.
		const later = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'], followUps: ['2026-11-17 thank-you: Jane Doe'], decision: '2026-12-04' }) });
		const b = check(later);
		expect(b.getFirstPropertyValue('uid')).toBe(a.getFirstPropertyValue('uid'));
		// v2: earliest the business day after the decision date, due the one after that (Tue 8 Dec).
		expect((b.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-12-08');
		expect(Number(b.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(a.getFirstPropertyValue('sequence')));
		// Nothing changed: the same SEQUENCE.
		expect(check(later).getFirstPropertyValue('sequence')).toBe(b.getFirstPropertyValue('sequence'));
		expect(sequenceOf('2026-12-07', '2026-12-08')).toBe(Number(b.getFirstPropertyValue('sequence')));
	});

	it('a snoozed action is on its snooze date, with an alarm', () => {
		const index = vault({
			[ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'], snoozed: ['2026-11-25 thank-you: Jane Doe'] }),
		});
		const list = entries(index, '2026-11-21');
		const snoozed = list.filter((e) => e.status === 'snoozed');
		expect(snoozed.map((e) => [e.action.kind, e.day])).toEqual([['thank-you', '2026-11-25']]);
		const e = events(checkIcs(ics(list, '2026-11-21'))).get(`${snoozed[0].action.id}@interview-followups`)!;
		expect((e.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-11-25');
		expect(String(e.getFirstPropertyValue('description'))).toContain('Snoozed until Wed 25 Nov; due Wed 18 Nov.');
		expect(e.getAllSubcomponents('valarm')).toHaveLength(1);
		// Snoozed later than it was overdue: a higher SEQUENCE than the overdue event had on that day.
		const open = entries(vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe'] }) }), '2026-11-21');
		expect(snoozed[0].sequence).toBeGreaterThan(open.find((x) => x.action.id === snoozed[0].action.id)!.sequence);
	});

	it('round trip: export, mark done, export again: the second calendar cancels the first one\'s event, same UID, higher SEQUENCE', () => {
		const open = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe', 'John Roe'] }) });
		const first = events(checkIcs(ics(entries(open, '2026-11-21'), '2026-11-21')));
		const jane = [...first.values()].find((e) => String(e.getFirstPropertyValue('summary')).includes('thank-you Jane Doe'))!;
		const uid = String(jane.getFirstPropertyValue('uid'));

		const done = vault({ [ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe', 'John Roe'], followUps: ['2026-11-21 thank-you: Jane Doe'] }) });
		const text = ics(entries(done, '2026-11-21'), '2026-11-21');
		const second = events(checkIcs(text));
		const cancelled = second.get(uid)!;
		expect(cancelled, 'the done action is still in the calendar').toBeDefined();
		expect(String(cancelled.getFirstPropertyValue('status'))).toBe('CANCELLED');
		expect(Number(cancelled.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(jane.getFirstPropertyValue('sequence')));
		expect(String(cancelled.getFirstPropertyValue('summary'))).toBe('Done: thank-you Jane Doe (Acme)');
		expect(cancelled.getAllSubcomponents('valarm')).toHaveLength(0);
		// The others are unchanged.
		for (const [id, e] of first) {
			if (id === uid) continue;
			expect(second.get(id)?.toString()).toBe(e.toString());
		}
		const py = readWithPython(text);
		if (py !== null) {
			expect(py.problems).toEqual([]);
			expect(py.events.find((e) => e.uid === uid)?.status).toBe('CANCELLED');
		}

		// Kept for 30 days after the entry, then gone.
		const day = (d: string) => entries(done, d, 7).find((e) => `${e.action.id}@interview-followups` === uid);
		expect(day('2026-12-21')?.status).toBe('done');
		expect(day('2026-12-22')).toBeUndefined();
	});

	it('a log entry done early (while the action was upcoming) and an older done entry: only the recent one is kept, cancelled', () => {
		const index = vault({
			[ACME]: note({ company: 'Acme', date: '2026-10-01T10:00', interviewers: ['Jane Doe'], followUps: ['2026-10-02 thank-you: Jane Doe', '2026-11-19 status-check: Jane Doe'] }),
		});
		const list = entries(index, '2026-11-21', 30);
		const done = list.filter((e) => e.status === 'done');
		// The thank-you was logged 50 days ago: gone. The status check logged on 19 Nov replaced the one counted from the interview.
		expect(done.map((e) => e.action.kind)).toEqual(['status-check']);
		const open = list.filter((e) => e.status === 'open' && e.action.kind === 'status-check');
		expect(open).toHaveLength(1);
		expect(open[0].action.id).not.toBe(done[0].action.id);
		// v2: 19 Nov + 10 days is Sunday 29 Nov, rolled forward to Monday.
		expect(open[0].day).toBe('2026-11-30');
	});

	it('events are the list of the schedule: one per action within the window, no duplicate UID', () => {
		const index = vault({
			[ACME]: note({ company: 'Acme', date: '2026-11-16T10:00', interviewers: ['Jane Doe', 'John Roe'], followUps: ['2026-11-18 thank-you: John Roe'] }),
			'Interviews/Globex.md': note({ company: 'Globex', date: '2026-11-19T10:00', interviewers: ['Bob Smith'], snoozed: ['2026-11-23 ask-timeline'] }),
		});
		const list = entries(index, '2026-11-21');
		const schedule = computeSchedule(index, endOfDay('2026-11-21'), settings);
		expect(list.filter((e) => e.status === 'open').map((e) => e.action.id)).toEqual(schedule.actions.filter((a) => a.earliest <= '2026-11-28').map((a) => a.id));
		const uids = list.map((e) => e.action.id);
		expect(new Set(uids).size).toBe(uids.length);
		checkIcs(ics(list, '2026-11-21'));
	});

	it('an empty calendar is valid', () => {
		const root = checkIcs(ics([], '2026-11-21'));
		expect(root.getAllSubcomponents('vevent')).toHaveLength(0);
		expect(root.getFirstPropertyValue('version')).toBe('2.0');
	});
});
