/**
 * The index of a vault: every note parsed, interview notes grouped into
 * applications, contacts resolved to people.
 *
 * - Applications: interview notes sharing company and role, compared ignoring
 *   case and spacing (follow-up-rules.md, "Words"). No company, no application.
 * - Links resolve the way Obsidian resolves them: by note name, or by path
 *   suffix for `[[People/Jane Doe]]`, `.md` optional, ignoring case; where
 *   several notes match, the exact path, then the one in the linking note's
 *   folder, then the shortest path wins. An unresolved link is a contact with
 *   a name only.
 * - A person is one identity per name (ignoring case and spacing); a linked
 *   note has the same name as its link. The person note's fields win over the
 *   ones written inline; gift topics from any note belong to the person.
 *
 * Updates are incremental: reverse maps tell which applications and people a
 * changed note touches; those are marked stale and rebuilt lazily, when asked
 * for. Every list returned is sorted (applications and people by id, notes by
 * path, diagnostics by note and line), so two indexes of the same files give
 * equal answers whatever order the files came in.
 */
import type { Application, Contact, Diagnostic, Interview, ParsedNote, Person, Topic } from './types';
import { personKey } from './contacts';
import { matchPerson } from './rules/ids';
import { localToday, normaliseTime } from './dates';
import {
	buildNote,
	noteBasename,
	propertiesNeeded,
	readProperties,
	scanNote,
	scanWithoutProperties,
	type NoteClassifierSettings,
	type NoteDetail,
	type NoteScan,
} from './note';

type Role = 'interviewer' | 'contact' | 'reference';

interface ContactRef {
	id: string;
	role: Role;
	contact: Contact;
}

interface NoteRecord {
	path: string;
	scan: NoteScan;
	/**
	 * The frontmatter block while its YAML is not read (note.ts, `DeferredScan`):
	 * read when a link resolves to the note or it is asked for, null once read.
	 */
	unreadHead: string | null;
	detail: NoteDetail;
	/** Lowercased note name, for link resolution. */
	nameKey: string;
	/** The application of an interview note with a company. */
	appId: string | null;
	/** Contacts of an interview note, in note order. */
	refs: ContactRef[];
	/** Distinct person ids in `refs`. */
	personIds: string[];
	/** Distinct lowercased note names its links point to. */
	linkNames: string[];
	/** Distinct person ids of `detail.topics`. */
	topicIds: string[];
	/** The note's modification time (see `Modified`), or null when not given; its day is worked out when an interview is built. */
	mtime: Modified | null;
}

/**
 * A note's modification time in ms since the epoch, or a function giving it (null when it cannot
 * be had) the first time a rule needs it: the command line then asks the disk only for the interview
 * notes, not for every note of the vault.
 */
export type Modified = number | (() => number | null);

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	let set = map.get(key);
	if (!set) {
		set = new Set<V>();
		map.set(key, set);
	}
	set.add(value);
}

function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (!set) return;
	set.delete(value);
	if (set.size === 0) map.delete(key);
}

export function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Words taken as one when names of companies and roles are compared (note-format.md v2). */
const SAME_WORDS: ReadonlyMap<string, string> = new Map([
	['sr', 'senior'],
	['jr', 'junior'],
	['mgr', 'manager'],
	['eng', 'engineer'],
	['dev', 'developer'],
	['vp', 'vice president'],
]);

/** `Sr. UX-Researcher` -> `senior ux researcher`: case, spacing and punctuation ignored, the listed abbreviations spelt out. */
export function nameKey(text: string): string {
	return text
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.map((w) => SAME_WORDS.get(w) ?? w)
		.join(' ');
}

/** `company|role`, each compared as `nameKey` says. */
export function applicationId(company: string, role: string | null): string {
	return `${nameKey(company)}|${role === null ? '' : nameKey(role)}`;
}

function dirname(path: string): string {
	const i = path.lastIndexOf('/');
	return i < 0 ? '' : path.slice(0, i);
}

/** `People/Jane Doe.md` (or without `.md`) lowercased, `/`-separated, without leading `/`. */
function linkPath(target: string): string {
	const t = target.replace(/\\/g, '/').replace(/^\.?\/+/, '').toLowerCase();
	return t.endsWith('.md') ? t.slice(0, -3) : t;
}

