/**
 * follow-up-rules.md v2: the rows and sentences v2 changed or added that
 * rules.test.ts does not already quote, each test citing its sentence; and
 * the fast-check properties (every due of the business-day kinds is
 * a business day; no two status checks closer than `cadence_min`).
 *
 * Calendar: 2026-11-16 is a Monday; 11-20 Friday; 11-21/22 the weekend;
 * 11-26 Thursday; 11-30 Monday; 12-04 Friday; 12-07 Monday; 12-25 Friday.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, diffDays, endOfDay, isBusinessDay, type LocalDate } from '../../../src/core/dates';
import { computeSchedule } from '../../../src/core/rules';
import { DEFAULT_SETTINGS, type ActionKind, type Settings, type Status } from '../../../src/core/types';
import { VaultIndex } from '../../../src/core/vaultIndex';
import { interview, lines, only, World, type InterviewSpec } from './builders';

const JANE = 'Jane Doe';
const JOHN = 'John Roe';

/** Jane (titled, with an email, the usual contact), John (titled, a phone), Bob (titled, no email or phone), Ann (a reference). */
function world(): World {
	const w = new World();
	w.person(JANE, { title: 'VP Engineering', email: 'jane@acme.example' });
	w.person(JOHN, { title: 'Office Manager', phone: '+1 555 0100' });
	w.person('Bob Reed', { title: 'Recruiter' });
	w.person('Ann Smith', { title: 'Former manager', email: 'ann@example.org' });
	return w;
}

/** Acme with one interview on Monday 16 Nov with Jane, thanked, plus `spec`. */
function acme(spec: InterviewSpec = {}, settings: Partial<Settings> = {}): World {
	const w = world();
	w.settings = { ...w.settings, ...settings };
	const { log = [], ...rest } = spec;
	w.application('Acme', 'Clerk', interview('2026-11-16', { interviewers: [JANE], ...rest, log: ['2026-11-16 thank-you', ...log] }));
	return w;
}

const checks = (w: World, today: LocalDate): string[] => lines(w.schedule(today), 'status-check');

