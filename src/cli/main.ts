/**
 * The command line: `interview-followups due | watch | check | log | snooze | template | report | feed`.
 * The contract is shared/spec/cli.md; `interview-followups --help` lists it.
 *
 * Exit status: 0 the command did its work (even if notes have problems);
 * 1 `check` found an error; 2 the command could not run (one line on stderr
 * says what and what to do; nothing is written).
 */
import type { Readable } from 'node:stream';
import { parseCommandLine, PROGRAM, UsageError } from './args';
import type { Io } from './common';
import { runCheck, runDue } from './due';
import { terminalText } from './format';

import { version as packageVersion } from '../../package.json';

function version(): string {
	return packageVersion;
}

export async function main(argv: readonly string[], io: Io, stdin: Readable = process.stdin): Promise<number> {
	try {
		const inv = parseCommandLine(argv);
		if (inv.kind === 'help') {
			io.stdout.write(inv.text);
			return 0;
		}
		if (inv.kind === 'version') {
			io.stdout.write(`${PROGRAM} ${version()}\n`);
			return 0;
		}
		const { parsed } = inv;
		switch (parsed.command) {
			case 'due':
				return await runDue(parsed, io);
			case 'check':
				return runCheck(parsed, io);
			// Loaded when asked for, so that `due` does not pay for their libraries at start-up.
			case 'watch':
				return await (await import('./watch')).runWatch(parsed, io);
			case 'log':
				return await (await import('./log')).runLog(parsed, io, stdin);
			case 'snooze':
				return await (await import('./snooze')).runSnooze(parsed, io, stdin);
			case 'template':
				return (await import('./template')).runTemplate(parsed, io);
			case 'report':
				return (await import('./report')).runReport(parsed, io);
			case 'feed':
				return await (await import('./feed')).runFeed(parsed, io);
		}
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr.write(`${PROGRAM}: ${terminalText(e.message)}\n`);
			return 2;
		}
		const detail = e instanceof Error ? (io.env.DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
		io.stderr.write(`${PROGRAM}: internal error: ${terminalText(detail.split('\n').join(io.env.DEBUG ? '\n' : ' '), true)}; please report it (set DEBUG=1 for details)\n`);
		return 2;
	}
}

function run(): void {
	// A closed pipe (`due | head`) ends the program quietly.
	process.stdout.on('error', (e: Error & { code?: string }) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});
	const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
	main(process.argv.slice(2), io).then(
		(code) => {
			process.exitCode = code;
			// watch leaves nothing running once it is done; the other commands never start anything.
			if (process.stdin.readableFlowing) process.stdin.pause();
		},
		(e: unknown) => {
			process.stderr.write(`${PROGRAM}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
			process.exitCode = 2;
		},
	);
}

run();
