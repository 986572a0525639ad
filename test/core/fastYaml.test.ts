/**
 * The fast frontmatter reader (src/core/frontmatter/fastYaml.ts) against
 * `yaml`: wherever it accepts a text, the whole frontmatter result (data, key
 * lines, diagnostics, body) equals the one read by `yaml` alone; generated
 * texts in and around its subset, the real vaults of ../shared/corpora, and
 * the notes of the benchmark vault.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readFrontmatter, readFrontmatterByYaml } from '../../src/core/frontmatter';
import { readSimpleYaml } from '../../src/core/frontmatter/fastYaml';
import { scanFence } from '../../src/core/frontmatter/fence';
import { generateVaultFiles } from '../../bench/generateVault';

const NOTE = 'Interviews/Acme.md';

/** The YAML text the reader is handed for a note (as src/core/frontmatter.ts slices it), or null. */
function yamlText(text: string): string | null {
	const s = scanFence(text);
	if (s.kind !== 'fenced') return null;
	const src = text.slice(s.bom + 3, s.closeStart - 1);
	return src.endsWith('\r') ? src.slice(0, -1) : src;
}

/**
 * Strict deep equality (prototypes, -0, NaN). Node's, because vitest's
 * toStrictEqual also compares `constructor` properties, and `constructor` is
 * a key a note may have; on a difference vitest shows it.
 */
function expectSame(actual: unknown, expected: unknown): void {
	if (!isDeepStrictEqual(actual, expected)) expect(actual).toStrictEqual(expected);
}

/** Checks one note: the reader with the fast path equals the reader without it; returns whether the fast path accepted. */
function agrees(text: string): boolean {
	const src = yamlText(text);
	const fast = src === null ? null : readSimpleYaml(src);
	const byYaml = readFrontmatterByYaml(NOTE, text);
	expectSame(readFrontmatter(NOTE, text), byYaml);
	if (fast !== null && src !== null) {
		// Where the fast reader accepts, yaml reads the same value without any finding.
		const doc = parseDocument(src, { schema: 'core', uniqueKeys: true, logLevel: 'error' });
		expect(doc.errors).toEqual([]);
		expect(doc.warnings).toEqual([]);
		expectSame(fast.value, doc.toJS());
		expectSame(byYaml.data, fast.value);
		expectSame(byYaml.keyLines, fast.keyLines);
		expect(byYaml.diagnostics.filter((d) => d.message.includes('byte-order mark') === false)).toEqual([]);
	}
	return fast !== null;
}

