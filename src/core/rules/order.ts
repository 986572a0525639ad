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
 * folded into one number per action, with the action's index in its low
 * digits, and those numbers are sorted natively (no comparison function).
 * Only runs of actions with the same due, earliest and kind are then put in
 * order by `compareActions` (company, person, ...), which is where names
 * are compared at all.
 */
export function sortInPlace(actions: Action[]): void {
	const n = actions.length;
	if (n < 2) return;
	const dues = new Float64Array(n);
	const spans = new Float64Array(n);
	let minDue = Infinity;
	let maxDue = -Infinity;
	let prevDate = '';
	let prevDay = 0;
	const day = (d: LocalDate): number => {
		// Neighbouring actions often share dates: skip the arithmetic then.
		if (d !== prevDate) {
			prevDate = d;
			prevDay = toDayNumber(d);
		}
		return prevDay;
	};
	for (let i = 0; i < n; i++) {
		const a = actions[i];
		const earliest = day(a.earliest);
		const due = day(a.due);
		const span = due - earliest;
		if (!(span >= 0 && span < SPAN)) {
			// Not representable (earliest after due, or far before): the plain comparison.
			actions.sort(compareActions);
			return;
		}
		dues[i] = due;
		spans[i] = span;
		if (due < minDue) minDue = due;
		if (due > maxDue) maxDue = due;
	}
	// key: due ascending, then earliest ascending (a larger span first), then kind; times n, plus the index.
	if ((maxDue - minDue + 1) * SPAN * 8 * n >= Number.MAX_SAFE_INTEGER) {
		actions.sort(compareActions);
		return;
	}
	const packed = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const key = ((dues[i] - minDue) * SPAN + (SPAN - 1 - spans[i])) * 8 + (KIND_RANK.get(actions[i].kind) ?? 7);
		packed[i] = key * n + i;
	}
	packed.sort();
	const sorted = new Array<Action>(n);
	let runStart = 0;
	let runKey = Math.floor(packed[0] / n);
	for (let j = 0; j <= n; j++) {
		const key = j < n ? Math.floor(packed[j] / n) : -1;
		if (key === runKey) continue;
		if (j - runStart === 1) {
			sorted[runStart] = actions[packed[runStart] - runKey * n];
		} else {
			sortRun(actions, packed, runStart, j, runKey * n, sorted);
		}
		runStart = j;
		runKey = key;
	}
	for (let i = 0; i < n; i++) actions[i] = sorted[i];
}

/**
 * Puts the actions of one run (same due, earliest and kind; `packed[from..to)`
 * minus `base` are their indexes) into `sorted[from..to)`, in the order of
 * `compareActions`: names are lowercased once per action, not per comparison.
 */
function sortRun(actions: readonly Action[], packed: Float64Array, from: number, to: number, base: number, sorted: Action[]): void {
	const run: { a: Action; company: string; person: string }[] = [];
	for (let k = from; k < to; k++) {
		const a = actions[packed[k] - base];
		run.push({ a, company: (a.company ?? '').toLowerCase(), person: (a.person?.name ?? '').toLowerCase() });
	}
	run.sort((x, y) => {
		if (x.company !== y.company) return x.company < y.company ? -1 : 1;
		if (x.person !== y.person) return x.person < y.person ? -1 : 1;
		return compareActions(x.a, y.a);
	});
	for (let k = 0; k < run.length; k++) sorted[from + k] = run[k].a;
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
