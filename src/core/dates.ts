/**
 * Calendar dates and business days, without `Date` parsing.
 *
 * A `LocalDate` is a `YYYY-MM-DD` string naming a day on the user's own
 * calendar. It never passes through `new Date('YYYY-MM-DD')` (which is UTC
 * midnight and moves the day west of Greenwich); arithmetic is done on day
 * numbers (days since 1970-01-01 in the proleptic Gregorian calendar), which
 * have no time zone at all.
 */

/** A calendar date, `YYYY-MM-DD`. Plain strings compare in date order. */
export type LocalDate = string;

/** A date, or a datetime whose calendar date is `date`. */
export interface DateTimeValue {
	/** The calendar date as written (an offset does not move it). */
	date: LocalDate;
	/** `HH:mm` or `HH:mm:ss` as written, or null for a plain date. */
	time: string | null;
	/** `Z`, `+01:00` … as written, or null. Kept only for display. */
	offset: string | null;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isLeapYear(y: number): boolean {
	return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
	return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

export function formatDate(y: number, m: number, d: number): LocalDate {
	return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Parses a `YYYY-MM-DD` calendar date, rejecting impossible ones (2026-02-30). */
export function parseLocalDate(text: string): ParseResult<LocalDate> {
	const s = text.trim();
	const m = DATE_RE.exec(s);
	if (!m) return { ok: false, message: `'${text}' is not a date (write YYYY-MM-DD)` };
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
		return { ok: false, message: `'${text}' is not a real calendar date` };
	}
	return { ok: true, value: s };
}

/**
 * Parses a date or datetime as the note format allows: `YYYY-MM-DD`,
 * `YYYY-MM-DDTHH:mm`, `YYYY-MM-DD HH:mm`, seconds and an offset optional.
 * Anything else is an error with a message, never a guess.
 */
export function parseDateTime(raw: unknown): ParseResult<DateTimeValue> {
	if (raw instanceof Date) {
		// Only reachable if some YAML engine produced a Date; read it back in UTC,
		// which is how YAML 1.1 timestamps without an offset are defined.
		if (Number.isNaN(raw.getTime())) return { ok: false, message: 'is not a valid date' };
		return {
			ok: true,
			value: { date: formatDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate()), time: null, offset: null },
		};
	}
	if (typeof raw !== 'string') {
		const shown = typeof raw === 'number' ? String(raw) : JSON.stringify(raw);
		return { ok: false, message: `${shown ?? String(raw)} is not a date (write YYYY-MM-DD)` };
	}
	const s = raw.trim();
	const m = DATETIME_RE.exec(s);
	if (!m) return { ok: false, message: `'${raw}' is not a date (write YYYY-MM-DD or YYYY-MM-DDTHH:mm)` };
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
		return { ok: false, message: `'${raw}' is not a real calendar date` };
	}
	let time: string | null = null;
	if (m[4] !== undefined) {
		const hh = Number(m[4]);
		const mm = Number(m[5]);
		const ss = m[6] === undefined ? 0 : Number(m[6]);
		if (hh > 23 || mm > 59 || ss > 59) return { ok: false, message: `'${raw}' is not a real time of day` };
		time = m[6] === undefined ? `${m[4]}:${m[5]}` : `${m[4]}:${m[5]}:${m[6]}`;
	}
	return { ok: true, value: { date: formatDate(y, mo, d), time, offset: m[7] ?? null } };
}

/** Days since 1970-01-01 (proleptic Gregorian); Howard Hinnant's days_from_civil. */
export function toDayNumber(date: LocalDate): number {
	// Digits read in place: this runs for every action the rules sort.
	let y = digits(date, 0, 4);
	const m = digits(date, 5, 7);
	const d = digits(date, 8, 10);
	y -= m <= 2 ? 1 : 0;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** The number written by the ASCII digits `text[from..to)`; NaN if one is not a digit. */
export function digits(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i) - 48;
		if (!(c >= 0 && c <= 9)) return NaN;
		n = n * 10 + c;
	}
	return n;
}

/** Inverse of `toDayNumber`. */
export function fromDayNumber(n: number): LocalDate {
	const z = n + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp + (mp < 10 ? 3 : -9);
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return formatDate(y, m, d);
}

export function addDays(date: LocalDate, n: number): LocalDate {
	return fromDayNumber(toDayNumber(date) + n);
}

