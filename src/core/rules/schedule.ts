/**
 * The follow-up rules (shared/spec/follow-up-rules.md v2): from the index and
 * a moment, every action the user should take.
 */
import { addBusinessDays, addDays, diffDays, rollForward, type LocalDate, type LocalInstant, type WorkCalendar } from '../dates';
import { kindEnabled, SETTINGS_NOTE, validateSettings } from '../settings';
import type { Action, ActionKind, ActionPerson, Application, Diagnostic, LogEntry, LogKind, Settings } from '../types';
import { compareStrings } from '../vaultIndex';
import { applicationFacts, applicationPeople, firstHire, type ApplicationFacts, type NotedSnooze } from './facts';
import { actionId } from './ids';
import type { ClosedAction, PipelineEntry, PipelineSummary, Schedule, ScheduleInput, SnoozedAction } from './model';
import { actionState, compareActions } from './order';
import { keepLookingReason, movedBecause, Reasons, undatedStatus } from './reasons';

/** Kinds with one action per person; the others have one per application (their person may change). */
const PER_PERSON: ReadonlySet<ActionKind> = new Set<ActionKind>(['thank-you', 'reference-alert']);

/** Log kinds whose entries must name someone the application knows to count for anyone. */
const NAMED_LOG_KINDS: readonly LogKind[] = ['thank-you', 'reference-alert', 'ask-timeline', 'referral-request', 'answer-offer', 'withdraw'];

/** "Once an application is hired, every other application gets only thank-you, collect-names and withdraw." */
const AFTER_HIRE: ReadonlySet<ActionKind> = new Set<ActionKind>(['thank-you', 'collect-names', 'withdraw']);

/** An action worked out, before the whole pipeline is known (a hire elsewhere, the kinds switched off, snoozes). */
interface Candidate {
	f: ApplicationFacts | null;
	kind: ActionKind;
	earliest: LocalDate;
	due: LocalDate;
	personId: string | null;
	note: string | null;
	/** What makes the action itself: the date it counts from (with a person for per-person kinds, it is the id). */
	anchor: string;
	reason: string;
}

/**
 * Every action not done and not snoozed as of `now`, sorted as cli.md says,
 * with a summary of the pipeline and the diagnostics the rules found.
 * `now` is a moment on the user's clock; for a date alone (the CLI's
 * `--today`) pass `endOfDay(date)`.
 */
export function computeSchedule(input: ScheduleInput, now: LocalInstant, settings: Settings): Schedule {
	const builder = new ScheduleBuilder(input, now, settings);
	for (const app of input.applications()) builder.add(app);
	return builder.finish();
}

/**
 * `computeSchedule` one application at a time, for a caller that must not
 * hold its thread for long (the plugin yields between applications): `add`
 * each application of `input` once, in any order, then `finish` once. The
 * result equals `computeSchedule`'s.
 */
export class ScheduleBuilder {
	private readonly rules: Rules;
	private readonly facts: ApplicationFacts[] = [];
	private readonly candidates: Candidate[] = [];
	private readonly diagnostics: Diagnostic[] = [];
	private actions: Action[] = [];
	private snoozed: SnoozedAction[] = [];
	private result: Schedule | null = null;
	private ordered = false;

	constructor(input: ScheduleInput, now: LocalInstant, settings: Settings) {
		const { settings: clean, problems } = validateSettings(settings);
		for (const message of problems) this.diagnostics.push({ note: SETTINGS_NOTE, severity: 'warning', message });
		this.rules = new Rules(input, now, clean);
	}

	/** Works out the actions of one application (ignored once `order` or `finish` has run). */
	add(app: Application): void {
		if (this.ordered) return;
		const f = applicationFacts(app, this.rules.now);
		if (f === null) return;
		this.facts.push(f);
		this.rules.application(f, this.candidates);
		checkLog(f, this.rules, this.diagnostics);
	}

