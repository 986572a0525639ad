/**
 * The command line's calendar (`due --ics`, `feed`, `watch --ics FILE`): the
 * core's events (core/ics.ts) with the command line's wording and links to
 * the notes.
 */
import type { LocalInstant } from '../core/dates';
import { calendarEntries, entriesToIcs, stampOf } from '../core/ics';
import type { ScheduleInput } from '../core/rules/model';
import type { Action, Settings } from '../core/types';
import { headline } from './format';

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

/** What the calendar is computed from: the vault's index and settings. */
export interface CalendarSource {
	index: ScheduleInput;
	settings: Settings;
}

/** The whole calendar as of `now`, freshly computed from the index. */
export function calendarText(source: CalendarSource, now: LocalInstant, within: number, vaultName: string, stamp: Date = new Date()): string {
	const entries = calendarEntries(source.index, now, source.settings, within);
	return entriesToIcs(entries, {
		today: now.date,
		stamp: stampOf(stamp),
		title: icsTitle,
		description,
		vaultName,
		productId: '-//Interview Follow-ups//CLI//EN',
	});
}
