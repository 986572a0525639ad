/**
 * Action state, order and the "within" window (cli.md).
 */
import { addDays, digits, type LocalDate } from '../dates';
import { ACTION_KINDS, type Action, type ActionKind, type ActionState } from '../types';

/** upcoming if today < earliest, due if earliest <= today <= due, overdue if today > due. */
export function actionState(earliest: LocalDate, due: LocalDate, today: LocalDate): ActionState {
	if (today < earliest) return 'upcoming';
	if (today > due) return 'overdue';
	return 'due';
}

const KIND_RANK = new Map<ActionKind, number>(ACTION_KINDS.map((k, i) => [k, i]));

/**
 * The order of `a.toLowerCase()` and `b.toLowerCase()` (by UTF-16 code
 * units), without making those strings: ASCII letters are folded as they
 * are read, and only a string with another character before the first
 * difference is lowercased whole (some characters change length when
 * lowercased).
 */
export function compareFolded(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		let x = a.charCodeAt(i);
		let y = b.charCodeAt(i);
		if (x >= 128 || y >= 128) {
			const la = a.toLowerCase();
			const lb = b.toLowerCase();
			return la === lb ? 0 : la < lb ? -1 : 1;
		}
		if (x >= 65 && x <= 90) x += 32;
		if (y >= 65 && y <= 90) y += 32;
		if (x !== y) return x < y ? -1 : 1;
	}
	return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Case-insensitive, then exact: the same order on every machine and locale. */
function compareText(a: string | null, b: string | null): number {
	const x = a ?? '';
	const y = b ?? '';
	const folded = compareFolded(x, y);
	if (folded !== 0) return folded;
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

/** Above this many ordinal units (`ordinal`, about 2.6 years) between earliest and due, the fast key cannot hold the difference. */
const SPAN = 1024;

/**
 * A number that orders `YYYY-MM-DD` dates as the strings order (y * 512 +
 * m * 32 + d: monotone, not a count of days), read from the digits in place.
 * NaN when `date` is not ten characters of that shape.
 */
function ordinal(date: LocalDate): number {
	if (date.length !== 10) return NaN;
	return digits(date, 0, 4) * 512 + digits(date, 5, 7) * 32 + digits(date, 8, 10);
}

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
	// key: due ascending, then earliest ascending (a larger span first), then kind; times n, plus the index.
	const packed = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const a = actions[i];
		const due = ordinal(a.due);
		const span = due - ordinal(a.earliest);
		const packedKey = ((due * SPAN + (SPAN - 1 - span)) * 8 + (KIND_RANK.get(a.kind) ?? 7)) * n + i;
		if (!(span >= 0 && span < SPAN && packedKey < Number.MAX_SAFE_INTEGER)) {
			// Not representable (earliest after due, far before, not a date, or too many actions): the plain comparison.
			actions.sort(compareActions);
			return;
		}
		packed[i] = packedKey;
	}
	packed.sort();
	// Within a run of equal keys (due, earliest and kind alike), compareActions decides from the company on.
	const byNames = (i: number, j: number): number => compareActions(actions[i], actions[j]);
	const sorted = new Array<Action>(n);
	const run: number[] = [];
	// A packed number is key * n + index; both parts come back exactly with % and an exact division.
	let runStart = 0;
	let runKey = (packed[0] - (packed[0] % n)) / n;
	for (let j = 1; j <= n; j++) {
		const key = j < n ? (packed[j] - (packed[j] % n)) / n : -1;
		if (key === runKey) continue;
		if (j - runStart === 1) {
			sorted[runStart] = actions[(packed[runStart] % n) | 0];
		} else {
			run.length = 0;
			for (let k = runStart; k < j; k++) run.push((packed[k] % n) | 0);
			run.sort(byNames);
			for (let k = 0; k < run.length; k++) sorted[runStart + k] = actions[run[k]];
		}
		runStart = j;
		runKey = key;
	}
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
