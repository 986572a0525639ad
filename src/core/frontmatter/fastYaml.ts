/**
 * A fast reader for the frontmatter most notes have, and only that: flat
 * `key: value` lines whose values are plain or quoted scalars on one line,
 * one-line flow lists of such scalars (`[a, "b"]`), one-line flow maps of
 * them (`{name: Jane, email: jane@acme.com}`, alone or as list items), and
 * block lists of them (`- item` lines under a `key:`).
 *
 * It gives exactly what `yaml` (YAML 1.2, core schema, as ../frontmatter.ts
 * configures it) gives for the same text: the same value (`toJS`), the same
 * key lines, and no error, warning or value warning (../frontmatter/checks.ts)
 * — or it declines (returns null) and the caller asks `yaml`. It declines
 * anything where YAML is subtle or where `yaml` would report something:
 * anchors, aliases, tags, `|` / `>` blocks, nested block maps, collections
 * inside flow maps, multi-line scalars,
 * escapes in double quotes, comments after a value, tabs, control
 * characters, quoted or non-string keys, duplicate keys, `[[` without
 * quotes, integers that lose digits (a leading 0, a `+`, too many digits),
 * trailing commas. test/core/fastYaml.test.ts checks it against `yaml` on
 * generated texts in and around the subset and on the corpora.
 *
 * Why it exists: `yaml` is slow to start in a fresh process; the frontmatter
 * of 1,000 interview notes costs 904 ms of CPU through it and 109 ms here
 * (docs/benchmarks.md, "Reading the command-line table").
 *
 * Scalar types follow the core schema's tags in `yaml`'s order (null, bool,
 * octal, decimal and hexadecimal int, `.inf`/`.nan`, float with exponent,
 * float); everything else, dates included, is a string.
 */
import { lossyInteger } from './checks';

/** What the reader gives for a text it handles. */
export interface SimpleYaml {
	/** The top-level mapping, as `yaml`'s `toJS` builds it. */
	value: Record<string, unknown>;
	/** Each key -> its 1-based line in the text (line 1 is the text's first line). */
	keyLines: Record<string, number>;
}

/** The reader's "not handled" inside (nothing is thrown). */
const DECLINE: unique symbol = Symbol('decline');
type Read = unknown;

/**
 * Characters the reader accepts anywhere: printable ASCII, `\n`, `\r` only
 * before `\n`, and printable non-ASCII (no C1 controls, no U+2028/U+2029 line
 * separators, no byte-order mark, no U+FFFE/U+FFFF, surrogates only in pairs).
 * Everything else (a tab among them) is left to `yaml`.
 */
const UNSAFE =
	/[^\n\r\x20-\x7e\u00a0-\u2027\u202a-\ufefe\uff00-\ufffd]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

const NULL_RE = /^(?:~|[Nn]ull|NULL)$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT_RE = /^0o[0-7]+$/;
const INT_RE = /^[-+]?[0-9]+$/;
const HEX_RE = /^0x[0-9a-fA-F]+$/;
const NAN_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const CR = 0x0d;

/** The longest key read here; `yaml` limits implicit keys to 1024 characters. */
const MAX_KEY = 512;

function isDigit(c: number): boolean {
	return c >= 0x30 && c <= 0x39;
}

/**
 * Whether `c` may start a plain scalar here. YAML's indicators
 * (`-?:,[]{}#&*!|>'"%@` and backquote) may not, except `-` before a digit or
 * a dot (`-5`, `-.inf`); `<` is left out too (`<<`, the merge key).
 */
function plainStart(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	switch (c) {
		case 0x3f: // ?
		case COLON:
		case COMMA:
		case LBRACKET:
		case RBRACKET:
		case 0x7b: // {
		case 0x7d: // }
		case HASH:
		case 0x26: // &
		case 0x2a: // *
		case 0x21: // !
		case 0x7c: // |
		case 0x3e: // >
		case SQUOTE:
		case DQUOTE:
		case 0x25: // %
		case 0x40: // @
		case 0x60: // `
		case 0x3c: // <
			return false;
		case DASH: {
			const d = text.charCodeAt(i + 1);
			return isDigit(d) || d === DOT;
		}
		default:
			return true;
	}
}