describe('v2 status-check: back off after `backoff_after` silent checks, reset by a contact', () => {
	it('two silent checks: the plain cadence (B + 7 to B + 10)', () => {
		expect(checks(acme({ log: ['2026-11-23 status-check', '2026-12-01 status-check'] }), '2026-12-01')).toEqual(['status-check Jane Doe 2026-12-08..2026-12-11 upcoming']);
	});

	it('"when `backoff_after` or more `status-check` entries have been logged since the latest contact entry or interview, both numbers double (14 to 20 days)"', () => {
		const w = acme({ log: ['2026-11-23 status-check', '2026-12-01 status-check', '2026-12-10 status-check'] });
		const s = w.schedule('2026-12-10');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-12-24..2026-12-30 upcoming']);
		expect(only(s, 'status-check').reason).toMatch(/^After three checks with no reply, every two weeks: check in 14 to 20 days after your last check \(Thu 10 Dec\)/);
	});

	it('"since the latest `contact` entry": a reply resets the count, and three more silent checks back off again', () => {
		const replied = acme({ log: ['2026-11-23 status-check', '2026-12-01 status-check', '2026-12-10 status-check', '2026-12-11 contact: Jane Doe'] });
		expect(checks(replied, '2026-12-11')).toEqual(['status-check Jane Doe 2026-12-18..2026-12-21 upcoming']);
		const again = acme({
			log: ['2026-11-23 status-check', '2026-12-01 status-check', '2026-12-10 status-check', '2026-12-11 contact: Jane Doe', '2026-12-18 status-check', '2026-12-28 status-check'],
		});
		expect(checks(again, '2026-12-28')).toEqual(['status-check Jane Doe 2027-01-04..2027-01-07 upcoming']);
		const third = acme({
			log: ['2026-12-11 contact: Jane Doe', '2026-12-18 status-check', '2026-12-28 status-check', '2027-01-05 status-check'],
		});
		expect(checks(third, '2027-01-05')).toEqual(['status-check Jane Doe 2027-01-19..2027-01-25 upcoming']);
	});

	it('"or interview": a later round resets the count like a contact', () => {
		const w = world();
		w.application(
			'Acme',
			'Clerk',
			interview('2026-11-02', { interviewers: [JANE], log: ['2026-11-02 thank-you', '2026-11-09 status-check', '2026-11-10 status-check', '2026-11-12 status-check'] }),
			interview('2026-11-16', { interviewers: [JANE], log: ['2026-11-16 thank-you'] }),
		);
		expect(checks(w, '2026-11-16')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 upcoming']);
	});

	it('`backoff_after` is a setting: 2 backs off after two silent checks', () => {
		const w = acme({ log: ['2026-11-23 status-check', '2026-12-01 status-check'] }, { backoffAfter: 2 });
		expect(checks(w, '2026-12-01')).toEqual(['status-check Jane Doe 2026-12-15..2026-12-21 upcoming']);
	});
});

describe('v2 status-check: patience on every check, never longer than `patience_max`', () => {
	it('"This holds for every check, the first and the later ones": after a silent check, a decision date past the next earliest is waited for', () => {
		// B = Wed 25 Nov (a check), earliest Wed 2 Dec; they said Tue 8 Dec: the business day after it, due the next.
		const s = acme({ decision: '2026-12-08', log: ['2026-11-25 status-check'] }).schedule('2026-11-25');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-12-09..2026-12-10 upcoming']);
		expect(only(s, 'status-check').reason).toContain('the business day after the decision date they gave you (Wed 9 Dec)');
	});

	it('patience after backing off: a decision date past the doubled earliest is waited for too', () => {
		const w = acme({ decision: '2026-12-28', log: ['2026-11-23 status-check', '2026-12-01 status-check', '2026-12-10 status-check'] });
		expect(checks(w, '2026-12-10')).toEqual(['status-check Jane Doe 2026-12-29..2026-12-30 upcoming']);
	});

	it('"when `decision_date` is more than `patience_max` (default 21) days after B": 21 days is waited for, 22 is not', () => {
		// B = D = Mon 16 Nov. 21 days: Mon 7 Dec, so the check is Tue 8 Dec to Wed 9 Dec.
		expect(checks(acme({ decision: '2026-12-07' }), '2026-11-23')).toEqual(['status-check Jane Doe 2026-12-08..2026-12-09 upcoming']);
		// 22 days: Tue 8 Dec is not waited for: B + 14 (Mon 30 Nov) to B + 20 (Sun 6 Dec, rolled to Mon 7 Dec).
		const s = acme({ decision: '2026-12-08' }).schedule('2026-11-23');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-11-30..2026-12-07 upcoming']);
		expect(only(s, 'status-check').reason).toBe(
			'Their decision date (Tue 8 Dec) is more than 21 days after Mon 16 Nov, so do not wait for it: check in 14 to 20 days after Mon 16 Nov, ' +
				'moved to Monday 7 Dec: Sunday is not a business day, as the career advice says: "every couple of weeks until the position is filled", so you do not recede from their memory.',
		);
	});

	it('`patience_max` is a setting: 30 waits for a decision 22 days away', () => {
		expect(checks(acme({ decision: '2026-12-08' }, { patienceMax: 30 }), '2026-11-23')).toEqual(['status-check Jane Doe 2026-12-09..2026-12-10 upcoming']);
	});

	it('once the not-waited-for check is logged, the decision date is near enough and is waited for', () => {
		expect(checks(acme({ decision: '2026-12-22', log: ['2026-12-01 status-check'] }), '2026-12-01')).toEqual(['status-check Jane Doe 2026-12-23..2026-12-24 upcoming']);
	});
});

describe('v2 business days: each computed date around weekends and holidays, with the reason saying why', () => {
	it('status-check: "moved to Monday: Sunday is not a business day"; a holiday moves it too', () => {
		// D = Thu 19 Nov: + 10 is Sun 29 Nov.
		const w = world();
		w.application('Acme', 'Clerk', interview('2026-11-19', { interviewers: [JANE], log: ['2026-11-19 thank-you'] }));
		const s = w.schedule('2026-11-26');
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-11-26..2026-11-30 due']);
		expect(only(s, 'status-check').reason).toContain('moved to Monday 30 Nov: Sunday is not a business day');
		// Thu 26 Nov a holiday: the earliest moves to Friday.
		const h = w.schedule('2026-11-26', { holidays: ['2026-11-26'] });
		expect(lines(h, 'status-check')).toEqual(['status-check Jane Doe 2026-11-27..2026-11-30 upcoming']);
		expect(only(h, 'status-check').reason).toContain('moved to Friday 27 Nov: Thu 26 Nov is a holiday');
	});

	it('thank-you, ask-timeline, find-contact, collect-names and reference-alert from a Friday interview skip the weekend and a holiday', () => {
		const w = world();
		w.application('Acme', 'Clerk', interview('2026-11-20', { interviewers: [JANE, 'Bob Reed', 'Sam New'], contact: 'Bob Reed', references: ['Ann Smith'] }));
		const s = w.schedule('2026-11-20', { holidays: ['2026-11-23'] });
		expect(s.actions.filter((a) => a.company === 'Acme').map((a) => `${a.kind} ${a.due}`)).toEqual([
			'collect-names 2026-11-24',
			'reference-alert 2026-11-24',
			'find-contact 2026-11-24',
			'ask-timeline 2026-11-24',
			'thank-you 2026-11-25',
			'thank-you 2026-11-25',
			'thank-you 2026-11-25',
			// D + 7 is Friday 27 Nov; D + 10 Monday 30 Nov.
			'status-check 2026-11-30',
		]);
	});

	it('prepare: "the round\'s date - 2 business days": a Tuesday round is prepared from the Friday before, or the Thursday if Friday is a holiday', () => {
		expect(lines(acme({ next: '2026-12-01' }).schedule('2026-11-23'), 'prepare')).toEqual(['prepare 2026-11-27..2026-12-01 upcoming']);
		expect(lines(acme({ next: '2026-12-01' }, { holidays: ['2026-11-27'] }).schedule('2026-11-23'), 'prepare')).toEqual(['prepare 2026-11-26..2026-12-01 upcoming']);
	});

	it('a Sunday-to-Thursday work week: a check due on Friday moves to Sunday', () => {
		// D = Tue 17 Nov: + 10 is Fri 27 Nov, not in the week: Sun 29 Nov.
		const w = world();
		w.application('Acme', 'Clerk', interview('2026-11-17', { interviewers: [JANE], log: ['2026-11-17 thank-you'] }));
		expect(checks(w, '2026-11-17').map((l) => l.split(' ')[3])).toEqual(['2026-11-24..2026-11-27']);
		const s = w.schedule('2026-11-17', { workWeek: [0, 1, 2, 3, 4] });
		expect(lines(s, 'status-check')).toEqual(['status-check Jane Doe 2026-11-24..2026-11-29 upcoming']);
		expect(only(s, 'status-check').reason).toContain('moved to Sunday 29 Nov: Friday is not a business day');
	});
});

describe('v2 scheduled rounds: "only the latest note\'s `next_interview` books a round"', () => {
	it('a round booked via `next_interview` only: prepare, no status check or ask-timeline; gone once the day passes', () => {
		const w = acme({ next: '2026-12-01T10:00' });
		const kinds = (today: LocalDate): string[] => w.schedule(today).actions.filter((a) => a.company === 'Acme').map((a) => a.kind);
		expect(kinds('2026-11-27')).toEqual(['prepare']);
		expect(lines(w.schedule('2026-11-27'), 'prepare')).toEqual(['prepare 2026-11-27..2026-12-01 due']);
		expect(kinds('2026-12-02')).toEqual(['ask-timeline', 'status-check']);
	});

	it('"an older note\'s `next_interview` is superseded" by a later interview that has happened', () => {
		const w = world();
		w.application(
			'Acme',
			'Clerk',
			interview('2026-11-10', { interviewers: [JANE], next: '2026-12-03', log: ['2026-11-10 thank-you'] }),
			interview('2026-11-16', { interviewers: [JANE], log: ['2026-11-16 thank-you'] }),
		);
		expect(lines(w.schedule('2026-11-23'), 'prepare')).toEqual([]);
		expect(checks(w, '2026-11-23')).toEqual(['status-check Jane Doe 2026-11-23..2026-11-26 due']);
	});

	it('"for which no note of the application is dated that day": a booked round with its own note is one round, in that note', () => {
		const w = world();
		w.application(
			'Acme',
			'Clerk',
			interview('2026-11-16', { interviewers: [JANE], next: '2026-12-01', log: ['2026-11-16 thank-you'] }),
			interview('2026-12-01', { path: 'round2.md', interviewers: [JOHN] }),
		);
		const s = w.schedule('2026-11-27');
		expect(lines(s, 'prepare')).toEqual(['prepare 2026-11-27..2026-12-01 due']);
		expect(only(s, 'prepare').note).toBe('round2.md');
	});

	it('"a `prepare` entry counts from the day after the interview before the round": the day after counts, the interview day does not', () => {
		expect(lines(acme({ next: '2026-12-01', log: ['2026-11-17 prepare'] }).schedule('2026-11-27'), 'prepare')).toEqual([]);
		expect(lines(acme({ next: '2026-12-01', log: ['2026-11-16 prepare'] }).schedule('2026-11-27'), 'prepare')).toEqual(['prepare 2026-11-27..2026-12-01 due']);
	});
});

describe('v2 find-contact', () => {
	it('"whose contact is none or has neither an email nor a phone": a contact with neither, from D of the first interview, due + 1 business day', () => {
		const s = acme({ contact: 'Bob Reed' }).schedule('2026-11-17');
		expect(lines(s, 'find-contact')).toEqual(['find-contact Bob Reed 2026-11-16..2026-11-17 due']);
		expect(only(s, 'find-contact').reason).toContain('Get an email address or a phone number for your contact');
	});

	it('no contact at all: it names nobody and asks who to ask', () => {
		const w = world();
		w.application('Acme', 'Clerk', interview('2026-11-16'));
		const s = w.schedule('2026-11-17');
		expect(lines(s, 'find-contact')).toEqual(['find-contact 2026-11-16..2026-11-17 due']);
		expect(only(s, 'find-contact').reason).toContain('Find out who to ask about the status of the hire');
	});

	it('"ends when: the contact has an email or a phone, or logged"; none for a terminal application', () => {
		expect(lines(acme({ contact: JOHN }).schedule('2026-11-17'), 'find-contact')).toEqual([]);
		expect(lines(acme({ contact: 'Bob Reed', log: ['2026-11-17 find-contact: Bob Reed'] }).schedule('2026-11-17'), 'find-contact')).toEqual([]);
		expect(lines(acme({ contact: 'Bob Reed', status: 'rejected' }).schedule('2026-11-17'), 'find-contact')).toEqual([]);
	});
});

describe('v2 reference-alert', () => {
	it('"or of the note that first names the reference if that is later"', () => {
		const w = world();
		w.application(
			'Acme',
			'Clerk',
			interview('2026-11-10', { interviewers: [JANE], log: ['2026-11-10 thank-you'] }),
			interview('2026-11-20', { interviewers: [JANE], references: ['Ann Smith'], log: ['2026-11-20 thank-you'] }),
		);
		const s = w.schedule('2026-11-20');
		expect(lines(s, 'reference-alert')).toEqual(['reference-alert Ann Smith 2026-11-20..2026-11-23 due']);
		expect(only(s, 'reference-alert').reason).toContain('the interview note that first names them');
	});

	it('"A `reference-alert` entry counts whatever its date (references are often alerted before the interview)"', () => {
		expect(lines(acme({ references: ['Ann Smith'], log: ['2026-11-02 reference-alert: Ann Smith'] }).schedule('2026-11-17'), 'reference-alert')).toEqual([]);
	});
});

describe('v2 answer-offer', () => {
	function offer(spec: InterviewSpec): World {
		return acme({ log: ['2026-11-19 offer'], ...spec, ...(spec.log ? { log: ['2026-11-19 offer', ...spec.log] } : {}) });
	}

	it('"without a deadline, the offer\'s status date", due "earliest + 2 business days (thank them and ask by when they need an answer)"', () => {
		const s = offer({}).schedule('2026-11-20');
		expect(lines(s, 'answer-offer')).toEqual(['answer-offer Jane Doe 2026-11-19..2026-11-23 due']);
		expect(only(s, 'answer-offer').reason).toContain('ask by when they need an answer');
	});

	it('"`offer_deadline` - 2 business days" to "`offer_deadline`": a Monday deadline is answered from the Thursday before', () => {
		const s = offer({ offerDeadline: '2026-11-30' }).schedule('2026-11-20');
		expect(lines(s, 'answer-offer')).toEqual(['answer-offer Jane Doe 2026-11-26..2026-11-30 upcoming']);
		expect(only(s, 'answer-offer').reason).toContain('Answer the offer by its deadline, Mon 30 Nov');
		// The employer's deadline is kept as it is, even on a weekend.
		expect(lines(offer({ offerDeadline: '2026-11-29' }).schedule('2026-11-20'), 'answer-offer')).toEqual(['answer-offer Jane Doe 2026-11-26..2026-11-29 upcoming']);
	});

	it('"ends when: the status changes, or logged"; an offer gets no status check', () => {
		expect(lines(offer({ log: ['2026-11-20 answer-offer: Jane Doe'] }).schedule('2026-11-20'), 'answer-offer')).toEqual([]);
		expect(lines(offer({ log: ['2026-11-20 hired'] }).schedule('2026-11-20'), 'answer-offer')).toEqual([]);
		expect(lines(offer({}).schedule('2026-12-20'), 'status-check')).toEqual([]);
	});

	it('`offer_deadline` through the index (note-format.md v2): the deadline branch', () => {
		const index = new VaultIndex(DEFAULT_SETTINGS);
		index.upsert(
			'acme.md',
			'---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ncontact: "Jane Doe <jane@acme.example>"\nanswer_by: 2026-11-30\nfollow_ups: ["2026-11-19 offer"]\n---\n',
		);
		const s = computeSchedule(index, endOfDay('2026-11-20'), DEFAULT_SETTINGS);
		expect(lines(s, 'answer-offer')).toEqual(['answer-offer Jane Doe 2026-11-26..2026-11-30 upcoming']);
	});
});

describe('v2 after a hire: withdraw, and nothing else for the others', () => {
	/** Initech hired (a log event, Fri 20 Nov); Acme interviewing; Globex at offer; Umbrella rejected. */
	function hired(): World {
		const w = world();
		w.application('Initech', 'Clerk', interview('2026-11-10', { interviewers: [JOHN], log: ['2026-11-10 thank-you', '2026-11-20 hired'] }));
		w.application('Acme', 'Clerk', interview('2026-11-16', { interviewers: [JANE], references: ['Ann Smith'] }));
		w.application('Globex', 'Clerk', interview('2026-11-12', { interviewers: ['Bob Reed'], log: ['2026-11-12 thank-you', '2026-11-18 offer'] }));
		w.application('Umbrella', 'Clerk', interview('2026-11-11', { interviewers: ['Sam New'], log: ['2026-11-11 thank-you', '2026-11-19 rejected'] }));
		return w;
	}

	it('"once an application is hired: each other application that is active or at offer" gets withdraw, from the hire\'s status date, due + 2 business days', () => {
		const s = hired().schedule('2026-11-23');
		expect(lines(s, 'withdraw')).toEqual(['withdraw Jane Doe 2026-11-20..2026-11-24 due', 'withdraw Bob Reed 2026-11-20..2026-11-24 due']);
		expect(only(s, 'withdraw', 'Acme').reason).toContain('You were hired at Initech (Clerk) (Fri 20 Nov)');
	});

	it('"every other application gets only `thank-you`, `collect-names` and `withdraw`"; keep-looking stops; the rejected one gets no referral request', () => {
		const s = hired().schedule('2026-11-23');
		expect(s.actions.map((a) => `${a.company ?? '-'} ${a.kind}`)).toEqual([
			// Umbrella's Sam New has no title: names are still owed, as a thank-you would be.
			'Umbrella collect-names',
			'Acme thank-you',
			'Acme withdraw',
			'Globex withdraw',
		]);
		// Without the hire, the same applications owe much more.
		const before = hired();
		before.apps[0].interviews[0].followUps.pop();
		expect(new Set(before.schedule('2026-11-23').actions.map((a) => a.kind))).toEqual(
			new Set(['collect-names', 'thank-you', 'reference-alert', 'ask-timeline', 'status-check', 'answer-offer', 'referral-request', 'keep-looking']),
		);
	});

	it('"ends when: the application becomes terminal, or logged"', () => {
		const w = hired();
		w.apps[1].interviews[0].followUps.push({ date: '2026-11-23', kind: 'withdraw', person: JANE, text: null, source: 'frontmatter' });
		w.apps[2].interviews[0].followUps.push({ date: '2026-11-23', kind: 'withdrawn', person: null, text: null, source: 'frontmatter' });
		expect(lines(w.schedule('2026-11-23'), 'withdraw')).toEqual([]);
	});
});

describe('v2 "Each kind can be switched off in the settings (all are on by default)"', () => {
	it('switching one kind off removes that kind and nothing else', () => {
		const w = world();
		w.application('Acme', 'Clerk', interview('2026-11-16', { interviewers: [JANE, 'Sam New'], references: ['Ann Smith'], contact: 'Bob Reed' }));
		w.application('Globex', 'Clerk', interview('2026-11-16', { interviewers: [JOHN], next: '2026-11-25', log: ['2026-11-19 rejected'] }));
		w.application('Hooli', 'Clerk', interview('2026-11-16', { interviewers: [JOHN], log: ['2026-11-19 offer'] }));
		const all = w.schedule('2026-11-30');
		const kinds = new Set(all.actions.map((a) => a.kind));
		expect(kinds.size).toBeGreaterThanOrEqual(9);
		for (const kind of kinds) {
			const off = w.schedule('2026-11-30', { kinds: { [kind]: false } });
			expect(off.actions.map((a) => a.id), kind).toEqual(all.actions.filter((a) => a.kind !== kind).map((a) => a.id));
		}
	});
});

describe('v2 "Status": set by keys and by log events', () => {
	it('a status key with no event takes the note\'s modification day (clamped) and warns; a later event of another status wins', () => {
		const w = acme({ status: 'rejected', modified: '2026-11-18' });
		expect(lines(w.schedule('2026-11-20'), 'referral-request')).toEqual(['referral-request Jane Doe 2026-11-18..2026-11-20 due']);
		expect(w.schedule('2026-11-20').diagnostics.map((d) => d.message)[0]).toContain('status is rejected but no follow-up log entry says since when, so it counts from 2026-11-18');
		// "the latest wins, and on the same date a log event wins over a key": an offer logged later.
		const later = acme({ status: 'rejected', modified: '2026-11-18', log: ['2026-11-19 offer'] });
		expect(later.schedule('2026-11-20').actions.map((a) => a.kind)).toContain('answer-offer');
	});
});

// ---------------------------------------------------------------------------------------------
// Properties (the fast-check list).

const BUSINESS_KINDS: readonly ActionKind[] = ['status-check', 'ask-timeline', 'reference-alert', 'find-contact', 'referral-request', 'withdraw'];
const PEOPLE = [JANE, JOHN, 'Bob Reed', 'Sam New'];
const day = (n: number): LocalDate => addDays('2026-11-01', n);

const arbSettings = fc.record({
	workWeek: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => [...d].sort()),
	holidays: fc.uniqueArray(fc.integer({ min: 0, max: 120 }).map(day), { maxLength: 25 }),
	cadenceMin: fc.integer({ min: 1, max: 14 }),
	spread: fc.integer({ min: 0, max: 10 }),
	backoffAfter: fc.integer({ min: 1, max: 5 }),
	patienceMax: fc.integer({ min: 7, max: 40 }),
});

