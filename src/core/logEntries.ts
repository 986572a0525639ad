/**
 * Follow-up log entries and snoozes (note-format.md, "Follow-up log entries";
 * BRIEF, "Snooze format"):
 *
 *     YYYY-MM-DD kind: Person Name — optional free text
 *
 * `: Person Name` is optional; the free text follows ` — `, ` – ` or ` - `.
 * An object `{date, kind, person, note}` is accepted too, and so is a body
 * task item `- [x] thank-you: Jane Doe ✅ 2026-11-17` (the date after ✅).
 * A snooze has the same syntax with an action kind, the date being "until".
 *
 * Nothing here throws; a bad entry gives a message saying how to fix it.
 */
import type { ActionKind, LogEntry, LogKind, Snooze } from './types';
import { ACTION_KINDS, LOG_KINDS } from './types';
import type { LocalDate, ParseResult } from './dates';
import { parseDateTime } from './dates';
import { nestedLinkText, parseLinkInner, scalarText, show } from './contacts';
import { normalizeKey } from './keys';

export interface EntryPlace {
	source?: 'frontmatter' | 'body';
	line?: number;
}

/** The parts every entry shares before the kind is checked. */
interface RawEntry {
	date: LocalDate;
	kind: string;
	person: string | null;
	text: string | null;
}

const SEPARATOR_RE = /\s[—–-]\s|\s[—–-]$/g;
const DONE_RE = /\s*✅\s*(\d{4}-\d{2}-\d{2})\b/u;
// Other Tasks-plugin dates (due, scheduled, start, created, cancelled) and recurrence are not ours.
const TASK_FIELDS_RE = /\s*(?:[📅🗓⏳🛫➕❌]\uFE0F?\s*\d{4}-\d{2}-\d{2}|🔁\uFE0F?[^📅🗓⏳🛫➕❌✅]*)/gu;
const KIND_LIST = LOG_KINDS.join(', ');

/** `Thank you`, `thank_you`, `THANK-YOU` -> `thank-you`. */
export function normalizeKind(kind: string): string {
	return normalizeKey(kind).replace(/_/g, '-');
}

export function isLogKind(kind: string): kind is LogKind {
	return (LOG_KINDS as readonly string[]).includes(kind);
}

export function isActionKind(kind: string): kind is ActionKind {
	return (ACTION_KINDS as readonly string[]).includes(kind);
}

/** A person as written in an entry: a name, or a wikilink (whose note name is the person). */
function personName(raw: string): string | null {
	const s = raw.replace(/\s+/g, ' ').trim();
	if (s === '') return null;
	const m = /^!?\[\[([^[\]]+)\]\]$/.exec(s);
	if (m) {
		const link = parseLinkInner(m[1]);
		return link ? link.basename : null;
	}
	return s;
}

/** The first free-text separator not inside a `[[link]]`: a person written `[[Jane Doe - Acme]]` keeps its dash. */
function separatorOutsideLinks(rest: string): RegExpExecArray | null {
	for (const m of rest.matchAll(SEPARATOR_RE)) {
		const open = rest.lastIndexOf('[[', m.index);
		const inLink = open >= 0 && rest.lastIndexOf(']]', m.index) < open && rest.includes(']]', m.index);
		if (!inLink) return m;
	}
	return null;
}

/** `YYYY-MM-DD kind: Person — text`, the date already checked. */
function splitEntry(line: string, date: LocalDate | null): ParseResult<RawEntry> {
	let rest = line.replace(/\s+/g, ' ').trim();
	let entryDate = date;
	if (entryDate === null) {
		const first = /^(\S+)\s*/.exec(rest);
		const token = first ? first[1] : '';
		const d = parseDateTime(token);
		if (!d.ok) {
			const m = /^\d{4}-\d{2}-\d{2}/.exec(token);
			const message = m ? d.message : `${show(line)} does not start with a date (write "YYYY-MM-DD kind: Person Name")`;
			return { ok: false, message };
		}
		entryDate = d.value.date;
		rest = rest.slice(first ? first[0].length : 0);
	}
	let text: string | null = null;
	const sep = separatorOutsideLinks(rest);
	if (sep) {
		text = rest.slice(sep.index + sep[0].length).trim() || null;
		rest = rest.slice(0, sep.index);
	}
	let kind = rest;
	let person: string | null = null;
	const colon = rest.indexOf(':');
	if (colon >= 0) {
		kind = rest.slice(0, colon);
		person = personName(rest.slice(colon + 1));
	}
	kind = kind.trim();
	if (kind === '') return { ok: false, message: `${show(line)} has no kind (write "YYYY-MM-DD kind: Person Name")` };
	return { ok: true, value: { date: entryDate, kind, person, text } };
}

