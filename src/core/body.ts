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
import type { List, ListItem, Nodes, PhrasingContent, RootContent } from 'mdast';
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

// Cheap pre-check: a body that mentions none of the heading words has no section.
const MAYBE_RE = /interviewers|people|topics|gift|follow/i;
const ATX_RE = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SETEXT_RE = /^ {0,3}(=+|-+)[ \t]*$/;
const NOT_PARAGRAPH_RE = /^(?: {4}|\t| {0,3}(?:[-*+]\s|\d{1,9}[.)]\s|>|#{1,6}(?:\s|$)|(?:`{3,}|~{3,})|<))/;

interface Heading {
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
export function findSections(body: string, bodyLine: number): BodySection[] {
	if (!MAYBE_RE.test(body)) return [];
	const lines = body.split('\n');
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

function nestedLists(item: ListItem): List[] {
	return item.children.filter((c): c is List => c.type === 'list');
}

function topLists(children: readonly RootContent[]): List[] {
	return children.filter((c): c is List => c.type === 'list');
}

function lineOf(node: { position?: { start: { line: number } } }, section: BodySection): number {
	return section.line + (node.position?.start.line ?? 1) - 1;
}

/** `[[People/Jane Doe|Jane]] (VP)` -> `Jane Doe`. */
function topicPerson(raw: string): string | null {
	const s = raw.trim();
	const link = /^!?\[\[([^[\]]+)\]\]$/.exec(s);
	if (link) return parseLinkInner(link[1])?.basename ?? null;
	const r = parseContactText(s);
	return r.ok ? r.value.name : null;
}

function readInterviewers(section: BodySection, items: ListItem[], out: BodyContent): void {
	for (const item of items) {
		const line = lineOf(item, section);
		const t = readTaskItem(itemText(item));
		const text = t.task ? (t.done ? t.text : '') : t.text;
		if (text.trim() === '') continue;
		const r = parseContactText(text);
		if (r.ok) out.interviewers.push({ contact: r.value, line });
		else out.diagnostics.push({ severity: 'warning', message: `${section.heading}: ${r.message}`, line });
	}
}

function readTopics(section: BodySection, items: ListItem[], out: BodyContent): void {
	for (const item of items) {
		const line = lineOf(item, section);
		const text = itemText(item);
		const nested = nestedLists(item).flatMap((l) => l.children);
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
			const topic = itemText(sub);
			if (topic !== '') out.topics.push({ person, topic, line: lineOf(sub, section) });
		}
	}
}

function readFollowUps(section: BodySection, items: ListItem[], out: BodyContent): void {
	for (const item of items) {
		const line = lineOf(item, section);
		const text = itemText(item);
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

/** Parses the sections of the kinds asked for (all by default). */
export function readSections(sections: readonly BodySection[], kinds: ReadonlySet<SectionKind> = ALL_SECTIONS): BodyContent {
	const out = emptyBodyContent();
	for (const whole of sections) {
		if (!kinds.has(whole.kind)) continue;
		if (whole.text.trim() === '') continue;
		for (const section of sectionChunks(whole)) {
			const items = topLists(fromMarkdown(section.text).children).flatMap((l) => l.children);
			if (section.kind === 'interviewers') readInterviewers(section, items, out);
			else if (section.kind === 'topics') readTopics(section, items, out);
			else readFollowUps(section, items, out);
		}
	}
	return out;
}

/** `findSections` then `readSections`. */
export function readBody(body: string, bodyLine: number, kinds: ReadonlySet<SectionKind> = ALL_SECTIONS): BodyContent {
	return readSections(findSections(body, bodyLine), kinds);
}