function settingsOf(a: { workWeek: number[]; holidays: LocalDate[]; cadenceMin: number; spread: number; backoffAfter: number; patienceMax: number }): Settings {
	return { ...DEFAULT_SETTINGS, workWeek: a.workWeek, holidays: a.holidays, cadenceMin: a.cadenceMin, cadenceMax: a.cadenceMin + a.spread, backoffAfter: a.backoffAfter, patienceMax: a.patienceMax };
}

/** `arb` one time in four, else undefined: most notes name no decision date, no next round, no status. */
function sometimes<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
	return fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
}

const arbInterview = fc.record({
	at: fc.integer({ min: 0, max: 60 }),
	interviewers: fc.subarray(PEOPLE),
	contact: sometimes(fc.constantFrom(...PEOPLE)),
	references: fc.subarray(['Ann Smith', 'Zoe Ref']),
	decision: sometimes(fc.integer({ min: 0, max: 100 })),
	next: sometimes(fc.integer({ min: 0, max: 100 })),
	status: sometimes(fc.constantFrom<Status>('interviewing', 'rejected', 'offer', 'withdrawn')),
	modified: sometimes(fc.integer({ min: 0, max: 100 })),
	log: fc.array(
		fc.tuple(fc.integer({ min: 0, max: 100 }), fc.constantFrom('status-check', 'status-check', 'contact', 'rejected', 'offer', 'hired', 'ask-timeline', 'thank-you')),
		{ maxLength: 6 },
	),
});

