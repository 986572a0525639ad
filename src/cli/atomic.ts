/**
 * Changing a note on disk so that no byte is ever lost: not to a crash, not
 * to a concurrent edit.
 *
 * - One writer of this tool at a time per note: a lock file beside the note
 *   (`.<name>.lock`, holding the writer's pid), taken with an exclusive
 *   create; a lock whose process is gone (a crash, SIGKILL) is removed.
 * - The note is read through a descriptor that stays open to the end, so the
 *   old file can still be looked at after the rename.
 * - The new text goes to a temporary file in the same folder, with the note's
 *   owner, group and mode, flushed to disk, and renamed over the note (one
 *   atomic step on one file system). A note with several hard links is
 *   written in place instead (a rename would split the links).
 * - Right before the rename, the note must still be the file that was read:
 *   same inode, size, mtime and ctime (in ns) and the same text, and no other
 *   process may hold it open for writing (Linux, through /proc). Right after
 *   it, the old file must not have been written meanwhile (through the held
 *   descriptor) nor be held open for writing; if it was or is, the old file
 *   (kept under a second name, a hard link, for that moment) is renamed back
 *   as the note, so a late writer still writes into the note, and the run
 *   reports it.
 *
 * Whatever is in doubt is refused with a WriteRefused: one line, nothing
 * written.
 */
import {
	accessSync,
	closeSync,
	constants,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	ftruncateSync,
	linkSync,
	lstatSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
	type BigIntStats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './args';

/** The write did not happen (or was undone): the message says why, in one line. */
export class WriteRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WriteRefused';
	}
}

/** The note changed on disk between our read and our write: nothing was written. */
export class ConcurrentEditError extends WriteRefused {
	constructor(message: string) {
		super(message);
		this.name = 'ConcurrentEditError';
	}
}

/**
 * `.<name>.<pid>.<random>.tmp`, `.<name>.lock` and `.<name>.lock.<pid>.stale` (a stale lock being
 * broken): dot-files, so Obsidian and `watch` ignore them.
 */
const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$|^\.(.+)\.lock\.(\d+)\.stale$/;

function tempName(file: string): string {
	return join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

export function lockName(file: string): string {
	return join(dirname(file), `.${basename(file)}.lock`);
}

function alive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return errnoCode(e) === 'EPERM';
	}
}

/**
 * Removes the temporary files and locks that interrupted writes (of any note
 * of this folder) left behind: those of processes that are gone.
 */
export function removeStaleTemps(file: string): number {
	const dir = dirname(file);
	let removed = 0;
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return 0;
	}
	for (const entry of entries) {
		if (entry.endsWith('.lock') && entry.startsWith('.')) {
			const held = readLockPid(join(dir, entry));
			if (held !== null && held.age > 50 && !alive(held.pid)) breakStaleLock(join(dir, entry), held.ino);
			continue;
		}
		const m = TEMP_RE.exec(entry);
		if (!m) continue;
		const pid = Number(m[2] ?? m[4]);
		if (pid === process.pid || alive(pid)) continue;
		try {
			unlinkSync(join(dir, entry));
			removed++;
		} catch {
			// Someone else removed it, or it cannot be removed: harmless.
		}
	}
	return removed;
}

/** A lock older than this is stale whatever its pid says (the pid may have been reused). */
const LOCK_STALE_MS = 60_000;

function readLockPid(lock: string): { pid: number; ino: bigint; age: number } | null {
	try {
		const st = statSync(lock, { bigint: true });
		const pid = Number(readFileSync(lock, 'utf8').trim());
		return { pid, ino: st.ino, age: Date.now() - Number(st.mtimeMs) };
	} catch {
		return null;
	}
}