/** The lowercase note name a link target names (`People/Jane Doe.md` -> `jane doe`): the key of the notes it may resolve to. */
export function linkNameKey(target: string): string {
	const want = linkPath(target);
	return want.slice(want.lastIndexOf('/') + 1);
}

/**
 * The note a link in `from` points to among `namesakes` (the paths of the
 * notes named `linkNameKey(target)`), as Obsidian resolves it: the exact
 * path, then a path ending in the link's path in the linking note's folder,
 * then elsewhere, the shortest path first; null when none fits. The one
 * resolver of the project (the plugin's start-up reads person notes with it).
 */
export function resolveLink(target: string, from: string, namesakes: Iterable<string> | undefined): string | null {
	const want = linkPath(target);
	if (want === '' || namesakes === undefined) return null;
	let best: string | null = null;
	let bestRank = Infinity;
	const folder = dirname(from);
	for (const path of namesakes) {
		const p = linkPath(path);
		let rank: number;
		if (p === want) rank = 0;
		else if (p.endsWith(`/${want}`)) rank = dirname(path) === folder ? 1 : 2;
		else continue;
		if (rank < bestRank || (rank === bestRank && best !== null && (path.length < best.length || (path.length === best.length && path < best)))) {
			best = path;
			bestRank = rank;
		}
	}
	return best;
}

const NONE: readonly string[] = Object.freeze([]);

function distinct(values: readonly string[]): string[] {
	if (values.length === 0) return NONE as string[];
	if (values.length === 1) return [values[0]];
	return [...new Set(values)];
}

/**
 * The order of an application's notes, most recent last: by interview date,
 * then time (none first; `10:00` is `10:00:00`), undated notes after every
 * dated one, then path. The rules and the templates read notes in this order.
 */
export function compareInterviews(a: Pick<Interview, 'date' | 'path'>, b: Pick<Interview, 'date' | 'path'>): number {
	if (a.date !== null && b.date !== null) {
		const d = compareStrings(a.date.date, b.date.date);
		if (d !== 0) return d;
		const t = compareStrings(a.date.time === null ? '' : normaliseTime(a.date.time), b.date.time === null ? '' : normaliseTime(b.date.time));
		if (t !== 0) return t;
	} else if (a.date !== null) return -1;
	else if (b.date !== null) return 1;
	return compareStrings(a.path, b.path);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
	return (
		compareStrings(a.note, b.note) ||
		(a.line ?? 0) - (b.line ?? 0) ||
		compareStrings(a.severity, b.severity) ||
		compareStrings(a.message, b.message)
	);
}

export class VaultIndex {
	/** Which notes are interview notes; `log` and `snooze` ask it why a note is none. */
	readonly classifier: NoteClassifierSettings;
	private readonly records = new Map<string, NoteRecord>();
	/** Lowercased note name -> paths of notes with that name. */
	private readonly byName = new Map<string, Set<string>>();
	/** Application id -> its interview notes. */
	private readonly appMembers = new Map<string, Set<string>>();
	/** Person id -> interview notes naming the person as a contact. */
	private readonly personRefs = new Map<string, Set<string>>();
	/** Person id -> notes recording topics for the person. */
	private readonly topicRefs = new Map<string, Set<string>>();
	/** Lowercased note name -> interview notes with a link to that name. */
	private readonly linkRefs = new Map<string, Set<string>>();
	/** Notes whose diagnostics are shown even though they are no interview notes. */
	private readonly suspects = new Set<string>();
	private readonly interviewPaths = new Set<string>();

	private readonly appCache = new Map<string, Application>();
	private readonly personCache = new Map<string, Person>();
	// Lists derived from the maps above, built when asked for and dropped when what they list changes.
	private appList: Application[] | null = null;
	private peopleList: Person[] | null = null;
	private diagnosticList: Diagnostic[] | null = null;
	private pathList: string[] | null = null;

	constructor(classifier: NoteClassifierSettings) {
		this.classifier = {
			interviewType: classifier.interviewType,
			interviewTag: classifier.interviewTag,
			interviewFolders: [...classifier.interviewFolders],
			excludedFolders: [...(classifier.excludedFolders ?? [])],
		};
	}

