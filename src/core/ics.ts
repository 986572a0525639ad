/**
 * The follow-ups as an iCalendar (RFC 5545), for the command line's `--ics`,
 * its live `feed`, and the plugin's calendar file.
 *
 * Which events: every action of the list (an overdue one on today, so its
 * alarm still fires), every snoozed action on the day it comes back, and
 * every action done in the last 30 days as a cancelled event with the same
 * UID, so that a calendar that imported an earlier file drops it.
 *
 * Written by hand rather than with a library: the `ics` package folds lines
 * at 75 characters instead of 75 octets and lets control characters through;
 * ical-generator needs Node 22; neither drops control characters. What is
 * written here is three components of DATE values and TEXT, tested against
 * two independent parsers (ical.js and Python's icalendar).
 *
 * Pure: no Node built-ins, no DOM, no `obsidian`.
 */
import { addDays, diffDays, shortDate, type LocalDate, type LocalInstant } from './dates';
import { computeSchedule, selectWithin } from './rules';
import type { Schedule, ScheduleInput } from './rules/model';
import type { Action, Application, Settings } from './types';

/** How long a done action stays in the calendar, cancelled. */
export const DONE_KEPT_DAYS = 30;
/** SEQUENCE counts days from this date (see `sequenceOf`). */
const SEQUENCE_EPOCH: LocalDate = '2000-01-01';

export type EntryStatus = 'open' | 'snoozed' | 'done';

/** One event of the calendar. */
export interface CalendarEntry {
	action: Action;
	status: EntryStatus;
	/** The day the event is on. */
	day: LocalDate;
	sequence: number;
	/** For a snoozed action: the day it comes back (= `day`). */
	snoozedUntil: LocalDate | null;
}

/**
 * SEQUENCE without keeping state between exports: the number of days from
 * 2000-01-01 to the later of the action's due date and the day its event is
 * on. It grows when the due date moves later, every day an overdue action
 * moves along with today, when a snooze moves it later; a cancelled event
 * takes one more than the open event would have today, so it outranks every
 * earlier export of it. (A date moved earlier by hand cannot be seen this way.)
 */
export function sequenceOf(due: LocalDate, day: LocalDate): number {
	return Math.max(0, diffDays(SEQUENCE_EPOCH, due >= day ? due : day));
}

/** The day an open action's event is on: today when it is overdue, else its due date. */
export function eventDay(action: Action, today: LocalDate): LocalDate {
	return action.state === 'overdue' ? today : action.due;
}

function openEntry(action: Action, today: LocalDate): CalendarEntry {
	const day = eventDay(action, today);
	return { action, status: 'open', day, sequence: sequenceOf(action.due, day), snoozedUntil: null };
}

function snoozedEntry(action: Action, until: LocalDate): CalendarEntry {
	return { action, status: 'snoozed', day: until, sequence: sequenceOf(action.due, until), snoozedUntil: until };
}

/** The application with its log entries dated `from` or later left out, or null when it has no such entry. */
function withoutEntriesFrom(app: Application, from: LocalDate): Application | null {
	if (!app.interviews.some((iv) => iv.followUps.some((e) => e.date >= from))) return null;
	return { ...app, interviews: app.interviews.map((iv) => ({ ...iv, followUps: iv.followUps.filter((e) => e.date < from) })) };
}

/**
 * The events of the calendar as of `now`: the list (`selectWithin` the
 * window), the snoozed actions, and the actions done in the last 30 days.
 *
 * "Done in the last 30 days" is found without state: for each day D in that
 * span on which something was logged, the schedule is computed again without
 * the entries of D and later (only for the applications that have such
 * entries); an action it has that today's schedule lacks was closed by one of
 * those entries. Each is kept once, cancelled.
 *
 * `schedule`, when given, must be `computeSchedule(input, now, settings)`.
 */
