/**
 * `due --ics`, read back with ical.js (an independent RFC 5545 parser).
 */
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { checkIcs, readWithPython } from '../fixtures/icsCheck';
import { cleanTemps, copyVault, EXAMPLE_VAULT, parseDue, runCli, tempDir, writeSettings } from './helpers';
import { join } from 'node:path';

afterAll(cleanTemps);

const TODAY = '2026-11-21';

function calendar(vault: string = EXAMPLE_VAULT, ...extra: string[]): { text: string; events: ICAL.Component[]; root: ICAL.Component } {
	const r = runCli(['due', vault, '--today', TODAY, '--ics', ...extra]);
	expect(r.code).toBe(0);
	const root = checkIcs(r.stdout);
	return { text: r.stdout, events: root.getAllSubcomponents('vevent'), root };
}

describe('due --ics', () => {
	const { text, events, root } = calendar();
	const json = parseDue(runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json']).stdout);

	it('is a valid calendar: VERSION 2.0, PRODID, CRLF lines of at most 75 octets', () => {
		expect(root.name).toBe('vcalendar');
		expect(root.getFirstPropertyValue('version')).toBe('2.0');
		expect(String(root.getFirstPropertyValue('prodid'))).toMatch(/Interview Follow-ups/);
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
	});

	it('has one all-day event per action, overdue ones on today, the others on their due date, with a UID from the action id', () => {
		const open = events.filter((e) => e.getFirstPropertyValue('status') === 'CONFIRMED' && !String(e.getFirstPropertyValue('description')).includes('Snoozed until'));
		expect(open).toHaveLength(json.actions.length);
		const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
		for (const a of json.actions) {
			const e = byUid.get(`${a.id}@interview-followups`);
			expect(e, a.id).toBeDefined();
			const start = e!.getFirstPropertyValue('dtstart') as ICAL.Time;
			const end = e!.getFirstPropertyValue('dtend') as ICAL.Time;
			expect(start.isDate).toBe(true);
			expect(end.isDate).toBe(true);
			expect(start.toString()).toBe(a.state === 'overdue' ? TODAY : a.due);
			if (a.state === 'overdue') expect(String(e!.getFirstPropertyValue('summary'))).toMatch(/^Overdue since \w{3} \d{1,2} \w{3}: /);
			// DTEND is exclusive: the next day.
			const next = start.clone();
			next.adjust(1, 0, 0, 0);
			expect(end.toString()).toBe(next.toString());
			expect(e!.getFirstPropertyValue('dtstamp')).toBeTruthy();
			expect(String(e!.getFirstPropertyValue('categories'))).toBe(a.kind);
		}
	});

	it('keeps the actions done in the last 30 days as cancelled events', () => {
		// The example vault logs a thank-you to Jane Doe on 2026-11-17.
		const cancelled = events.filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED');
		expect(cancelled.map((e) => String(e.getFirstPropertyValue('summary')))).toContain('Done: Send a thank-you note to Jane Doe (Head of Operations) (Acme Finance, Secretary)');
		for (const e of cancelled) expect(e.getAllSubcomponents('valarm')).toHaveLength(0);
		expect(new Set(events.map((e) => String(e.getFirstPropertyValue('uid')))).size).toBe(events.length);
	});

	it('carries a reminder (VALARM) on each event not cancelled', () => {
		for (const e of events.filter((x) => x.getFirstPropertyValue('status') !== 'CANCELLED')) {
			const alarms = e.getAllSubcomponents('valarm');
			expect(alarms).toHaveLength(1);
			expect(alarms[0].getFirstPropertyValue('action')).toBe('DISPLAY');
			const trigger = alarms[0].getFirstPropertyValue('trigger') as ICAL.Duration;
			expect(trigger.toSeconds()).toBe(9 * 3600);
			expect(String(alarms[0].getFirstPropertyValue('description'))).toBe(String(e.getFirstPropertyValue('summary')));
		}
	});

	it('says what to do, for whom, where to log it, with commas and semicolons escaped', () => {
		const a = json.actions.find((x) => x.kind === 'thank-you' && x.person?.name === 'John Roe')!;
		const e = events.find((x) => x.getFirstPropertyValue('uid') === `${a.id}@interview-followups`)!;
		expect(e.getFirstPropertyValue('summary')).toBe('Overdue since Wed 18 Nov: Send a thank-you note to John Roe (Office Manager) (Acme Finance, Secretary)');
		const description = String(e.getFirstPropertyValue('description'));
		expect(description).toContain('From 2026-11-16, due 2026-11-18.');
		expect(description).toContain('Gift ideas: moving the office to a paperless workflow');
		expect(description).toContain('Log it in: Interviews/2026-11-16 Acme.md');
		expect(description).toContain('john.roe@acme.example');
		expect(e.getFirstPropertyValue('url')).toBe('obsidian://open?vault=vault&file=Interviews%2F2026-11-16%20Acme');
		expect(description).toContain('Open the note: obsidian://open?vault=vault&file=Interviews%2F2026-11-16%20Acme');
	});

	it('keeps the same UIDs in a later export, so a re-import updates instead of duplicating', () => {
		const vault = copyVault();
		const first = calendar(vault).events.map((e) => String(e.getFirstPropertyValue('uid')));
		// An unrelated edit elsewhere in the vault.
		writeFileSync(join(vault, 'Job search.md'), '# Job search\n\nUpdated.\n');
		const again = calendar(vault).events.map((e) => String(e.getFirstPropertyValue('uid')));
		expect(again).toEqual(first);
		expect(new Set(first).size).toBe(first.length);
	});

	it('writes an empty but valid calendar when there is nothing to do', () => {
		const vault = tempDir();
		writeSettings(vault, { minActive: 0 });
		const r = runCli(['due', vault, '--ics']);
		expect(r.code).toBe(0);
		const cal = new ICAL.Component(ICAL.parse(r.stdout) as unknown[]);
		expect(cal.name).toBe('vcalendar');
		expect(cal.getFirstPropertyValue('version')).toBe('2.0');
		expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
	});

	it('reports notes with errors on stderr, keeping stdout a clean calendar that two parsers read without a complaint', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--ics']);
		expect(r.stderr).toMatch(/Cyberdyne \(draft\)\.md:5: error:/);
		expect(r.stdout).not.toMatch(/error:/);
		checkIcs(r.stdout);
		const py = readWithPython(r.stdout);
		if (py === null) {
			if (process.env.CI) throw new Error("Python's icalendar is missing: apt-get install -y python3-icalendar");
			console.warn("skipped the check with Python's icalendar: apt-get install -y python3-icalendar");
			return;
		}
		expect(py.problems).toEqual([]);
		expect(py.events).toHaveLength(events.length);
	});

	it('never carries a control character from a note, and folds names with accents and CJK at 75 octets', () => {
		const vault = copyVault();
		const path = join(vault, 'Interviews', '2026-11-16 Acme.md');
		const text = readFileSync(path, 'utf8')
			.replace('company: "[[Acme Finance]]"', 'company: "Zoë \\e[31mTomás\\u0007 & 山田 太郎 Holdings, Ltd; Kabushiki-gaisha"')
			.replace('John Roe, Office Manager', 'Tomás Núñez-Ibáñez, Directora de Relaciones Institucionales');
		writeFileSync(path, text);
		const { text: cal, events: evs } = calendar(vault);
		// eslint-disable-next-line no-control-regex -- matching control characters is the point
		expect(cal).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
		expect(evs.some((e) => String(e.getFirstPropertyValue('summary')).includes('Zoë [31mTomás & 山田 太郎 Holdings, Ltd; Kabushiki-gaisha'))).toBe(true);
		expect(cal.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
		const py = readWithPython(cal);
		if (py !== null) expect(py.problems).toEqual([]);
	});
});
