import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { appendFollowUp, removeFromList } from '../../src/core/edit';
import { corporaPresent, corpusNotes, CORPUS_VAULTS, listAddedProblems } from '../fixtures/roundTrip';
import { readFrontmatter } from '../../src/core/frontmatter';

const ENTRY = '2026-11-21 thank-you: John Roe';

function ok(text: string, entry = ENTRY): { text: string; key: string; how: string } {
	const r = appendFollowUp(text, entry);
	if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
	return r;
}

function err(text: string, entry = ENTRY): string {
	const r = appendFollowUp(text, entry);
	if (!('error' in r)) throw new Error(`expected an error, got:\n${r.text}`);
	return r.error;
}

/** The frontmatter of `text` as a value, and its body (everything after the closing fence line). */
function split(text: string): { data: Record<string, unknown>; body: string } {
	const t = text.replace(/^\uFEFF/, '');
	const m = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(t);
	if (!m || m.index !== 0) throw new Error('no frontmatter');
	return { data: (parse(m[1], { logLevel: 'error' }) as Record<string, unknown> | null) ?? {}, body: t.slice(m[0].length) };
}

/** Asserts `after` is `before` with exactly `inserted` put in at one place. */
function expectInsertion(before: string, after: string, inserted: string): void {
	expect(after.length).toBe(before.length + inserted.length);
	let i = 0;
	while (i < before.length && before[i] === after[i]) i++;
	// The insertion may be ambiguous by a few characters (e.g. repeated text): try every place near i.
	for (let at = Math.max(0, i - inserted.length); at <= i; at++) {
		if (before.slice(0, at) + inserted + before.slice(at) === after) return;
	}
	expect(after).toBe(`${before.slice(0, i)}${inserted}${before.slice(i)}`);
}

describe('appendFollowUp: block sequences', () => {
	it('adds one line after the last item and changes nothing else', () => {
		const before = [
			'---',
			'type: interview   # set by my template',
			"company: '[[Acme Finance]]'",
			'role: Secretary',
			'interview_date: 2026-11-16T10:00',
			'follow_ups:',
			'  - "2026-11-17 thank-you: Jane Doe" # sent from my phone',
			'  - "2026-11-18 reference-alert: Ann Smith"',
			'# the next round is not booked yet',
			'status: interviewing',
			'---',
			'## Topics',
			'- Jane Doe: marathons',
			'',
		].join('\n');
		const r = ok(before);
		expect(r.how).toBe('appended');
		expect(r.key).toBe('follow_ups');
		expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		expect(r.text.indexOf(`  - "${ENTRY}"\n# the next round`)).toBeGreaterThan(0);
		expect(split(r.text).data.follow_ups).toEqual(['2026-11-17 thank-you: Jane Doe', '2026-11-18 reference-alert: Ann Smith', ENTRY]);
	});

	it('keeps the indentation the list already has (none, four spaces)', () => {
		const zero = '---\nfollow_ups:\n- "2026-11-17 contact"\nx: 1\n---\n';
		expectInsertion(zero, ok(zero).text, `- "${ENTRY}"\n`);
		const four = '---\nfollow_ups:\n    - "2026-11-17 contact"\nx: 1\n---\n';
		expectInsertion(four, ok(four).text, `    - "${ENTRY}"\n`);
	});

	it("quotes like the list's last item: single quotes stay single, plain entries stay plain where YAML allows", () => {
		const single = "---\nfollow_ups:\n  - '2026-11-17 contact: O''Brien'\n---\n";
		expectInsertion(single, ok(single, "2026-11-21 contact: Sinéad O'Brien").text, "  - '2026-11-21 contact: Sinéad O''Brien'\n");
		const plain = '---\nfollow_ups:\n  - 2026-11-17 contact\n---\n';
		expectInsertion(plain, ok(plain, '2026-11-21 status-check').text, '  - 2026-11-21 status-check\n');
		// `a: b` would be a map as a plain scalar: it gets double quotes instead.
		expectInsertion(plain, ok(plain).text, `  - "${ENTRY}"\n`);
	});

	it('escapes what double quotes need', () => {
		const before = '---\nfollow_ups:\n  - "x"\n---\n';
		const entry = '2026-11-21 contact: Jane "JD" Doe — said \\ hello';
		const r = ok(before, entry);
		expect(split(r.text).data.follow_ups).toEqual(['x', entry]);
	});

	it('appends after an item with a trailing comment and after object-form entries', () => {
		const before = '---\nfollow_ups:\n  - date: 2026-11-17\n    kind: thank-you\n    person: Jane Doe # by email\nnext: 2\n---\nbody';
		const r = ok(before);
		expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		expect(split(r.text).data.follow_ups).toEqual([{ date: '2026-11-17', kind: 'thank-you', person: 'Jane Doe' }, ENTRY]);
	});

	it('works when the list is the last key and when the body is empty or missing its final newline', () => {
		for (const before of ['---\nfollow_ups:\n  - "a"\n---\n', '---\nfollow_ups:\n  - "a"\n---', '---\nfollow_ups:\n  - "a"\n---\nno newline at end']) {
			const r = ok(before);
			expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		}
	});
});

