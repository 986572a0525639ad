/**
 * The schedule as the command line and the view see it (shared/spec/cli.md):
 * order, the `note` and `person` fields, the within window, stable ids, the
 * pipeline summary and the diagnostics the rules add.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interview, line, World } from './builders';
import { compareActions, ScheduleBuilder, selectWithin, sortActions } from '../../../src/core/rules';
import { shortHash } from '../../../src/core/hash';
import { SETTINGS_NOTE } from '../../../src/core/settings';
import { endOfDay } from '../../../src/core/dates';
import { addDays } from '../../../src/core/dates';
import { ACTION_KINDS, type Action } from '../../../src/core/types';

function world(): World {
	const w = new World();
	w.person('Jane Doe', { title: 'VP Engineering', email: 'jane@acme.example', topics: ['training for the Boston marathon'] });
	w.person('John Roe', { title: 'Office Manager', topics: ['a paperless office'] });
	w.person('Ann Smith', { title: 'Teller lead' });
	w.person('Bob Reed', { title: 'Recruiter' });
	return w;
}

/** Three applications whose actions exercise every tie-break of the order (today 2026-11-17). */
function pipeline(): World {
	const w = world();
	w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe', 'John Roe'], references: ['Bob Reed'], decision: '2026-12-04' }));
	w.application('Beta Bank', 'Teller', interview('2026-11-16', { interviewers: ['Ann Smith'] }));
	w.application('Zeta Corp', 'Clerk', interview('2026-11-13', { interviewers: ['Zed Zu'] }));
	w.settings.minActive = 4;
	return w;
}

const show = (a: Action): string => `${a.company ?? '-'} ${line(a)}`;