/** The object form `{date, kind, person, note}`. */
function objectEntry(obj: Record<string, unknown>): ParseResult<RawEntry> {
	const keys = Object.keys(obj);
	const fields: Record<string, unknown> = {};
	for (const k of keys) {
		const n = normalizeKey(k);
		if (!(n in fields)) fields[n] = obj[k];
	}
	if (!('date' in fields) && !('kind' in fields) && keys.length === 1) {
		// `- 2026-11-17 thank-you: Jane Doe` unquoted in a YAML list is a one-key map.
		const value = obj[keys[0]];
		const linked = nestedLinkText(value);
		const valueText = linked ?? scalarText(value) ?? '';
		return splitEntry(`${keys[0]}: ${valueText}`, null);
	}
	const d = parseDateTime(fields.date);
	if (!d.ok) return { ok: false, message: `date: ${d.message}` };
	const kind = scalarText(fields.kind);
	if (kind === null) return { ok: false, message: `${show(obj)} has no kind` };
	const personValue = fields.person ?? fields.name;
	const personText = nestedLinkText(personValue) ?? scalarText(personValue);
	const note = scalarText(fields.note ?? fields.text);
	return {
		ok: true,
		value: { date: d.value.date, kind, person: personText === null ? null : personName(personText), text: note },
	};
}

function rawEntry(value: unknown): ParseResult<RawEntry> {
	if (typeof value === 'string') {
		if (value.trim() === '') return { ok: false, message: 'is empty' };
		return splitEntry(value, null);
	}
	if (value instanceof Map || value instanceof Set) {
		// `follow_ups: !!omap` (or !!set) reads as a Map or a Set, which has no fields to read an entry from.
		return { ok: false, message: 'a YAML !!omap or !!set is not a list of entries; remove the tag and write one line "- YYYY-MM-DD kind: Person Name" per entry' };
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
		return objectEntry(value as Record<string, unknown>);
	}
	return {
		ok: false,
		message: `${show(value)} is not a log entry (write "YYYY-MM-DD kind: Person Name — text")`,
	};
}

/** Why a kind is wrong; when it starts with a good kind, the colon before the person is missing. */
function badKind(kind: string, list: string, good: (k: string) => boolean): string {
	const first = /^(\S+)\s+\S/.exec(kind.trim());
	if (first && good(normalizeKind(first[1]))) {
		return `'${kind}' is not a log kind: put a colon before the person ("${first[1]}: ${kind.trim().slice(first[1].length).trim()}")`;
	}
	return `'${kind}' is not a log kind (use one of ${list})`;
}

function toLogEntry(raw: RawEntry, place: EntryPlace): ParseResult<LogEntry> {
	const kind = normalizeKind(raw.kind);
	if (!isLogKind(kind)) return { ok: false, message: badKind(raw.kind, KIND_LIST, isLogKind) };
	const entry: LogEntry = {
		date: raw.date,
		kind,
		person: raw.person,
		text: raw.text,
		source: place.source ?? 'frontmatter',
	};
	if (place.line !== undefined) entry.line = place.line;
	return { ok: true, value: entry };
}

/** One log entry from frontmatter (a string or an object) or from a body list item's text. */
export function parseLogEntry(value: unknown, place: EntryPlace = {}): ParseResult<LogEntry> {
	const raw = rawEntry(value);
	return raw.ok ? toLogEntry(raw.value, place) : raw;
}

/** What a body task item says: not a task, an open task (not done yet), or a done one. */
export type TaskItem =
	| { task: false; text: string }
	| { task: true; done: false }
	| { task: true; done: true; text: string; doneDate: LocalDate | null };

