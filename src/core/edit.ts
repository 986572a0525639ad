/**
 * Pure text edits of a note: append one entry to its `follow_ups` list (the
 * command line's `log`, the plugin's Done) or its `snoozed` list (Snooze);
 * insert a draft under a heading (the plugin's Draft).
 *
 * The edit is a splice, not a re-serialisation. The frontmatter is parsed with
 * the `yaml` Document API to find where the list (or the key, or the
 * frontmatter) is, the new entry is inserted as text at that spot, and the
 * result is parsed again and compared value by value with what was meant:
 * every other key keeps its value, its quoting, its comments and its bytes;
 * the body after the closing fence is never touched. CRLF notes stay CRLF, a
 * byte order mark stays.
 *
 * Only if a splice cannot be verified (an unusual layout, e.g. a multi-line
 * scalar turned into a list) is the Document itself edited and stringified,
 * and that only when the untouched frontmatter stringifies back to exactly the
 * same text, so that no byte outside the list can change. Otherwise the edit
 * is refused with a message saying what to do by hand.
 *
 * No Node built-ins here: this runs in the plugin too.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq } from 'yaml';
import type { Document, Node as YamlNode, Pair, ParsedNode } from 'yaml';
import { scanHeadings } from './body';
import { shortMessage, valuesProblem } from './frontmatter/checks';
import { scanFence, unclosedLooksLikeProperties } from './frontmatter/fence';
import { FIELD_KEYS, normalizeKey } from './keys';
import { NOT_PRINTABLE, quotedYaml } from './yamlQuote';

export type AppendResult =
	| {
			text: string;
			/** The key written to, as spelled in the note (`follow_ups`, `Follow ups`, `log` …). */
			key: string;
			/** How the entry was added; `already-there` (with `once`): the text is unchanged. */
			how: 'appended' | 'created-key' | 'created-frontmatter' | 'converted-to-list' | 'already-there';
	  }
	| { error: string };

/** The frontmatter lists the tool writes to. */
export type ListField = 'follow_ups' | 'snoozed';

export interface AppendOptions {
	/** Leave the note as it is when the list already holds the entry (ignoring surrounding spaces). */
	once?: boolean;
}

interface Frontmatter {
	/** Offset in the text (after any BOM) where the YAML starts (after the opening fence line). */
	yamlStart: number;
	/** Offset where the closing fence line starts. */
	yamlEnd: number;
}

const BOM = '\uFEFF';

/** Properties longer than this are not edited: no interview note has that many, and parsing them twice would take seconds. */
export const MAX_PROPERTIES_CHARS = 256 * 1024;

/**
 * The frontmatter block by Obsidian's rules (./frontmatter/fence.ts, as the
 * reader finds it); null when there is none; an error when line 1 opens a
 * block that no line closes while the lines under it look like properties
 * (writing a new block above them would hide the mistake).
 */
function findFrontmatter(text: string): Frontmatter | null | { error: string } {
	const scan = scanFence(text);
	if (scan.kind === 'none') return null;
	if (scan.kind === 'unclosed') {
		if (!unclosedLooksLikeProperties(text, scan)) return null;
		return { error: 'line 1 is "---" but no later line is "---", so the note has no properties yet; add a line "---" after the last property, then try again' };
	}
	return { yamlStart: scan.openEnd + (text.charCodeAt(scan.openEnd) === 0x0d ? 2 : 1), yamlEnd: scan.closeStart };
}

function lineStartOf(src: string, pos: number): number {
	const i = src.lastIndexOf('\n', pos - 1);
	return i + 1;
}

/** Offset just after the newline ending the line that contains `pos` (or the end of `src`). */
function afterLineEnd(src: string, pos: number): number {
	if (pos > 0 && src[pos - 1] === '\n') return pos;
	const i = src.indexOf('\n', pos);
	return i === -1 ? src.length : i + 1;
}

type Style = 'double' | 'single' | 'plain';

function quote(entry: string, style: Style): string {
	if (style === 'plain') return entry;
	if (style === 'single') return `'${entry.replace(/'/g, "''")}'`;
	return quotedYaml(entry);
}

