/**
 * Action state, order and the "within" window (cli.md).
 */
import { addDays, type LocalDate } from '../dates';
import { ACTION_KINDS, type Action, type ActionState } from '../types';

/** upcoming if today < earliest, due if earliest <= today <= due, overdue if today > due. */
export function actionState(earliest: LocalDate, due: LocalDate, today: LocalDate): ActionState {
	if (today < earliest) return 'upcoming';
	if (today > due) return 'overdue';
	return 'due';
}

/** Case-insensitive, then exact: the same order on every machine and locale. */
function compareText(a: string | null, b: string | null): number {
	const x = a ?? '';
	const y = b ?? '';
	const lx = x.toLowerCase();
	const ly = y.toLowerCase();
	if (lx !== ly) return lx < ly ? -1 : 1;
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * cli.md: "ordered by `due`, then `earliest`, then kind in the order of the
 * rules table, then company and person name"; role, note and id break the
 * remaining ties so the order is total.
 */
export function compareActions(a: Action, b: Action): number {
	if (a.due !== b.due) return a.due < b.due ? -1 : 1;
	if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
	const k = ACTION_KINDS.indexOf(a.kind) - ACTION_KINDS.indexOf(b.kind);
	if (k !== 0) return k;
	return (
		compareText(a.company, b.company) ||
		compareText(a.person?.name ?? null, b.person?.name ?? null) ||
		compareText(a.role, b.role) ||
		compareText(a.note, b.note) ||
		compareText(a.id, b.id)
	);
}

/** A sorted copy, in the order of `compareActions`. */
export function sortActions(actions: readonly Action[]): Action[] {
	return [...actions].sort(compareActions);
}

/**
 * The actions whose `earliest` is at most `withinDays` after `today` (every
 * due and overdue action, plus the upcoming ones that close), in the order
 * given. A `withinDays` that is not a number counts as 0; `Infinity` keeps all.
 */
export function selectWithin(actions: readonly Action[], today: LocalDate, withinDays: number): Action[] {
	if (withinDays === Infinity) return [...actions];
	const limit = addDays(today, Number.isFinite(withinDays) ? Math.floor(withinDays) : 0);
	return actions.filter((a) => a.earliest <= limit);
}