/** Splits the `[x]` / `[ ]` prefix and the `✅ YYYY-MM-DD` done date off a list item's text. */
export function readTaskItem(itemText: string): TaskItem {
	const m = /^\s*\[(.)\]\s?/u.exec(itemText);
	if (!m) return { task: false, text: itemText };
	if (m[1] !== 'x' && m[1] !== 'X') return { task: true, done: false };
	let text = itemText.slice(m[0].length);
	let doneDate: LocalDate | null = null;
	const dm = DONE_RE.exec(text);
	if (dm) {
		doneDate = dm[1];
		text = text.slice(0, dm.index) + text.slice(dm.index + dm[0].length);
	}
	text = text.replace(TASK_FIELDS_RE, '').replace(/\s\^[A-Za-z0-9-]+\s*$/, '');
	return { task: true, done: true, text, doneDate };
}

/**
 * A body list item of a `Follow-ups` section: `2026-11-17 thank-you: Jane`, or
 * a done task `[x] thank-you: Jane ✅ 2026-11-17`. An open task is no entry
 * (null): nothing has been done yet.
 */
export function parseLogItem(itemText: string, line?: number): ParseResult<LogEntry> | null {
	const place: EntryPlace = { source: 'body', line };
	const t = readTaskItem(itemText);
	if (t.task && !t.done) return null;
	if (!t.task) return parseLogEntry(t.text, place);
	if (t.doneDate !== null) {
		const d = parseDateTime(t.doneDate);
		if (!d.ok) return { ok: false, message: `✅ ${d.message}` };
		// A leading date in the text wins only when there is no ✅ date; drop a repeated one.
		const text = t.text.replace(/^\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+/, '');
		const raw = splitEntry(text, d.value.date);
		return raw.ok ? toLogEntry(raw.value, place) : raw;
	}
	if (/^\s*\d{4}-\d{2}-\d{2}/.test(t.text)) return parseLogEntry(t.text, place);
	return {
		ok: false,
		message: `done task ${show(itemText.trim())} has no date (add "✅ YYYY-MM-DD" or start it with the date)`,
	};
}

/** A snooze: `YYYY-MM-DD kind: Person` = hide that action until that date. */
export function parseSnooze(value: unknown, line?: number): ParseResult<Snooze> {
	const raw = rawEntry(value);
	if (!raw.ok) return raw;
	const kind = normalizeKind(raw.value.kind);
	if (!isActionKind(kind)) {
		return { ok: false, message: badKind(raw.value.kind, ACTION_KINDS.join(', '), isActionKind).replace('a log kind', 'an action kind') };
	}
	const s: Snooze = { until: raw.value.date, kind, person: raw.value.person };
	if (line !== undefined) s.line = line;
	return { ok: true, value: s };
}

/**
 * Everything after the first colon is the person, so colons are fine; a name holding a
 * free-text separator (a note named `Jane Doe - Acme`) is written as a link to that note.
 * A link names a note, so a `/` in it reads as a folder: such a name comes back as its last part.
 */
export function isWrittenAsLink(name: string): boolean {
	return /\s[—–-]\s|\s[—–-]$|^[—–-](?:\s|$)/.test(name);
}

function cleanPerson(person: string | null): string | null {
	if (person === null) return null;
	const s = person.replace(/\s+/g, ' ').trim();
	if (s === '') return null;
	return isWrittenAsLink(s) ? `[[${s.replace(/[[\]|#^]/g, '')}]]` : s;
}

/** `YYYY-MM-DD kind: Person — text` (parts left out when null). */
export function formatLogEntry(entry: {
	date: LocalDate;
	kind: LogKind | ActionKind;
	person: string | null;
	text?: string | null;
}): string {
	const person = cleanPerson(entry.person);
	let s = `${entry.date} ${entry.kind}`;
	if (person !== null) s += `: ${person}`;
	const text = entry.text?.replace(/\s+/g, ' ').trim();
	if (text) s += ` — ${text}`;
	return s;
}

/** `YYYY-MM-DD kind: Person` for the `snoozed` list. */
export function formatSnooze(snooze: Pick<Snooze, 'until' | 'kind' | 'person'>): string {
	return formatLogEntry({ date: snooze.until, kind: snooze.kind, person: snooze.person, text: null });
}