/** `b - a` in days. */
export function diffDays(a: LocalDate, b: LocalDate): number {
	return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getDay`. */
export function weekday(date: LocalDate): number {
	// 1970-01-01 was a Thursday (4).
	return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `18 Nov` (with the year when it is not today's): the pipeline's dates. */
export function dayMonth(date: LocalDate, today: LocalDate): string {
	const s = `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
	return date.slice(0, 4) === today.slice(0, 4) ? s : `${s} ${date.slice(0, 4)}`;
}

/** `Wed 18 Nov` (with the year when it is not today's): the command line's and the calendar's short date. */
export function shortDate(date: LocalDate, today: LocalDate): string {
	return `${WEEKDAYS[weekday(date)]} ${dayMonth(date, today)}`;
}

/** The calendar date on the local clock (the machine's or Obsidian's time zone). */
export function localToday(now: Date = new Date()): LocalDate {
	return formatDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The local date and `HH:mm:ss` time of an instant. */
export function localNow(now: Date = new Date()): { date: LocalDate; time: string } {
	return {
		date: localToday(now),
		time: `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`,
	};
}

/** A point in time on the user's calendar: a date, and the time of day (`23:59:59` for "end of that day"). */
export interface LocalInstant {
	date: LocalDate;
	time: string;
}

export function endOfDay(date: LocalDate): LocalInstant {
	return { date, time: '23:59:59' };
}

/** `HH:MM` as `HH:MM:00`; `HH:MM:SS` as it is (times compare as text then). */
export function normaliseTime(t: string): string {
	return t.length === 5 ? `${t}:00` : t;
}

/**
 * Whether an interview at `when` has happened as of `now`: its calendar date
 * is before today, or it is today at or before now's time (a date without a
 * time counts as having happened on its day).
 */
export function hasHappened(when: DateTimeValue, now: LocalInstant): boolean {
	if (when.date < now.date) return true;
	if (when.date > now.date) return false;
	if (when.time === null) return true;
	return normaliseTime(when.time) <= normaliseTime(now.time);
}

/** The user's work week and holidays. */
export interface WorkCalendar {
	/** Weekdays that are work days, 0 = Sunday … 6 = Saturday. */
	workWeek: readonly number[];
	/** Holidays, `YYYY-MM-DD`. */
	holidays: ReadonlySet<LocalDate> | readonly LocalDate[];
}

function holidaySet(cal: WorkCalendar): ReadonlySet<LocalDate> {
	return cal.holidays instanceof Set ? cal.holidays : new Set(cal.holidays as readonly LocalDate[]);
}

export function isBusinessDay(date: LocalDate, cal: WorkCalendar): boolean {
	return cal.workWeek.includes(weekday(date)) && !holidaySet(cal).has(date);
}

/**
 * D + n business days: the n-th business day after D (n < 0: before D).
 * Counting always starts next to D, even when D is not a business day
 * (Saturday + 2 = Tuesday, Saturday - 2 = Thursday). n = 0 gives D itself.
 * A work week with no days (or only numbers that are not weekdays 0 … 6) has
 * no business days: the result is then D + n calendar days, so no schedule
 * ever loops forever or lands centuries away.
 */
export function addBusinessDays(date: LocalDate, n: number, cal: WorkCalendar): LocalDate {
	if (n === 0 || !Number.isFinite(n)) return date;
	// Only 0 … 6 name weekdays; a week of none (or only bad numbers, such as 7) has no business days.
	const week = new Set(cal.workWeek.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
	if (week.size === 0) return addDays(date, n);
	const holidays = holidaySet(cal);
	const step = n > 0 ? 1 : -1;
	let day = toDayNumber(date);
	let left = Math.abs(n);
	// Bounded: even a year of holidays cannot stall it, since holidays are finite.
	let guard = 0;
	while (left > 0 && guard < 100000) {
		day += step;
		guard += 1;
		// The date's text is needed only to look it up among the holidays.
		if (week.has((((day + 4) % 7) + 7) % 7) && (holidays.size === 0 || !holidays.has(fromDayNumber(day)))) left -= 1;
	}
	return fromDayNumber(day);
}

/** "Rolled forward": D itself when it is a business day, else the next business day. */
export function rollForward(date: LocalDate, cal: WorkCalendar): LocalDate {
	return isBusinessDay(date, cal) ? date : addBusinessDays(date, 1, cal);
}

/** `Fri 27 Nov`: a date as a sentence names it (the year is left out). */
export function shortDayLabel(date: LocalDate): string {
	return shortDate(date, date);
}

/** Weekday names, 0 = Sunday … 6 = Saturday, as `weekday` numbers them. */
export const WEEKDAY_NAMES: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