/** The core schema's value of a plain scalar (never empty), or DECLINE for an integer YAML does not keep exactly. */
function typed(s: string): Read {
	const c = s.charCodeAt(0);
	// Most plain scalars start with a letter that no typed scalar starts with.
	if (!(isDigit(c) || c === DASH || c === 0x2b || c === DOT || c === 0x7e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46)) {
		return s;
	}
	if (NULL_RE.test(s)) return null;
	if (BOOL_RE.test(s)) return c === 0x74 || c === 0x54;
	if (OCT_RE.test(s)) return parseInt(s.substring(2), 8);
	if (INT_RE.test(s)) {
		const n = parseInt(s, 10);
		return lossyInteger(s, n) === null ? n : DECLINE;
	}
	if (HEX_RE.test(s)) return parseInt(s.substring(2), 16);
	if (NAN_RE.test(s)) {
		return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.charCodeAt(0) === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
	}
	if (EXP_RE.test(s) || FLOAT_RE.test(s)) return parseFloat(s);
	return s;
}

/** Index after the spaces from `i` (not past `end`). */
function skipSpaces(text: string, i: number, end: number): number {
	let j = i;
	while (j < end && text.charCodeAt(j) === SPACE) j++;
	return j;
}

/** End of the text from `start` to `end` without its trailing spaces. */
function trimEnd(text: string, start: number, end: number): number {
	let e = end;
	while (e > start && text.charCodeAt(e - 1) === SPACE) e--;
	return e;
}

/** Reader state: the position just after the last quoted scalar read. */
let after = 0;

/** A double-quoted scalar starting at `i` (the quote), without escapes; `after` is set past the closing quote. */
function doubleQuoted(text: string, i: number, end: number): Read {
	const close = text.indexOf('"', i + 1);
	if (close < 0 || close >= end) return DECLINE;
	const bs = text.indexOf('\\', i + 1);
	if (bs >= 0 && bs < close) return DECLINE;
	after = close + 1;
	return text.slice(i + 1, close);
}

/** A single-quoted scalar starting at `i` (`''` is one quote); `after` is set past the closing quote. */
function singleQuoted(text: string, i: number, end: number): Read {
	let j = i + 1;
	let doubled = false;
	for (;;) {
		const q = text.indexOf("'", j);
		if (q < 0 || q >= end) return DECLINE;
		if (text.charCodeAt(q + 1) === SQUOTE && q + 1 < end) {
			doubled = true;
			j = q + 2;
			continue;
		}
		after = q + 1;
		const raw = text.slice(i + 1, q);
		return doubled ? raw.replace(/''/g, "'") : raw;
	}
}

/**
 * One item of a flow collection closed by `close` (`]` or `}`): a quoted
 * scalar, a plain one (no `,[]{}#:` or quotes inside), or, in a list, a flow
 * map; `after` is set to the next character that is not a space.
 */
function flowItem(text: string, j: number, end: number, close: number): Read {
	const c = text.charCodeAt(j);
	if (c === DQUOTE || c === SQUOTE) {
		const item = c === DQUOTE ? doubleQuoted(text, j, end) : singleQuoted(text, j, end);
		after = skipSpaces(text, after, end);
		return item;
	}
	if (c === LBRACE && close === RBRACKET) {
		const item = flowMap(text, j, end);
		after = skipSpaces(text, after, end);
		return item;
	}
	if (!plainStart(text, j)) return DECLINE;
	let k = j;
	for (; k < end; k++) {
		const d = text.charCodeAt(k);
		if (d === COMMA || d === close) break;
		// Nested collections, comments, `key: value` pairs, quotes inside: left to yaml.
		if (d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE || d === HASH || d === COLON || d === DQUOTE || d === SQUOTE) return DECLINE;
	}
	if (k >= end) return DECLINE;
	after = k;
	return typed(text.slice(j, trimEnd(text, j, k)));
}

