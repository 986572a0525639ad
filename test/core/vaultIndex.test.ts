import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { VaultIndex, applicationId } from '../../src/core/vaultIndex';
import { INTERNAL_ERROR, parseNote, type NoteClassifierSettings } from '../../src/core/note';

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

function iv(fields: Record<string, string>, body = ''): string {
	const lines = ['type: interview', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`)];
	return `---\n${lines.join('\n')}\n---\n${body}`;
}

function person(fields: Record<string, string>, body = ''): string {
	return `---\n${Object.entries(fields)
		.map(([k, v]) => `${k}: ${v}`)
		.join('\n')}\n---\n${body}`;
}

function index(files: Record<string, string>, c: NoteClassifierSettings = C): VaultIndex {
	const vi = new VaultIndex(c);
	for (const [path, text] of Object.entries(files)) vi.upsert(path, text);
	return vi;
}

describe('applications', () => {
	it('applicationIds lists the ids of applications() in its order, and application(id) builds the same one', () => {
		const vi = index({
			'b.md': iv({ company: 'Zeta', role: 'Clerk', interview_date: '2026-11-20' }),
			'a.md': iv({ company: 'Acme', role: 'Clerk', interview_date: '2026-11-16' }),
			'c.md': iv({ company: 'Acme', interview_date: '2026-11-18' }),
		});
		const ids = vi.applicationIds();
		expect(ids).toEqual(['acme|', 'acme|clerk', 'zeta|clerk']);
		expect(ids.map((id) => vi.application(id))).toEqual(vi.applications());
		vi.remove('b.md');
		expect(vi.applicationIds()).toEqual(['acme|', 'acme|clerk']);
		ids.push('mutating the copy changes nothing');
		expect(vi.applicationIds()).toHaveLength(2);
	});

	it('groups interview notes by company and role, ignoring case and spacing', () => {
		const vi = index({
			'b.md': iv({ company: 'Acme  Finance', role: 'Secretary', interview_date: '2026-11-20' }),
			'a.md': iv({ company: '"[[acme finance]]"', role: 'secretary', interview_date: '2026-11-16T10:00' }),
			'c.md': iv({ company: 'Acme Finance', role: 'Clerk', interview_date: '2026-11-18' }),
			'd.md': iv({ role: 'Clerk', interview_date: '2026-11-18' }),
			'e.md': iv({ company: 'Globex', interview_date: '2026-11-18' }),
			'notes/other.md': person({ company: 'Acme Finance', role: 'Secretary' }),
		});
		const apps = vi.applications();
		expect(apps.map((a) => [a.id, a.company, a.role, a.interviews.map((i) => i.path)])).toEqual([
			['acme finance|clerk', 'Acme Finance', 'Clerk', ['c.md']],
			['acme finance|secretary', 'acme finance', 'secretary', ['a.md', 'b.md']],
			['globex|', 'Globex', null, ['e.md']],
		]);
		expect(applicationId(' Acme   Finance ', 'SECRETARY')).toBe('acme finance|secretary');
		expect(vi.application('globex|')?.company).toBe('Globex');
		expect(vi.application('nope|')).toBeUndefined();
		expect(vi.notePaths()).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'notes/other.md']);
	});

	it('sorts interviews by date and time, undated last, then by path', () => {
		const vi = index({
			'z.md': iv({ company: 'A', interview_date: '2026-11-16' }),
			'y.md': iv({ company: 'A', interview_date: '2026-11-16T09:00' }),
			'x.md': iv({ company: 'A' }),
			'w.md': iv({ company: 'A', interview_date: '2026-11-01' }),
			'v.md': iv({ company: 'A', interview_date: 'soon' }),
		});
		expect(vi.applications()[0].interviews.map((i) => i.path)).toEqual(['w.md', 'z.md', 'y.md', 'v.md', 'x.md']);
	});

	it('resolves contacts to person ids and fills the interview', () => {
		const vi = index({
			'i.md': iv({
				company: 'Acme',
				interview_date: '2026-11-16',
				interviewers: '["[[Jane Doe]]", "John Roe, Office Manager"]',
				contact: '"[[Jane Doe|Jane]]"',
				references: '["Ann Smith <ann@example.org>"]',
				decision_date: '2026-12-04',
				next_interview: '2026-11-30',
				status: 'interviewing',
				follow_ups: '["2026-11-17 thank-you"]',
				snoozed: '["2026-11-25 status-check: Jane Doe"]',
			}),
		});
		expect(vi.applications()[0].interviews[0]).toEqual({
			path: 'i.md',
			date: { date: '2026-11-16', time: null, offset: null },
			interviewers: ['jane doe', 'john roe'],
			contact: 'jane doe',
			decisionDate: '2026-12-04',
			nextInterview: { date: '2026-11-30', time: null, offset: null },
			references: ['ann smith'],
			status: 'interviewing',
			followUps: [{ date: '2026-11-17', kind: 'thank-you', person: null, text: null, source: 'frontmatter', line: 11 }],
			snoozes: [{ until: '2026-11-25', kind: 'status-check', person: 'Jane Doe', line: 12 }],
			interviewerMissingTitle: true,
		});
	});
});

describe('people and link resolution', () => {
	it('resolves links by name or path suffix, .md optional, ignoring case', () => {
		const vi = index({
			'People/Jane Doe.md': person({ title: 'VP Engineering', email: 'jane@acme.com' }),
			'Archive/Jane Doe.md': person({ title: 'Old' }),
			'Jane Doe.md': person({ title: 'Root' }),
			'Interviews/a.md': '',
		});
		expect(vi.resolve('Jane Doe', 'Interviews/a.md')).toBe('Jane Doe.md');
		expect(vi.resolve('people/jane doe', 'Interviews/a.md')).toBe('People/Jane Doe.md');
		expect(vi.resolve('People/Jane Doe.md', 'x.md')).toBe('People/Jane Doe.md');
		expect(vi.resolve('Jane Doe.md', 'x.md')).toBe('Jane Doe.md');
		expect(vi.resolve('Nobody', 'x.md')).toBeNull();
		expect(vi.resolve('Other/Jane Doe', 'x.md')).toBeNull();
		vi.remove('Jane Doe.md');
		// Same folder as the linking note first, then the shortest path.
		expect(vi.resolve('Jane Doe', 'Archive/n.md')).toBe('Archive/Jane Doe.md');
		expect(vi.resolve('Jane Doe', 'x.md')).toBe('People/Jane Doe.md');
	});

	it('merges one person across notes; person-note fields win over inline ones', () => {
		const vi = index({
			'People/Jane Doe.md': person({ role: 'VP Engineering', phone: '"+1 555 0100"', company: '"[[Acme Finance]]"' }, '## Topics\n- sailing\n'),
			'a.md': iv({ company: 'Acme', interview_date: '2026-11-16', interviewers: '["[[People/Jane Doe|Jane]]"]' }),
			'b.md': iv({ company: 'Acme', interview_date: '2026-11-20', interviewers: '["jane  doe, CTO <jane@acme.com>", "Bob Lee"]', topics: '["Jane Doe: marathon", "Bob Lee: chess"]' }),
			'c.md': iv({ company: 'Globex', interview_date: '2026-11-21', references: '["Ann Smith"]' }),
		});
		expect(vi.people()).toEqual([
			{ id: 'ann smith', name: 'Ann Smith', title: null, email: null, phone: null, company: null, path: null, topics: [] },
			{ id: 'bob lee', name: 'Bob Lee', title: null, email: null, phone: null, company: 'Acme', path: null, topics: ['chess'] },
			{
				id: 'jane doe',
				name: 'Jane Doe',
				title: 'VP Engineering',
				email: 'jane@acme.com',
				phone: '+1 555 0100',
				company: 'Acme Finance',
				path: 'People/Jane Doe.md',
				topics: ['sailing', 'marathon'],
			},
		]);
		expect(vi.person('jane doe')?.path).toBe('People/Jane Doe.md');
		expect(vi.person('nobody')).toBeUndefined();
	});

	it('keeps an unresolved link as a contact with a name only', () => {
		const vi = index({ 'a.md': iv({ company: 'Acme', interview_date: '2026-11-16', interviewers: '["[[People/Jane Doe|Jane]]"]' }) });
		expect(vi.people()).toEqual([{ id: 'jane doe', name: 'Jane Doe', title: null, email: null, phone: null, company: 'Acme', path: null, topics: [] }]);
		expect(vi.applications()[0].interviews[0].interviewerMissingTitle).toBe(true);
	});

	it('computes interviewerMissingTitle after resolution', () => {
		const vi = index({
			'a.md': iv({ company: 'Acme', interview_date: '2026-11-16', interviewers: '["[[Jane Doe]]", "Bob Lee, CTO"]' }),
			'b.md': iv({ company: 'Acme', interview_date: '2026-11-17' }),
		});
		const flags = (): boolean[] => vi.applications()[0].interviews.map((i) => i.interviewerMissingTitle);
		expect(flags()).toEqual([true, false]);
		vi.upsert('Jane Doe.md', person({ title: 'VP' }));
		expect(flags()).toEqual([false, false]);
		vi.upsert('Jane Doe.md', person({ email: 'j@a.com' }));
		expect(flags()).toEqual([true, false]);
		vi.upsert('Jane Doe.md', person({ role: 'Recruiter' }));
		expect(flags()).toEqual([false, false]);
		vi.rename('Jane Doe.md', 'Jane D.md');
		expect(flags()).toEqual([true, false]);
		expect(vi.person('jane doe')?.path).toBeNull();
		vi.rename('Jane D.md', 'People/Jane Doe.md');
		expect(flags()).toEqual([false, false]);
		expect(vi.person('jane doe')).toMatchObject({ path: 'People/Jane Doe.md', title: 'Recruiter' });
		vi.remove('People/Jane Doe.md');
		expect(flags()).toEqual([true, false]);
	});
});

describe('applicationOf', () => {
	it('gives the application of an interview note; nothing for a note without company, or not an interview note', () => {
		const vi = index({
			'a.md': iv({ company: 'Acme', role: 'Clerk', interview_date: '2026-11-16' }),
			'b.md': iv({ company: 'ACME', role: 'clerk', interview_date: '2026-11-20' }),
			'c.md': iv({ interview_date: '2026-11-16' }),
			'd.md': person({ title: 'VP' }),
		});
		expect(vi.applicationOf('a.md')?.interviews.map((i) => i.path)).toEqual(['a.md', 'b.md']);
		expect(vi.applicationOf('b.md')).toBe(vi.applicationOf('a.md'));
		expect(vi.applicationOf('c.md')).toBeUndefined();
		expect(vi.applicationOf('d.md')).toBeUndefined();
		expect(vi.applicationOf('missing.md')).toBeUndefined();
	});
});

describe('modification times', () => {
	it('asks a lazy modification time only of interview notes, once, and dates the interview by it as by a number', () => {
		const asked: string[] = [];
		// Friday 2026-11-20 at noon, local time.
		const noon = new Date(2026, 10, 20, 12).getTime();
		const lazy = (path: string) => () => {
			asked.push(path);
			return noon;
		};
		const vi = new VaultIndex(C);
		const text = iv({ company: 'Acme', interview_date: '2026-11-16', status: 'rejected' });
		vi.upsert('a.md', text, lazy('a.md'));
		vi.upsert('Jane Doe.md', person({ title: 'VP' }), lazy('Jane Doe.md'));
		vi.upsert('Other.md', '# Shopping\n- milk\n', lazy('Other.md'));
		const interview = vi.applications()[0].interviews[0];
		vi.applications();
		expect(asked).toEqual(['a.md']);
		expect(interview.modified).toBe('2026-11-20');
		const eager = new VaultIndex(C);
		eager.upsert('a.md', text, noon);
		expect(eager.applications()[0].interviews[0]).toEqual(interview);
	});

	it('a modification time that cannot be had (null) leaves the interview undated, as none given', () => {
		const vi = new VaultIndex(C);
		vi.upsert('a.md', iv({ company: 'Acme', interview_date: '2026-11-16' }), () => null);
		expect(vi.applications()[0].interviews[0].modified).toBeUndefined();
	});
});

describe('incremental updates', () => {
	it('a change to a person note updates every application linking to it', () => {
		const vi = index({
			'a.md': iv({ company: 'Acme', interview_date: '2026-11-16', interviewers: '["[[Jane Doe]]"]' }),
			'b.md': iv({ company: 'Globex', interview_date: '2026-11-16', contact: '"[[Jane Doe]]"' }),
			'Jane Doe.md': person({ title: 'VP', email: 'old@x.com' }),
		});
		vi.upsert('c.md', iv({ company: 'Initech', interview_date: '2026-11-16', interviewers: '["Bob Lee, CTO"]' }));
		const before = vi.applications();
		expect(vi.person('jane doe')?.email).toBe('old@x.com');
		vi.upsert('Jane Doe.md', person({ email: 'new@x.com' }));
		expect(vi.person('jane doe')?.email).toBe('new@x.com');
		const after = vi.applications();
		expect(after.map((a) => a.id)).toEqual(['acme|', 'globex|', 'initech|']);
		expect(after[0].interviews[0].interviewerMissingTitle).toBe(true);
		expect(before[0].interviews[0].interviewerMissingTitle).toBe(false);
		expect(after[1]).not.toBe(before[1]);
		// The application that links to nobody keeps its cached object.
		expect(after[2]).toBe(before[2]);
	});

	it('moves a note between applications and drops empty ones', () => {
		const vi = index({
			'a.md': iv({ company: 'Acme', interview_date: '2026-11-16' }),
			'b.md': iv({ company: 'Acme', interview_date: '2026-11-17' }),
		});
		vi.upsert('b.md', iv({ company: 'Globex', interview_date: '2026-11-17' }));
		expect(vi.applications().map((a) => [a.id, a.interviews.length])).toEqual([
			['acme|', 1],
			['globex|', 1],
		]);
		vi.remove('a.md');
		expect(vi.applications().map((a) => a.id)).toEqual(['globex|']);
		vi.upsert('b.md', '# no longer an interview');
		expect(vi.applications()).toEqual([]);
		expect(vi.people()).toEqual([]);
		vi.remove('missing.md');
		expect(vi.notePaths()).toEqual(['b.md']);
	});

	it('re-classifies a renamed note by folder without its text', () => {
		const c = { ...C, interviewFolders: ['Interviews'] };
		const text = person({ company: 'Acme', interview_date: '2026-11-16' }, '## Interviewers\n- Jane Doe, VP\n');
		const vi = index({ 'Inbox/acme.md': text }, c);
		expect(vi.applications()).toEqual([]);
		vi.rename('Inbox/acme.md', 'Interviews/acme.md');
		expect(vi.applications().map((a) => a.interviews.map((i) => [i.path, i.interviewers]))).toEqual([[['Interviews/acme.md', ['jane doe']]]]);
		expect(vi.note('Inbox/acme.md')).toBeUndefined();
		expect(vi.note('Interviews/acme.md')?.isInterview).toBe(true);
		vi.rename('Interviews/acme.md', 'Inbox/acme.md');
		expect(vi.applications()).toEqual([]);
	});

	it('topics from any note follow the person', () => {
		const vi = index({ 'a.md': iv({ company: 'Acme', interview_date: '2026-11-16', interviewers: '["Jane Doe"]' }) });
		vi.upsert('meeting.md', person({ topics: '["Jane Doe: jazz"]' }));
		expect(vi.person('jane doe')?.topics).toEqual(['jazz']);
		vi.upsert('meeting.md', person({ topics: '["Jane Doe: blues"]' }));
		expect(vi.person('jane doe')?.topics).toEqual(['blues']);
		vi.remove('meeting.md');
		expect(vi.person('jane doe')?.topics).toEqual([]);
	});
});

describe('diagnostics', () => {
	it('shows interview notes, linked person notes and broken look-alikes, sorted', () => {
		const vi = index({
			'b.md': iv({ company: 'Acme', interview_date: 'next Tuesday', interviewers: '["[[Jane Doe]]"]' }),
			'a.md': iv({}),
			'Jane Doe.md': '---\ntitle: [[x]\n---\n',
			'unrelated.md': '---\ntitle: [[x]\n---\n',
			'broken interview.md': '---\ntype: interview\ncompany: [[Acme]] x\n---\n',
		});
		const d = vi.diagnostics();
		expect(d.map((x) => x.note)).toEqual(['a.md', 'a.md', 'b.md', 'broken interview.md', 'broken interview.md', 'Jane Doe.md'].sort());
		expect(d.find((x) => x.note === 'b.md')).toMatchObject({ severity: 'error', line: 4, message: expect.stringMatching(/^interview_date: 'next Tuesday' is not a date/) as string });
		expect(vi.note('unrelated.md')?.diagnostics.length).toBeGreaterThan(0);
	});
});

const CORPORA = resolve(__dirname, '../../../shared/corpora');

function markdownFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string): void => {
		for (const name of readdirSync(d)) {
			if (name === '.git' || name === 'node_modules') continue;
			const p = join(d, name);
			const s = statSync(p);
			if (s.isDirectory()) walk(p);
			else if (name.endsWith('.md')) out.push(p);
		}
	};
	walk(dir);
	return out.sort();
}

describe.skipIf(!existsSync(CORPORA))('real vaults (../shared/corpora)', () => {
	const vaults = existsSync(CORPORA) ? readdirSync(CORPORA).filter((n) => statSync(join(CORPORA, n)).isDirectory()) : [];
	it.each(vaults)(
		'every note of %s parses and indexes without a throw',
		(vault) => {
			const root = join(CORPORA, vault);
			const files = markdownFiles(root).map((file) => ({ path: relative(root, file).split('\\').join('/'), text: readFileSync(file, 'utf8') }));
			const vi = new VaultIndex(C);
			for (const { path, text } of files) vi.upsert(path, text);
			expect(vi.notePaths()).toHaveLength(files.length);
			for (const { path } of files) {
				expect(vi.note(path)?.diagnostics.filter((d) => d.message.startsWith(INTERNAL_ERROR))).toEqual([]);
			}
			vi.applications();
			vi.people();
			vi.diagnostics();
			// The same notes read as interview notes (a folder setting covering the vault), so that every
			// field and body section goes through the interview reader; a sample of at most 1,500 notes
			// keeps the big vault quick.
			const step = Math.max(1, Math.ceil(files.length / 1500));
			const all = new VaultIndex({ ...C, interviewFolders: [''] });
			for (let i = 0; i < files.length; i += step) {
				const { path, text } = files[i];
				const n = parseNote(path, text, { ...C, interviewFolders: [''] });
				expect(n.isInterview).toBe(true);
				all.upsert(path, text);
			}
			all.applications();
			all.people();
			expect(all.diagnostics().filter((d) => d.message.startsWith(INTERNAL_ERROR))).toEqual([]);
		},
		120_000,
	);
});

if (!existsSync(CORPORA)) {
	describe('real vaults', () => {
		it.skip(`skipped: ${CORPORA} is absent`, () => {});
	});
}

describe('v2: roles and companies compared ignoring case, spacing, punctuation and the listed abbreviations', () => {
	it('"Senior UX Researcher" and "Sr. UX Researcher" are one application; so are Acme, Inc. and acme inc', () => {
		const head = (company: string, role: string, date: string): string => `---\ntype: interview\ncompany: "${company}"\nrole: "${role}"\ninterview_date: ${date}\n---\n`;
		const vi = index({
			'a.md': head('Acme, Inc.', 'Senior UX Researcher', '2026-11-02'),
			'b.md': head('acme  inc', 'Sr. UX-Researcher', '2026-11-09'),
			'c.md': head('Acme Inc', 'VP R&D', '2026-11-10'),
			'd.md': head('Acme Inc', 'Vice President R and D', '2026-11-11'),
			'e.md': head('Acme Inc', 'Junior Dev', '2026-11-12'),
		});
		expect(vi.applications().map((a) => [a.id, a.interviews.length])).toEqual([
			['acme inc|junior developer', 1],
			['acme inc|senior ux researcher', 2],
			['acme inc|vice president r and d', 2],
		]);
	});
});
