/**
 * The shapes that flow through the core: note text -> ParsedNote -> index
 * (Application, Person) -> rules -> Action -> view / CLI.
 *
 * It holds the types and the few constants that go with them (the statuses,
 * kinds and default settings), and imports nothing but types, so every layer
 * can depend on it.
 */
import type { DateTimeValue, LocalDate } from './dates';

export type Severity = 'error' | 'warning' | 'info';

/** Something the user should know about one note. */
export interface Diagnostic {
	/** Vault-relative path with `/`. */
	note: string;
	severity: Severity;
	/** What is wrong and how to fix it, e.g. "interview_date: 'next Tuesday' is not a date (write YYYY-MM-DD)". */
	message: string;
	/** 1-based line in the file, where known. */
	line?: number;
	/** A fix the plugin offers as one click: the property key `from` (on `line`) renamed to `to` (a near-miss key). */
	fix?: { rename: { from: string; to: string } };
}

export type Status = 'interviewing' | 'offer' | 'hired' | 'rejected' | 'withdrawn' | 'closed';
export const STATUSES: readonly Status[] = ['interviewing', 'offer', 'hired', 'rejected', 'withdrawn', 'closed'];
export const TERMINAL_STATUSES: readonly Status[] = ['hired', 'rejected', 'withdrawn', 'closed'];

export type ActionKind =
	| 'collect-names'
	| 'thank-you'
	| 'reference-alert'
	| 'find-contact'
	| 'ask-timeline'
	| 'prepare'
	| 'status-check'
	| 'answer-offer'
	| 'referral-request'
	| 'withdraw'
	| 'keep-looking';

/** In the order of the rules table (follow-up-rules.md), which is also the order of kinds in a tie. */
export const ACTION_KINDS: readonly ActionKind[] = [
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
];

/** Log kinds that set an application's status (note-format.md, "Follow-up log entries"). */
export type StatusEvent = 'rejected' | 'offer' | 'hired' | 'withdrawn';
export const STATUS_EVENTS: readonly StatusEvent[] = ['rejected', 'offer', 'hired', 'withdrawn'];

/** Kinds a log entry may have: the action kinds (but keep-looking), `contact`, and status events. */
export type LogKind = Exclude<ActionKind, 'keep-looking'> | 'contact' | StatusEvent;
export const LOG_KINDS: readonly LogKind[] = [
	'thank-you',
	'reference-alert',
	'ask-timeline',
	'status-check',
	'referral-request',
	'collect-names',
	'find-contact',
	'prepare',
	'answer-offer',
	'withdraw',
	'contact',
	'rejected',
	'offer',
	'hired',
	'withdrawn',
];

/** A contact as written in one note (any of the three forms). */
export interface Contact {
	/** The name: for a link, the linked note's name (basename), never the alias. */
	name: string;
	title: string | null;
	email: string | null;
	phone: string | null;
	/** The link target as written (`People/Jane Doe`), or null when not a wikilink. */
	link: string | null;
	/** The alias of a link (`Jane` in `[[People/Jane Doe|Jane]]`), for display only. */
	alias?: string | null;
	/** How to address them in a message (`Dr. Okafor`), from an object contact's `salutation`. */
	salutation?: string | null;
}

/** One follow-up log entry: `YYYY-MM-DD kind: Person Name — free text`. */
export interface LogEntry {
	date: LocalDate;
	kind: LogKind;
	/** The person named, or null for "nobody / everyone". */
	person: string | null;
	text: string | null;
	/** Where it was read: frontmatter `follow_ups` or a body section. */
	source: 'frontmatter' | 'body';
	line?: number;
}

/** A snooze: hide the action of `kind` (for `person`, or for everyone) until `until`. */
export interface Snooze {
	until: LocalDate;
	kind: ActionKind;
	person: string | null;
	line?: number;
}

/** `Name: topic`, what a person cared about: the seed of an informational gift. */
export interface Topic {
	person: string;
	topic: string;
	/** The file line it was read from, where known. */
	line?: number;
}

/** The interview fields of an interview note, as read from frontmatter and body. */
export interface InterviewFields {
	company: string | null;
	role: string | null;
	date: DateTimeValue | null;
	interviewers: Contact[];
	contact: Contact | null;
	decisionDate: LocalDate | null;
	nextInterview: DateTimeValue | null;
	references: Contact[];
	status: Status | null;
	followUps: LogEntry[];
	topics: Topic[];
	snoozes: Snooze[];
	/** `pitch`: what the candidate wants to remind them of in a status check. */
	pitch?: string | null;
	/** `skills`: the skills the role uses, for a referral request. */
	skills?: string[];
	/** `offer_deadline` (note-format.md v2), when the note reader gives it. */
	offerDeadline?: LocalDate | null;
}

/** What any note may supply about the person it describes, when a contact links to it. */
export interface PersonFields {
	title: string | null;
	email: string | null;
	phone: string | null;
	company: string | null;
	/** `salutation`: how to address the person in a message. */
	salutation?: string | null;
}

/** One note, parsed. */
export interface ParsedNote {
	/** Vault-relative path with `/`. */
	path: string;
	/** The frontmatter as Obsidian's `metadataCache` would show it, or null. */
	frontmatter: Record<string, unknown> | null;
	/** 1-based line where the body starts (after the closing fence). */
	bodyLine: number;
	isInterview: boolean;
	/** Present when `isInterview`. */
	interview: InterviewFields | null;
	/** Present for every note with frontmatter (any note may be a linked person note). */
	person: PersonFields | null;
	diagnostics: Diagnostic[];
}

