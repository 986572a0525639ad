/**
 * `due --ics`: the actions as an iCalendar (RFC 5545), written with the `ics`
 * package, which can express all that is needed: all-day DATE values, a UID,
 * a VALARM, categories, line folding and escaping.
 *
 * One VEVENT per action, all day on its due date, with a reminder at 09:00
 * that day. The UID is the action's stable id (`<id>@interview-followups`),
 * so importing a newer export updates the entries instead of adding copies.
 */
import type { Action } from '../core/types';
import { actionsToIcs, type IcsResult } from '../core/ics';
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

/** The command line's calendar: the shared serializer with the CLI's wording and links to the notes. */
export function actionsToCalendar(actions: readonly Action[], vaultName: string): IcsResult {
	return actionsToIcs(actions, {
		title: icsTitle,
		description,
		vaultName,
		productId: '-//Interview Follow-ups//CLI//EN',
	});
}
