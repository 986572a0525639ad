/**
 * The follow-up rules (shared/spec/follow-up-rules.md): from the index and a
 * moment, every action the user should take.
 */
import { addBusinessDays, addDays, type LocalDate, type LocalInstant } from '../dates';
import type { Action, ActionKind, ActionPerson, Application, Diagnostic, LogEntry, LogKind, Settings } from '../types';
import { applicationFacts, type ApplicationFacts, type NotedSnooze } from './facts';
import { hashPrefix, personKeyOf, shortHashAfter, type HashPrefix } from './keys';
import type { ClosedAction, PipelineEntry, PipelineSummary, Schedule, ScheduleInput, SnoozedAction } from './model';
import { actionState, sortInPlace } from './order';
import { keepLookingReason, reasons, type Reasons } from './reasons';
import { ruleSettings, type RuleSettings } from './settings';

/** Kinds with one action per person; the others have one per application (their person may change). */
const PER_PERSON: ReadonlySet<ActionKind> = new Set<ActionKind>(['thank-you', 'reference-alert']);

/** Log kinds whose entries must name someone the application knows to count for anyone. */
const NAMED_LOG_KINDS: ReadonlySet<LogKind> = new Set<LogKind>([
	'thank-you',
	'reference-alert',
	'ask-timeline',
	'referral-request',
]);

const STATUS_EVENTS: readonly LogKind[] = ['offer', 'hired', 'rejected', 'withdrawn'];

/**
 * Every action not done and not snoozed as of `now`, sorted as cli.md says,
 * with a summary of the pipeline and the diagnostics the rules found.
 * `now` is a moment on the user's clock; for a date alone (the CLI's
 * `--today`) pass `endOfDay(date)`.
 *
 * Treat the result as read-only: the `person` and `gifts` of the actions
 * naming one person are shared between those actions (and `gifts` with the
 * index).
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
	private readonly s: Scheduler;
	private readonly facts: ApplicationFacts[] = [];
	private activeCount = 0;
	private result: Schedule | null = null;
	private ordered = false;

	constructor(input: ScheduleInput, now: LocalInstant, settings: Settings) {
		const { rules, diagnostics } = ruleSettings(settings);
		this.s = new Scheduler(input, now, rules, diagnostics);
	}

	/** Works out the actions of one application (ignored once `order` or `finish` has run). */
	add(app: Application): void {
		if (this.ordered) return;
		const s = this.s;
		const f = applicationFacts(app, s.now, s.keyOf);
		if (f === null) return;
		this.facts.push(f);
		if (f.active) this.activeCount++;
		for (let i = 0; i < f.snoozes.length; i++) if (f.snoozes[i].snooze.kind === 'keep-looking') s.keepLookingSnoozes.push(f.snoozes[i]);
		applicationActions(f, s);
		checkLog(f, s);
	}

	/**
	 * Adds the keep-looking action and puts the actions in order: the first
	 * half of `finish`, for a caller that yields between the two. After it,
	 * `add` is ignored.
	 */
	order(): void {
		if (this.ordered) return;
		this.ordered = true;
		const s = this.s;
		const { minActive } = s.rules;
		// keep-looking: "the whole pipeline, when fewer than min_active applications ... are neither terminal nor at offer".
		if (this.activeCount < minActive) {
			s.add(null, 'keep-looking', s.today, s.today, null, null, '', keepLookingReason(this.activeCount, minActive));
		}
		sortInPlace(s.actions);
	}

	/** The keep-looking action, the order, the summary; the same object on a second call. */
	finish(): Schedule {
		if (this.result !== null) return this.result;
		this.order();
		const s = this.s;
		const { minActive } = s.rules;
		this.result = {
			today: s.today,
			actions: s.actions,
			snoozed: s.snoozed,
			summary: summarise(this.facts, s.actions, s.snoozed, minActive),
			closed: s.closed,
			diagnostics: s.diagnostics,
		};
		return this.result;
	}
}

