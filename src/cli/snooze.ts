/**
 * `snooze NOTE KIND [PERSON] --until DATE [--vault VAULT]`: writes
 * `DATE KIND: PERSON` into the note's `snoozed` list, as the plugin's Snooze
 * does, through `log`'s checks and writer (./log.ts): the follow-up leaves
 * the list until DATE.
 */
import type { Readable } from 'node:stream';
import { localToday } from '../core/dates';
import { formatSnooze, isActionKind, normalizeKind } from '../core/logEntries';
import { ACTION_KINDS } from '../core/types';
import { flag, stringOption, UsageError, type Parsed } from './args';
import { parseDateOption, vaultArgument, type Io } from './common';
import { terminalText } from './format';
import { checkedPerson, loadIndex, notePathToWrite, writeEntries } from './log';
import { resolveNotePath } from './vault';

export async function runSnooze(parsed: Parsed, io: Io, stdin: Readable): Promise<number> {
	const [noteArg, kindArg, personArg] = parsed.positionals;
	const kind = normalizeKind(kindArg);
	if (!isActionKind(kind)) throw new UsageError(`snooze: unknown kind '${kindArg}'; use one of ${ACTION_KINDS.join(', ')}`);
	const untilText = stringOption(parsed, 'until');
	const today = localToday();
	if (untilText === undefined) throw new UsageError(`snooze: say until when with --until YYYY-MM-DD (a day after today, ${today})`);
	const until = parseDateOption('until', untilText);
	// As the plugin's snooze asks: a snooze that ends today or earlier hides nothing.
	if (until <= today) throw new UsageError(`snooze: --until ${until} is not after today (${today}); give the day the follow-up should come back`);
	const vault = vaultArgument(parsed, undefined);
	const note = resolveNotePath(vault, noteArg, io.cwd, 'write');
	const real = notePathToWrite(vault, note.path, note.abs, 'snooze');
	const person = checkedPerson('snooze', loadIndex(vault, parsed, io), note.path, personArg, flag(parsed, 'force'));
	const entry = formatSnooze({ until, kind, person });
	const dryRun = flag(parsed, 'dry-run');
	const key = await writeEntries(real, note.path, [entry], dryRun, io, stdin, 'snoozed', 'snooze', { once: true });
	io.stdout.write(terminalText(dryRun ? `Would snooze "${entry}" in ${note.path} (${key}); nothing written.` : `Snoozed "${entry}" in ${note.path} (${key}).`) + '\n');
	return 0;
}
