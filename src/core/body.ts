/**
 * The body sections the note format reads (note-format.md, "The body"), by
 * heading text at any level, ignoring case:
 *
 * - `Interviewers` / `People`: list items in any contact form;
 * - `Topics` / `Gift ideas`: `Name: topic` items, or a name with nested topic items;
 * - `Follow-ups` / `Follow-up log`: list items as log entries, done task items included.
 *
 * Headings are found with a cheap line scan (fenced code skipped); only the
 * text of those sections goes through the Markdown parser (mdast), so a long
 * body costs little. Line numbers are lines of the file.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { ListItem, Nodes, PhrasingContent, RootContent } from 'mdast';
import type { Contact, LogEntry, Severity } from './types';
import { parseContactText, parseLinkInner } from './contacts';
import { normalizeHeading } from './keys';
import { parseLogItem, readTaskItem } from './logEntries';

export type SectionKind = 'interviewers' | 'topics' | 'followUps';

export const ALL_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['interviewers', 'topics', 'followUps']);

const SECTION_NAMES: ReadonlyMap<string, SectionKind> = new Map<string, SectionKind>([
	['interviewers', 'interviewers'],
	['people', 'interviewers'],
	['topics', 'topics'],
	['gift_ideas', 'topics'],
	['follow_ups', 'followUps'],
	['followups', 'followUps'],
	['follow_up_log', 'followUps'],
	['followup_log', 'followUps'],
]);

/** One section's raw text, as found by the line scan. */
export interface BodySection {
	kind: SectionKind;
	/** The heading as written. */
	heading: string;
	/** File line (1-based) of the section's first line after the heading. */
	line: number;
	text: string;
}

/** A diagnostic without the note path (the caller adds it). */
export interface BodyDiagnostic {
	severity: Severity;
	message: string;
	line: number;
}

export interface BodyTopic {
	/** The person named, or null for an item without `Name:` (a person note's own topic). */
	person: string | null;
	topic: string;
	line: number;
}

export interface BodyContent {
	interviewers: Array<{ contact: Contact; line: number }>;
	topics: BodyTopic[];
	followUps: LogEntry[];
	diagnostics: BodyDiagnostic[];
}

// Cheap pre-check: no section without an ATX heading naming one of the words, or
// a line naming one followed by a setext underline.
const WORD_RE = /interviewers|people|topics|gift|follow/i;

/** Whether the line starting at `start` is a setext underline (`===` or `---`, up to 3 spaces before, blanks after). */
function isUnderline(body: string, start: number): boolean {
	let i = start;
	while (i - start < 3 && body.charCodeAt(i) === 0x20) i++;
	const c = body.charCodeAt(i);
	if (c !== 0x3d && c !== 0x2d) return false;
	while (body.charCodeAt(i) === c) i++;
	for (let d = body.charCodeAt(i); d === 0x20 || d === 0x09; d = body.charCodeAt(i)) i++;
	if (body.charCodeAt(i) === 0x0d) i++;
	return i >= body.length || body.charCodeAt(i) === 0x0a;
}

