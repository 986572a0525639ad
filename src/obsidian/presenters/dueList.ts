/**
 * What the due list says, as data: groups, rows in words, relative dates.
 * The view, the code block and the status bar render this; tests read it.
 *
 * Pure: no `obsidian`, no DOM.
 */
import { addDays, diffDays, weekday, type LocalDate } from '../../core/dates';
import type { PipelineEntry, Schedule } from '../../core/rules/model';
import type { Action, ActionKind, ActionState } from '../../core/types';
import { applyFilter, type ListFilter } from './blockFilter';

export type GroupId = 'overdue' | 'due' | 'upcoming';

export interface ActionRow {
	action: Action;
	/** "Send a thank-you note to Jane Doe". */
	sentence: string;
	/** "Acme Finance · Secretary". */
	context: string;
	/** "Due in 2 days (Mon 2026-11-23)". */
	when: string;
}

export interface Group {
	id: GroupId;
	title: string;
	rows: ActionRow[];
}

export interface WaitingRow {
	entry: PipelineEntry;
	context: string;
	/** "Waiting until Fri 2026-12-04 (status check)". */
	text: string;
}

export interface DueList {
	today: LocalDate;
	/** The keep-looking advice, when the pipeline is thin. */
	banner: string | null;
	/** Overdue, due today, upcoming; a group with no rows is still listed (the view hides it). */
	groups: Group[];
	waiting: WaitingRow[];
	counts: { overdue: number; due: number; upcoming: number };
	/** True when there is nothing at all: no application, no action. */
	empty: boolean;
}

const GROUP_TITLES: Record<GroupId, string> = {
	overdue: 'Overdue',
	due: 'Due today',
	upcoming: 'Upcoming',
};

const KIND_WORDS: Record<ActionKind, string> = {
	'collect-names': 'collect names',
	'thank-you': 'thank-you note',
	'reference-alert': 'reference heads-up',
	'ask-timeline': 'ask about the timeline',
	'status-check': 'status check',
	'referral-request': 'referral request',
	'keep-looking': 'keep looking',
};

export function kindWords(kind: ActionKind | 'interview'): string {
	return kind === 'interview' ? 'next interview' : KIND_WORDS[kind];
}

