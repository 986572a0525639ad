/**
 * `snooze` as a separate process (cli.md v2), and the checks `log` and `snooze` make before they
 * write: an interview note, a person of its application written as the notes spell it, a date not
 * after today; `--force` writes anyway.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../src/core/dates';
import { cleanTemps, copyVault, parseDue, runCli } from './helpers';

afterAll(cleanTemps);

const ACME = 'Interviews/2026-11-16 Acme.md';

function read(vault: string, path: string): string {
	return readFileSync(join(vault, ...path.split('/')), 'utf8');
}

/** The note's text with its `snoozed` block (key and items) taken out. */
function withoutSnoozed(text: string): string {
	return text.replace(/^snoozed:\n(?: {2}- .*\n)+/m, '');
}

describe('snooze', () => {
	it("writes 'DATE KIND: PERSON' into snoozed, nothing else; the follow-up leaves due until that day", () => {
		const vault = copyVault();
		const before = read(vault, ACME);
		const thanks = (args: string[]) => parseDue(runCli(['due', vault, '--json', ...args]).stdout).actions.filter((a) => a.kind === 'thank-you' && a.note === ACME && a.person?.name === 'John Roe');
		expect(thanks([])).toHaveLength(1);
		const until = addDays(localToday(), 10);
		// A last name only one person of the application has; written as the notes spell it.
		const r = runCli(['snooze', ACME, 'thank-you', 'roe', '--until', until, '--vault', vault]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(`Snoozed "${until} thank-you: John Roe" in ${ACME} (snoozed).\n`);
		const after = read(vault, ACME);
		expect(after).toContain(`snoozed:\n  - "${until} thank-you: John Roe"\n`);
		expect(withoutSnoozed(after)).toBe(before);
		expect(thanks([])).toHaveLength(0);
		expect(thanks(['--today', until])).toHaveLength(1);
		// Run again, as the plugin's Snooze clicked twice: the entry is there once.
		expect(runCli(['snooze', ACME, 'thank-you', 'John Roe', '--until', until, '--vault', vault]).code).toBe(0);
		expect(read(vault, ACME)).toBe(after);
	});

	it('refuses, exit 2 with one line and nothing written: an unknown kind, no --until, a day not after today, an ambiguous or unknown name', () => {
		const vault = copyVault();
		const before = read(vault, ACME);
		const later = addDays(localToday(), 3);
		const cases: Array<[string[], RegExp]> = [
			[['snooze', ACME, 'thanks', '--until', later], /unknown kind 'thanks'; use one of .*thank-you/],
			[['snooze', ACME, 'thank-you'], /--until YYYY-MM-DD/],
			[['snooze', ACME, 'thank-you', '--until', localToday()], /is not after today/],
			[['snooze', ACME, 'thank-you', 'Nobody Known', '--until', later], /'Nobody Known' is not an interviewer, contact or reference of Acme Finance .*John Roe.*--force/],
		];
		for (const [args, message] of cases) {
			const r = runCli([...args, '--vault', vault]);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr).toMatch(message);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
			expect(read(vault, ACME)).toBe(before);
		}
	});
});

describe('what log and snooze check before they write', () => {
	it('a note that is not an interview note is refused; --force writes into it', () => {
		const vault = copyVault();
		writeFileSync(join(vault, 'Shopping.md'), '# Shopping\n- milk\n');
		for (const args of [['log', 'Shopping.md', 'contact'], ['snooze', 'Shopping.md', 'status-check', '--until', addDays(localToday(), 5)]]) {
			const before = read(vault, 'Shopping.md');
			const r = runCli([...args, '--vault', vault]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/'Shopping\.md' is not an interview note .*--force; nothing written/);
			expect(read(vault, 'Shopping.md')).toBe(before);
			expect(runCli([...args, '--vault', vault, '--force']).code).toBe(0);
		}
		expect(read(vault, 'Shopping.md')).toMatch(/^---\nfollow_ups:\n {2}- ".* contact"\nsnoozed:\n {2}- ".* status-check"\n---\n# Shopping\n- milk\n$/);
	});

	it('log: a person of the application by a unique short name is written in full; a stranger is refused unless --force; a date after today is refused unless --force', () => {
		const vault = copyVault();
		const today = localToday();
		const short = runCli(['log', ACME, 'thank-you', 'roe', '--vault', vault]);
		expect(short.code).toBe(0);
		expect(read(vault, ACME)).toContain(`"${today} thank-you: John Roe"`);
		const stranger = runCli(['log', ACME, 'thank-you', 'Jon Roe', '--vault', vault]);
		expect(stranger.code).toBe(2);
		expect(stranger.stderr).toMatch(/'Jon Roe' is not an interviewer, contact or reference of Acme Finance/);
		expect(runCli(['log', ACME, 'thank-you', 'Jon Roe', '--vault', vault, '--force']).code).toBe(0);
		expect(read(vault, ACME)).toContain(`"${today} thank-you: Jon Roe"`);
		const tomorrow = addDays(today, 1);
		const future = runCli(['log', ACME, 'contact', '--date', tomorrow, '--vault', vault]);
		expect(future.code).toBe(2);
		expect(future.stderr).toMatch(new RegExp(`--date ${tomorrow} is after today \\(${today}\\); log what was done, or pass --force`));
		expect(read(vault, ACME)).not.toContain(`${tomorrow} contact`);
		expect(runCli(['log', ACME, 'contact', '--date', tomorrow, '--vault', vault, '--force']).code).toBe(0);
	});
});