	/**
	 * Adds or replaces a note. `path` is vault-relative with `/`; `mtime` is
	 * its modification time in milliseconds since the epoch (Obsidian's
	 * `file.stat.mtime`, Node's `stat().mtimeMs`), which dates a `status` key
	 * no log event dates (follow-up-rules.md, "Status date").
	 */
	upsert(path: string, text: string, mtime?: Modified): void {
		const time = mtime === undefined || (typeof mtime === 'number' && !Number.isFinite(mtime)) ? null : mtime;
		const deferred = scanWithoutProperties(text);
		if (deferred === null || propertiesNeeded(path, deferred.head, this.classifier)) this.apply(path, this.makeRecord(path, scanNote(path, text), null, time));
		else this.apply(path, this.makeRecord(path, deferred.scan, deferred.head, time));
	}

	remove(path: string): void {
		if (this.records.has(path)) this.apply(path, null);
	}

	/** Moves a note; its classification (folders) and links are re-evaluated without re-reading it. */
	rename(from: string, to: string): void {
		if (from === to) return;
		const rec = this.records.get(from);
		if (!rec) return;
		this.apply(from, null);
		// A rename may move a deferred note into an interview folder.
		const head = rec.unreadHead;
		if (head !== null && propertiesNeeded(to, head, this.classifier)) this.apply(to, this.makeRecord(to, readProperties(to, { scan: rec.scan, head }), null, rec.mtime));
		else this.apply(to, this.makeRecord(to, rec.scan, head, rec.mtime));
	}

	/** The application an interview note belongs to, or undefined (no company, or not an interview note). */
	applicationOf(path: string): Application | undefined {
		const appId = this.readRecord(path)?.appId;
		return appId == null ? undefined : this.application(appId);
	}

	/** Whether the note at `path` is in the index. */
	has(path: string): boolean {
		return this.records.has(path);
	}

	note(path: string): ParsedNote | undefined {
		return this.readRecord(path)?.detail.note;
	}

	notePaths(): string[] {
		this.pathList ??= [...this.records.keys()].sort(compareStrings);
		return [...this.pathList];
	}

	applications(): Application[] {
		this.appList ??= this.applicationIds().map((id) => this.application(id) as Application);
		return [...this.appList];
	}

	/**
	 * The ids of every application, in the order of `applications()`, without
	 * building them: a caller that must not block for long (the plugin) builds
	 * them one `application(id)` at a time.
	 */
	applicationIds(): string[] {
		return [...this.appMembers.keys()].sort(compareStrings);
	}

	/** One application by id, or undefined. */
	application(id: string): Application | undefined {
		if (!this.appMembers.has(id)) return undefined;
		let app = this.appCache.get(id);
		if (!app) {
			app = this.buildApplication(id);
			this.appCache.set(id, app);
		}
		return app;
	}

	person(id: string): Person | undefined {
		if (!this.personRefs.has(id)) return undefined;
		let p = this.personCache.get(id);
		if (!p) {
			p = this.buildPerson(id);
			this.personCache.set(id, p);
		}
		return p;
	}

	people(): Person[] {
		this.peopleList ??= [...this.personRefs.keys()].sort(compareStrings).map((id) => this.person(id) as Person);
		return [...this.peopleList];
	}

	/**
	 * Diagnostics of interview notes, of person notes they link to, and of
	 * notes that look like interview notes but cannot be read.
	 */
	diagnostics(): Diagnostic[] {
		if (this.diagnosticList === null) {
			const paths = new Set<string>([...this.interviewPaths, ...this.suspects]);
			for (const path of this.interviewPaths) {
				const rec = this.records.get(path);
				if (!rec) continue;
				for (const ref of rec.refs) {
					if (ref.contact.link === null) continue;
					const target = this.resolve(ref.contact.link, path);
					if (target !== null) paths.add(target);
				}
			}
			const out: Diagnostic[] = [];
			// A loop, not push(...list): a note can hold more diagnostics than a call takes arguments.
			for (const path of paths) for (const d of this.readRecord(path)?.detail.note.diagnostics ?? []) out.push(d);
			for (const path of this.interviewPaths) this.checkTopics(path, out);
			this.diagnosticList = out.sort(compareDiagnostics);
		}
		return [...this.diagnosticList];
	}

	/** The people an application's notes name: person id -> the name as first written. */
	private appPeople(appId: string): Map<string, string> {
		const out = new Map<string, string>();
		// By path, so that two indexes of the same notes give the same answer.
		for (const path of [...(this.appMembers.get(appId) ?? [])].sort(compareStrings)) {
			for (const ref of this.records.get(path)?.refs ?? []) if (!out.has(ref.id)) out.set(ref.id, ref.contact.name);
		}
		return out;
	}