/** A person, merged over every note that names them. */
export interface Person {
	/** Identity: the name lowercased with spacing collapsed (see `personKey`). */
	id: string;
	name: string;
	title: string | null;
	email: string | null;
	phone: string | null;
	company: string | null;
	/** The person note, when one is linked and resolves. */
	path: string | null;
	/** Gift topics recorded for this person in any note. */
	topics: string[];
	/** How to address them (`Dr. Okafor`): the person note's or an object contact's `salutation`. */
	salutation?: string | null;
}

/** One interview note inside an application, with people resolved to ids. */
export interface Interview {
	path: string;
	date: DateTimeValue | null;
	/** Person ids. */
	interviewers: string[];
	/** Person id of this note's explicit `contact`, or null. */
	contact: string | null;
	decisionDate: LocalDate | null;
	nextInterview: DateTimeValue | null;
	/** Person ids. */
	references: string[];
	status: Status | null;
	followUps: LogEntry[];
	snoozes: Snooze[];
	/** True when some interviewer is written without a title (after person-note resolution). */
	interviewerMissingTitle: boolean;
	/** The note's `pitch`, or null. */
	pitch?: string | null;
	/** The note's `skills`. */
	skills?: string[];
	/** `offer_deadline`: when an offer must be answered, or null. */
	offerDeadline?: LocalDate | null;
	/**
	 * The calendar day the note was last modified (the front end's modification
	 * time, on the local clock), or null when not known: dates a `status` key
	 * that no log event dates (follow-up-rules.md, "Status date").
	 */
	modified?: LocalDate | null;
}

/** Interview notes sharing company and role. */
export interface Application {
	/** Stable: `company|role`, each lowercased with spacing collapsed. */
	id: string;
	company: string;
	role: string | null;
	/** Sorted by date (undated last), then path. */
	interviews: Interview[];
}

export type ActionState = 'upcoming' | 'due' | 'overdue';

export interface ActionPerson {
	name: string;
	title: string | null;
	email: string | null;
	phone: string | null;
}

/** Something the user should do. The JSON form is the CLI contract (cli.md). */
export interface Action {
	id: string;
	kind: ActionKind;
	state: ActionState;
	earliest: LocalDate;
	due: LocalDate;
	company: string | null;
	role: string | null;
	/** Vault-relative note to log it in, or null for keep-looking. */
	note: string | null;
	person: ActionPerson | null;
	gifts: string[];
	/** One sentence for the user: what to do and which advice it follows. */
	reason: string;
	/** The application id, or null for keep-looking. */
	application: string | null;
}

/** User settings, shared by the plugin (`data.json`) and the command line. */
export interface Settings {
	/** Frontmatter `type` value that marks an interview note. */
	interviewType: string;
	/** Tag that marks an interview note (nested tags count). */
	interviewTag: string;
	/** Folders whose notes are all interview notes. */
	interviewFolders: string[];
	/** Folders whose notes are never interview notes (the templates folders are excluded anyway). */
	excludedFolders: string[];
	/** 0 = Sunday … 6 = Saturday. */
	workWeek: number[];
	holidays: LocalDate[];
	cadenceMin: number;
	cadenceMax: number;
	thankYouBusinessDays: number;
	referenceAlertBusinessDays: number;
	askTimelineBusinessDays: number;
	referralBusinessDays: number;
	minActive: number;
	/** After this many `status-check` entries with no `contact` since, the cadence doubles. */
	backoffAfter: number;
	/** A `decision_date` more than this many days away is not waited for. */
	patienceMax: number;
	/** Which kinds of action are listed (a kind missing here is on). */
	kinds: Partial<Record<ActionKind, boolean>>;
	/** Vault folder of user templates, one file per kind; empty for none. */
	templatesFolder: string;
	/** Where "New interview note" creates notes. */
	newNoteFolder: string;
	/** Show a notice at start-up when actions are overdue. */
	notifyOnStartup: boolean;
	/** How many days ahead the upcoming group looks. */
	withinDays: number;
	/** Plugin: a vault path (`….ics`) where the calendar is kept up to date; empty for none. */
	calendarFile: string;
	/** Plugin, on desktop: one system notification a day of what is due and overdue. */
	dailyNotification: boolean;
	/** The time of day (`HH:MM`) of that notification and of the calendar's alarms. */
	notificationTime: string;
	/** The user's name, to sign the notes the templates fill in (absent: a visible `[Your name]`). */
	userName?: string;
	/** The user's phone number, offered in the notes ("feel free to call me at ..."). */
	userPhone?: string;
	/** The user's own sign-off (`Best,`), in place of the built-in closings; empty for the built-in ones. */
	signOff: string;
	/** Names are written family name first: greetings use the whole name, not its first word. */
	familyNameFirst: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
	interviewType: 'interview',
	interviewTag: 'interview',
	interviewFolders: [],
	excludedFolders: [],
	workWeek: [1, 2, 3, 4, 5],
	holidays: [],
	cadenceMin: 7,
	cadenceMax: 10,
	thankYouBusinessDays: 2,
	referenceAlertBusinessDays: 1,
	askTimelineBusinessDays: 1,
	referralBusinessDays: 2,
	minActive: 3,
	backoffAfter: 3,
	patienceMax: 21,
	kinds: {},
	templatesFolder: '',
	newNoteFolder: 'Interviews',
	notifyOnStartup: true,
	withinDays: 7,
	calendarFile: '',
	dailyNotification: true,
	notificationTime: '09:00',
	signOff: '',
	familyNameFirst: false,
};