/** One computation: the settings, caches, and the actions collected so far. */
class Scheduler {
	readonly today: LocalDate;
	readonly actions: Action[] = [];
	readonly snoozed: SnoozedAction[] = [];
	readonly closed: ClosedAction[] = [];
	/** `keep-looking` snoozes, from any note. */
	readonly keepLookingSnoozes: NotedSnooze[] = [];
	/** D + n business days and D + n days, memoised per n (applications share dates). */
	private readonly businessCache = new Map<number, Map<LocalDate, LocalDate>>();
	private readonly dayCache = new Map<number, Map<LocalDate, LocalDate>>();
	private readonly people = new Map<string, { person: ActionPerson; gifts: string[] }>();
	/** The reason sentences, built once. */
	readonly why: Reasons;

	private readonly keys = new Map<string, string>();
	/** The id hash after (kind, application id), for the application whose actions are being added. */
	private prefixApp: string | null = null;
	private readonly prefixes = new Map<ActionKind, HashPrefix>();

	constructor(
		private readonly input: ScheduleInput,
		readonly now: LocalInstant,
		readonly rules: RuleSettings,
		readonly diagnostics: Diagnostic[],
	) {
		this.today = now.date;
		this.why = reasons(rules);
	}

	/** A name's person id (personKeyOf), remembered: logs name the same people again and again. */
	readonly keyOf = (name: string): string => {
		let k = this.keys.get(name);
		if (k === undefined) this.keys.set(name, (k = personKeyOf(name)));
		return k;
	};

	/** A person's display name from the index. */
	name(id: string): string {
		return this.input.person(id)?.name ?? id;
	}

	/** D + n business days. */
	bd(date: LocalDate, n: number): LocalDate {
		const byDate = this.memoFor(this.businessCache, n);
		let r = byDate.get(date);
		if (r === undefined) byDate.set(date, (r = addBusinessDays(date, n, this.rules.calendar)));
		return r;
	}

	/** D + n calendar days. */
	plus(date: LocalDate, n: number): LocalDate {
		const byDate = this.memoFor(this.dayCache, n);
		let r = byDate.get(date);
		if (r === undefined) byDate.set(date, (r = addDays(date, n)));
		return r;
	}

	private memoFor(cache: Map<number, Map<LocalDate, LocalDate>>, n: number): Map<LocalDate, LocalDate> {
		let byDate = cache.get(n);
		if (byDate === undefined) cache.set(n, (byDate = new Map<LocalDate, LocalDate>()));
		return byDate;
	}

	/**
	 * "Done": a log entry of the action's kind, dated on or after its
	 * earliest, in any note of the application, naming the action's person or
	 * nobody. (An action naming nobody is done only by an entry naming nobody.)
	 * The action closed, with its due date, goes to `closed`.
	 */
	done(f: ApplicationFacts, kind: ActionKind & LogKind, earliest: LocalDate, due: LocalDate, person: string | null): boolean {
		const log = f.log;
		for (let i = 0; i < log.length; i++) {
			const e = log[i];
			if (e.entry.kind === kind && e.entry.date >= earliest && (e.personId === null || e.personId === person)) {
				this.closed.push({ application: f.app.id, kind, earliest, due, entry: e.entry });
				return true;
			}
		}
		return false;
	}

	/**
	 * Lists an action that is not done: hidden while a snooze for its kind
	 * (and its person, or everyone) runs, i.e. while today < the snooze date.
	 */
	add(
		f: ApplicationFacts | null,
		kind: ActionKind,
		earliest: LocalDate,
		due: LocalDate,
		personId: string | null,
		note: string | null,
		anchor: string,
		why: string,
	): void {
		let until: LocalDate | null = null;
		const snoozes = f === null ? this.keepLookingSnoozes : f.snoozes;
		for (let i = 0; i < snoozes.length; i++) {
			const sn = snoozes[i];
			if (sn.snooze.kind !== kind || this.today >= sn.snooze.until) continue;
			if (sn.personId !== null && sn.personId !== personId) continue;
			if (until === null || sn.snooze.until > until) until = sn.snooze.until;
		}
		const appId = f === null ? '' : f.app.id;
		const who = personId === null ? null : this.person(personId);
		// The id: kind + application + person (per-person kinds) + anchor, hashed.
		const idPerson = PER_PERSON.has(kind) ? (personId ?? '') : '';
		const action: Action = {
			id: `${kind}-${shortHashAfter(this.idPrefix(kind, appId), idPerson, anchor)}`,
			kind,
			state: actionState(earliest, due, this.today),
			earliest,
			due,
			company: f === null ? null : f.app.company,
			role: f === null ? null : f.app.role,
			note,
			person: who === null ? null : who.person,
			gifts: who === null ? [] : who.gifts,
			reason: why,
			application: f === null ? null : f.app.id,
		};
		if (until === null) this.actions.push(action);
		else this.snoozed.push({ action, until });
	}