	/**
	 * What needs the whole pipeline (a hire, keep-looking), the kinds switched
	 * off, the snoozes, and the order: the first half of `finish`, for a caller
	 * that yields between the two. After it, `add` is ignored.
	 */
	order(): void {
		if (this.ordered) return;
		this.ordered = true;
		const r = this.rules;
		let all = this.candidates;
		const hired = firstHire(this.facts);
		if (hired !== undefined) {
			all = all.filter((c) => c.f === hired || c.f === null || AFTER_HIRE.has(c.kind));
			for (const f of this.facts) if (f !== hired) r.withdraw(f, hired, all);
		}
		const active = this.facts.filter((f) => f.active).length;
		// keep-looking: "when at least one application exists, none is hired, and fewer than min_active are active".
		if (this.facts.length > 0 && hired === undefined && active < r.settings.minActive) {
			all.push({
				f: null,
				kind: 'keep-looking',
				earliest: r.today,
				due: r.today,
				personId: null,
				note: null,
				anchor: '',
				reason: keepLookingReason(active, r.settings.minActive),
			});
		}
		const keepLookingSnoozes = this.facts.flatMap((f) => f.snoozes.filter((s) => s.snooze.kind === 'keep-looking'));
		for (const c of all) {
			if (!kindEnabled(r.settings, c.kind)) continue;
			const action = r.action(c);
			const until = snoozedUntil(c.f === null ? keepLookingSnoozes : c.f.snoozes, c, r.today);
			if (until === null) this.actions.push(action);
			else this.snoozed.push({ action, until });
		}
		this.actions.sort(compareActions);
	}

	/** The order, the summary; the same object on a second call. */
	finish(): Schedule {
		if (this.result !== null) return this.result;
		this.order();
		const minActive = this.rules.settings.minActive;
		this.result = {
			today: this.rules.today,
			actions: this.actions,
			snoozed: this.snoozed,
			summary: summarise(this.facts, this.actions, this.snoozed, minActive),
			closed: this.rules.closed,
			// By application id, whatever order the applications were added in.
			facts: this.facts.sort((a, b) => compareStrings(a.app.id, b.app.id)),
			diagnostics: this.diagnostics,
		};
		return this.result;
	}
}

/** The latest snooze date hiding this action today: a snooze of its kind, for its person or for everyone, not yet over. */
function snoozedUntil(snoozes: readonly NotedSnooze[], c: Candidate, today: LocalDate): LocalDate | null {
	let until: LocalDate | null = null;
	for (const sn of snoozes) {
		if (sn.snooze.kind !== c.kind || today >= sn.snooze.until) continue;
		if (sn.personId !== null && sn.personId !== c.personId) continue;
		if (until === null || sn.snooze.until > until) until = sn.snooze.until;
	}
	return until;
}

/** The rules table, row by row, with the settings and the index at hand. */
class Rules {
	readonly today: LocalDate;
	readonly cal: WorkCalendar;
	readonly why: Reasons;
	/** The actions log entries closed (Schedule.closed). */
	readonly closed: ClosedAction[] = [];

	constructor(
		private readonly input: ScheduleInput,
		readonly now: LocalInstant,
		readonly settings: Settings,
	) {
		this.today = now.date;
		this.cal = { workWeek: settings.workWeek, holidays: new Set(settings.holidays) };
		this.why = new Reasons(settings);
	}

	/** D + n business days (n < 0: before D). */
	bd(date: LocalDate, n: number): LocalDate {
		return addBusinessDays(date, n, this.cal);
	}

	roll(date: LocalDate): LocalDate {
		return rollForward(date, this.cal);
	}

	name(id: string): string {
		return this.input.person(id)?.name ?? id;
	}

