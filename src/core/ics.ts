/**
 * The due list as an iCalendar file (RFC 5545): one all-day entry per action,
 * on its due date. Built with the `ics` package, which bundles for the browser
 * without Node built-ins, so the plugin and the command line share this.
 *
 * Pure: no Node built-ins, no DOM, no `obsidian`.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, type LocalDate } from './dates';
import type { Action, ActionKind } from './types';

export interface IcsOptions {
	/** The calendar's name (`X-WR-CALNAME`). */
	calendarName?: string;
	/** The entry's title; default: what to do, whom and where ("Thank-you note: Jane Doe (Acme Finance)"). */
	title?: (action: Action) => string;
	/** The entry's description; default: the action's reason and its window. */
	description?: (action: Action) => string;
	/** Which day the entry is on; default: the action's due date. */
	date?: (action: Action) => LocalDate;
	/** The vault's name: each entry then links to its note (`obsidian://open?...`). */
	vaultName?: string;
	/** `PRODID` of the calendar. */
	productId?: string;
}

/** RFC 5545 TEXT escaping (3.3.11), for the alarm's text, which `ics` writes as given. */
export function escapeIcsText(s: string): string {
	return s.replace(/[\\;,]/g, (c) => `\\${c}`);
}

/** `obsidian://open?vault=…&file=…`, to open the note from the calendar entry. */
export function obsidianUrl(vaultName: string, note: string): string {
	return `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(note.replace(/\.md$/i, ''))}`;
}

const KIND_TITLES: Record<ActionKind, string> = {
	'collect-names': 'Write down names and titles',
	'thank-you': 'Thank-you note',
	'reference-alert': 'Reference heads-up',
	'ask-timeline': 'Ask about the timeline',
	'status-check': 'Status check',
	'referral-request': 'Ask for referrals',
	'keep-looking': 'Keep looking',
};

export function defaultIcsTitle(action: Action): string {
	const who = action.person ? `: ${action.person.name}` : '';
	const where = action.company ? ` (${action.company}${action.role ? `, ${action.role}` : ''})` : '';
	return `${KIND_TITLES[action.kind]}${who}${where}`;
}

function defaultDescription(action: Action): string {
	const window = action.earliest === action.due ? `On ${action.due}.` : `From ${action.earliest}, due ${action.due}.`;
	const gifts = action.gifts.length > 0 ? ` Topics they cared about: ${action.gifts.join('; ')}.` : '';
	const note = action.note ? ` Note: ${action.note}.` : '';
	return `${action.reason} ${window}${gifts}${note}`.trim();
}

function dateArray(date: LocalDate): DateArray {
	return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

export type IcsResult = { ok: true; text: string } | { ok: false; message: string };

/** Serialises actions as an iCalendar; an empty list gives a valid calendar with no entries. */
export function actionsToIcs(actions: readonly Action[], options: IcsOptions = {}): IcsResult {
	const title = options.title ?? defaultIcsTitle;
	const description = options.description ?? defaultDescription;
	const dateOf = options.date ?? ((a: Action) => a.due);
	const calName = options.calendarName ?? 'Interview follow-ups';
	const productId = options.productId ?? '-//Interview Follow-ups//EN';
	const events: EventAttributes[] = actions.map((action) => {
		const day = dateOf(action);
		const summary = title(action);
		const event: EventAttributes = {
			uid: `${action.id}@interview-followups`,
			title: summary,
			description: description(action),
			start: dateArray(day),
			end: dateArray(addDays(day, 1)),
			transp: 'TRANSPARENT',
			categories: [action.kind],
			// A reminder at 09:00 on the day, so it reaches a phone while Obsidian is closed.
			alarms: [{ action: 'display', description: escapeIcsText(summary), trigger: { hours: 9, minutes: 0, before: false } }],
			calName,
			productId,
		};
		if (options.vaultName !== undefined && action.note) event.url = obsidianUrl(options.vaultName, action.note);
		return event;
	});
	if (events.length === 0) {
		const text = [
			'BEGIN:VCALENDAR',
			'VERSION:2.0',
			'CALSCALE:GREGORIAN',
			`PRODID:${productId}`,
			'METHOD:PUBLISH',
			`X-WR-CALNAME:${calName.replace(/[\\;,]/g, (c) => `\\${c}`)}`,
			'END:VCALENDAR',
			'',
		].join('\r\n');
		return { ok: true, text };
	}
	const { error, value } = createEvents(events, { calName, productId });
	if (error || value === null) return { ok: false, message: `could not write the calendar: ${error?.message ?? 'unknown error'}` };
	return { ok: true, text: value };
}
