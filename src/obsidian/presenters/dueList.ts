/**
 * What the due list says, as data: groups, rows in words, relative dates.
 * The view, the code block and the status bar render this; tests read it.
 *
 * Pure: no `obsidian`, no DOM.
 */
import { addDays, diffDays, weekday, type LocalDate } from '../../core/dates';
import type { PipelineEntry, Schedule } from '../../core/rules/model';
import { KIND_LABELS } from '../../core/labels';
import type { Action, ActionKind, ActionState } from '../../core/types';
import { applyFilter, type ListFilter } from './blockFilter';

/**
 * The groups, named for what they hold: `overdue` (past the due date), `now`
 * (the window is open: do it by the due date), `soon` (the window opens
 * within the look-ahead), `waiting` (applications with nothing to do), and
 * `snoozed` (hidden by a snooze until a later day).
 */
export type GroupId = 'overdue' | 'now' | 'soon' | 'waiting' | 'snoozed';

/** The action groups, by the state of their actions. */
export type ActionGroupId = 'overdue' | 'now' | 'soon';

export const GROUP_OF_STATE: Record<ActionState, ActionGroupId> = { overdue: 'overdue', due: 'now', upcoming: 'soon' };

export const GROUP_TITLES: Record<GroupId, string> = {
	overdue: 'Overdue',
	now: 'To do now',
	soon: 'Coming up',
	waiting: 'Waiting',
	snoozed: 'Snoozed',
};

/** Groups shown closed until the user opens them. */
export const COLLAPSED_BY_DEFAULT: ReadonlySet<GroupId> = new Set<GroupId>(['snoozed']);

export interface ActionRow {
	action: Action;
	/** "Send a thank-you note to Jane Doe". */
	sentence: string;
	/** "thank-you note to Jane Doe": the action as a noun, for notices and accessible names. */
	noun: string;
	/** "Acme Finance · Secretary". */
	context: string;
	/** "preparing the next round (Acme Finance, Secretary)": the noun with its application, so the row's controls have names no other row shares. */
	named: string;
	/** "due Mon 23 Nov": short, for the row's second line. */
	when: string;
	/** "Due in 2 days (Mon 23 Nov)": the whole sentence, for the tooltip. */
	whenLong: string;
	/** Set on the rows of the snoozed group: the day the action comes back. */
	snoozedUntil?: LocalDate;
}

export interface Group {
	id: ActionGroupId | 'snoozed';
	title: string;
	rows: ActionRow[];
}

export interface WaitingRow {
	entry: PipelineEntry;
	context: string;
	/** "Waiting until Fri 4 Dec (status check)". */
	text: string;
}

export interface DueList {
	today: LocalDate;
	/** The keep-looking advice, when the pipeline is thin. */
	banner: string | null;
	/**
	 * Overdue, to do now, coming up (or to do now first, with `todayFirst`),
	 * then snoozed; a group with no rows is still listed (the view hides it).
	 */
	groups: Group[];
	waiting: WaitingRow[];
	counts: { overdue: number; due: number; upcoming: number; snoozed: number };
	/** True when there is nothing at all: no application, no action. */
	empty: boolean;
}

export interface DueListOptions {
	/** Today's work above the overdue backlog. */
	todayFirst?: boolean;
}

export function kindWords(kind: ActionKind | 'interview'): string {
	return kind === 'interview' ? 'next interview' : KIND_LABELS[kind].noun;
}

/** The action in words: "Send a thank-you note to Jane Doe". */
export function actionSentence(action: Action): string {
	return KIND_LABELS[action.kind].todo(action.person?.name ?? null);
}

