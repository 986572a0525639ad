import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { INTERNAL_ERROR, buildNote, isInterviewNote, parseNote, scanNote, type NoteClassifierSettings, type NoteDetail } from '../../src/core/note';
import { SPEC_EXAMPLE_NOTE } from '../fixtures/specExample';

const detailOf = (path: string, text: string, c: NoteClassifierSettings): NoteDetail => buildNote(path, scanNote(path, text), c);

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

const EXAMPLE = SPEC_EXAMPLE_NOTE;

function note(text: string, path = 'Interviews/x.md', c: NoteClassifierSettings = C) {
	return parseNote(path, text, c);
}

function fm(lines: string[], body = ''): string {
	return `---\n${lines.join('\n')}\n---\n${body}`;
}

describe('parseNote: the spec example', () => {
	it('reads every field', () => {
		const n = note(EXAMPLE);
		expect(n.isInterview).toBe(true);
		expect(n.diagnostics).toEqual([]);
		expect(n.bodyLine).toBe(16);
		expect(n.interview).toEqual({
			company: 'Acme Finance',
			role: 'Secretary',
			date: { date: '2026-11-16', time: '10:00', offset: null },
			interviewers: [
				{ name: 'Jane Doe', title: null, email: null, phone: null, link: 'Jane Doe' },
				{ name: 'John Roe', title: 'Office Manager', email: 'john.roe@acme.example', phone: null, link: null },
			],
			contact: { name: 'Jane Doe', title: null, email: null, phone: null, link: 'Jane Doe' },
			decisionDate: '2026-12-04',
			nextInterview: null,
			references: [{ name: 'Ann Smith', title: null, email: 'ann@example.org', phone: null, link: null }],
			status: null,
			followUps: [{ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', text: null, source: 'frontmatter', line: 14 }],
			topics: [
				{ person: 'Jane Doe', topic: 'training for the Boston marathon', line: 17 },
				{ person: 'John Roe', topic: 'moving the office to a paperless workflow', line: 18 },
			],
			snoozes: [],
		});
		expect(n.person).toEqual({ title: 'Secretary', email: null, phone: null, company: 'Acme Finance' });
	});
});

describe('which notes are interview notes', () => {
	it.each([
		['type: interview', true],
		['type: Interview', true],
		['type: [meeting, interview]', true],
		['type: meeting', false],
		['tags: [interview]', true],
		['tags: "#interview"', true],
		['tags: work, interview', true],
		['tags:\n  - interview/onsite', true],
		['tags: [interviews]', false],
		['tags: [job/interview]', false],
		['Tags: [Interview]', true],
	])('%s -> %s', (yaml, expected) => {
		expect(note(fm([yaml, 'company: Acme', 'interview_date: 2026-01-05'])).isInterview).toBe(expected);
	});

	it('counts notes under a configured folder, case-insensitively, without frontmatter too', () => {
		const c = { ...C, interviewFolders: ['Jobs/Interviews/'] };
		expect(isInterviewNote('jobs/interviews/acme.md', null, c)).toBe(true);
		expect(isInterviewNote('Jobs/Interviews Old/acme.md', null, c)).toBe(false);
		expect(note('# Acme\n', 'Jobs/Interviews/acme.md', c).isInterview).toBe(true);
	});

	it('uses the configured type and tag', () => {
		const c = { ...C, interviewType: 'job-interview', interviewTag: '#jobs/interview' };
		expect(note(fm(['type: job-interview'])).isInterview).toBe(false);
		expect(note(fm(['type: job-interview']), 'x.md', c).isInterview).toBe(true);
		expect(note(fm(['tags: [jobs/interview/phone]']), 'x.md', c).isInterview).toBe(true);
		expect(note(fm(['type: interview']), 'x.md', c).isInterview).toBe(false);
	});

	it('ignores other notes but gives every note with frontmatter person fields', () => {
		const n = note(fm(['role: VP Engineering', 'email: jane@acme.com', 'phone: "+1 555 0100"', 'company: "[[Acme|Acme Inc]]"']), 'People/Jane Doe.md');
		expect(n.isInterview).toBe(false);
		expect(n.interview).toBeNull();
		expect(n.person).toEqual({ title: 'VP Engineering', email: 'jane@acme.com', phone: '+1 555 0100', company: 'Acme Inc' });
		expect(note(fm(['title: CTO', 'role: x'])).person?.title).toBe('CTO');
		expect(note('no frontmatter').person).toBeNull();
	});
});

describe('fields, aliases and diagnostics', () => {
	it('reads aliases, and the first-column key wins', () => {
		const n = note(
			fm([
				'type: interview',
				'Company: Acme',
				'position: Clerk',
				'date: 2026-01-01',
				'Interview Date: 2026-11-16',
				'decision by: 2026-12-01',
				'second-interview: 2026-11-30 14:00',
				'log: ["2026-11-17 thank-you"]',
				'gift ideas: ["Jane: chess"]',
				'snoozed: ["2026-11-25 status-check: Jane"]',
			]),
		).interview;
		expect(n).toMatchObject({
			company: 'Acme',
			role: 'Clerk',
			date: { date: '2026-11-16', time: null },
			decisionDate: '2026-12-01',
			nextInterview: { date: '2026-11-30', time: '14:00' },
			followUps: [{ kind: 'thank-you', person: null }],
			topics: [{ person: 'Jane', topic: 'chess' }],
			snoozes: [{ until: '2026-11-25', kind: 'status-check', person: 'Jane', line: 11 }],
		});
	});

	it('warns when an interview note lacks company or interview_date', () => {
		const n = note(fm(['type: interview']));
		expect(n.interview?.company).toBeNull();
		expect(n.diagnostics.map((d) => [d.severity, d.message])).toEqual([
			['warning', 'no company: add "company: Name" so this interview joins an application'],
			['warning', 'no interview_date: add "interview_date: YYYY-MM-DD" (or YYYY-MM-DDTHH:mm)'],
		]);
		expect(n.diagnostics.every((d) => d.note === 'Interviews/x.md')).toBe(true);
	});

	it('reports a bad date with its line, never a guess', () => {
		const n = note(fm(['type: interview', 'company: Acme', "interview_date: 'next Tuesday'", 'decision_date: 2026-13-45']));
		expect(n.interview?.date).toBeNull();
		expect(n.interview?.decisionDate).toBeNull();
		expect(n.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'error', line: 4, message: "interview_date: 'next Tuesday' is not a date (write YYYY-MM-DD or YYYY-MM-DDTHH:mm)" },
			{ note: 'Interviews/x.md', severity: 'error', line: 5, message: "decision_date: '2026-13-45' is not a real calendar date" },
		]);
	});

	it('note-format.md v2: `offer_deadline` (`answer_by`, `offer_expires`) is a date; the first-column key wins; a bad one is an error with its line', () => {
		const base = ['type: interview', 'company: Acme', 'interview_date: 2026-11-16'];
		expect(note(fm([...base, 'offer_deadline: 2026-12-04'])).interview?.offerDeadline).toBe('2026-12-04');
		expect(note(fm([...base, 'Answer by: 2026-12-07'])).interview?.offerDeadline).toBe('2026-12-07');
		// A datetime counts by its calendar date, as decision_date does.
		expect(note(fm([...base, 'offer-expires: 2026-12-08T17:00'])).interview?.offerDeadline).toBe('2026-12-08');
		const both = note(fm([...base, 'answer_by: 2026-12-09', 'offer_deadline: 2026-12-10']));
		expect(both.interview?.offerDeadline).toBe('2026-12-10');
		expect(both.diagnostics.map((d) => d.message)).toEqual(["answer_by: '2026-12-09' is ignored: 'offer_deadline' says the same and is used (remove one)"]);
		const none = note(fm(base));
		expect(none.interview).not.toHaveProperty('offerDeadline');
		const bad = note(fm([...base, 'offer_deadline: next Friday']));
		expect(bad.interview).not.toHaveProperty('offerDeadline');
		expect(bad.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'error', line: 5, message: "offer_deadline: 'next Friday' is not a date (write YYYY-MM-DD or YYYY-MM-DDTHH:mm)" },
		]);
	});

	it('keeps a date a calendar date (never a UTC midnight)', () => {
		const n = note(fm(['type: interview', 'company: Acme', 'interview_date: 2026-01-01']));
		expect(n.interview?.date).toEqual({ date: '2026-01-01', time: null, offset: null });
		expect(note(fm(['type: interview', 'company: Acme', 'date: 2026-11-16T23:30:00-08:00'])).interview?.date).toEqual({
			date: '2026-11-16',
			time: '23:30:00',
			offset: '-08:00',
		});
	});

	it('validates status', () => {
		expect(note(fm(['type: interview', 'company: A', 'date: 2026-01-01', 'status: Rejected'])).interview?.status).toBe('rejected');
		const n = note(fm(['type: interview', 'company: A', 'date: 2026-01-01', 'status: pending']));
		expect(n.interview?.status).toBeNull();
		expect(n.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'error', line: 5, message: "status: 'pending' is not a status (use one of interviewing, offer, hired, rejected, withdrawn, closed)" },
		]);
	});

	it('uses the link text or alias of a company link', () => {
		expect(note(fm(['type: interview', 'company: "[[Companies/Acme Finance]]"'])).interview?.company).toBe('Acme Finance');
		expect(note(fm(['type: interview', 'company: "[[Acme|Alias]]"'])).interview?.company).toBe('Alias');
		expect(note(fm(['type: interview', 'company: [[Acme Finance]]'])).interview?.company).toBe('Acme Finance');
		const n = note(fm(['type: interview', 'company: {a: 1}']));
		expect(n.interview?.company).toBeNull();
		expect(n.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, message: expect.stringMatching(/^company: .* is not a company name/) as string });
	});

	it('reads an unquoted link in interviewers and contact as the link', () => {
		const n = note(fm(['type: interview', 'company: A', 'date: 2026-01-01', 'interviewers:', '  - [[Jane Doe]]', '  - [[People/John Roe|John]]', 'contact: [[Jane Doe]]']));
		expect(n.interview?.interviewers.map((c) => [c.name, c.link])).toEqual([
			['Jane Doe', 'Jane Doe'],
			['John Roe', 'People/John Roe'],
		]);
		expect(n.interview?.contact).toMatchObject({ name: 'Jane Doe', link: 'Jane Doe' });
		// The frontmatter reader warns about the missing quotes.
		expect(n.diagnostics.length).toBeGreaterThan(0);
		expect(n.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
	});

	it('merges the Interviewers section with frontmatter interviewers, one per person', () => {
		const n = note(
			fm(['type: interview', 'company: A', 'date: 2026-01-01', 'interviewers: ["[[Jane Doe]]"]'], '\n## Interviewers\n- jane doe, VP <jane@a.com>\n- Bob Lee (CTO)\n'),
		);
		expect(n.interview?.interviewers).toEqual([
			{ name: 'Jane Doe', title: 'VP', email: 'jane@a.com', phone: null, link: 'Jane Doe' },
			{ name: 'Bob Lee', title: 'CTO', email: null, phone: null, link: null },
		]);
	});

	it('reads follow-ups from frontmatter and body, with lines', () => {
		const n = note(
			fm(['type: interview', 'company: A', 'date: 2026-01-01', 'follow_ups:', '  - 2026-11-17 thank-you: Jane Doe', '  - "2026-11-18 dinner"'], '## Follow-ups\n- [x] contact: Jane ✅ 2026-11-19\n'),
		);
		expect(n.interview?.followUps).toEqual([
			{ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', text: null, source: 'frontmatter', line: 6 },
			{ date: '2026-11-19', kind: 'contact', person: 'Jane', text: null, source: 'body', line: 10 },
		]);
		expect(n.diagnostics.map((d) => [d.line, d.message])).toEqual([[7, expect.stringMatching(/^follow_ups: 'dinner' is not a log kind/) as string]]);
	});

	it('warns about unnamed topics in an interview note, and gives them to the person in a person note', () => {
		const i = note(fm(['type: interview', 'company: A', 'date: 2026-01-01', 'topics: [chess]']));
		expect(i.interview?.topics).toEqual([]);
		expect(i.diagnostics.map((d) => d.message)).toEqual([`topics: 'chess' names nobody (write "Name: topic")`]);
		const p = detailOf('People/Jane Doe.md', fm(['topics: [chess, "Bob: golf"]'], '## Gift ideas\n- sailing\n'), C);
		expect(p.topics).toEqual([
			{ person: 'Jane Doe', topic: 'chess' },
			{ person: 'Bob', topic: 'golf' },
			{ person: 'Jane Doe', topic: 'sailing' },
		]);
		expect(p.note.diagnostics).toEqual([]);
	});

	it('reports duplicate spellings of one key', () => {
		const n = note(fm(['type: interview', 'company: A', 'interview_date: 2026-01-01', 'Interview Date: 2026-01-02']));
		expect(n.interview?.date?.date).toBe('2026-01-01');
		expect(n.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'warning', line: 5, message: "Interview Date: '2026-01-02' is ignored: 'interview_date' says the same and is used (remove one)" },
		]);
	});

	it('flags a broken note that looks like an interview note', () => {
		const d = detailOf('x.md', fm(['type: interview', 'company: [[Acme]] x', 'tags: - @kepano']), C);
		expect(d.note.isInterview).toBe(false);
		expect(d.suspect).toBe(true);
		expect(d.note.diagnostics.some((x) => x.severity === 'error')).toBe(true);
		expect(detailOf('y.md', fm(['title: x', 'tags: - @kepano']), C).suspect).toBe(false);
	});
});

