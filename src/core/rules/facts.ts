/**
 * What the rules need to know about one application, worked out once:
 * its notes in date order, which interviews have happened, its status, its
 * contact, its decision date, its follow-up log and its snoozes.
 */
import { hasHappened, normaliseTime, type LocalDate, type LocalInstant } from '../dates';
import type { Application, Interview, LogEntry, Snooze, Status } from '../types';
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
	notes: readonly Interview[];
	/** The dated notes whose interview has happened, in date order. */
	happened: readonly Interview[];
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
	/** Log entries from every note of the application, in note order (few per application: filter by kind). */
	log: readonly LoggedEntry[];
	snoozes: readonly NotedSnooze[];
}

const NONE_LOGGED: readonly LoggedEntry[] = Object.freeze([]);
const NONE_SNOOZED: readonly NotedSnooze[] = Object.freeze([]);


/** Note order: by interview date and time, undated notes after every dated one, then path. */
function compareNotes(a: Interview, b: Interview): number {
	const da = a.date;
	const db = b.date;
	if (da === null || db === null) {
		if (da !== db) return da === null ? 1 : -1;
	} else if (da.date !== db.date) {
		return da.date < db.date ? -1 : 1;
	} else if (da.time !== db.time) {
		// No time sorts first; `HH:MM` counts as `HH:MM:00`.
		const ta = da.time === null ? '' : normaliseTime(da.time);
		const tb = db.time === null ? '' : normaliseTime(db.time);
		if (ta !== tb) return ta < tb ? -1 : 1;
	}
	return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The notes most recent last: the list itself when it is in that order
 * already (the index keeps it so), else a sorted copy (applications have
 * few notes, so an insertion sort).
 */
function inNoteOrder(interviews: readonly Interview[]): readonly Interview[] {
	let sorted = true;
	for (let i = 1; i < interviews.length && sorted; i++) sorted = compareNotes(interviews[i - 1], interviews[i]) <= 0;
	if (sorted) return interviews;
	const out = interviews.slice();
	for (let i = 1; i < out.length; i++) {
		const x = out[i];
		let j = i - 1;
		while (j >= 0 && compareNotes(out[j], x) > 0) {
			out[j + 1] = out[j];
			j--;
		}
		out[j + 1] = x;
	}
	return out;
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
	// Lists are made only when they differ from one at hand: `happened` is most often every note.
	let happenedSoFar: Interview[] | null = null;
	let scheduled: LocalDate | null = null;
	let log: LoggedEntry[] | null = null;
	let snoozes: NotedSnooze[] | null = null;
	let statusNote: Interview | null = null;
	let decisionDate: LocalDate | null = null;
	let contact: string | null = null;

	for (let i = 0; i < notes.length; i++) {
		const iv = notes[i];
		if (iv.date !== null && hasHappened(iv.date, now)) {
			if (happenedSoFar !== null) happenedSoFar.push(iv);
		} else {
			happenedSoFar ??= notes.slice(0, i);
			if (iv.date !== null && (scheduled === null || iv.date.date < scheduled)) scheduled = iv.date.date;
		}
		if (iv.nextInterview !== null && !hasHappened(iv.nextInterview, now)) {
			const d = iv.nextInterview.date;
			if (scheduled === null || d < scheduled) scheduled = d;
		}
		// Later notes overwrite: "the most recent note (by interview date) that sets one".
		if (iv.status !== null) statusNote = iv;
		if (iv.decisionDate !== null) decisionDate = iv.decisionDate;
		if (iv.contact !== null) contact = iv.contact;
		for (let k = 0; k < iv.followUps.length; k++) {
			const entry = iv.followUps[k];
			(log ??= []).push({ entry, note: iv.path, personId: entry.person === null ? null : keyOf(entry.person) });
		}
		for (let k = 0; k < iv.snoozes.length; k++) {
			const snooze = iv.snoozes[k];
			(snoozes ??= []).push({ snooze, note: iv.path, personId: snooze.person === null ? null : keyOf(snooze.person) });
		}
	}
	const happened: readonly Interview[] = happenedSoFar ?? notes;

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
		log: log ?? NONE_LOGGED,
		snoozes: snoozes ?? NONE_SNOOZED,
	};
}