/** Whether some heading line (ATX, or the text line of a setext heading) names a section word. */
function mayHaveSection(body: string): boolean {
	for (let i = body.indexOf('#'); i >= 0; i = body.indexOf('#', i + 1)) {
		let start = i;
		while (start > 0 && body[start - 1] === ' ' && i - start < 3) start--;
		if (start > 0 && body[start - 1] !== '\n') continue;
		const end = body.indexOf('\n', i);
		if (WORD_RE.test(end < 0 ? body.slice(i) : body.slice(i, end))) return true;
		if (end < 0) break;
		i = end;
	}
	// A setext heading: the line before an underline names a word.
	for (let nl = body.indexOf('\n'); nl >= 0; nl = body.indexOf('\n', nl + 1)) {
		if (!isUnderline(body, nl + 1)) continue;
		const prev = body.lastIndexOf('\n', nl - 1);
		if (WORD_RE.test(body.slice(prev + 1, nl))) return true;
	}
	return false;
}
const ATX_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SETEXT_RE = /^ {0,3}(=+|-+)[ \t]*$/;
const NOT_PARAGRAPH_RE = /^(?: {4}|\t| {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|#{1,6}(?:\s|$)|(?:`{3,}|~{3,})|<))/;

/** A heading of a body: ATX (`## Drafts`) or setext (a line underlined with `===` or `---`). */
export interface Heading {
	level: number;
	kind: SectionKind | null;
	text: string;
	/** Index of the heading's (first) line in `lines`. */
	index: number;
	/** Index of the first line after the heading. */
	after: number;
}

function sectionKind(text: string): SectionKind | null {
	return SECTION_NAMES.get(normalizeHeading(text)) ?? null;
}

/**
 * The sections of a body, found by a line scan. `bodyLine` is the file line
 * of the body's first line. Returns [] at once when no heading word occurs.
 */
export function findSections(body: string, bodyLine: number, precheck = true): BodySection[] {
	if (precheck && !mayHaveSection(body)) return [];
	const lines = body.split('\n');
	const headings = scanHeadings(lines);
	const sections: BodySection[] = [];
	for (let h = 0; h < headings.length; h++) {
		const head = headings[h];
		if (head.kind === null) continue;
		// A section runs to the next heading of its level or higher, or to the next section heading.
		let end = lines.length;
		for (let k = h + 1; k < headings.length; k++) {
			if (headings[k].level <= head.level || headings[k].kind !== null) {
				end = headings[k].index;
				break;
			}
		}
		if (end <= head.after) continue;
		sections.push({
			kind: head.kind,
			heading: head.text,
			line: bodyLine + head.after,
			text: lines.slice(head.after, end).join('\n'),
		});
	}
	return sections;
}

/**
 * The headings of a body's lines (split on `\n`; a trailing `\r` is ignored),
 * outside fenced code blocks as CommonMark closes them (a ``` fence is closed
 * only by ``` of at least its length, a ~~~ fence only by ~~~): the one
 * heading scan of the project, used by the readers and by the Draft insert.
 */
export function scanHeadings(lines: readonly string[]): Heading[] {
	const headings: Heading[] = [];
	let fence: { char: string; size: number } | null = null;
	let prevParagraph = false;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].replace(/\r$/, '');
		if (fence !== null) {
			const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
			if (close && close[1][0] === fence.char && close[1].length >= fence.size) fence = null;
			continue;
		}
		const f = FENCE_RE.exec(line);
		if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
			fence = { char: f[1][0], size: f[1].length };
			prevParagraph = false;
			continue;
		}
		const atx = ATX_RE.exec(line);
		if (atx) {
			const text = (atx[2] ?? '').trim();
			headings.push({ level: atx[1].length, kind: sectionKind(text), text, index: i, after: i + 1 });
			prevParagraph = false;
			continue;
		}
		const setext = SETEXT_RE.exec(line);
		if (setext && prevParagraph) {
			const text = lines[i - 1].trim();
			headings.push({ level: setext[1][0] === '=' ? 1 : 2, kind: sectionKind(text), text, index: i - 1, after: i + 1 });
			prevParagraph = false;
			continue;
		}
		prevParagraph = line.trim() !== '' && !NOT_PARAGRAPH_RE.test(line);
	}
	return headings;
}

/** The visible text of inline content, keeping `<email>` and `[[links]]` as written. */
function inlineText(nodes: readonly Nodes[]): string {
	let s = '';
	for (const n of nodes) {
		switch (n.type) {
			case 'text':
			case 'inlineCode':
			case 'html':
				s += n.value;
				break;
			case 'break':
				s += ' ';
				break;
			case 'link':
				if (n.url.startsWith('mailto:')) s += `<${n.url.slice(7)}>`;
				else s += inlineText(n.children);
				break;
			case 'image':
				s += n.alt ?? '';
				break;
			case 'linkReference':
				// `[x]` of a task item reads as a reference when some `[x]: …` definition exists.
				s += `[${inlineText(n.children)}]${n.referenceType === 'full' ? `[${n.label ?? n.identifier}]` : n.referenceType === 'collapsed' ? '[]' : ''}`;
				break;
			default:
				if ('children' in n) s += inlineText(n.children as PhrasingContent[]);
		}
	}
	return s;
}

