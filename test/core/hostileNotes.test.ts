/**
 * Nothing a note holds can crash a reader or a writer: huge lists, aliases
 * that point nowhere or explode, tags the reader does not know, deep nesting.
 * Each comes back as a diagnostic (reading) or a message (writing).
 */
import { describe, expect, it } from 'vitest';
import { appendFollowUp, appendToList, renameKey } from '../../src/core/edit';
import { VaultIndex } from '../../src/core/vaultIndex';

const HEAD = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\n';
const ENTRY = '2026-11-21 contact: Jane Doe';

const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');

const HOSTILE: Record<string, string> = {
	'a person named *Jane*': `${HEAD}interviewers:\n  - *Jane*\n---\n`,
	'follow_ups: &n ~ with *n elsewhere': `${HEAD}follow_ups: &n ~\nsnoozed: *n\n---\n`,
	'!!omap': `${HEAD}follow_ups: !!omap\n  - a: 1\n  - b: 2\n---\n`,
	'an alias bomb': `${HEAD}${BOMB}\n---\n`,
	'nesting 5,000 deep': `${HEAD}x: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`,
	'130,000 follow-up items, each one wrong': `${HEAD}follow_ups:\n${'  - not an entry\n'.repeat(130000)}---\n`,
	'130,000 interviewers': `${HEAD}interviewers:\n${Array.from({ length: 130000 }, (_, i) => `  - Person ${i}\n`).join('')}---\n`,
};

describe('hostile notes', () => {
	for (const [what, text] of Object.entries(HOSTILE)) {
		it(`${what}: the index reads it and reports, log and snooze answer with a message`, () => {
			const vi = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
			vi.upsert('n.md', text);
			vi.upsert('ok.md', `${HEAD.replace('Acme', 'Other')}---\n`);
			expect(() => vi.applications()).not.toThrow();
			expect(vi.applications().some((a) => a.company === 'Other')).toBe(true);
			const diagnostics = vi.diagnostics();
			for (const d of diagnostics) expect(d.message).not.toMatch(/internal error|call stack/i);
			for (const r of [appendFollowUp(text, ENTRY), appendToList(text, 'snoozed', ENTRY)]) {
				if ('error' in r) expect(r.error).not.toMatch(/internal error|Cannot read|undefined|Unresolved alias|call stack/i);
				else expect(r.text.length).toBeGreaterThan(text.length);
			}
		}, 60000);
	}

	it('*Jane* is named as an alias without an anchor, with the quoted fix, by the reader and the writer; an alias bomb as too many values', () => {
		const vi = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		vi.upsert('jane.md', HOSTILE['a person named *Jane*']);
		vi.upsert('bomb.md', HOSTILE['an alias bomb']);
		const jane = vi.diagnostics().filter((d) => d.note === 'jane.md' && d.message.startsWith('The frontmatter'));
		expect(jane.map((d) => [d.line, d.message])).toEqual([
			[7, 'The frontmatter cannot be read at line 7: *Jane* is a YAML alias, a reference to a value marked &Jane* before it, and no value is marked so; if it is text, put it in quotes: "*Jane*". Until then no property of this note is read.'],
		]);
		const bomb = vi.diagnostics().filter((d) => d.note === 'bomb.md' && d.message.startsWith('The frontmatter'));
		expect(bomb.map((d) => d.message)).toEqual([expect.stringMatching(/aliases \(\*name\) expand to too many values/)]);
		const r = appendFollowUp(HOSTILE['a person named *Jane*'], ENTRY);
		expect('error' in r && r.error).toMatch(/^the frontmatter is not valid YAML \(line 7: \*Jane\* is a YAML alias, .* put it in quotes: "\*Jane\*"\); fix it, then try again$/);
		const cycle = appendFollowUp(`${HEAD}x: &a [1, *a]\n---\n`, ENTRY);
		// A refusal is one line.
		expect('error' in cycle && cycle.error.split('\n')).toHaveLength(1);
	});

	it('a list the writer cannot change safely is refused with a plain reason and the line to add by hand, never the exception text', () => {
		const notes = [HOSTILE['!!omap'], HOSTILE['follow_ups: &n ~ with *n elsewhere'], `${HEAD}follow_ups: &n ~\nother: *n\n---\n`, `${HEAD}x: &a [1, *a]\n---\n`];
		for (const text of notes) {
			const r = appendFollowUp(text, ENTRY);
			expect('error' in r && r.error, text).toMatch(/^this tool cannot change these properties safely \(.*\); add the line `- "2026-11-21 contact: Jane Doe"` under `follow_ups:` by hand$/);
			expect('error' in r && r.error).not.toMatch(/Cannot read|undefined|Unresolved alias|circular/i);
		}
		const rename = renameKey(`${HEAD}interviewer: A\nx: &a [1, *a]\n---\n`, 'interviewer', 'interviewers', 6);
		expect(rename).toEqual({ error: "this tool cannot change these properties safely (a value uses a YAML tag, anchor or alias, or nests too deep); rename 'interviewer' to 'interviewers' by hand" });
	});

	it('follow_ups: !!omap is read as not a list of entries, not as an entry without a date', () => {
		const vi = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		vi.upsert('n.md', HOSTILE['!!omap']);
		expect(vi.diagnostics().map((d) => [d.line, d.message])).toEqual([
			[6, 'follow_ups: a YAML !!omap or !!set is not a list of entries; remove the tag and write one line "- YYYY-MM-DD kind: Person Name" per entry'],
		]);
	});

	it('nesting too deep is said so, with what to do, by the reader and the writer', () => {
		const vi = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		vi.upsert('n.md', HOSTILE['nesting 5,000 deep']);
		// How many errors follow from the first depends on the stack left, so only the start is fixed.
		expect(vi.diagnostics().find((d) => d.message.startsWith('The frontmatter'))?.message).toContain(
			'The frontmatter is not valid YAML at line 6: the values nest too deep to be read. Write the value with a few levels of [ ] or { } at most. Obsidian shows no properties for this note until it is fixed.',
		);
		expect(appendFollowUp(HOSTILE['nesting 5,000 deep'], ENTRY)).toEqual({ error: 'the frontmatter is not valid YAML (line 6: the values nest too deep to be read); fix it, then try again' });
	});

	it('130,000 wrong items give 130,000 diagnostics without overflowing the stack', () => {
		const vi = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		vi.upsert('n.md', HOSTILE['130,000 follow-up items, each one wrong']);
		expect(vi.diagnostics().length).toBeGreaterThanOrEqual(130000);
	}, 60000);
});
