/** Hand-built index data for the template tests (the VaultIndex is written elsewhere). */
import type { Application, Interview, LogEntry, Person } from '../../../src/core/types';
import type { PersonLookup } from '../../../src/core/templates';

export function person(name: string, extra: Partial<Person> = {}): Person {
	return {
		id: name.toLowerCase().replace(/\s+/g, ' ').trim(),
		name,
		title: null,
		email: null,
		phone: null,
		company: null,
		path: null,
		topics: [],
		...extra,
	};
}

export function interview(path: string, date: string | null, extra: Partial<Interview> = {}): Interview {
	return {
		path,
		date: date === null ? null : { date: date.slice(0, 10), time: date.length > 10 ? date.slice(11, 16) : null, offset: null },
		interviewers: [],
		contact: null,
		decisionDate: null,
		nextInterview: null,
		references: [],
		status: null,
		followUps: [],
		snoozes: [],
		interviewerMissingTitle: false,
		...extra,
	};
}

export function application(company: string, role: string | null, interviews: Interview[]): Application {
	const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
	return { id: `${key(company)}|${key(role ?? '')}`, company, role, interviews };
}

export function log(date: string, kind: LogEntry['kind'], who: string | null): LogEntry {
	return { date, kind, person: who, text: null, source: 'frontmatter' };
}

export class People implements PersonLookup {
	readonly byId = new Map<string, Person>();
	constructor(list: Person[]) {
		for (const p of list) this.byId.set(p.id, p);
	}
	person(id: string): Person | undefined {
		return this.byId.get(id);
	}
}

/** The example of note-format.md: Acme Finance, Secretary, 2026-11-16. */
export function acme() {
	const jane = person('Jane Doe', {
		title: 'VP Engineering',
		email: 'jane@acme.example',
		path: 'People/Jane Doe.md',
		company: 'Acme Finance',
		topics: ['training for the Boston marathon'],
	});
	const john = person('John Roe', { title: 'Office Manager', email: 'john.roe@acme.example', topics: [] });
	const ann = person('Ann Smith', { email: 'ann@example.org' });
	const app = application('Acme Finance', 'Secretary', [
		interview('Interviews/Acme Finance 2026-11-16.md', '2026-11-16T10:00', {
			interviewers: [jane.id, john.id],
			contact: jane.id,
			decisionDate: '2026-12-04',
			references: [ann.id],
		}),
	]);
	const index = new People([jane, john, ann]);
	return { jane, john, ann, app, index, input: { applications: () => [app], person: (id: string) => index.person(id) } };
}

/** Splits prose into sentences (after . ; ! ?), for "some sentence says X and Y" checks. */
export function sentences(text: string): string[] {
	return text
		.replace(/([.;!?])\s+/g, '$1\n')
		.split(/\n+/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** Whether one sentence of `text` matches every pattern. */
export function saysInOneSentence(text: string, ...patterns: (RegExp | string)[]): boolean {
	return sentences(text).some((s) => patterns.every((p) => (typeof p === 'string' ? s.includes(p) : p.test(s))));
}