function itemText(item: ListItem): string {
	const first = item.children[0];
	if (first === undefined || first.type !== 'paragraph') return '';
	return inlineText(first.children).replace(/\s+/g, ' ').trim();
}

/** A list item as the readers see it: its text, its file line, and its nested items (one level). */
export interface SectionItem {
	text: string;
	line: number;
	nested: SectionItem[];
}

function lineOf(node: { position?: { start: { line: number } } }, section: BodySection): number {
	return section.line + (node.position?.start.line ?? 1) - 1;
}

function toItem(li: ListItem, section: BodySection, depth: number): SectionItem {
	const nested: SectionItem[] = [];
	if (depth === 0) {
		for (const c of li.children) if (c.type === 'list') for (const sub of c.children) nested.push(toItem(sub, section, 1));
	}
	return { text: itemText(li), line: lineOf(li, section), nested };
}

/** The items of a piece through the Markdown parser (mdast). */
export function parsedItems(section: BodySection): SectionItem[] {
	return itemsOf(fromMarkdown(section.text).children, section);
}

function itemsOf(children: readonly RootContent[], section: BodySection): SectionItem[] {
	const out: SectionItem[] = [];
	for (const c of children) if (c.type === 'list') for (const li of c.children) out.push(toItem(li, section, 0));
	return out;
}

// --- The plain-list fast path -------------------------------------------------
//
// Most sections are a plain bullet list: `- Jane Doe, VP <jane@acme.com>`,
// `- [x] thank-you: Jane ✅ 2026-11-17`, a name with indented topic items. For
// those the parser's answer is known without running it: each line is one
// item, its text as written. `plainItems` reads such a section and gives up
// (null) on anything the parser could read differently — emphasis, code,
// escapes, entities, HTML, links other than `[[wikilinks]]` and `<email>`,
// continuation lines, deeper nesting, ordered lists, mixed bullets. A property
// test (test/core/body.test.ts) checks it against `parsedItems`. It pays: the
// 1,000 interview notes of the benchmark vault index in 650 ms with it, 2,140 ms
// with every section through mdast (docs/benchmarks.md).

