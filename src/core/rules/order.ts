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

/** Above this many ordinal units (`ordinal`, about 2.6 years) between earliest and due, the fast key cannot hold the difference. */
const SPAN = 1024;

/**
 * A number that orders `YYYY-MM-DD` dates as the strings order (y * 512 +
 * m * 32 + d: monotone, not a count of days), read from the digits in place.
 * NaN when `date` is not ten characters of that shape.
 */
function ordinal(date: LocalDate): number {
	if (date.length !== 10) return NaN;
	let y = 0;
	let bad = 0;
	for (let i = 0; i < 10; i++) {
		if (i === 4 || i === 7) continue;
		const c = date.charCodeAt(i) - 48;
		bad |= c >>> 0 > 9 ? 1 : 0;
		if (i < 4) y = y * 10 + c;
	}
	if (bad !== 0) return NaN;
	const m = (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
	const d = (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
	return y * 512 + m * 32 + d;
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
	const dues = new Float64Array(n);
	const spans = new Float64Array(n);
	let minDue = Infinity;
	let maxDue = -Infinity;
	for (let i = 0; i < n; i++) {
		const a = actions[i];
		const due = ordinal(a.due);
		const span = due - ordinal(a.earliest);
		if (!(span >= 0 && span < SPAN)) {
			// Not representable (earliest after due, far before, or not a date): the plain comparison.
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
	// Within a run of equal keys: company and person name ignoring case (lowercased once per action), then compareActions.
	const company = new Array<string>(n);
	const person = new Array<string>(n);
	// Names lowercased once each: actions repeat companies and people.
	const lowered = new Map<string, string>();
	const lower = (text: string | null): string => {
		if (text === null) return '';
		let l = lowered.get(text);
		if (l === undefined) lowered.set(text, (l = text.toLowerCase()));
		return l;
	};
	const byNames = (i: number, j: number): number => {
		if (company[i] !== company[j]) return company[i] < company[j] ? -1 : 1;
		if (person[i] !== person[j]) return person[i] < person[j] ? -1 : 1;
		return compareActions(actions[i], actions[j]);
	};
	const sorted = new Array<Action>(n);
	const run: number[] = [];
	let runStart = 0;
	let runKey = Math.floor(packed[0] / n);
	for (let j = 0; j <= n; j++) {
		const key = j < n ? Math.floor(packed[j] / n) : -1;
		if (key === runKey) continue;
		const base = runKey * n;
		if (j - runStart === 1) {
			sorted[runStart] = actions[(packed[runStart] - base) | 0];
		} else {
			run.length = 0;
			for (let k = runStart; k < j; k++) {
				const i = (packed[k] - base) | 0;
				run.push(i);
				company[i] = lower(actions[i].company);
				person[i] = lower(actions[i].person?.name ?? null);
			}
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
