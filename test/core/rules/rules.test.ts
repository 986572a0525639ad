/**
 * The follow-up rules, sentence by sentence (shared/spec/follow-up-rules.md).
 * Every test names, or quotes in its title, the sentence it checks.
 *
 * Calendar used throughout: 2026-11-16 is a Monday; 2026-11-21 a Saturday;
 * 2026-11-26/27 are Thursday/Friday; 2026-12-04 a Friday; 2026-12-07 a Monday.
 */
import { describe, expect, it } from 'vitest';
import { interview, lines, only, World } from './builders';
import type { Status } from '../../../src/core/types';
import { addDays, diffDays } from '../../../src/core/dates';

const ACME = 'Acme Finance';

/** A world with Jane Doe (VP Engineering) and John Roe (Office Manager), both titled. */
function world(): World {
	const w = new World();
	w.person('Jane Doe', { title: 'VP Engineering', email: 'jane@acme.example', topics: ['training for the Boston marathon'] });
	w.person('John Roe', { title: 'Office Manager', phone: '+1 555 0100', topics: ['a paperless office'] });
	w.person('Ann Smith', { title: 'Former manager', email: 'ann@example.org' });
	w.person('Bob Reed', { title: 'Recruiter' });
	return w;
}

describe('Words: business days', () => {
	it('"Business day: a weekday in the user\'s work week (default Monday to Friday) that is not in the user\'s holiday list"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-25', { interviewers: ['Jane Doe'] }));
		// Wednesday + 2 business days, Monday to Friday: Friday.
		expect(lines(w.schedule('2026-11-25'), 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-25..2026-11-27 due']);
		// Thursday and Friday are holidays: Monday 30, Tuesday 1 December.
		expect(lines(w.schedule('2026-11-25', { holidays: ['2026-11-26', '2026-11-27'] }), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-25..2026-12-01 due',
		]);
	});

	it('"a weekday in the user\'s work week": a Sunday-to-Thursday week counts Sunday and Monday after a Thursday', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-19', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-19', { workWeek: [0, 1, 2, 3, 4] }), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-19..2026-11-23 due',
		]);
	});

	it('"if D itself is not a business day, counting still starts after D (an interview on Saturday + 2 business days is Tuesday)"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-21', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-21'), 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-21..2026-11-24 due']);
	});

	it('"`D + n business days` counts n business days after D": Friday + 2 is Tuesday', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-20', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-20'), 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-20..2026-11-24 due']);
	});
});

describe('Words: D and "has happened"', () => {
	it('"D: the calendar date of an interview, as written (an offset such as `+01:00` does not move it)"', () => {
		for (const when of ['2026-11-16T23:30-08:00', '2026-11-16T00:30+14:00', '2026-11-16T12:00+01:00', '2026-11-16T08:00Z']) {
			const w = world();
			w.application(ACME, 'Secretary', interview(when, { interviewers: ['Jane Doe'] }));
			expect(lines(w.schedule('2026-11-16'), 'thank-you'), when).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
		}
	});

	it('"An interview has happened when its datetime is at or before now"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16T10:00', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule({ date: '2026-11-16', time: '10:00:00' }), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 due',
		]);
	});

	it('"an interview on a later date, or later today, has not, and produces no actions yet"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16T10:00', { interviewers: ['Jane Doe', 'Sam New'], references: ['Ann Smith'] }));
		w.application('Beta Bank', 'Teller', interview('2026-11-17', { interviewers: ['John Roe'] }));
		const s = w.schedule({ date: '2026-11-16', time: '09:59:59' });
		// v2: a round that has not happened is a scheduled round, and only `prepare` is asked for it.
		expect(s.actions.filter((a) => a.company !== null).map((a) => a.kind)).toEqual(['prepare', 'prepare']);
	});

	it('"has happened": a date without a time has happened on its day', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule({ date: '2026-11-16', time: '00:00:00' }), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 due',
		]);
	});

	it('"Where a date is given instead of the clock (the CLI\'s `--today`), now is the end of that day"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16T23:59', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-16'), 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
	});
});

