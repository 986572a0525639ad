/**
 * The shapes the rules engine hands to the view and the command line.
 */
import type { LocalDate } from '../dates';
import type { Action, ActionKind, Application, Diagnostic, LogEntry, Person, Status } from '../types';
import type { ApplicationFacts } from './facts';

/** An action hidden by a snooze until `until` (the snooze date). */
export interface SnoozedAction {
	action: Action;
	until: LocalDate;
}

/** One active application in the pipeline view. */
export interface PipelineEntry {
	/** The application id (`company|role`). */
	application: string;
	company: string;
	role: string | null;
	status: Status;
	/** The application's most recent note (where its follow-ups are logged). */
	note: string;
	/** The date of the latest interview that has happened, or null if none has. */
	lastInterview: LocalDate | null;
	/** The date of the next interview that is scheduled and has not happened, or null. */
	nextInterview: LocalDate | null;
	/** The most urgent action of this application that is due or overdue today, or null. */
	next: Action | null;
	/**
	 * While nothing is due (`next` is null): the first day something will be,
	 * i.e. the earliest of an upcoming action's `earliest`, the end of a
	 * snooze, and a scheduled interview. Null when `next` is set or nothing is
	 * expected.
	 */
	waitingUntil: LocalDate | null;
	/** What `waitingUntil` waits for: an action kind, or `interview` for a scheduled round. */
	waitingFor: ActionKind | 'interview' | null;
}

export interface PipelineCounts {
	overdue: number;
	due: number;
	upcoming: number;
	/** Actions hidden by a snooze today (not in `actions`). */
	snoozed: number;
}

/** The pipeline at a glance: the active applications, and how many actions are in each state. */
export interface PipelineSummary {
	/**
	 * Applications that are active (they have a note, are not terminal and not
	 * at `offer`): those with a due action first, most urgent first, then the
	 * waiting ones by `waitingUntil` (unknown last), then by company and role.
	 */
	active: PipelineEntry[];
	/** Counts over `Schedule.actions` (every visible action, not only those within a window). */
	counts: PipelineCounts;
	/** `settings.minActive`, to show "2 of 3 active". */
	minActive: number;
}

/** An action a log entry closed (it is done, so not in `actions`): what the figures' "on time" needs. */
export interface ClosedAction {
	/** The application id. */
	application: string;
	kind: ActionKind;
	earliest: LocalDate;
	due: LocalDate;
	/** The entry that closed it (the same object as in the index). */
	entry: LogEntry;
}

export interface Schedule {
	today: LocalDate;
	/** Every action not done and not snoozed, sorted as cli.md says (due, earliest, kind, company, person). */
	actions: Action[];
	/** The actions a snooze hides today, each with the day it comes back (for the calendar). */
	snoozed: SnoozedAction[];
	summary: PipelineSummary;
	/** Actions closed by a log entry (one per action; an entry naming nobody may close several). */
	closed: ClosedAction[];
	/** The facts of every application with a note, by application id, as the rules worked them out (the figures read them). */
	facts: readonly ApplicationFacts[];
	/**
	 * What the rules found wrong or worth knowing (a rejection without a date,
	 * a log entry naming someone the application does not know, a bad
	 * setting). The index's own diagnostics are not repeated here.
	 */
	diagnostics: Diagnostic[];
}

/** What `computeSchedule` reads: a `VaultIndex`, or anything shaped like it. */
export interface ScheduleInput {
	applications(): readonly Application[];
	person(id: string): Person | undefined;
}
