/**
 * Replacing a note on disk so that a crash or a concurrent edit never leaves
 * half a note: the new text goes to a temporary file in the same folder, is
 * flushed to disk (fsync), the note is read again to make sure nobody changed
 * it since we read it, and the temporary file is renamed over the note (an
 * atomic step on one file system). The folder is fsynced so the rename lasts.
 */
import {
	chmodSync,
	closeSync,
	fsyncSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './args';

/** The note changed on disk between our read and our write: nothing was written. */
export class ConcurrentEditError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConcurrentEditError';
	}
}

const TEMP_RE = /^\.(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;

/** `.<name>.<pid>.<random>.tmp`: a dot-file, so Obsidian and `watch` ignore it. */
function tempName(file: string): string {
	return join(dirname(file), `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return errnoCode(e) === 'EPERM';
	}
}

/** Removes temporary files an earlier, interrupted write of this note left behind. */
export function removeStaleTemps(file: string): number {
	const dir = dirname(file);
	const name = basename(file);
	let removed = 0;
	let entries: string[];
	try {
		entries = readdirSync(dir);
	} catch {
		return 0;
	}
	for (const entry of entries) {
		const m = TEMP_RE.exec(entry);
		if (!m || m[1] !== name) continue;
		const pid = Number(m[2]);
		if (pid !== process.pid && alive(pid)) continue;
		try {
			unlinkSync(join(dir, entry));
			removed++;
		} catch {
			// Someone else removed it, or it cannot be removed: harmless.
		}
	}
	return removed;
}

/** Test hooks, so tests can crash or pause the writer at the one moment that matters. */
export type Hook = (stage: 'temp-written') => Promise<void> | void;

/**
 * Replaces `file` with `data`, provided the file still holds `expected`.
 * Throws ConcurrentEditError when it does not (the temporary file is removed,
 * the note is untouched).
 */
export async function replaceFileAtomically(file: string, data: Buffer, expected: Buffer, hook?: Hook): Promise<void> {
	const st = statSync(file);
	const temp = tempName(file);
	let renamed = false;
	try {
		const fd = openSync(temp, 'wx', st.mode & 0o777);
		try {
			let off = 0;
			while (off < data.length) off += writeSync(fd, data, off, data.length - off);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		// openSync's mode is filtered by the umask; give the note back its own permissions.
		try {
			chmodSync(temp, st.mode & 0o7777);
		} catch {
			// Not every file system keeps modes; the content is what matters.
		}
		if (hook) await hook('temp-written');
		const now = readFileSync(file);
		if (!now.equals(expected)) {
			throw new ConcurrentEditError('the note changed on disk while it was being written');
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