/** Removes the lock file if it is still the stale one we looked at (not a fresh one taken meanwhile). */
function breakStaleLock(lock: string, ino: bigint): void {
	const aside = `${lock}.${process.pid}.stale`;
	try {
		renameSync(lock, aside);
	} catch {
		return;
	}
	try {
		if (lstatSync(aside, { bigint: true }).ino !== ino) {
			// A live writer's lock: put it back (unless yet another was taken, which then stands).
			renameSync(aside, lock);
			return;
		}
	} catch {
		// fall through to the removal
	}
	try {
		unlinkSync(aside);
	} catch {
		// gone already
	}
}

export interface LockOptions {
	/** How long to wait for another writer of the same note. */
	timeoutMs?: number;
}

/** Takes the note's lock, waiting for another writer of this tool; WriteRefused on timeout. */
export async function acquireLock(file: string, options: LockOptions = {}): Promise<() => void> {
	const lock = lockName(file);
	const deadline = Date.now() + (options.timeoutMs ?? 15_000);
	let wait = 2;
	for (;;) {
		let fd: number | undefined;
		try {
			fd = openSync(lock, 'wx', 0o644);
		} catch (e) {
			const code = errnoCode(e);
			if (code !== 'EEXIST') throw new WriteRefused(`cannot be locked: its lock file ${basename(lock)} (${code ?? String(e)}); cannot be made (check that the folder is writable)`);
		}
		if (fd !== undefined) {
			try {
				writeSync(fd, `${process.pid}\n`);
			} finally {
				closeSync(fd);
			}
			const taken = inodeOf(lock);
			return () => {
				// Remove only our own lock.
				if (taken !== null && inodeOf(lock) === taken) {
					try {
						unlinkSync(lock);
					} catch {
						// gone
					}
				}
			};
		}
		const held = readLockPid(lock);
		if (held !== null && (held.age > LOCK_STALE_MS || (!alive(held.pid) && held.age > 50))) {
			breakStaleLock(lock, held.ino);
			continue;
		}
		if (Date.now() > deadline) {
			throw new WriteRefused(`is being written by another run (lock ${basename(lock)}, pid ${held?.pid ?? '?'}); try again when it is done`);
		}
		await new Promise((r) => setTimeout(r, wait));
		wait = Math.min(wait * 2, 50);
	}
}

function inodeOf(path: string): bigint | null {
	try {
		return lstatSync(path, { bigint: true }).ino;
	} catch {
		return null;
	}
}

/** The identity and last change of a file, to nanoseconds. */
function sameFile(a: BigIntStats, b: BigIntStats, withCtime = true): boolean {
	return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && (!withCtime || a.ctimeNs === b.ctimeNs);
}

/** The whole file through `fd`, from its start; null when it holds more than `limit` bytes. */
function readAll(fd: number, limit: number): Buffer | null {
	const chunks: Buffer[] = [];
	let total = 0;
	let pos = 0;
	for (;;) {
		const buf = Buffer.allocUnsafe(64 * 1024);
		const n = readSync(fd, buf, 0, buf.length, pos);
		if (n === 0) break;
		chunks.push(buf.subarray(0, n));
		total += n;
		pos += n;
		if (total > limit) return null;
	}
	return Buffer.concat(chunks, total);
}

function writeAll(fd: number, data: Buffer, at = 0): void {
	let off = 0;
	while (off < data.length) off += writeSync(fd, data, off, data.length - off, at + off);
}

/**
 * Processes (other than this one) that hold the file open for writing, by
 * /proc (Linux; elsewhere nothing is known and [] is returned). Only the
 * processes this user may look at are seen, which includes the user's own
 * editors.
 */
export function writersOf(dev: bigint, ino: bigint): number[] {
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
	} catch {
		return [];
	}
	const out: number[] = [];
	for (const pid of pids) {
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			let st: BigIntStats;
			try {
				st = statSync(`/proc/${pid}/fd/${fd}`, { bigint: true });
			} catch {
				continue;
			}
			if (st.ino !== ino || st.dev !== dev) continue;
			let flags = 0;
			try {
				const m = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
				flags = m ? parseInt(m[1], 8) : 0o2;
			} catch {
				flags = 0o2;
			}
			// O_ACCMODE: 0 read only, 1 write only, 2 read and write.
			if ((flags & 3) !== 0) {
				out.push(Number(pid));
				break;
			}
		}
	}
	return out;
}

