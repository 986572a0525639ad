/**
 * Reading only what is needed (note.ts, `DeferredScan`): a note whose raw
 * frontmatter names neither the interview type or tag nor a topics key, outside
 * the interview folders, is indexed without parsing its YAML, and read when a
 * link resolves to it. Properties:
 *
 * - per note: reading a deferred scan later gives exactly `scanNote`'s scan,
 *   and a deferred note is what the full parse says it is (no interview note,
 *   the same topics, no suspect), so the index links it the same way;
 * - per vault: the index answers as one whose every note was read at once,
 *   on generated vaults (fast-check) and on every corpus vault.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VaultIndex } from '../../src/core/vaultIndex';
import { buildNote, propertiesNeeded, readProperties, scanNote, scanWithoutProperties, type NoteClassifierSettings } from '../../src/core/note';

const C: NoteClassifierSettings = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: ['Interviews'] };
const OTHER: NoteClassifierSettings = { interviewType: 'Meeting', interviewTag: '#job/hunt', interviewFolders: [], excludedFolders: ['Notes'] };

/** Checks one note; returns whether its YAML was skipped. */
function checkNote(path: string, text: string, c: NoteClassifierSettings): boolean {
	const deferred = scanWithoutProperties(text);
	const full = scanNote(path, text);
	if (deferred === null) return false;
	expect(readProperties(path, deferred)).toEqual(full);
	if (propertiesNeeded(path, deferred.head, c)) return false;
	const now = buildNote(path, full, c);
	const later = buildNote(path, deferred.scan, c);
	expect(now.note.isInterview).toBe(false);
	expect(later.note.isInterview).toBe(false);
	expect(later.topics).toEqual(now.topics);
	expect(now.suspect).toBe(false);
	expect(later.suspect).toBe(false);
	return true;
}

/** Everything the index answers; `note(path)` last, since it reads what was deferred. */
function snapshot(vi: VaultIndex): unknown {
	const paths = vi.notePaths();
	return {
		applications: vi.applications(),
		people: vi.people(),
		diagnostics: vi.diagnostics(),
		paths,
		notes: paths.map((p) => vi.note(p)),
	};
}

/** The index of `files`, each note's properties read as soon as it is added. */
function readingEverything(files: ReadonlyArray<readonly [string, string]>, c: NoteClassifierSettings): VaultIndex {
	const vi = new VaultIndex(c);
	for (const [path, text] of files) {
		vi.upsert(path, text);
		vi.note(path);
	}
	return vi;
}

function prefiltered(files: ReadonlyArray<readonly [string, string]>, c: NoteClassifierSettings): VaultIndex {
	const vi = new VaultIndex(c);
	for (const [path, text] of files) vi.upsert(path, text);
	return vi;
}

const PATHS = ['Interviews/a.md', 'b.md', 'Notes/c.md', 'People/Jane Doe.md', 'Jane Doe.md', 'John Roe.md', 'Notes/d.md'];

/** Frontmatter lines: markers of interview notes in many spellings, topics, escapes, person fields, noise. */
const line = fc.oneof(
	fc.constantFrom(
		'type: interview',
		'type: Interview',
		'Type: "interview"',
		'type: "\\x69nterview"',
		'type: [note, interview]',
		'type: meeting',
		'tags: [interview/onsite]',
		'tags: "#Interview"',
		'tags:\n  - job/hunt\n  - x',
		'tag: interview',
		'tags: [project, idea]',
		'tags:\n  - project\n  - meeting',
		'company: "[[Acme]]"',
		'interview_date: 2026-11-16',
		'interviewers: ["[[Jane Doe]]", "John Roe, CTO"]',
		'contact: "[[John Roe]]"',
		'title: VP Engineering',
		'email: jane@acme.com',
		'phone: "+1 555 0100"',
		'topics: ["Jane Doe: marathon"]',
		'Gift ideas: [chess]',
		'gift-ideas:\n  - "John Roe: golf"',
		'"t\\x6fpics": [tea]',
		'created: 2024-01-02',
		'aliases: [x]',
		'a: [unclosed',
		'a: 1\na: 2',
		'x: &a interview\ny: *a',
		'- just a list',
	),
	fc.string({ maxLength: 12 }).map((s) => `note: ${JSON.stringify(s)}`),
);