describe('appendFollowUp: flow sequences', () => {
	it('inserts before the closing bracket, keeping spacing and quoting', () => {
		const before = '---\nfollow_ups: [ "2026-11-17 contact" ]   # flow\nx: 1\n---\n';
		const r = ok(before);
		expectInsertion(before, r.text, `, "${ENTRY}"`);
		expect(split(r.text).data.follow_ups).toEqual(['2026-11-17 contact', ENTRY]);
	});

	it('fills an empty flow list and respects a trailing comma', () => {
		const empty = '---\nfollow_ups: []\n---\n';
		expectInsertion(empty, ok(empty).text, `"${ENTRY}"`);
		const comma = "---\nfollow_ups: ['a', 'b',]\n---\n";
		const r = ok(comma);
		expectInsertion(comma, r.text, ` '${ENTRY}'`);
		expect(split(r.text).data.follow_ups).toEqual(['a', 'b', ENTRY]);
	});

	it('handles a flow list spread over several lines', () => {
		const before = '---\nfollow_ups: [\n  "a",\n  "b"\n]\nx: 1\n---\n';
		const r = ok(before);
		expect(split(r.text).data).toEqual({ follow_ups: ['a', 'b', ENTRY], x: 1 });
		expectInsertion(before, r.text, `, "${ENTRY}"`);
	});
});

describe('appendFollowUp: empty, null and single values', () => {
	it('turns an empty `follow_ups:` into a list of one', () => {
		const before = '---\ncompany: Acme\nfollow_ups:\nrole: Clerk\n---\nbody\n';
		const r = ok(before);
		expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		expect(split(r.text).data).toEqual({ company: 'Acme', follow_ups: [ENTRY], role: 'Clerk' });
	});

	it('replaces an explicit null but keeps the comment on the key line', () => {
		const before = '---\nfollow_ups: ~ # nothing yet\nrole: Clerk\n---\n';
		const r = ok(before);
		expect(r.text).toBe(`---\nfollow_ups:  # nothing yet\n  - "${ENTRY}"\nrole: Clerk\n---\n`);
		const nul = '---\nfollow_ups: null\n---\n';
		expect(ok(nul).text).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n---\n`);
	});

	it('makes a single scalar the first item, byte for byte, with its comment kept', () => {
		const before = '---\nfollow_ups: "2026-11-17 thank-you: Jane Doe" # only one so far\nrole: Clerk\n---\nbody';
		const r = ok(before);
		expect(r.how).toBe('converted-to-list');
		expect(r.text).toBe(`---\nfollow_ups: # only one so far\n  - "2026-11-17 thank-you: Jane Doe"\n  - "${ENTRY}"\nrole: Clerk\n---\nbody`);
		const plain = "---\nfollow_ups: '2026-11-17 contact'\n---\n";
		expect(ok(plain).text).toBe(`---\nfollow_ups:\n  - '2026-11-17 contact'\n  - '${ENTRY}'\n---\n`);
	});

	it('makes a one-line object entry the first item', () => {
		const before = '---\nfollow_ups: {date: 2026-11-17, kind: contact}\n---\n';
		const r = ok(before);
		expect(r.text).toBe(`---\nfollow_ups:\n  - {date: 2026-11-17, kind: contact}\n  - "${ENTRY}"\n---\n`);
	});

	it('converts a multi-line value only when nothing else can change', () => {
		const literal = '---\nlog: |\n  called Jane\n  left a message\nx: 1\n---\n';
		const r = ok(literal);
		expect(split(r.text).data).toEqual({ log: ['called Jane\nleft a message\n', ENTRY], x: 1 });
		expect(r.text.endsWith('x: 1\n---\n')).toBe(true);
		// A layout that would not stringify back unchanged is refused rather than reformatted.
		const messy = '---\nlog: |\n  called Jane\nx:    [ 1,2 ]\n---\n';
		expect(err(messy)).toMatch(/by hand/);
	});
});

