/**
 * A small fixture builder for the rules tests: applications and people made
 * directly (no note parsing), written to read like the spec.
 *
 *   const w = new World();
 *   w.person('Jane Doe', { title: 'VP Engineering', topics: ['the Boston marathon'] });
 *   w.application('Acme Finance', 'Secretary',
 *     interview('2026-11-16T10:00', { interviewers: ['Jane Doe'], log: ['2026-11-17 thank-you: Jane Doe'] }));
 *   const s = w.schedule('2026-11-18');
 */
import { endOfDay, parseDateTime, type DateTimeValue, type LocalDate, type LocalInstant } from '../../../src/core/dates';
import { personKey } from '../../../src/core/contacts';
import { computeSchedule, type Schedule } from '../../../src/core/rules';
import {
	DEFAULT_SETTINGS,
	type Action,
	type ActionKind,
	type Application,
	type Interview,
	type LogEntry,
	type LogKind,
	type Person,
	type Settings,
	type Snooze,
	type Status,
} from '../../../src/core/types';

/** A person's id, as the index makes it. */
export function key(name: string): string {
	return personKey(name);
}

function dt(text: string | null): DateTimeValue | null {
	if (text === null) return null;
	const r = parseDateTime(text);
	if (!r.ok) throw new Error(`fixture: ${r.message}`);
	return r.value;
}

/** `YYYY-MM-DD kind: Person — text` (person and text optional). */
export function logEntry(text: string): LogEntry {
	const m = /^(\d{4}-\d{2}-\d{2}) ([a-z-]+)(?::\s*(.*?))?(?:\s+—\s+(.*))?$/.exec(text);
	if (!m) throw new Error(`fixture: bad log entry ${text}`);
	return { date: m[1], kind: m[2] as LogKind, person: m[3] ? m[3] : null, text: m[4] ?? null, source: 'frontmatter' };
}

/** `YYYY-MM-DD kind: Person` (person optional). */
export function snooze(text: string): Snooze {
	const m = /^(\d{4}-\d{2}-\d{2}) ([a-z-]+)(?::\s*(.*))?$/.exec(text);
	if (!m) throw new Error(`fixture: bad snooze ${text}`);
	return { until: m[1], kind: m[2] as ActionKind, person: m[3] ? m[3] : null };
}

export interface InterviewSpec {
	path?: string;
	interviewers?: string[];
	contact?: string;
	decision?: LocalDate;
	next?: string;
	references?: string[];
	status?: Status;
	log?: string[];
	snoozed?: string[];
	/** `offer_deadline`. */
	offerDeadline?: LocalDate;
	/** The day the note was last modified (what the front end's mtime gives the index). */
	modified?: LocalDate;
	/** Override what the index would say about missing titles. */
	missingTitle?: boolean;
}

export interface InterviewDraft {
	date: string | null;
	spec: InterviewSpec;
}

/** One interview note, dated `date` ('YYYY-MM-DD', 'YYYY-MM-DDTHH:mm' or null for undated). */
export function interview(date: string | null, spec: InterviewSpec = {}): InterviewDraft {
	return { date, spec };
}

export class World {
	readonly people = new Map<string, Person>();
	readonly apps: Application[] = [];
	settings: Settings = { ...DEFAULT_SETTINGS };

	/** Declares a person (an interviewer named only in an interview gets no title). */
	person(name: string, fields: Partial<Omit<Person, 'id' | 'name'>> = {}): Person {
		const id = key(name);
		const existing = this.people.get(id);
		const p: Person = {
			id,
			name,
			title: null,
			email: null,
			phone: null,
			company: null,
			path: null,
			topics: [],
			...existing,
			...fields,
		};
		this.people.set(id, p);
		return p;
	}

	private ref(name: string): string {
		const id = key(name);
		if (!this.people.has(id)) this.person(name);
		return id;
	}

	application(company: string, role: string | null, ...drafts: InterviewDraft[]): Application {
		const interviews: Interview[] = drafts.map((d, i) => {
			const s = d.spec;
			const interviewers = (s.interviewers ?? []).map((n) => this.ref(n));
			return {
				path: s.path ?? `Interviews/${d.date?.slice(0, 10) ?? 'undated'} ${company}${role ? ` ${role}` : ''}${i > 0 ? ` ${i + 1}` : ''}.md`,
				date: dt(d.date),
				interviewers,
				contact: s.contact === undefined ? null : this.ref(s.contact),
				decisionDate: s.decision ?? null,
				nextInterview: dt(s.next ?? null),
				references: (s.references ?? []).map((n) => this.ref(n)),
				status: s.status ?? null,
				followUps: (s.log ?? []).map(logEntry),
				snoozes: (s.snoozed ?? []).map(snooze),
				interviewerMissingTitle: s.missingTitle ?? interviewers.some((id) => this.people.get(id)?.title == null),
				...(s.offerDeadline === undefined ? {} : { offerDeadline: s.offerDeadline }),
				...(s.modified === undefined ? {} : { modified: s.modified }),
			};
		});
		interviews.sort((a, b) => {
			const da = a.date?.date ?? '\uffff';
			const db = b.date?.date ?? '\uffff';
			return da < db ? -1 : da > db ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
		});
		const app: Application = { id: `${key(company)}|${key(role ?? '')}`, company, role, interviews };
		this.apps.push(app);
		return app;
	}

	/** Adds `n` applications that are active but owe nothing (one undated note each). */
	activeFillers(n: number): void {
		for (let i = 0; i < n; i++) this.application(`Filler ${i + 1}`, 'Clerk', interview(null));
	}

	applications(): Application[] {
		return this.apps;
	}

	getPerson(id: string): Person | undefined {
		return this.people.get(id);
	}

	/** The schedule as of the end of `today` (the CLI's `--today`), or as of an exact instant. */
	schedule(today: LocalDate | LocalInstant, settings: Partial<Settings> = {}): Schedule {
		const now = typeof today === 'string' ? endOfDay(today) : today;
		return computeSchedule(
			{ applications: () => this.apps, person: (id) => this.people.get(id) },
			now,
			{ ...this.settings, ...settings },
		);
	}
}

/** A compact, readable line per action: `kind person earliest..due state`. */
export function line(a: Action): string {
	return `${a.kind}${a.person ? ` ${a.person.name}` : ''} ${a.earliest}..${a.due} ${a.state}`;
}

/** The actions of one kind (optionally for one company), as lines. */
export function lines(s: Schedule, kind?: ActionKind, company?: string): string[] {
	return s.actions.filter((a) => (kind === undefined || a.kind === kind) && (company === undefined || a.company === company)).map(line);
}

export function only(s: Schedule, kind: ActionKind, company?: string): Action {
	const found = s.actions.filter((a) => a.kind === kind && (company === undefined || a.company === company));
	if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}: ${found.map(line).join('; ')}`);
	return found[0];
}
