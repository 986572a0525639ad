/**
 * `log NOTE KIND [PERSON] [--date DATE] [--text TEXT] [--vault VAULT]`:
 * appends `DATE KIND: PERSON` to the note's follow-up list, changing nothing
 * else, and replaces the file safely (./atomic.ts). `snooze` (./snooze.ts)
 * writes through the same checks and the same writer.
 *
 * Only a `.md` note of the vault, outside its dot-folders, is written; a
 * symlink is followed (it stays a link) only to a note inside the vault.
 * Unless `--force`: only an interview note, a person of its application
 * (written as the notes spell it), a date not after today.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import type { Readable } from 'node:stream';
import { localNow, localToday } from '../core/dates';
import { appendEntries, type AppendOptions, type AppendResult, type ListField } from '../core/edit';
import { formatLogEntry, isLogKind, normalizeKind } from '../core/logEntries';
import { statusEventFor, type StatusEventToRecord } from '../core/rules';
import { checkEntry } from '../core/rules/entryChecks';
import type { VaultIndex } from '../core/vaultIndex';
import { LOG_KINDS, type LogKind } from '../core/types';
import { flag, stringOption, UsageError, type Parsed } from './args';
import { editFile, WriteRefused, type Hook } from './atomic';
import { parseDateOption, settingsWithOptions, vaultArgument, type Io } from './common';
import { terminalText } from './format';
import { isIgnoredPath, isNoteName, isOutside, MAX_NOTE_BYTES, resolveNotePath, toVaultPath } from './vault';
import { VaultLoader } from './vaultLoader';

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
	const today = localToday();
	const date = dateText === undefined ? today : parseDateOption('date', dateText);
	const force = flag(parsed, 'force');
	if (date > today && !force) throw new UsageError(`log: --date ${date} is after today (${today}); log what was done, or pass --force`);
	const text = stringOption(parsed, 'text') ?? null;
	const vault = vaultArgument(parsed, undefined);
	const note = resolveNotePath(vault, noteArg, io.cwd, 'write');
	const real = notePathToWrite(vault, note.path, note.abs);
	const index = loadIndex(vault, parsed, io);
	const person = checkedPerson('log', index, note.path, personArg, force);
	const entry = formatLogEntry({ date, kind, person, text });
	const dryRun = flag(parsed, 'dry-run');
	const status = statusEventToRecord(index, note.path, kind, date);

	// A hire is dated in the hired application's note, before the withdrawal is logged in this one.
	if (status !== null && status.note !== note.path) {
		const other = resolveNotePath(vault, status.note, io.cwd, 'write');
		const key = await writeEntries(notePathToWrite(vault, other.path, other.abs), other.path, [status.entry], dryRun, io, stdin);
		io.stdout.write(terminalText(`${dryRun ? 'Would log' : 'Logged'} "${status.entry}" in ${other.path} (${key}): ${status.why}.`) + '\n');
	}
	const entries = status !== null && status.note === note.path ? [status.entry, entry] : [entry];
	const key = await writeEntries(real, note.path, entries, dryRun, io, stdin);
	const shown = entries.map((e) => `"${e}"`).join(' and ');
	const why = entries.length > 1 && status !== null ? `: ${status.why}` : '';
	if (dryRun) {
		io.stdout.write(terminalText(`Would log ${shown} in ${note.path} (${key})${why}; nothing written.`) + '\n');
		return 0;
	}
	io.stdout.write(terminalText(`Logged ${shown} in ${note.path} (${key})${why}.`) + '\n');
	return 0;
}

/** The vault's index, to check the note and the person against (and to date a status). */
export function loadIndex(vault: string, parsed: Parsed, io: Io): VaultIndex {
	const loader = new VaultLoader(vault, settingsWithOptions(vault, parsed, io));
	loader.loadAll();
	return loader.index;
}

/** PERSON as the notes spell it, after the checks of cli.md ("Before it writes"); UsageError otherwise. */
export function checkedPerson(command: string, index: VaultIndex, path: string, personArg: string | undefined, force: boolean): string | null {
	const person = personArg === undefined || personArg.trim() === '' ? null : personArg.replace(/\s+/g, ' ').trim();
	const checked = checkEntry(index, path, person, force);
	if (!checked.ok) throw new UsageError(`${command}: ${checked.message}; nothing written`);
	return checked.person;
}

/** The status event to record with a referral-request, answer-offer or withdraw (core/rules/statusEvent.ts). */
function statusEventToRecord(index: VaultIndex, path: string, kind: LogKind, date: string): StatusEventToRecord | null {
	if (kind !== 'referral-request' && kind !== 'answer-offer' && kind !== 'withdraw') return null;
	return statusEventFor(index, path, kind, date, localNow());
}

/**
 * Appends the entries to the note's list `field` in one atomic write (none with --dry-run); returns
 * the key written to. `command` names the command in messages; `options.once` skips an entry the
 * list holds already (a snooze, as the plugin's).
 */
export async function writeEntries(
	real: string,
	path: string,
	entries: readonly string[],
	dryRun: boolean,
	io: Io,
	stdin: Readable,
	field: ListField = 'follow_ups',
	command = 'log',
	options: AppendOptions = {},
): Promise<string> {
	let result: Exclude<AppendResult, { error: string }> | null = null;
	const edit = (before: Buffer): Buffer | null => {
		if (before.includes(0)) throw new UsageError(`${command}: '${path}' is a binary file, not a note; nothing written`);
		const original = before.toString('utf8');
		if (!Buffer.from(original, 'utf8').equals(before)) {
			throw new UsageError(`${command}: '${path}' is not valid UTF-8 text, so it cannot be edited without changing bytes; nothing written (save it as UTF-8 first)`);
		}
		const r = appendEntries(original, field, entries, options);
		if ('error' in r) throw new UsageError(`${command}: ${path}: ${r.error}; nothing written`);
		result = r;
		return dryRun ? null : Buffer.from(r.text, 'utf8');
	};
	try {
		await editFile(real, edit, { maxBytes: MAX_NOTE_BYTES, hook: testHook(io, stdin) });
	} catch (e) {
		if (e instanceof WriteRefused) throw new UsageError(`${command}: ${path} ${e.message}`);
		throw e;
	}
	const done = result as Exclude<AppendResult, { error: string }> | null;
	if (done === null) throw new Error(`${command}: the edit did not run`);
	return done.key;
}

/** The real path to write for the note `path`; UsageError when it is not a note of the vault. */
export function notePathToWrite(vault: string, path: string, abs: string, command = 'log'): string {
	if (!isNoteName(path)) throw new UsageError(`${command}: '${path}' is not a note (only .md files are written); nothing written`);
	if (isIgnoredPath(path)) {
		throw new UsageError(`${command}: '${path}' is a dot-file or lies in a dot-folder, which Obsidian does not show; nothing written (only notes of the vault are written)`);
	}
	let real: string;
	let vaultReal: string;
	try {
		real = realpathSync(abs);
		vaultReal = realpathSync(vault);
	} catch {
		throw new UsageError(`${command}: note '${path}' cannot be reached; check the path`);
	}
	const rel = relative(vaultReal, real);
	if (isOutside(rel)) {
		throw new UsageError(`${command}: '${path}' is a link to ${real}, outside the vault; nothing written (write in the note itself)`);
	}
	const relPath = toVaultPath(vaultReal, real);
	if (!isNoteName(relPath) || isIgnoredPath(relPath)) {
		throw new UsageError(`${command}: '${path}' is a link to '${relPath}', which is not a note of the vault; nothing written`);
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
