/**
 * Reminders that reach the user outside the view: the daily desktop
 * notification (on a fake clock, with the system Notification mocked) and
 * the calendar file kept up to date in the vault.
 */
import './setup';
import ICAL from 'ical.js';
import { Notice } from 'obsidian-test-mocks/obsidian';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeSchedule } from '../../src/core/rules';
import { endOfDay } from '../../src/core/dates';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { VaultIndex } from '../../src/core/vaultIndex';
import { CalendarFileKeeper } from '../../src/obsidian/calendar';
import { DailyNotice, showNotification, type DailyNoticeHost } from '../../src/obsidian/dailyNotice';
import { VAULT, ACME } from './fixtures';
import { loadPlugin } from './harness';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function scheduleOn(date: string) {
	const index = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
	index.upsert('Interviews/Acme.md', ACME);
	return computeSchedule(index, endOfDay(date), DEFAULT_SETTINGS);
}

/** A notifier on a clock the test moves, with what it showed and what it opened. */
function rig(over: Partial<Settings> = {}, isDesktop = true) {
	let clock = new Date(2026, 10, 21, 8, 0);
	let last: string | null = null;
	const shown: { title: string; lines: string[]; click: () => void }[] = [];
	const opened: number[] = [];
	const settings = { ...DEFAULT_SETTINGS, ...over };
	const host: DailyNoticeHost = {
		settings: () => settings,
		isDesktop,
		schedule: () => scheduleOn(`${clock.getFullYear()}-${String(clock.getMonth() + 1).padStart(2, '0')}-${String(clock.getDate()).padStart(2, '0')}`),
		now: () => clock,
		lastNotified: () => last,
		markNotified: (day) => {
			last = day;
			return Promise.resolve();
		},
		openView: () => {
			opened.push(1);
			return Promise.resolve();
		},
	};
	const notifier = new DailyNotice(host, (title, lines, click) => shown.push({ title, lines, click }));
	return {
		notifier,
		shown,
		opened,
		settings,
		at: (y: number, m: number, d: number, hh: number, mm: number) => {
			clock = new Date(y, m - 1, d, hh, mm);
		},
	};
}

