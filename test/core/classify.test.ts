import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isExcluded, isInterviewNote, mayBeInterviewNote, namesInterview, rawFrontmatter, type NoteClassifierSettings } from '../../src/core/classify';
import { readFrontmatter } from '../../src/core/frontmatter';
import { buildNote, parseNote, scanNote, type NoteDetail } from '../../src/core/note';

function parseNoteDetail(path: string, text: string, c: NoteClassifierSettings): NoteDetail {
	return buildNote(path, scanNote(path, text), c);
}

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

/** A block of aliases each nine times the one before: 9^12 values if expanded. */
function aliasBomb(): string {
	const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
	for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]`);
	return lines.join('\n');
}

describe('excluded folders', () => {
	const c: NoteClassifierSettings = { ...C, interviewFolders: ['Interviews', ''], excludedFolders: ['Templates', 'Interviews/Drafts/', ''] };
	it('a note under an excluded folder is never an interview note, whatever it says or where', () => {
		expect(isInterviewNote('Templates/Interview.md', { type: 'interview' }, c)).toBe(false);
		expect(isInterviewNote('templates/sub/x.md', { tags: ['interview'] }, c)).toBe(false);
		expect(isInterviewNote('Interviews/Drafts/x.md', null, c)).toBe(false);
		expect(isInterviewNote('Interviews/x.md', null, c)).toBe(true);
		expect(isInterviewNote('Templates2/x.md', { type: 'interview' }, c)).toBe(true);
		expect(isExcluded('Templates.md', c)).toBe(false);
	});
	it('an empty excluded folder excludes nothing', () => {
		expect(isExcluded('a/b.md', { ...C, excludedFolders: ['', '/', '.'] })).toBe(false);
	});
	it('the parse and the index follow it: a Templater template is no application', () => {
		const text = '---\ntype: interview\ncompany: "{{company}}"\ninterview_date: <% tp.date.now() %>\n---\n';
		expect(parseNote('Templates/Interview.md', text, { ...C, excludedFolders: ['Templates'] }).isInterview).toBe(false);
		expect(parseNote('Templates/Interview.md', text, C).isInterview).toBe(true);
	});
});

describe('the raw frontmatter test (no YAML parsed)', () => {
	it('finds the block, closed or not', () => {
		expect(rawFrontmatter('---\ntype: interview\n---\nbody')).toBe('\ntype: interview\n');
		expect(rawFrontmatter('---\r\ntype: x\r\n---\r\n')).toBe('\r\ntype: x\r\n');
		expect(rawFrontmatter('---\ntype: interview\ncompany: x\n\nbody text\n')).toBe('\ntype: interview\ncompany: x');
		expect(rawFrontmatter('no block\n---\n')).toBeNull();
	});
	it('names the type or tag as a word, ignoring case, not inside another word', () => {
		expect(namesInterview('type: Interview', C)).toBe(true);
		expect(namesInterview('tags: [work, "#interview/onsite"]', C)).toBe(true);
		expect(namesInterview('interviewers: [Jane]\ninterview_date: 2026-11-16', C)).toBe(false);
		expect(namesInterview('type: собеседование', { interviewType: 'собеседование', interviewTag: '' })).toBe(true);
		expect(namesInterview('type: собеседования', { interviewType: 'собеседование', interviewTag: '' })).toBe(false);
		expect(namesInterview('type: a.b', { interviewType: 'a+b', interviewTag: '' })).toBe(false);
	});
	it('holds for every note the parsed rule accepts (so the YAML of the others may be skipped)', () => {
		const value = fc.constantFrom('interview', 'Interview', ' interview ', '"interview"', "'INTERVIEW'", '[interview, x]', 'recipe', 'interviews');
		const key = fc.constantFrom('type', 'Type', 'TYPE', 'tags', 'Tags', 'tag', 'interviewers');
		const tag = fc.constantFrom('interview', '#interview', 'interview/onsite', 'work interview', '"#Interview/phone"', 'interviewing');
		fc.assert(
			fc.property(fc.array(fc.tuple(key, fc.oneof(value, tag)), { maxLength: 4 }), fc.constantFrom('a.md', 'Interviews/a.md'), (pairs, path) => {
				const seen = new Set<string>();
				const lines = pairs.filter(([k]) => !seen.has(k) && seen.add(k)).map(([k, v]) => `${k}: ${v}`);
				const text = `---\n${lines.join('\n')}\n---\nbody\n`;
				const c = { ...C, interviewFolders: ['Interviews'] };
				const fm = readFrontmatter(path, text).data;
				if (isInterviewNote(path, fm, c)) expect(mayBeInterviewNote(path, text, c)).toBe(true);
			}),
		);
	});
});

describe('nothing vanishes: an interview note that cannot be read gets an error', () => {
	it('an alias bomb is refused with an error on the first alias, and the note is reported', () => {
		const text = `---\ntype: interview\ncompany: Acme\n${aliasBomb()}\n---\nbody\n`;
		const d = parseNoteDetail('Notes/acme.md', text, C);
		expect(d.note.isInterview).toBe(false);
		expect(d.suspect).toBe(true);
		const errors = d.note.diagnostics.filter((x) => x.severity === 'error');
		expect(errors.map((e) => e.line)).toEqual([5, 5]);
		expect(errors[0].message).toContain('aliases');
	});
	it('invalid YAML: the YAML error and an error saying the note is left out, on the same line', () => {
		const d = parseNoteDetail('a.md', '---\ntype: interview\nrole: [a\n---\n', C);
		expect(d.suspect).toBe(true);
		expect(d.note.diagnostics.map((x) => [x.severity, x.line])).toEqual([
			['error', 3],
			['error', 3],
		]);
	});
	it('a block never closed whose next line is a property', () => {
		const d = parseNoteDetail('a.md', '---\ntype: interview\ncompany: Acme\n\nSome text\n', C);
		expect(d.suspect).toBe(true);
		expect(d.note.diagnostics.some((x) => x.severity === 'error' && x.line === 1)).toBe(true);
	});
	it('an interview note by folder whose properties cannot be read', () => {
		const n = parseNote('Interviews/a.md', '---\ncompany: [Acme\n---\n', { ...C, interviewFolders: ['Interviews'] });
		expect(n.isInterview).toBe(true);
		expect(n.diagnostics.filter((x) => x.severity === 'error').length).toBe(2);
	});
	it('a broken note that does not name the type or tag, or lies in an excluded folder, stays quiet beyond its YAML error', () => {
		expect(parseNoteDetail('a.md', '---\nrole: [a\n---\n', C).suspect).toBe(false);
		expect(parseNoteDetail('Templates/a.md', '---\ntype: interview\nrole: [a\n---\n', { ...C, excludedFolders: ['Templates'] }).suspect).toBe(false);
		expect(parseNoteDetail('a.md', '---\n# only a comment\n---\n', C).note.diagnostics).toEqual([]);
	});
});
