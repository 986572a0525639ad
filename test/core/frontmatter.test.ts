import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import matter from 'gray-matter';
import { readFrontmatter, type FrontmatterResult } from '../../src/core/frontmatter';
import { scanFence } from '../../src/core/frontmatter/fence';

const NOTE = 'Interviews/Acme.md';

function read(text: string): FrontmatterResult {
	return readFrontmatter(NOTE, text);
}

/** Invariants every result keeps, whatever the input. */
function expectConsistent(text: string, r: FrontmatterResult): void {
	expect(r.body).toBe(text.slice(r.bodyOffset));
	expect(r.bodyLine).toBe(text.slice(0, r.bodyOffset).split('\n').length);
	if (!r.fenced) {
		expect(r.bodyOffset).toBe(0);
		expect(r.data).toBeNull();
	}
	if (r.data === null) expect(r.keyLines).toEqual({});
	for (const d of r.diagnostics) {
		expect(d.note).toBe(NOTE);
		expect(d.line === undefined || (Number.isInteger(d.line) && d.line >= 1)).toBe(true);
		expect(d.message.length).toBeGreaterThan(20);
	}
}

function errors(r: FrontmatterResult) {
	return r.diagnostics.filter((d) => d.severity === 'error');
}
function warnings(r: FrontmatterResult) {
	return r.diagnostics.filter((d) => d.severity === 'warning');
}

const INTERVIEW = [
	'---',
	'type: interview',
	'company: "[[Acme Finance]]"',
	'role: Secretary',
	'interview_date: 2026-11-16T10:00',
	'interviewers:',
	'  - "[[Jane Doe]]"',
	'  - John Roe, Office Manager <john.roe@acme.example>',
	'decision_date: 2026-12-04',
	'follow_ups:',
	'  - "2026-11-17 thank-you: Jane Doe"',
	'---',
	'## Topics',
	'- Jane Doe: training for the Boston marathon',
	'',
].join('\n');

describe('readFrontmatter: an ordinary interview note', () => {
	const r = read(INTERVIEW);

	it('reads the properties as Obsidian shows them', () => {
		expect(r.fenced).toBe(true);
		expect(r.data).toStrictEqual({
			type: 'interview',
			company: '[[Acme Finance]]',
			role: 'Secretary',
			interview_date: '2026-11-16T10:00',
			interviewers: ['[[Jane Doe]]', 'John Roe, Office Manager <john.roe@acme.example>'],
			decision_date: '2026-12-04',
			follow_ups: ['2026-11-17 thank-you: Jane Doe'],
		});
		expect(r.diagnostics).toEqual([]);
	});

	it('gives the body after the closing fence, with its offset and line', () => {
		expect(r.body).toBe('## Topics\n- Jane Doe: training for the Boston marathon\n');
		expect(r.bodyLine).toBe(13);
		expect(INTERVIEW.split('\n')[r.bodyLine - 1]).toBe('## Topics');
		expectConsistent(INTERVIEW, r);
	});

	it('gives the line of each top-level key', () => {
		expect(r.keyLines).toEqual({
			type: 2,
			company: 3,
			role: 4,
			interview_date: 5,
			interviewers: 6,
			decision_date: 9,
			follow_ups: 10,
		});
		for (const [key, line] of Object.entries(r.keyLines)) expect(INTERVIEW.split('\n')[line - 1]?.startsWith(`${key}:`)).toBe(true);
	});

	it('keeps keys as written (quoted keys, spaces, capitals)', () => {
		const text = '---\n"Interview date": 2026-11-16\nCompany Name: Acme\n? long key\n: v\n---\n';
		const k = read(text);
		expect(k.data).toStrictEqual({ 'Interview date': '2026-11-16', 'Company Name': 'Acme', 'long key': 'v' });
		expect(k.keyLines).toEqual({ 'Interview date': 2, 'Company Name': 3, 'long key': 4 });
	});
});