/** The action in words: "Send a thank-you note to Jane Doe". */
export function actionSentence(action: Action): string {
	const who = action.person?.name ?? null;
	switch (action.kind) {
		case 'thank-you':
			return who ? `Send a thank-you note to ${who}` : 'Send a thank-you note to everyone you met';
		case 'reference-alert':
			return who ? `Tell ${who} a reference call may come` : 'Tell your references a call may come';
		case 'ask-timeline':
			return who ? `Ask ${who} when they expect to decide` : 'Ask when they expect to decide';
		case 'status-check':
			return who ? `Check in with ${who} about the status` : 'Check in about the status';
		case 'referral-request':
			return who ? `Ask ${who} for referrals` : 'Ask your contact for referrals';
		case 'collect-names':
			return 'Write down the names and titles of everyone you met';
		case 'keep-looking':
			return 'Keep looking: apply for more jobs';
	}
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function dayLabel(date: LocalDate): string {
	return `${WEEKDAYS[weekday(date)]} ${date}`;
}

/** "today", "tomorrow", "yesterday", "in 3 days", "3 days ago". */
export function relativeDay(today: LocalDate, date: LocalDate): string {
	const d = diffDays(today, date);
	if (d === 0) return 'today';
	if (d === 1) return 'tomorrow';
	if (d === -1) return 'yesterday';
	return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

/** When the action is due, relative to today. */
export function whenText(action: Pick<Action, 'state' | 'earliest' | 'due'>, today: LocalDate): string {
	const state: ActionState = action.state;
	if (state === 'overdue') return `Was due ${relativeDay(today, action.due)} (${dayLabel(action.due)})`;
	if (state === 'due') {
		if (action.due === today) return 'Due today';
		return `Due ${relativeDay(today, action.due)} (${dayLabel(action.due)})`;
	}
	return `Starts ${relativeDay(today, action.earliest)} (${dayLabel(action.earliest)}), due ${dayLabel(action.due)}`;
}

export function contextText(company: string | null, role: string | null): string {
	return [company, role].filter((s): s is string => !!s && s.trim() !== '').join(' · ');
}

export function toRow(action: Action, today: LocalDate): ActionRow {
	return { action, sentence: actionSentence(action), context: contextText(action.company, action.role), when: whenText(action, today) };
}

function waitingText(entry: PipelineEntry, today: LocalDate): string {
	if (entry.waitingUntil) {
		const what = entry.waitingFor ? ` (${kindWords(entry.waitingFor)})` : '';
		return `Waiting until ${dayLabel(entry.waitingUntil)}${what}, ${relativeDay(today, entry.waitingUntil)}`;
	}
	if (entry.nextInterview) return `Next interview ${dayLabel(entry.nextInterview)}`;
	return 'Waiting: nothing scheduled';
}

/**
 * Turns a schedule into the list the user sees: actions due or overdue, those
 * starting within `within` days, and the active applications with nothing to
 * do now ("waiting until ...").
 */
export function buildDueList(schedule: Schedule, within: number, filter: ListFilter | null = null): DueList {
	const today = schedule.today;
	const horizon = addDays(today, Math.max(0, filter?.within ?? within));
	let actions = schedule.actions.filter((a) => a.state !== 'upcoming' || a.earliest <= horizon);
	if (filter) actions = applyFilter(actions, filter);
	const keepLooking = actions.find((a) => a.kind === 'keep-looking') ?? null;
	const listed = actions.filter((a) => a.kind !== 'keep-looking');
	const groups: Group[] = (['overdue', 'due', 'upcoming'] as const).map((id) => ({
		id,
		title: GROUP_TITLES[id],
		rows: listed.filter((a) => a.state === id).map((a) => toRow(a, today)),
	}));
	const shownApps = new Set(listed.map((a) => a.application).filter((x): x is string => x !== null));
	// Waiting rows are applications, not actions: a filter on kinds or states leaves them out.
	const showWaiting = !filter || (filter.kinds === null && filter.states === null);
	const waiting = schedule.summary.active
		.filter((e) => showWaiting && e.next === null && !shownApps.has(e.application))
		.filter((e) => !filter || applyFilter([{ company: e.company, role: e.role }], filter).length > 0)
		.map((entry) => ({ entry, context: contextText(entry.company, entry.role), text: waitingText(entry, today) }));
	const counts = {
		overdue: groups[0].rows.length,
		due: groups[1].rows.length,
		upcoming: groups[2].rows.length,
	};
	return {
		today,
		banner: keepLooking ? keepLooking.reason : null,
		groups,
		waiting,
		counts,
		empty: listed.length === 0 && waiting.length === 0 && schedule.summary.active.length === 0,
	};
}

/** The status bar text: "2 overdue, 1 due" or "No follow-ups due". */
export function statusText(counts: { overdue: number; due: number }): string {
	if (counts.overdue === 0 && counts.due === 0) return 'No follow-ups due';
	const parts: string[] = [];
	if (counts.overdue > 0) parts.push(`${counts.overdue} overdue`);
	if (counts.due > 0) parts.push(`${counts.due} due`);
	return `Follow-ups: ${parts.join(', ')}`;
}

/** Counts over every action (not only the window): overdue and due today. */
export function dueCounts(schedule: Schedule): { overdue: number; due: number } {
	let overdue = 0;
	let due = 0;
	for (const a of schedule.actions) {
		if (a.kind === 'keep-looking') continue;
		if (a.state === 'overdue') overdue += 1;
		else if (a.state === 'due') due += 1;
	}
	return { overdue, due };
}