const BULLET_LINE_RE = /^( *)([-*+])( {1,4})(\S.*)$/;
const EMAIL_AUTOLINK_RE = /<[A-Za-z0-9.+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/g;
const WIKILINK_RE = /\[\[[^[\]]+\]\](?![([:])/g;
const TASK_RE = /^\[[ xX]\](?= |$)/;
const RISKY_START_RE = /^(?:[#>`~<\-*+_=|]|\d{1,9}[.)](?:\s|$))/;
const RISKY_CHAR_RE = /[\\`*<>[\]!&\r]/;

/** Whether the parser reads `content` (one line of an item) as plain text equal to itself. */
function plainContent(content: string): boolean {
	if (RISKY_START_RE.test(content)) return false;
	const rest = content.replace(TASK_RE, ' ').replace(WIKILINK_RE, ' ').replace(EMAIL_AUTOLINK_RE, ' ');
	// The parser turns U+0000 into U+FFFD.
	if (RISKY_CHAR_RE.test(rest) || rest.includes('\u0000')) return false;
	// `_` only inside a word (`jane_doe`) can never be emphasis.
	for (let i = rest.indexOf('_'); i >= 0; i = rest.indexOf('_', i + 1)) {
		if (!/[A-Za-z0-9]/.test(rest[i - 1] ?? '') || !/[A-Za-z0-9]/.test(rest[i + 1] ?? '')) return false;
	}
	return true;
}

/** The items of a plain bullet list, or null when the parser is needed. */
export function plainItems(section: BodySection): SectionItem[] | null {
	const out: SectionItem[] = [];
	const lines = section.text.split('\n');
	let top: { item: SectionItem; contentCol: number; bullet: string } | null = null;
	let nested: { contentCol: number; bullet: string } | null = null;
	let topBullet: string | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
		if (line.trim() === '') {
			if (/[^ ]/.test(line)) return null;
			continue;
		}
		const m = BULLET_LINE_RE.exec(line);
		if (!m || !plainContent(m[4])) return null;
		const indent = m[1].length;
		const bullet = m[2];
		const contentCol = indent + 1 + m[3].length;
		const item: SectionItem = { text: m[4].replace(/\s+/g, ' ').trim(), line: section.line + i, nested: [] };
		if (indent === 0) {
			if (topBullet !== null && bullet !== topBullet) return null;
			topBullet = bullet;
			out.push(item);
			top = { item, contentCol, bullet };
			nested = null;
			continue;
		}
		if (top === null || indent < top.contentCol || indent > top.contentCol + 3) return null;
		// At or past the previous nested item's content column it would nest deeper.
		if (nested !== null && (indent >= nested.contentCol || bullet !== nested.bullet)) return null;
		nested = { contentCol, bullet };
		top.item.nested.push(item);
	}
	return out;
}

/** `[[People/Jane Doe|Jane]] (VP)` -> `Jane Doe`. */
function topicPerson(raw: string): string | null {
	const s = raw.trim();
	const link = /^!?\[\[([^[\]]+)\]\]$/.exec(s);
	if (link) return parseLinkInner(link[1])?.basename ?? null;
	const r = parseContactText(s);
	return r.ok ? r.value.name : null;
}

function readInterviewers(section: BodySection, items: SectionItem[], out: BodyContent): void {
	for (const item of items) {
		const line = item.line;
		const t = readTaskItem(item.text);
		const text = t.task ? (t.done ? t.text : '') : t.text;
		if (text.trim() === '') continue;
		const r = parseContactText(text);
		if (r.ok) out.interviewers.push({ contact: r.value, line });
		else out.diagnostics.push({ severity: 'warning', message: `${section.heading}: ${r.message}`, line });
	}
}

function readTopics(section: BodySection, items: SectionItem[], out: BodyContent): void {
	for (const item of items) {
		const line = item.line;
		const text = item.text;
		const nested = item.nested;
		const colon = text.search(/:(?:\s|$)/);
		let person: string | null = null;
		if (colon >= 0) {
			person = topicPerson(text.slice(0, colon));
			const topic = text.slice(colon + 1).trim();
			if (person !== null && topic !== '') out.topics.push({ person, topic, line });
			else if (person === null) {
				out.diagnostics.push({
					severity: 'warning',
					message: `${section.heading}: '${text}' names nobody before the colon (write "Name: topic")`,
					line,
				});
				continue;
			}
		} else if (nested.length > 0) {
			person = topicPerson(text);
		} else if (text !== '') {
			out.topics.push({ person: null, topic: text, line });
			continue;
		}
		for (const sub of nested) {
			if (sub.text !== '') out.topics.push({ person, topic: sub.text, line: sub.line });
		}
	}
}

function readFollowUps(section: BodySection, items: SectionItem[], out: BodyContent): void {
	for (const item of items) {
		const line = item.line;
		const text = item.text;
		if (text === '') continue;
		const r = parseLogItem(text, line);
		if (r === null) continue;
		if (r.ok) out.followUps.push(r.value);
		else out.diagnostics.push({ severity: 'warning', message: `${section.heading}: ${r.message}`, line });
	}
}

export function emptyBodyContent(): BodyContent {
	return { interviewers: [], topics: [], followUps: [], diagnostics: [] };
}

// mdast-util-from-markdown grows worse than linearly with the number of items
// in one list (a 2,700-item list takes seconds), so a long section is handed
// over in pieces that start at a top-level bullet item.
const CHUNK_CHARS = 2048;
const TOP_BULLET_RE = /^ {0,3}[-*+][ \t]+\S/;
const ANY_FENCE_RE = /^\s*(`{3,}|~{3,})/;

/** Splits a long section at top-level bullet items (outside code fences) into pieces of about CHUNK_CHARS. */
export function sectionChunks(section: BodySection): BodySection[] {
	if (section.text.length <= CHUNK_CHARS) return [section];
	const lines = section.text.split('\n');
	const chunks: BodySection[] = [];
	let start = 0;
	let size = 0;
	let fence: string | null = null;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const f = ANY_FENCE_RE.exec(line);
		if (fence !== null) {
			if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
		} else if (f) {
			fence = f[1];
		} else if (size >= CHUNK_CHARS && i > start && TOP_BULLET_RE.test(line)) {
			chunks.push({ ...section, line: section.line + start, text: lines.slice(start, i).join('\n') });
			start = i;
			size = 0;
		}
		size += line.length + 1;
	}
	chunks.push({ ...section, line: section.line + start, text: lines.slice(start).join('\n') });
	return chunks;
}

/** HTML blocks that do not end at a blank line: a piece holding one is parsed on its own. */
const OPEN_HTML_RE = /<(?:!--|\?|![A-Za-z]|!\[CDATA\[|pre|script|style|textarea)/i;

function readItems(section: BodySection, items: SectionItem[], out: BodyContent): void {
	if (section.kind === 'interviewers') readInterviewers(section, items, out);
	else if (section.kind === 'topics') readTopics(section, items, out);
	else readFollowUps(section, items, out);
}

/**
 * Parses several pieces in one Markdown run (the parser has a set-up cost per
 * call): each piece is followed by a blank line and an empty heading, which
 * closes every open block; root nodes go back to their piece by line.
 */
function readBatch(pieces: readonly BodySection[], out: BodyContent): void {
	if (pieces.length === 1) {
		readItems(pieces[0], parsedItems(pieces[0]), out);
		return;
	}
	const starts: number[] = [];
	let text = '';
	let line = 1;
	for (const piece of pieces) {
		starts.push(line);
		text += `${piece.text}\n\n#\n\n`;
		line += piece.text.split('\n').length + 3;
	}
	const perPiece: RootContent[][] = pieces.map(() => []);
	let k = 0;
	for (const node of fromMarkdown(text).children) {
		const at = node.position?.start.line ?? 1;
		while (k + 1 < starts.length && at >= starts[k + 1]) k++;
		perPiece[k].push(node);
	}
	pieces.forEach((piece, i) => {
		// Lines inside the batch are shifted back to the piece's own first line.
		readItems(piece, itemsOf(perPiece[i], { ...piece, line: piece.line - starts[i] + 1 }), out);
	});
}

/** Parses the sections of the kinds asked for (all by default). */
export function readSections(sections: readonly BodySection[], kinds: ReadonlySet<SectionKind> = ALL_SECTIONS): BodyContent {
	const out = emptyBodyContent();
	let batch: BodySection[] = [];
	let size = 0;
	const flush = (): void => {
		if (batch.length > 0) readBatch(batch, out);
		batch = [];
		size = 0;
	};
	for (const whole of sections) {
		if (!kinds.has(whole.kind)) continue;
		if (whole.text.trim() === '') continue;
		for (const piece of sectionChunks(whole)) {
			const plain = plainItems(piece);
			if (plain !== null) {
				readItems(piece, plain, out);
				continue;
			}
			if (OPEN_HTML_RE.test(piece.text)) {
				flush();
				readBatch([piece], out);
				continue;
			}
			batch.push(piece);
			size += piece.text.length;
			if (size >= CHUNK_CHARS) flush();
		}
	}
	flush();
	return out;
}

/** `findSections` then `readSections`. */
export function readBody(body: string, bodyLine: number, kinds: ReadonlySet<SectionKind> = ALL_SECTIONS): BodyContent {
	return readSections(findSections(body, bodyLine), kinds);
}