	/** The person of its application a topic of an interview note names (`matchPerson`); null when none or several. */
	private topicPerson(rec: NoteRecord, topic: Topic): string | null {
		const id = personKey(topic.person);
		if (rec.appId === null) return id;
		const m = matchPerson(topic.person, this.appPeople(rec.appId).keys());
		return m.id ?? id;
	}

	/** A warning, on the topic's line, for each topic naming nobody of its application, or several people. */
	private checkTopics(path: string, out: Diagnostic[]): void {
		const rec = this.records.get(path);
		if (rec === undefined || rec.appId === null || rec.detail.topics.length === 0) return;
		const people = this.appPeople(rec.appId);
		const company = rec.detail.note.interview?.company ?? '';
		for (const t of rec.detail.topics) {
			const m = matchPerson(t.person, people.keys());
			if (m.id !== null) continue;
			const names = [...people.values()];
			const message =
				m.several.length > 1
					? `topic "${t.person}: ${t.topic}" could be about ${m.several.map((id) => people.get(id)).join(' or ')}; write the full name`
					: `topic "${t.person}: ${t.topic}" names ${t.person}, who is not an interviewer, reference or contact of ${company} ` +
						`(the notes name: ${names.join(', ') || 'nobody yet'}); check the spelling, or add the person to the note`;
			out.push({ note: path, severity: 'warning', message, ...(t.line === undefined ? {} : { line: t.line }) });
		}
	}

	/** The note a link in `from` points to, as Obsidian resolves it, or null. */
	resolve(target: string, from: string): string | null {
		return resolveLink(target, from, this.byName.get(linkNameKey(target)));
	}

	// --- building -----------------------------------------------------------

	/**
	 * The record at `path` with its properties read. Reading them changes only
	 * the note's frontmatter, person fields and diagnostics: a deferred note is
	 * no interview note and records no frontmatter topics, so nothing linked
	 * to it or cached from it changes.
	 */
	private readRecord(path: string): NoteRecord | undefined {
		const rec = this.records.get(path);
		if (rec === undefined || rec.unreadHead === null) return rec;
		rec.scan = readProperties(path, { scan: rec.scan, head: rec.unreadHead });
		rec.unreadHead = null;
		rec.detail = buildNote(path, rec.scan, this.classifier);
		return rec;
	}

	/** A record of `scan`; `unreadHead` is the frontmatter block of a note whose properties are not needed yet (see `upsert`). */
	private makeRecord(path: string, scan: NoteScan, unreadHead: string | null, mtime: Modified | null): NoteRecord {
		const detail = buildNote(path, scan, this.classifier);
		const iv = detail.note.interview;
		const refs: ContactRef[] = [];
		let appId: string | null = null;
		if (iv !== null) {
			const push = (role: Role, c: Contact): void => {
				const id = personKey(c.name);
				if (id !== '') refs.push({ id, role, contact: c });
			};
			for (const c of iv.interviewers) push('interviewer', c);
			if (iv.contact !== null) push('contact', iv.contact);
			for (const c of iv.references) push('reference', c);
			if (iv.company !== null && nameKey(iv.company) !== '') appId = applicationId(iv.company, iv.role);
		}
		return {
			path,
			scan,
			unreadHead,
			detail,
			nameKey: noteBasename(path).toLowerCase(),
			appId,
			refs,
			personIds: distinct(refs.map((r) => r.id)),
			linkNames: distinct(refs.filter((r) => r.contact.link !== null).map((r) => linkNameKey(r.contact.link as string))),
			topicIds: detail.topics.length === 0 ? (NONE as string[]) : distinct(detail.topics.map((t) => personKey(t.person)).filter((id) => id !== '')),
			mtime,
		};
	}