type DrawnInterview = typeof arbInterview extends fc.Arbitrary<infer T> ? T : never;

const arbWorld = fc.array(fc.array(arbInterview, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }).map((apps) => {
	const w = world();
	w.person('Zoe Ref', { title: 'Mentor' });
	apps.forEach((ivs, i) =>
		w.application(
			`Co ${i}`,
			'Clerk',
			...ivs.map((iv) =>
				interview(day(iv.at), {
					interviewers: iv.interviewers,
					...(iv.contact === undefined ? {} : { contact: iv.contact }),
					references: iv.references,
					...(iv.decision === undefined ? {} : { decision: day(iv.decision) }),
					...(iv.next === undefined ? {} : { next: day(iv.next) }),
					...(iv.status === undefined ? {} : { status: iv.status }),
					...(iv.modified === undefined ? {} : { modified: day(iv.modified) }),
					log: iv.log.map(([n, kind]) => `${day(n)} ${kind}`),
				}),
			),
		),
	);
	return w;
});

describe('v2 properties', () => {
	it('every `due` of a status-check, ask-timeline, reference-alert, find-contact, referral-request and withdraw is a business day (work week and holidays as set)', () => {
		const seen = new Map<ActionKind, number>();
		fc.assert(
			fc.property(arbWorld, arbSettings, fc.integer({ min: 0, max: 120 }), (w, a, t) => {
				const settings = settingsOf(a);
				const cal = { workWeek: settings.workWeek, holidays: new Set(settings.holidays) };
				for (const x of w.schedule(day(t), settings).actions) {
					if (!BUSINESS_KINDS.includes(x.kind)) continue;
					seen.set(x.kind, (seen.get(x.kind) ?? 0) + 1);
					expect(isBusinessDay(x.due, cal), `${x.kind} due ${x.due}`).toBe(true);
				}
			}),
			{ numRuns: 400 },
		);
		// The worlds drawn do produce each of these kinds, many times.
		for (const kind of BUSINESS_KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(5);
	});

	it('the tool never asks for two contacts closer together than `cadence_min`: checking in on any day the check allows, the next is at least `cadence_min` days later', () => {
		fc.assert(
			fc.property(
				arbSettings,
				fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
				fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 8 }),
				(a, decision, steps) => {
					const settings = settingsOf(a);
					const log: string[] = ['2026-11-02 thank-you'];
					const w = world();
					w.application('Acme', 'Clerk', interview('2026-11-02', { interviewers: [JANE], log, ...(decision === undefined ? {} : { decision: day(decision) }) }));
					const entries = w.apps[0].interviews[0].followUps;
					let last: LocalDate = '2026-11-02';
					for (const [pick, replied] of steps) {
						const c = w.schedule(last, settings).actions.find((x) => x.kind === 'status-check');
						if (c === undefined) return;
						expect(diffDays(last, c.earliest)).toBeGreaterThanOrEqual(settings.cadenceMin);
						// The user checks in on some day between earliest and due (or, late, a little after).
						const on = addDays(c.earliest, pick % (diffDays(c.earliest, c.due) + 3));
						entries.push({ date: on, kind: replied ? 'contact' : 'status-check', person: null, text: null, source: 'frontmatter' });
						last = on;
					}
				},
			),
			{ numRuns: 300 },
		);
	});
});