describe('Words: action states', () => {
	it('"an action is `upcoming` if today < earliest, `due` if earliest <= today <= due, `overdue` if today > due"', () => {
		const w = world();
		// decision_date before the check's due: the plain 7-10 day check (and no ask-timeline).
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], decision: '2026-11-20' }));
		const state = (today: string): string => lines(w.schedule(today), 'status-check').join();
		expect(state('2026-11-22')).toBe('status-check Jane Doe 2026-11-23..2026-11-26 upcoming');
		expect(state('2026-11-23')).toBe('status-check Jane Doe 2026-11-23..2026-11-26 due');
		expect(state('2026-11-26')).toBe('status-check Jane Doe 2026-11-23..2026-11-26 due');
		expect(state('2026-11-27')).toBe('status-check Jane Doe 2026-11-23..2026-11-26 overdue');
	});
});

describe('Words: contact of an application', () => {
	it('"the `contact` of its most recent note (by interview date) that names one"', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'], contact: 'Ann Smith' }),
			interview('2026-11-16', { interviewers: ['Jane Doe'], contact: 'Bob Reed' }),
			interview('2026-11-17', { interviewers: ['John Roe'] }),
		);
		expect(only(w.schedule('2026-11-17'), 'ask-timeline').person?.name).toBe('Bob Reed');
	});

	it('v2 "else the first interviewer of the latest interview that has happened and names any interviewer" (a scheduled round does not count)', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Ann Smith'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'] }),
			interview('2026-11-30', { interviewers: ['Bob Reed'] }),
		);
		// The round of the 30th is scheduled, so no ask-timeline: the contact shows on the status check's stand-in, find-contact is not owed (Jane has an email).
		const a = only(w.schedule('2026-11-17', { kinds: {} }), 'prepare');
		expect(a.person).toBeNull();
		const s = w.schedule('2026-11-17');
		expect(s.actions.filter((x) => x.kind === 'find-contact')).toEqual([]);
		w.apps[0].interviews.pop();
		expect(only(w.schedule('2026-11-17'), 'ask-timeline').person).toEqual({ name: 'Jane Doe', title: 'VP Engineering', email: 'jane@acme.example', phone: null });
	});

	it('"none if there is neither (the action then names nobody)"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16'));
		const a = only(w.schedule('2026-11-16'), 'ask-timeline');
		expect(a.person).toBeNull();
		expect(a.gifts).toEqual([]);
		expect(a.reason).toContain('Ask when the employer expects to make a final decision');
	});

	it('v2 "the contact falls back to an earlier round\'s interviewer": a latest round that names nobody uses the one before', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['Ann Smith'] }), interview('2026-11-16'));
		expect(only(w.schedule('2026-11-16'), 'ask-timeline').person?.name).toBe('Ann Smith');
	});
});

describe('Words: done', () => {
	const base = (log: string[], where: 'same' | 'other' = 'same'): World => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'], log: where === 'same' ? log : [] }),
			interview(null, { log: where === 'other' ? log : [] }),
		);
		return w;
	};
	const thanks = (w: World): string[] => lines(w.schedule('2026-11-17'), 'thank-you');

	it('"a log entry of the action\'s kind, dated on or after the action\'s `earliest`" marks it done; "An action that is done is not listed"', () => {
		expect(thanks(base(['2026-11-16 thank-you: Jane Doe']))).toEqual(['thank-you John Roe 2026-11-16..2026-11-18 due']);
	});

	it('"dated on or after the action\'s `earliest`": an entry before the interview does not count', () => {
		expect(thanks(base(['2026-11-15 thank-you: Jane Doe']))).toHaveLength(2);
	});

	it('"of the action\'s kind": an entry of another kind does not count', () => {
		expect(thanks(base(['2026-11-17 contact: Jane Doe', '2026-11-17 status-check: Jane Doe']))).toHaveLength(2);
	});

	it('"in any note of the application"', () => {
		expect(thanks(base(['2026-11-17 thank-you: Jane Doe'], 'other'))).toEqual(['thank-you John Roe 2026-11-16..2026-11-18 due']);
	});

	it('"that names the action\'s person or names nobody (`2026-11-17 thank-you` means everyone was thanked)"', () => {
		expect(thanks(base(['2026-11-17 thank-you']))).toEqual([]);
		expect(thanks(base(['2026-11-17 thank-you: John Roe']))).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
	});

	it('"names the action\'s person": the same person ignoring case and spacing (personKey), or as a wikilink', () => {
		expect(thanks(base(['2026-11-17 thank-you:   jane   DOE ']))).toEqual(['thank-you John Roe 2026-11-16..2026-11-18 due']);
		expect(thanks(base(['2026-11-17 thank-you: [[People/John Roe|John]]']))).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
	});

	it('v2 "an action that names nobody is done by any entry of its kind, whoever it names"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { log: ['2026-11-17 ask-timeline: Bob Reed'] }));
		expect(lines(w.schedule('2026-11-17'), 'ask-timeline')).toEqual([]);
		const w2 = world();
		w2.application(ACME, 'Secretary', interview('2026-11-16', { log: ['2026-11-17 ask-timeline'] }));
		expect(lines(w2.schedule('2026-11-17'), 'ask-timeline')).toEqual([]);
	});
});

