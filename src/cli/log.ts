/**
 * `log NOTE KIND [PERSON] [--date DATE] [--text TEXT] [--vault VAULT]`:
 * appends `DATE KIND: PERSON` to the note's follow-up list, changing nothing
 * else, and replaces the file atomically.
 */
import { readFileSync, realpathSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { localToday } from '../core/dates';
import { appendFollowUp } from '../core/edit';
import { formatLogEntry, isLogKind, normalizeKind } from '../core/logEntries';
import { LOG_KINDS, type LogKind } from '../core/types';
import { errnoCode, flag, stringOption, UsageError, type Parsed } from './args';
import { ConcurrentEditError, removeStaleTemps, replaceFileAtomically, type Hook } from './atomic';
import { parseDateOption, vaultArgument, type Io } from './common';
import { resolveNotePath } from './vault';

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

	// Write through a symlink to the real file, so the link stays a link.
	let real: string;
	try {
		real = realpathSync(note.abs);
	} catch {
		throw new UsageError(`log: note '${note.path}' cannot be reached; check the path`);
	}
	let before: Buffer;
	try {
		before = readFileSync(real);
	} catch (e) {
		throw new UsageError(`log: note '${note.path}' cannot be read (${errnoCode(e) ?? String(e)}); nothing written`);
	}
	if (before.includes(0)) throw new UsageError(`log: '${note.path}' is a binary file, not a note; nothing written`);
	const original = before.toString('utf8');
	if (!Buffer.from(original, 'utf8').equals(before)) {
		throw new UsageError(`log: '${note.path}' is not valid UTF-8 text, so it cannot be edited without changing bytes; nothing written (save it as UTF-8 first)`);
	}
	const result = appendFollowUp(original, entry);
	if ('error' in result) throw new UsageError(`log: ${note.path}: ${result.error}; nothing written`);
	if (flag(parsed, 'dry-run')) {
		io.stdout.write(`Would log "${entry}" in ${note.path} (${result.key}); nothing written.\n`);
		return 0;
	}
	removeStaleTemps(real);
	try {
		await replaceFileAtomically(real, Buffer.from(result.text, 'utf8'), before, testHook(io, stdin));
	} catch (e) {
		if (e instanceof ConcurrentEditError) {
			throw new UsageError(`log: ${note.path} changed on disk while the entry was being written; nothing written (run the command again)`);
		}
		const code = errnoCode(e);
		throw new UsageError(`log: cannot write ${note.path} (${code ?? String(e)}); the note is unchanged`);
	}
	io.stdout.write(`Logged "${entry}" in ${note.path} (${result.key}).\n`);
	return 0;
}

function testHook(io: Io, stdin: Readable): Hook | undefined {
	const hook = io.env[TEST_HOOK_ENV];
	if (hook === 'crash-after-temp-write') {
		return () => {
			process.kill(process.pid, 'SIGKILL');
		};
	}
	if (hook === 'pause-after-temp-write') {
		// Says so on stderr, then waits for one line on stdin before going on.
		return () =>
			new Promise<void>((resolve) => {
				io.stderr.write('paused after temp write\n');
				stdin.once('data', () => resolve());
				stdin.once('end', () => resolve());
				stdin.resume();
			});
	}
	return undefined;
}