describe('keys that are special in JavaScript', () => {
	it('`__proto__` and `constructor` are ordinary own keys; nothing is polluted', () => {
		const r = read('---\n__proto__:\n  polluted: true\nconstructor: x\n---\n');
		expect(Object.keys(r.data ?? {})).toEqual(['__proto__', 'constructor']);
		expect(Object.getPrototypeOf(r.data)).toBe(Object.prototype);
		expect(Object.keys(r.keyLines)).toEqual(['__proto__', 'constructor']);
		expect(Object.getOwnPropertyDescriptor(r.keyLines, '__proto__')?.value).toBe(2);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe(`dates never move (TZ=${process.env.TZ ?? '(unset)'})`, () => {
	it('keeps a YAML date as the string written', () => {
		const r = read('---\ninterview_date: 2026-11-16\n---\n');
		expect(r.data).toStrictEqual({ interview_date: '2026-11-16' });
		expect(typeof r.data?.interview_date).toBe('string');
	});

	it('keeps datetimes, with or without an offset, as strings', () => {
		const r = read('---\na: 2026-11-16T10:00\nb: 2026-11-16 23:30:00\nc: 2026-11-16T00:30:00+14:00\nd: 2026-01-01T00:00:00Z\n---\n');
		expect(r.data).toStrictEqual({
			a: '2026-11-16T10:00',
			b: '2026-11-16 23:30:00',
			c: '2026-11-16T00:30:00+14:00',
			d: '2026-01-01T00:00:00Z',
		});
	});

	it('keeps dates in lists and nested objects as strings', () => {
		const r = read('---\nfollow_ups:\n  - 2026-11-17\nnext: {on: 2026-12-31}\n---\n');
		expect(r.data).toStrictEqual({ follow_ups: ['2026-11-17'], next: { on: '2026-12-31' } });
	});
});

describe('gray-matter is used without its cache', () => {
	it('a mutated result does not leak into a second read of the same text', () => {
		const text = '---\ncompany: Acme\ninterviewers:\n  - Jane Doe\n---\nbody\n';
		const first = read(text);
		expect(first.data).not.toBeNull();
		if (first.data === null) return;
		first.data.company = 'Changed';
		(first.data.interviewers as string[]).push('Intruder');
		first.data.added = true;
		const second = read(text);
		expect(second.data).toStrictEqual({ company: 'Acme', interviewers: ['Jane Doe'] });
		expect(second.data).not.toBe(first.data);
	});

	it('leaves gray-matter\'s cache empty', () => {
		read('---\na: 1\n---\n');
		read('---\na: 1\n---\n');
		expect(Object.keys((matter as unknown as { cache: Record<string, unknown> }).cache)).toEqual([]);
	});
});

describe('edge cases, each as Obsidian reads it or with a diagnostic', () => {
	it('a byte-order mark: the properties are read, with a warning on line 1', () => {
		const text = '\ufeff---\ncompany: Acme\n---\nbody';
		const r = read(text);
		expect(r.data).toStrictEqual({ company: 'Acme' });
		expect(r.keyLines).toEqual({ company: 2 });
		expect(r.body).toBe('body');
		expect(r.bodyOffset).toBe(text.indexOf('body'));
		expect(warnings(r)).toHaveLength(1);
		expect(warnings(r)[0]).toMatchObject({ note: NOTE, line: 1 });
		expect(warnings(r)[0]?.message).toMatch(/byte-order mark/);
		expectConsistent(text, r);
	});

	it('a byte-order mark on a note without frontmatter is no concern', () => {
		const r = read('\ufeff# Title\n');
		expect(r.fenced).toBe(false);
		expect(r.diagnostics).toEqual([]);
	});

	it('CRLF line breaks: no \\r in any value, lines and body right', () => {
		const text = '---\r\ncompany: Acme\r\nnotes: |\r\n  first\r\n  second\r\nroles: [a,\r\n  b]\r\nlast: 1\r\n---\r\n## Body\r\n';
		const r = read(text);
		expect(r.data).toStrictEqual({ company: 'Acme', notes: 'first\nsecond\n', roles: ['a', 'b'], last: 1 });
		expect(r.keyLines).toEqual({ company: 2, notes: 3, roles: 6, last: 8 });
		expect(r.body).toBe('## Body\r\n');
		expect(r.bodyLine).toBe(10);
		expectConsistent(text, r);
	});

	it('CRLF: an error is reported on the right line', () => {
		const r = read('---\r\ncompany: Acme\r\nauthors:\r\n  - @kepano\r\n---\r\n');
		expect(errors(r)).toHaveLength(1);
		expect(errors(r)[0]?.line).toBe(4);
	});

	it('a closing fence at the very end of the file (no trailing newline)', () => {
		for (const text of ['---\ncompany: Acme\n---', '---\r\ncompany: Acme\r\n---', '---\ncompany: Acme\n---  ']) {
			const r = read(text);
			expect(r.data).toStrictEqual({ company: 'Acme' });
			expect(r.body).toBe('');
			expect(r.bodyOffset).toBe(text.length);
			expect(r.bodyLine).toBe(3);
			expect(r.diagnostics).toEqual([]);
			expectConsistent(text, r);
		}
	});

	it('`---\\n---` is an empty frontmatter block: no properties, no diagnostic', () => {
		for (const text of ['---\n---\n\n# empty_yaml\n', '---\r\n---\r\n\r\n# empty_yaml\r\n']) {
			const r = read(text);
			expect(r.fenced).toBe(true);
			expect(r.data).toBeNull();
			expect(r.body.trim()).toBe('# empty_yaml');
			expect(r.bodyLine).toBe(3);
			expect(r.diagnostics).toEqual([]);
			expectConsistent(text, r);
		}
	});

	it('a block of only blank and comment lines is no frontmatter either', () => {
		const r = read('---\n\n# just a comment\n\n---\nbody');
		expect(r).toMatchObject({ fenced: true, data: null, body: 'body', diagnostics: [] });
	});

	it('a body that starts with a `---` horizontal rule stays in the body', () => {
		const text = '---\ncompany: Acme\n---\n---\nText under a rule\n---\n';
		const r = read(text);
		expect(r.data).toStrictEqual({ company: 'Acme' });
		expect(r.body).toBe('---\nText under a rule\n---\n');
		expect(r.bodyLine).toBe(4);
		expect(r.diagnostics).toEqual([]);
	});

	it('a note that opens with a `---` rule and has another later: Obsidian takes it as frontmatter; warned', () => {
		const text = '---\n\nSome thoughts about the interview.\n\n---\nMore text\n';
		const r = read(text);
		expect(r.fenced).toBe(true);
		expect(r.data).toBeNull();
		expect(r.body).toBe('More text\n');
		expect(warnings(r)).toHaveLength(1);
		expect(warnings(r)[0]?.line).toBe(2);
		expect(warnings(r)[0]?.message).toMatch(/\*\*\*/);
	});

	it('frontmatter that is a list is not properties: data null, warned', () => {
		const r = read('---\n- a\n- b\n---\n');
		expect(r.data).toBeNull();
		expect(warnings(r)[0]?.message).toMatch(/a list/);
	});

	it('a missing closing fence: no frontmatter (line 1 is a rule), warned when properties follow', () => {
		const text = '---\ncompany: Acme\nrole: Secretary\n\n# Notes\n';
		const r = read(text);
		expect(r.fenced).toBe(false);
		expect(r.data).toBeNull();
		expect(r.body).toBe(text);
		expect(r.bodyOffset).toBe(0);
		expect(r.bodyLine).toBe(1);
		expect(warnings(r)).toHaveLength(1);
		expect(warnings(r)[0]).toMatchObject({ note: NOTE, line: 1 });
		expect(warnings(r)[0]?.message).toMatch(/add a line "---"/);
	});

	it('a missing closing fence before prose is just a horizontal rule: no diagnostic', () => {
		const r = read('---\n\nA note that starts with a rule.\n');
		expect(r.fenced).toBe(false);
		expect(r.diagnostics).toEqual([]);
	});

	it('tab indentation is an error on its line, with the fix', () => {
		const r = read('---\ncompany: Acme\ninterviewers:\n\t- Jane Doe\n---\nbody');
		expect(r.fenced).toBe(true);
		expect(r.data).toBeNull();
		expect(r.body).toBe('body');
		expect(errors(r)).toHaveLength(1);
		expect(errors(r)[0]).toMatchObject({ note: NOTE, line: 4 });
		expect(errors(r)[0]?.message).toMatch(/spaces, not tabs/);
	});

	it('a tab after the colon or inside a value is fine', () => {
		const r = read('---\ncompany:\tAcme\nnote: "a\tb"\n---\n');
		expect(r.data).toStrictEqual({ company: 'Acme', note: 'a\tb' });
		expect(r.diagnostics).toEqual([]);
	});

	it('duplicate keys: an error naming the key and both lines; no properties (as Obsidian)', () => {
		const r = read('---\ncompany: Acme\nrole: Secretary\ncompany: Beta\n---\n');
		expect(r.fenced).toBe(true);
		expect(r.data).toBeNull();
		expect(errors(r)).toHaveLength(1);
		expect(errors(r)[0]).toMatchObject({ note: NOTE, line: 4 });
		expect(errors(r)[0]?.message).toMatch(/"company" more than once \(lines 2 and 4\)/);
	});

	it('JSON frontmatter is read as YAML reads it', () => {
		const text = '---\n{\n  "tags": "journal",\n  "publish": false,\n  "company": "Acme"\n}\n---\n\n# jason\n';
		const r = read(text);
		expect(r.data).toStrictEqual({ tags: 'journal', publish: false, company: 'Acme' });
		expect(r.keyLines).toEqual({ tags: 3, publish: 4, company: 5 });
		expect(r.body).toBe('\n# jason\n');
		expect(r.diagnostics).toEqual([]);
	});

	it('an empty `tags:` is null, as in Obsidian', () => {
		expect(read('---\ntags:\n---\n').data).toStrictEqual({ tags: null });
		expect(read('---\ntags: \nunknown_list:\n  -\n  -\n---\n').data).toStrictEqual({ tags: null, unknown_list: [null, null] });
	});

	it('an unquoted [[link]] stays the nested list Obsidian shows, with a warning and the quoted form', () => {
		const text = '---\ncompany: [[Acme]]\ninterviewers:\n  - [[Jane Doe]]\n  - "[[John Roe]]"\ncontact: "[[Jane Doe]]"\n---\n';
		const r = read(text);
		expect(r.data).toStrictEqual({
			company: [['Acme']],
			interviewers: [[['Jane Doe']], '[[John Roe]]'],
			contact: '[[Jane Doe]]',
		});
		const w = warnings(r);
		expect(w).toHaveLength(2);
		expect(w[0]).toMatchObject({ note: NOTE, line: 2 });
		expect(w[0]?.message).toContain('company: "[[Acme]]"');
		expect(w[1]).toMatchObject({ note: NOTE, line: 4 });
		expect(w[1]?.message).toContain('- "[[Jane Doe]]"');
		expect(errors(r)).toEqual([]);
	});

	it('two unquoted links on one line are invalid YAML: an error that says to quote links', () => {
		const r = read('---\ninterviewers: [[Jane Doe]], [[John Roe]]\n---\n');
		expect(r.data).toBeNull();
		expect(errors(r)).toHaveLength(1);
		expect(errors(r)[0]?.line).toBe(2);
		expect(errors(r)[0]?.message).toMatch(/link in quotes/);
	});

	it('an unquoted phone number loses its leading 0: kept as YAML reads it, warned with the quoted form', () => {
		const text = '---\nphone: 0612345678\ncontacts:\n  - +31612345678\nzip: "02134"\nyears: 12\nday: 2026-01-05\n---\n';
		const r = read(text);
		expect(r.data).toStrictEqual({ phone: 612345678, contacts: [31612345678], zip: '02134', years: 12, day: '2026-01-05' });
		const w = warnings(r);
		expect(w).toHaveLength(2);
		expect(w[0]).toMatchObject({ note: NOTE, line: 2 });
		expect(w[0]?.message).toContain('phone: "0612345678"');
		expect(w[1]).toMatchObject({ note: NOTE, line: 4 });
		expect(w[1]?.message).toContain('- "+31612345678"');
	});

	it('a number too long to keep exactly is warned', () => {
		const r = read('---\naccount: 12345678901234567890\n---\n');
		expect(warnings(r)).toHaveLength(1);
		expect(warnings(r)[0]?.line).toBe(2);
	});

	it('invalid YAML: data null, an error with the line from YAML and a fix', () => {
		const text = '---\naliases:\n- @kepano\n---\n# kepano\n';
		const r = read(text);
		expect(r.fenced).toBe(true);
		expect(r.data).toBeNull();
		expect(r.body).toBe('# kepano\n');
		expect(r.diagnostics).toHaveLength(1);
		expect(r.diagnostics[0]).toMatchObject({ note: NOTE, severity: 'error', line: 3 });
		expect(r.diagnostics[0]?.message).toContain('- "@kepano"');
		expectConsistent(text, r);
	});

	it('a value with ": " in it: the error says to quote the whole value', () => {
		const r = read('---\nrole: Secretary\ntitle: Interview: round 2\n---\n');
		expect(errors(r)[0]).toMatchObject({ line: 3 });
		expect(errors(r)[0]?.message).toContain('title: "Interview: round 2"');
	});

	it('a stray line of text: the error points at it', () => {
		const r = read('---\ncompany: Acme\nthis line has no colon\nrole: x\n---\n');
		expect(errors(r)[0]?.line).toBe(3);
	});

	it('an unknown YAML tag is a warning with its line; the value is kept', () => {
		const r = read('---\ncompany: Acme\nsecret: !vault abc\n---\n');
		expect(r.data).toStrictEqual({ company: 'Acme', secret: 'abc' });
		expect(warnings(r)).toHaveLength(1);
		expect(warnings(r)[0]?.line).toBe(3);
	});
});

describe('fence rules where gray-matter alone would differ from Obsidian', () => {
	it('a line that only starts with `---` does not close the block', () => {
		const text = '---\ncompany: Acme\nsummary: >\n  ----- text\n---\nbody';
		const r = read(text);
		expect(r.data).toStrictEqual({ company: 'Acme', summary: '----- text\n' });
		expect(r.body).toBe('body');
		const bad = read('---\ncompany: Acme\n----\nrole: x\n---\nbody');
		expect(bad.body).toBe('body');
		expect(bad.data).toBeNull();
		expect(errors(bad)[0]?.line).toBe(3);
	});

	it('`---json`, `--- yaml` or `----` on line 1 is no frontmatter', () => {
		for (const text of ['---json\n{"a": 1}\n---\n', '--- yaml\na: 1\n---\n', '----\na: 1\n----\n']) {
			const r = read(text);
			expect(r.fenced).toBe(false);
			expect(r.data).toBeNull();
			expect(r.body).toBe(text);
		}
	});

	it('spaces or tabs after a fence are allowed', () => {
		const r = read('---  \ncompany: Acme\n---\t\nbody');
		expect(r.data).toStrictEqual({ company: 'Acme' });
		expect(r.body).toBe('body');
		const crlf = read('---\t \r\ncompany: Acme\r\nrole: x\r\n--- \r\nbody');
		expect(crlf.data).toStrictEqual({ company: 'Acme', role: 'x' });
		expect(crlf.keyLines).toEqual({ company: 2, role: 3 });
		expect(crlf.body).toBe('body');
		expect(crlf.diagnostics).toEqual([]);
	});

	it('frontmatter must start on line 1', () => {
		for (const text of ['\n---\na: 1\n---\n', ' ---\na: 1\n---\n', '# T\n---\na: 1\n---\n']) {
			expect(read(text).fenced).toBe(false);
		}
	});

	it('scanFence finds the same block as the reader', () => {
		const text = '---\na: 1\n---\nx';
		const s = scanFence(text);
		expect(s).toEqual({ kind: 'fenced', bom: 0, openEnd: 3, closeStart: 9, closeEnd: 12, bodyOffset: 13 });
	});
});

describe('never throws', () => {
	it('handles tiny and odd inputs', () => {
		for (const text of ['', '-', '---', '---\n', '---\r\n', '---\n-', '---\n--', '\ufeff', '\ufeff---', '---\r---\r', '---\n\u2028---\n']) {
			const r = read(text);
			expectConsistent(text, r);
		}
	});

	it('runs where there is no Buffer (Obsidian mobile) and writes no global', () => {
		// The global object, as `window` is in Obsidian (the linter bans the usual name in this codebase).
		const g = runInThisContext('this') as Record<string, unknown>;
		const saved = g.Buffer;
		try {
			delete g.Buffer;
			const before = Object.getOwnPropertyNames(g).sort();
			const r = read('---\ncompany: Acme\n---\nbody');
			expect(r.data).toStrictEqual({ company: 'Acme' });
			expect(r.diagnostics).toEqual([]);
			expect(Object.getOwnPropertyNames(g).sort()).toEqual(before);
		} finally {
			g.Buffer = saved;
		}
	});

	const pieces = fc.constantFrom(
		'---', '\n', '\r\n', '\r', '\ufeff', ' ', '\t', 'company', ': ', ':', '- ', '[[', ']]', '[', ']', '{', '}', '"', "'",
		'#', '@', '0612345678', '2026-11-16', '|', '>', '&a', '*a', '!!str', '?', ',', '...', 'x',
	);
	it('keeps its invariants for arbitrary texts built from YAML and fence pieces', () => {
		fc.assert(
			fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
				const text = parts.join('');
				expectConsistent(text, read(text));
			}),
			{ numRuns: 1500 },
		);
	});

	it('keeps its invariants for arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
				const text = `---\n${s}`;
				expectConsistent(text, read(text));
			}),
			{ numRuns: 500 },
		);
	});
});