	/** Replaces the record at `path` (null removes it) and marks what it touches as stale. */
	private apply(path: string, next: NoteRecord | null): void {
		const prev = this.records.get(path) ?? null;
		// Touching twice is harmless, so plain arrays do (no sets to allocate on every upsert).
		const apps: string[] = [];
		const persons: string[] = [];
		const names: string[] = [];
		if (prev) this.unlink(prev, apps, persons, names);
		if (next) this.link(next, apps, persons, names);
		if ((prev === null) !== (next === null)) this.pathList = null;
		// A note that appeared, vanished or changed may be the target of links: the
		// interview notes linking to its name, and the person of that name, are stale.
		// Nothing is stale while nothing is built (the first load of a vault).
		const built = this.appCache.size > 0 || this.personCache.size > 0;
		for (let i = 0; built && i < names.length; i++) {
			const name = names[i];
			if (i > 0 && name === names[0]) continue;
			persons.push(personKey(name));
			const linking = this.linkRefs.get(name);
			if (linking === undefined) continue;
			for (const p of linking) {
				const appId = this.records.get(p)?.appId;
				if (appId) apps.push(appId);
			}
		}
		for (const id of apps) {
			this.touchApp(id);
			// A topic may name a person of the application by a first or last name only (`topicsOf`).
			for (const p of this.appMembers.get(id) ?? []) for (const pid of this.records.get(p)?.personIds ?? []) persons.push(pid);
		}
		for (const id of persons) this.touchPerson(id);
		this.diagnosticList = null;
	}

	private unlink(rec: NoteRecord, apps: string[], persons: string[], names: string[]): void {
		this.records.delete(rec.path);
		removeFrom(this.byName, rec.nameKey, rec.path);
		names.push(rec.nameKey);
		if (rec.appId !== null) {
			removeFrom(this.appMembers, rec.appId, rec.path);
			apps.push(rec.appId);
		}
		for (const id of rec.personIds) {
			removeFrom(this.personRefs, id, rec.path);
			persons.push(id);
		}
		for (const id of rec.topicIds) {
			removeFrom(this.topicRefs, id, rec.path);
			persons.push(id);
		}
		for (const name of rec.linkNames) removeFrom(this.linkRefs, name, rec.path);
		this.interviewPaths.delete(rec.path);
		this.suspects.delete(rec.path);
	}

	private link(rec: NoteRecord, apps: string[], persons: string[], names: string[]): void {
		this.records.set(rec.path, rec);
		addTo(this.byName, rec.nameKey, rec.path);
		names.push(rec.nameKey);
		if (rec.appId !== null) {
			addTo(this.appMembers, rec.appId, rec.path);
			apps.push(rec.appId);
		}
		for (const id of rec.personIds) {
			addTo(this.personRefs, id, rec.path);
			persons.push(id);
		}
		for (const id of rec.topicIds) {
			addTo(this.topicRefs, id, rec.path);
			persons.push(id);
		}
		for (const name of rec.linkNames) addTo(this.linkRefs, name, rec.path);
		if (rec.detail.note.isInterview) this.interviewPaths.add(rec.path);
		if (rec.detail.suspect) this.suspects.add(rec.path);
	}

	private touchApp(id: string): void {
		this.appCache.delete(id);
		this.appList = null;
	}

	private touchPerson(id: string): void {
		this.personCache.delete(id);
		this.peopleList = null;
	}

	private personNoteTitle(contact: Contact, from: string): string | null {
		if (contact.link === null) return null;
		const target = this.resolve(contact.link, from);
		if (target === null) return null;
		return this.readRecord(target)?.detail.note.person?.title ?? null;
	}

	private buildInterview(rec: NoteRecord): Interview {
		const iv = rec.detail.note.interview;
		if (iv === null) throw new Error(`not an interview note: ${rec.path}`);
		const ids = (role: Role): string[] => distinct(rec.refs.filter((r) => r.role === role).map((r) => r.id));
		const missingTitle = iv.interviewers.some((c) => c.title === null && this.personNoteTitle(c, rec.path) === null);
		const contactRef = rec.refs.find((r) => r.role === 'contact');
		if (typeof rec.mtime === 'function') {
			const ms = rec.mtime();
			rec.mtime = ms === null || !Number.isFinite(ms) ? null : ms;
		}
		return {
			path: rec.path,
			date: iv.date,
			interviewers: ids('interviewer'),
			contact: contactRef ? contactRef.id : null,
			decisionDate: iv.decisionDate,
			nextInterview: iv.nextInterview,
			references: ids('reference'),
			status: iv.status,
			followUps: iv.followUps,
			snoozes: iv.snoozes,
			interviewerMissingTitle: missingTitle,
			// Only when written, so notes without them look as before.
			...(iv.pitch != null ? { pitch: iv.pitch } : {}),
			...(iv.skills !== undefined && iv.skills.length > 0 ? { skills: iv.skills } : {}),
			...(iv.offerDeadline != null ? { offerDeadline: iv.offerDeadline } : {}),
			...(typeof rec.mtime === 'number' ? { modified: localToday(new Date(rec.mtime)) } : {}),
		};
	}

