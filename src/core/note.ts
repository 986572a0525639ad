/**
 * One note, parsed (note-format.md): is it an interview note, and what does
 * it say about the interview and, as a possible person note, about a person.
 *
 * Parsing runs in two steps so the index can re-classify a note after a
 * rename without its text: `scanNote` (the frontmatter and the raw body
 * sections, independent of settings and path) and `buildNote` (everything
 * else). `parseNote` does both. Nothing here throws.
 */
import type { Contact, Diagnostic, InterviewFields, LogEntry, ParsedNote, PersonFields, Snooze, Status, Topic } from './types';
import { STATUSES } from './types';
import type { DateTimeValue, LocalDate } from './dates';
import { parseDateTime } from './dates';
import { readFrontmatter } from './frontmatter';
import { FIELD_KEYS, inlineFieldOf, nearMiss, nearMisses, partsOf, readFields, withInlineFields, type FieldName, type FieldValue } from './keys';
import { findInlineFields, type InlineField } from './inlineFields';
import { isExcluded, isInterviewNote, mayBeInterviewNote, namesInterview, rawFrontmatter, type NoteClassifierSettings } from './classify';
import { scanFence, unclosedLooksLikeProperties } from './frontmatter/fence';
import { nestedLinkText, parseWikiLink, personKey, readContact, readContactList, scalarText, show } from './contacts';
import { parseLogEntry, parseSnooze } from './logEntries';
import { findSections, readSections, type BodySection, type SectionKind } from './body';

export { isInterviewNote, type NoteClassifierSettings } from './classify';

/** A diagnostic before the note path is attached. */
export type NoteFinding = Omit<Diagnostic, 'note'>;

/** What the text of a note yields, independent of its path and of the settings. */
export interface NoteScan {
	frontmatter: Record<string, unknown> | null;
	bodyLine: number;
	keyLines: Record<string, number>;
	/** Top-level key -> the file lines of its block-list items, where it has some. */
	itemLines: Record<string, number[]>;
	/** Findings of the frontmatter reader. */
	findings: NoteFinding[];
	/** The raw body sections the format reads (parsed later, only as needed). */
	sections: BodySection[];
	/** The raw frontmatter text when there is a block that could not be read (to tell whether it looked like an interview note). */
	brokenHead: string | null;
	/** Dataview inline fields of the body whose key is a key of the table or looks like one (outside code). */
	inline: InlineField[];
}

/** A parsed note plus what the index needs beyond `ParsedNote`. */
export interface NoteDetail {
	note: ParsedNote;
	/**
	 * Topics this note records for people. In an interview note, its named
	 * topics; in any other note, named ones and unnamed ones (person = the
	 * note's own name: a person note listing what its person cares about).
	 */
	topics: Topic[];
	/** A non-interview note whose unreadable frontmatter mentions the interview type or tag. */
	suspect: boolean;
}

const INTERVIEW_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['interviewers', 'topics', 'followUps']);
const TOPIC_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['topics']);

/** Step 1: frontmatter and raw sections. */
export function scanNote(path: string, text: string): NoteScan {
	const fm = readFrontmatter(path, text);
	const findings: NoteFinding[] = fm.diagnostics.map((d) => {
		const f: NoteFinding = { severity: d.severity, message: d.message };
		if (d.line !== undefined) f.line = d.line;
		return f;
	});
	return {
		frontmatter: fm.data,
		bodyLine: fm.bodyLine,
		keyLines: fm.keyLines,
		itemLines: fm.data === null ? {} : blockItemLines(text, fm.keyLines),
		findings,
		sections: findSections(fm.body, fm.bodyLine),
		brokenHead: fm.data === null ? unreadableHead(text) : null,
		inline: inlineFields(fm.body, fm.bodyLine),
	};
}

/** The body's inline fields this tool reads, or whose key looks like one it reads (for the near-miss warning). */
function inlineFields(body: string, bodyLine: number): InlineField[] {
	return findInlineFields(body, bodyLine, (key) => inlineFieldOf(key) !== null || nearMiss(key) !== null);
}

/**
 * For a note without properties: the raw frontmatter text when there is a
 * block that holds something but could not be read (invalid YAML, a refused
 * alias bomb, a block never closed whose next line looks like a property), else null.
 */