	/**
	 * "Done": a log entry of the action's kind, dated on or after `from` (any
	 * date when null), in any note of the application, naming the action's
	 * person or nobody; an action naming nobody is done by any entry of its
	 * kind. The action closed (with its window) goes to `closed`, for the figures.
	 */
	done(
		f: ApplicationFacts,
		kind: ActionKind & LogKind,
		from: LocalDate | null,
		person: string | null,
		window: { earliest: LocalDate; due: LocalDate },
	): boolean {
		const e = f.log.find(
			(x) => x.entry.kind === kind && (from === null || x.entry.date >= from) && (person === null || x.personId === null || x.personId === person),
		);
		if (e === undefined) return false;
		this.closed.push({ application: f.app.id, kind, earliest: window.earliest, due: window.due, entry: e.entry });
		return true;
	}

	action(c: Candidate): Action {
		const who = c.personId === null ? null : this.input.person(c.personId);
		const person: ActionPerson | null =
			c.personId === null
				? null
				: { name: who?.name ?? c.personId, title: who?.title ?? null, email: who?.email ?? null, phone: who?.phone ?? null };
		const appId = c.f === null ? '' : c.f.app.id;
		return {
			id: actionId(c.kind, appId, PER_PERSON.has(c.kind) ? (c.personId ?? '') : '', c.anchor),
			kind: c.kind,
			state: actionState(c.earliest, c.due, this.today),
			earliest: c.earliest,
			due: c.due,
			company: c.f === null ? null : c.f.app.company,
			role: c.f === null ? null : c.f.app.role,
			note: c.note,
			person,
			gifts: who == null ? [] : [...who.topics],
			reason: c.reason,
			application: c.f === null ? null : c.f.app.id,
		};
	}

