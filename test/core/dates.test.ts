/**
 * Calendar dates and business days (src/core/dates.ts), with property tests
 * of `addBusinessDays` (follow-up-rules.md, "Business day" and "D + n
 * business days"). None of this may depend on the machine's time zone: the
 * suite runs under TZ=America/Los_Angeles and TZ=Pacific/Kiritimati.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addBusinessDays,
	addDays,
	diffDays,
	endOfDay,
	fromDayNumber,
	hasHappened,
	isBusinessDay,
	localToday,
	parseDateTime,
	parseLocalDate,
	toDayNumber,
	weekday,
	type LocalDate,
	type WorkCalendar,
} from '../../src/core/dates';

/** Days 1900-01-01 .. 2199-12-31 as day numbers. */
const DAY_MIN = toDayNumber('1900-01-01');
const DAY_MAX = toDayNumber('2199-12-31');
const dateArb = fc.integer({ min: DAY_MIN, max: DAY_MAX }).map(fromDayNumber);
const weekArb = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });
/** A calendar with holidays near `base` (so that they matter). */
const calendarNear = (base: LocalDate): fc.Arbitrary<WorkCalendar> =>
	fc.record({
		workWeek: weekArb,
		holidays: fc.uniqueArray(fc.integer({ min: -10, max: 80 }), { maxLength: 25 }).map((offsets) => offsets.map((o) => addDays(base, o))),
	});
const scenarioArb = dateArb.chain((d) => fc.record({ d: fc.constant(d), cal: calendarNear(d), n: fc.integer({ min: 0, max: 40 }) }));

/** An independent weekday: JavaScript's own UTC calendar (no local time zone involved). */
function utcWeekday(date: LocalDate): number {
	return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
}

/** Business days in (from, to], counted one day at a time. */
function businessDaysBetween(from: LocalDate, to: LocalDate, cal: WorkCalendar): number {
	let count = 0;
	for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d, cal)) count++;
	return count;
}

describe('day numbers and weekdays', () => {
	it('fromDayNumber inverts toDayNumber, and both agree with the UTC calendar', () => {
		fc.assert(
			fc.property(fc.integer({ min: DAY_MIN, max: DAY_MAX }), (n) => {
				const d = fromDayNumber(n);
				expect(toDayNumber(d)).toBe(n);
				expect(new Date(Date.UTC(1970, 0, 1 + n)).toISOString().slice(0, 10)).toBe(d);
				expect(weekday(d)).toBe(utcWeekday(d));
			}),
		);
	});

	it('addDays and diffDays are inverse, across months, leap days and years', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		fc.assert(
			fc.property(dateArb, fc.integer({ min: -1000, max: 1000 }), (d, n) => {
				expect(diffDays(d, addDays(d, n))).toBe(n);
			}),
		);
	});

	it('2026-11-16 is a Monday and 2026-11-21 a Saturday (the dates the rules tests use)', () => {
		expect(weekday('2026-11-16')).toBe(1);
		expect(weekday('2026-11-21')).toBe(6);
	});
});

describe('isBusinessDay: "a weekday in the user\'s work week (default Monday to Friday) that is not in the user\'s holiday list"', () => {
	const cal: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidays: ['2026-11-26'] };
	it('weekdays are, weekends and holidays are not', () => {
		expect(isBusinessDay('2026-11-16', cal)).toBe(true);
		expect(isBusinessDay('2026-11-21', cal)).toBe(false);
		expect(isBusinessDay('2026-11-22', cal)).toBe(false);
		expect(isBusinessDay('2026-11-26', cal)).toBe(false);
		expect(isBusinessDay('2026-11-26', { ...cal, holidays: new Set<string>() })).toBe(true);
	});
});