describe('appendFollowUp: which key', () => {
	it('appends to an alias when the note uses one', () => {
		for (const key of ['followups', 'log', 'Follow ups', 'Follow-Ups', 'FOLLOW_UPS']) {
			const before = `---\n${key}:\n  - "2026-11-17 contact"\n---\n`;
			const r = ok(before);
			expect(r.key).toBe(key);
			expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		}
	});

	it('prefers follow_ups over its aliases, whatever the order in the note', () => {
		const before = '---\nlog:\n  - "a"\nfollowups:\n  - "b"\nfollow-ups:\n  - "c"\n---\n';
		const r = ok(before);
		expect(r.key).toBe('follow-ups');
		expect(split(r.text).data).toEqual({ log: ['a'], followups: ['b'], 'follow-ups': ['c', ENTRY] });
		const two = '---\nlog:\n  - "a"\nfollowups: []\n---\n';
		expect(ok(two).key).toBe('followups');
	});

	it('matches keys the way the note reader does (case, `_`, `-` and spaces alike)', () => {
		const before = '---\nFollow - Ups: []\nfollow ups note: x\n---\n';
		const r = ok(before);
		expect(r.key).toBe('Follow - Ups');
		expect(split(r.text).data).toEqual({ 'Follow - Ups': [ENTRY], 'follow ups note': 'x' });
	});

	it('adds the key at the end of the frontmatter when there is none', () => {
		const before = '---\ncompany: Acme # the employer\ntags:\n  - interview\n---\n# Acme\n';
		const r = ok(before);
		expect(r.how).toBe('created-key');
		expect(r.text).toBe(`---\ncompany: Acme # the employer\ntags:\n  - interview\nfollow_ups:\n  - "${ENTRY}"\n---\n# Acme\n`);
		// Following the note's own list indentation.
		const flat = '---\ntags:\n- interview\n---\n';
		expect(ok(flat).text).toBe(`---\ntags:\n- interview\nfollow_ups:\n- "${ENTRY}"\n---\n`);
	});
});