describe('never throws', () => {
	const noInternal = (text: string, path = 'a/b.md'): void => {
		const c = { ...C, interviewFolders: ['a'] };
		const n = parseNote(path, text, c);
		expect(n.diagnostics.filter((d) => d.message.startsWith(INTERNAL_ERROR))).toEqual([]);
		expect(n.isInterview).toBe(true);
	};

	it('on arbitrary strings', () => {
		fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => noInternal(s)), { numRuns: 1000 });
		fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => noInternal(`---\n${s}\n---\n${s}`)), { numRuns: 1000 });
	});

	it('on arbitrary frontmatter values under our keys', () => {
		const key = fc.constantFrom('type', 'tags', 'company', 'role', 'interview_date', 'date', 'interviewers', 'contact', 'decision_date', 'next_interview', 'references', 'status', 'follow_ups', 'topics', 'snoozed', 'title', 'email', 'phone');
		const value = fc.oneof(fc.anything({ maxDepth: 3 }), fc.constantFrom('[[Jane Doe]]', '2026-11-16', 'interview', '2026-11-17 thank-you: Jane'));
		fc.assert(
			fc.property(fc.dictionary(key, value), fc.string({ maxLength: 100 }), (obj, body) => {
				let yaml: string;
				try {
					yaml = stringify(obj);
				} catch {
					return;
				}
				noInternal(`---\n${yaml}---\n## Topics\n${body}\n## People\n- ${body}\n## Follow-ups\n- ${body}\n`);
			}),
			{ numRuns: 500 },
		);
	});
});