describe('Rule collect-names', () => {
	it('"each interview that has happened and names no interviewer" — person none, earliest D, v2 due D + 1 business day', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { path: 'Interviews/acme.md' }));
		const a = only(w.schedule('2026-11-18'), 'collect-names');
		expect([a.person, a.earliest, a.due, a.state, a.note]).toEqual([null, '2026-11-16', '2026-11-17', 'overdue', 'Interviews/acme.md']);
		// Friday's interview: due Monday, the business day after (not Saturday).
		const f = world();
		f.application(ACME, 'Secretary', interview('2026-11-20'));
		expect(lines(f.schedule('2026-11-20'), 'collect-names')).toEqual(['collect-names 2026-11-20..2026-11-23 due']);
		expect(only(f.schedule('2026-11-20'), 'collect-names').reason).toContain('by Mon 23 Nov, the business day after the interview');
		expect(a.reason).toContain('obtain the correct names and titles of all the people you speak with');
	});

	it('"or names one whose title is not known from any note or person note"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe', 'Sam Untitled'] }));
		expect(lines(w.schedule('2026-11-16'), 'collect-names')).toEqual(['collect-names 2026-11-16..2026-11-17 due']);
	});

	it('v2 "collect-names judges the merged person": a title known from round 1 (or a person note) is known in round 2', () => {
		const w = world();
		// The note of round 2 writes Jane without a title (missingTitle), but the merged person has one.
		w.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['Jane Doe'] }), interview('2026-11-16', { interviewers: ['Jane Doe'], missingTitle: true }));
		expect(lines(w.schedule('2026-11-16'), 'collect-names')).toEqual([]);
	});

	it('"ends when: the note names its interviewers with titles"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'] }));
		expect(lines(w.schedule('2026-11-16'), 'collect-names')).toEqual([]);
	});

	it('"each interview that has happened": a scheduled interview without names gets none yet', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }), interview('2026-11-30'));
		expect(lines(w.schedule('2026-11-20'), 'collect-names')).toEqual([]);
		expect(lines(w.schedule('2026-11-30'), 'collect-names')).toEqual(['collect-names 2026-11-30..2026-12-01 due']);
	});

	it('"Done": a `collect-names` log entry on or after D ends it too', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { log: ['2026-11-16 collect-names'] }));
		expect(lines(w.schedule('2026-11-17'), 'collect-names')).toEqual([]);
	});
});

describe('Rule thank-you', () => {
	it('"each interviewer of each interview that has happened" — person the interviewer, earliest D, due D + 2 business days', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16T10:00', { path: 'Interviews/2026-11-16 Acme.md', interviewers: ['Jane Doe', 'John Roe'] }));
		const s = w.schedule('2026-11-21');
		expect(lines(s, 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 overdue',
			'thank-you John Roe 2026-11-16..2026-11-18 overdue',
		]);
		const john = s.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe');
		expect(john).toMatchObject({
			company: ACME,
			role: 'Secretary',
			note: 'Interviews/2026-11-16 Acme.md',
			person: { name: 'John Roe', title: 'Office Manager', email: null, phone: '+1 555 0100' },
			gifts: ['a paperless office'],
			application: 'acme finance|secretary',
		});
		expect(john?.reason).toContain('Within two business days, send a thank you note or email to each person involved in your interview');
	});

	it('"each interviewer of each interview": two rounds with different interviewers', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Ann Smith'], log: ['2026-11-10 thank-you: Ann Smith'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'] }),
		);
		expect(lines(w.schedule('2026-11-17'), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 due',
			'thank-you John Roe 2026-11-16..2026-11-18 due',
		]);
	});

	it('"each interviewer of each interview": the same interviewer in two rounds is thanked after each', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'], log: ['2026-11-10 thank-you: Jane Doe'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe'] }),
		);
		const s = w.schedule('2026-11-17');
		expect(lines(s, 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
		// Two actions, not one: each round's thank-you has its own id.
		const w2 = world();
		w2.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['Jane Doe'] }), interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		const both = w2.schedule('2026-11-17').actions.filter((a) => a.kind === 'thank-you');
		expect(both.map((a) => a.earliest)).toEqual(['2026-11-09', '2026-11-16']);
		expect(new Set(both.map((a) => a.id)).size).toBe(2);
		expect(both[1].id).toBe(only(s, 'thank-you').id);
	});

	it('thankYouBusinessDays is a setting ("where the articles leave a number open, the default is ours and is a setting")', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		const s = w.schedule('2026-11-16', { thankYouBusinessDays: 5 });
		expect(lines(s, 'thank-you')).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-23 due']);
		expect(only(s, 'thank-you').reason).toContain('by Mon 23 Nov, five business days after the interview');
	});

	it('"A `thank-you` is still owed after any status: 004 says to send it \'even if the job is not one you really want\'"', () => {
		for (const status of ['interviewing', 'offer', 'hired', 'rejected', 'withdrawn', 'closed'] as Status[]) {
			const w = world();
			w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], status, log: ['2026-11-16 rejected'] }));
			expect(lines(w.schedule('2026-11-16'), 'thank-you'), status).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
		}
	});
});

