import { describe, expect, it } from 'vitest';
import { appendToFrontmatterList, insertUnderHeading } from '../../src/obsidian/model/frontmatterEdit';

const FU = ['follow_ups', 'followups', 'log'];
const ENTRY = '2026-11-18 thank-you: Jane Doe';

function ok(r: ReturnType<typeof appendToFrontmatterList>): string {
	if (!r.ok) throw new Error(r.message);
	return r.text;
}

describe('appendToFrontmatterList', () => {
	it('appends to a block list in its own indentation, keeping comments and every other byte', () => {
		const before = [
			'---',
			'type: interview # my comment',
			"company: '[[Acme Finance]]'",
			'follow_ups:',
			'    - "2026-11-17 contact: John Roe"',
			'role: Secretary',
			'---',
			'## Topics',
			'- Jane Doe: marathons',
			'',
		].join('\n');
		const after = ok(appendToFrontmatterList(before, FU, ENTRY));
		expect(after).toBe(before.replace('John Roe"\n', `John Roe"\n    - "${ENTRY}"\n`));
	});

	it('adds the key before the closing fence when absent', () => {
		const before = '---\ntype: interview\ncompany: Acme\n---\nBody text\n';
		expect(ok(appendToFrontmatterList(before, FU, ENTRY))).toBe(`---\ntype: interview\ncompany: Acme\nfollow_ups:\n  - "${ENTRY}"\n---\nBody text\n`);
	});

	it('writes into the alias when only the alias is present, and into the first-column key when both are', () => {
		const alias = '---\nlog:\n  - "2026-11-10 contact"\n---\n';
		expect(ok(appendToFrontmatterList(alias, FU, ENTRY))).toBe(`---\nlog:\n  - "2026-11-10 contact"\n  - "${ENTRY}"\n---\n`);
		const both = '---\nlog: []\nFollow-ups:\n  - a\n---\n';
		expect(ok(appendToFrontmatterList(both, FU, ENTRY))).toBe(`---\nlog: []\nFollow-ups:\n  - a\n  - "${ENTRY}"\n---\n`);
	});

	it('extends a flow list, an empty key, null, and a single string', () => {
		expect(ok(appendToFrontmatterList('---\nfollow_ups: ["a", b]\n---\n', FU, ENTRY))).toBe(`---\nfollow_ups: ["a", b, "${ENTRY}"]\n---\n`);
		expect(ok(appendToFrontmatterList('---\nfollow_ups: []\n---\n', FU, ENTRY))).toBe(`---\nfollow_ups: ["${ENTRY}"]\n---\n`);
		expect(ok(appendToFrontmatterList('---\nfollow_ups:\nrole: x\n---\n', FU, ENTRY))).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\nrole: x\n---\n`);
		expect(ok(appendToFrontmatterList('---\nfollow_ups: null\n---\n', FU, ENTRY))).toBe(`---\nfollow_ups: ["${ENTRY}"]\n---\n`);
		expect(ok(appendToFrontmatterList("---\nfollow_ups: '2026-11-01 contact'\n---\n", FU, ENTRY))).toBe(
			`---\nfollow_ups: ["2026-11-01 contact", "${ENTRY}"]\n---\n`,
		);
	});

	it('keeps CRLF line endings', () => {
		const before = '---\r\nfollow_ups:\r\n  - a\r\n---\r\nbody\r\n';
		expect(ok(appendToFrontmatterList(before, FU, ENTRY))).toBe(`---\r\nfollow_ups:\r\n  - a\r\n  - "${ENTRY}"\r\n---\r\nbody\r\n`);
	});

	it('creates frontmatter in a note without any', () => {
		expect(ok(appendToFrontmatterList('# Call with Acme\n', ['snoozed'], '2026-11-25 status-check'))).toBe(
			'---\nsnoozed:\n  - "2026-11-25 status-check"\n---\n# Call with Acme\n',
		);
	});

	it('does nothing when the entry is already there', () => {
		const before = `---\nfollow_ups:\n  - "${ENTRY}"\n---\n`;
		const r = appendToFrontmatterList(before, FU, ENTRY);
		expect(r).toEqual({ ok: true, text: before, changed: false });
	});

	it('refuses broken YAML, a map value and an unclosed fence, with a message', () => {
		for (const bad of ['---\nfollow_ups: [a\n---\n', '---\nfollow_ups:\n  a: 1\n---\n', '---\ntype: interview\n']) {
			const r = appendToFrontmatterList(bad, FU, ENTRY);
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
		}
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

	it('ignores headings inside code fences', () => {
		const before = '## Drafts\n```\n# not a heading\n```\n';
		expect(insertUnderHeading(before, 'drafts', 'D')).toBe('## Drafts\n```\n# not a heading\n```\n\nD\n');
	});
});