/** Test hooks, so tests can crash or pause the writer at the moments that matter. */
export type Hook = (stage: 'read' | 'temp-written' | 'checked' | 'renamed') => Promise<void> | void;

export interface EditFileOptions {
	/** Notes over this size are refused. */
	maxBytes: number;
	hook?: Hook;
	lockTimeoutMs?: number;
}

/** The text of the note as read, and what to make of it: the new bytes, or null for "nothing to write". */
export type FileEdit = (before: Buffer) => Buffer | null;

const EMPTY_MESSAGE = 'is empty (a program may be rewriting it right now); nothing written (run the command again once it holds its text)';

/**
 * Reads `file` (a real path: no symlink), applies `edit`, and replaces the
 * file with the result, as the header says. Returns whether it wrote.
 * Throws WriteRefused (nothing written) when anything is in doubt.
 */
export async function editFile(file: string, edit: FileEdit, options: EditFileOptions): Promise<boolean> {
	const release = await acquireLock(file, { timeoutMs: options.lockTimeoutMs });
	try {
		removeStaleTemps(file);
		return await editLocked(file, edit, options);
	} finally {
		release();
	}
}

async function editLocked(file: string, edit: FileEdit, options: EditFileOptions): Promise<boolean> {
	let fd0: number;
	try {
		fd0 = openSync(file, 'r');
	} catch (e) {
		throw new WriteRefused(`cannot be read (${errnoCode(e) ?? String(e)}); nothing written`);
	}
	try {
		const st0 = fstatSync(fd0, { bigint: true });
		if (!st0.isFile()) throw new WriteRefused('is not a regular file; nothing written');
		if (st0.size > BigInt(options.maxBytes)) {
			throw new WriteRefused(`is ${(Number(st0.size) / (1024 * 1024)).toFixed(1)} MB, over the ${(options.maxBytes / (1024 * 1024)).toFixed(1)} MB limit for a note; nothing written`);
		}
		checkWritable(file, st0);
		// A program holding the note open for writing may write after we are done, into the replaced file.
		// One that opens it after this point holds the old file, which checkNoLateWrite watches.
		const writers = writersOf(st0.dev, st0.ino);
		if (writers.length > 0) {
			throw new ConcurrentEditError(`is held open for writing by another program (pid ${writers.join(', ')}); nothing written (close it there, then run the command again)`);
		}
		const before = readAll(fd0, options.maxBytes);
		if (before === null) throw new WriteRefused(`is over the ${(options.maxBytes / (1024 * 1024)).toFixed(1)} MB limit for a note; nothing written`);
		if (before.length === 0) throw new WriteRefused(EMPTY_MESSAGE);
		const data = edit(before);
		if (data === null) return false;
		if (options.hook) await options.hook('read');
		if (st0.nlink > 1n) {
			await writeInPlace(file, fd0, st0, before, data, options.hook);
			return true;
		}
		await replaceByRename(file, fd0, st0, before, data, options.hook);
		return true;
	} finally {
		closeSync(fd0);
	}
}

const isRoot = (): boolean => typeof process.geteuid === 'function' && process.geteuid() === 0;

/** A note its owner has made read-only, or that this user cannot write, is refused. */
function checkWritable(file: string, st: BigIntStats): void {
	const mode = Number(st.mode);
	if ((mode & 0o222) === 0) throw new WriteRefused(`is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); nothing written (make it writable first)`);
	try {
		accessSync(file, constants.W_OK);
	} catch (e) {
		throw new WriteRefused(`cannot be written by this user (${errnoCode(e) ?? String(e)}); nothing written`);
	}
}