export function calendarEntries(
	input: ScheduleInput,
	now: LocalInstant,
	settings: Settings,
	within: number,
	schedule: Schedule = computeSchedule(input, now, settings),
): CalendarEntry[] {
	const today = schedule.today;
	const entries: CalendarEntry[] = [];
	const present = new Set<string>();
	for (const a of selectWithin(schedule.actions, today, within)) entries.push(openEntry(a, today));
	for (const a of schedule.actions) present.add(a.id);
	for (const s of schedule.snoozed) {
		entries.push(snoozedEntry(s.action, s.until));
		present.add(s.action.id);
	}

	const since = addDays(today, -DONE_KEPT_DAYS);
	const apps = input.applications();
	const days = new Set<LocalDate>();
	for (const app of apps) for (const iv of app.interviews) for (const e of iv.followUps) if (e.date >= since) days.add(e.date);
	const horizon = addDays(today, within);
	const done = new Map<string, CalendarEntry>();
	for (const day of days) {
		const before: Application[] = [];
		for (const app of apps) {
			const a = withoutEntriesFrom(app, day);
			if (a !== null) before.push(a);
		}
		const earlier = computeSchedule({ applications: () => before, person: (id) => input.person(id) }, now, settings);
		const candidates = [
			...earlier.actions.map((a) => openEntry(a, today)),
			...earlier.snoozed.map((s) => snoozedEntry(s.action, s.until)),
		];
		for (const c of candidates) {
			// keep-looking depends on every application, not on the log: a partial schedule says nothing of it.
			if (present.has(c.action.id) || c.action.kind === 'keep-looking' || c.action.earliest > horizon) continue;
			const sequence = c.sequence + 1;
			const held = done.get(c.action.id);
			if (held === undefined || held.sequence < sequence) {
				done.set(c.action.id, { action: c.action, status: 'done', day: c.action.due, sequence, snoozedUntil: null });
			}
		}
	}
	for (const e of done.values()) entries.push(e);
	return entries;
}

// ---------------------------------------------------------------- the text

export interface IcsOptions {
	/** The day of the schedule. */
	today: LocalDate;
	/** DTSTAMP, the moment the calendar is written, in UTC (`stampOf(new Date())`). */
	stamp: string;
	/** The event's title: what to do, for whom, where ("Thank-you note to Jane Doe (Acme Finance)"). */
	title: (action: Action) => string;
	/** The event's description; default: the reason and the window. */
	description?: (action: Action) => string;
	/** The vault's name: each event then links to its note (`obsidian://open?...`). */
	vaultName?: string;
	/** The calendar's name (`X-WR-CALNAME`). */
	calendarName?: string;
	/** `PRODID` of the calendar. */
	productId?: string;
	/** The alarm's time of day on the event's day, `HH:MM` (default 09:00). */
	alarmAt?: string;
}

/** A UTC date-time as iCalendar writes it: `20261121T083000Z`. */
export function stampOf(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `obsidian://open?vault=…&file=…`, to open the note from the calendar entry. */
export function obsidianUrl(vaultName: string, note: string): string {
	return `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(note.replace(/\.md$/i, ''))}`;
}

/** Control characters (C0 but line feed, DEL, C1): never written; a tab becomes a space. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** RFC 5545 TEXT (3.3.11): `\`, `;`, `,` escaped, line breaks as `\n`, no control character. */
export function escapeText(s: string): string {
	return s
		.replace(/\r\n?/g, '\n')
		.replace(CONTROL, (c) => (c === '\t' ? ' ' : ''))
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\n/g, '\\n');
}

/**
 * Folds a content line (RFC 5545 3.1): at most 75 octets of UTF-8 per line,
 * never inside a character; a continuation line starts with a space. A lone
 * surrogate, which UTF-8 cannot hold, becomes U+FFFD.
 */
