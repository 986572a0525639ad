/**
 * Action state, order and the "within" window (cli.md).
 */
import { addDays, toDayNumber, type LocalDate } from '../dates';
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

/** Above this many days between earliest and due, the fast key cannot hold the difference. */
const SPAN = 1024;

/**
 * Sorts in the order of `compareActions`, fast: due, earliest and kind are
 * folded into one number per action and names are lowercased once, so most
 * comparisons are one subtraction.
 */
export function sortInPlace(actions: Action[]): void {
	const n = actions.length;
	if (n < 2) return;
	const days = new Map<LocalDate, number>();
	const day = (d: LocalDate): number => {
		let v = days.get(d);
		if (v === undefined) days.set(d, (v = toDayNumber(d)));
		return v;
	};
	const key = new Float64Array(n);
	const company = new Array<string>(n);
	const person = new Array<string>(n);
	for (let i = 0; i < n; i++) {
		const a = actions[i];
		const due = day(a.due);
		const span = due - day(a.earliest);
		if (!(span >= 0 && span < SPAN)) {
			// Not representable (earliest after due, or far before): the plain comparison.
			actions.sort(compareActions);
			return;
		}
		// due ascending, then earliest ascending (a larger span first), then kind.
		key[i] = (due * SPAN + (SPAN - 1 - span)) * 8 + (KIND_RANK.get(a.kind) ?? 7);
		company[i] = (a.company ?? '').toLowerCase();
		person[i] = (a.person?.name ?? '').toLowerCase();
	}
	const order = Array.from({ length: n }, (_, i) => i);
	order.sort((i, j) => {
		const k = key[i] - key[j];
		if (k !== 0) return k;
		if (company[i] !== company[j]) return company[i] < company[j] ? -1 : 1;
		if (person[i] !== person[j]) return person[i] < person[j] ? -1 : 1;
		return compareActions(actions[i], actions[j]);
	});
	const sorted = order.map((i) => actions[i]);
	for (let i = 0; i < n; i++) actions[i] = sorted[i];
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
