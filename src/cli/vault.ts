/**
 * Reading a vault folder from disk: every `.md` file, recursively, skipping
 * dot-folders (`.obsidian`, `.git`, `.trash` …) and `node_modules`.
 *
 * Never crashes and never hangs: a file that cannot be read, a binary file
 * (NUL bytes) or a huge one (over 5 MB) is skipped with a warning diagnostic
 * naming it; a symlink loop is cut by remembering the real path of every
 * folder entered; a broken symlink is skipped with a warning.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/types';
import type { Modified } from '../core/vaultIndex';
import { errnoCode, UsageError } from './args';

/** Notes above this size are skipped: no interview note is that long, and reading it would stall the list. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** Folder names never read, besides dot-folders. */
const SKIPPED_FOLDERS = new Set(['node_modules']);

export interface NoteFile {
	/** Vault-relative, with `/`. */
	path: string;
	/** Absolute path on disk. */
	abs: string;
}

/** `/` separated, vault-relative. */
export function toVaultPath(vault: string, abs: string): string {
	const rel = relative(vault, abs);
	return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Whether a path relative to the vault (`relative(vault, x)`) leads out of it; `..dots.md` is inside. */
export function isOutside(rel: string): boolean {
	return rel === '..' || rel.startsWith('../') || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

/** Whether a vault-relative path is in a place the tool never reads (dot-folder, node_modules, dot-file). */
export function isIgnoredPath(rel: string): boolean {
	if (rel === '') return false;
	return rel.split(/[\\/]/).some((seg) => seg.startsWith('.') || SKIPPED_FOLDERS.has(seg));
}

export function isNoteName(name: string): boolean {
	return name.length > 3 && name.toLowerCase().endsWith('.md');
}

/** The vault folder as an absolute path; UsageError when it does not exist or is not a folder. */
export function resolveVault(given: string | undefined): string {
	const dir = resolve(given ?? '.');
	let st;
	try {
		st = statSync(dir);
	} catch {
		throw new UsageError(`vault '${given ?? '.'}' does not exist; give the path of your vault folder (the one holding .obsidian)`);
	}
	if (!st.isDirectory()) throw new UsageError(`vault '${given ?? '.'}' is not a folder; give the path of your vault folder, not of a note`);
	return dir;
}

export interface ListResult {
	files: NoteFile[];
	diagnostics: Diagnostic[];
}

function warning(note: string, message: string): Diagnostic {
	return { note, severity: 'warning', message };
}

/** `dir` + separator + `name`, without `path.join`'s normalising (the listing makes one per entry). */
function child(dir: string, name: string): string {
	return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

interface Folder {
	abs: string;
	/** Real path (symlinks resolved), to cut loops. */
	real: string;
	/** Vault-relative path with `/`, '' for the vault itself. */
	rel: string;
}

/** Lists the notes of a vault (or of one folder of it, `under`, vault-relative), sorted by path. */
export function listNotes(vault: string, under = ''): ListResult {
	const files: NoteFile[] = [];
	const diagnostics: Diagnostic[] = [];
	const seenDirs = new Set<string>();
	const seenFiles = new Set<string>();
	const start = under === '' ? vault : join(vault, ...under.split('/'));
	let rootReal: string;
	try {
		rootReal = realpathSync(start);
	} catch {
		if (under !== '') return { files, diagnostics };
		rootReal = start;
	}
	seenDirs.add(rootReal);
	const stack: Folder[] = [{ abs: start, real: rootReal, rel: toVaultPath(vault, start) }];
	// What is reached through a symlink comes last, so that a note reachable both
	// ways keeps its real path, and is read once.
	const linkedDirs: Folder[] = [];
	const linkedFiles: Array<Folder & { name: string }> = [];
	for (;;) {
		let dir = stack.pop();
		if (dir === undefined) {
			const linked = linkedDirs.shift();
			if (linked === undefined) break;
			if (seenDirs.has(linked.real)) continue;
			seenDirs.add(linked.real);
			dir = linked;
		}
		let entries: Dirent[];
		try {
			entries = readdirSync(dir.abs, { withFileTypes: true });
		} catch (e) {
			diagnostics.push(warning(dir.rel || '.', `this folder cannot be read (${errorCode(e)}); its notes were skipped (check its permissions)`));
			continue;
		}
		const prefix = dir.rel === '' ? '' : `${dir.rel}/`;
		for (const entry of entries) {
			const name = entry.name;
			if (name.startsWith('.') || SKIPPED_FOLDERS.has(name)) continue;
			const abs = child(dir.abs, name);
			const rel = prefix + name;
			if (entry.isSymbolicLink()) {
				let st;
				let real: string;
				try {
					st = statSync(abs);
					real = realpathSync(abs);
				} catch (e) {
					if (isNoteName(name)) {
						diagnostics.push(warning(rel, `this note is a link to a file that cannot be reached (${errorCode(e)}); skipped`));
					}
					continue;
				}
				if (st.isDirectory()) linkedDirs.push({ abs, real, rel });
				else if (st.isFile() && isNoteName(name)) linkedFiles.push({ abs, real, rel, name });
				continue;
			}
			const real = child(dir.real, name);
			if (entry.isDirectory()) {
				if (seenDirs.has(real)) continue;
				seenDirs.add(real);
				stack.push({ abs, real, rel });
			} else if (entry.isFile() && isNoteName(name)) {
				seenFiles.add(real);
				files.push({ path: rel, abs });
			}
		}
	}
	for (const f of linkedFiles) {
		if (seenFiles.has(f.real)) continue;
		seenFiles.add(f.real);
		files.push({ path: f.rel, abs: f.abs });
	}
	files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { files, diagnostics };
}

/** The notes directly in one folder of the vault (vault-relative paths), without descending; [] if it cannot be read. */
export function notesIn(vault: string, folder: string): string[] {
	if (isIgnoredPath(folder)) return [];
	const abs = folder === '' ? vault : join(vault, ...folder.split('/'));
	let entries: Dirent[];
	try {
		entries = readdirSync(abs, { withFileTypes: true });
	} catch {
		return [];
	}
	const prefix = folder === '' ? '' : `${folder}/`;
	return entries.filter((e) => !e.name.startsWith('.') && isNoteName(e.name) && (e.isFile() || e.isSymbolicLink())).map((e) => `${prefix}${e.name}`);
}

function errorCode(e: unknown): string {
	const code = errnoCode(e);
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'ENOENT') return 'not found';
	if (code === 'ELOOP') return 'a link loop';
	return code ?? (e instanceof Error ? e.message : String(e));
}

/** `mtime`: the note's modification time in ms, or how to get it (it dates a `status` no log event dates). */
export type ReadNote = { ok: true; text: string; mtime: Modified } | { ok: false; diagnostic: Diagnostic | null };

function mb(bytes: number): string {
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function overLimit(path: string, bytes: number): Diagnostic {
	return warning(path, `this note is ${mb(bytes)}, over the ${mb(MAX_NOTE_BYTES)} limit for a note; skipped (split it, or move it out of the vault)`);
}

function unreadable(path: string, e: unknown): ReadNote {
	const code = errnoCode(e);
	if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, diagnostic: null };
	if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') {
		return { ok: false, diagnostic: warning(path, `this note is over the ${mb(MAX_NOTE_BYTES)} limit for a note; skipped (split it, or move it out of the vault)`) };
	}
	return { ok: false, diagnostic: warning(path, `this note cannot be read (${errorCode(e)}); skipped (check its permissions)`) };
}

/** The checks on a note's text once read: the size limit, binary files, the byte order mark. */
function checked(path: string, read: string, mtime: Modified): ReadNote {
	let text = read;
	// A character is one to three bytes (four for two UTF-16 units): only a long text can be over the limit.
	if (text.length > MAX_NOTE_BYTES / 3) {
		const bytes = Buffer.byteLength(text, 'utf8');
		if (bytes > MAX_NOTE_BYTES) return { ok: false, diagnostic: overLimit(path, bytes) };
	}
	// A NUL byte decodes to U+0000 and nothing else does.
	if (text.includes('\0')) {
		return { ok: false, diagnostic: warning(path, 'this looks like a binary file (it holds NUL bytes), not a Markdown note; skipped') };
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return { ok: true, text, mtime };
}

/**
 * Reads one note as text (UTF-8, byte order mark removed). A missing file is
 * `{ ok: false, diagnostic: null }` (it was deleted: not a problem).
 * One `stat` (a regular file? its size, its mtime) and one `readFileSync`, which
 * reads and decodes the file in one native call.
 */
export function readNote(abs: string, path: string): ReadNote {
	try {
		const st = statSync(abs);
		if (!st.isFile()) return { ok: false, diagnostic: null };
		if (st.size > MAX_NOTE_BYTES) return { ok: false, diagnostic: overLimit(path, st.size) };
		return checked(path, readFileSync(abs, 'utf8'), st.mtimeMs);
	} catch (e) {
		return unreadable(path, e);
	}
}

/**
 * `readNote` for a note the listing found to be a regular file: no `stat` first, and the
 * modification time asked of the disk only when a rule needs it (for interview notes). A vault
 * of 10,000 notes is read with 10,000 system calls fewer (about 4% of `due --json`).
 * A file over the limit is read before it is refused; one over 2 GB is refused by Node unread.
 */
export function readListedNote(abs: string, path: string): ReadNote {
	try {
		return checked(path, readFileSync(abs, 'utf8'), () => {
			try {
				return statSync(abs).mtimeMs;
			} catch {
				return null;
			}
		});
	} catch (e) {
		return unreadable(path, e);
	}
}

/**
 * Resolves NOTE as the command line accepts it: vault-relative (as `note` in
 * the JSON), absolute inside the vault, or relative to the current folder when
 * that lands inside the vault; `.md` may be left out. A file that is there but
 * is no note is refused as such, worded for a command that reads or writes.
 */
export function resolveNotePath(vault: string, note: string, cwd: string = process.cwd(), purpose: 'read' | 'write' = 'read'): NoteFile {
	const candidates: string[] = [];
	if (isAbsolute(note)) candidates.push(note);
	else candidates.push(join(vault, note), resolve(cwd, note));
	// A file without `.md` is never a note: `NOTE` means `NOTE.md`.
	const tries = candidates.map((c) => (isNoteName(c) ? c : `${c}.md`));
	for (const abs of tries) {
		const rel = toVaultPath(vault, abs);
		if (isOutside(rel)) continue;
		let st;
		try {
			st = statSync(abs);
		} catch {
			continue;
		}
		if (st.isFile()) return { path: rel, abs };
	}
	if (isAbsolute(note)) {
		const rel = toVaultPath(vault, note);
		if (isOutside(rel)) {
			throw new UsageError(`note '${note}' is not inside the vault ${vault}; give a note of that vault, or pass --vault`);
		}
	}
	// The file is there but is no note (app.json, .git/config, data.csv): "not found" would send the user looking for it.
	for (const abs of candidates) {
		const rel = toVaultPath(vault, abs);
		if (isOutside(rel) || isNoteName(abs) || !isFile(abs)) continue;
		const why = purpose === 'write' ? 'only .md files outside dot-folders are written); nothing written' : 'notes are .md files); give the path of a note';
		throw new UsageError(`'${rel}' is not a note (${why}`);
	}
	throw new UsageError(`note '${note}' not found in the vault ${vault}; give its path relative to the vault, as 'note' in 'due --json' shows it`);
}

function isFile(abs: string): boolean {
	try {
		return statSync(abs).isFile();
	} catch {
		return false;
	}
}