/** After an item at `j`: past the closing `close` (done), past a `, ` to the next item, or DECLINE. */
function nextItem(text: string, j: number, end: number, close: number): number | 'done' | typeof DECLINE {
	if (j >= end) return DECLINE;
	const sep = text.charCodeAt(j);
	if (sep === close) {
		after = j + 1;
		return 'done';
	}
	if (sep !== COMMA) return DECLINE;
	const k = skipSpaces(text, j + 1, end);
	// `[a, ]` (a trailing comma) and `[a, , b]`: left to yaml.
	if (k >= end || text.charCodeAt(k) === close || text.charCodeAt(k) === COMMA) return DECLINE;
	return k;
}

/** A flow list `[...]` on one line starting at `i`, of scalars and flow maps; `after` is set past `]`. */
function flowList(text: string, i: number, end: number): Read {
	const out: unknown[] = [];
	let j = skipSpaces(text, i + 1, end);
	if (j < end && text.charCodeAt(j) === RBRACKET) {
		after = j + 1;
		return out;
	}
	for (;;) {
		if (j >= end) return DECLINE;
		const item = flowItem(text, j, end, RBRACKET);
		if (item === DECLINE) return DECLINE;
		out.push(item);
		const next = nextItem(text, after, end, RBRACKET);
		if (next === DECLINE) return DECLINE;
		if (next === 'done') return out;
		j = next;
	}
}

/**
 * A flow map `{key: value, ...}` on one line starting at `i` (contacts as
 * people type them: `{name: Jane Doe, email: jane@acme.com}`): plain keys
 * followed by `: `, scalar values; `after` is set past `}`.
 */
function flowMap(text: string, i: number, end: number): Read {
	const out: Record<string, unknown> = {};
	let j = skipSpaces(text, i + 1, end);
	if (j < end && text.charCodeAt(j) === RBRACE) {
		after = j + 1;
		return out;
	}
	for (;;) {
		if (j >= end || !plainStart(text, j)) return DECLINE;
		let k = j;
		for (; k < end; k++) {
			const d = text.charCodeAt(k);
			if (d === COLON) break;
			if (d === LBRACKET || d === RBRACKET || d === LBRACE || d === RBRACE || d === COMMA || d === HASH || d === DQUOTE || d === SQUOTE) return DECLINE;
		}
		// `key: value` only: `key:value` is one scalar for YAML, `key :` and `key:` at the end are left to yaml.
		if (k >= end || text.charCodeAt(k + 1) !== SPACE || text.charCodeAt(k - 1) === SPACE || k - j > MAX_KEY) return DECLINE;
		const key = text.slice(j, k);
		if (typed(key) !== key || key === '__proto__' || Object.prototype.hasOwnProperty.call(out, key)) return DECLINE;
		j = skipSpaces(text, k + 1, end);
		// An empty value (`{a: , b: 1}`) is left to yaml.
		if (j >= end || text.charCodeAt(j) === COMMA || text.charCodeAt(j) === RBRACE) return DECLINE;
		const value = flowItem(text, j, end, RBRACE);
		if (value === DECLINE) return DECLINE;
		out[key] = value;
		const next = nextItem(text, after, end, RBRACE);
		if (next === DECLINE) return DECLINE;
		if (next === 'done') return out;
		j = next;
	}
}