	/** Every action of one application that needs only its own facts. */
	application(f: ApplicationFacts, out: Candidate[]): void {
		const s = this.settings;
		const recent = f.mostRecent.path;
		const push = (kind: ActionKind, earliest: LocalDate, due: LocalDate, personId: string | null, note: string, anchor: string, reason: string): void => {
			out.push({ f, kind, earliest, due, personId, note, anchor, reason });
		};

		let previous = '';
		let sameDay = 0;
		for (const iv of f.happened) {
			const d = iv.date === null ? '' : iv.date.date;
			// Anchor: the interview date; a second note of the same day (in note order) is `D#2`, and so on,
			// so that the same person met twice that day has two thank-yous with two ids.
			sameDay = d === previous ? sameDay + 1 : 1;
			previous = d;
			const anchor = sameDay === 1 ? d : `${d}#${sameDay}`;

			// collect-names: no interviewer, or one whose title no note or person note gives (the merged person).
			const noInterviewer = iv.interviewers.length === 0;
			const untitled = iv.interviewers.some((id) => (this.input.person(id)?.title ?? null) === null);
			const namesDue = this.bd(d, 1);
			if ((noInterviewer || untitled) && !this.done(f, 'collect-names', d, null, { earliest: d, due: namesDue })) {
				push('collect-names', d, namesDue, null, iv.path, anchor, this.why.collectNames(noInterviewer, namesDue));
			}

			// thank-you: each interviewer, whatever the status; earliest D, due D + 2 business days.
			const due = this.bd(d, s.thankYouBusinessDays);
			for (const person of new Set(iv.interviewers)) {
				if (this.done(f, 'thank-you', d, person, { earliest: d, due })) continue;
				push('thank-you', d, due, person, iv.path, anchor, this.why.thankYou(due));
			}
		}

		closedStatusChecks(f, s, this.closed);

		// prepare: each scheduled round of an active application; from 2 business days before it, due on its day.
		if (f.active) {
			for (const round of f.rounds) {
				// "a prepare entry counts from the day after the interview before the round".
				const before = f.notes.filter((iv) => iv.date !== null && iv.date.date < round.date).pop();
				const from = before?.date ? addDays(before.date.date, 1) : null;
				const earliest = this.bd(round.date, -2);
				if (this.done(f, 'prepare', from, null, { earliest, due: round.date })) continue;
				push('prepare', earliest, round.date, null, round.note, round.date, this.why.prepare(earliest, round.date));
			}
		}

		// Terminal applications and those at offer get no reference-alert, find-contact, ask-timeline or
		// status-check (what their log closed earlier is still worked out, for the figures).
		if (f.first !== null && f.latest !== null) {
			const first = f.first.date?.date ?? '';
			const latest = f.latest.date?.date ?? '';

			// reference-alert: each reference once, from the first interview or the note naming them, if later;
			// an entry of any date counts (references are often alerted before the interview).
			const seen = new Set<string>();
			for (const iv of f.notes) {
				for (const person of iv.references) {
					if (seen.has(person)) continue;
					seen.add(person);
					const named = iv.date?.date ?? first;
					const earliest = named > first ? named : first;
					const due = this.bd(earliest, s.referenceAlertBusinessDays);
					if (this.done(f, 'reference-alert', null, person, { earliest, due }) || !f.active) continue;
					push('reference-alert', earliest, due, person, recent, '', this.why.referenceAlert(due, earliest !== first));
				}
			}

			// find-contact: no contact, or one with neither an email nor a phone.
			const contact = f.contact === null ? undefined : this.input.person(f.contact);
			const reachable = contact !== undefined && (contact.email !== null || contact.phone !== null);
			const contactDue = this.bd(first, 1);
			if (!reachable && f.active && !this.done(f, 'find-contact', first, f.contact, { earliest: first, due: contactDue })) {
				push('find-contact', first, contactDue, f.contact, recent, '', this.why.findContact(contactDue, f.contact !== null));
			}

			// ask-timeline: no decision_date and no scheduled round.
			const askDue = this.bd(latest, s.askTimelineBusinessDays);
			if (!this.done(f, 'ask-timeline', latest, f.contact, { earliest: latest, due: askDue }) && f.active && f.decisionDate === null && f.rounds.length === 0) {
				push('ask-timeline', latest, askDue, f.contact, recent, latest, this.why.askTimeline(askDue));
			}

			// status-check: none while a round is scheduled (prepare stands in for it).
			if (f.active && f.rounds.length === 0) this.statusCheck(f, latest, out);
		}

		// answer-offer: with a deadline, the two business days before it; without, two after the offer.
		if (f.status === 'offer' && f.statusDate !== null) {
			const deadline = f.offerDeadline;
			const earliest = deadline !== null ? this.bd(deadline, -2) : f.statusDate;
			const due = deadline ?? this.bd(earliest, 2);
			if (!this.done(f, 'answer-offer', earliest, f.contact, { earliest, due })) {
				const undated = f.statusDated ? '' : ` (${undatedStatus('offer').slice(2)})`;
				push('answer-offer', earliest, due, f.contact, recent, '', this.why.answerOffer(deadline, earliest, due, undated));
			}
		}

		// referral-request: rejected after an interview; from the status date.
		if (f.status === 'rejected' && f.first !== null && f.statusDate !== null) {
			const earliest = f.statusDate;
			const due = this.bd(earliest, s.referralBusinessDays);
			if (!this.done(f, 'referral-request', earliest, f.contact, { earliest, due })) {
				push('referral-request', earliest, due, f.contact, recent, '', this.why.referralRequest(earliest, due, f.statusDated ? '' : undatedStatus('rejected')));
			}
		}
	}

