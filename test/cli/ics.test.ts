/**
 * `due --ics`, read back with ical.js (an independent RFC 5545 parser).
 */
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cleanTemps, copyVault, EXAMPLE_VAULT, parseDue, runCli, tempDir, writeSettings } from './helpers';
import { join } from 'node:path';

afterAll(cleanTemps);

const TODAY = '2026-11-21';

function calendar(vault: string = EXAMPLE_VAULT, ...extra: string[]): { text: string; events: ICAL.Component[]; root: ICAL.Component } {
	const r = runCli(['due', vault, '--today', TODAY, '--ics', ...extra]);
	expect(r.code).toBe(0);
	const root = new ICAL.Component(ICAL.parse(r.stdout) as unknown[]);
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

	it('has one all-day event per action, on its due date, with a UID from the action id', () => {
		expect(events).toHaveLength(json.actions.length);
		const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
		for (const a of json.actions) {
			const e = byUid.get(`${a.id}@interview-followups`);
			expect(e, a.id).toBeDefined();
			const start = e!.getFirstPropertyValue('dtstart') as ICAL.Time;
			const end = e!.getFirstPropertyValue('dtend') as ICAL.Time;
			expect(start.isDate).toBe(true);
			expect(end.isDate).toBe(true);
			expect(start.toString()).toBe(a.due);
			// DTEND is exclusive: the next day.
			const next = start.clone();
			next.adjust(1, 0, 0, 0);
			expect(end.toString()).toBe(next.toString());
			expect(e!.getFirstPropertyValue('dtstamp')).toBeTruthy();
			expect(String(e!.getFirstPropertyValue('categories'))).toBe(a.kind);
		}
	});

	it('carries a reminder (VALARM) on each event', () => {
		for (const e of events) {
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
		expect(e.getFirstPropertyValue('summary')).toBe('Thank-you note to John Roe (Office Manager) (Acme Finance, Secretary)');
		const description = String(e.getFirstPropertyValue('description'));
		expect(description).toContain('From 2026-11-16, due 2026-11-18.');
		expect(description).toContain('Gift ideas: moving the office to a paperless workflow');
		expect(description).toContain('Log it in: Interviews/2026-11-16 Acme.md');
		expect(description).toContain('john.roe@acme.example');
		expect(e.getFirstPropertyValue('url')).toBe('obsidian://open?vault=vault&file=Interviews%2F2026-11-16%20Acme');
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

	it('reports notes with errors on stderr, keeping stdout a clean calendar', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--ics']);
		expect(r.stderr).toMatch(/Cyberdyne \(draft\)\.md:5: error:/);
		expect(() => {
			ICAL.parse(r.stdout);
		}).not.toThrow();
	});
});