describe('readSimpleYaml: the subset it reads', () => {
	it('reads flat keys, quoted and plain scalars, flow and block lists, with their lines', () => {
		const r = readSimpleYaml('\ntype: interview\ncompany: "[[Acme]]"\nrole: \'Chief \'\'Fun\'\' Officer\'\ntags: [a, "b c", 3]\ninterviewers:\n  - Jane Doe\n  -\n  - "[[John]]"\nempty:\n# comment\nn: ~\n');
		expect(r).toStrictEqual({
			value: {
				type: 'interview',
				company: '[[Acme]]',
				role: "Chief 'Fun' Officer",
				tags: ['a', 'b c', 3],
				interviewers: ['Jane Doe', null, '[[John]]'],
				empty: null,
				n: null,
			},
			keyLines: { type: 2, company: 3, role: 4, tags: 5, interviewers: 6, empty: 10, n: 12 },
		});
	});

	it('reads one-line flow maps, alone and in lists, as people type contacts', () => {
		const r = readSimpleYaml('\ncontact: {name: Jane Doe, email: jane@acme.com}\ninterviewers: ["[[Yuki]]", {name: Maria Berg, title: CTO}, { name: \'Ann\' }]\nrefs:\n  - {name: Bob, phone: "+1 555"}\nnone: {}\n');
		expect(r).toStrictEqual({
			value: {
				contact: { name: 'Jane Doe', email: 'jane@acme.com' },
				interviewers: ['[[Yuki]]', { name: 'Maria Berg', title: 'CTO' }, { name: 'Ann' }],
				refs: [{ name: 'Bob', phone: '+1 555' }],
				none: {},
			},
			keyLines: { contact: 2, interviewers: 3, refs: 4, none: 6 },
		});
	});

	it('types plain scalars by the core schema; dates stay strings', () => {
		const r = readSimpleYaml('\na: true\nb: FALSE\nc: 0o17\nd: 0x1F\ne: -12\nf: 1.50\ng: 1e3\nh: -.inf\ni: .NaN\nj: 2026-11-16\nk: yes\nl: Null\nm: tRue\n');
		expect(r?.value).toStrictEqual({ a: true, b: false, c: 15, d: 31, e: -12, f: 1.5, g: 1000, h: -Infinity, i: NaN, j: '2026-11-16', k: 'yes', l: null, m: 'tRue' });
	});

	it.each([
		['a nested map', '\na:\n  b: 1\n'],
		['a block scalar', '\na: |\n  text\n'],
		['a folded scalar', '\na: >\n  text\n'],
		['a multi-line plain scalar', '\na: one\n  two\n'],
		['an anchor', '\na: &x 1\n'],
		['an alias', '\na: *x\n'],
		['a tag', '\na: !str 1\n'],
		['an unquoted link', '\na: [[Acme]]\n'],
		['an unquoted link in a list', '\na:\n  - [[Acme]]\n'],
		['a value with ": "', '\na: b: c\n'],
		['a comment after a value', '\na: b # c\n'],
		['a tab', '\na:\tb\n'],
		['an escape in double quotes', '\na: "b\\n"\n'],
		['a quoted key', '\n"a": b\n'],
		['a number as key', '\n1: b\n'],
		['a repeated key', '\na: 1\na: 2\n'],
		['a leading zero', '\nphone: 0612345678\n'],
		['a phone number with +', '\nphone: +31612345678\n'],
		['too many digits', '\nid: 12345678901234567890\n'],
		['a trailing comma', '\na: [b,]\n'],
		['a map in a map', '\na: {b: {c: d}}\n'],
		['a list in a map', '\na: {b: [c]}\n'],
		['an empty value in a map', '\na: {b: , c: d}\n'],
		['a key without a value in a map', '\na: {b}\n'],
		['a repeated key in a map', '\na: {b: 1, b: 2}\n'],
		['a multi-line flow map', '\na: {b: c,\n  d: e}\n'],
		['a multi-line flow list', '\na: [b,\n  c]\n'],
		['`__proto__`', '\n__proto__: 1\n'],
		['a list at the top', '\n- a\n'],
		['an indented key', '\n  a: 1\n'],
		['a document marker', '\na: 1\n...\n'],
		['only comments', '\n# a\n'],
		['a line separator', '\na: b\u2028c\n'],
		['a lone surrogate', '\na: b\ud800\n'],
	])('declines %s', (_what, src) => {
		expect(readSimpleYaml(src)).toBeNull();
	});

	it('reads CRLF line breaks', () => {
		expect(readSimpleYaml('\r\na: 1\r\nb:\r\n  - x\r\n')).toStrictEqual({ value: { a: 1, b: ['x'] }, keyLines: { a: 2, b: 3 } });
	});

	it.each(['properties', 'typed', 'mixed'] as const)('accepts every note of the benchmark vault, %s style (the common shapes)', (style) => {
		const files = generateVaultFiles({ notes: 300, style });
		for (const f of files) {
			const src = yamlText(f.text);
			expect(src).not.toBeNull();
			expect(readSimpleYaml(src ?? '')).not.toBeNull();
		}
	});
});

// --- generated frontmatter in and around the subset -------------------------

const KEYS = [
	'company', 'Interview date', 'interview_date', 'follow-ups', 'a b', 'a  b ', 'C#', 'a#b', 'x.y', 'ké', '日本', 'a/b', 'a(b)',
	"it's", 'say "x"', 'a&b', 'a*b', 'a!b', 'a|b', 'a>b', 'a%b', 'a@b', 'a`b', 'a?b', 'a-', 'a:b', 'a, b', 'a[b]', 'a{b}',
	'-x', '-1', '-.x', '.x', '..', '...', '~', 'true', 'True', 'null', 'NULL', '1', '01', '1.5', '0x1', '.inf', 'y', 'no', 'on',
	'__proto__', 'constructor', 'toString', '<<', '<a', '=', 'a\u00a0', '\u00a0a', 'a\u3000', 'a\u2003b', '?x', '? x', ': x', '- x',
	'"a"', "'a'", '[a]', '{a}', '&a', '*a', '!a', '%a', '@a', '`a', '#a', '|a', '>a',
];