	/** The status-check schedule (follow-up-rules.md, "The status-check schedule"). */
	private statusCheck(f: ApplicationFacts, latest: LocalDate, out: Candidate[]): void {
		const s = this.settings;
		// B: D, or the latest status-check or contact entry L when L >= D.
		let last: LocalDate | null = null;
		let lastKind: 'contact' | 'check' = 'check';
		// Silent checks: status-check entries after the latest contact entry or the interview.
		let replied = latest;
		for (const { entry } of f.log) {
			if (entry.kind !== 'status-check' && entry.kind !== 'contact') continue;
			if (entry.date < latest) continue;
			if (last === null || entry.date > last || (entry.date === last && entry.kind === 'contact')) {
				last = entry.date;
				lastKind = entry.kind === 'contact' ? 'contact' : 'check';
			}
			if (entry.kind === 'contact' && entry.date > replied) replied = entry.date;
		}
		const silent = f.log.filter((e) => e.entry.kind === 'status-check' && e.entry.date > replied).length;
		const from = last ?? latest;
		const backedOff = silent >= s.backoffAfter;
		const factor = backedOff ? 2 : 1;
		const min = s.cadenceMin * factor;
		const max = s.cadenceMax * factor;
		const countedEarliest = addDays(from, min);
		const countedDue = addDays(from, max);
		let earliest = this.roll(countedEarliest);
		let due = this.roll(countedDue);
		let reason = this.why.statusCheck({
			since: last === null ? 'interview' : lastKind,
			from,
			min,
			max,
			silent,
			backedOff,
			earliestMoved: movedBecause(countedEarliest, earliest, this.cal),
			dueMoved: movedBecause(countedDue, due, this.cal),
		});
		const decision = f.decisionDate;
		if (decision !== null && decision >= earliest) {
			if (diffDays(from, decision) > s.patienceMax) {
				// "never silent for long": the doubled cadence, not the far decision date.
				const e2 = addDays(from, 2 * s.cadenceMin);
				const d2 = addDays(from, 2 * s.cadenceMax);
				earliest = this.roll(e2);
				due = this.roll(d2);
				const moved = [movedBecause(e2, earliest, this.cal), movedBecause(d2, due, this.cal)].filter((m) => m !== '').join('; ');
				reason = this.why.statusCheckNotWaiting(decision, from, 2 * s.cadenceMin, 2 * s.cadenceMax, moved);
			} else {
				// "Be patient": the business day after the decision date, due the one after.
				earliest = this.bd(decision, 1);
				due = this.bd(decision, 2);
				reason = this.why.statusCheckPatient(decision, earliest);
			}
		}
		// No "done" test: a status-check entry on or after earliest would itself be a later L.
		out.push({ f, kind: 'status-check', earliest, due, personId: f.contact, note: f.mostRecent.path, anchor: from, reason });
	}

	/** withdraw: once `hired` is hired, each other application that is active or at offer. */
	withdraw(f: ApplicationFacts, hired: ApplicationFacts, out: Candidate[]): void {
		if (!(f.active || f.status === 'offer') || hired.statusDate === null) return;
		const earliest = hired.statusDate;
		const due = this.bd(earliest, 2);
		if (this.done(f, 'withdraw', earliest, f.contact, { earliest, due })) return;
		const at = hired.app.role === null ? hired.app.company : `${hired.app.company} (${hired.app.role})`;
		out.push({ f, kind: 'withdraw', earliest, due, personId: f.contact, note: f.mostRecent.path, anchor: '', reason: this.why.withdraw(at, earliest, due) });
	}
}

/**
 * The status checks the log closed, whatever the status is now: each
 * `status-check` entry closes the check counted from the interview, contact
 * or check before it (B + cadence_min to B + cadence_max, as first counted).
 */
function closedStatusChecks(f: ApplicationFacts, s: Settings, closed: ClosedAction[]): void {
	if (!f.log.some((e) => e.entry.kind === 'status-check')) return;
	const events: { date: LocalDate; check: LogEntry | null }[] = [];
	for (const iv of f.happened) if (iv.date !== null) events.push({ date: iv.date.date, check: null });
	for (const e of f.log) {
		if (e.entry.kind === 'status-check') events.push({ date: e.entry.date, check: e.entry });
		else if (e.entry.kind === 'contact') events.push({ date: e.entry.date, check: null });
	}
	// On one day an interview or a contact comes before the check it starts the count for.
	events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.check === null ? 0 : 1) - (b.check === null ? 0 : 1)));
	let from: LocalDate | null = null;
	for (const ev of events) {
		if (ev.check !== null && from !== null) {
			closed.push({ application: f.app.id, kind: 'status-check', earliest: addDays(from, s.cadenceMin), due: addDays(from, s.cadenceMax), entry: ev.check });
		}
		from = ev.date;
	}
}