function unreadableHead(text: string): string | null {
	const raw = rawFrontmatter(text);
	if (raw === null) return null;
	const scan = scanFence(text);
	if (scan.kind === 'unclosed') return unclosedLooksLikeProperties(text, scan) ? raw : null;
	// Blank and comment lines only: YAML reads null, as Obsidian does; nothing is lost.
	return /^[ \t]*[^\s#]/m.test(raw) ? raw : null;
}

/**
 * For each top-level key whose value is a block list, the file lines of its
 * items (`- x` at the list's indentation), so that a problem with one item
 * (a log entry naming nobody) points at that item's line.
 */
function blockItemLines(text: string, keyLines: Record<string, number>): Record<string, number[]> {
	const out: Record<string, number[]> = {};
	const byLine = new Map<number, string>();
	for (const [key, line] of Object.entries(keyLines)) byLine.set(line, key);
	if (byLine.size === 0) return out;
	const last = Math.max(...byLine.keys());
	const lines = text.split('\n', last + 200);
	let current: string | null = null;
	let indent = -1;
	for (let n = 2; n <= lines.length; n++) {
		const key = byLine.get(n);
		if (key !== undefined) {
			current = key;
			indent = -1;
			continue;
		}
		const line = lines[n - 1];
		if (/^---[ \t]*\r?$/.test(line)) break;
		if (current === null) continue;
		const item = /^( *)- /.exec(line) ?? /^( *)-\r?$/.exec(line);
		if (item === null) continue;
		if (indent === -1) indent = item[1].length;
		if (item[1].length === indent) (out[current] ??= []).push(n);
	}
	return out;
}

/** `People/Jane Doe.md` -> `Jane Doe`. */
export function noteBasename(path: string): string {
	const last = path.slice(path.lastIndexOf('/') + 1);
	return /\.md$/i.test(last) ? last.slice(0, -3) : last;
}

/** Text of a name-like value: a link gives its alias, else the note name. */
function linkedText(value: unknown): { text: string | null; bad: boolean } {
	if (value === null || value === undefined) return { text: null, bad: false };
	let v: unknown = nestedLinkText(value) ?? value;
	if (Array.isArray(v)) {
		const items = v.filter((x) => x !== null && x !== '');
		if (items.length === 0) return { text: null, bad: false };
		if (items.length > 1) return { text: null, bad: true };
		v = nestedLinkText(items[0]) ?? items[0];
	}
	const s = scalarText(v);
	if (s === null) return { text: null, bad: typeof v === 'object' && v !== null };
	const link = parseWikiLink(s);
	if (link) return { text: link.alias ?? link.basename, bad: false };
	return { text: s.replace(/\s+/g, ' '), bad: false };
}

function firstText(value: unknown): string | null {
	if (Array.isArray(value)) {
		for (const v of value) {
			const s = scalarText(v);
			if (s !== null) return s;
		}
		return null;
	}
	return scalarText(value);
}

/** The person fields any note with frontmatter supplies when a contact links to it. */
function personFields(fields: Partial<Record<FieldName, FieldValue>>): PersonFields {
	const email = firstText(fields.email?.value);
	const salutation = firstText(fields.salutation?.value);
	return {
		title: firstText(fields.title?.value) ?? firstText(fields.role?.value),
		email: email === null ? null : email.replace(/^mailto:/i, ''),
		phone: firstText(fields.phone?.value),
		company: linkedText(fields.company?.value).text,
		...(salutation !== null ? { salutation } : {}),
	};
}

function listOf(value: unknown): unknown[] {
	if (value === null || value === undefined) return [];
	const linked = nestedLinkText(value);
	if (linked !== null) return [linked];
	return Array.isArray(value) ? value : [value];
}

/** `Name: topic` texts, one-key maps (`- Jane: running` unquoted), or plain topics (person null). */
function frontmatterTopics(value: unknown): { topics: Array<{ person: string | null; topic: string }>; errors: string[] } {
	const topics: Array<{ person: string | null; topic: string }> = [];
	const errors: string[] = [];
	const named = (who: string, what: unknown): void => {
		const person = linkedName(who);
		const list = Array.isArray(what) ? (what as unknown[]) : [what];
		for (const w of list) {
			const topic = nestedLinkText(w) ?? scalarText(w);
			if (person !== null && topic !== null) topics.push({ person, topic });
			else if (topic === null && w !== null) errors.push(`${show(w)} is not a topic (write "Name: topic")`);
		}
	};
	const items = value !== null && typeof value === 'object' && !Array.isArray(value) ? [value] : listOf(value);
	for (const item of items) {
		if (item === null || item === undefined) continue;
		if (typeof item === 'object' && !Array.isArray(item)) {
			for (const [k, v] of Object.entries(item as Record<string, unknown>)) named(k, v);
			continue;
		}
		const s = nestedLinkText(item) ?? scalarText(item);
		if (s === null) {
			errors.push(`${show(item)} is not a topic (write "Name: topic")`);
			continue;
		}
		const colon = s.search(/:(?:\s|$)/);
		if (colon > 0) named(s.slice(0, colon), s.slice(colon + 1).trim() || null);
		else topics.push({ person: null, topic: s });
	}
	return { topics, errors };
}

/** A person as named in a topic: `[[People/Jane Doe|Jane]]` -> `Jane Doe`. */
function linkedName(raw: string): string | null {
	const s = raw.replace(/\s+/g, ' ').trim();
	if (s === '') return null;
	const link = parseWikiLink(s);
	return link ? link.basename : s;
}

/** Merges contacts naming the same person; the first keeps its place, later ones fill gaps. */
function mergeContacts(list: Contact[]): Contact[] {
	const out: Contact[] = [];
	const byKey = new Map<string, Contact>();
	for (const c of list) {
		const key = personKey(c.name);
		const held = byKey.get(key);
		if (!held) {
			const copy = { ...c };
			byKey.set(key, copy);
			out.push(copy);
			continue;
		}
		held.title ??= c.title;
		held.email ??= c.email;
		held.phone ??= c.phone;
		if (held.link === null && c.link !== null) {
			held.link = c.link;
			if (c.alias !== undefined) held.alias = c.alias;
		}
	}
	return out;
}

interface Ctx {
	path: string;
	keyLines: Record<string, number>;
	/** Top-level key -> the lines of its block-list items (`- x` lines), see `blockItemLines`. */
	itemLines: Record<string, number[]>;
	diagnostics: Diagnostic[];
}

function report(ctx: Ctx, severity: Diagnostic['severity'], message: string, at?: FieldValue | number): void {
	const d: Diagnostic = { note: ctx.path, severity, message };
	const line = typeof at === 'number' ? at : at === undefined ? undefined : (at.line ?? ctx.keyLines[at.key]);
	if (line !== undefined) d.line = line;
	ctx.diagnostics.push(d);
}

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function readDateTime(ctx: Ctx, fv: FieldValue | undefined): DateTimeValue | null {
	if (fv === undefined || isEmpty(fv.value)) return null;
	let v = fv.value;
	if (Array.isArray(v) && v.length === 1) v = v[0];
	const r = parseDateTime(v);
	if (r.ok) return r.value;
	report(ctx, 'error', `${fv.key}: ${r.message}`, fv);
	return null;
}

function readText(ctx: Ctx, fv: FieldValue | undefined, what: string): string | null {
	if (fv === undefined) return null;
	const r = linkedText(fv.value);
	if (r.bad) report(ctx, 'error', `${fv.key}: ${show(fv.value)} is not ${what} (write one text or "[[link]]")`, fv);
	return r.text;
}

function readStatus(ctx: Ctx, fv: FieldValue | undefined): Status | null {
	if (fv === undefined || isEmpty(fv.value)) return null;
	const s = firstText(fv.value);
	const v = s?.toLowerCase().trim() ?? '';
	if ((STATUSES as readonly string[]).includes(v)) return v as Status;
	report(ctx, 'error', `${fv.key}: ${show(fv.value)} is not a status (use one of ${STATUSES.join(', ')})`, fv);
	return null;
}

function readContacts(ctx: Ctx, field: FieldValue | undefined): Contact[] {
	const out: Contact[] = [];
	for (const fv of partsOf(field)) {
		const r = readContactList(fv.value);
		for (const e of r.errors) report(ctx, 'warning', `${fv.key}: ${e}`, fv);
		for (const c of r.contacts) out.push(c);
	}
	return out;
}

function readOneContact(ctx: Ctx, fv: FieldValue | undefined): Contact | null {
	if (fv === undefined) return null;
	const r = readContact(fv.value);
	if (r === null) return null;
	if (r.ok) return r.value;
	report(ctx, 'warning', `${fv.key}: ${r.message}`, fv);
	return null;
}

function readLog(ctx: Ctx, field: FieldValue | undefined): LogEntry[] {
	const out: LogEntry[] = [];
	for (const fv of partsOf(field)) {
		const items = listOf(fv.value);
		items.forEach((item, i) => {
			if (isEmpty(item)) return;
			const line = itemLine(ctx, fv, i, items.length);
			const r = parseLogEntry(item, { source: fv.line === undefined ? 'frontmatter' : 'body', line });
			if (r.ok) out.push(r.value);
			else report(ctx, 'warning', `${fv.key}: ${r.message}`, line);
		});
	}
	return out;
}

/** The line of item `i` of a block list written one item per line, else the key's line. */
function itemLine(ctx: Ctx, fv: FieldValue, i: number, count: number): number | undefined {
	if (fv.line !== undefined) return fv.line;
	const lines = ctx.itemLines[fv.key];
	return lines !== undefined && lines.length === count ? lines[i] : ctx.keyLines[fv.key];
}

function readSnoozes(ctx: Ctx, field: FieldValue | undefined): Snooze[] {
	const out: Snooze[] = [];
	for (const fv of partsOf(field)) {
		const items = listOf(fv.value);
		items.forEach((item, i) => {
			if (isEmpty(item)) return;
			const line = itemLine(ctx, fv, i, items.length);
			const r = parseSnooze(item, line);
			if (r.ok) out.push(r.value);
			else report(ctx, 'warning', `${fv.key}: ${r.message}`, line);
		});
	}
	return out;
}

function readInterview(ctx: Ctx, scan: NoteScan, fields: Partial<Record<FieldName, FieldValue>>, ignored: Array<[FieldValue, FieldValue]>): { interview: InterviewFields; topics: Topic[] } {
	for (const [kept, other] of ignored) {
		const used = kept.line === undefined ? `'${kept.key}'` : `'${kept.key}::' on line ${kept.line}`;
		const what = other.line === undefined ? `${other.key}: ${show(other.value)}` : `${other.key}:: ${String(other.value)}`;
		report(ctx, 'warning', `${what} is ignored: ${used} says the same and is used (remove one)`, other);
	}
	for (const [key, like] of nearMisses(scan.frontmatter)) {
		const line = ctx.keyLines[key];
		report(ctx, 'warning', `'${key}' is not a key this tool reads; did you mean '${like}'?`, line);
		if (line !== undefined) ctx.diagnostics[ctx.diagnostics.length - 1].fix = { rename: { from: key, to: like } };
	}
	for (const f of scan.inline) {
		const like = inlineFieldOf(f.key) === null ? nearMiss(f.key) : null;
		if (like !== null) report(ctx, 'warning', `'${f.key}::' is not a field this tool reads; did you mean '${like}::'?`, f.line);
	}
	const body = readSections(scan.sections, INTERVIEW_SECTIONS);
	for (const d of body.diagnostics) report(ctx, d.severity, d.message, d.line);

	const company = readText(ctx, fields.company, 'a company name');
	const role = readText(ctx, fields.role, 'a role');
	const date = readDateTime(ctx, fields.interview_date);
	const decision = readDateTime(ctx, fields.decision_date);
	const offerDeadline = readDateTime(ctx, fields.offer_deadline)?.date ?? null;
	const nextInterview = readDateTime(ctx, fields.next_interview);
	const interviewers = mergeContacts([...readContacts(ctx, fields.interviewers), ...body.interviewers.map((i) => i.contact)]);
	const references = mergeContacts(readContacts(ctx, fields.references));
	const contact = readOneContact(ctx, fields.contact);
	const status = readStatus(ctx, fields.status);
	const followUps = [...readLog(ctx, fields.follow_ups), ...body.followUps];
	const snoozes = readSnoozes(ctx, fields.snoozed);
	const pitch = readText(ctx, fields.pitch, 'a pitch');
	const skills = listOf(fields.skills?.value)
		.map((v) => scalarText(v))
		.filter((v): v is string => v !== null && v.trim() !== '');

	const topics: Topic[] = [];
	for (const fv of partsOf(fields.topics)) {
		const items = fv.value !== null && typeof fv.value === 'object' && !Array.isArray(fv.value) ? [fv.value] : listOf(fv.value);
		items.forEach((item, i) => {
			const line = itemLine(ctx, fv, i, items.length);
			const t = frontmatterTopics(item);
			for (const e of t.errors) report(ctx, 'warning', `${fv.key}: ${e}`, line);
			for (const x of t.topics) {
				if (x.person !== null) topics.push(line === undefined ? { person: x.person, topic: x.topic } : { person: x.person, topic: x.topic, line });
				else report(ctx, 'warning', `${fv.key}: '${x.topic}' names nobody (write "Name: topic")`, line);
			}
		});
	}
	for (const x of body.topics) {
		if (x.person !== null) topics.push({ person: x.person, topic: x.topic, line: x.line });
		else report(ctx, 'warning', `Topics: '${x.topic}' names nobody (write "Name: topic")`, x.line);
	}

	if (company === null) {
		report(ctx, 'warning', 'no company: add "company: Name" so this interview joins an application', fields.company ?? 1);
	}
	if (date === null && (fields.interview_date === undefined || isEmpty(fields.interview_date.value))) {
		report(ctx, 'warning', 'no interview_date: add "interview_date: YYYY-MM-DD" (or YYYY-MM-DDTHH:mm)', fields.interview_date ?? 1);
	}
	const decisionDate: LocalDate | null = decision === null ? null : decision.date;
	return {
		interview: {
			company,
			role,
			date,
			interviewers,
			contact,
			decisionDate,
			nextInterview,
			references,
			status,
			followUps,
			topics,
			snoozes,
			...(pitch !== null ? { pitch } : {}),
			...(skills.length > 0 ? { skills } : {}),
			...(offerDeadline !== null ? { offerDeadline } : {}),
		},
		topics,
	};
}

/** Topics a note that is not an interview note records (a person note's own ones among them). */
function otherTopics(path: string, scan: NoteScan, fields: Partial<Record<FieldName, FieldValue>>): Topic[] {
	const own = noteBasename(path);
	const out: Topic[] = [];
	if (fields.topics !== undefined) {
		for (const x of frontmatterTopics(fields.topics.value).topics) out.push({ person: x.person ?? own, topic: x.topic });
	}
	if (scan.sections.some((s) => s.kind === 'topics')) {
		for (const x of readSections(scan.sections, TOPIC_SECTIONS).topics) out.push({ person: x.person ?? own, topic: x.topic });
	}
	return out;
}

function build(path: string, scan: NoteScan, classifier: NoteClassifierSettings): NoteDetail {
	const ctx: Ctx = { path, keyLines: scan.keyLines, itemLines: scan.itemLines, diagnostics: [] };
	for (const f of scan.findings) ctx.diagnostics.push({ note: path, ...f });
	const { fields, ignored } = readFields(scan.frontmatter);
	const interview = isInterviewNote(path, scan.frontmatter, classifier, fields);
	const note: ParsedNote = {
		path,
		frontmatter: scan.frontmatter,
		bodyLine: scan.bodyLine,
		isInterview: interview,
		interview: null,
		person: scan.frontmatter === null ? null : personFields(fields),
		diagnostics: ctx.diagnostics,
	};
	const unreadableLine = scan.findings.find((f) => f.severity === 'error')?.line ?? scan.findings[0]?.line ?? 1;
	if (interview) {
		if (scan.brokenHead !== null) {
			report(ctx, 'error', 'the properties of this interview note cannot be read (see the problem on this line), so it is read without them until that is fixed', unreadableLine);
		}
		const all = withInlineFields({ fields, ignored }, scan.inline);
		const r = readInterview(ctx, scan, all.fields, all.ignored);
		note.interview = r.interview;
		return { note, topics: r.topics, suspect: false };
	}
	let suspect = false;
	if (scan.brokenHead !== null && !isExcluded(path, classifier) && namesInterview(scan.brokenHead, classifier)) {
		suspect = true;
		report(ctx, 'error', 'this looks like an interview note, but its properties cannot be read (see the problem on this line), so it is left out until that is fixed', unreadableLine);
	}
	return { note, topics: otherTopics(path, scan, fields), suspect };
}

/** Step 2: classification and fields, from a scan. Never throws. */
export function buildNote(path: string, scan: NoteScan, classifier: NoteClassifierSettings): NoteDetail {
	try {
		return build(path, scan, classifier);
	} catch (err) {
		// Not expected (the fuzz tests look for this message); kept so one odd note never stops the index.
		return {
			note: {
				path,
				frontmatter: scan.frontmatter,
				bodyLine: scan.bodyLine,
				isInterview: false,
				interview: null,
				person: null,
				diagnostics: [
					{
						note: path,
						severity: 'error',
						message: `${INTERNAL_ERROR}: ${err instanceof Error ? err.message : String(err)}; please report this with the note's first lines`,
					},
				],
			},
			topics: [],
			suspect: true,
		};
	}
}

/** The start of the message of a note that could not be read because of a bug here. */
export const INTERNAL_ERROR = 'Internal error while reading this note';

/** Parses one note. `path` is vault-relative with `/`. Never throws. */
export function parseNote(path: string, text: string, classifier: NoteClassifierSettings): ParsedNote {
	return buildNote(path, scanNote(path, text), classifier).note;
}

/**
 * Reading only what is needed. Most notes of a vault are neither interview
 * notes nor person notes, and parsing their YAML is most of the cost of
 * indexing them. A note is scanned without its YAML when none of this holds:
 * it lies under an interview folder; its raw frontmatter names the interview
 * type or tag, or a topics key (gift ideas from any note count), or holds a
 * `\` (a YAML escape could spell any of these). Its properties are read later,
 * from the kept block, when something asks for them (a link resolves to it).
 * The index built this way equals the one built by parsing every note
 * (test/core/vaultIndex.prefilter.test.ts).
 */
export interface DeferredScan {
	/** The scan, without the frontmatter's values (null), key lines or findings. */
	scan: NoteScan;
	/** The text up to the end of the frontmatter block, to read when needed. */
	head: string;
}

/** Words whose presence in the raw frontmatter means it may hold topics: the first word of each spelling of the key. */
const TOPIC_WORDS: readonly string[] = [...new Set(FIELD_KEYS.topics.map((k) => k.split('_')[0]))];

/** Whether a note's properties are needed now (see `DeferredScan`), from its path and raw frontmatter block. */
export function propertiesNeeded(path: string, head: string, classifier: NoteClassifierSettings): boolean {
	if (mayBeInterviewNote(path, head, classifier) || head.includes('\\')) return true;
	const lower = head.toLowerCase();
	return TOPIC_WORDS.some((w) => lower.includes(w));
}

/** Step 1 without the YAML; null when the note has no closed frontmatter block (then there is no YAML to skip). */
export function scanWithoutProperties(text: string): DeferredScan | null {
	const fence = scanFence(text);
	if (fence.kind !== 'fenced') return null;
	// A copy rather than a slice (V8 flattens the concatenation into a new string):
	// a slice would keep the whole note's text alive while the index holds the
	// block (10,000 notes: peak memory 139 -> 126 MB).
	const head = ` ${text.slice(0, fence.bodyOffset)}`.slice(1);
	let bodyLine = 1;
	for (let i = head.indexOf('\n'); i >= 0; i = head.indexOf('\n', i + 1)) bodyLine++;
	return {
		scan: {
			frontmatter: null,
			bodyLine,
			keyLines: {},
			itemLines: {},
			findings: [],
			sections: findSections(text.slice(fence.bodyOffset), bodyLine),
			brokenHead: null,
			inline: inlineFields(text.slice(fence.bodyOffset), bodyLine),
		},
		head,
	};
}

/** A deferred scan with its properties read: what `scanNote` gives for the whole text. */
export function readProperties(path: string, deferred: DeferredScan): NoteScan {
	return { ...scanNote(path, deferred.head), sections: deferred.scan.sections, inline: deferred.scan.inline };
}