/** The note is still the file we read, with the text we read. */
function checkUnchanged(file: string, fd0: number, st0: BigIntStats, before: Buffer): void {
	const changed = new ConcurrentEditError('changed on disk while the entry was being written; nothing written (run the command again)');
	let now: BigIntStats;
	try {
		now = statSync(file, { bigint: true });
	} catch {
		throw changed;
	}
	if (!sameFile(now, st0) || !sameFile(fstatSync(fd0, { bigint: true }), st0)) throw changed;
	if (!readAll(fd0, before.length)?.equals(before)) throw changed;
}

async function replaceByRename(file: string, fd0: number, st0: BigIntStats, before: Buffer, data: Buffer, hook?: Hook): Promise<void> {
	const temp = tempName(file);
	let keep: string | null = null;
	let renamed = false;
	try {
		let fd: number;
		try {
			fd = openSync(temp, 'wx', 0o600);
		} catch (e) {
			throw new WriteRefused(`cannot be replaced: its folder is not writable (${errnoCode(e) ?? String(e)}); nothing written`);
		}
		try {
			writeAll(fd, data);
			keepOwnerAndMode(fd, st0);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		if (hook) await hook('temp-written');
		checkUnchanged(file, fd0, st0, before);
		if (hook) await hook('checked');
		// A second name for the old file, so that it can be put back whole: a program that opened it
		// meanwhile then writes into the note, however late (a file system without hard links: no second name).
		keep = tempName(file);
		try {
			linkSync(file, keep);
		} catch {
			keep = null;
		}
		renameSync(temp, file);
		renamed = true;
		syncFolder(dirname(file));
		if (hook) await hook('renamed');
		await checkNoLateWrite(file, fd0, st0, before, data, keep);
	} finally {
		for (const left of [renamed ? null : temp, keep]) {
			if (left === null) continue;
			try {
				unlinkSync(left);
			} catch {
				// Already gone, or put back as the note.
			}
		}
	}
}

/** The temporary file gets the note's owner, group and mode; when that cannot be, nothing is written. */
function keepOwnerAndMode(fd: number, st0: BigIntStats): void {
	const uid = Number(st0.uid);
	const gid = Number(st0.gid);
	const mine = fstatSync(fd);
	if (mine.uid !== uid || mine.gid !== gid) {
		try {
			fchownSync(fd, uid, gid);
		} catch (e) {
			throw new WriteRefused(
				`belongs to user ${uid} and group ${gid}, which this run (${isRoot() ? 'root' : `user ${process.getuid?.() ?? '?'}`}) cannot give the rewritten note (${errnoCode(e) ?? String(e)}); nothing written (run it as the note's owner)`,
			);
		}
	}
	try {
		fchmodSync(fd, Number(st0.mode) & 0o7777);
	} catch {
		// Not every file system keeps modes; the content is what matters.
	}
}

/** How long after the rename the old file is watched for a write that came too late. */
const LATE_WRITE_MS = 1000;

/**
 * After the rename: if the old file (through its held descriptor) was
 * written meanwhile, or another program still holds it open for writing,
 * the old file is put back as the note (provided the note is still ours),
 * so that nothing that program wrote or will write is lost, and the run
 * reports that nothing was written. `keep` is the old file's second name
 * (null where hard links cannot be made: its text is then copied back).
 */
async function checkNoLateWrite(file: string, fd0: number, st0: BigIntStats, before: Buffer, data: Buffer, keep: string | null): Promise<void> {
	const deadline = Date.now() + LATE_WRITE_MS;
	// The rename changes the old file's ctime (it lost its name), not its size or mtime.
	const untouched = (): boolean => sameFile(fstatSync(fd0, { bigint: true }), st0, false) && readAll(fd0, before.length)?.equals(before) === true;
	let holders: number[] = [];
	for (;;) {
		if (!untouched()) break;
		holders = writersOf(st0.dev, st0.ino);
		// No writer left, and none wrote while we looked: the old file is done with.
		if (holders.length === 0 && untouched()) return;
		if (Date.now() > deadline) break;
		await new Promise((r) => setTimeout(r, 20));
	}
	const why = untouched()
		? `was opened for writing by another program (pid ${holders.join(', ')}) while the entry was being written; the note was put back as that program's file and nothing written (close it there, then run the command again)`
		: 'was written by another program while the entry was being written; its text was kept and nothing written (run the command again)';
	const ours = statSync(file, { bigint: true });
	let current: Buffer | null = null;
	try {
		current = readFileSync(file);
	} catch {
		current = null;
	}
	const stillOurs = current !== null && current.equals(data);
	if (keep !== null) {
		if (stillOurs && sameFile(statSync(file, { bigint: true }), ours)) {
			renameSync(keep, file);
			syncFolder(dirname(file));
			throw new ConcurrentEditError(why);
		}
		// Someone replaced the note too: the old file, with the other program's text, goes beside it.
		const copy = conflictName(file);
		linkSync(keep, copy);
		throw new ConcurrentEditError(`was written by another program while the entry was being written; its text is in '${basename(copy)}': compare the two and merge by hand`);
	}
	const theirs = readAll(fd0, Number.MAX_SAFE_INTEGER) ?? before;
	if (stillOurs) {
		const temp = tempName(file);
		const fd = openSync(temp, 'wx', 0o600);
		try {
			writeAll(fd, theirs);
			keepOwnerAndMode(fd, st0);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		if (sameFile(statSync(file, { bigint: true }), ours)) {
			renameSync(temp, file);
			syncFolder(dirname(file));
			throw new ConcurrentEditError(why);
		}
		unlinkSync(temp);
	}
	// Two other writers at once: keep every text, in a copy beside the note.
	const copy = conflictName(file);
	const fd = openSync(copy, 'wx', Number(st0.mode) & 0o777);
	try {
		writeAll(fd, theirs);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	throw new ConcurrentEditError(`was written by another program while the entry was being written; its text is saved in '${basename(copy)}': compare the two and merge by hand`);
}

function conflictName(file: string): string {
	return join(dirname(file), `${basename(file, '.md')} (conflict ${process.pid}).md`);
}

/**
 * A note with several hard links is written in place, under the lock, so
 * every link keeps seeing it: not atomic against a crash in the middle, which
 * is why it is only done when a rename would split the links.
 */
async function writeInPlace(file: string, fd0: number, st0: BigIntStats, before: Buffer, data: Buffer, hook?: Hook): Promise<void> {
	if (hook) await hook('temp-written');
	const fd = openSync(file, 'r+');
	try {
		if (!sameFile(fstatSync(fd, { bigint: true }), st0)) throw new ConcurrentEditError('changed on disk while the entry was being written; nothing written (run the command again)');
		checkUnchanged(file, fd0, st0, before);
		// Only the bytes from the first difference on are rewritten.
		let at = 0;
		while (at < before.length && at < data.length && before[at] === data[at]) at++;
		writeAll(fd, data.subarray(at), at);
		if (data.length < before.length) ftruncateSync(fd, data.length);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	if (hook) await hook('renamed');
}

function syncFolder(dir: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(dir, 'r');
		fsyncSync(fd);
	} catch {
		// Some platforms cannot fsync a folder; the rename itself is still atomic.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * Writes `file` (made or replaced) so that a reader sees the old text or the
 * new one, never half of it: a temporary file beside it, flushed, renamed over
 * it. For files the command line owns (`watch --ics FILE`), not for notes.
 */
export function writeFileAtomically(file: string, data: Buffer): void {
	let mode = 0o644;
	try {
		mode = statSync(file).mode & 0o777;
	} catch {
		// A new file.
	}
	const temp = tempName(file);
	let renamed = false;
	try {
		const fd = openSync(temp, 'wx', mode);
		try {
			let off = 0;
			while (off < data.length) off += writeSync(fd, data, off, data.length - off);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, file);
		renamed = true;
		syncFolder(dirname(file));
	} finally {
		if (!renamed) {
			try {
				unlinkSync(temp);
			} catch {
				// Already gone.
			}
		}
	}
}