/** A value filling the line from `i` (not a space) to `end` (line end, before any `\r`). */
function lineValue(text: string, i: number, end: number): Read {
	const c = text.charCodeAt(i);
	if (c === DQUOTE || c === SQUOTE || c === LBRACKET || c === LBRACE) {
		const v = c === DQUOTE ? doubleQuoted(text, i, end) : c === SQUOTE ? singleQuoted(text, i, end) : c === LBRACKET ? flowList(text, i, end) : flowMap(text, i, end);
		if (v === DECLINE) return DECLINE;
		// Only spaces may follow (a comment, or anything else, is left to yaml).
		return skipSpaces(text, after, end) === end ? v : DECLINE;
	}
	if (!plainStart(text, i)) return DECLINE;
	for (let k = i + 1; k < end; k++) {
		const d = text.charCodeAt(k);
		// `a: b` inside a value (a nested key) and ` #` (a comment): left to yaml.
		if (d === COLON) {
			const n = text.charCodeAt(k + 1);
			if (k + 1 >= end || n === SPACE) return DECLINE;
		} else if (d === HASH && text.charCodeAt(k - 1) === SPACE) {
			return DECLINE;
		}
	}
	return typed(text.slice(i, trimEnd(text, i, end)));
}

/** Whether the line from `i` is a document marker (`---`, `...`) or starts like one. */
function markerLike(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	return (c === DASH || c === DOT) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
}

/**
 * Reads `text` (the YAML between the fences, its first line being the rest of
 * the opening fence line) when it is in the subset; null when it is not.
 */
export function readSimpleYaml(text: string): SimpleYaml | null {
	if (UNSAFE.test(text)) return null;
	const value: Record<string, unknown> = {};
	const keyLines: Record<string, number> = {};
	let keys = 0;
	/** The list being filled by `- item` lines, its indentation (-1 before its first item). */
	let list: unknown[] | null = null;
	let listIndent = -1;
	/** The key whose value is empty on its line (null or a block list). */
	let open: string | null = null;
	const n = text.length;
	let line = 0;
	for (let pos = 0; pos <= n; ) {
		line++;
		let eol = text.indexOf('\n', pos);
		if (eol < 0) eol = n;
		const end = eol > pos && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
		const start = pos;
		pos = eol + 1;
		const i = skipSpaces(text, start, end);
		if (i === end) continue;
		const c = text.charCodeAt(i);
		if (c === HASH) continue;
		if (markerLike(text, i)) return null;
		const indent = i - start;
		if (c === DASH && (i + 1 === end || text.charCodeAt(i + 1) === SPACE)) {
			// A list item: only under a key with an empty value, all at one indentation.
			if (open === null) return null;
			if (list === null) {
				list = [];
				listIndent = indent;
				value[open] = list;
			} else if (indent !== listIndent) {
				return null;
			}
			const v = skipSpaces(text, i + 1, end);
			if (v === end) list.push(null);
			else {
				const item = lineValue(text, v, end);
				if (item === DECLINE) return null;
				list.push(item);
			}
			continue;
		}
		// Anything else must be a `key: value` line at the left margin.
		if (indent !== 0) return null;
		open = null;
		list = null;
		if (!plainStart(text, i)) return null;
		let colon = -1;
		for (let k = i + 1; k < end; k++) {
			const d = text.charCodeAt(k);
			if (d === COLON) {
				colon = k;
				break;
			}
			// Flow indicators, quotes and comments in a key: left to yaml.
			if (d === LBRACKET || d === RBRACKET || d === 0x7b || d === 0x7d || d === COMMA || d === DQUOTE || d === SQUOTE || (d === HASH && text.charCodeAt(k - 1) === SPACE)) {
				return null;
			}
		}
		if (colon < 0 || (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE)) return null;
		const keyEnd = trimEnd(text, i, colon);
		if (keyEnd - i > MAX_KEY) return null;
		const key = text.slice(i, keyEnd);
		// A key YAML reads as null, a boolean or a number, `__proto__`, or a repeated key: left to yaml.
		if (typed(key) !== key || key === '__proto__' || Object.prototype.hasOwnProperty.call(value, key)) return null;
		const v = skipSpaces(text, colon + 1, end);
		if (v === end) {
			value[key] = null;
			open = key;
			listIndent = -1;
		} else {
			const read = lineValue(text, v, end);
			if (read === DECLINE) return null;
			value[key] = read;
		}
		keyLines[key] = line;
		keys++;
	}
	return keys === 0 ? null : { value, keyLines };
}
