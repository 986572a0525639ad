/**
 * `log NOTE KIND [PERSON] [--date DATE] [--text TEXT] [--vault VAULT]`:
 * appends `DATE KIND: PERSON` to the note's follow-up list, changing nothing
 * else, and replaces the file safely (./atomic.ts).
 *
 * Only a `.md` note of the vault, outside its dot-folders, is written; a
 * symlink is followed (it stays a link) only to a note inside the vault.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import type { Readable } from 'node:stream';
import { localToday } from '../core/dates';
import { appendFollowUp, type AppendResult } from '../core/edit';
import { formatLogEntry, isLogKind, normalizeKind } from '../core/logEntries';
import { LOG_KINDS, type LogKind } from '../core/types';
import { flag, stringOption, UsageError, type Parsed } from './args';
import { editFile, WriteRefused, type Hook } from './atomic';
import { parseDateOption, vaultArgument, type Io } from './common';
import { terminalText } from './format';
import { isIgnoredPath, isNoteName, isOutside, MAX_NOTE_BYTES, resolveNotePath, toVaultPath } from './vault';

/** Set by tests only: crash or pause the writer between the temporary file and the rename. */
export const TEST_HOOK_ENV = 'INTERVIEW_FOLLOWUPS_TEST_HOOK';

export async function runLog(parsed: Parsed, io: Io, stdin: Readable): Promise<number> {
	const [noteArg, kindArg, personArg] = parsed.positionals;
	const kindNorm = normalizeKind(kindArg);
	if (!isLogKind(kindNorm)) {
		throw new UsageError(`log: unknown kind '${kindArg}'; use one of ${LOG_KINDS.join(', ')}`);
	}
	const kind: LogKind = kindNorm;
	const dateText = stringOption(parsed, 'date');
	const date = dateText === undefined ? localToday() : parseDateOption('date', dateText);
	const person = personArg === undefined || personArg.trim() === '' ? null : personArg.replace(/\s+/g, ' ').trim();
	const text = stringOption(parsed, 'text') ?? null;
	const vault = vaultArgument(parsed, undefined);
	const note = resolveNotePath(vault, noteArg, io.cwd);
	const entry = formatLogEntry({ date, kind, person, text });
	const real = notePathToWrite(vault, note.path, note.abs);

	let result: Exclude<AppendResult, { error: string }> | null = null;
	const edit = (before: Buffer): Buffer | null => {
		if (before.includes(0)) throw new UsageError(`log: '${note.path}' is a binary file, not a note; nothing written`);
		const original = before.toString('utf8');
		if (!Buffer.from(original, 'utf8').equals(before)) {
			throw new UsageError(`log: '${note.path}' is not valid UTF-8 text, so it cannot be edited without changing bytes; nothing written (save it as UTF-8 first)`);
		}
		const r = appendFollowUp(original, entry);
		if ('error' in r) throw new UsageError(`log: ${note.path}: ${r.error}; nothing written`);
		result = r;
		return flag(parsed, 'dry-run') ? null : Buffer.from(r.text, 'utf8');
	};
	try {
		await editFile(real, edit, { maxBytes: MAX_NOTE_BYTES, hook: testHook(io, stdin) });
	} catch (e) {
		if (e instanceof WriteRefused) throw new UsageError(`log: ${note.path} ${e.message}`);
		throw e;
	}
	const done = result as Exclude<AppendResult, { error: string }> | null;
	if (done === null) throw new Error('log: the edit did not run');
	if (flag(parsed, 'dry-run')) {
		io.stdout.write(terminalText(`Would log "${entry}" in ${note.path} (${done.key}); nothing written.`) + '\n');
		return 0;
	}
	io.stdout.write(terminalText(`Logged "${entry}" in ${note.path} (${done.key}).`) + '\n');
	return 0;
}

/** The real path to write for the note `path`; UsageError when it is not a note of the vault. */
function notePathToWrite(vault: string, path: string, abs: string): string {
	if (!isNoteName(path)) throw new UsageError(`log: '${path}' is not a note (only .md files are written); nothing written`);
	if (isIgnoredPath(path)) {
		throw new UsageError(`log: '${path}' is a dot-file or lies in a dot-folder, which Obsidian does not show; nothing written (only notes of the vault are written)`);
	}
	let real: string;
	let vaultReal: string;
	try {
		real = realpathSync(abs);
		vaultReal = realpathSync(vault);
	} catch {
		throw new UsageError(`log: note '${path}' cannot be reached; check the path`);
	}
	const rel = relative(vaultReal, real);
	if (isOutside(rel)) {
		throw new UsageError(`log: '${path}' is a link to ${real}, outside the vault; nothing written (log in the note itself)`);
	}
	const relPath = toVaultPath(vaultReal, real);
	if (!isNoteName(relPath) || isIgnoredPath(relPath)) {
		throw new UsageError(`log: '${path}' is a link to '${relPath}', which is not a note of the vault; nothing written`);
	}
	return real;
}

function testHook(io: Io, stdin: Readable): Hook | undefined {
	const hook = io.env[TEST_HOOK_ENV];
	if (hook === 'crash-after-temp-write') {
		return (stage) => {
			if (stage === 'temp-written') process.kill(process.pid, 'SIGKILL');
		};
	}
	const pause = /^pause-after-(read|temp-write|check|rename)$/.exec(hook ?? '');
	if (pause) {
		const at = { read: 'read', 'temp-write': 'temp-written', check: 'checked', rename: 'renamed' }[pause[1]];
		// Says so on stderr, then waits for one line on stdin before going on.
		return (stage) =>
			stage !== at
				? undefined
				: new Promise<void>((resolve) => {
						io.stderr.write(`paused after ${pause[1].replace('-', ' ')}\n`);
						stdin.once('data', () => resolve());
						stdin.once('end', () => resolve());
						stdin.resume();
					});
	}
	return undefined;
}