describe('the daily notification', () => {
	it('one at the set time, listing what is due and overdue; none again that day; one the next day', () => {
		const r = rig();
		r.at(2026, 11, 21, 8, 59);
		expect(r.notifier.check()).toBe(false);
		r.at(2026, 11, 21, 9, 0);
		expect(r.notifier.check()).toBe(true);
		expect(r.shown).toHaveLength(1);
		// Acme (interview Mon 16 Nov, spec example): four overdue; and keep-looking, to do now.
		expect(r.shown[0].title).toBe('Interview follow-ups: 4 overdue, 1 to do now');
		expect(r.shown[0].lines).toEqual([
			'Overdue: Write down the names and titles of everyone you met (Acme Finance · Secretary)',
			'Overdue: Tell Ann Smith a reference call may come (Acme Finance · Secretary)',
			'Overdue: Get an email address or phone number for Jane Doe (Acme Finance · Secretary)',
			'Overdue: Send a thank-you note to John Roe (Acme Finance · Secretary)',
			'Keep looking: find more openings and apply',
		]);
		for (const [h, m] of [
			[9, 1],
			[12, 0],
			[23, 59],
		]) {
			r.at(2026, 11, 21, h, m);
			expect(r.notifier.check()).toBe(false);
		}
		expect(r.shown).toHaveLength(1);
		r.at(2026, 11, 22, 9, 0);
		expect(r.notifier.check()).toBe(true);
		expect(r.shown).toHaveLength(2);
	});

	it('one on a start after the set time, at the chosen time', () => {
		const r = rig({ notificationTime: '07:30' });
		r.at(2026, 11, 21, 7, 29);
		expect(r.notifier.check()).toBe(false);
		r.at(2026, 11, 21, 15, 12);
		expect(r.notifier.check()).toBe(true);
		expect(r.shown).toHaveLength(1);
	});

	it('none when disabled, and none on mobile', () => {
		const off = rig({ dailyNotification: false });
		off.at(2026, 11, 21, 10, 0);
		expect(off.notifier.check()).toBe(false);
		const mobile = rig({}, false);
		mobile.at(2026, 11, 21, 10, 0);
		expect(mobile.notifier.check()).toBe(false);
		expect([...off.shown, ...mobile.shown]).toHaveLength(0);
	});

	it('clicking it opens the view', () => {
		const r = rig();
		r.at(2026, 11, 21, 9, 30);
		r.notifier.check();
		expect(r.opened).toHaveLength(0);
		r.shown[0].click();
		expect(r.opened).toHaveLength(1);
	});

	it('the system Notification when there is one (click focuses and opens), else a notice', () => {
		const made: { title: string; body: string; onclick: (() => void) | null }[] = [];
		class FakeNotification {
			static permission = 'granted';
			onclick: (() => void) | null = null;
			constructor(title: string, options: { body: string }) {
				made.push(this as never);
				Object.assign(this, { title, body: options.body });
			}
		}
		const had = (globalThis as { Notification?: unknown }).Notification;
		(globalThis as { Notification?: unknown }).Notification = FakeNotification;
		const focus = vi.fn();
		const win = window as unknown as { focus: () => void };
		const hadFocus = win.focus;
		win.focus = focus;
		const clicks: number[] = [];
		showNotification('Interview follow-ups: 1 to do now', ['Send a thank-you note to Jane Doe'], () => clicks.push(1));
		expect(made.map((n) => [n.title, n.body])).toEqual([['Interview follow-ups: 1 to do now', 'Send a thank-you note to Jane Doe']]);
		made[0].onclick?.();
		expect(clicks).toEqual([1]);
		expect(focus).toHaveBeenCalled();
		win.focus = hadFocus;

		(globalThis as { Notification?: unknown }).Notification = undefined;
		const notices: string[] = [];
		vi.spyOn(Notice.prototype, 'constructor__').mockImplementation((message: string | DocumentFragment) => {
			notices.push(typeof message === 'string' ? message : (message.textContent ?? ''));
		});
		showNotification('Interview follow-ups: 1 to do now', ['Send a thank-you note to Jane Doe'], () => clicks.push(2));
		expect(notices).toEqual(['Interview follow-ups: 1 to do now\nSend a thank-you note to Jane Doe']);
		(globalThis as { Notification?: unknown }).Notification = had;
	});
});

describe('the calendar file', () => {
	let writes = 0;
	beforeEach(() => {
		writes = 0;
	});

	it('kept up to date at the chosen path: written after a change, only when its content changed', async () => {
		const t = await loadPlugin(VAULT, { data: { calendarFile: 'Calendar/Follow-ups.ics' } });
		const modify = vi.spyOn(t.app.vault, 'modify');
		const create = vi.spyOn(t.app.vault, 'create');
		const keeper = new CalendarFileKeeper(t.plugin);
		expect(await keeper.writeNow()).toBe(true);
		writes = create.mock.calls.filter((c) => c[0] === 'Calendar/Follow-ups.ics').length;
		expect(writes).toBe(1);
		const first = new ICAL.Component(ICAL.parse(t.text('Calendar/Follow-ups.ics')) as unknown[]);
		expect(first.getAllSubcomponents('vevent').length).toBeGreaterThan(3);
		// Nothing changed: not written again (even though DTSTAMP would differ).
		expect(await keeper.writeNow()).toBe(false);
		expect(modify.mock.calls.filter((c) => (c[0] as { path: string }).path === 'Calendar/Follow-ups.ics')).toHaveLength(0);
		// A note changes: the plugin rewrites it a moment later (debounced).
		await t.write('Interviews/Globex.md', t.text('Interviews/Globex.md').replace('role: Analyst', 'role: Senior analyst'));
		await vi.waitFor(() => expect(t.text('Calendar/Follow-ups.ics')).toContain('Globex · Senior analyst'), { timeout: 5000 });
	});

	it('no setting, no file', async () => {
		const t = await loadPlugin(VAULT);
		expect(await new CalendarFileKeeper(t.plugin).writeNow()).toBe(false);
		expect(t.app.vault.getFiles().some((f) => f.extension === 'ics')).toBe(false);
	});
});