	/** The hash of (kind, application id), which every id of the application's actions of that kind starts from. */
	private idPrefix(kind: ActionKind, appId: string): HashPrefix {
		if (this.prefixApp !== appId) {
			this.prefixApp = appId;
			this.prefixes.clear();
		}
		let p = this.prefixes.get(kind);
		if (p === undefined) this.prefixes.set(kind, (p = hashPrefix(kind, appId)));
		return p;
	}

	private person(id: string): { person: ActionPerson; gifts: string[] } {
		let p = this.people.get(id);
		if (p === undefined) {
			const known = this.input.person(id);
			p = {
				person: { name: known?.name ?? id, title: known?.title ?? null, email: known?.email ?? null, phone: known?.phone ?? null },
				// Shared with the index (the result is read-only, see computeSchedule).
				gifts: known === undefined ? [] : known.topics,
			};
			this.people.set(id, p);
		}
		return p;
	}
}

/** Every action of one application (the rules table, row by row). */
function applicationActions(f: ApplicationFacts, s: Scheduler): void {
	const { rules } = s;
	const recent = f.mostRecent.path;

	let previous = '';
	let sameDay = 0;
	// Indexed loops here and below: the rules run for every application, and iterators cost allocations.
	for (let h = 0; h < f.happened.length; h++) {
		const iv = f.happened[h];
		const d = iv.date === null ? '' : iv.date.date;
		// Anchor: the interview date; a second note of the same day (in note order) is `D#2`, and so on,
		// so that the same person met twice that day has two thank-yous with two ids.
		sameDay = d === previous ? sameDay + 1 : 1;
		previous = d;
		const anchor = sameDay === 1 ? d : `${d}#${sameDay}`;

		// collect-names: "each interview that has happened and names no interviewer, or names one without a title".
		const noInterviewer = iv.interviewers.length === 0;
		if ((noInterviewer || iv.interviewerMissingTitle) && !s.done(f, 'collect-names', d, d, null)) {
			s.add(f, 'collect-names', d, d, null, iv.path, anchor, noInterviewer ? s.why.collectNamesNone : s.why.collectNamesTitles);
		}

		// thank-you: "each interviewer of each interview that has happened", whatever the status;
		// earliest D, due D + 2 business days.
		const due = s.bd(d, rules.thankYouBusinessDays);
		for (let i = 0; i < iv.interviewers.length; i++) {
			const person = iv.interviewers[i];
			if (iv.interviewers.indexOf(person) !== i || s.done(f, 'thank-you', d, due, person)) continue;
			s.add(f, 'thank-you', d, due, person, iv.path, anchor, s.why.thankYou);
		}
	}

	closedStatusChecks(f, s);

	// Terminal applications and those at offer get no reference-alert, ask-timeline or status-check
	// (what their log closed earlier is still worked out, for the figures).
	if (f.first !== null && f.latest !== null) {
		const first = f.first.date === null ? '' : f.first.date.date;
		const latest = f.latest.date === null ? '' : f.latest.date.date;

		// reference-alert: "each reference of an application, once, after its first interview";
		// earliest D of the first interview, due D + 1 business day.
		// Each reference once, in note order (a plain list: applications name few).
		const refs: string[] = [];
		for (let n = 0; n < f.notes.length; n++) {
			const named = f.notes[n].references;
			for (let r = 0; r < named.length; r++) if (!refs.includes(named[r])) refs.push(named[r]);
		}
		const refDue = s.bd(first, rules.referenceAlertBusinessDays);
		for (let r = 0; r < refs.length; r++) {
			const person = refs[r];
			if (s.done(f, 'reference-alert', first, refDue, person) || !f.active) continue;
			s.add(f, 'reference-alert', first, refDue, person, recent, '', s.why.referenceAlert);
		}

		// ask-timeline: "each application with an interview that has happened and no decision_date";
		// earliest D of the latest interview, due D + 1 business day.
		const askDue = s.bd(latest, rules.askTimelineBusinessDays);
		if (!s.done(f, 'ask-timeline', latest, askDue, f.contact) && f.active && f.decisionDate === null) {
			s.add(f, 'ask-timeline', latest, askDue, f.contact, recent, latest, s.why.askTimeline);
		}

		// status-check: none while a further interview is scheduled.
		if (f.active && f.scheduled === null) statusCheck(f, latest, s);
	}

	// referral-request: "each application whose status became rejected"; that day + 2 business days.
	if (f.status === 'rejected') {
		const rejected = rejectionDate(f, s.diagnostics);
		const due = rejected === null ? null : s.bd(rejected, rules.referralBusinessDays);
		if (rejected !== null && due !== null && !s.done(f, 'referral-request', rejected, due, f.contact)) {
			s.add(f, 'referral-request', rejected, due, f.contact, recent, '', s.why.referralRequest);
		}
	}
}