/** The action as a noun: "thank-you note to Jane Doe", "status check with Sam Lee". */
export function actionNoun(action: Pick<Action, 'kind' | 'person' | 'company'>): string {
	return KIND_LABELS[action.kind].phrase(action.person?.name ?? null, action.company);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 23 Nov" (with the year when it is not `today`'s: "Mon 4 Jan 2027"). */
export function dayLabel(date: LocalDate, today?: LocalDate): string {
	const day = Number(date.slice(8, 10));
	const month = MONTHS[Number(date.slice(5, 7)) - 1];
	const year = today !== undefined && today.slice(0, 4) === date.slice(0, 4) ? '' : ` ${date.slice(0, 4)}`;
	return `${WEEKDAYS[weekday(date)]} ${day} ${month}${year}`;
}

/** "today", "tomorrow", "yesterday", "in 3 days", "3 days ago". */
export function relativeDay(today: LocalDate, date: LocalDate): string {
	const d = diffDays(today, date);
	if (d === 0) return 'today';
	if (d === 1) return 'tomorrow';
	if (d === -1) return 'yesterday';
	return d > 0 ? `in ${d} days` : `${-d} days ago`;
}

/** When the action is due, relative to today, as a sentence (the row's tooltip). */
export function whenText(action: Pick<Action, 'state' | 'earliest' | 'due'>, today: LocalDate): string {
	const state: ActionState = action.state;
	if (state === 'overdue') return `Was due ${relativeDay(today, action.due)} (${dayLabel(action.due, today)})`;
	if (state === 'due') {
		if (action.due === today) return 'Due today';
		return `Due ${relativeDay(today, action.due)} (${dayLabel(action.due, today)})`;
	}
	return `Starts ${relativeDay(today, action.earliest)} (${dayLabel(action.earliest, today)}), due ${dayLabel(action.due, today)}`;
}

/** The same, short, for the row's second line: "due today", "due Mon 23 Nov", "was due Wed 18 Nov", "from Sat 28 Nov". */
export function whenShort(action: Pick<Action, 'state' | 'earliest' | 'due'>, today: LocalDate): string {
	if (action.state === 'overdue') return `was due ${dayLabel(action.due, today)}`;
	if (action.state === 'due') {
		if (action.due === today) return 'due today';
		if (diffDays(today, action.due) === 1) return 'due tomorrow';
		return `due ${dayLabel(action.due, today)}`;
	}
	if (diffDays(today, action.earliest) === 1) return 'from tomorrow';
	return `from ${dayLabel(action.earliest, today)}`;
}

/** "Acme Finance · Secretary" (with `separator` ', ': "Acme Finance, Secretary"); what is missing left out. */
export function contextText(company: string | null, role: string | null, separator = ' · '): string {
	return [company, role].filter((s): s is string => !!s && s.trim() !== '').join(separator);
}

/** The action as a noun with its application: "thank-you note to Jane Doe (Acme Finance, Secretary)". */
function namedText(action: Action): string {
	const app = contextText(action.company, action.role, ', ');
	return app === '' ? actionNoun(action) : `${actionNoun(action)} (${app})`;
}

export function toRow(action: Action, today: LocalDate): ActionRow {
	return {
		action,
		sentence: actionSentence(action),
		noun: actionNoun(action),
		context: contextText(action.company, action.role),
		named: namedText(action),
		when: whenShort(action, today),
		whenLong: whenText(action, today),
	};
}

function snoozedRow(action: Action, until: LocalDate, today: LocalDate): ActionRow {
	return { ...toRow(action, today), when: `back ${dayLabel(until, today)}`, whenLong: `Snoozed until ${dayLabel(until, today)}; due ${dayLabel(action.due, today)}`, snoozedUntil: until };
}

function waitingText(entry: PipelineEntry, today: LocalDate): string {
	if (entry.waitingUntil) {
		const what = entry.waitingFor ? ` (${kindWords(entry.waitingFor)})` : '';
		return `Waiting until ${dayLabel(entry.waitingUntil, today)}${what}, ${relativeDay(today, entry.waitingUntil)}`;
	}
	if (entry.nextInterview) return `Next interview ${dayLabel(entry.nextInterview, today)}`;
	return 'Waiting: nothing scheduled';
}

/**
 * Turns a schedule into the list the user sees: actions due or overdue, those
 * starting within `within` days, the snoozed ones, and the active
 * applications with nothing to do now ("waiting until ...").
 */
export function buildDueList(schedule: Schedule, within: number, filter: ListFilter | null = null, options: DueListOptions = {}): DueList {
	const today = schedule.today;
	const horizon = addDays(today, Math.max(0, filter?.within ?? within));
	let actions = schedule.actions.filter((a) => a.state !== 'upcoming' || a.earliest <= horizon);
	if (filter) actions = applyFilter(actions, filter);
	const keepLooking = actions.find((a) => a.kind === 'keep-looking') ?? null;
	const listed = actions.filter((a) => a.kind !== 'keep-looking');
	const order: ActionGroupId[] = options.todayFirst ? ['now', 'overdue', 'soon'] : ['overdue', 'now', 'soon'];
	const byGroup = new Map<ActionGroupId, ActionRow[]>(order.map((id) => [id, []]));
	for (const a of listed) byGroup.get(GROUP_OF_STATE[a.state])?.push(toRow(a, today));
	// A filter on states names the states of due actions: snoozed ones are left out by it.
	let snoozed = schedule.snoozed.filter((s) => s.action.kind !== 'keep-looking' && s.action.note !== null);
	if (filter) snoozed = filter.states !== null ? [] : snoozed.filter((s) => applyFilter([s.action], filter).length > 0);
	const groups: Group[] = order.map((id) => ({ id, title: GROUP_TITLES[id], rows: byGroup.get(id) ?? [] }));
	const comingBack = [...snoozed].sort((x, y) => (x.until < y.until ? -1 : x.until > y.until ? 1 : 0));
	groups.push({ id: 'snoozed', title: GROUP_TITLES.snoozed, rows: comingBack.map((s) => snoozedRow(s.action, s.until, today)) });
	const shownApps = new Set(listed.map((a) => a.application).filter((x): x is string => x !== null));
	// Waiting rows are applications, not actions: a filter on kinds or states leaves them out.
	const showWaiting = !filter || (filter.kinds === null && filter.states === null);
	const waiting = schedule.summary.active
		.filter((e) => showWaiting && e.next === null && !shownApps.has(e.application))
		.filter((e) => !filter || applyFilter([{ company: e.company, role: e.role }], filter).length > 0)
		.map((entry) => ({ entry, context: contextText(entry.company, entry.role), text: waitingText(entry, today) }));
	const counts = {
		overdue: byGroup.get('overdue')?.length ?? 0,
		due: byGroup.get('now')?.length ?? 0,
		upcoming: byGroup.get('soon')?.length ?? 0,
		snoozed: snoozed.length,
	};
	return {
		today,
		banner: keepLooking ? keepLooking.reason : null,
		groups,
		waiting,
		counts,
		empty: listed.length === 0 && waiting.length === 0 && snoozed.length === 0 && schedule.summary.active.length === 0,
	};
}

/** The status bar text, in the words of the view's groups: "2 overdue, 1 to do now" or "No follow-ups to do". */
export function statusText(counts: { overdue: number; due: number }): string {
	if (counts.overdue === 0 && counts.due === 0) return 'No follow-ups to do';
	return `Follow-ups: ${countsText(counts)}`;
}

/** "2 overdue, 1 to do now": the counts named as the view's groups are (the status bar, the daily notification). */
export function countsText(counts: { overdue: number; due: number }): string {
	const parts: string[] = [];
	if (counts.overdue > 0) parts.push(`${counts.overdue} overdue`);
	if (counts.due > 0) parts.push(`${counts.due} to do now`);
	return parts.join(', ');
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
