import { describe, expect, it } from 'vitest';
import { renameKey } from '../../src/core/edit';
import { parseNote } from '../../src/core/note';

const errorOf = (r: { text: string } | { error: string }): string => ('error' in r ? r.error : `no error: ${r.text}`);

const C = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

describe('renameKey: the near-miss fix, every other byte kept', () => {
	it('renames the key on its line only: comments, quoting, CRLF, a BOM and the body stay', () => {
		const text = '\uFEFF---\r\ntype: interview # mine\r\ninterviewer:   # who\r\n  - "[[Jane Doe]]"\r\ninterviewer_notes: x\r\n---\r\ninterviewer: body text\r\n';
		expect(renameKey(text, 'interviewer', 'interviewers', 3)).toEqual({ text: text.replace('interviewer:   # who', 'interviewers:   # who') });
	});

	it('a quoted or spaced key is renamed as a plain key', () => {
		expect(renameKey("---\n'Intervew date': 2026-11-16\n---\n", 'Intervew date', 'interview_date', 2)).toEqual({ text: '---\ninterview_date: 2026-11-16\n---\n' });
	});

	it('the note changed since the warning (the key moved or is gone): refused, saying so', () => {
		const text = '---\ntype: interview\ninterviewer: Jane\n---\n';
		expect(renameKey(text, 'interviewer', 'interviewers', 2)).toEqual({ error: "the note has changed: 'interviewer' is no longer on line 2; look at the note again" });
		expect(errorOf(renameKey('---\ntype: interview\n---\n', 'interviewer', 'interviewers', 3))).toMatch(/^the note has changed/);
		expect(errorOf(renameKey('no properties', 'interviewer', 'interviewers', 3))).toMatch(/^the note has changed/);
	});

	it('the new key is there already: refused, the two are for the user to merge', () => {
		expect(renameKey('---\ninterviewer: A\nInterviewers: [B]\n---\n', 'interviewer', 'interviewers', 2)).toEqual({ error: "the note has both 'interviewer' and 'Interviewers'; merge them by hand" });
	});

	it('invalid YAML: refused with the reason', () => {
		expect(errorOf(renameKey('---\ninterviewer: [A\n---\n', 'interviewer', 'interviewers', 2))).toMatch(/^the frontmatter is not valid YAML/);
	});

	it('after the rename the note reads without the warning, and the key counts', () => {
		const text = '---\ntype: interview\ncompany: Acme\ninterview_date: 2026-11-16\nrefrences:\n  - Ann Smith\n---\n';
		const before = parseNote('a.md', text, C);
		expect(before.diagnostics).toEqual([
			{ note: 'a.md', severity: 'warning', line: 5, message: "'refrences' is not a key this tool reads; did you mean 'references'?", fix: { rename: { from: 'refrences', to: 'references' } } },
		]);
		const r = renameKey(text, 'refrences', 'references', 5);
		if ('error' in r) throw new Error(r.error);
		const after = parseNote('a.md', r.text, C);
		expect(after.diagnostics).toEqual([]);
		expect(after.interview?.references.map((c) => c.name)).toEqual(['Ann Smith']);
	});
});
