/**
 * What the rules know about one application, worked out once
 * (follow-up-rules.md, "Words"): its notes in order, which interviews have
 * happened, its scheduled rounds, its status and status date, its contact,
 * its decision date and offer deadline, its follow-up log and its snoozes.
 * The templates and the pipeline read these same facts.
 */
import { hasHappened, type LocalDate, type LocalInstant } from '../dates';
import type { Application, Interview, LogEntry, Snooze, Status, StatusEvent } from '../types';
import { STATUS_EVENTS, TERMINAL_STATUSES } from '../types';
import { compareInterviews } from '../vaultIndex';
import { matchPerson, personKeyOf } from './ids';

/** A log entry with the note it was read from and the person it names as a person id. */
export interface LoggedEntry {
	entry: LogEntry;
	note: string;
	/** The person of the application named (see `personOf`), or null when it names nobody. */
	personId: string | null;
	/** The people of the application a short name fits when it fits more than one. */
	several?: string[];
}

export interface NotedSnooze {
	snooze: Snooze;
	note: string;
	personId: string | null;
	several?: string[];
}

/** Everyone an application's notes name (interviewers, contacts, references), in note order. */
export function applicationPeople(notes: readonly Interview[]): string[] {
	const ids = new Set<string>();
	for (const iv of notes) {
		for (const p of iv.interviewers) ids.add(p);
		if (iv.contact !== null) ids.add(iv.contact);
		for (const p of iv.references) ids.add(p);
	}
	return [...ids];
}

/**
 * The person id a name in the log or a snooze stands for: the person of the
 * application it names (`matchPerson`), else its own `personKeyOf` (a person
 * the notes do not name, which the rules report), with the people a short
 * name fits when it fits several.
 */
function personOf(name: string | null, people: readonly string[]): { personId: string | null; several?: string[] } {
	if (name === null) return { personId: null };
	const m = matchPerson(name, people);
	if (m.id !== null) return { personId: m.id };
	return m.several.length > 1 ? { personId: personKeyOf(name), several: m.several } : { personId: personKeyOf(name) };
}

/** A further round: a note dated after now, or a `next_interview` of the latest notes. */
export interface ScheduledRound {
	date: LocalDate;
	/** The round's own note; for a round known only from `next_interview`, the application's most recent note. */
	note: string;
	/** True when the round has a note of its own. */
	hasNote: boolean;
}

/** Where the application's status comes from. */
export type StatusSource =
	| { kind: 'default' }
	/** A `status` key; `dated` is false when no log event of that status dates it. */
	| { kind: 'key'; note: Interview }
	| { kind: 'event'; entry: LoggedEntry };

export interface ApplicationFacts {
	app: Application;
	/** Every note, most recent last (`compareInterviews`). */
	notes: readonly Interview[];
	/** The dated notes whose interview has happened, in order. */
	happened: readonly Interview[];
	/** First and latest interview that has happened. */
	first: Interview | null;
	latest: Interview | null;
	/** The scheduled rounds, earliest first (follow-up-rules.md, "Scheduled round"). */
	rounds: readonly ScheduledRound[];
	/** The earliest scheduled round's date, or null. */
	scheduled: LocalDate | null;
	/** The application's most recent note: the one its follow-ups are logged in. */
	mostRecent: Interview;
	status: Status;
	/** What set the status. */
	statusSource: StatusSource;
	/**
	 * The status date: the latest log event of that status; else the day the
	 * note setting the key was last modified, clamped between the latest
	 * interview that has happened and today. Null for `interviewing`.
	 */
	statusDate: LocalDate | null;
	/** True when the status date comes from a log event (it no longer moves). */
	statusDated: boolean;
	terminal: boolean;
	/** Neither terminal nor at `offer`. */
	active: boolean;
	decisionDate: LocalDate | null;
	offerDeadline: LocalDate | null;
	/** Person id of the application's contact, or null (follow-up-rules.md, "Contact"). */
	contact: string | null;
	/** Log entries from every note of the application, in note order. */
	log: readonly LoggedEntry[];
	snoozes: readonly NotedSnooze[];
}

function isStatusEvent(kind: string): kind is StatusEvent {
	return (STATUS_EVENTS as readonly string[]).includes(kind);
}

/**
 * The facts of one application as of `now`; null for an application without
 * notes.
 */
