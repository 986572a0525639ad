import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLogEntry, formatSnooze, isWrittenAsLink, parseLogEntry, parseLogItem, parseSnooze, readTaskItem } from '../../src/core/logEntries';
import { LOG_KINDS } from '../../src/core/types';

function ok<T>(r: { ok: true; value: T } | { ok: false; message: string } | null): T {
	if (r === null) throw new Error('expected an entry, got null');
	if (!r.ok) throw new Error(r.message);
	return r.value;
}

function err(r: { ok: true } | { ok: false; message: string } | null): string {
	if (r === null || r.ok) throw new Error('expected an error');
	return r.message;
}

describe('parseLogEntry: text form', () => {
	it('reads date, kind, person and free text', () => {
		expect(ok(parseLogEntry('2026-11-17 thank-you: Jane Doe — sent by email'))).toEqual({
			date: '2026-11-17',
			kind: 'thank-you',
			person: 'Jane Doe',
			text: 'sent by email',
			source: 'frontmatter',
		});
	});

	it('leaves the person out to mean everyone', () => {
		expect(ok(parseLogEntry('2026-11-17 thank-you'))).toMatchObject({ kind: 'thank-you', person: null, text: null });
		expect(ok(parseLogEntry('2026-11-20 rejected - by phone'))).toMatchObject({ kind: 'rejected', person: null, text: 'by phone' });
	});

	it('accepts the three separators, and hyphens inside names and kinds', () => {
		for (const sep of ['—', '–', '-']) {
			expect(ok(parseLogEntry(`2026-11-17 status-check: Mary-Jane Watts ${sep} left a voicemail`))).toMatchObject({
				kind: 'status-check',
				person: 'Mary-Jane Watts',
				text: 'left a voicemail',
			});
		}
	});

	it('normalises kind spelling and reads a link as the person note name', () => {
		expect(ok(parseLogEntry('2026-11-17 Thank You: [[People/Jane Doe|Jane]]'))).toMatchObject({ kind: 'thank-you', person: 'Jane Doe' });
	});

	it('takes the calendar date of a datetime', () => {
		expect(ok(parseLogEntry('2026-11-17T09:30 contact: Jane'))).toMatchObject({ date: '2026-11-17', kind: 'contact' });
	});

	it('knows every log kind', () => {
		for (const kind of LOG_KINDS) expect(ok(parseLogEntry(`2026-01-02 ${kind}`)).kind).toBe(kind);
	});

	it('explains bad entries', () => {
		expect(err(parseLogEntry('2026-11-17 keep-looking'))).toMatch(/'keep-looking' is not a log kind \(use one of thank-you/);
		expect(err(parseLogEntry('2026-11-17 lunch: Jane'))).toMatch(/'lunch' is not a log kind/);
		expect(err(parseLogEntry('2026-13-45 thank-you: Jane'))).toMatch(/not a real calendar date/);
		expect(err(parseLogEntry('yesterday thank-you: Jane'))).toMatch(/does not start with a date \(write "YYYY-MM-DD kind: Person Name"\)/);
		expect(err(parseLogEntry('2026-11-17 thank-you Jane Doe'))).toMatch(/put a colon before the person \("thank-you: Jane Doe"\)/);
		expect(err(parseLogEntry('2026-11-17'))).toMatch(/has no kind/);
		expect(err(parseLogEntry(42))).toMatch(/42 is not a log entry/);
		expect(err(parseLogEntry(''))).toMatch(/empty/);
	});

	it('keeps the line and source it is given', () => {
		expect(ok(parseLogEntry('2026-11-17 offer', { source: 'body', line: 12 }))).toMatchObject({ source: 'body', line: 12 });
	});
});

describe('parseLogEntry: object forms', () => {
	it('reads {date, kind, person, note}', () => {
		expect(ok(parseLogEntry({ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', note: 'card' }))).toMatchObject({
			date: '2026-11-17',
			kind: 'thank-you',
			person: 'Jane Doe',
			text: 'card',
		});
		expect(ok(parseLogEntry({ Date: '2026-11-17', Kind: 'contact' }))).toMatchObject({ person: null, text: null });
		expect(ok(parseLogEntry({ date: '2026-11-17', kind: 'contact', person: [['Jane Doe']] })).person).toBe('Jane Doe');
	});

	it('reads an unquoted "- 2026-11-17 thank-you: Jane Doe" (a one-key map in YAML)', () => {
		expect(ok(parseLogEntry({ '2026-11-17 thank-you': 'Jane Doe — card' }))).toMatchObject({
			date: '2026-11-17',
			kind: 'thank-you',
			person: 'Jane Doe',
			text: 'card',
		});
		expect(ok(parseLogEntry({ '2026-11-17 thank-you': [['Jane Doe']] })).person).toBe('Jane Doe');
	});

	it('explains a bad object', () => {
		expect(err(parseLogEntry({ date: 'soon', kind: 'contact' }))).toMatch(/^date: 'soon' is not a date/);
		expect(err(parseLogEntry({ date: '2026-11-17' }))).toMatch(/has no kind/);
	});
});

describe('body task items', () => {
	it('splits the checkbox and the ✅ date', () => {
		expect(readTaskItem('[x] thank-you: Jane ✅ 2026-11-17')).toEqual({ task: true, done: true, text: 'thank-you: Jane', doneDate: '2026-11-17' });
		expect(readTaskItem('[ ] thank-you: Jane')).toEqual({ task: true, done: false });
		expect(readTaskItem('2026-11-17 offer')).toEqual({ task: false, text: '2026-11-17 offer' });
	});

	it('reads a done task with the date after ✅', () => {
		expect(ok(parseLogItem('[x] thank-you: Jane Doe ✅ 2026-11-17', 9))).toEqual({
			date: '2026-11-17',
			kind: 'thank-you',
			person: 'Jane Doe',
			text: null,
			source: 'body',
			line: 9,
		});
	});

	it('ignores other Tasks fields and reads a leading date without ✅', () => {
		expect(ok(parseLogItem('[X] status-check: Jane — voicemail 📅 2026-11-20 ✅ 2026-11-21'))).toMatchObject({
			date: '2026-11-21',
			text: 'voicemail',
		});
		expect(ok(parseLogItem('[x] 2026-11-18 contact: Jane'))).toMatchObject({ date: '2026-11-18', kind: 'contact' });
	});

	it('an open task is not done: no entry', () => {
		expect(parseLogItem('[ ] thank-you: Jane Doe')).toBeNull();
		expect(parseLogItem('[-] thank-you: Jane Doe')).toBeNull();
	});

	it('a done task without a date is an error saying how to fix it', () => {
		expect(err(parseLogItem('[x] thank-you: Jane Doe'))).toMatch(/has no date \(add "✅ YYYY-MM-DD"/);
	});

	it('a plain item is a text entry', () => {
		expect(ok(parseLogItem('2026-11-17 thank-you: Jane', 3))).toMatchObject({ source: 'body', line: 3 });
	});
});

describe('snoozes', () => {
	it('reads the snooze form with an action kind', () => {
		expect(ok(parseSnooze('2026-11-25 status-check: Jane Doe', 7))).toEqual({
			until: '2026-11-25',
			kind: 'status-check',
			person: 'Jane Doe',
			line: 7,
		});
		expect(ok(parseSnooze('2026-11-25 keep-looking'))).toEqual({ until: '2026-11-25', kind: 'keep-looking', person: null });
	});

	it('refuses kinds that are no action', () => {
		expect(err(parseSnooze('2026-11-25 offer'))).toMatch(/'offer' is not an action kind/);
		expect(err(parseSnooze('soon status-check'))).toMatch(/does not start with a date/);
	});
});

describe('formatLogEntry', () => {
	it('writes the agreed form', () => {
		expect(formatLogEntry({ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', text: 'card' })).toBe(
			'2026-11-17 thank-you: Jane Doe — card',
		);
		expect(formatLogEntry({ date: '2026-11-17', kind: 'thank-you', person: null, text: null })).toBe('2026-11-17 thank-you');
		expect(formatSnooze({ until: '2026-11-25', kind: 'status-check', person: 'Jane Doe' })).toBe('2026-11-25 status-check: Jane Doe');
	});

	it('keeps a dash inside a linked person (CI counterexample "! - x")', () => {
		const line = formatLogEntry({ date: '1990-01-01', kind: 'thank-you', person: '! - x', text: null });
		expect(line).toBe('1990-01-01 thank-you: [[! - x]]');
		const back = ok(parseLogEntry(line));
		expect(back.person).toBe('! - x');
		expect(back.text).toBeNull();
		expect(ok(parseLogEntry('2026-11-17 thank-you: [[Jane Doe - Acme]] - sent a card')).text).toBe('sent a card');
	});

	it('a linked name with a slash reads back as the note it names (CI counterexample "- /A")', () => {
		const line = formatLogEntry({ date: '1990-01-01', kind: 'thank-you', person: '- /A', text: null });
		expect(line).toBe('1990-01-01 thank-you: [[- /A]]');
		expect(ok(parseLogEntry(line)).person).toBe('A');
		expect(isWrittenAsLink('- /A')).toBe(true);
		expect(isWrittenAsLink('A/B')).toBe(false);
	});

	it('round-trips through parseLogEntry', () => {
		const name = fc
			.string({ minLength: 1, maxLength: 20 })
			.map((s) => s.replace(/[\r\n[\]|#^]/g, 'x').replace(/\s+/g, ' ').trim())
			.filter((s) => /\p{L}/u.test(s) && !/\s[—–-]$/.test(s) && !(s.includes('/') && isWrittenAsLink(s)));
		const text = fc
			.string({ maxLength: 30 })
			.map((s) => s.replace(/\s+/g, ' ').trim())
			.map((s) => (s === '' ? null : s));
		const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
		fc.assert(
			fc.property(date, fc.constantFrom(...LOG_KINDS), fc.option(name), text, (d, kind, person, t) => {
				const back = ok(parseLogEntry(formatLogEntry({ date: d, kind, person, text: t })));
				expect(back.date).toBe(d);
				expect(back.kind).toBe(kind);
				expect(back.person).toBe(person);
				if (t !== null && !/^[—–-]\s/.test(t)) expect(back.text).toBe(t);
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 500) },
		);
	});

	it('never throws on arbitrary values', () => {
		fc.assert(
			fc.property(fc.anything(), (v) => {
				parseLogEntry(v);
				parseSnooze(v);
				if (typeof v === 'string') parseLogItem(v);
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 500) },
		);
	});
});