/**
 * The quoting styles to try, starting with the one the list already uses;
 * only double quotes can carry a character YAML does not allow raw.
 */
function stylesLike(sample: unknown, entry: string): Style[] {
	if (NOT_PRINTABLE.test(entry) || /[\u0085\u2028\u2029]/.test(entry)) return ['double'];
	if (isScalar(sample)) {
		if (sample.type === Scalar.QUOTE_SINGLE) return ['single', 'double'];
		if (sample.type === Scalar.PLAIN && typeof sample.value === 'string') return ['plain', 'double'];
	}
	return ['double'];
}

/** The value the list should have after the append, given its old value (a list, one value, or none). */
export function expectedList(old: unknown, entry: string): unknown[] {
	if (old === null || old === undefined) return [entry];
	if (Array.isArray(old)) return [...(old as unknown[]), entry];
	return [old, entry];
}

function sameValue(a: unknown, b: unknown): boolean {
	return stableJson(a) === stableJson(b);
}

/** JSON that keeps key order (so a reordered map is a difference) and tells undefined from null. */
function stableJson(v: unknown): string {
	return JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '\u0000undefined' : x instanceof Map ? [...x.entries()] : x));
}

interface Parsed {
	doc: Document.Parsed;
	value: unknown;
}

function parseYaml(src: string): Parsed | { error: string } {
	// logLevel 'error': warnings (an unknown tag) are not printed; the verification compares values.
	const doc = parseDocument(src, { prettyErrors: true, logLevel: 'error' });
	if (doc.errors.length > 0) {
		const e = doc.errors[0];
		const line = e.linePos?.[0]?.line;
		return { error: `${line === undefined ? '' : `line ${line}: `}${shortMessage(e)}` };
	}
	try {
		return { doc, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
	} catch (e) {
		// An unresolved or excessive alias (*Jane*, an alias bomb), a malformed !!omap, a too deep nesting.
		const { line, problem } = valuesProblem(doc, src, e);
		return { error: `line ${line}: ${problem}` };
	}
}

/** Checks that `newYaml` holds exactly the old values, with the list under `key` now `expected`. */
function verify(oldValue: Record<string, unknown>, newYaml: string, key: string, expected: unknown[], oldWarnings: number): boolean {
	const parsed = parseYaml(newYaml);
	if ('error' in parsed) return false;
	// A new warning (a tag that no longer fits, `follow_ups: !!null` over a list) is YAML a strict reader refuses.
	if (parsed.doc.warnings.length > oldWarnings) return false;
	const v = parsed.value;
	if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
	const want: Record<string, unknown> = {};
	let placed = false;
	for (const [k, val] of Object.entries(oldValue)) {
		if (k === key) {
			want[k] = expected;
			placed = true;
		} else want[k] = val;
	}
	if (!placed) want[key] = expected;
	return sameValue(v, want);
}

/**
 * Appends `entry` (a log entry such as `2026-11-21 thank-you: John Roe`) to the
 * note's follow-up list. Returns the whole new note text, or an error that
 * says what is wrong; the caller writes nothing on error.
 */
export function appendFollowUp(text: string, entry: string, options: AppendOptions = {}): AppendResult {
	return appendToList(text, 'follow_ups', entry, options);
}

/**
 * Appends several entries to the list `field` in order (a follow-up and the
 * status event it depends on), each verified as `appendToList` verifies one;
 * the first error stops it and nothing is to be written.
 */
export function appendEntries(text: string, field: ListField, entries: readonly string[], options: AppendOptions = {}): AppendResult {
	let result: Exclude<AppendResult, { error: string }> = { text, key: field, how: 'already-there' };
	for (const entry of entries) {
		const r = appendToList(result.text, field, entry, options);
		if ('error' in r) return r;
		// The note as a whole was added to: how the first entry went in says it.
		result = result.how === 'already-there' ? r : { ...r, how: result.how };
	}
	return result;
}

/**
 * Appends `entry` to the note's list `field` (`follow_ups` or `snoozed`,
 * under whichever spelling of the key the note uses, note-format.md), as
 * `appendFollowUp` does.
 */
export function appendToList(text: string, field: ListField, entry: string, options: AppendOptions = {}): AppendResult {
	try {
		return appendToListOrThrow(text, field, entry, options);
	} catch {
		// Whatever a note holds, the answer is a message, never a crash; the exception's own text means nothing to the user.
		return { error: `${CANNOT_CHANGE} (the list '${field}' or a value near it uses a YAML tag, anchor or alias, or nests too deep); ${addByHand(entry, field)}` };
	}
}

const CANNOT_CHANGE = 'this tool cannot change these properties safely';

/** What to do when the tool will not write the entry itself. */
function addByHand(entry: string, key: string): string {
	return `add the line \`- ${quotedYaml(entry)}\` under \`${key}:\` by hand`;
}

function appendToListOrThrow(text: string, field: ListField, entry: string, options: AppendOptions): AppendResult {
	if (entry.trim() === '' || /[\r\n]/.test(entry)) {
		return { error: 'the entry must be one non-empty line' };
	}
	const bom = text.startsWith(BOM) ? BOM : '';
	const t = bom ? text.slice(1) : text;
	const fm = findFrontmatter(t);
	if (fm !== null && 'error' in fm) return fm;

	if (!fm) {
		const eol = t.includes('\r\n') ? '\r\n' : '\n';
		const block = `---${eol}${field}:${eol}  - ${quote(entry, 'double')}${eol}---${eol}`;
		return { text: bom + block + t, key: field, how: 'created-frontmatter' };
	}

	if (fm.yamlEnd - fm.yamlStart > MAX_PROPERTIES_CHARS) {
		return { error: `the properties take ${Math.round((fm.yamlEnd - fm.yamlStart) / 1024)} KB, more than the ${MAX_PROPERTIES_CHARS / 1024} KB the tool edits; shorten them first` };
	}
	const eol = /^---[ \t]*\r\n/.test(t) ? '\r\n' : '\n';
	const head = t.slice(0, fm.yamlStart);
	const yamlSrc = t.slice(fm.yamlStart, fm.yamlEnd);
	const tail = t.slice(fm.yamlEnd);
	const result = appendInYaml(yamlSrc, entry, eol, field, options.once === true);
	if ('error' in result) {
		// Lines in the message are lines of the file: the YAML starts on line 2.
		return { error: result.error.replace(/\(line (\d+): /, (_m, n: string) => `(line ${Number(n) + 1}: `) };
	}
	if (result.how === 'already-there') return { text, key: result.key, how: result.how };
	return { text: bom + head + result.yaml + tail, key: result.key, how: result.how };
}

type YamlResult =
	| { yaml: string; key: string; how: 'appended' | 'created-key' | 'converted-to-list' | 'already-there' }
	| { error: string };

/** Does the list value `old` (a list, or one value) hold `entry`, ignoring surrounding spaces? */
export function holds(old: unknown, entry: string): boolean {
	const items: unknown[] = Array.isArray(old) ? (old as unknown[]) : [old];
	return items.some((item) => typeof item === 'string' && item.trim() === entry.trim());
}

function appendInYaml(src: string, entry: string, eol: string, field: ListField, once: boolean): YamlResult {
	const parsed = parseYaml(src);
	if ('error' in parsed) {
		return { error: `the frontmatter is not valid YAML (${parsed.error}); fix it, then try again` };
	}
	const { doc } = parsed;
	let oldValue: Record<string, unknown>;
	if (parsed.value === null || parsed.value === undefined) oldValue = {};
	else if (typeof parsed.value === 'object' && !Array.isArray(parsed.value)) oldValue = parsed.value as Record<string, unknown>;
	else return { error: 'the frontmatter is not a list of `key: value` lines; fix it, then try again' };

	const root = doc.contents;
	const pair = root && isMap(root) ? findKey(root.items, FIELD_KEYS[field]) : null;

	if (!pair) {
		const expected = [entry];
		const seqIndent = detectSeqIndent(src);
		let base = src;
		if (base.length > 0 && !base.endsWith('\n')) base += eol;
		const yaml = `${base}${field}:${eol}${seqIndent}- ${quote(entry, 'double')}${eol}`;
		if (verify(oldValue, yaml, field, expected, doc.warnings.length)) return { yaml, key: field, how: 'created-key' };
		return fallback(src, entry, eol, field, oldValue, doc.warnings.length, expected, 'created-key');
	}

	const keyNode = pair.key as ParsedNode;
	const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
	const old = oldValue[key];
	if (once && holds(old, entry)) return { yaml: src, key, how: 'already-there' };
	const expected = expectedList(old, entry);
	const value = pair.value as ParsedNode | null;

	for (const candidate of splices(src, keyNode, value, entry, eol)) {
		if (verify(oldValue, candidate.yaml, key, expected, doc.warnings.length)) return { yaml: candidate.yaml, key, how: candidate.how };
	}
	return fallback(src, entry, eol, key, oldValue, doc.warnings.length, expected, Array.isArray(old) || old === null || old === undefined ? 'appended' : 'converted-to-list');
}

/** The pair of the list's key, by precedence (the key in the first column of note-format.md wins, then the earlier alias). */
function findKey(items: Pair[], precedence: readonly string[]): Pair | null {
	for (const want of precedence) {
		for (const p of items) {
			const k = p.key;
			const name = isScalar(k) ? k.value : null;
			if (typeof name === 'string' && normalizeKey(name) === want) return p;
		}
	}
	return null;
}

/** How block sequences are indented in this frontmatter (Obsidian writes two spaces). */
function detectSeqIndent(src: string): string {
	const m = /^([ \t]*)[^\s#-][^\n]*:[ \t]*\r?\n([ \t]*)- /m.exec(src);
	if (m && m[2].startsWith(m[1])) return m[2].slice(m[1].length);
	return '  ';
}

interface Candidate {
	yaml: string;
	how: 'appended' | 'converted-to-list';
}

/** Candidate texts, most faithful first; the caller keeps the first one that verifies. */
function* splices(src: string, keyNode: ParsedNode, value: ParsedNode | null, entry: string, eol: string): Generator<Candidate> {
	const keyLineStart = lineStartOf(src, keyNode.range[0]);
	const keyCol = keyNode.range[0] - keyLineStart;
	const childIndent = `${' '.repeat(keyCol)}${detectSeqIndent(src)}`;

	if (value && isSeq(value) && !value.flow) {
		const items = value.items;
		const last = items[items.length - 1];
		const lastStart = last ? last.range[0] : value.range[0];
		const lineStart = lineStartOf(src, lastStart);
		const before = src.slice(lineStart, lastStart);
		const prefix = /^[ \t]*-[ \t]+$/.test(before) ? before : `${' '.repeat(value.range[0] - lineStartOf(src, value.range[0]))}- `;
		const at = afterLineEnd(src, value.range[1]);
		const needsEol = at === src.length && !src.endsWith('\n') ? eol : '';
		for (const style of stylesLike(last, entry)) {
			yield { yaml: `${src.slice(0, at)}${needsEol}${prefix}${quote(entry, style)}${eol}${src.slice(at)}`, how: 'appended' };
		}
		return;
	}

	if (value && isSeq(value) && value.flow) {
		const close = value.range[1] - 1;
		if (src[close] !== ']') return;
		const items = value.items;
		const last = items[items.length - 1];
		for (const style of stylesLike(last, entry)) {
			const q = quote(entry, style);
			if (!last) {
				yield { yaml: `${src.slice(0, close)}${q}${src.slice(close)}`, how: 'appended' };
				continue;
			}
			// After the last item: either `, entry` or, after a trailing comma, ` entry`.
			const between = src.slice(last.range[1], close);
			const comma = between.indexOf(',');
			if (comma === -1) {
				yield { yaml: `${src.slice(0, last.range[1])}, ${q}${src.slice(last.range[1])}`, how: 'appended' };
			} else {
				const at = last.range[1] + comma + 1;
				yield { yaml: `${src.slice(0, at)} ${q}${src.slice(at)}`, how: 'appended' };
			}
		}
		return;
	}

	// The value sits on the key's line from here on; what follows it on that line (a comment) stays.
	const keyLineEnd = afterLineEnd(src, keyNode.range[1]);

	if (!value || (isScalar(value) && (value.value === null || value.value === undefined))) {
		// `follow_ups:`, `follow_ups: ~`, `follow_ups: null`: the key line loses the null, a comment stays.
		const from = value ? value.range[0] : keyNode.range[1];
		const to = value ? value.range[1] : keyNode.range[1];
		if (from < keyNode.range[1] || to > keyLineEnd) return;
		const lineText = `${src.slice(keyLineStart, from)}${src.slice(to, keyLineEnd)}`.replace(/[ \t]*(\r?\n)?$/, '');
		const newKeyLine = `${lineText}${eol}`;
		yield {
			yaml: `${src.slice(0, keyLineStart)}${newKeyLine}${childIndent}- ${quote(entry, 'double')}${eol}${src.slice(keyLineEnd)}`,
			how: 'appended',
		};
		return;
	}

	// A single value (a scalar or a one-line flow map): it becomes the list's first item, byte for byte.
	const valueText = src.slice(value.range[0], value.range[1]);
	if (valueText.includes('\n')) return;
	if (value.range[0] >= keyLineEnd || value.range[1] > keyLineEnd) return;
	const afterValue = src.slice(value.range[1], keyLineEnd).replace(/\r?\n$/, '');
	const keyPart = src.slice(keyLineStart, value.range[0]).replace(/[ \t]+$/, '');
	const comment = afterValue.trim();
	const newKeyLine = `${keyPart}${comment ? ` ${comment}` : ''}${eol}`;
	for (const style of stylesLike(value, entry)) {
		yield {
			yaml: `${src.slice(0, keyLineStart)}${newKeyLine}${childIndent}- ${valueText}${eol}${childIndent}- ${quote(entry, style)}${eol}${src.slice(keyLineEnd)}`,
			how: 'converted-to-list',
		};
	}
}

/**
 * The Document API route: edit the parsed Document and stringify it. Used only
 * when the unedited Document stringifies back to exactly the source, so the
 * bytes outside the list cannot change.
 */
function fallback(
	src: string,
	entry: string,
	eol: string,
	key: string,
	oldValue: Record<string, unknown>,
	oldWarnings: number,
	expected: unknown[],
	how: 'appended' | 'created-key' | 'converted-to-list',
): YamlResult {
	const lf = src.replace(/\r\n/g, '\n');
	const doc = parseDocument(lf, { logLevel: 'error' });
	const refuse = {
		error: `cannot add the entry without reformatting the frontmatter; ${addByHand(entry, key)}`,
	};
	if (doc.errors.length > 0 || doc.toString() !== lf) return refuse;
	const current = doc.get(key, true) as YamlNode | undefined;
	if (current && isSeq(current)) {
		current.add(doc.createNode(entry));
	} else if (current === undefined || (isScalar(current) && current.value === null)) {
		doc.set(key, doc.createNode([entry]));
	} else {
		const seq = new YAMLSeq();
		seq.items.push(current, doc.createNode(entry));
		doc.set(key, seq);
	}
	const out = withLineEndingsOf(src, lf, doc.toString(), eol);
	if (!verify(oldValue, out, key, expected, oldWarnings)) return refuse;
	return { yaml: out, key, how };
}

/**
 * `edited` (LF only) with the line endings of `src`: the lines it shares with
 * `lf` (src with LF only) at its start and end get theirs back, the lines in
 * between (the ones the edit put in) get `eol`. So a note with mixed line
 * endings keeps each of them.
 */
function withLineEndingsOf(src: string, lf: string, edited: string, eol: string): string {
	if (src === lf && eol === '\n') return edited;
	const orig = splitLines(src);
	const a = splitLines(lf);
	const b = splitLines(edited);
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const middle = b.slice(head, b.length - tail).map((l) => l.replace(/\n$/, eol));
	return orig.slice(0, head).concat(middle, orig.slice(orig.length - tail)).join('');
}

/**
 * Inserts `markdown` at the end of the section under the heading `heading`
 * (any level, case ignored), creating `## heading` at the end of the note when
 * there is none. Everything else stays byte for byte.
 */
export function insertUnderHeading(text: string, heading: string, markdown: string): string {
	const eol = text.includes('\r\n') ? '\r\n' : '\n';
	const block = markdown.replace(/\r?\n/g, eol).replace(/\s+$/, '');
	const scan = scanFence(text);
	const bodyStart = scan.kind === 'fenced' ? scan.bodyOffset : 0;
	const lines = text.slice(bodyStart).split('\n');
	// Offsets (in `text`) where each body line starts.
	const starts: number[] = [];
	for (let i = 0, at = bodyStart; i < lines.length; i++) {
		starts.push(at);
		at += lines[i].length + 1;
	}
	const lineStart = (index: number): number => (index < lines.length ? starts[index] : text.length);
	// The headings as the readers see them (./body.ts), so a fence is a fence the same way everywhere.
	const headings = scanHeadings(lines);
	const found = headings.findIndex((h) => h.text.toLowerCase() === heading.toLowerCase());
	let start = -1;
	let end = text.length;
	if (found !== -1) {
		const h = headings[found];
		start = lineStart(h.after);
		const next = headings.slice(found + 1).find((k) => k.level <= h.level);
		if (next !== undefined) end = lineStart(next.index);
	}
	if (start === -1) {
		const sep = text === '' ? '' : text.endsWith('\n') ? eol : eol + eol;
		return `${text}${sep}## ${heading}${eol}${eol}${block}${eol}`;
	}
	let before = text.slice(0, end);
	const after = text.slice(end);
	if (!before.endsWith('\n')) before += eol;
	// One blank line before the draft, and one after it when a section follows.
	const gap = /\n[ \t]*\r?\n$/.test(before) ? '' : eol;
	const tail = after === '' ? '' : eol;
	return `${before}${gap}${block}${eol}${tail}${after}`;
}

/** Lines with their line endings kept. */
function splitLines(text: string): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < text.length) {
		const j = text.indexOf('\n', i);
		if (j === -1) {
			out.push(text.slice(i));
			break;
		}
		out.push(text.slice(i, j + 1));
		i = j + 1;
	}
	return out;
}

/**
 * Takes `entry` out of the note's list `field` (the plugin's Un-snooze): the
 * one line `- entry` of a block list is cut out, and, when it was the only
 * one, the key's line with it. Verified as the appends are: every other value
 * stays as it was. A list written another way (`[a, b]`, one value) is
 * refused with what to do by hand.
 */
export function removeFromList(text: string, field: ListField, entry: string): { text: string } | { error: string } {
	const bom = text.startsWith(BOM) ? BOM : '';
	const t = bom ? text.slice(1) : text;
	const fm = findFrontmatter(t);
	const byHand = `remove the line "${entry}" from the note's ${field} by hand`;
	if (fm === null) return { error: `the note has no properties, so no ${field} list holds "${entry}"` };
	if ('error' in fm) return fm;
	const src = t.slice(fm.yamlStart, fm.yamlEnd);
	const parsed = parseYaml(src);
	if ('error' in parsed) return { error: `the frontmatter is not valid YAML (${parsed.error}); ${byHand}` };
	const root = parsed.doc.contents;
	const pair = root && isMap(root) ? findKey(root.items, FIELD_KEYS[field]) : null;
	const seq = pair?.value;
	if (!pair || !isSeq(seq)) return { error: `the note's ${field} is not a list; ${byHand}` };
	const at = seq.items.findIndex((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() === entry.trim());
	if (at === -1) return { error: `the note's ${field} no longer holds "${entry}"` };
	const item = seq.items[at] as ParsedNode;
	const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
	const old = parsed.value as Record<string, unknown>;
	const rest = (old[key] as unknown[]).filter((_v, i) => i !== at);
	let yaml: string;
	if (rest.length > 0) {
		yaml = src.slice(0, lineStartOf(src, item.range[0])) + src.slice(afterLineEnd(src, item.range[1]));
	} else {
		const keyNode = pair.key as ParsedNode;
		yaml = src.slice(0, lineStartOf(src, keyNode.range[0])) + src.slice(afterLineEnd(src, item.range[1]));
	}
	const want: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(old)) if (k !== key || rest.length > 0) want[k] = k === key ? rest : v;
	const check = parseYaml(yaml);
	const value = 'error' in check ? undefined : (check.value ?? {});
	if (value === undefined || !sameValue(value, want)) return { error: `the ${field} list is written in a way this cannot edit safely; ${byHand}` };
	return { text: bom + t.slice(0, fm.yamlStart) + yaml + t.slice(fm.yamlEnd) };
}

/**
 * Renames a property key (the near-miss warning's fix: `interviewer` ->
 * `interviewers`) by splicing the key's own text, so every other byte stays.
 * `line` is the file line the key was seen on: if the note no longer has the
 * key there, it has changed since, and the rename is refused. Refused too
 * when the note already has the new key (the two lists are for the user to
 * merge) or when the result would not read back as the same values under
 * the new key, in the same order.
 */
export function renameKey(text: string, from: string, to: string, line: number): { text: string } | { error: string } {
	try {
		return renameKeyOrThrow(text, from, to, line);
	} catch {
		return { error: `${CANNOT_CHANGE} (a value uses a YAML tag, anchor or alias, or nests too deep); rename '${from}' to '${to}' by hand` };
	}
}

function renameKeyOrThrow(text: string, from: string, to: string, line: number): { text: string } | { error: string } {
	if (!/^[\p{L}\p{N}_ -]+$/u.test(to)) return { error: `'${to}' is not a key this tool writes` };
	const bom = text.startsWith(BOM) ? BOM : '';
	const t = bom ? text.slice(1) : text;
	const fm = findFrontmatter(t);
	const changed = { error: `the note has changed: '${from}' is no longer on line ${line}; look at the note again` };
	if (fm === null || 'error' in fm) return changed;
	const src = t.slice(fm.yamlStart, fm.yamlEnd);
	const parsed = parseYaml(src);
	if ('error' in parsed) return { error: `the frontmatter is not valid YAML (${parsed.error}); fix it, then try again` };
	const value = parsed.value;
	const root = parsed.doc.contents;
	if (value === null || typeof value !== 'object' || Array.isArray(value) || !root || !isMap(root)) return changed;
	const old = value as Record<string, unknown>;
	if (Object.keys(old).some((k) => k !== from && normalizeKey(k) === normalizeKey(to))) {
		return { error: `the note has both '${from}' and '${Object.keys(old).find((k) => normalizeKey(k) === normalizeKey(to)) ?? to}'; merge them by hand` };
	}
	const pair = root.items.find((p) => isScalar(p.key) && p.key.value === from);
	const keyNode = pair?.key;
	// The YAML starts on the line after the opening fence.
	const firstLine = t.slice(0, fm.yamlStart).split('\n').length;
	if (keyNode === undefined || firstLine + src.slice(0, keyNode.range[0]).split('\n').length - 1 !== line) return changed;
	const yaml = `${src.slice(0, keyNode.range[0])}${to}${src.slice(keyNode.range[1])}`;
	const want: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(old)) want[k === from ? to : k] = v;
	const check = parseYaml(yaml);
	if ('error' in check || check.doc.warnings.length > parsed.doc.warnings.length || !sameValue(check.value, want) || !sameOrder(check.value, want)) {
		return { error: `'${from}' could not be renamed without changing anything else; rename it to '${to}' by hand` };
	}
	return { text: bom + t.slice(0, fm.yamlStart) + yaml + t.slice(fm.yamlEnd) };
}

function sameOrder(a: unknown, b: Record<string, unknown>): boolean {
	return typeof a === 'object' && a !== null && Object.keys(a).join('\u0000') === Object.keys(b).join('\u0000');
}