export function applicationFacts(app: Application, now: LocalInstant): ApplicationFacts | null {
	if (app.interviews.length === 0) return null;
	const notes = [...app.interviews].sort(compareInterviews);
	const today = now.date;
	const happened = notes.filter((iv) => iv.date !== null && hasHappened(iv.date, now));
	const latest = happened.length > 0 ? happened[happened.length - 1] : null;

	const people = applicationPeople(notes);
	const log: LoggedEntry[] = [];
	const snoozes: NotedSnooze[] = [];
	for (const iv of notes) {
		for (const entry of iv.followUps) log.push({ entry, note: iv.path, ...personOf(entry.person, people) });
		for (const snooze of iv.snoozes) snoozes.push({ snooze, note: iv.path, ...personOf(snooze.person, people) });
	}

	// Later notes overwrite: "the most recent note (by interview date) that names one".
	let decisionDate: LocalDate | null = null;
	let offerDeadline: LocalDate | null = null;
	let contact: string | null = null;
	let keyNote: Interview | null = null;
	for (const iv of notes) {
		if (iv.decisionDate !== null) decisionDate = iv.decisionDate;
		if (iv.offerDeadline != null) offerDeadline = iv.offerDeadline;
		if (iv.contact !== null) contact = iv.contact;
		if (iv.status !== null) keyNote = iv;
	}
	// "else the first interviewer of the latest interview that has happened and names any interviewer".
	if (contact === null) {
		for (let i = happened.length - 1; i >= 0 && contact === null; i--) {
			if (happened[i].interviewers.length > 0) contact = happened[i].interviewers[0];
		}
	}

	const rounds = scheduledRounds(notes, happened, latest, now);

	// Status: the latest of the keys (dated by their note) and the log's status events; a log event wins a tie.
	let event: LoggedEntry | null = null;
	for (const e of log) {
		if (isStatusEvent(e.entry.kind) && (event === null || e.entry.date >= event.entry.date)) event = e;
	}
	const keyDate = keyNote?.date?.date ?? null;
	let statusSource: StatusSource = { kind: 'default' };
	if (event !== null && (keyNote === null || keyDate === null || event.entry.date >= keyDate)) statusSource = { kind: 'event', entry: event };
	else if (keyNote !== null) statusSource = { kind: 'key', note: keyNote };
	const status: Status =
		statusSource.kind === 'event'
			? (statusSource.entry.entry.kind as StatusEvent)
			: statusSource.kind === 'key'
				? (statusSource.note.status as Status)
				: 'interviewing';

	let statusDate: LocalDate | null = null;
	let statusDated = false;
	if (status !== 'interviewing') {
		for (const e of log) {
			if (e.entry.kind === status && (statusDate === null || e.entry.date > statusDate)) statusDate = e.entry.date;
		}
		statusDated = statusDate !== null;
		if (statusDate === null) {
			const floor = latest?.date?.date ?? null;
			let day = (statusSource.kind === 'key' ? statusSource.note.modified : null) ?? floor ?? today;
			if (floor !== null && day < floor) day = floor;
			if (day > today) day = today;
			statusDate = day;
		}
	}

	const terminal = TERMINAL_STATUSES.includes(status);
	return {
		app,
		notes,
		happened,
		first: happened.length > 0 ? happened[0] : null,
		latest,
		rounds,
		scheduled: rounds.length > 0 ? rounds[0].date : null,
		mostRecent: notes[notes.length - 1],
		status,
		statusSource,
		statusDate,
		statusDated,
		terminal,
		active: !terminal && status !== 'offer',
		decisionDate,
		offerDeadline,
		contact,
		log,
		snoozes,
	};
}

/** The application hired first (by status date), whose hire the others withdraw from; undefined when none is. */
export function firstHire(facts: readonly ApplicationFacts[]): ApplicationFacts | undefined {
	let first: ApplicationFacts | undefined;
	for (const f of facts) {
		if (f.status === 'hired' && (first === undefined || (f.statusDate ?? '') < (first.statusDate ?? ''))) first = f;
	}
	return first;
}

/**
 * "Scheduled round: an interview of the application that has not happened
 * (a note dated after now), or a `next_interview` after now, given in the
 * latest interview that has happened or in a later note (an older note's
 * `next_interview` is superseded), for which no note of the application is
 * dated that day."
 */
function scheduledRounds(
	notes: readonly Interview[],
	happened: readonly Interview[],
	latest: Interview | null,
	now: LocalInstant,
): ScheduledRound[] {
	const byDate = new Map<LocalDate, ScheduledRound>();
	const dated = new Set<LocalDate>();
	for (const iv of notes) if (iv.date !== null) dated.add(iv.date.date);
	for (const iv of notes) {
		if (iv.date !== null && !happened.includes(iv) && !byDate.has(iv.date.date)) {
			byDate.set(iv.date.date, { date: iv.date.date, note: iv.path, hasNote: true });
		}
	}
	const from = latest === null ? 0 : notes.indexOf(latest);
	const mostRecent = notes[notes.length - 1].path;
	for (let i = from; i < notes.length; i++) {
		const next = notes[i].nextInterview;
		if (next === null || hasHappened(next, now) || dated.has(next.date) || byDate.has(next.date)) continue;
		byDate.set(next.date, { date: next.date, note: mostRecent, hasNote: false });
	}
	return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