describe('Rule reference-alert', () => {
	it('"each reference of an application, once, after its first interview" — earliest D of the first interview, due D + 1 business day', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'], references: ['Ann Smith'] }),
			interview('2026-11-16', { interviewers: ['John Roe'], references: ['Ann Smith', 'Bob Reed'], path: 'Interviews/round 2.md' }),
		);
		const s = w.schedule('2026-11-16');
		// v2 "a reference added later is owed from the note naming it": Bob, first named in round 2, from the 16th.
		expect(lines(s, 'reference-alert')).toEqual([
			'reference-alert Ann Smith 2026-11-09..2026-11-10 overdue',
			'reference-alert Bob Reed 2026-11-16..2026-11-17 due',
		]);
		// Logged in the application's most recent note.
		expect(s.actions.filter((a) => a.kind === 'reference-alert').map((a) => a.note)).toEqual(['Interviews/round 2.md', 'Interviews/round 2.md']);
		expect(s.actions.find((a) => a.kind === 'reference-alert')?.reason).toContain('alert your references about the possibility of a call');
	});

	it('"after its first interview": none before an interview has happened', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { references: ['Ann Smith'] }));
		expect(lines(w.schedule('2026-11-15'), 'reference-alert')).toEqual([]);
	});

	it('"D + 1 business day": a first interview on Friday is due Monday', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-20', { references: ['Ann Smith'] }));
		expect(lines(w.schedule('2026-11-20'), 'reference-alert')).toEqual(['reference-alert Ann Smith 2026-11-20..2026-11-23 due']);
	});

	it('"ends when: logged"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { references: ['Ann Smith', 'Bob Reed'], log: ['2026-11-16 reference-alert: Ann Smith'] }));
		expect(lines(w.schedule('2026-11-17'), 'reference-alert')).toEqual(['reference-alert Bob Reed 2026-11-16..2026-11-17 due']);
	});
});

describe('Rule ask-timeline', () => {
	it('"each application with an interview that has happened and no `decision_date`" — the contact, D of the latest interview, D + 1 business day', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-13', { interviewers: ['John Roe'] }), interview('2026-11-20', { interviewers: ['Jane Doe'] }));
		const s = w.schedule('2026-11-21');
		expect(lines(s, 'ask-timeline')).toEqual(['ask-timeline Jane Doe 2026-11-20..2026-11-23 due']);
		expect(only(s, 'ask-timeline').reason).toContain('when the employer expects to make a final decision');
	});

	it('"ends when: `decision_date` is set" (in any note of the application)', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['John Roe'], decision: '2026-12-04' }), interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-16'), 'ask-timeline')).toEqual([]);
	});

	it('"ends when: logged", and a later round asks again (the entry predates its earliest)', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['Jane Doe'], log: ['2026-11-09 ask-timeline: Jane Doe'] }));
		expect(lines(w.schedule('2026-11-12'), 'ask-timeline')).toEqual([]);
		w.apps[0].interviews.push({ ...w.apps[0].interviews[0], path: 'Interviews/round 2.md', date: { date: '2026-11-16', time: null, offset: null }, followUps: [] });
		expect(lines(w.schedule('2026-11-16'), 'ask-timeline')).toEqual(['ask-timeline Jane Doe 2026-11-16..2026-11-17 due']);
	});
});