describe('addBusinessDays: "`D + n business days` counts n business days after D"', () => {
	const week: WorkCalendar = { workWeek: [1, 2, 3, 4, 5], holidays: [] };

	it('"an interview on Saturday + 2 business days is Tuesday"; Friday + 1 is Monday; + 0 is D', () => {
		expect(addBusinessDays('2026-11-21', 2, week)).toBe('2026-11-24');
		expect(addBusinessDays('2026-11-22', 2, week)).toBe('2026-11-24');
		expect(addBusinessDays('2026-11-20', 1, week)).toBe('2026-11-23');
		expect(addBusinessDays('2026-11-16', 2, week)).toBe('2026-11-18');
		expect(addBusinessDays('2026-11-21', 0, week)).toBe('2026-11-21');
	});

	it('skips holidays (given as a list or a set)', () => {
		const hol = ['2026-11-26', '2026-11-27'];
		expect(addBusinessDays('2026-11-25', 2, { workWeek: [1, 2, 3, 4, 5], holidays: hol })).toBe('2026-12-01');
		expect(addBusinessDays('2026-11-25', 2, { workWeek: [1, 2, 3, 4, 5], holidays: new Set(hol) })).toBe('2026-12-01');
	});

	it('property: for n >= 1 the result is a business day', () => {
		fc.assert(
			fc.property(scenarioArb, ({ d, cal, n }) => {
				fc.pre(n >= 1);
				expect(isBusinessDay(addBusinessDays(d, n, cal), cal)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('property: exactly n business days lie after D up to the result (and the result is D for n = 0)', () => {
		fc.assert(
			fc.property(scenarioArb, ({ d, cal, n }) => {
				const r = addBusinessDays(d, n, cal);
				expect(r >= d).toBe(true);
				expect(businessDaysBetween(d, r, cal)).toBe(n);
				if (n === 0) expect(r).toBe(d);
				// The first such day: one day earlier there are only n - 1.
				if (n >= 1) expect(businessDaysBetween(d, addDays(r, -1), cal)).toBe(n - 1);
			}),
			{ numRuns: 300 },
		);
	});

	it('property: monotone in D (a later D never gives an earlier result)', () => {
		fc.assert(
			fc.property(scenarioArb, fc.integer({ min: 0, max: 30 }), ({ d, cal, n }, step) => {
				const later = addDays(d, step);
				expect(addBusinessDays(d, n, cal) <= addBusinessDays(later, n, cal)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('property: strictly increasing in n', () => {
		fc.assert(
			fc.property(scenarioArb, fc.integer({ min: 1, max: 10 }), ({ d, cal, n }, more) => {
				expect(addBusinessDays(d, n, cal) < addBusinessDays(d, n + more, cal)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('property: a holiday list and the same holidays as a set give the same result', () => {
		fc.assert(
			fc.property(scenarioArb, ({ d, cal, n }) => {
				const set: WorkCalendar = { workWeek: cal.workWeek, holidays: new Set(cal.holidays as LocalDate[]) };
				expect(addBusinessDays(d, n, set)).toBe(addBusinessDays(d, n, cal));
			}),
			{ numRuns: 200 },
		);
	});

	it('property: does not depend on the machine time zone (same as a UTC-only reference)', () => {
		// Reference: walk with JavaScript's UTC calendar, never the local one.
		const reference = (d: LocalDate, n: number, cal: WorkCalendar): LocalDate => {
			const hol = new Set(cal.holidays as LocalDate[]);
			let t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
			let left = n;
			while (left > 0) {
				t += 86400000;
				const day = new Date(t);
				const iso = day.toISOString().slice(0, 10);
				if (cal.workWeek.includes(day.getUTCDay()) && !hol.has(iso)) left--;
			}
			return new Date(t).toISOString().slice(0, 10);
		};
		fc.assert(
			fc.property(scenarioArb, ({ d, cal, n }) => {
				expect(addBusinessDays(d, n, cal)).toBe(reference(d, n, cal));
			}),
			{ numRuns: 300 },
		);
	});

	it('a work week with no valid day never loops: it counts calendar days', () => {
		expect(addBusinessDays('2026-11-16', 3, { workWeek: [], holidays: [] })).toBe('2026-11-19');
		expect(addBusinessDays('2026-11-16', 3, { workWeek: [7, -1], holidays: [] })).toBe('2026-11-19');
	});
});

describe('hasHappened: "An interview has happened when its datetime is at or before now"', () => {
	const at = (text: string) => {
		const r = parseDateTime(text);
		if (!r.ok) throw new Error(r.message);
		return r.value;
	};
	const now = { date: '2026-11-16', time: '10:00:00' };

	it('an earlier date has, a later date has not', () => {
		expect(hasHappened(at('2026-11-15T23:59'), now)).toBe(true);
		expect(hasHappened(at('2026-11-17T00:00'), now)).toBe(false);
		expect(hasHappened(at('2026-11-17'), now)).toBe(false);
	});

	it('"or later today, has not": today at or before now has, later today has not', () => {
		expect(hasHappened(at('2026-11-16T10:00'), now)).toBe(true);
		expect(hasHappened(at('2026-11-16T10:00:00'), now)).toBe(true);
		expect(hasHappened(at('2026-11-16T09:59:59'), now)).toBe(true);
		expect(hasHappened(at('2026-11-16T10:00:01'), now)).toBe(false);
		expect(hasHappened(at('2026-11-16 10:01'), now)).toBe(false);
	});

	it('a date without a time has happened on its day', () => {
		expect(hasHappened(at('2026-11-16'), { date: '2026-11-16', time: '00:00:00' })).toBe(true);
	});

	it('"Where a date is given instead of the clock (the CLI\'s `--today`), now is the end of that day"', () => {
		expect(endOfDay('2026-11-16')).toEqual({ date: '2026-11-16', time: '23:59:59' });
		expect(hasHappened(at('2026-11-16T23:59:59'), endOfDay('2026-11-16'))).toBe(true);
	});

	it('"an offset such as `+01:00` does not move it": the date is as written', () => {
		expect(at('2026-11-16T23:30-08:00').date).toBe('2026-11-16');
		expect(at('2026-11-16T00:30+14:00').date).toBe('2026-11-16');
		expect(hasHappened(at('2026-11-16T10:00+14:00'), now)).toBe(true);
	});
});

describe('local calendar dates never go through UTC midnight', () => {
	it('parseLocalDate keeps the day and rejects impossible dates', () => {
		expect(parseLocalDate('2026-11-16')).toEqual({ ok: true, value: '2026-11-16' });
		expect(parseLocalDate('2026-02-30').ok).toBe(false);
		expect(parseLocalDate('next Tuesday').ok).toBe(false);
	});

	it('localToday reads the local clock (a local 23:30 is still that day in every zone)', () => {
		expect(localToday(new Date(2026, 10, 16, 23, 30))).toBe('2026-11-16');
		expect(localToday(new Date(2026, 10, 16, 0, 5))).toBe('2026-11-16');
	});
});