const body = fc.constantFrom('', '# A note\n', '## Topics\n- knitting\n- Jane Doe: tea\n', '## People\n- Jane Doe\n', 'text with type: interview\n');

const noteText = fc
	.record({ lines: fc.array(line, { maxLength: 5 }), body, open: fc.constantFrom('---\n', '---\r\n', '\uFEFF---\n', '') })
	.map(({ lines, body: b, open }) => (open === '' ? b : `${open}${lines.join('\n')}${lines.length ? '\n' : ''}---\n${b}`));

describe('reading only what is needed', () => {
	it('a deferred note, read later, is the note parsed at once; skipped, it is no interview note and loses no topic', () => {
		let skipped = 0;
		fc.assert(
			fc.property(fc.constantFrom(...PATHS), noteText, fc.constantFrom(C, OTHER), (path, text, c) => {
				if (checkNote(path, text, c)) skipped++;
			}),
			{ numRuns: 1000 },
		);
		// The generator reaches the skipping branch (else this test proves little).
		expect(skipped).toBeGreaterThan(50);
	});

	it('the index equals the index of every note read at once (generated vaults)', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom(...PATHS), noteText), { maxLength: 10 }), fc.constantFrom(C, OTHER), (files, c) => {
				expect(snapshot(prefiltered(files, c))).toEqual(snapshot(readingEverything(files, c)));
			}),
			{ numRuns: 300 },
		);
	});

	it('a person note whose YAML was skipped is read when an interview note links to it, later (as in watch)', () => {
		const vi = new VaultIndex(C);
		vi.upsert('People/Jane Doe.md', '---\ntitle: VP Engineering\nemail: jane@acme.com\n---\n');
		vi.upsert('Interviews/a.md', '---\ncompany: Acme\ninterview_date: 2026-11-16\ninterviewers: ["[[Jane Doe]]"]\n---\n');
		expect(vi.people()).toMatchObject([{ name: 'Jane Doe', title: 'VP Engineering', email: 'jane@acme.com', path: 'People/Jane Doe.md' }]);
		// Renamed into an interview folder, the deferred note is read and becomes an interview note.
		vi.rename('People/Jane Doe.md', 'Interviews/Jane Doe.md');
		expect(vi.note('Interviews/Jane Doe.md')?.isInterview).toBe(true);
		expect(vi.diagnostics().some((d) => d.note === 'Interviews/Jane Doe.md' && /no company/.test(d.message))).toBe(true);
	});
});

const CORPORA = join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'corpora');
const VAULTS = existsSync(CORPORA) ? readdirSync(CORPORA, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];
if (VAULTS.length === 0) console.warn('Skipping the corpus part of vaultIndex.prefilter.test.ts: ../shared/corpora is absent.');

function markdownFiles(dir: string, out: string[] = []): string[] {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) markdownFiles(full, out);
		else if (entry.name.endsWith('.md')) out.push(full);
	}
	return out;
}

describe.skipIf(VAULTS.length === 0)('reading only what is needed, on every corpus vault', () => {
	it.each(VAULTS)('%s: every note, and the index, as if every note were read', (name) => {
		const root = join(CORPORA, name);
		const files = markdownFiles(root)
			.sort()
			.map((f) => [relative(root, f).split(sep).join('/'), readFileSync(f, 'utf8')] as const);
		let skipped = 0;
		for (const [path, text] of files) if (checkNote(path, text, C)) skipped++;
		expect(snapshot(prefiltered(files, C))).toEqual(snapshot(readingEverything(files, C)));
		if (files.length > 100) expect(skipped).toBeGreaterThan(0);
	}, 300_000);
});