describe('v2: aliases merged, near-miss keys', () => {
	it('a note with both follow_ups and followups keeps both lists, each entry on its own line', () => {
		const n = note(fm(['type: interview', 'company: A', 'interview_date: 2026-11-16', 'follow_ups:', '  - "2026-11-17 thank-you: Jane"', 'followups: ["2026-11-18 contact"]']));
		expect(n.interview?.followUps.map((e) => [e.kind, e.line])).toEqual([
			['thank-you', 6],
			['contact', 7],
		]);
		expect(n.diagnostics).toEqual([]);
	});
	it('a scalar key takes the first in table order and warns about the value ignored', () => {
		const n = note(fm(['type: interview', 'company: A', 'date: 2026-11-15', 'interview_date: 2026-11-16']));
		expect(n.interview?.date?.date).toBe('2026-11-16');
		expect(n.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'warning', line: 4, message: "date: '2026-11-15' is ignored: 'interview_date' says the same and is used (remove one)" },
		]);
	});
	it('interviewer and refrences get a warning with the key they look like, on their line', () => {
		const n = note(fm(['type: interview', 'company: A', 'interview_date: 2026-11-16', 'interviewer: Jane Doe', 'refrences: [Ann Smith]', 'name: x', 'rate: 5']));
		expect(n.diagnostics).toEqual([
			{ note: 'Interviews/x.md', severity: 'warning', line: 5, message: "'interviewer' is not a key this tool reads; did you mean 'interviewers'?", fix: { rename: { from: 'interviewer', to: 'interviewers' } } },
			{ note: 'Interviews/x.md', severity: 'warning', line: 6, message: "'refrences' is not a key this tool reads; did you mean 'references'?", fix: { rename: { from: 'refrences', to: 'references' } } },
		]);
	});
	it('only on interview notes', () => {
		expect(note(fm(['interviewer: Jane Doe']), 'People/x.md').diagnostics).toEqual([]);
	});
});
