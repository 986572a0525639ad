/**
 * Reading a vault from disk: what is read, what is skipped and said so, and
 * that odd files never crash or hang the command line.
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listNotes, MAX_NOTE_BYTES, notesIn, readListedNote, readNote, resolveNotePath, isIgnoredPath } from '../../src/cli/vault';
import { UsageError } from '../../src/cli/args';
import { cleanTemps, parseDue, runCli, tempDir } from './helpers';

afterAll(cleanTemps);

function file(root: string, path: string, data: string | Buffer): string {
	const abs = join(root, ...path.split('/'));
	mkdirSync(join(abs, '..'), { recursive: true });
	writeFileSync(abs, data);
	return abs;
}

const INTERVIEW = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n';

function oddVault(): string {
	const v = tempDir();
	file(v, 'Interviews/a.md', INTERVIEW);
	file(v, 'Interviews/deep/er/b.md', INTERVIEW.replace('Acme', 'Beta'));
	file(v, 'Interviews/UPPER.MD', INTERVIEW.replace('Acme', 'Upper'));
	file(v, 'Interviews/notes.txt', INTERVIEW.replace('Acme', 'Text'));
	file(v, '.obsidian-like/x.md', INTERVIEW.replace('Acme', 'Dot'));
	file(v, '.trash/y.md', INTERVIEW.replace('Acme', 'Trash'));
	file(v, 'node_modules/pkg/readme.md', INTERVIEW.replace('Acme', 'Module'));
	file(v, 'Interviews/.hidden.md', INTERVIEW.replace('Acme', 'Hidden'));
	file(v, 'binary.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
	file(v, 'huge.md', Buffer.alloc(MAX_NOTE_BYTES + 1, 0x61));
	// A symlink loop and a second way into the same folder: each folder is read once.
	symlinkSync('..', join(v, 'Interviews', 'loop'));
	symlinkSync(join(v, 'Interviews'), join(v, 'Again'));
	// A link to nowhere.
	symlinkSync(join(v, 'missing.md'), join(v, 'dangling.md'));
	return v;
}

describe('listNotes and readNote', () => {
	it('lists .md files recursively, skipping dot-folders, dot-files, node_modules and other files, each folder once', () => {
		const v = oddVault();
		const { files, diagnostics } = listNotes(v);
		const paths = files.map((f) => f.path);
		expect(paths).toEqual(['binary.md', 'huge.md', 'Interviews/a.md', 'Interviews/deep/er/b.md', 'Interviews/UPPER.MD'].sort());
		expect(diagnostics).toEqual([
			{ note: 'dangling.md', severity: 'warning', message: expect.stringMatching(/link to a file that cannot be reached/) as string },
		]);
	});

	it('skips binary and huge files with a warning naming them', () => {
		const v = oddVault();
		const bin = readNote(join(v, 'binary.md'), 'binary.md');
		expect(bin.ok).toBe(false);
		if (!bin.ok) expect(bin.diagnostic).toMatchObject({ note: 'binary.md', severity: 'warning', message: expect.stringMatching(/binary file \(it holds NUL bytes\).*skipped/) as string });
		const huge = readNote(join(v, 'huge.md'), 'huge.md');
		expect(huge.ok).toBe(false);
		if (!huge.ok) expect(huge.diagnostic?.message).toMatch(/is 5\.0 MB, over the 5\.0 MB limit for a note; skipped/);
		const ok = readNote(join(v, 'Interviews/a.md'), 'Interviews/a.md');
		// The note's modification time comes along: the rules date an undated status by it.
		expect(ok.ok && { text: ok.text, mtime: typeof ok.mtime }).toEqual({ text: INTERVIEW, mtime: 'number' });
		expect(readNote(join(v, 'gone.md'), 'gone.md')).toEqual({ ok: false, diagnostic: null });
	});

	it('readListedNote (a note the listing found) checks as readNote does, and stats the note only when asked its time', () => {
		const v = oddVault();
		for (const name of ['binary.md', 'huge.md', 'Interviews/a.md', 'gone.md']) {
			const listed = readListedNote(join(v, name), name);
			const stated = readNote(join(v, name), name);
			if (listed.ok && stated.ok) {
				expect(listed.text).toBe(stated.text);
				expect(typeof listed.mtime).toBe('function');
				expect((listed.mtime as () => number | null)()).toBe(stated.mtime);
			} else expect(listed, name).toEqual(stated);
		}
		// Over the limit in bytes though not in characters (é is two bytes).
		file(v, 'accents.md', 'é'.repeat(MAX_NOTE_BYTES / 2 + 1));
		const accents = readListedNote(join(v, 'accents.md'), 'accents.md');
		expect(!accents.ok && accents.diagnostic?.message).toMatch(/is 5\.0 MB, over the 5\.0 MB limit for a note; skipped/);
		// Deleted after it was read: its time is unknown, not an error.
		const read = readListedNote(join(v, 'Interviews/a.md'), 'Interviews/a.md');
		rmSync(join(v, 'Interviews/a.md'));
		expect(read.ok && (read.mtime as () => number | null)()).toBeNull();
	});

	it('reads a note of exactly the limit, and removes a byte order mark', () => {
		const v = tempDir();
		file(v, 'limit.md', Buffer.alloc(MAX_NOTE_BYTES, 0x62));
		const r = readNote(join(v, 'limit.md'), 'limit.md');
		expect(r.ok && r.text.length).toBe(MAX_NOTE_BYTES);
		file(v, 'bom.md', `\uFEFF${INTERVIEW}`);
		const bom = readNote(join(v, 'bom.md'), 'bom.md');
		expect(bom.ok && bom.text).toBe(INTERVIEW);
	});

	it('reports an unreadable note or folder (when not running as root)', () => {
		if (process.getuid?.() === 0) {
			console.warn('skipped: root can read any file, so permissions cannot be tested');
			return;
		}
		const v = tempDir();
		const abs = file(v, 'secret.md', INTERVIEW);
		chmodSync(abs, 0o000);
		const r = readNote(abs, 'secret.md');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.diagnostic?.message).toMatch(/cannot be read \(permission denied\)/);
		file(v, 'Locked/in.md', INTERVIEW);
		chmodSync(join(v, 'Locked'), 0o000);
		expect(listNotes(v).diagnostics.some((d) => d.note === 'Locked' && /folder cannot be read/.test(d.message))).toBe(true);
		chmodSync(join(v, 'Locked'), 0o755);
		chmodSync(abs, 0o644);
	});

	it('lists one folder without descending (for watch)', () => {
		const v = oddVault();
		expect(notesIn(v, 'Interviews').sort()).toEqual(['Interviews/UPPER.MD', 'Interviews/a.md'].sort());
		expect(notesIn(v, '.trash')).toEqual([]);
		expect(notesIn(v, 'Nope')).toEqual([]);
	});

	it('knows which paths are never read', () => {
		for (const p of ['.config/x.md', '.git/HEAD', '.trash/a.md', 'node_modules/a/b.md', 'A/.hidden/b.md', '.x.md']) expect(isIgnoredPath(p)).toBe(true);
		for (const p of ['a.md', 'A/b.md', 'A/b.c/d.md', '']) expect(isIgnoredPath(p)).toBe(false);
	});

	it('resolves NOTE relative to the vault, absolute, relative to the current folder, or without .md', () => {
		const v = oddVault();
		expect(resolveNotePath(v, 'Interviews/a.md').path).toBe('Interviews/a.md');
		expect(resolveNotePath(v, 'Interviews/a').path).toBe('Interviews/a.md');
		expect(resolveNotePath(v, join(v, 'Interviews/a.md')).path).toBe('Interviews/a.md');
		expect(resolveNotePath(v, 'a.md', join(v, 'Interviews')).path).toBe('Interviews/a.md');
		expect(() => resolveNotePath(v, 'Interviews/zz.md')).toThrow(UsageError);
		expect(() => resolveNotePath(v, '/etc/passwd')).toThrow(/not inside the vault/);
		expect(() => resolveNotePath(v, '../outside.md', v)).toThrow(UsageError);
	});
});

describe('the command line on an odd vault', () => {
	it('never crashes or hangs; says which files it skipped; reads each note once', () => {
		const v = oddVault();
		const r = runCli(['due', v, '--today', '2026-11-21', '--json'], { timeout: 30000 });
		expect(r.code).toBe(0);
		const doc = parseDue(r.stdout);
		const companies = new Set(doc.actions.map((a) => a.company));
		expect(companies).toEqual(new Set(['Acme', 'Beta', 'Upper']));
		// Two thank-you notes for Acme would mean a note was read twice (through the symlinks).
		expect(doc.actions.filter((a) => a.kind === 'thank-you' && a.company === 'Acme')).toHaveLength(1);
		const skipped = doc.diagnostics.filter((d) => /skipped/.test(d.message)).map((d) => d.note);
		expect(skipped.sort()).toEqual(['binary.md', 'dangling.md', 'huge.md']);
		const check = runCli(['check', v, '--today', '2026-11-21'], { timeout: 30000 });
		expect(check.code).toBe(0);
		expect(check.stdout).toMatch(/^binary\.md: warning: this looks like a binary file/m);
		expect(check.stdout).toMatch(/^huge\.md: warning: this note is 5\.0 MB/m);
	});
});