describe('appendFollowUp: frontmatter fences, line endings, BOM', () => {
	it('adds a frontmatter to a note without one, leaving the body as it was', () => {
		const before = '# Acme\n\nSome notes.\n';
		expect(ok(before).text).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n---\n${before}`);
		expect(ok('').text).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n---\n`);
		// A thematic break at the top with no closing fence is body, not frontmatter.
		const rule = '---\nJust a rule above.\n';
		expect(ok(rule).text).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n---\n${rule}`);
	});

	it('fills an empty frontmatter', () => {
		expect(ok('---\n---\nbody').text).toBe(`---\nfollow_ups:\n  - "${ENTRY}"\n---\nbody`);
	});

	it('keeps CRLF notes CRLF throughout', () => {
		const before = '---\r\ncompany: Acme\r\nfollow_ups:\r\n  - "a"\r\n---\r\nbody line\r\nsecond\r\n';
		const r = ok(before);
		expectInsertion(before, r.text, `  - "${ENTRY}"\r\n`);
		expect(r.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
		const none = 'body\r\nmore\r\n';
		expect(ok(none).text).toBe(`---\r\nfollow_ups:\r\n  - "${ENTRY}"\r\n---\r\n${none}`);
		const nul = '---\r\nfollow_ups:\r\nx: 1\r\n---\r\n';
		expect(ok(nul).text).toBe(`---\r\nfollow_ups:\r\n  - "${ENTRY}"\r\nx: 1\r\n---\r\n`);
		const scalar = '---\r\nfollow_ups: "a"\r\n---\r\n';
		expect(ok(scalar).text).toBe(`---\r\nfollow_ups:\r\n  - "a"\r\n  - "${ENTRY}"\r\n---\r\n`);
		const missing = '---\r\nx: 1\r\n---\r\n';
		expect(ok(missing).text).toBe(`---\r\nx: 1\r\nfollow_ups:\r\n  - "${ENTRY}"\r\n---\r\n`);
	});

	it('keeps a byte order mark in front', () => {
		const before = '\uFEFF---\nfollow_ups:\n  - "a"\n---\nbody';
		const r = ok(before);
		expect(r.text.startsWith('\uFEFF---\n')).toBe(true);
		expectInsertion(before, r.text, `  - "${ENTRY}"\n`);
		expect(ok('\uFEFFbody').text).toBe(`\uFEFF---\nfollow_ups:\n  - "${ENTRY}"\n---\nbody`);
	});
});

describe('appendFollowUp: refusals', () => {
	it('refuses invalid YAML, naming the line of the file', () => {
		const e = err('---\ncompany: Acme\nroles: [a, b\n---\nbody');
		expect(e).toMatch(/not valid YAML/);
		expect(e).toMatch(/line \d+/);
		expect(e).toMatch(/fix it/);
		expect(err('---\na: 1\na: 2\n---\n')).toMatch(/line 3: Map keys must be unique/);
	});

	it('refuses a frontmatter that is not a map', () => {
		expect(err('---\n- a\n- b\n---\n')).toMatch(/key: value/);
		expect(err('---\njust a sentence\n---\n')).toMatch(/key: value/);
	});

	it('refuses an empty or multi-line entry', () => {
		expect(err('---\nx: 1\n---\n', '')).toMatch(/one non-empty line/);
		expect(err('---\nx: 1\n---\n', 'a\nb')).toMatch(/one non-empty line/);
	});
});

// Property: for any frontmatter built from the shapes notes use, the append
// changes the list and nothing else; the body is untouched.
const scalarText = fc.oneof(
	fc.constantFrom('Acme', 'Acme Finance', '2026-11-16', '2026-11-16T10:00', '42', 'true', '', 'null', 'a: b', '[[Jane Doe]]', "O'Brien", 'x # y', 'ünïcödé'),
	// Printable text only: YAML has no way to write control characters in a plain or single-quoted scalar.
	fc.string({ maxLength: 12 }).filter((s) => [...s].every((ch) => ch >= ' ' && ch !== '\u007f' && ch !== '\ufeff' && !(ch >= '\u0080' && ch <= '\u009f'))),
);
const styled = fc.tuple(scalarText, fc.constantFrom<'double' | 'single' | 'plain'>('double', 'single', 'plain')).map(([s, style]) => {
	if (style === 'double') return JSON.stringify(s);
	if (style === 'single') return `'${s.replace(/'/g, "''")}'`;
	// Plain only where it reads back as the same string.
	const q = JSON.stringify(s);
	try {
		return parse(`k: ${s}`, { logLevel: 'error' }) && (parse(`k: ${s}`, { logLevel: 'error' }) as { k: unknown }).k === s ? s : q;
	} catch {
		return q;
	}
});
const comment = fc.option(fc.constantFrom(' # note', '   # another: comment', ' #'), { nil: '' });
const keyName = fc.constantFrom('company', 'role', 'interview_date', 'tags', 'status', 'contact', 'x', 'Some Key', 'aliases');
const otherEntry = fc.oneof(
	fc.tuple(keyName, styled, comment).map(([k, v, c]) => `${k}: ${v}${c}`),
	fc.tuple(keyName, fc.array(styled, { minLength: 1, maxLength: 3 }), fc.constantFrom('  ', '', '    ')).map(([k, vs, ind]) => `${k}:\n${vs.map((v) => `${ind}- ${v}`).join('\n')}`),
	fc.tuple(keyName, fc.array(styled, { maxLength: 3 })).map(([k, vs]) => `${k}: [${vs.join(', ')}]`),
	fc.constantFrom('# a comment line', ''),
);
const followUps = fc.oneof(
	fc.constant(null),
	fc.tuple(fc.constantFrom('follow_ups', 'followups', 'log', 'Follow ups'), fc.array(styled, { maxLength: 3 }), fc.constantFrom('block', 'flow', 'empty', 'scalar')).map(
		([k, vs, shape]) => {
			if (shape === 'empty') return `${k}:`;
			if (shape === 'scalar') return `${k}: ${vs[0] ?? '"2026-11-17 contact"'}`;
			if (shape === 'flow') return `${k}: [${vs.join(', ')}]`;
			return vs.length === 0 ? `${k}: []` : `${k}:\n${vs.map((v) => `  - ${v}`).join('\n')}`;
		},
	),
);