describe('cli.md: order, note, person', () => {
	it('"ordered by `due`, then `earliest`, then kind, company, person name"', () => {
		expect(pipeline().schedule('2026-11-17').actions.map(show)).toEqual([
			// v2: collect-names due the business day after; find-contact (no email or phone) ranks after reference-alert.
			'Zeta Corp collect-names 2026-11-13..2026-11-16 overdue',
			'Zeta Corp find-contact Zed Zu 2026-11-13..2026-11-16 overdue',
			'Zeta Corp ask-timeline Zed Zu 2026-11-13..2026-11-16 overdue',
			'Zeta Corp thank-you Zed Zu 2026-11-13..2026-11-17 due',
			'Acme Finance reference-alert Bob Reed 2026-11-16..2026-11-17 due',
			'Beta Bank find-contact Ann Smith 2026-11-16..2026-11-17 due',
			'Beta Bank ask-timeline Ann Smith 2026-11-16..2026-11-17 due',
			'- keep-looking 2026-11-17..2026-11-17 due',
			'Acme Finance thank-you Jane Doe 2026-11-16..2026-11-18 due',
			'Acme Finance thank-you John Roe 2026-11-16..2026-11-18 due',
			'Beta Bank thank-you Ann Smith 2026-11-16..2026-11-18 due',
			'Zeta Corp status-check Zed Zu 2026-11-20..2026-11-23 upcoming',
			'Beta Bank status-check Ann Smith 2026-11-23..2026-11-26 upcoming',
			'Acme Finance status-check Jane Doe 2026-12-07..2026-12-08 upcoming',
		]);
	});

	it('property: compareActions is a total order: any shuffle of the same actions sorts the same way', () => {
		const name = fc.constantFrom('Acme', 'acme', 'Beta', 'beta bank', 'Zeta', 'Jane Doe', 'jane doe', 'John', 'Ann', 'É', 'é');
		const action: fc.Arbitrary<Action> = fc
			.record({
				due: fc.integer({ min: 0, max: 40 }),
				span: fc.integer({ min: -2, max: 30 }),
				kind: fc.constantFrom(...ACTION_KINDS),
				company: fc.option(name),
				role: fc.option(fc.constantFrom('Clerk', 'clerk', 'Analyst')),
				person: fc.option(name),
				note: fc.option(fc.constantFrom('a.md', 'b.md', 'A.md')),
				id: fc.string({ maxLength: 3 }),
			})
			.map((r) => ({
				id: r.id,
				kind: r.kind,
				state: 'due',
				earliest: addDays('2026-11-01', r.due - r.span),
				due: addDays('2026-11-01', r.due),
				company: r.company,
				role: r.role,
				note: r.note,
				person: r.person === null ? null : { name: r.person, title: null, email: null, phone: null },
				gifts: [],
				reason: '',
				application: null,
			}));
		fc.assert(
			fc.property(fc.array(action, { maxLength: 40 }), fc.func(fc.integer()), (actions, rank) => {
				const shuffled = actions.map((x, i) => ({ x, k: rank(i) })).sort((p, q) => p.k - q.k).map((p) => p.x);
				const once = sortActions(actions);
				expect(sortActions(shuffled)).toEqual(once);
				for (let i = 1; i < once.length; i++) expect(compareActions(once[i - 1], once[i])).toBeLessThanOrEqual(0);
			}),
			{ numRuns: 500 },
		);
	});

	it('"then kind in the order of the rules table": the v2 table, keep-looking last', () => {
		expect(ACTION_KINDS).toEqual([
			'collect-names',
			'thank-you',
			'reference-alert',
			'find-contact',
			'ask-timeline',
			'prepare',
			'status-check',
			'answer-offer',
			'referral-request',
			'withdraw',
			'keep-looking',
		]);
	});

	it('companies equal but for case are ordered by their exact text before any person', () => {
		const a = (company: string, person: string | null): Action => ({
			id: '',
			kind: 'status-check',
			state: 'due',
			earliest: '2026-10-17',
			due: '2026-11-12',
			company,
			role: null,
			note: null,
			person: person === null ? null : { name: person, title: null, email: null, phone: null },
			gifts: [],
			reason: '',
			application: null,
		});
		expect(sortActions([a('acme', null), a('Acme', 'Acme')]).map((x) => x.company)).toEqual(['Acme', 'acme']);
	});

	it('the order does not depend on the order of the applications in the index', () => {
		const w = pipeline();
		const forward = w.schedule('2026-11-17').actions.map((a) => a.id);
		w.apps.reverse();
		expect(w.schedule('2026-11-17').actions.map((a) => a.id)).toEqual(forward);
	});

	it('ScheduleBuilder, one application at a time in any order, gives exactly computeSchedule\'s result', () => {
		const w = pipeline();
		// A rejection without a date and a log naming a stranger: the builder must keep the rules' diagnostics too.
		w.application('Omega', 'Clerk', interview('2026-11-10', { interviewers: ['Jane Doe'], status: 'rejected', log: ['2026-11-12 thank-you: Nobody Known'] }));
		w.application('Snoozed', 'Clerk', interview('2026-11-16', { interviewers: ['John Roe'], snoozed: ['2026-11-30 keep-looking'] }));
		const whole = w.schedule('2026-11-17');
		const builder = new ScheduleBuilder({ applications: () => w.apps, person: (id) => w.getPerson(id) }, endOfDay('2026-11-17'), w.settings);
		for (const app of [...w.apps].reverse()) builder.add(app);
		builder.order();
		builder.order();
		const built = builder.finish();
		expect(built).toEqual(whole);
		expect(built.diagnostics.length).toBeGreaterThan(0);
		// A second finish returns the same result; an application added after it changes nothing.
		builder.add(w.apps[0]);
		expect(builder.finish()).toBe(built);
		expect(built.actions.length).toBe(whole.actions.length);
	});

	it('"`note` is ... the interview\'s note for `collect-names` and `thank-you`, the application\'s most recent note otherwise, `null` for `keep-looking`"', () => {
		const w = world();
		w.application(
			'Acme Finance',
			'Secretary',
			interview('2026-11-09', { path: 'r1.md', interviewers: ['Sam Untitled'], references: ['Ann Smith'] }),
			interview('2026-11-16', { path: 'r2.md', interviewers: ['Jane Doe'] }),
			interview('2026-11-30', { path: 'r3.md' }),
		);
		const notes = w.schedule('2026-11-17').actions.map((a) => `${a.kind} ${a.person?.name ?? '-'} ${a.note}`);
		// v2: the round of the 30th is booked, so prepare (in that round's note) instead of ask-timeline.
		expect(notes.sort()).toEqual([
			'collect-names - r1.md',
			'keep-looking - null',
			'prepare - r3.md',
			'reference-alert Ann Smith r3.md',
			'thank-you Jane Doe r2.md',
			'thank-you Sam Untitled r1.md',
		]);
	});

	it('"`person` is `null` where the kind names nobody; ... absent values inside `person` are `null`"; "`gifts`: the topics recorded for that person, possibly empty"', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Sam Untitled', 'Jane Doe'] }));
		const s = w.schedule('2026-11-16');
		const sam = s.actions.find((a) => a.person?.name === 'Sam Untitled' && a.kind === 'thank-you');
		expect(sam?.person).toEqual({ name: 'Sam Untitled', title: null, email: null, phone: null });
		expect(sam?.gifts).toEqual([]);
		const jane = s.actions.find((a) => a.person?.name === 'Jane Doe' && a.kind === 'thank-you');
		expect(jane?.gifts).toEqual(['training for the Boston marathon']);
		expect(s.actions.find((a) => a.kind === 'collect-names')?.person).toBeNull();
	});

	it('"`actions` holds every action ... whose `earliest` is at most `today + within`" (selectWithin keeps the order)', () => {
		const all = pipeline().schedule('2026-11-17').actions;
		const upcoming = (within: number): string[] => selectWithin(all, '2026-11-17', within).filter((a) => a.state === 'upcoming').map(show);
		expect(selectWithin(all, '2026-11-17', 0)).toEqual(all.filter((a) => a.state !== 'upcoming'));
		expect(upcoming(2)).toEqual([]);
		expect(upcoming(3)).toEqual(['Zeta Corp status-check Zed Zu 2026-11-20..2026-11-23 upcoming']);
		expect(upcoming(7)).toEqual([
			'Zeta Corp status-check Zed Zu 2026-11-20..2026-11-23 upcoming',
			'Beta Bank status-check Ann Smith 2026-11-23..2026-11-26 upcoming',
		]);
		expect(selectWithin(all, '2026-11-17', 20)).toEqual(all);
		expect(selectWithin(all, '2026-11-17', Infinity)).toEqual(all);
	});

	it('every reason is one sentence that cites the advice', () => {
		const w = pipeline();
		w.application('Gone Inc', 'Clerk', interview('2026-11-10', { interviewers: ['Jane Doe'], status: 'rejected', log: ['2026-11-12 rejected'] }));
		const s = w.schedule('2026-11-17');
		// v2 adds find-contact (Zed Zu has no email or phone) to the seven of v1.
		expect(new Set(s.actions.map((a) => a.kind)).size).toBe(8);
		for (const a of s.actions) {
			expect(a.reason, a.kind).toContain('as the career advice says');
			expect(/[.!?]"?\s+[A-Z]/.test(a.reason), a.reason).toBe(false);
			expect(a.reason, a.kind).toMatch(/[.!?]"?$/);
		}
	});
});

describe('Action ids', () => {
	const ids = (w: World, today = '2026-11-17'): Map<string, string> =>
		new Map(w.schedule(today).actions.map((a) => [`${a.company ?? '-'} ${a.kind} ${a.person?.name ?? '-'} ${a.earliest}`, a.id]));

	it('shortHash gives the ids v1 gave (the hash was rewritten plainly; ids in users\' calendars must not change)', () => {
		// Values computed by the v1 implementation (rules/keys.ts before v2).
		expect(shortHash('thank-you', 'acme finance|secretary', 'jane doe', '2026-11-16')).toBe('174b86890819');
		expect(shortHash('status-check', 'acme finance|secretary', '', '2026-11-16')).toBe('183b5629482b');
		expect(shortHash('')).toBe('5db4a501b28c');
	});

	it('shortHash: 12 hex digits; parts hash as if joined by U+001F; different texts differ', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (parts) => {
				const h = shortHash(...parts);
				expect(h).toMatch(/^[0-9a-f]{12}$/);
				expect(shortHash(parts.join('\u001f'))).toBe(h);
			}),
		);
		const seen = new Set<string>();
		for (let i = 0; i < 20000; i++) seen.add(shortHash('acme finance|secretary', 'jane doe', `2026-11-${i}`));
		expect(seen.size).toBe(20000);
	});

	it('are short and readable: the kind, then a 12-digit hash', () => {
		for (const a of pipeline().schedule('2026-11-17').actions) expect(a.id).toMatch(new RegExp(`^${a.kind}-[0-9a-f]{12}$`));
	});

	it('"stable across runs for the same action": two runs over the same notes agree, and ids are unique', () => {
		const first = ids(pipeline());
		expect(ids(pipeline())).toEqual(first);
		expect(new Set(first.values()).size).toBe(first.size);
	});

	it('stay the same across days, and when unrelated notes change', () => {
		const before = ids(pipeline());
		const w = pipeline();
		w.application('New Co', 'Analyst', interview('2026-11-17', { interviewers: ['Jane Doe'] }));
		w.apps[1].interviews[0].followUps.push({ date: '2026-11-17', kind: 'contact', person: null, text: null, source: 'frontmatter' });
		const after = ids(w);
		// Beta's log restarts its status check (a new action); New Co makes keep-looking go; the rest keep their ids.
		for (const [k, id] of before) {
			if (k.startsWith('Beta Bank status-check') || k.startsWith('- keep-looking')) expect(after.has(k), k).toBe(false);
			else expect(after.get(k), k).toBe(id);
		}
		// Two days later the same actions (now in other states) have the same ids.
		// (keep-looking moves with today, and keeps its id too).
		expect([...ids(pipeline(), '2026-11-19').values()].sort()).toEqual([...before.values()].sort());
	});

	it('a status check keeps its id when its due date moves (decision_date edited), and a new cycle is a new action', () => {
		const check = (decision: string | undefined, log: string[] = []): Action => {
			const w = world();
			w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], decision, log }));
			return w.schedule('2026-11-17').actions.find((a) => a.kind === 'status-check') as Action;
		};
		const plain = check(undefined);
		const patient = check('2026-12-18');
		expect(patient.due).not.toBe(plain.due);
		expect(patient.id).toBe(plain.id);
		expect(check(undefined, ['2026-11-17 contact']).id).not.toBe(plain.id);
	});

	it('the same person in two notes of one day: two actions, two ids', () => {
		const w = world();
		w.application(
			'Acme Finance',
			'Secretary',
			interview('2026-11-16T09:00', { path: 'a.md', interviewers: ['Jane Doe'] }),
			interview('2026-11-16T14:00', { path: 'b.md', interviewers: ['Jane Doe'] }),
		);
		const thanks = w.schedule('2026-11-16').actions.filter((a) => a.kind === 'thank-you');
		expect(thanks.map((a) => a.note).sort()).toEqual(['a.md', 'b.md']);
		expect(thanks[0].id).not.toBe(thanks[1].id);
		// The first of the day keeps the id it had alone: adding the second note does not change it.
		const alone = world();
		alone.application('Acme Finance', 'Secretary', interview('2026-11-16T09:00', { path: 'a.md', interviewers: ['Jane Doe'] }));
		const first = alone.schedule('2026-11-16').actions.find((a) => a.kind === 'thank-you');
		expect(thanks.find((a) => a.note === 'a.md')?.id).toBe(first?.id);
	});
});