/** Is `id` an interviewer, reference or contact named by a note of the application? */
function isKnown(f: ApplicationFacts, id: string): boolean {
	return f.notes.some((iv) => iv.contact === id || iv.interviewers.includes(id) || iv.references.includes(id));
}

/** Everyone the application's notes name, by display name, for a message. */
function knownPeople(f: ApplicationFacts, r: Rules): string {
	return applicationPeople(f.notes).map((id) => r.name(id)).join(', ') || 'nobody yet';
}

/** "Jane Doe or Jane Roe", for a short name that fits several people. */
function either(ids: readonly string[], r: Rules): string {
	const names = ids.map((id) => r.name(id));
	return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function applicationLabel(f: ApplicationFacts): string {
	return f.app.role === null ? f.app.company : `${f.app.company} (${f.app.role})`;
}

/** Warnings for what in the log would otherwise fail silently, and for a status no log event dates. */
function checkLog(f: ApplicationFacts, r: Rules, diagnostics: Diagnostic[]): void {
	for (const kind of NAMED_LOG_KINDS) {
		for (const e of f.log) {
			if (e.entry.kind !== kind || e.personId === null || isKnown(f, e.personId)) continue;
			const shown = `${e.entry.date} ${e.entry.kind}: ${e.entry.person ?? ''}`;
			if (e.several !== undefined) {
				diagnostics.push({
					note: e.note,
					severity: 'warning',
					message: `follow-up "${shown}" could name ${either(e.several, r)}, so it marks nothing done; write the full name`,
					...(e.entry.line === undefined ? {} : { line: e.entry.line }),
				});
				continue;
			}
			diagnostics.push({
				note: e.note,
				severity: 'warning',
				message:
					`follow-up "${shown}" names ${e.entry.person ?? ''}, who is not an interviewer, reference or contact of ${applicationLabel(f)} ` +
					`(the notes name: ${knownPeople(f, r)}), so it marks nothing done; check the spelling, or add the person to the note`,
				...(e.entry.line === undefined ? {} : { line: e.entry.line }),
			});
		}
	}
	for (const sn of f.snoozes) {
		if (sn.personId === null || sn.snooze.kind === 'keep-looking' || isKnown(f, sn.personId)) continue;
		if (sn.several !== undefined) {
			diagnostics.push({
				note: sn.note,
				severity: 'warning',
				message: `snoozed "${sn.snooze.until} ${sn.snooze.kind}: ${sn.snooze.person ?? ''}" could name ${either(sn.several, r)}, so it hides nothing; write the full name`,
				...(sn.snooze.line === undefined ? {} : { line: sn.snooze.line }),
			});
			continue;
		}
		diagnostics.push({
			note: sn.note,
			severity: 'warning',
			message:
				`snoozed "${sn.snooze.until} ${sn.snooze.kind}: ${sn.snooze.person ?? ''}" names someone who is not an interviewer, ` +
				`reference or contact of ${applicationLabel(f)} (the notes name: ${knownPeople(f, r)}), so it hides nothing; check the spelling`,
			...(sn.snooze.line === undefined ? {} : { line: sn.snooze.line }),
		});
	}
	// "An undated status gets a warning on that note suggesting the entry (`YYYY-MM-DD rejected`)."
	if (f.statusSource.kind === 'key' && !f.statusDated && f.status !== 'closed' && f.statusDate !== null) {
		diagnostics.push({
			note: f.statusSource.note.path,
			severity: 'warning',
			message:
				`status is ${f.status} but no follow-up log entry says since when, so it counts from ${f.statusDate} ` +
				`(the day this note last changed, and it moves when the note changes); ` +
				`add "YYYY-MM-DD ${f.status}" (the day you heard) to follow_ups to date it`,
		});
	}
}

/** What the summary gathers of one active application while walking the sorted actions. */
interface Tally {
	facts: ApplicationFacts;
	/** The first action due or overdue, in the order of the list, and its place there. */
	next: Action | null;
	rank: number;
	/** The earliest `earliest` of an upcoming action, and its kind. */
	upcoming: LocalDate | null;
	upcomingKind: ActionKind | null;
}

function compareLower(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x === y ? 0 : x < y ? -1 : 1;
}

/** `actions` must be sorted (compareActions): an application's next action is then its first one due. */
function summarise(
	facts: readonly ApplicationFacts[],
	actions: readonly Action[],
	snoozed: readonly SnoozedAction[],
	minActive: number,
): PipelineSummary {
	const counts = { overdue: 0, due: 0, upcoming: 0, snoozed: snoozed.length };
	const tallies = new Map<string, Tally>();
	for (const f of facts) {
		if (f.active) tallies.set(f.app.id, { facts: f, next: null, rank: 0, upcoming: null, upcomingKind: null });
	}
	for (let i = 0; i < actions.length; i++) {
		const a = actions[i];
		counts[a.state] += 1;
		if (a.application === null) continue;
		const t = tallies.get(a.application);
		if (t === undefined) continue;
		if (a.state !== 'upcoming') {
			if (t.next === null) {
				t.next = a;
				t.rank = i;
			}
		} else if (t.upcoming === null || a.earliest < t.upcoming) {
			t.upcoming = a.earliest;
			t.upcomingKind = a.kind;
		}
	}
	const backFromSnooze = new Map<string, { date: LocalDate; kind: ActionKind }>();
	for (const s of snoozed) {
		if (s.action.application === null) continue;
		const date = s.until > s.action.earliest ? s.until : s.action.earliest;
		const prev = backFromSnooze.get(s.action.application);
		if (prev === undefined || date < prev.date) backFromSnooze.set(s.action.application, { date, kind: s.action.kind });
	}

	const withNext: Tally[] = [];
	const waiting: PipelineEntry[] = [];
	for (const t of tallies.values()) {
		if (t.next !== null) {
			withNext.push(t);
			continue;
		}
		const f = t.facts;
		// While nothing is due: the first of an upcoming action, the end of a snooze, a scheduled interview.
		let waitingUntil: LocalDate | null = t.upcoming;
		let waitingFor: ActionKind | 'interview' | null = t.upcomingKind;
		const back = backFromSnooze.get(f.app.id);
		if (back !== undefined && (waitingUntil === null || back.date < waitingUntil)) {
			waitingUntil = back.date;
			waitingFor = back.kind;
		}
		if (f.scheduled !== null && (waitingUntil === null || f.scheduled < waitingUntil)) {
			waitingUntil = f.scheduled;
			waitingFor = 'interview';
		}
		waiting.push(entry(f, null, waitingUntil, waitingFor));
	}
	// The actions are in list order, so comparing places is comparing the actions.
	withNext.sort((a, b) => a.rank - b.rank);
	waiting.sort((a, b) => {
		const wa = a.waitingUntil ?? '\uffff';
		const wb = b.waitingUntil ?? '\uffff';
		if (wa !== wb) return wa < wb ? -1 : 1;
		return (
			compareLower(a.company, b.company) ||
			compareLower(a.role ?? '', b.role ?? '') ||
			(a.application < b.application ? -1 : a.application > b.application ? 1 : 0)
		);
	});
	const active: PipelineEntry[] = [];
	for (const t of withNext) active.push(entry(t.facts, t.next, null, null));
	for (const e of waiting) active.push(e);
	return { active, counts, minActive };
}

function entry(
	f: ApplicationFacts,
	next: Action | null,
	waitingUntil: LocalDate | null,
	waitingFor: ActionKind | 'interview' | null,
): PipelineEntry {
	return {
		application: f.app.id,
		company: f.app.company,
		role: f.app.role,
		status: f.status,
		note: f.mostRecent.path,
		lastInterview: f.latest?.date?.date ?? null,
		nextInterview: f.scheduled,
		next,
		waitingUntil,
		waitingFor,
	};
}
