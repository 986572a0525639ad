/**
 * `due --ics`: the actions as an iCalendar (RFC 5545), written with the `ics`
 * package, which can express all that is needed: all-day DATE values, a UID,
 * a VALARM, categories, line folding and escaping.
 *
 * One VEVENT per action, all day on its due date, with a reminder at 09:00
 * that day. The UID is the action's stable id (`<id>@interview-followups`),
 * so importing a newer export updates the entries instead of adding copies.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, type LocalDate } from '../core/dates';
import type { Action } from '../core/types';
import { headline } from './format';

export const UID_DOMAIN = 'interview-followups';

function dateArray(date: LocalDate): DateArray {
	return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * RFC 5545 TEXT escaping (3.3.11). `ics` escapes SUMMARY and DESCRIPTION of
 * an event but writes an alarm's DESCRIPTION as given (newlines aside), so
 * that one is escaped here.
 */
export function escapeText(s: string): string {
	return s.replace(/[\\;,]/g, (c) => `\\${c}`);
}

export function icsTitle(a: Action): string {
	const where = a.company ? ` (${a.company}${a.role ? `, ${a.role}` : ''})` : '';
	return `${headline(a)}${where}`;
}

function description(a: Action): string {
	const lines: string[] = [];
	if (a.reason) lines.push(a.reason);
	lines.push(a.earliest === a.due ? `On ${a.due}.` : `From ${a.earliest}, due ${a.due}.`);
	const reach = [a.person?.email, a.person?.phone].filter((x): x is string => typeof x === 'string' && x !== '');
	if (reach.length > 0) lines.push(`Reach ${a.person?.name ?? 'them'}: ${reach.join(', ')}`);
	if (a.gifts.length > 0) lines.push(`Gift ideas: ${a.gifts.join('; ')}`);
	if (a.note) lines.push(`Log it in: ${a.note}`);
	return lines.join('\n');
}

/** `obsidian://open?vault=…&file=…`, to open the note from the calendar entry. */
export function obsidianUrl(vaultName: string, note: string): string {
	return `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(note.replace(/\.md$/i, ''))}`;
}

export function actionsToCalendar(actions: readonly Action[], vaultName: string): { ok: true; text: string } | { ok: false; message: string } {
	const events: EventAttributes[] = actions.map((a) => {
		const title = icsTitle(a);
		const event: EventAttributes = {
			uid: `${a.id}@${UID_DOMAIN}`,
			title,
			description: description(a),
			start: dateArray(a.due),
			end: dateArray(addDays(a.due, 1)),
			transp: 'TRANSPARENT',
			categories: [a.kind],
			alarms: [{ action: 'display', description: escapeText(title), trigger: { hours: 9, minutes: 0, before: false } }],
		};
		if (a.note) event.url = obsidianUrl(vaultName, a.note);
		return event;
	});
	const { error, value } = createEvents(events, { productId: '-//Interview Follow-ups//CLI//EN', calName: 'Interview follow-ups' });
	if (error || typeof value !== 'string') return { ok: false, message: `could not write the calendar (${error?.message ?? 'unknown error'})` };
	return { ok: true, text: value };
}
