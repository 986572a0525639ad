/**
 * Minimal, verified edits of a note's frontmatter lists (`follow_ups`, `snoozed`).
 *
 * Obsidian's `processFrontMatter` parses the frontmatter and writes it back in
 * its own style: comments go, quoting and flow lists change. The team standard
 * is that a note keeps every byte we did not mean to change, so the plugin
 * edits the text instead: it finds the list with the `yaml` Document API
 * (which keeps source offsets), inserts one item in the list's own style, then
 * parses the result again and checks that the list gained exactly that item
 * and every other key kept its value. If any check fails nothing is written.
 *
 * Pure: no `obsidian`, no DOM, no Node built-ins.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { normalizeKey } from '../../core/keys';

export type EditResult =
	| { ok: true; text: string; changed: boolean }
	| { ok: false; message: string };


interface FrontmatterSpan {
	/** Offset of the first YAML character (after the opening fence line). */
	start: number;
	/** Offset of the closing fence line. */
	end: number;
}

/** Where the frontmatter YAML is, the way Obsidian finds it: `---` on the first line, `---` closing. */
export function findFrontmatter(text: string): FrontmatterSpan | null {
	const open = /^---[ \t]*\r?\n/.exec(text);
	if (!open) return null;
	const start = open[0].length;
	const close = /^---[ \t]*(?:\r?\n|$)/m;
	const rest = text.slice(start);
	// The closing fence may directly follow the opening one (empty frontmatter).
	const m = close.exec(rest);
	if (!m) return null;
	return { start, end: start + m.index };
}