/**
 * The status checks the log closed, whatever the status is now: each
 * `status-check` entry closes the check counted from the interview, contact
 * or check before it (B + cadence_min to B + cadence_max).
 */
function closedStatusChecks(f: ApplicationFacts, s: Scheduler): void {
	let checks = 0;
	for (let i = 0; i < f.log.length; i++) if (f.log[i].entry.kind === 'status-check') checks++;
	if (checks === 0) return;
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
			s.closed.push({
				application: f.app.id,
				kind: 'status-check',
				earliest: s.plus(from, s.rules.cadenceMin),
				due: s.plus(from, s.rules.cadenceMax),
				entry: ev.check,
			});
		}
		from = ev.date;
	}
}

/** The status-check schedule (follow-up-rules.md, "The status-check schedule"). */
function statusCheck(f: ApplicationFacts, latest: LocalDate, s: Scheduler): void {
	const { rules } = s;
	// "Once a status-check or contact is logged on day L (L >= D)": the latest such L restarts the count.
	let last: LocalDate | null = null;
	for (let i = 0; i < f.log.length; i++) {
		const e = f.log[i];
		if (e.entry.kind !== 'status-check' && e.entry.kind !== 'contact') continue;
		if (e.entry.date >= latest && (last === null || e.entry.date > last)) last = e.entry.date;
	}
	let earliest: LocalDate;
	let due: LocalDate;
	let why: string;
	if (last !== null) {
		earliest = s.plus(last, rules.cadenceMin);
		due = s.plus(last, rules.cadenceMax);
		why = s.why.statusCheckAfterContact;
	} else {
		// "The first check after D: earliest D + cadence_min, due D + cadence_max."
		earliest = s.plus(latest, rules.cadenceMin);
		due = s.plus(latest, rules.cadenceMax);
		why = s.why.statusCheckAfterInterview;
		if (f.decisionDate !== null && f.decisionDate > due) {
			// "be patient": earliest and due on decision_date + 1 business day.
			earliest = due = s.bd(f.decisionDate, 1);
			why = s.why.statusCheckPatient;
		}
	}
	// No "done" test: a status-check entry on or after earliest would itself be a later L.
	s.add(f, 'status-check', earliest, due, f.contact, f.mostRecent.path, last ?? latest, why);
}

/**
 * "The day an application was rejected is the date of its latest `rejected`
 * log entry; without one, it is taken as the date of its latest interview,
 * and the note gets a warning that suggests adding the entry."
 */
function rejectionDate(f: ApplicationFacts, diagnostics: Diagnostic[]): LocalDate | null {
	let day: LocalDate | null = null;
	for (let i = 0; i < f.log.length; i++) {
		const e = f.log[i];
		if (e.entry.kind === 'rejected' && (day === null || e.entry.date > day)) day = e.entry.date;
	}
	if (day !== null) return day;
	const note = (f.statusNote ?? f.mostRecent).path;
	const latest = f.latest?.date?.date ?? null;
	diagnostics.push({
		note,
		severity: 'warning',
		message:
			latest === null
				? `status is rejected but no interview has happened and no follow-up log entry says when; ` +
					`add "YYYY-MM-DD rejected" (the day you heard) to follow_ups so the referral request can be scheduled`
				: `status is rejected but no follow-up log entry says when; the referral request counts from the latest interview (${latest}). ` +
					`Add "YYYY-MM-DD rejected" (the day you heard) to follow_ups to date it exactly`,
	});
	return latest;
}

