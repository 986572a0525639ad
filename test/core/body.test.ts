import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSections, readBody, readSections } from '../../src/core/body';

describe('findSections', () => {
	it('finds sections by heading text at any level, ignoring case', () => {
		const body = ['# Notes', 'intro', '## interviewers', '- Jane', '#### GIFT IDEAS', '- Jane: running', '## Other', 'text', '### Follow-up log', '- 2026-11-17 offer', ''].join('\n');
		const s = findSections(body, 1);
		expect(s.map((x) => [x.kind, x.heading, x.line])).toEqual([
			['interviewers', 'interviewers', 4],
			['topics', 'GIFT IDEAS', 6],
			['followUps', 'Follow-up log', 10],
		]);
		expect(s[0].text).toBe('- Jane');
	});

	it('skips headings inside fenced code', () => {
		const body = ['```md', '## Topics', '- Jane: x', '```', '~~~~', '## People', '~~~', '- still code', '~~~~', 'after'].join('\n');
		expect(findSections(body, 1)).toEqual([]);
	});

	it('reads setext headings but not a thematic break after a list', () => {
		const body = ['People', '======', '- Jane Doe', '', '- item', '---', 'Topics', '------', '- Jane: x'].join('\n');
		const s = findSections(body, 5);
		expect(s.map((x) => [x.kind, x.line])).toEqual([
			['interviewers', 7],
			['topics', 13],
		]);
		expect(s[0].text).toBe('- Jane Doe\n\n- item\n---');
	});

	it('ends a section at a heading of the same level or at another section heading', () => {
		const body = ['## People', '- Jane', '### Jane', 'note', '### Topics', '- Jane: x', '## Next', '- not a topic'].join('\n');
		const s = findSections(body, 1);
		expect(s.map((x) => x.text)).toEqual(['- Jane\n### Jane\nnote', '- Jane: x']);
	});

	it('returns nothing without a heading word (the cheap path)', () => {
		expect(findSections('# Meeting\n- hello\n', 1)).toEqual([]);
		expect(findSections('people said things but no heading', 1)).toEqual([]);
	});
});

describe('readBody', () => {
	it('reads interviewers in any contact form with file lines', () => {
		const body = ['', '## Interviewers', '- [[Jane Doe]]', '- John Roe, Office Manager <john.roe@acme.example>', '- **Ann Lee** (CTO)', '- <nobody@acme.example>'].join('\n');
		const r = readBody(body, 10);
		expect(r.interviewers.map((i) => [i.contact.name, i.contact.title, i.contact.email, i.contact.link, i.line])).toEqual([
			['Jane Doe', null, null, 'Jane Doe', 12],
			['John Roe', 'Office Manager', 'john.roe@acme.example', null, 13],
			['Ann Lee', 'CTO', null, null, 14],
		]);
		expect(r.diagnostics).toEqual([{ severity: 'warning', message: expect.stringMatching(/^Interviewers: .*has no name first/) as string, line: 15 }]);
	});

	it('reads topics as Name: topic and as nested items', () => {
		const body = [
			'## Topics',
			'- Jane Doe: training for the Boston marathon',
			'- [[People/John Roe|John]]: paperless office',
			'- Ann Lee',
			'  - sailing',
			'  - *jazz*',
			'- just a topic',
			'- : nobody',
		].join('\n');
		const r = readBody(body, 1);
		expect(r.topics).toEqual([
			{ person: 'Jane Doe', topic: 'training for the Boston marathon', line: 2 },
			{ person: 'John Roe', topic: 'paperless office', line: 3 },
			{ person: 'Ann Lee', topic: 'sailing', line: 5 },
			{ person: 'Ann Lee', topic: 'jazz', line: 6 },
			{ person: null, topic: 'just a topic', line: 7 },
		]);
		expect(r.diagnostics.map((d) => d.line)).toEqual([8]);
	});

	it('does not split a URL in a topic', () => {
		const r = readBody('## Gift ideas\n- Jane: https://example.org/marathon-tips\n', 1);
		expect(r.topics).toEqual([{ person: 'Jane', topic: 'https://example.org/marathon-tips', line: 2 }]);
	});

	it('reads follow-ups, done tasks with ✅ dates, and skips open tasks', () => {
		const body = [
			'## Follow-ups',
			'- 2026-11-17 thank-you: Jane Doe — email',
			'- [x] thank-you: John Roe ✅ 2026-11-18',
			'- [ ] status-check: Jane Doe',
			'- 2026-11-19 lunch: Jane',
			'  - nested note, ignored',
		].join('\n');
		const r = readBody(body, 20);
		expect(r.followUps).toEqual([
			{ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe', text: 'email', source: 'body', line: 21 },
			{ date: '2026-11-18', kind: 'thank-you', person: 'John Roe', text: null, source: 'body', line: 22 },
		]);
		expect(r.diagnostics).toEqual([{ severity: 'warning', message: expect.stringMatching(/'lunch' is not a log kind/) as string, line: 24 }]);
	});

	it('reads only the kinds asked for', () => {
		const body = '## People\n- Jane\n## Topics\n- Jane: x\n';
		const r = readSections(findSections(body, 1), new Set(['topics']));
		expect(r.interviewers).toEqual([]);
		expect(r.topics).toHaveLength(1);
	});

	it('never throws on arbitrary text', () => {
		const line = fc.oneof(
			fc.constantFrom('## People', '## Topics', '# Follow-ups', '```', '~~~', '- ', '  - ', '---', '===', '- [x] ', '> '),
			fc.string({ maxLength: 30 }),
		);
		fc.assert(
			fc.property(fc.array(fc.tuple(line, fc.string({ maxLength: 20 })), { maxLength: 25 }), (parts) => {
				const body = parts.map(([a, b]) => a + b).join('\n');
				const r = readBody(body, 3);
				for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(3);
			}),
			{ numRuns: 300 },
		);
	});
});

describe('long sections', () => {
	it('reads a list of thousands of items, with the right lines', () => {
		const items = Array.from({ length: 3000 }, (_, i) => `- [[People/Person ${i}|P${i}]]${i % 7 === 0 ? '\n  continued text' : ''}`);
		const body = `# People\n${items.join('\n')}\n`;
		const r = readBody(body, 4);
		expect(r.interviewers).toHaveLength(3000);
		expect(r.interviewers[0]).toMatchObject({ line: 5, contact: { name: 'Person 0' } });
		// Item i sits after i items and floor((i - 1) / 7) + 1 continuation lines (for i > 0).
		const lineOf = (i: number): number => 5 + i + Math.floor((i + 6) / 7);
		for (const i of [1, 7, 8, 1234, 2999]) expect(r.interviewers[i]).toMatchObject({ line: lineOf(i), contact: { name: `Person ${i}` } });
		expect(r.diagnostics).toEqual([]);
	});
});
