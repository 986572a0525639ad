/**
 * Small text helpers for the templates: making a value safe to place on one
 * line, first names, human-readable dates and YAML scalars.
 */
import { parseLocalDate, weekday, type DateTimeValue, type LocalDate } from '../dates';
import { quotedYaml, wellFormed } from '../yamlQuote';

/** Line breaks, tabs and other control characters (C0, DEL, C1, line/paragraph separators). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

export { wellFormed };

/**
 * A value as it may appear inside one line of a note or an email subject:
 * well-formed, control characters and line breaks turned into spaces, runs of
 * spaces collapsed, trimmed. The text is otherwise kept as written (braces,
 * Markdown, HTML and right-to-left text pass through unchanged).
 */
export function inline(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
	return wellFormed(text).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'sir', 'madam']);

/**
 * The first name of a full name: the first word that is not an honorific
 * (`Dr. Jane Doe` -> `Jane`). A name without spaces (`山田太郎`) is returned
 * whole, since it cannot be split safely.
 */
export function firstName(name: string): string {
	const words = inline(name).split(' ').filter((w) => w !== '');
	if (words.length <= 1) return words[0] ?? '';
	const rest = words.filter((w, i) => i === words.length - 1 || !HONORIFICS.has(w.replace(/\.$/, '').toLowerCase()));
	return rest[0] ?? words[0] ?? '';
}

/** Han, kana and Hangul: names written family name first (`山田 太郎`, `김 민준`). */
const FAMILY_FIRST_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * How to address someone when no `salutation` is recorded: the first name
 * (`Jane` for `Jane Doe`); a title and the family name where the name starts
 * with one (`Dr. Okafor` for `Dr. Amara Okafor`); the whole name where it is
 * written family name first (CJK script, or `familyNameFirst`), since cutting
 * it to its first word would keep the family name only.
 */
export function addressName(name: string, familyNameFirst = false): string {
	const text = inline(name);
	if (text === '') return '';
	if (familyNameFirst || FAMILY_FIRST_SCRIPT.test(text)) return text;
	const words = text.split(' ');
	if (words.length >= 2 && HONORIFICS.has(words[0].replace(/\.$/, '').toLowerCase())) return `${words[0]} ${words[words.length - 1]}`;
	return firstName(text);
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

/**
 * `2026-11-16` -> `Monday 16 November`; the year is added when it is not the
 * year of `today` (`Monday 16 November 2026`). A string that is not a real
 * date comes back as written (made inline), never a guess.
 */
export function humanDate(date: LocalDate, today: LocalDate | null): string {
	const parsed = parseLocalDate(date);
	if (!parsed.ok) return inline(date);
	const y = date.slice(0, 4);
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	const base = `${WEEKDAYS[weekday(date)] ?? ''} ${d} ${MONTHS[m - 1] ?? ''}`;
	return today !== null && today.slice(0, 4) === y ? base : `${base} ${y.replace(/^0+/, '')}`;
}

/** A date or datetime as the note format writes it: `2026-11-16` or `2026-11-16T10:00`. */
export function isoDateTime(value: DateTimeValue): string {
	return value.time === null ? value.date : `${value.date}T${value.time}${value.offset ?? ''}`;
}

/**
 * A double-quoted YAML scalar that reads back as exactly `text`, made
 * well-formed (the empty string stays empty: a null value). Hand-written rather than the yaml
 * library's `stringify`, which is ~20x slower and runs for every person of
 * every view; a property test checks it against the yaml parser.
 */
export function yamlScalar(text: string): string {
	return text === '' ? '' : quotedYaml(text);
}
