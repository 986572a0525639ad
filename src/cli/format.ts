/**
 * What the command line prints: the JSON document of cli.md (a contract:
 * key names, order and nulls exactly as there), and the readable list,
 * grouped Overdue / Due / Upcoming with relative dates.
 */
import { addDays, diffDays, shortDate, weekday, type LocalDate } from '../core/dates';
import { KIND_LABELS } from '../core/labels';
import type { Action, Diagnostic } from '../core/types';

export interface Report {
	today: LocalDate;
	/** The actions within the window, sorted as cli.md says. */
	actions: readonly Action[];
	/** Every diagnostic, sorted by note, line, severity. */
	diagnostics: readonly Diagnostic[];
	within: number;
}

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts
 * the sequences that set a window title or clear the screen; CR rewrites a
 * line), DEL, C1 controls (CSI), line and paragraph separators, and bidi
 * overrides that reorder what follows. Tabs and, where asked, line breaks pass.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Text from a note made safe to print: each control character shown as `\u001b` (visible, and ASCII). */
export function terminalText(text: string, keepLines = false): string {
	return text.replace(TERMINAL_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, keepLines ? '\n' : '\\n');
}

/** JSON text with DEL, C1 controls and separators escaped too (JSON.stringify escapes only C0): same values, nothing a terminal acts on. */
export function terminalJson(json: string): string {
	return json.replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function safeAction(a: Action): Action {
	const t = (s: string | null | undefined): string | null | undefined => (typeof s === 'string' ? terminalText(s) : s);
	return {
		...a,
		company: t(a.company) as Action['company'],
		role: t(a.role) as Action['role'],
		note: t(a.note) as Action['note'],
		reason: t(a.reason) as Action['reason'],
		gifts: (a.gifts ?? []).map((g) => terminalText(g)),
		person: a.person ? { ...a.person, name: terminalText(a.person.name), title: t(a.person.title) as never, email: t(a.person.email) as never, phone: t(a.person.phone) as never } : a.person,
	};
}

/** One action in the JSON document, keys in the order of cli.md. */
export function actionJson(a: Action): Record<string, unknown> {
	return {
		id: a.id,
		kind: a.kind,
		state: a.state,
		earliest: a.earliest,
		due: a.due,
		company: a.company ?? null,
		role: a.role ?? null,
		note: a.note ?? null,
		person:
			a.person === null || a.person === undefined
				? null
				: { name: a.person.name, title: a.person.title ?? null, email: a.person.email ?? null, phone: a.person.phone ?? null },
		gifts: [...(a.gifts ?? [])],
	};
}

export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
	return { note: d.note, line: d.line ?? null, severity: d.severity, message: d.message };
}

export function reportJson(r: Report): Record<string, unknown> {
	return { today: r.today, actions: r.actions.map(actionJson), diagnostics: r.diagnostics.map(diagnosticJson) };
}

/** Pretty JSON for `due --json`; one line for `watch --json`. */
export function formatJson(r: Report, oneLine = false): string {
	return `${terminalJson(JSON.stringify(reportJson(r), null, oneLine ? undefined : 2))}\n`;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
	return [...ds].sort(
		(a, b) =>
			(a.note < b.note ? -1 : a.note > b.note ? 1 : 0) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
			(a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
	);
}

/** Colours, used only when stdout is a terminal and NO_COLOR is not set. */
export interface Style {
	red: (s: string) => string;
	yellow: (s: string) => string;
	cyan: (s: string) => string;
	bold: (s: string) => string;
	dim: (s: string) => string;
}

const plain: Style = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, bold: (s) => s, dim: (s) => s };

function ansi(open: number, close: number): (s: string) => string {
	return (s) => `\u001b[${open}m${s}\u001b[${close}m`;
}

const coloured: Style = { red: ansi(31, 39), yellow: ansi(33, 39), cyan: ansi(36, 39), bold: ansi(1, 22), dim: ansi(2, 22) };

/** https://no-color.org: any non-empty NO_COLOR turns colour off. */
export function useColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined> = process.env): boolean {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	return stream.isTTY === true;
}

export function styleFor(colour: boolean): Style {
	return colour ? coloured : plain;
}

const LONG_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export { shortDate };