describe('The same person in two applications', () => {
	it('is thanked in each; a log entry in one application does not complete the other', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], log: ['2026-11-16 thank-you: Jane Doe'] }));
		w.application('Beta Bank', 'Teller', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		const thanks = w.schedule('2026-11-17').actions.filter((a) => a.kind === 'thank-you');
		expect(thanks.map(show)).toEqual(['Beta Bank thank-you Jane Doe 2026-11-16..2026-11-18 due']);
		expect(thanks[0].gifts).toEqual(['training for the Boston marathon']);
	});

	it('gets one action per application with different ids', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		w.application('Beta Bank', 'Teller', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		const thanks = w.schedule('2026-11-17').actions.filter((a) => a.kind === 'thank-you');
		expect(thanks.map((a) => a.application)).toEqual(['acme finance|secretary', 'beta bank|teller']);
		expect(thanks[0].id).not.toBe(thanks[1].id);
	});
});

describe('Pipeline summary', () => {
	function scenario(): World {
		const w = world();
		// v2's find-contact switched off (Ann and Bob have no email or phone): the summary as v1 had it.
		w.settings.kinds = { 'find-contact': false };
		// Only a status check ahead.
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'], decision: '2026-11-20', log: ['2026-11-16 thank-you'] }));
		// A thank-you overdue.
		w.application('Beta Bank', 'Teller', interview('2026-11-16', { interviewers: ['Ann Smith'] }));
		// Waiting for the next round.
		w.application(
			'Gamma Group',
			'Analyst',
			interview('2026-11-16', { interviewers: ['Bob Reed'], next: '2026-11-25', log: ['2026-11-16 thank-you', '2026-11-16 ask-timeline'] }),
		);
		// Withdrawn and at offer: not active (a hire would add withdraw to every other; see rules.test.ts).
		w.application('Delta', 'Clerk', interview('2026-11-02', { interviewers: ['John Roe'], status: 'withdrawn', log: ['2026-11-02 thank-you', '2026-11-03 withdrawn'] }));
		w.application('Omega', 'Clerk', interview(null, { status: 'offer' }));
		// A snoozed thank-you comes back before the status check is due.
		w.application(
			'Eps',
			'Clerk',
			interview('2026-11-19', { interviewers: ['Jane Doe'], decision: '2026-11-21', snoozed: ['2026-11-24 thank-you'] }),
		);
		return w;
	}

	it('"active applications (not terminal, not offer, has a note), each with its next action, or ... the date it next will be"', () => {
		const s = scenario().schedule('2026-11-20');
		expect(
			s.summary.active.map((e) => [e.company, e.status, e.next === null ? null : `${e.next.kind} ${e.next.state}`, e.waitingUntil, e.waitingFor]),
		).toEqual([
			['Beta Bank', 'interviewing', 'ask-timeline overdue', null, null],
			['Acme Finance', 'interviewing', null, '2026-11-23', 'status-check'],
			// v2: the booked round of the 25th is prepared from two business days before it.
			['Gamma Group', 'interviewing', null, '2026-11-23', 'prepare'],
			['Eps', 'interviewing', null, '2026-11-24', 'thank-you'],
		]);
		const gamma = s.summary.active.find((e) => e.company === 'Gamma Group');
		expect([gamma?.lastInterview, gamma?.nextInterview, gamma?.note]).toEqual(['2026-11-16', '2026-11-25', 'Interviews/2026-11-16 Gamma Group Analyst.md']);
		expect(s.summary.minActive).toBe(3);
	});

	it('counts the visible actions by state, and the snoozed ones', () => {
		const s = scenario().schedule('2026-11-20');
		const by = (state: string): number => s.actions.filter((a) => a.state === state).length;
		expect(s.summary.counts).toEqual({ overdue: by('overdue'), due: by('due'), upcoming: by('upcoming'), snoozed: 1 });
		expect(s.summary.counts.overdue).toBe(2); // Beta's thank-you and ask-timeline
		expect(s.summary.counts.snoozed + s.actions.length).toBe(scenario().schedule('2026-11-24').actions.length);
	});

	it('an application with nothing ahead waits for nothing', () => {
		const w = world();
		w.application('Quiet', 'Clerk', interview(null));
		expect(w.schedule('2026-11-20').summary.active).toEqual([
			{
				application: 'quiet|clerk',
				company: 'Quiet',
				role: 'Clerk',
				status: 'interviewing',
				note: 'Interviews/undated Quiet Clerk.md',
				lastInterview: null,
				nextInterview: null,
				next: null,
				waitingUntil: null,
				waitingFor: null,
			},
		]);
	});
});

