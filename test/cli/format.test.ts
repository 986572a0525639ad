/**
 * Output helpers: relative dates, colour rules, the progress line, diagnostics order.
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/types';
import { formatText, headline, relative, shortDate, sortDiagnostics, styleFor, useColour } from '../../src/cli/format';
import { Progress } from '../../src/cli/progress';
import { normaliseFolder } from '../../src/cli/settings';

function action(over: Partial<Action>): Action {
	return {
		id: 'x',
		kind: 'thank-you',
		state: 'due',
		earliest: '2026-11-20',
		due: '2026-11-24',
		company: 'Acme',
		role: 'Clerk',
		note: 'a.md',
		person: { name: 'Ann Lee', title: null, email: null, phone: null },
		gifts: [],
		reason: 'Because.',
		application: 'acme|clerk',
		...over,
	};
}

describe('relative dates', () => {
	const today = '2026-11-21';
	it('says how late, how soon', () => {
		expect(relative(action({ state: 'overdue', due: '2026-11-20' }), today)).toBe('1 day overdue');
		expect(relative(action({ state: 'overdue', due: '2026-11-18' }), today)).toBe('3 days overdue');
		expect(relative(action({ state: 'due', due: today }), today)).toBe('due today');
		expect(relative(action({ state: 'due', due: '2026-11-22' }), today)).toBe('due tomorrow');
		expect(relative(action({ state: 'due', due: '2026-11-24' }), today)).toBe('due in 3 days');
		expect(relative(action({ state: 'upcoming', earliest: '2026-11-22' }), today)).toBe('tomorrow');
		expect(relative(action({ state: 'upcoming', earliest: '2026-11-26' }), today)).toBe('in 5 days');
	});

	it('names the weekday, and the year when it is not this one', () => {
		expect(shortDate('2026-11-18', '2026-11-21')).toBe('Wed 18 Nov');
		expect(shortDate('2027-01-04', '2026-12-30')).toBe('Mon 4 Jan 2027');
		expect(shortDate('2024-02-29', '2024-03-01')).toBe('Thu 29 Feb');
	});
});

describe('headlines', () => {
	it('reads well with and without a person', () => {
		expect(headline(action({ person: { name: 'Ann Lee', title: 'Manager', email: null, phone: null } }))).toBe('Send a thank-you note to Ann Lee (Manager)');
		expect(headline(action({ kind: 'status-check', person: null }))).toBe('Check in about the status');
		expect(headline(action({ kind: 'withdraw', person: { name: 'Ann Lee', title: null, email: null, phone: null } }))).toBe('Tell Ann Lee you are withdrawing your application');
		expect(headline(action({ kind: 'ask-timeline', person: null }))).toBe('Ask when they expect to decide');
		expect(headline(action({ kind: 'keep-looking', person: null, company: null, role: null, note: null }))).toMatch(/^Keep looking/);
	});
});

describe('colour', () => {
	it('only on a terminal, never with NO_COLOR (any non-empty value)', () => {
		expect(useColour({ isTTY: true }, {})).toBe(true);
		expect(useColour({ isTTY: false }, {})).toBe(false);
		expect(useColour({}, {})).toBe(false);
		expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
		expect(useColour({ isTTY: true }, { NO_COLOR: '0' })).toBe(false);
		expect(useColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
	});

	it('the plain style adds nothing; the coloured one wraps in ANSI codes', () => {
		const report = { today: '2026-11-21', actions: [action({ state: 'overdue', due: '2026-11-19' })], diagnostics: [], within: 7 };
		const plain = formatText(report, { style: styleFor(false), why: false });
		const coloured = formatText(report, { style: styleFor(true), why: false });
		expect(plain).not.toContain('\u001b[');
		expect(coloured).toContain('\u001b[31m');
		expect(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toBe(plain);
	});
});

describe('the progress line', () => {
	function fakeStream(isTTY: boolean): { isTTY: boolean; out: string[]; write(s: string): void } {
		const out: string[] = [];
		return { isTTY, out, write: (s: string) => void out.push(s) };
	}

	it('appears only after a second, on a terminal, at most ten times a second, and is erased', () => {
		let now = 0;
		const s = fakeStream(true);
		const p = new Progress(s, 1000, () => now);
		p.tick(10, 100);
		now = 999;
		p.tick(20, 100);
		expect(s.out).toEqual([]);
		now = 1000;
		p.tick(30, 100);
		now = 1050;
		p.tick(40, 100);
		now = 1100;
		p.tick(10000, 20000);
		expect(s.out).toEqual(['\r\u001b[2KReading notes… 30 of 100', '\r\u001b[2KReading notes… 10,000 of 20,000']);
		p.done();
		expect(s.out[s.out.length - 1]).toBe('\r\u001b[2K');
	});

	it('never appears when stderr is not a terminal, and erases nothing it did not draw', () => {
		let now = 0;
		const s = fakeStream(false);
		const p = new Progress(s, 1000, () => now);
		now = 5000;
		p.tick(1, 2);
		p.done();
		expect(s.out).toEqual([]);
		const t = fakeStream(true);
		new Progress(t, 1000, () => 0).done();
		expect(t.out).toEqual([]);
	});
});

describe('small helpers', () => {
	it('sorts diagnostics by note, line, severity', () => {
		const ds = sortDiagnostics([
			{ note: 'b.md', severity: 'warning', message: 'w' },
			{ note: 'a.md', severity: 'warning', message: 'w', line: 9 },
			{ note: 'a.md', severity: 'error', message: 'e', line: 2 },
		]);
		expect(ds.map((d) => `${d.note}:${d.line ?? ''}`)).toEqual(['a.md:2', 'a.md:9', 'b.md:']);
	});

	it('normalises --folder values', () => {
		expect(normaliseFolder('./Jobs/')).toBe('Jobs');
		expect(normaliseFolder('Jobs\\2026')).toBe('Jobs/2026');
		expect(normaliseFolder('.')).toBe('');
		expect(normaliseFolder('/Jobs')).toBe('Jobs');
	});
});
