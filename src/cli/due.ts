/**
 * `due` (the list, as text, JSON or iCalendar) and `check` (the problems).
 */
import { flag, stringOption, UsageError, type Parsed } from './args';
import { commonOptions, nowOf, type Io } from './common';
import { VaultLoader } from './vaultLoader';
import { diagnosticLine, formatCheck, formatJson, formatText, styleFor, useColour } from './format';
import { progressFor } from './progress';

export async function runDue(parsed: Parsed, io: Io): Promise<number> {
	const ics = flag(parsed, 'ics');
	if (ics && flag(parsed, 'json')) throw new UsageError("due: --json and --ics are two output formats; give one of them");
	const c = commonOptions(parsed, io);
	const loader = new VaultLoader(c.vault, c.settings);
	loader.loadAll(progressFor(io));
	const report = loader.report(nowOf(c.fixedToday), c.within);
	if (ics) {
		// The calendar writer is loaded only for --ics.
		const { calendarText } = await import('./ics');
		io.stdout.write(calendarText(loader, nowOf(c.fixedToday), c.within, c.vaultName));
		for (const d of report.diagnostics) {
			if (d.severity === 'error') io.stderr.write(`interview-followups: ${diagnosticLine(d)}\n`);
		}
		return 0;
	}
	if (c.json) {
		io.stdout.write(formatJson(report));
		return 0;
	}
	const vaultArg = parsed.positionals[0] ?? stringOption(parsed, 'vault');
	const checkCommand = `interview-followups check${vaultArg === undefined ? '' : ` ${shellWord(vaultArg)}`}`;
	io.stdout.write(formatText(report, { style: styleFor(useColour(io.stdout, io.env)), why: flag(parsed, 'why'), checkCommand }));
	return 0;
}

export function runCheck(parsed: Parsed, io: Io): number {
	const c = commonOptions(parsed, io);
	const loader = new VaultLoader(c.vault, c.settings);
	const read = loader.loadAll(progressFor(io));
	const report = loader.report(nowOf(c.fixedToday), c.within);
	if (c.json) io.stdout.write(formatJson(report));
	else io.stdout.write(formatCheck(report, read, styleFor(useColour(io.stdout, io.env))));
	return report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** A path as one word for a POSIX shell: as it is when plain, else in single quotes. */
function shellWord(s: string): string {
	return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