function eolOf(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

function quote(entry: string): string {
	// JSON escapes are valid in YAML double-quoted scalars.
	return JSON.stringify(entry);
}

function lineStartAt(src: string, offset: number): number {
	return src.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAt(src: string, offset: number): number {
	const i = src.indexOf('\n', offset);
	if (i === -1) return src.length;
	return i > 0 && src[i - 1] === '\r' ? i - 1 : i;
}

function asList(value: unknown): unknown[] | null {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value as unknown[];
	if (typeof value === 'string') return [value];
	return null;
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

function entryMatches(item: unknown, entry: string): boolean {
	return typeof item === 'string' && item.trim() === entry.trim();
}

/**
 * Appends `entry` to the frontmatter list named by `keys` (the first is the
 * name used when the note has none of them; where several are present, the
 * earliest in `keys` wins, as the reader decides). Returns the new text, or a
 * message saying why the note cannot be changed safely.
 */
export function appendToFrontmatterList(text: string, keys: readonly string[], entry: string): EditResult {
	const wanted = keys.map(normalizeKey);
	const eol = eolOf(text);
	const span = findFrontmatter(text);
	if (!span) {
		if (text.startsWith('---')) {
			return { ok: false, message: 'the frontmatter has no closing --- line; add one, then try again' };
		}
		const block = `---${eol}${keys[0]}:${eol}  - ${quote(entry)}${eol}---${eol}`;
		return verify(text, block + text, keys, entry);
	}
	const src = text.slice(span.start, span.end);
	const doc = parseDocument(src, { keepSourceTokens: false, prettyErrors: false, uniqueKeys: false });
	if (doc.errors.length > 0) {
		return { ok: false, message: `the frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]}); fix it, then try again` };
	}
	const contents = doc.contents as YamlNode | null;
	let edited: string;
	if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
		edited = `${src}${src === '' || src.endsWith('\n') ? '' : eol}${keys[0]}:${eol}  - ${quote(entry)}${eol}`;
	} else if (!isMap(contents)) {
		return { ok: false, message: 'the frontmatter is not a list of keys and values; fix it, then try again' };
	} else {
		let pair: Pair | null = null;
		let rank = Infinity;
		for (const item of contents.items) {
			const k = isScalar(item.key) ? String(item.key.value) : typeof item.key === 'string' ? item.key : null;
			if (k === null) continue;
			const r = wanted.indexOf(normalizeKey(k));
			if (r !== -1 && r < rank) {
				rank = r;
				pair = item;
			}
		}
		if (pair === null) {
			if (contents.flow) return { ok: false, message: 'the frontmatter is written as one {...} map; write it as key: value lines' };
			const insertAt = src.length;
			const prefix = src.endsWith('\n') ? '' : eol;
			edited = `${src.slice(0, insertAt)}${prefix}${keys[0]}:${eol}  - ${quote(entry)}${eol}`;
		} else {
			const current = (pair.value ?? null) as YamlNode | null;
			const existing = asList(current === null ? null : (current.toJSON() as unknown));
			if (existing?.some((item) => entryMatches(item, entry))) return { ok: true, text, changed: false };
			const keyName = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
			const r = editValue(src, eol, pair, current, entry, keyName);
			if (!r.ok) return r;
			edited = r.text;
		}
	}
	const next = text.slice(0, span.start) + edited + text.slice(span.end);
	return verify(text, next, keys, entry);
}

function editValue(src: string, eol: string, pair: Pair, value: YamlNode | null, entry: string, keyName: string): EditResult {
	const keyNode = pair.key as YamlNode | null;
	if (value === null || (isScalar(value) && value.value === null)) {
		// `follow_ups:` with nothing after it, or `follow_ups: null` / `~`.
		if (value !== null && value.range && value.range[1] > value.range[0]) {
			const [s, e] = value.range;
			return { ok: true, text: `${src.slice(0, s)}[${quote(entry)}]${src.slice(e)}`, changed: true };
		}
		const keyEnd = keyNode?.range ? keyNode.range[1] : null;
		if (keyEnd === null) return { ok: false, message: `cannot find '${keyName}' in the frontmatter` };
		const end = lineEndAt(src, keyEnd);
		return { ok: true, text: `${src.slice(0, end)}${eol}  - ${quote(entry)}${src.slice(end)}`, changed: true };
	}
	if (isSeq(value)) {
		if (!value.range) return { ok: false, message: `cannot find '${keyName}' in the frontmatter` };
		if (value.flow) {
			const close = value.range[1] - 1;
			if (src[close] !== ']') return { ok: false, message: `'${keyName}' is an unusual list; write it one item per line` };
			const sep = value.items.length === 0 ? '' : ', ';
			// Put the new item after the last one (before any spacing or comment before `]`).
			const last = value.items[value.items.length - 1] as YamlNode | undefined;
			const at = last?.range ? last.range[1] : close;
			return { ok: true, text: `${src.slice(0, at)}${sep}${quote(entry)}${src.slice(at)}`, changed: true };
		}
		const first = value.items[0] as YamlNode | undefined;
		const last = value.items[value.items.length - 1] as YamlNode | undefined;
		if (!first?.range || !last?.range) return { ok: false, message: `'${keyName}' is an unusual list; write it one item per line` };
		const firstLine = src.slice(lineStartAt(src, first.range[0]), first.range[0]);
		const dash = /^([ \t]*)-/.exec(firstLine);
		const indent = dash ? dash[1] : '  ';
		const end = lineEndAt(src, Math.max(last.range[1] - 1, last.range[0]));
		return { ok: true, text: `${src.slice(0, end)}${eol}${indent}- ${quote(entry)}${src.slice(end)}`, changed: true };
	}
	if (isScalar(value) && typeof value.value === 'string' && value.range) {
		// One entry written as a plain string: make it a list of the old and the new.
		const [s, e] = value.range;
		return { ok: true, text: `${src.slice(0, s)}[${quote(value.value)}, ${quote(entry)}]${src.slice(e)}`, changed: true };
	}
	return { ok: false, message: `'${keyName}' is not a list; write it as a list of texts, one per line` };
}

/** Checks that the edit did exactly what it should; otherwise reports and writes nothing. */
function verify(before: string, after: string, keys: readonly string[], entry: string): EditResult {
	const read = (t: string): Record<string, unknown> | null => {
		const span = findFrontmatter(t);
		if (!span) return {};
		const doc = parseDocument(t.slice(span.start, span.end), { uniqueKeys: false });
		if (doc.errors.length > 0) return null;
		const js = doc.toJS() as unknown;
		return js && typeof js === 'object' && !Array.isArray(js) ? (js as Record<string, unknown>) : {};
	};
	const a = read(before);
	const b = read(after);
	if (a === null || b === null) return { ok: false, message: 'the edit would break the frontmatter; nothing was written' };
	const wanted = keys.map(normalizeKey);
	const pick = (o: Record<string, unknown>): [string | null, unknown] => {
		let best: string | null = null;
		let rank = Infinity;
		for (const k of Object.keys(o)) {
			const r = wanted.indexOf(normalizeKey(k));
			if (r !== -1 && r < rank) {
				rank = r;
				best = k;
			}
		}
		return [best, best === null ? undefined : o[best]];
	};
	const [ka, va] = pick(a);
	const [kb, vb] = pick(b);
	const oldList = asList(va) ?? [];
	const newList = asList(vb);
	const others = (o: Record<string, unknown>, skip: string | null) =>
		Object.fromEntries(Object.entries(o).filter(([k]) => k !== skip));
	const ok =
		kb !== null &&
		(ka === null || ka === kb) &&
		newList !== null &&
		sameJson(newList, [...oldList, entry]) &&
		sameJson(others(a, ka), others(b, kb));
	if (!ok) return { ok: false, message: 'the edit would change more than the list; nothing was written' };
	return { ok: true, text: after, changed: true };
}

/**
 * Inserts `markdown` at the end of the section under the heading `heading`
 * (any level, case ignored), creating `## heading` at the end of the note when
 * there is none. Everything else stays byte for byte.
 */
export function insertUnderHeading(text: string, heading: string, markdown: string): string {
	const eol = eolOf(text);
	const block = markdown.replace(/\r?\n/g, eol).replace(/\s+$/, '');
	const lines = splitLines(text);
	let offset = 0;
	let start = -1;
	let level = 0;
	let end = text.length;
	let inFence = false;
	const span = findFrontmatter(text);
	const bodyStart = span ? text.indexOf('\n', span.end) + 1 || text.length : 0;
	for (const line of lines) {
		const here = offset;
		offset += line.length;
		if (here < bodyStart) continue;
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		if (inFence) continue;
		const m = /^(#{1,6})[ \t]+(.*?)[ \t#]*\r?\n?$/.exec(line);
		if (!m) continue;
		if (start === -1) {
			if (m[2].trim().toLowerCase() === heading.toLowerCase()) {
				start = offset;
				level = m[1].length;
			}
		} else if (m[1].length <= level) {
			end = here;
			break;
		}
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