export function longDate(date: LocalDate): string {
	return `${LONG_WEEKDAYS[weekday(date)]} ${Number(date.slice(8, 10))} ${LONG_MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

function days(n: number): string {
	return `${n} day${n === 1 ? '' : 's'}`;
}

/** "3 days overdue", "due today", "due tomorrow", "in 3 days" … */
export function relative(a: Pick<Action, 'state' | 'earliest' | 'due'>, today: LocalDate): string {
	if (a.state === 'overdue') return `${days(diffDays(a.due, today))} overdue`;
	if (a.state === 'due') {
		const left = diffDays(today, a.due);
		if (left <= 0) return 'due today';
		if (left === 1) return 'due tomorrow';
		return `due in ${days(left)}`;
	}
	const until = diffDays(today, a.earliest);
	if (until === 1) return 'tomorrow';
	return `in ${days(until)}`;
}

/** What to do, in a few words: "Send a thank-you note to John Roe (Office Manager)". */
export function headline(a: Action): string {
	const who = a.person?.name ?? null;
	const titled = who && a.person?.title ? `${who} (${a.person.title})` : who;
	return KIND_LABELS[a.kind].todo(titled);
}

export interface TextOptions {
	style: Style;
	/** Also print each action's reason. */
	why: boolean;
	/** Shown in the title line, e.g. the vault folder. */
	vaultName?: string;
	/** The command that lists the problems, named in the last line (default `interview-followups check`). */
	checkCommand?: string;
}

function when(a: Action, today: LocalDate, st: Style): string {
	const rel = relative(a, today);
	if (a.state === 'overdue') return `${st.red(rel)} (due ${shortDate(a.due, today)})`;
	if (a.state === 'due') return a.due === today ? st.yellow(rel) : `${st.yellow(rel)} (${shortDate(a.due, today)})`;
	return `${st.cyan(rel)} (${shortDate(a.earliest, today)}), due ${shortDate(a.due, today)}`;
}

function actionLines(action: Action, today: LocalDate, o: TextOptions): string[] {
	const a = safeAction(action);
	const st = o.style;
	const lines = [`  ${st.bold(headline(a))}`];
	const where = [a.company, a.role].filter((x): x is string => typeof x === 'string' && x !== '').join(', ');
	const second = [where, when(a, today, st)].filter((x) => x !== '').join(' · ');
	lines.push(`    ${second}`);
	const reach = [a.person?.email, a.person?.phone].filter((x): x is string => typeof x === 'string' && x !== '');
	if (reach.length > 0) lines.push(`    ${reach.join(' · ')}`);
	if (a.gifts.length > 0) lines.push(`    ${a.gifts.length === 1 ? 'Gift idea' : 'Gift ideas'}: ${a.gifts.join('; ')}`);
	if (a.note) lines.push(`    ${st.dim(`Log it in: ${a.note}`)}`);
	if (o.why && a.reason) lines.push(`    ${st.dim(`Why: ${a.reason}`)}`);
	return lines;
}

function counted(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function diagnosticLine(d: Diagnostic, st: Style = plain): string {
	const sev = d.severity === 'error' ? st.red('error') : d.severity === 'warning' ? st.yellow('warning') : 'info';
	return `${terminalText(d.note)}${d.line !== undefined ? `:${d.line}` : ''}: ${sev}: ${terminalText(d.message)}`;
}

/** The readable list of `due` and `watch`. */
export function formatText(r: Report, o: TextOptions): string {
	const st = o.style;
	const out: string[] = [];
	out.push(st.bold(`Interview follow-ups for ${longDate(r.today)}${o.vaultName ? ` (${terminalText(o.vaultName)})` : ''}`));
	const groups: [string, Action[]][] = [
		['Overdue', r.actions.filter((a) => a.state === 'overdue')],
		['Due', r.actions.filter((a) => a.state === 'due')],
		[`Upcoming, through ${shortDate(addDays(r.today, r.within), r.today)}`, r.actions.filter((a) => a.state === 'upcoming')],
	];
	if (r.actions.length === 0) {
		out.push('', `Nothing to do through ${shortDate(addDays(r.today, r.within), r.today)}.`);
	}
	for (const [title, list] of groups) {
		if (list.length === 0) continue;
		const colour = title === 'Overdue' ? st.red : title === 'Due' ? st.yellow : st.cyan;
		out.push('', colour(st.bold(`${title} (${list.length})`)));
		for (const a of list) for (const line of actionLines(a, r.today, o)) out.push(line);
	}
	const errors = r.diagnostics.filter((d) => d.severity === 'error');
	const warnings = r.diagnostics.filter((d) => d.severity === 'warning');
	if (errors.length > 0 || warnings.length > 0) {
		// Errors can hide actions: they are listed; the last line counts everything and says how to see it.
		out.push('');
		for (const d of errors) out.push(diagnosticLine(d, st));
		const notes = new Set(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.note)).size;
		const parts = [errors.length > 0 ? st.red(counted(errors.length, 'error')) : '', warnings.length > 0 ? st.yellow(counted(warnings.length, 'warning')) : ''].filter((x) => x);
		out.push(`${parts.join(' and ')} in ${counted(notes, 'note')}: run '${o.checkCommand ?? 'interview-followups check'}' to see ${errors.length + warnings.length === 1 ? 'it' : 'them'}.`);
	}
	return `${out.join('\n')}\n`;
}

/** The output of `check`. */
export function formatCheck(r: Report, notesRead: number, st: Style): string {
	const shown = r.diagnostics;
	const out = shown.map((d) => diagnosticLine(d, st));
	const errors = shown.filter((d) => d.severity === 'error').length;
	const warnings = shown.filter((d) => d.severity === 'warning').length;
	const infos = shown.length - errors - warnings;
	if (shown.length === 0) {
		out.push(`No problems found in ${counted(notesRead, 'note')}.`);
	} else {
		const notes = new Set(shown.map((d) => d.note)).size;
		const parts = [counted(errors, 'error'), counted(warnings, 'warning')];
		if (infos > 0) parts.push(counted(infos, 'note'));
		out.push('', `${counted(shown.length, 'problem')} in ${counted(notes, 'file')} (${parts.join(', ')}); ${counted(notesRead, 'note')} read.`);
	}
	return `${out.join('\n')}\n`;
}