describe('Rule referral-request', () => {
	it('"each application whose status became `rejected`" — the contact, the day it was rejected, that day + 2 business days', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-16', { interviewers: ['Jane Doe'], log: ['2026-11-16 thank-you'] }),
			interview(null, { path: 'Interviews/outcome.md', status: 'rejected', log: ['2026-11-20 rejected'] }),
		);
		const s = w.schedule('2026-11-23');
		expect(lines(s, 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-20..2026-11-24 due']);
		expect(only(s, 'referral-request').note).toBe('Interviews/outcome.md');
		expect(only(s, 'referral-request').reason).toContain('consider asking the interviewer for referrals');
		expect(s.diagnostics).toEqual([]);
	});

	it('"ends when: logged"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], status: 'rejected', log: ['2026-11-20 rejected', '2026-11-23 referral-request: Jane Doe'] }));
		expect(lines(w.schedule('2026-11-23'), 'referral-request')).toEqual([]);
	});

	it('only for `rejected`: hired, withdrawn, closed and offer get none', () => {
		for (const status of ['interviewing', 'offer', 'hired', 'withdrawn', 'closed'] as Status[]) {
			const w = world();
			w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], status, log: ['2026-11-16 rejected', `2026-11-20 ${status === 'closed' || status === 'interviewing' ? 'contact' : status}`] }));
			expect(lines(w.schedule('2026-11-23'), 'referral-request'), status).toEqual(status === 'closed' || status === 'interviewing' ? ['referral-request Jane Doe 2026-11-16..2026-11-18 overdue'] : []);
		}
	});

	it('v2 "and that had an interview": a rejection before any interview asks for no referral', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-30', { interviewers: ['Jane Doe'], log: ['2026-11-20 rejected'] }));
		expect(lines(w.schedule('2026-11-23'), 'referral-request')).toEqual([]);
	});
});

describe('Rejection date', () => {
	it('"The day an application was rejected is the date of its latest `rejected` log entry"', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'], log: ['2026-11-12 rejected'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe'], status: 'rejected', log: ['2026-11-20 rejected'] }),
		);
		expect(lines(w.schedule('2026-11-20'), 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-20..2026-11-24 due']);
	});

	it('v2 "Status date": without a log event and without a modification time, the latest interview (the clamp\'s floor); the note gets a warning suggesting the entry', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe'], status: 'rejected', path: 'Interviews/round 2.md' }),
		);
		const s = w.schedule('2026-11-17');
		expect(lines(s, 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-16..2026-11-18 due']);
		expect(s.diagnostics).toHaveLength(1);
		expect(s.diagnostics[0]).toMatchObject({ note: 'Interviews/round 2.md', severity: 'warning' });
		expect(s.diagnostics[0].message).toMatch(/status is rejected.*2026-11-16.*add "YYYY-MM-DD rejected".*follow_ups/);
	});

	it('without an entry and without any interview that has happened: no referral request, and the warning still suggests the entry', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-30', { status: 'rejected' }));
		const s = w.schedule('2026-11-17');
		expect(lines(s, 'referral-request')).toEqual([]);
		expect(s.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('add "YYYY-MM-DD rejected"')]);
	});
});