const SCALARS = [
	'Acme', 'Acme Finance', 'Secretary', 'a b  c', 'x', '2026-11-16', '2026-11-16T10:00', '2026-11-16 10:00', '10:30', '1:30:00',
	'0', '-0', '+0', '7', '-7', '+7', '+1234567', '007', '0612345678', '+31612345678', '12345678901234567', '9007199254740991',
	'9007199254740993', '1_000', '0o17', '0o8', '0O17', '0x1F', '0X1F', '0xg', '-0x1', '1e3', '1E+3', '1e-3', '-1.5e3', '.5', '5.',
	'-.5', '1.0', '1.50', '.', '-.', '+.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '.Nan', 'inf', 'nan', '~', 'null', 'Null',
	'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRue', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n',
	'a:b', 'a: b', 'a:', 'http://x.example/a?b=c#d', 'a#b', 'a #b', 'a # b', "it's", 'say "hi"', 'a, b', 'a [b]', 'a]', 'a}', 'a{',
	'[[Acme]]', '[[Jane Doe]], [[John]]', '[a, b]', '[a,b]', '[ a , b ]', '[]', '[ ]', '[a,]', '[a, , b]', '[a, [b]]', '[a: b]',
	'["a", \'b\']', '["a, b"]', '[a b, c]', '[-a]', '[- a]', '[a #b]', '[1, true, ~, .5]', '[0612]', '[a', '{a: 1}', '{}',
	'{name: Jane Doe, title: CTO, email: jane.doe@x.example}', '{ a: b }', '{a:b}', '{a: }', '{a}', '{a: b, a: c}', '{"a": b}', '{a: [b]}',
	'{a: {b: c}}', '{a: b,}', '{a: "x, y"}', "{a: 'q''r'}", '{1: a}', '{true: a}', '{a b: c}', '{a : b}', '{a: b # c}', '{a: b}c', '{a: b',
	'[{a: b}, c]', '[{a: b}, {c: d}]', '[{a: b}: c]', '[{}]', '{a: -1, b: .5, c: ~}', '{__proto__: x}', '{<<: x}', '{a: b}}', '{a: x:y}',
	'"quoted"', '"a: b"', '"[[Acme]]"', '"a \'b\'"', '""', '"a" b', '"a" #c', '"a"#c', '"a\\"b"', '"a\\\\b"', '"a\\nb"', '"open',
	"'single'", "'a''b'", "''", "'a'b'", "'a' #c", "'open", "''''",
	'|', '|-', '>', '>-', '&a x', '*a', '!x y', '!!str 1', '@x', '`x`', '%x', '- x', '-', '-x', '--x', '---', '?x', '? x', ': x', ':x',
	'...', '....', '=', '<<', '<x>', 'a <b@c.d>', 'x\u00a0', '\u00a0x', 'a\u3000b', 'é', 'naïve', '日本語', '😀 ok', 'a\tb', '\tx',
	'x\u0085y', 'x\u2028y', '\ufeffx', 'x\u007fy', 'a\\b', 'C:\\Users',
];

const arbKey = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...KEYS) }, { weight: 12, arbitrary: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 _-]{0,12}$/) });
const arbPlainish = fc
	.array(fc.constantFrom('a', 'b', ' ', ':', '#', '"', "'", ',', '[', ']', '-', '0', '1', '.', 'e', 'x', '+', '~', '\u00a0', '\\', 'é', '!', '&'), {
		minLength: 1,
		maxLength: 8,
	})
	.map((parts) => parts.join(''));
