/**
 * What the rules need to know about one application, worked out once:
 * its notes in date order, which interviews have happened, its status, its
 * contact, its decision date, its follow-up log and its snoozes.
 */
import { hasHappened, type LocalDate, type LocalInstant } from '../dates';
import type { Application, Interview, LogEntry, LogKind, Snooze, Status } from '../types';
import { TERMINAL_STATUSES } from '../types';
import { personKeyOf } from './keys';

/** A log entry with the note it was read from and the person it names as a person id. */
export interface LoggedEntry {
	entry: LogEntry;
	note: string;
	/** `personKey` of the person named, or null when it names nobody. */
	personId: string | null;
}

export interface NotedSnooze {
	snooze: Snooze;
	note: string;
	personId: string | null;
}

export interface ApplicationFacts {
	app: Application;
	/** Every note, most recent last: by interview date and time, undated last, then path. */
	notes: Interview[];
	/** The dated notes whose interview has happened, in date order. */
	happened: Interview[];
	/** First and latest interview that has happened. */
	first: Interview | null;
	latest: Interview | null;
	/** The earliest date of a further interview that has not happened (a note, or a `next_interview`). */
	scheduled: LocalDate | null;
	/** The application's most recent note: the one its follow-ups are logged in. */
	mostRecent: Interview;
	status: Status;
	/** The note whose `status` is the application's status, or null (default `interviewing`). */
	statusNote: Interview | null;
	terminal: boolean;
	/** Neither terminal nor at `offer`. */
	active: boolean;
	decisionDate: LocalDate | null;
	/** Person id of the application's contact, or null (follow-up-rules.md, "Contact"). */
	contact: string | null;
	/** Log entries by kind, from every note of the application. */
	log: Map<LogKind, LoggedEntry[]>;
	snoozes: NotedSnooze[];
}

/** Sort key of a note: `date T time`, undated notes after every dated one. */
function noteKey(iv: Interview): string {
	if (iv.date === null) return '\uffff';
	const t = iv.date.time === null ? '' : iv.date.time.length === 5 ? `${iv.date.time}:00` : iv.date.time;
	return `${iv.date.date}T${t}`;
}

/** The notes most recent last: by interview date and time, undated last, then path. */
function inNoteOrder(interviews: readonly Interview[]): Interview[] {
	if (interviews.length === 1) return [interviews[0]];
	return interviews
		.map((iv) => ({ iv, k: noteKey(iv) }))
		.sort((a, b) => (a.k !== b.k ? (a.k < b.k ? -1 : 1) : a.iv.path < b.iv.path ? -1 : a.iv.path > b.iv.path ? 1 : 0))
		.map((x) => x.iv);
}

/**
 * The facts of one application as of `now`; null for an application without
 * notes. `keyOf` turns a name into a person id (personKeyOf, possibly cached).
 */
export function applicationFacts(
	app: Application,
	now: LocalInstant,
	keyOf: (name: string) => string = personKeyOf,
): ApplicationFacts | null {
	if (app.interviews.length === 0) return null;
	const notes = inNoteOrder(app.interviews);
	const happened: Interview[] = [];
	let scheduled: LocalDate | null = null;
	const consider = (d: LocalDate): void => {
		if (scheduled === null || d < scheduled) scheduled = d;
	};
	const log = new Map<LogKind, LoggedEntry[]>();
	const snoozes: NotedSnooze[] = [];
	let statusNote: Interview | null = null;
	let decisionDate: LocalDate | null = null;
	let contact: string | null = null;

	for (const iv of notes) {
		if (iv.date !== null) {
			if (hasHappened(iv.date, now)) happened.push(iv);
			else consider(iv.date.date);
		}
		if (iv.nextInterview !== null && !hasHappened(iv.nextInterview, now)) consider(iv.nextInterview.date);
		// Later notes overwrite: "the most recent note (by interview date) that sets one".
		if (iv.status !== null) statusNote = iv;
		if (iv.decisionDate !== null) decisionDate = iv.decisionDate;
		if (iv.contact !== null) contact = iv.contact;
		for (const entry of iv.followUps) {
			let list = log.get(entry.kind);
			if (list === undefined) log.set(entry.kind, (list = []));
			list.push({ entry, note: iv.path, personId: entry.person === null ? null : keyOf(entry.person) });
		}
		for (const snooze of iv.snoozes) {
			snoozes.push({ snooze, note: iv.path, personId: snooze.person === null ? null : keyOf(snooze.person) });
		}
	}

	const latest = happened.length > 0 ? happened[happened.length - 1] : null;
	if (contact === null && latest !== null && latest.interviewers.length > 0) contact = latest.interviewers[0];
	const status: Status = statusNote?.status ?? 'interviewing';
	const terminal = TERMINAL_STATUSES.includes(status);
	return {
		app,
		notes,
		happened,
		first: happened.length > 0 ? happened[0] : null,
		latest,
		scheduled,
		mostRecent: notes[notes.length - 1],
		status,
		statusNote,
		terminal,
		active: !terminal && status !== 'offer',
		decisionDate,
		contact,
		log,
		snoozes,
	};
}