export function foldLine(line: string): string {
	const parts: string[] = [];
	let current = '';
	let octets = 0;
	let room = 75;
	for (const ch of line) {
		const cp = ch.codePointAt(0) ?? 0;
		const c = cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : ch;
		const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		if (octets + n > room) {
			parts.push(current);
			current = '';
			octets = 0;
			// A continuation line's leading space is one of its 75 octets.
			room = 74;
		}
		current += c;
		octets += n;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

function icsDate(date: LocalDate): string {
	return date.replace(/-/g, '');
}

function defaultDescription(action: Action): string {
	const window = action.earliest === action.due ? `On ${action.due}.` : `From ${action.earliest}, due ${action.due}.`;
	return action.reason ? `${action.reason}\n${window}` : window;
}

/** `PT9H`, `PT8H30M` from `HH:MM`. */
function alarmTrigger(at: string): string {
	const m = /^(\d{1,2}):(\d{2})$/.exec(at);
	const h = m ? Math.min(23, Number(m[1])) : 9;
	const min = m ? Math.min(59, Number(m[2])) : 0;
	return `PT${h}H${min > 0 ? `${min}M` : ''}`;
}

function summaryOf(e: CalendarEntry, title: string, today: LocalDate): string {
	if (e.status === 'done') return `Done: ${title}`;
	if (e.status === 'open' && e.action.state === 'overdue') return `Overdue since ${shortDate(e.action.due, today)}: ${title}`;
	return title;
}

function stateLine(e: CalendarEntry, today: LocalDate): string {
	if (e.status === 'done') return 'Done: it is in the follow-up log.';
	if (e.status === 'snoozed') return `Snoozed until ${shortDate(e.day, today)}; due ${shortDate(e.action.due, today)}.`;
	if (e.action.state === 'overdue') return `Overdue: it was due ${shortDate(e.action.due, today)}.`;
	return '';
}

/** Serialises the entries as one iCalendar; no entries give a valid, empty calendar. */
export function entriesToIcs(entries: readonly CalendarEntry[], options: IcsOptions): string {
	const describe = options.description ?? defaultDescription;
	const trigger = alarmTrigger(options.alarmAt ?? '09:00');
	const lines: string[] = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${escapeText(options.productId ?? '-//Interview Follow-ups//EN')}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(options.calendarName ?? 'Interview follow-ups')}`,
		// A subscribed calendar looks again every hour.
		'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
		'X-PUBLISHED-TTL:PT1H',
	];
	for (const e of entries) {
		const a = e.action;
		const summary = escapeText(summaryOf(e, options.title(a), options.today));
		const url = options.vaultName !== undefined && a.note ? obsidianUrl(options.vaultName, a.note) : null;
		const description = [describe(a), stateLine(e, options.today), url ? `Open the note: ${url}` : ''].filter((s) => s !== '').join('\n');
		lines.push(
			'BEGIN:VEVENT',
			`UID:${escapeText(`${a.id}@interview-followups`)}`,
			`DTSTAMP:${options.stamp}`,
			`SEQUENCE:${e.sequence}`,
			`DTSTART;VALUE=DATE:${icsDate(e.day)}`,
			`DTEND;VALUE=DATE:${icsDate(addDays(e.day, 1))}`,
			`SUMMARY:${summary}`,
			`DESCRIPTION:${escapeText(description)}`,
		);
		if (url) lines.push(`URL:${url}`);
		lines.push(`CATEGORIES:${escapeText(a.kind)}`, `STATUS:${e.status === 'done' ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:TRANSPARENT');
		if (e.status !== 'done') {
			// An alarm on the event's day (an all-day event starts at local midnight), so it reaches a phone.
			lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${summary}`, `TRIGGER;RELATED=START:${trigger}`, 'END:VALARM');
		}
		lines.push('END:VEVENT');
	}
	lines.push('END:VCALENDAR');
	return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Whether two calendars say the same, their DTSTAMPs aside (to skip rewriting a file that would not change). */
export function sameCalendar(a: string, b: string): boolean {
	const strip = (s: string) => s.replace(/^DTSTAMP:.*$/gm, '');
	return strip(a) === strip(b);
}
