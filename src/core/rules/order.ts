/**
 * Action state, order and the "within" window (cli.md).
 */
import { addDays, type LocalDate } from '../dates';
import { ACTION_KINDS, type Action, type ActionKind, type ActionState } from '../types';

/** upcoming if today < earliest, due if earliest <= today <= due, overdue if today > due. */
export function actionState(earliest: LocalDate, due: LocalDate, today: LocalDate): ActionState {
	if (today < earliest) return 'upcoming';
	if (today > due) return 'overdue';
	return 'due';
}

const KIND_RANK = new Map<ActionKind, number>(ACTION_KINDS.map((k, i) => [k, i]));

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
 * cli.md: "ordered by `due`, then `earliest`, then kind, company, person
 * name". Kinds rank in the order of the rules table (collect-names,
 * thank-you, reference-alert, ask-timeline, status-check, referral-request,
 * keep-looking); role, note and id break the remaining ties so the order is
 * total.
 */
export function compareActions(a: Action, b: Action): number {
	if (a.due !== b.due) return a.due < b.due ? -1 : 1;
	if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
	const k = (KIND_RANK.get(a.kind) ?? 99) - (KIND_RANK.get(b.kind) ?? 99);
	if (k !== 0) return k;
	return (
		compareText(a.company, b.company) ||
		compareText(a.person?.name ?? null, b.person?.name ?? null) ||
		compareText(a.role, b.role) ||
		compareText(a.note, b.note) ||
		compareText(a.id, b.id)
	);
}

interface Decorated {
	a: Action;
	rank: number;
	company: string;
	person: string;
}

function decorate(a: Action): Decorated {
	return {
		a,
		rank: KIND_RANK.get(a.kind) ?? 99,
		company: (a.company ?? '').toLowerCase(),
		person: (a.person?.name ?? '').toLowerCase(),
	};
}

function compareDecorated(x: Decorated, y: Decorated): number {
	const a = x.a;
	const b = y.a;
	if (a.due !== b.due) return a.due < b.due ? -1 : 1;
	if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
	if (x.rank !== y.rank) return x.rank - y.rank;
	if (x.company !== y.company) return x.company < y.company ? -1 : 1;
	if (x.person !== y.person) return x.person < y.person ? -1 : 1;
	return compareActions(a, b);
}

/** Sorts in the order of `compareActions` (lowercasing each name once, not on every comparison). */
export function sortInPlace(actions: Action[]): void {
	const d = actions.map(decorate).sort(compareDecorated);
	for (let i = 0; i < d.length; i++) actions[i] = d[i].a;
}

/** A sorted copy, in the order of `compareActions`. */
export function sortActions(actions: readonly Action[]): Action[] {
	const copy = [...actions];
	sortInPlace(copy);
	return copy;
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
