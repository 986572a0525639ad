/**
 * The edits the plugin makes through core/edit.ts: Snooze (the `snoozed`
 * list), Done once (an entry already logged is not logged again), and Draft
 * (text under a heading). The follow-up list itself is tested in edit.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { appendFollowUp, appendToList, insertUnderHeading, type AppendResult } from '../../src/core/edit';
import { readFrontmatter } from '../../src/core/frontmatter';

const SNOOZE = '2026-11-25 status-check: Jane Doe';
const ENTRY = '2026-11-18 thank-you: Jane Doe';

function text(r: AppendResult): string {
	if ('error' in r) throw new Error(r.error);
	return r.text;
}

describe('appendToList: the snoozed list', () => {
	it('appends to a block list in its own indentation, keeping comments and every other byte', () => {
		const before = [
			'---',
			'type: interview # my comment',
			"company: '[[Acme Finance]]'",
			'snoozed:',
			'    - "2026-11-20 thank-you: John Roe"',
			'role: Secretary',
			'---',
			'## Topics',
			'- Jane Doe: marathons',
			'',
		].join('\n');
		expect(text(appendToList(before, 'snoozed', SNOOZE))).toBe(before.replace('John Roe"\n', `John Roe"\n    - "${SNOOZE}"\n`));
	});

	it('adds the key before the closing fence when absent, and a frontmatter to a note without one', () => {
		expect(text(appendToList('---\ntype: interview\n---\nBody\n', 'snoozed', SNOOZE))).toBe(`---\ntype: interview\nsnoozed:\n  - "${SNOOZE}"\n---\nBody\n`);
		expect(text(appendToList('# Call with Acme\n', 'snoozed', SNOOZE))).toBe(`---\nsnoozed:\n  - "${SNOOZE}"\n---\n# Call with Acme\n`);
	});

	it('writes to `snoozed` under any spelling of the key, never into follow_ups', () => {
		const before = '---\nfollow_ups:\n  - "2026-11-17 contact"\nSnoozed: []\n---\n';
		const after = text(appendToList(before, 'snoozed', SNOOZE));
		expect(after).toBe(`---\nfollow_ups:\n  - "2026-11-17 contact"\nSnoozed: ["${SNOOZE}"]\n---\n`);
		expect(readFrontmatter('n.md', after).data).toEqual({ follow_ups: ['2026-11-17 contact'], Snoozed: [SNOOZE] });
	});

	it('keeps CRLF line endings', () => {
		const before = '---\r\nsnoozed:\r\n  - a\r\n---\r\nbody\r\n';
		expect(text(appendToList(before, 'snoozed', SNOOZE))).toBe(`---\r\nsnoozed:\r\n  - a\r\n  - "${SNOOZE}"\r\n---\r\nbody\r\n`);
	});
});

describe('once: an entry already in the list is not added again', () => {
	it('leaves the text as it is, for both lists, whatever the quoting and surrounding spaces', () => {
		for (const before of [`---\nfollow_ups:\n  - "${ENTRY}"\n---\n`, `---\nlog: ['  ${ENTRY}']\n---\nbody\n`, `---\nfollow_ups: '${ENTRY}'\n---\n`]) {
			const r = appendFollowUp(before, ENTRY, { once: true });
			expect(r).toEqual({ text: before, key: expect.any(String) as string, how: 'already-there' });
		}
		const snoozed = `---\nsnoozed:\n  - "${SNOOZE} "\n---\n`;
		expect(appendToList(snoozed, 'snoozed', SNOOZE, { once: true })).toMatchObject({ text: snoozed, how: 'already-there' });
	});

	it('without once (the command line), the same entry is appended again', () => {
		const before = `---\nfollow_ups:\n  - "${ENTRY}"\n---\n`;
		expect(text(appendFollowUp(before, ENTRY))).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n  - "${ENTRY}"\n---\n`);
	});

	it('an entry in the other list does not count', () => {
		const before = `---\nfollow_ups:\n  - "${SNOOZE}"\n---\n`;
		expect(appendToList(before, 'snoozed', SNOOZE, { once: true })).toMatchObject({ how: 'created-key' });
	});
});

describe('refusals', () => {
	it('broken YAML, a frontmatter that is a list, and an unclosed block of properties: a message, nothing written', () => {
		for (const bad of ['---\nsnoozed: [a\n---\n', '---\n- a list\n- not keys\n---\n', '---\ntype: interview\ncompany: Acme\n']) {
			const r = appendToList(bad, 'snoozed', SNOOZE);
			expect('error' in r).toBe(true);
			if ('error' in r) expect(r.error).toMatch(/fix it, then try again|add a line "---"/);
		}
		const unclosed = appendFollowUp('---\ntype: interview\n', ENTRY);
		expect(unclosed).toEqual({ error: expect.stringMatching(/^line 1 is "---" but no later line is "---"/) as string });
	});

	it('a note that starts with a horizontal rule (no properties under it) gets a new frontmatter above it', () => {
		const rule = '---\nJust a rule above.\n';
		expect(text(appendToList(rule, 'snoozed', SNOOZE))).toBe(`---\nsnoozed:\n  - "${SNOOZE}"\n---\n${rule}`);
	});
});

describe('insertUnderHeading', () => {
	it('appends a Drafts section when there is none', () => {
		expect(insertUnderHeading('---\na: 1\n---\nNotes\n', 'Drafts', 'Dear Jane,\n\nThanks.\n')).toBe('---\na: 1\n---\nNotes\n\n## Drafts\n\nDear Jane,\n\nThanks.\n');
	});

	it('adds to the end of an existing Drafts section, before the next heading', () => {
		const before = '# Acme\n\n## Drafts\n\nOld draft\n\n## Topics\n- x\n';
		expect(insertUnderHeading(before, 'Drafts', 'New draft')).toBe('# Acme\n\n## Drafts\n\nOld draft\n\nNew draft\n\n## Topics\n- x\n');
	});

	it('ignores headings inside code fences and inside the frontmatter', () => {
		const before = '## Drafts\n```\n# not a heading\n```\n';
		expect(insertUnderHeading(before, 'drafts', 'D')).toBe('## Drafts\n```\n# not a heading\n```\n\nD\n');
		const fm = '---\n# Drafts: a YAML comment\n---\nBody\n';
		expect(insertUnderHeading(fm, 'Drafts', 'D')).toBe(`${fm}\n## Drafts\n\nD\n`);
	});

	it('keeps CRLF', () => {
		expect(insertUnderHeading('Notes\r\n', 'Drafts', 'a\nb')).toBe('Notes\r\n\r\n## Drafts\r\n\r\na\r\nb\r\n');
	});

	it('reads fences as the readers do: a ~~~ fence holding a ``` line does not hide the Drafts heading after it', () => {
		const before = '~~~\n```\n~~~\n\n## Drafts\n\nOld\n';
		const after = insertUnderHeading(before, 'Drafts', 'New');
		expect(after).toBe('~~~\n```\n~~~\n\n## Drafts\n\nOld\n\nNew\n');
		expect(after.match(/## Drafts/g)).toHaveLength(1);
		// A setext heading counts too.
		expect(insertUnderHeading('Drafts\n------\nOld\n', 'Drafts', 'New')).toBe('Drafts\n------\nOld\n\nNew\n');
	});
});

describe('quiet', () => {
	it('an unknown tag or a map key in the properties prints no warning (the command line\'s stderr stays clean)', async () => {
		const warnings: string[] = [];
		const listen = (w: Error): void => {
			warnings.push(w.message);
		};
		process.on('warning', listen);
		try {
			const r = appendFollowUp('---\nk: !custom value\n? {date: 1}\n: x\n---\n', ENTRY);
			expect('error' in r ? r.error : r.how).toBe('created-key');
			await new Promise((resolve) => setImmediate(resolve));
		} finally {
			process.off('warning', listen);
		}
		expect(warnings).toEqual([]);
	});
});