	private buildApplication(id: string): Application {
		const members = this.appMembers.get(id);
		const interviews: Interview[] = [];
		for (const path of members ?? []) {
			const rec = this.records.get(path);
			if (rec) interviews.push(this.buildInterview(rec));
		}
		interviews.sort(compareInterviews);
		const first = interviews.length > 0 ? this.records.get(interviews[0].path)?.detail.note.interview : null;
		return {
			id,
			company: first?.company ?? id.slice(0, id.indexOf('|')),
			role: first?.role ?? null,
			interviews,
		};
	}

	private buildPerson(id: string): Person {
		const paths = [...(this.personRefs.get(id) ?? [])].sort(compareStrings);
		const occurrences: Array<{ ref: ContactRef; rec: NoteRecord }> = [];
		for (const path of paths) {
			const rec = this.records.get(path);
			if (!rec) continue;
			for (const ref of rec.refs) if (ref.id === id) occurrences.push({ ref, rec });
		}
		let personPath: string | null = null;
		for (const { ref, rec } of occurrences) {
			if (ref.contact.link === null) continue;
			personPath = this.resolve(ref.contact.link, rec.path);
			if (personPath !== null) break;
		}
		const own = personPath === null ? null : (this.readRecord(personPath)?.detail.note.person ?? null);
		const inline = (pick: (c: Contact) => string | null): string | null => {
			for (const { ref } of occurrences) {
				const v = pick(ref.contact);
				if (v !== null) return v;
			}
			return null;
		};
		let company: string | null = own?.company ?? null;
		if (company === null) {
			for (const { ref, rec } of occurrences) {
				if (ref.role === 'reference') continue;
				company = rec.detail.note.interview?.company ?? null;
				if (company !== null) break;
			}
		}
		const salutation = own?.salutation ?? inline((c) => c.salutation ?? null);
		return {
			id,
			name: personPath !== null ? noteBasename(personPath) : (occurrences[0]?.ref.contact.name ?? id),
			title: own?.title ?? inline((c) => c.title),
			email: own?.email ?? inline((c) => c.email),
			phone: own?.phone ?? inline((c) => c.phone),
			company,
			path: personPath,
			topics: this.topicsOf(id),
			...(salutation !== null ? { salutation } : {}),
		};
	}

	/**
	 * Topics recorded for a person: under the full name in any note, and in
	 * the interview notes of the person's applications under a first or last
	 * name that only this person of the application has.
	 */
	private topicsOf(id: string): string[] {
		const found = new Set<string>(this.topicRefs.get(id) ?? []);
		for (const p of this.personRefs.get(id) ?? []) {
			const appId = this.records.get(p)?.appId;
			if (appId != null) for (const member of this.appMembers.get(appId) ?? []) found.add(member);
		}
		const paths = [...found].sort(compareStrings);
		const seen = new Set<string>();
		const out: string[] = [];
		for (const path of paths) {
			const rec = this.records.get(path);
			if (rec === undefined) continue;
			for (const t of rec.detail.topics) {
				if (this.topicPerson(rec, t) !== id) continue;
				const key = t.topic.replace(/\s+/g, ' ').trim().toLowerCase();
				if (key === '' || seen.has(key)) continue;
				seen.add(key);
				out.push(t.topic);
			}
		}
		return out;
	}
}

/**
 * One note per company with several active applications (note-format.md v2):
 * on each application's latest note, naming the others, so that a misspelt
 * role that split one application in two is easy to spot.
 */
export function companiesWithSeveralApplications(active: ReadonlyArray<{ company: string; role: string | null; note: string }>): Diagnostic[] {
	const byCompany = new Map<string, Array<{ company: string; role: string | null; note: string }>>();
	for (const a of active) {
		const key = nameKey(a.company);
		const list = byCompany.get(key);
		if (list) list.push(a);
		else byCompany.set(key, [a]);
	}
	const out: Diagnostic[] = [];
	for (const list of byCompany.values()) {
		if (list.length < 2) continue;
		const roles = list.map((a) => `'${a.role ?? '(no role)'}' (${a.note})`).join(', ');
		for (const a of list) {
			out.push({
				note: a.note,
				severity: 'info',
				message: `${a.company} has ${list.length} active applications: ${roles}; if they are one, write the role the same way in every note`,
			});
		}
	}
	return out;
}
