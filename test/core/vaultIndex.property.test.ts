/**
 * Property: after any sequence of creates, edits, renames and deletes, the
 * incremental index answers exactly as an index built afresh from the final
 * files. The notes link to each other, share names in different spellings,
 * and move between applications, folders and person-note names.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VaultIndex } from '../../src/core/vaultIndex';
import type { NoteClassifierSettings } from '../../src/core/note';

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: ['Interviews'] };

const PATHS = [
	'Interviews/a.md',
	'Interviews/b.md',
	'c.md',
	'Other/d.md',
	'People/Jane Doe.md',
	'Jane Doe.md',
	'Archive/jane doe.md',
	'People/John Roe.md',
	'Ann Smith.md',
	'Inbox/x.md',
];

const contactText = fc.constantFrom(
	'"[[Jane Doe]]"',
	'"[[People/Jane Doe|Jane]]"',
	'"[[jane doe]]"',
	'"[[Archive/Jane Doe]]"',
	'"Jane  Doe, VP <jane@acme.com>"',
	'"John Roe"',
	'"[[John Roe]]"',
	'"John Roe (CTO) +1 555 0100"',
	'"[[Ann Smith]]"',
	'"Ann Smith <ann@example.org>"',
	'"Bob Lee"',
	'{name: Bob Lee, title: CFO}',
	'[[Jane Doe]]',
);

const marker = fc.constantFrom('type: interview', 'tags: [interview/onsite]', 'tags: "#Interview"', '');
const company = fc.constantFrom('Acme', 'acme ', '"[[Acme]]"', 'Globex', '"[[Globex|Acme]]"', '');
const role = fc.constantFrom('Clerk', 'clerk', 'Secretary', '');
const date = fc.constantFrom('2026-11-16', '2026-11-16T10:00', '2026-11-20', 'next Tuesday', '');
const topic = fc.constantFrom('"Jane Doe: marathon"', '"John Roe: paperless"', '"jane doe: chess"', 'chess', '"Ann Smith: sailing"');

const interviewNote = fc
	.record({
		marker,
		company,
		role,
		date,
		interviewers: fc.array(contactText, { maxLength: 3 }),
		contact: fc.option(contactText, { nil: undefined }),
		references: fc.array(contactText, { maxLength: 2 }),
		topics: fc.array(topic, { maxLength: 2 }),
		status: fc.constantFrom('', 'offer', 'rejected', 'pending'),
		bodyPeople: fc.array(fc.constantFrom('Jane Doe, VP', '[[John Roe]]', 'Ann Smith', '<x@y.com>'), { maxLength: 2 }),
		bodyTopics: fc.array(fc.constantFrom('Jane Doe: jazz', 'Bob Lee: golf', 'sailing'), { maxLength: 2 }),
		bodyLog: fc.array(fc.constantFrom('2026-11-17 thank-you: Jane Doe', '[x] status-check ✅ 2026-11-25', 'lunch'), { maxLength: 2 }),
	})
	.map((n) => {
		const lines: string[] = [];
		if (n.marker) lines.push(n.marker);
		if (n.company) lines.push(`company: ${n.company}`);
		if (n.role) lines.push(`role: ${n.role}`);
		if (n.date) lines.push(`interview_date: ${n.date}`);
		if (n.interviewers.length) lines.push('interviewers:', ...n.interviewers.map((c) => `  - ${c}`));
		if (n.contact !== undefined) lines.push(`contact: ${n.contact}`);
		if (n.references.length) lines.push('references:', ...n.references.map((c) => `  - ${c}`));
		if (n.topics.length) lines.push('topics:', ...n.topics.map((t) => `  - ${t}`));
		if (n.status) lines.push(`status: ${n.status}`);
		let body = '';
		if (n.bodyPeople.length) body += `## People\n${n.bodyPeople.map((p) => `- ${p}`).join('\n')}\n`;
		if (n.bodyTopics.length) body += `## Gift ideas\n${n.bodyTopics.map((p) => `- ${p}`).join('\n')}\n`;
		if (n.bodyLog.length) body += `## Follow-ups\n${n.bodyLog.map((p) => `- ${p}`).join('\n')}\n`;
		return `---\n${lines.join('\n')}\n---\n${body}`;
	});

const personNote = fc
	.record({
		title: fc.constantFrom('', 'title: VP Engineering', 'role: Recruiter', 'title: [[x]'),
		email: fc.constantFrom('', 'email: jane@acme.com', 'email: other@x.org'),
		company: fc.constantFrom('', 'company: "[[Acme]]"', 'company: Initech'),
		topics: fc.constantFrom('', 'topics: [chess]', 'topics: ["Jane Doe: tea"]'),
		body: fc.constantFrom('', '## Topics\n- knitting\n', '# Notes\nplain text\n'),
	})
	.map((p) => {
		const lines = [p.title, p.email, p.company, p.topics].filter((l) => l !== '');
		return lines.length ? `---\n${lines.join('\n')}\n---\n${p.body}` : p.body;
	});

const noteText = fc.oneof(interviewNote, personNote, fc.constant('# just a note\n'));

type Op =
	| { op: 'upsert'; path: string; text: string }
	| { op: 'remove'; path: string }
	| { op: 'rename'; from: string; to: string }
	| { op: 'query' };

const op: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ op: fc.constant('upsert' as const), path: fc.constantFrom(...PATHS), text: noteText }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('rename' as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS) }) },
	{ weight: 2, arbitrary: fc.constant({ op: "query" as const }) },
);

function snapshot(vi: VaultIndex): unknown {
	const paths = vi.notePaths();
	return {
		applications: vi.applications(),
		people: vi.people(),
		diagnostics: vi.diagnostics(),
		paths,
		notes: paths.map((p) => vi.note(p)),
		persons: vi.people().map((p) => vi.person(p.id)),
	};
}

function fresh(files: Map<string, string>): VaultIndex {
	const vi = new VaultIndex(C);
	for (const path of [...files.keys()].reverse()) vi.upsert(path, files.get(path) as string);
	return vi;
}

function run(ops: Op[], checkEveryStep: boolean): void {
	const vi = new VaultIndex(C);
	const files = new Map<string, string>();
	for (const o of ops) {
		if (o.op === 'upsert') {
			vi.upsert(o.path, o.text);
			files.set(o.path, o.text);
		} else if (o.op === 'remove') {
			vi.remove(o.path);
			files.delete(o.path);
		} else if (o.op === 'rename') {
			const text = files.get(o.from);
			vi.rename(o.from, o.to);
			if (text !== undefined && o.from !== o.to) {
				files.delete(o.from);
				files.set(o.to, text);
			}
		} else {
			// Fill the caches between changes, so stale entries would show.
			snapshot(vi);
		}
		if (checkEveryStep) expect(snapshot(vi)).toEqual(snapshot(fresh(files)));
	}
	expect(snapshot(vi)).toEqual(snapshot(fresh(files)));
}

describe('VaultIndex: incremental equals fresh', () => {
	it('after any sequence of creates, edits, renames and deletes', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => run(ops, false)),
			{ numRuns: 150 },
		);
	});

	it('after every step of shorter sequences (caches filled between changes)', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 12 }), (ops) => run(ops, true)),
			{ numRuns: 200 },
		);
	});
});