describe('Rule keep-looking', () => {
	it('"the whole pipeline, when fewer than `min_active` applications (default 3) are neither terminal nor at `offer`" — no person, today..today', () => {
		const w = world();
		w.activeFillers(2);
		const a = only(w.schedule('2026-11-21'), 'keep-looking');
		expect(a).toMatchObject({
			earliest: '2026-11-21',
			due: '2026-11-21',
			state: 'due',
			company: null,
			role: null,
			note: null,
			person: null,
			gifts: [],
			application: null,
		});
		expect(a.reason).toMatch(/Only 2 applications are active \(fewer than 3\).*Do not stop looking/);
	});

	it('"ends when: more applications are active"', () => {
		const w = world();
		w.activeFillers(3);
		expect(lines(w.schedule('2026-11-21'), 'keep-looking')).toEqual([]);
	});

	it('"neither terminal nor at `offer`": those do not count', () => {
		const w = world();
		w.activeFillers(2);
		for (const status of ['offer', 'rejected', 'withdrawn', 'closed'] as Status[]) {
			w.application(`Co ${status}`, 'Clerk', interview(null, { status }));
		}
		expect(lines(w.schedule('2026-11-21'), 'keep-looking')).toEqual(['keep-looking 2026-11-21..2026-11-21 due']);
	});

	it('v2 "keep-looking stops once an application is `hired`"', () => {
		const w = world();
		w.activeFillers(1);
		w.application('Co hired', 'Clerk', interview('2026-11-16', { interviewers: ['Jane Doe'], status: 'hired', log: ['2026-11-18 hired'] }));
		expect(lines(w.schedule('2026-11-21'), 'keep-looking')).toEqual([]);
	});

	it('`min_active` is a setting', () => {
		const w = world();
		w.activeFillers(3);
		expect(lines(w.schedule('2026-11-21', { minActive: 4 }), 'keep-looking')).toHaveLength(1);
		expect(lines(w.schedule('2026-11-21', { minActive: 0 }), 'keep-looking')).toHaveLength(0);
	});

	it('"An application is active when it has a note, is not terminal and is not at `offer`"; v2 keep-looking "needs one application" (an empty vault gets none)', () => {
		expect(new World().schedule('2026-11-21').actions).toEqual([]);
		const r = world();
		r.application('Gone', 'Clerk', interview(null, { status: 'withdrawn' }));
		expect(only(r.schedule('2026-11-21'), 'keep-looking').reason).toContain('No application is active');
		const w = world();
		w.application('One', 'Clerk', interview(null, { status: 'interviewing' }));
		expect(only(w.schedule('2026-11-21'), 'keep-looking').reason).toContain('Only one application is active');
		expect(w.schedule('2026-11-21').summary.active.map((e) => e.company)).toEqual(['One']);
	});
});

describe('Terminal applications and offers', () => {
	for (const status of ['hired', 'rejected', 'withdrawn', 'closed', 'offer'] as Status[]) {
		it(`"Terminal applications (hired, rejected, withdrawn, closed) and those at offer get no reference-alert, ask-timeline or status-check": ${status}`, () => {
			const w = world();
			w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe', 'Sam Untitled'], references: ['Ann Smith'], status, next: '2027-01-05', log: status === 'closed' ? [] : [`2026-11-16 ${status}`] }));
			const kinds = new Set(w.schedule('2026-12-30').actions.map((a) => a.kind));
			// v2 adds find-contact and prepare to the list (Sam Untitled has no email: find-contact would be owed; a round is booked).
			for (const kind of ['reference-alert', 'find-contact', 'ask-timeline', 'prepare', 'status-check'] as const) expect(kinds.has(kind), kind).toBe(false);
			// Not excluded by that sentence: thank-you and collect-names.
			expect(kinds.has('thank-you') && kinds.has('collect-names')).toBe(true);
		});
	}

	it('the same application while `interviewing` does get all three (control)', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], references: ['Ann Smith'] }));
		const kinds = new Set(w.schedule('2026-12-30').actions.map((a) => a.kind));
		expect([...kinds].sort()).toEqual(['ask-timeline', 'keep-looking', 'reference-alert', 'status-check', 'thank-you']);
	});

	it('v2 "Status: set by its notes\' `status` keys (each dated by its note\'s interview date) and by the status events in its log; the latest wins"', () => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-09', { interviewers: ['Jane Doe'], status: 'rejected', log: ['2026-11-10 rejected'] }),
			interview('2026-11-16', { interviewers: ['Jane Doe'] }),
			interview('2026-11-30', { status: 'interviewing' }),
		);
		const s = w.schedule('2026-11-17');
		expect(lines(s, 'referral-request')).toEqual([]);
		expect(s.summary.active.map((e) => [e.company, e.status])).toEqual([[ACME, 'interviewing']]);

		const w2 = world();
		w2.application(ACME, 'Secretary', interview('2026-11-09', { interviewers: ['Jane Doe'], status: 'offer' }), interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		expect(w2.schedule('2026-11-17').summary.active).toEqual([]);
	});
});