describe('v2 property: the same notes give the same schedule in every time zone', () => {
	/** An interview note's text from a drawn interview (dates as the user writes them, some with a time). */
	function noteText(company: string, iv: DrawnInterview, timed: boolean): string {
		const lines = ['---', 'type: interview', `company: ${company}`, 'role: Clerk', `interview_date: ${day(iv.at)}${timed ? 'T23:30' : ''}`];
		if (iv.interviewers.length > 0) lines.push(`interviewers: [${iv.interviewers.map((p) => JSON.stringify(p)).join(', ')}]`);
		if (iv.decision !== undefined) lines.push(`decision_date: ${day(iv.decision)}`);
		if (iv.next !== undefined) lines.push(`next_interview: ${day(iv.next)}T00:15`);
		if (iv.status !== undefined) lines.push(`status: ${iv.status}`);
		if (iv.log.length > 0) lines.push('follow_ups:', ...iv.log.map(([n, kind]) => `  - "${day(n)} ${kind}"`));
		return [...lines, '---', ''].join('\n');
	}

	it('TZ=America/Los_Angeles and TZ=Pacific/Kiritimati (26 hours apart) give identical actions, ids and reasons', () => {
		const saved = process.env.TZ;
		try {
			// Node applies a new TZ at once: the two zones really are in force in turn.
			process.env.TZ = 'America/Los_Angeles';
			expect(new Date(2026, 10, 16).getTimezoneOffset()).toBe(480);
			process.env.TZ = 'Pacific/Kiritimati';
			expect(new Date(2026, 10, 16).getTimezoneOffset()).toBe(-840);
			fc.assert(
				fc.property(fc.array(fc.tuple(arbInterview, fc.boolean()), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 120 }), (ivs, t) => {
					const run = (tz: string): string => {
						process.env.TZ = tz;
						const index = new VaultIndex(DEFAULT_SETTINGS);
						ivs.forEach(([iv, timed], i) => index.upsert(`n${i}.md`, noteText(`Co ${i % 2}`, iv, timed)));
						const s = computeSchedule(index, { date: day(t), time: '23:45:00' }, DEFAULT_SETTINGS);
						return JSON.stringify([s.actions, s.snoozed, s.summary, s.diagnostics]);
					};
					expect(run('Pacific/Kiritimati')).toBe(run('America/Los_Angeles'));
				}),
				{ numRuns: 60 },
			);
		} finally {
			if (saved === undefined) delete process.env.TZ;
			else process.env.TZ = saved;
		}
	});
});
