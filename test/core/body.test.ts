import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSections, parsedItems, plainItems, readBody, readSections, type BodySection } from '../../src/core/body';

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

	it('the cheap pre-check never hides a section', () => {
		const line = fc.oneof(
			fc.constantFrom('## People', '#People', '   # Topics', '    # Topics', '#### gift ideas ##', 'Follow-ups', '=====', '---', '  --- ', '- item', '```', '~~~', '', 'people', '# Other', '\t# Topics', 'Topics\r'),
			fc.string({ maxLength: 12 }),
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
				const body = lines.join('\n');
				expect(findSections(body, 1)).toEqual(findSections(body, 1, false));
			}),
			{ numRuns: 2000 },
		);
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

describe('several sections in one note', () => {
	it('keeps each item with its section and its file line', () => {
		const body = [
			'Intro text', //                      line 7
			'## Interviewers', //                 8
			'- Jane Doe, VP', //                  9
			'- ```', //                           10
			'', //                                11
			'## Notes', //                        12
			'- not read', //                      13
			'## Topics', //                       14
			'1. Jane Doe: chess', //              15
			'   - nested: more of hers', //      16
			'', //                                17
			'### Follow-ups', //                  18
			'* [x] thank-you: Jane Doe ✅ 2026-11-17', // 19
			'[x]: https://example.org', //        20
			'* 2026-11-18 contact', //            21
		].join('\n');
		const r = readBody(body, 7);
		// The item holding a code fence has no text; the fence closes with its item, not later.
		expect(r.interviewers.map((i) => [i.contact.name, i.line])).toEqual([['Jane Doe', 9]]);
		expect(r.topics).toEqual([
			{ person: 'Jane Doe', topic: 'chess', line: 15 },
			{ person: 'Jane Doe', topic: 'nested: more of hers', line: 16 },
		]);
		expect(r.followUps.map((f) => [f.kind, f.date, f.line])).toEqual([
			['thank-you', '2026-11-17', 19],
			['contact', '2026-11-18', 21],
		]);
	});

	it('parses a section holding an open HTML comment on its own', () => {
		const body = '## People\n- Jane Doe\n<!-- unclosed\n## Topics\n- Bob: golf\n';
		const r = readBody(body, 1);
		expect(r.interviewers.map((i) => i.contact.name)).toEqual(['Jane Doe']);
		expect(r.topics).toEqual([{ person: 'Bob', topic: 'golf', line: 5 }]);
	});
});

describe('the plain-list fast path', () => {
	const section = (text: string): BodySection => ({ kind: 'topics', heading: 'Topics', line: 5, text });

	it('reads plain bullet lists without the parser, the same as the parser', () => {
		const text = [
			'- Jane Doe, VP Engineering <jane@acme.com>',
			'- [x] thank-you: [[People/Jane Doe|Jane]] ✅ 2026-11-17',
			'',
			'- Ann Lee',
			'  - sailing',
			'   - in the same nested list',
			'- jane_doe uses snake_case: AT or T — fine',
		].join('\n');
		const fast = plainItems(section(text));
		expect(fast).not.toBeNull();
		expect(fast).toEqual(parsedItems(section(text)));
		expect(fast?.[2]).toEqual({
			text: 'Ann Lee',
			line: 8,
			nested: [
				{ text: 'sailing', line: 9, nested: [] },
				{ text: 'in the same nested list', line: 10, nested: [] },
			],
		});
	});

	it.each([
		['emphasis', '- **Jane** Doe'],
		['code', '- `x`'],
		['an entity', '- AT&amp;T'],
		['a link', '- [Jane](https://x.org)'],
		['an URL autolink', '- <https://x.org>'],
		['a continuation line', '- Jane\n  Doe'],
		['an ordered list', '1. Jane'],
		['mixed bullets', '- Jane\n* Bob'],
		['a thematic break', '- Jane\n- - -'],
		['a leading underscore', '- _Jane_'],
		['a heading in an item', '- # Jane'],
		['deeper nesting', '- a\n  - b\n    - c'],
	])('leaves %s to the parser', (_what, text) => {
		expect(plainItems(section(text))).toBeNull();
	});

	it('agrees with the parser whenever it answers', () => {
		const safe = fc.constantFrom('Jane Doe', 'x', 'thank-you:', ' ', '  ', ',', ':', ' — ', '[[Jane Doe]]', '[[People/Jane|J]]', '<jane@acme.com>', 'a_b', '[x] ', '[ ] ', '✅ 2026-11-17', 'é', '|', '=', '\u00a0', '\t');
		const risky = fc.constantFrom('<https://x.org>', '_x_', '*x*', '`c`', '\\[', '&amp;', 'AT&T', '[x]', '!', '![[img]]', '[a](b)', '[[x]](y)', '#', '>', '~~~', '\u0000', '1. ', '- ', '* ', '+', '\r', '[[x]]:');
		const fragment = fc.oneof({ weight: 8, arbitrary: safe }, { weight: 1, arbitrary: risky });
		const first = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Jane', '[[Jane Doe]]', '[x] ', '2026-11-17', 'é') }, { weight: 1, arbitrary: fragment });
		const content = fc.tuple(first, fc.array(fragment, { maxLength: 4 })).map(([a, xs]) => a + xs.join(''));
		const indent = fc.oneof({ weight: 12, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.constant(2) }, { weight: 3, arbitrary: fc.constant(4) }, { weight: 1, arbitrary: fc.constantFrom(1, 3, 5, 6) });
		const spaces = fc.oneof({ weight: 10, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(2, 4, 5) });
		const bullet = fc.oneof({ weight: 10, arbitrary: fc.constant('-') }, { weight: 1, arbitrary: fc.constantFrom('*', '+') });
		const line = fc.oneof(
			{ weight: 12, arbitrary: fc.tuple(indent, bullet, spaces, content).map(([i, b, sp, c]) => `${' '.repeat(i)}${b}${' '.repeat(sp)}${c}`) },
			{ weight: 1, arbitrary: fc.constantFrom('', '', '  ', '\t', '1. one', '2) two', '  more text', 'text', '---', '* * *', '# head', '===') },
		);
		let answered = 0;
		fc.assert(
			fc.property(content, fc.array(line, { maxLength: 7 }), (head, lines) => {
				const s = section([`- ${head}`, ...lines].join('\n'));
				const fast = plainItems(s);
				if (fast === null) return;
				answered++;
				expect(fast).toEqual(parsedItems(s));
			}),
			{ numRuns: 3000 },
		);
		// The comparison is not vacuous: the fast path answered for a fair share of the lists.
		expect(answered).toBeGreaterThan(500);
	});
});