describe('The status-check schedule', () => {
	const single = (spec: Parameters<typeof interview>[1] = {}): World => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], ...spec }));
		return w;
	};

	it('"The first check after D: earliest D + `cadence_min`, due D + `cadence_max`" (defaults 7 and 10)', () => {
		const s = single().schedule('2026-11-23');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 due']);
		expect(only(s, 'status-check').reason).toContain('every week to ten days in a polite, respectful, curious manner');
	});

	it('"Settings: `cadence_min` (default 7 days) and `cadence_max` (default 10 days)": every couple of weeks (000)', () => {
		expect(lines(single().schedule('2026-11-23', { cadenceMin: 14, cadenceMax: 14 }), 'status-check')).toEqual([
			'status-check Jane Doe 2026-11-30..2026-11-30 upcoming',
		]);
	});

	it('"Let D be the date of the latest interview that has happened"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-02', { interviewers: ['John Roe'] }), interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		expect(lines(w.schedule('2026-11-16'), 'status-check')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 upcoming']);
	});

	it('"once an interview has happened": none before', () => {
		expect(lines(single().schedule('2026-11-15'), 'status-check')).toEqual([]);
	});

	it('"If a further interview is scheduled (a note dated after today ...), there is no status check until it has happened"', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }), interview('2026-11-30', { interviewers: ['John Roe'] }));
		expect(lines(w.schedule('2026-11-29'), 'status-check')).toEqual([]);
		// v2 "ask-timeline waits, like the status check, while a further round is booked"; prepare stands in.
		expect(lines(w.schedule('2026-11-29'), 'ask-timeline')).toEqual([]);
		expect(lines(w.schedule('2026-11-29'), 'prepare')).toEqual(['prepare 2026-11-26..2026-11-30 due']);
		// "a later interview starts the count again": D is now 2026-11-30 (contact: its first interviewer).
		expect(lines(w.schedule('2026-11-30'), 'status-check')).toEqual(['status-check John Roe 2026-12-07..2026-12-10 upcoming']);
	});

	it('"(... or `next_interview` after today)"', () => {
		const w = single({ next: '2026-11-30' });
		expect(lines(w.schedule('2026-11-29'), 'status-check')).toEqual([]);
		// Once that day has passed without a note for it, the count from D resumes.
		expect(lines(w.schedule('2026-11-30'), 'status-check')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 overdue']);
	});

	it('"there is no status check until it has happened": a round later today pauses it too', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }), interview('2026-11-24T15:00', { interviewers: ['John Roe'] }));
		expect(lines(w.schedule({ date: '2026-11-24', time: '12:00:00' }), 'status-check')).toEqual([]);
		expect(lines(w.schedule({ date: '2026-11-24', time: '15:00:00' }), 'status-check')).toEqual(['status-check John Roe 2026-12-01..2026-12-04 upcoming']);
	});

	it('v2 "if the application\'s `decision_date` is on or after that earliest, the check is earliest `decision_date` + 1 business day, due `decision_date` + 2 business days"', () => {
		const s = single({ decision: '2026-12-04' }).schedule('2026-11-27');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-12-07..2026-12-08 upcoming']);
		expect(only(s, 'status-check').reason).toContain('Do be patient');
		expect(only(s, 'status-check').reason).toContain('the business day after the decision date they gave you (Mon 7 Dec)');
		// + 1 business day skips a holiday too.
		expect(lines(single({ decision: '2026-12-04' }).schedule('2026-11-27', { holidays: ['2026-12-07'] }), 'status-check')).toEqual([
			'status-check Jane Doe 2026-12-08..2026-12-09 upcoming',
		]);
	});

	it('v2 "on or after that earliest": a decision_date on the earliest day waits for it; one before changes nothing', () => {
		expect(lines(single({ decision: '2026-11-23' }).schedule('2026-11-23'), 'status-check')).toEqual(['status-check Jane Doe 2026-11-24..2026-11-25 upcoming']);
		expect(lines(single({ decision: '2026-11-20' }).schedule('2026-11-23'), 'status-check')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 due']);
	});

	it('"Once a `status-check` or `contact` is logged on day L (L >= D), the next check is earliest L + `cadence_min`, due L + `cadence_max`"', () => {
		expect(only(single({ log: ['2026-11-20 contact: Jane Doe'] }).schedule('2026-11-23'), 'status-check').reason).toContain(
			'7 to 10 days after your last contact',
		);
		expect(lines(single({ log: ['2026-11-20 contact: Jane Doe'] }).schedule('2026-11-23'), 'status-check')).toEqual([
			'status-check Jane Doe 2026-11-27..2026-11-30 upcoming',
		]);
		// v2: B + 10 is Saturday 5 December, rolled forward to Monday.
		const rolled = single({ log: ['2026-11-24 status-check: Jane Doe', '2026-11-25 status-check'] }).schedule('2026-11-25');
		expect(lines(rolled, 'status-check')).toEqual(['status-check Jane Doe 2026-12-02..2026-12-07 upcoming']);
		expect(only(rolled, 'status-check').reason).toContain('moved to Monday 7 Dec: Saturday is not a business day');
	});

	it('"(L >= D)": a contact before the latest interview does not restart the count', () => {
		expect(lines(single({ log: ['2026-11-10 contact: Jane Doe'] }).schedule('2026-11-23'), 'status-check')).toEqual([
			'status-check Jane Doe 2026-11-23..2026-11-26 due',
		]);
	});

	it('"Logging one early simply restarts the count"; v2: patience holds for the later checks too', () => {
		expect(lines(single({ log: ['2026-11-18 status-check'] }).schedule('2026-11-23'), 'status-check')).toEqual([
			'status-check Jane Doe 2026-11-25..2026-11-30 upcoming',
		]);
		// "This holds for every check, the first and the later ones": a decision 16 days after the contact is waited for.
		expect(lines(single({ decision: '2026-12-04', log: ['2026-11-18 contact'] }).schedule('2026-11-23'), 'status-check')).toEqual([
			'status-check Jane Doe 2026-12-07..2026-12-08 upcoming',
		]);
		// ... but one 30 days after it is not: the doubled cadence from the contact (14 to 20 days).
		expect(lines(single({ decision: '2026-12-18', log: ['2026-11-18 contact'] }).schedule('2026-11-23'), 'status-check')).toEqual([
			'status-check Jane Doe 2026-12-02..2026-12-08 upcoming',
		]);
	});

	it('"the tool never asks for two contacts closer together than `cadence_min`": for every L from D to D + 30', () => {
		for (let i = 0; i <= 30; i++) {
			const last = addDays('2026-11-16', i);
			const a = only(single({ log: [`${last} contact`] }).schedule(last), 'status-check');
			expect(diffDays(last, a.earliest), last).toBeGreaterThanOrEqual(7);
		}
	});

	it('"The action carries the recorded gift ideas for the person it names"', () => {
		const a = only(single().schedule('2026-11-23'), 'status-check');
		expect(a.person?.name).toBe('Jane Doe');
		expect(a.gifts).toEqual(['training for the Boston marathon']);
	});
});