/** Ordinary values: words, numbers, dates, quoted texts, links in quotes. */
const arbOrdinary = fc.oneof(
	fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,()'/<>@-]{0,20}$/),
	fc.integer().map(String),
	fc.double({ noDefaultInfinity: true, noNaN: true }).map(String),
	fc
		.tuple(fc.date({ noInvalidDate: true, min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2999, 0, 1)) }), fc.constantFrom(10, 16, 19))
		.map(([d, n]) => d.toISOString().slice(0, n)),
	fc.stringMatching(/^[A-Za-z0-9 :#,[\]-]{0,16}$/).map((x) => `"${x}"`),
	fc.stringMatching(/^[A-Za-z ]{1,12}$/).map((x) => `"[[${x}]]"`),
);
/** Flow maps as people type contacts: `{name: Jane Doe, email: jane@acme.com}`, now and then with a tricky key or value. */
const arbFlowMap = fc
	.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('name', 'title', 'email', 'phone') }, { weight: 1, arbitrary: arbKey }), fc.oneof({ weight: 6, arbitrary: arbOrdinary }, { weight: 1, arbitrary: arbPlainish })), { minLength: 0, maxLength: 3 })
	.chain((pairs) => fc.constantFrom(', ', ',', ' , ').map((sep) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(sep)}}`));
const arbScalar = fc.oneof(
	{ weight: 16, arbitrary: arbOrdinary },
	{ weight: 3, arbitrary: fc.constantFrom(...SCALARS) },
	{ weight: 1, arbitrary: arbPlainish },
	{ weight: 2, arbitrary: arbFlowMap },
	{ weight: 1, arbitrary: fc.array(arbFlowMap, { minLength: 1, maxLength: 2 }).map((maps) => `[${maps.join(', ')}]`) },
);
const arbIndent = fc.constantFrom('', ' ', '  ', '    ');

/** One or more lines of a frontmatter block. */
const arbEntry: fc.Arbitrary<readonly string[]> = fc.oneof(
	{ weight: 12, arbitrary: fc.tuple(arbKey, fc.oneof({ weight: 12, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':  ', ' : ', ':', ':\t') }), arbScalar).map(([k, s, v]) => [`${k}${s}${v}`]) },
	{
		weight: 6,
		arbitrary: fc
			.tuple(arbKey, fc.constantFrom(':', ':', ':', ': ', ':  '), arbIndent, fc.array(fc.tuple(fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 0, 1), fc.option(arbScalar, { freq: 6 })), { minLength: 0, maxLength: 4 }))
			.map(([k, colon, indent, items]) => [
				`${k}${colon}`,
				...items.map(([shift, v]) => `${shift === 1 ? ' ' : ''}${indent}-${v === null ? '' : ` ${v}`}`),
			]),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			[''], ['# a comment'], ['  # indented comment'], ['   '], ['  continued'], ['---'], ['...'], ['- stray'], ['nested:', '  a: 1'],
			['block: |', '  line one', '  line two'], ['anchor: &a 1', 'alias: *a'], ['? complex', ': value'], ['\tindented: tab'],
		),
	},
);

const arbBlock = fc.tuple(fc.array(arbEntry, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n', '\r\n'), fc.constantFrom('', ' ', '\t')).map(
	([entries, nl, openBlank]) => `---${openBlank}${nl}${entries.flat().join(nl)}${nl}---${nl}body${nl}`,
);

describe('readSimpleYaml gives what yaml gives, wherever it accepts', () => {
	it('on generated frontmatter in and around the subset', () => {
		let accepted = 0;
		let total = 0;
		fc.assert(
			fc.property(arbBlock, (text) => {
				total++;
				if (agrees(text)) accepted++;
			}),
			{ numRuns: 4000 },
		);
		// The generator reaches both sides of the line.
		expect(accepted).toBeGreaterThan(total * 0.15);
		expect(accepted).toBeLessThan(total * 0.85);
	});

	it('on lines around each tricky scalar, one at a time', () => {
		for (const v of SCALARS) {
			for (const text of [
				`---\nk: ${v}\n---\n`,
				`---\nk:   ${v}   \n---\n`,
				`---\nk:\n  - ${v}\n---\n`,
				`---\nk:\n-    ${v}  \nj: 1\n---\n`,
				`---\r\nk: ${v}\r\nj:\r\n  - ${v}\r\n---\r\n`,
				`---\nk: [${v}]\n---\n`,
				`---\nk: [x, ${v}]\n---\n`,
				`---\nk: [ ${v} , x ]\n---\n`,
				`---\nk: {a: ${v}}\n---\n`,
				`---\nk: [{a: ${v}, b: x}, ${v}]\n---\n`,
				`---\nk:\n  - {name: ${v}}\n---\n`,
			]) {
				agrees(text);
			}
		}
		for (const k of KEYS) agrees(`---\n${k}: v\nother: w\n---\n`);
	});
});

// --- the real vaults ---------------------------------------------------------

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = join(REPO_ROOT, '..', 'shared', 'corpora');
const present = existsSync(CORPORA);
if (!present) console.warn('Skipping the corpora part of fastYaml.test.ts: ../shared/corpora (relative to the repo root) is absent.');

function markdownFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) markdownFiles(full, out);
		else if (entry.name.endsWith('.md')) out.push(full);
	}
	return out;
}

describe.skipIf(!present)('readSimpleYaml on ../shared/corpora (skipped when absent)', () => {
	it('every note of every vault reads the same with and without the fast path', () => {
		let fenced = 0;
		let accepted = 0;
		for (const file of markdownFiles(CORPORA)) {
			const text = readFileSync(file, 'utf8');
			const path = relative(CORPORA, file).split(sep).join('/');
			expectSame(readFrontmatter(path, text), readFrontmatterByYaml(path, text));
			if (yamlText(text) !== null) {
				fenced++;
				if (agrees(text)) accepted++;
			}
		}
		// Most real frontmatter is in the subset.
		expect(fenced).toBeGreaterThan(100);
		expect(accepted).toBeGreaterThan(fenced / 2);
	});

	it('every recording reads the same with and without the fast path', () => {
		const dir = join(CORPORA, 'obsidian-recordings');
		const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
		expect(names).toHaveLength(89);
		for (const name of names) {
			const rec = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { filePath: string; fileContents: string };
			expectSame(readFrontmatter(rec.filePath, rec.fileContents), readFrontmatterByYaml(rec.filePath, rec.fileContents));
		}
	});
});