describe('Diagnostics from the rules', () => {
	it('none for clean notes', () => {
		expect(pipeline().schedule('2026-11-17').diagnostics).toEqual([]);
	});

	it('a log entry naming someone the application does not know marks nothing done, and says so with its line', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { path: 'acme.md', interviewers: ['Jane Doe'] }));
		w.apps[0].interviews[0].followUps.push({ date: '2026-11-17', kind: 'thank-you', person: 'Jnae Doe', text: null, source: 'frontmatter', line: 9 });
		const s = w.schedule('2026-11-17');
		expect(s.actions.filter((a) => a.kind === 'thank-you')).toHaveLength(1);
		expect(s.diagnostics.map((d) => [d.note, d.severity, d.line])).toEqual([['acme.md', 'warning', 9]]);
		expect(s.diagnostics[0].message).toMatch(
			/"2026-11-17 thank-you: Jnae Doe" names Jnae Doe, who is not .*Acme Finance \(Secretary\).*Jane Doe.*check the spelling/,
		);
	});

	it('a snooze naming someone the application does not know hides nothing, and says so', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { path: 'acme.md', interviewers: ['Jane Doe'], snoozed: ['2026-11-30 thank-you: Jane Do'] }));
		const s = w.schedule('2026-11-17');
		expect(s.actions.filter((a) => a.kind === 'thank-you')).toHaveLength(1);
		expect(s.diagnostics.map((d) => [d.note, d.severity])).toEqual([['acme.md', 'warning']]);
		expect(s.diagnostics[0].message).toContain('hides nothing');
	});

	it('v2 "a status event in the log sets the status": no note needs a `status` key, and nothing is pointed out', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { path: 'acme.md', interviewers: ['Jane Doe'], log: ['2026-11-20 rejected'] }));
		const s = w.schedule('2026-11-21');
		expect(s.diagnostics).toEqual([]);
		expect(s.actions.filter((a) => a.company !== null).map(line)).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 overdue',
			'referral-request Jane Doe 2026-11-20..2026-11-24 due',
		]);
	});

	it('bad settings fall back to the defaults with a warning, never a crash or an endless loop', () => {
		const w = world();
		w.application('Acme Finance', 'Secretary', interview('2026-11-16', { interviewers: ['Jane Doe'] }));
		const s = w.schedule('2026-11-16', {
			thankYouBusinessDays: -1,
			cadenceMin: 12,
			cadenceMax: 8,
			workWeek: [9],
			holidays: ['someday', '2026-11-17'],
		});
		expect(s.actions.filter((a) => a.kind !== 'keep-looking').map(line)).toEqual([
			'ask-timeline Jane Doe 2026-11-16..2026-11-18 due', // 1 business day, the 17th a holiday
			'thank-you Jane Doe 2026-11-16..2026-11-19 due', // the default 2 business days
			// v2: 12 days after the interview is Saturday the 28th, rolled forward to Monday.
			'status-check Jane Doe 2026-11-30..2026-11-30 upcoming',
		]);
		expect(s.diagnostics.every((d) => d.note === SETTINGS_NOTE && d.severity === 'warning')).toBe(true);
		expect(s.diagnostics.map((d) => d.message.split(':')[0]).sort()).toEqual([
			'cadenceMax (8) is below cadenceMin (12); using 12 for both',
			'holidays',
			'thankYouBusinessDays',
			'workWeek',
			'workWeek names no weekday; using Monday to Friday',
		]);
	});
});