describe('Snoozing', () => {
	const snoozed = (snoozes: string[], where: 'same' | 'other' | 'other-application' = 'same'): World => {
		const w = world();
		w.application(
			ACME,
			'Secretary',
			interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'], snoozed: where === 'same' ? snoozes : [] }),
			interview(null, { snoozed: where === 'other' ? snoozes : [] }),
		);
		w.application('Beta Bank', 'Teller', interview(null, { snoozed: where === 'other-application' ? snoozes : [] }));
		return w;
	};

	it('"A snoozed action is hidden until its snooze date, then comes back with its original `due`"', () => {
		const w = snoozed(['2026-11-25 thank-you: Jane Doe']);
		expect(lines(w.schedule('2026-11-24'), 'thank-you')).toEqual(['thank-you John Roe 2026-11-16..2026-11-18 overdue']);
		expect(w.schedule('2026-11-24').summary.counts.snoozed).toBe(1);
		expect(lines(w.schedule('2026-11-25'), 'thank-you')).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 overdue',
			'thank-you John Roe 2026-11-16..2026-11-18 overdue',
		]);
	});

	it('"(for that person; no person = every person)"', () => {
		expect(lines(snoozed(['2026-11-25 thank-you']).schedule('2026-11-24'), 'thank-you')).toEqual([]);
		expect(lines(snoozed(['2026-11-25 thank-you: Bob Reed']).schedule('2026-11-24'), 'thank-you')).toHaveLength(2);
		expect(lines(snoozed(['2026-11-25 status-check']).schedule('2026-11-24'), 'thank-you')).toHaveLength(2);
	});

	it('"A snooze is written into the application\'s note": any note of that application, not another application\'s', () => {
		expect(lines(snoozed(['2026-11-25 thank-you'], 'other').schedule('2026-11-24'), 'thank-you')).toEqual([]);
		expect(lines(snoozed(['2026-11-25 thank-you'], 'other-application').schedule('2026-11-24'), 'thank-you')).toHaveLength(2);
	});

	it('a `keep-looking` snooze in any interview note hides keep-looking until its date', () => {
		const w = world();
		w.application(ACME, 'Secretary', interview(null, { snoozed: ['2026-11-28 keep-looking'] }));
		expect(lines(w.schedule('2026-11-27'), 'keep-looking')).toEqual([]);
		expect(lines(w.schedule('2026-11-28'), 'keep-looking')).toEqual(['keep-looking 2026-11-28..2026-11-28 due']);
	});
});