describe('appendFollowUp: properties', () => {
	it('changes only the follow-up list, for generated notes', () => {
		fc.assert(
			fc.property(
				fc.array(otherEntry, { maxLength: 6 }),
				followUps,
				fc.nat(6),
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				fc.string({ maxLength: 40 }),
				(others, fu, at, eol, bom, body) => {
					const lines = [...others];
					if (fu !== null) lines.splice(Math.min(at, lines.length), 0, fu);
					const yamlText = lines.join('\n');
					let data: unknown;
					try {
						data = parse(yamlText, { uniqueKeys: true, logLevel: 'error' });
					} catch {
						return; // duplicate keys or the like: not a valid note to start from
					}
					if (data !== null && (typeof data !== 'object' || Array.isArray(data))) return;
					const before = `${bom ? '\uFEFF' : ''}---\n${yamlText}${yamlText ? '\n' : ''}---\n${body}`.replace(/\n/g, eol);
					const r = appendFollowUp(before, ENTRY);
					if ('error' in r) {
						// Only refused when it cannot be done without reformatting.
						expect(r.error).toMatch(/by hand/);
						return;
					}
					const old = split(before);
					const now = split(r.text);
					expect(now.body).toBe(old.body);
					expect(r.text.startsWith('\uFEFF')).toBe(bom);
					if (eol === '\r\n') expect(r.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
					const key = r.key;
					const prev = old.data[key];
					const want = prev === null || prev === undefined ? [ENTRY] : Array.isArray(prev) ? [...(prev as unknown[]), ENTRY] : [prev, ENTRY];
					expect(now.data[key]).toEqual(want);
					const rest = (d: Record<string, unknown>) => Object.entries(d).filter(([k]) => k !== key);
					expect(rest(now.data)).toEqual(rest(old.data));
					// Every original line but the key's own is still there, in order.
					const oldLines = before.split(eol).filter((l) => !l.replace(/^\uFEFF/, '').startsWith(`${key}:`));
					const newLines = r.text.split(eol);
					let j = 0;
					for (const line of newLines) if (j < oldLines.length && line === oldLines[j]) j++;
					expect(j).toBe(oldLines.length);
				},
			),
			{ numRuns: 400 },
		);
	});
});

// Real notes (../shared/corpora, read-only: only their texts are used): after the
// append, Obsidian's view of the note (readFrontmatter) is the same but for the list,
// the body is the same string, `yaml` and js-yaml (core schema) both read the
// properties as before plus the entry, and taking the entry out again gives back
// the note byte for byte.
describe.skipIf(!corporaPresent)('appendFollowUp and removeFromList on real notes', () => {
	const notes = corporaPresent ? corpusNotes() : [];
	for (const vault of CORPUS_VAULTS) {
		it(`${vault}: changes nothing but the follow-up list, both parsers agree, and the removal gives back every byte`, () => {
			const files = notes.filter((n) => n.vault === vault);
			let appended = 0;
			let refused = 0;
			let restored = 0;
			let emptyBlock = 0;
			const problems: string[] = [];
			for (const { path, text } of files) {
				const before = readFrontmatter(path, text);
				const r = appendFollowUp(text, ENTRY);
				if ('error' in r) {
					// Refused only where Obsidian itself sees no usable properties, or where the edit would reformat.
					const obsidianBroken = before.data === null && before.fenced;
					expect(obsidianBroken || /by hand|key: value/.test(r.error), `${path}: ${r.error}`).toBe(true);
					refused++;
					continue;
				}
				const after = readFrontmatter(path, r.text);
				expect(after.body, path).toBe(before.fenced ? before.body : text.replace(/^\uFEFF/, ''));
				const old = before.data ?? {};
				const prev = old[r.key];
				const want = prev === null || prev === undefined ? [ENTRY] : Array.isArray(prev) ? [...(prev as unknown[]), ENTRY] : [prev, ENTRY];
				expect(after.data?.[r.key], path).toEqual(want);
				const rest = (d: Record<string, unknown> | null) => Object.entries(d ?? {}).filter(([k]) => k !== r.key);
				expect(rest(after.data), path).toEqual(rest(old));
				for (const p of listAddedProblems(text, r.text, r.key, ENTRY)) problems.push(`${path}: ${p}`);
				appended++;
				// Every append the corpus calls for is a block list item (a new key, or an existing block list), which comes out again.
				const back = removeFromList(r.text, 'follow_ups', ENTRY);
				if ('error' in back) problems.push(`${path}: the entry cannot be taken out again (${r.how}): ${back.error}`);
				else if (r.how === 'created-frontmatter') {
					// A note without properties keeps the empty block the append made (Obsidian reads `---\n---` as none):
					// the removal cannot tell it from an empty block the user wrote.
					if (back.text.replace(/^(\uFEFF?)---(\r?\n)---\r?\n/, '$1') !== text) problems.push(`${path}: taking the entry out does not give back the note under an empty block`);
					else emptyBlock++;
				} else if (back.text !== text) problems.push(`${path}: taking the entry out does not give back the note`);
				else restored++;
			}
			expect(problems).toEqual([]);
			process.stderr.write(`corpus round trip (core), ${vault}: ${files.length} notes, ${appended} appended and read alike by yaml and js-yaml, ${restored} restored byte for byte, ${emptyBlock} without properties restored under an empty block, ${refused} refused\n`);
			expect(appended).toBeGreaterThan(0);
			expect(refused).toBeLessThan(files.length / 10);
		}, 120000);
	}
});