/** Is `id` an interviewer, reference or contact named by a note of the application? */
function isKnown(f: ApplicationFacts, id: string): boolean {
	for (let i = 0; i < f.notes.length; i++) {
		const iv = f.notes[i];
		if (iv.contact === id || iv.interviewers.includes(id) || iv.references.includes(id)) return true;
	}
	return false;
}

/** Everyone the application's notes name, by display name, for a message. */
function knownPeople(f: ApplicationFacts, s: Scheduler): string {
	const ids = new Set<string>();
	for (const iv of f.notes) {
		for (const p of iv.interviewers) ids.add(p);
		for (const p of iv.references) ids.add(p);
		if (iv.contact !== null) ids.add(iv.contact);
	}
	return [...ids].map((id) => s.name(id)).join(', ') || 'nobody yet';
}

function applicationLabel(f: ApplicationFacts): string {
	return f.app.role === null ? f.app.company : `${f.app.company} (${f.app.role})`;
}

/** Does anything in the application's log or snoozes call for a warning (`checkLogDetail`)? Most often not. */
function logNeedsCheck(f: ApplicationFacts): boolean {
	for (let i = 0; i < f.log.length; i++) {
		const e = f.log[i];
		if (NAMED_LOG_KINDS.has(e.entry.kind) && e.personId !== null && !isKnown(f, e.personId)) return true;
		if (f.statusNote === null && STATUS_EVENTS.includes(e.entry.kind)) return true;
	}
	for (let i = 0; i < f.snoozes.length; i++) {
		const sn = f.snoozes[i];
		if (sn.personId !== null && sn.snooze.kind !== 'keep-looking' && !isKnown(f, sn.personId)) return true;
	}
	return false;
}

/** Warnings for what in the log would otherwise fail silently. */
function checkLog(f: ApplicationFacts, s: Scheduler): void {
	if (logNeedsCheck(f)) checkLogDetail(f, s);
}

function checkLogDetail(f: ApplicationFacts, s: Scheduler): void {
	const { diagnostics } = s;
	for (const kind of NAMED_LOG_KINDS) {
		for (const e of f.log) {
			if (e.entry.kind !== kind || e.personId === null || isKnown(f, e.personId)) continue;
			const shown = `${e.entry.date} ${e.entry.kind}: ${e.entry.person ?? ''}`;
			diagnostics.push({
				note: e.note,
				severity: 'warning',
				message:
					`follow-up "${shown}" names ${e.entry.person ?? ''}, who is not an interviewer, reference or contact of ${applicationLabel(f)} ` +
					`(the notes name: ${knownPeople(f, s)}), so it marks nothing done; check the spelling, or add the person to the note`,
				...(e.entry.line === undefined ? {} : { line: e.entry.line }),
			});
		}
	}
	for (const sn of f.snoozes) {
		if (sn.personId === null || sn.snooze.kind === 'keep-looking' || isKnown(f, sn.personId)) continue;
		diagnostics.push({
			note: sn.note,
			severity: 'warning',
			message:
				`snoozed "${sn.snooze.until} ${sn.snooze.kind}: ${sn.snooze.person ?? ''}" names someone who is not an interviewer, ` +
				`reference or contact of ${applicationLabel(f)} (the notes name: ${knownPeople(f, s)}), so it hides nothing; check the spelling`,
			...(sn.snooze.line === undefined ? {} : { line: sn.snooze.line }),
		});
	}
	if (f.statusNote === null) {
		let event: { kind: LogKind; date: LocalDate } | null = null;
		for (const kind of STATUS_EVENTS) {
			for (const e of f.log) if (e.entry.kind === kind && (event === null || e.entry.date > event.date)) event = { kind, date: e.entry.date };
		}
		if (event !== null) {
			diagnostics.push({
				note: f.mostRecent.path,
				severity: 'warning',
				message:
					`the follow-up log records "${event.date} ${event.kind}", but no note of ${applicationLabel(f)} sets a status, so it still counts as interviewing; ` +
					`add "status: ${event.kind}" to this note if that is where it stands`,
			});
		}
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
