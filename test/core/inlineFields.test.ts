import { describe, expect, it } from 'vitest';
import { findInlineFields } from '../../src/core/inlineFields';
import { parseNote, type NoteClassifierSettings } from '../../src/core/note';

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };
const all = (): boolean => true;

function fm(lines: string[], body: string): string {
	return `---\n${lines.join('\n')}\n---\n${body}`;
}

describe('findInlineFields: the three forms, outside code', () => {
	it('reads a field on a line of its own, as a list item, a task and in a quote, with a bold key', () => {
		const body = ['decision_date:: 2026-11-20', '- contact:: [[Jane Doe]]', '- [ ] status:: offer', '> role:: Secretary', '**Company**:: Acme'].join('\n');
		expect(findInlineFields(body, 10, all)).toEqual([
			{ key: 'decision_date', value: '2026-11-20', line: 10 },
			{ key: 'contact', value: '[[Jane Doe]]', line: 11 },
			{ key: 'status', value: 'offer', line: 12 },
			{ key: 'role', value: 'Secretary', line: 13 },
			{ key: 'Company', value: 'Acme', line: 14 },
		]);
	});

	it('reads [key:: value] and (key:: value) inside a line, brackets in the value nesting', () => {
		expect(findInlineFields('Met her [contact:: [[Jane Doe]]] and (decision:: 2026-11-20) today.', 1, all)).toEqual([
			{ key: 'contact', value: '[[Jane Doe]]', line: 1 },
			{ key: 'decision', value: '2026-11-20', line: 1 },
		]);
	});

	it('skips fields in fenced and indented code blocks and in inline code', () => {
		const body = ['```', 'status:: offer', '```', '', '    status:: hired', '', 'Write `[status:: rejected]` to say so.', '~~~md', 'role:: X', '~~~', 'status:: withdrawn'].join('\n');
		expect(findInlineFields(body, 1, all)).toEqual([{ key: 'status', value: 'withdrawn', line: 11 }]);
	});

	it('does not take a sentence with a colon, a URL or an empty key for a field', () => {
		expect(findInlineFields('Note: see http://x.example/a::b\n:: nothing\nC++::std', 1, all)).toEqual([]);
	});

	it('keeps only the keys asked for; CRLF lines are read without the \\r', () => {
		expect(findInlineFields('rating:: 5\r\nstatus:: offer\r\n', 3, (k) => k === 'status')).toEqual([{ key: 'status', value: 'offer', line: 4 }]);
	});
});

describe('inline fields in an interview note (note-format.md v2)', () => {
	it('set the keys of the table: a decision date written only in the body is read, on its line', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16'], 'Notes\n\ndecision_date:: 2026-11-20\n'), C);
		expect(n.interview?.decisionDate).toBe('2026-11-20');
		expect(n.diagnostics).toEqual([]);
	});

	it('a scalar set by a property too: the property wins and the inline value is reported on its line', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16', 'status: interviewing'], 'x\n(status:: offer)\n'), C);
		expect(n.interview?.status).toBe('interviewing');
		expect(n.diagnostics).toEqual([
			{ note: 'i.md', severity: 'warning', line: 8, message: "status:: offer is ignored: 'status' says the same and is used (remove one)" },
		]);
	});

	it('two inline values of one scalar key: the first is used, the second reported', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16'], 'role:: Secretary\nposition:: Clerk\n'), C);
		expect(n.interview?.role).toBe('Secretary');
		expect(n.diagnostics.map((d) => [d.line, d.message])).toEqual([[7, "position:: Clerk is ignored: 'role::' on line 6 says the same and is used (remove one)"]]);
	});

	it('list keys take both: interviewers, follow-ups and topics from properties and body, each problem on its own line', () => {
		const body = ['- interviewers:: [[Tina Eight]], [[Bob Roe]]', 'follow_ups:: 2026-11-17 thank-you: Jane Doe', 'follow_ups:: yesterday thank-you: Bob Roe', '[topics:: Tina Eight: sailing]'].join('\n');
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16', 'interviewers:', '  - Jane Doe', 'follow_ups:', '  - 2026-11-18 contact: Jane Doe'], body), C);
		expect(n.interview?.interviewers.map((c) => c.name)).toEqual(['Jane Doe', 'Tina Eight', 'Bob Roe']);
		expect(n.interview?.followUps.map((e) => [e.date, e.kind, e.person, e.source, e.line])).toEqual([
			['2026-11-18', 'contact', 'Jane Doe', 'frontmatter', 8],
			['2026-11-17', 'thank-you', 'Jane Doe', 'body', 11],
		]);
		expect(n.interview?.topics).toEqual([{ person: 'Tina Eight', topic: 'sailing', line: 13 }]);
		expect(n.diagnostics).toHaveLength(1);
		expect(n.diagnostics[0]).toMatchObject({ severity: 'warning', line: 12 });
		expect(n.diagnostics[0].message).toMatch(/^follow_ups: /);
	});

	it('a bad inline date is an error on its line, never a guess', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16'], 'decision_date:: next Tuesday\n'), C);
		expect(n.interview?.decisionDate).toBeNull();
		expect(n.diagnostics).toMatchObject([{ severity: 'error', line: 6 }]);
	});

	it('a field inside code is not read', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16'], '```\nstatus:: rejected\n```\n'), C);
		expect(n.interview?.status).toBeNull();
		expect(n.diagnostics).toEqual([]);
	});

	it('an inline key that looks like one of the table gets the near-miss warning on its line; other keys do not', () => {
		const n = parseNote('i.md', fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16'], 'rating:: 5\nmood:: fine\ndecison_date:: 2026-11-20\n'), C);
		expect(n.diagnostics).toEqual([{ note: 'i.md', severity: 'warning', line: 8, message: "'decison_date::' is not a field this tool reads; did you mean 'decision_date::'?" }]);
	});

	it('do not make a note an interview note, and person keys are not read from the body', () => {
		expect(parseNote('p.md', 'type:: interview\ncompany:: Acme\n', C).isInterview).toBe(false);
		const n = parseNote('People/Jane.md', fm(['title: VP'], 'title:: CEO\nemail:: jane@acme.example\n'), C);
		expect(n.person).toMatchObject({ title: 'VP', email: null });
	});
});
