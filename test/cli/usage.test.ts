/**
 * Exit codes, errors and help of every command (cli.md "Exit status and errors").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, parseCommandLine, UsageError } from '../../src/cli/args';
import { cleanTemps, copyVault, EXAMPLE_VAULT, runCli, tempDir } from './helpers';

afterAll(cleanTemps);

/** Exit 2, nothing on stdout, exactly one line on stderr. */
function expectRefusal(args: string[], pattern: RegExp, cwd?: string): string {
	const r = runCli(args, { cwd });
	expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
	expect(r.stdout).toBe('');
	const lines = r.stderr.split('\n').filter((l) => l !== '');
	expect(lines, r.stderr).toHaveLength(1);
	expect(lines[0]).toMatch(/^interview-followups: /);
	expect(lines[0]).toMatch(pattern);
	return lines[0];
}

describe('exit 2: the command could not run', () => {
	it('refuses an unknown option, naming it and suggesting the right one', () => {
		const line = expectRefusal(['due', EXAMPLE_VAULT, '--todya', '2026-11-21'], /unknown option '--todya'/);
		expect(line).toMatch(/did you mean '--today'\?/);
		expect(line).toMatch(/run 'interview-followups due --help'/);
		for (const c of COMMANDS) expectRefusal([c, '--bogus'], new RegExp(`${c}: unknown option '--bogus'`));
	});

	it('refuses a bad date, a bad window, a missing value', () => {
		expectRefusal(['due', EXAMPLE_VAULT, '--today', '2026-13-45'], /--today '2026-13-45' is not a valid date; write YYYY-MM-DD/);
		expectRefusal(['due', EXAMPLE_VAULT, '--today', 'next Tuesday'], /--today 'next Tuesday' is not a valid date/);
		expectRefusal(['check', EXAMPLE_VAULT, '--within', '-3'], /--within|needs a value/);
		expectRefusal(['due', EXAMPLE_VAULT, '--within', 'soon'], /--within 'soon' is not a number of days/);
		expectRefusal(['due', EXAMPLE_VAULT, '--today'], /option '--today' needs a value \(YYYY-MM-DD\)/);
		expectRefusal(['due', EXAMPLE_VAULT, '--json=yes'], /option '--json' takes no value/);
	});

	it('refuses a missing vault or a file given as the vault', () => {
		expectRefusal(['due', '/no/such/vault'], /vault '\/no\/such\/vault' does not exist/);
		expectRefusal(['watch', '/no/such/vault'], /does not exist/);
		expectRefusal(['check', join(EXAMPLE_VAULT, 'Job search.md')], /is not a folder/);
		expectRefusal(['due', EXAMPLE_VAULT, '--vault', '/elsewhere'], /two vaults given/);
	});

	it('refuses unknown and missing commands, and stray arguments', () => {
		expectRefusal([], /no command given; run 'interview-followups --help'/);
		expectRefusal(['dew'], /unknown command 'dew'; did you mean 'due'\?/);
		expectRefusal(['due', 'a', 'b'], /unexpected argument 'b'/);
		expectRefusal(['log', 'note.md'], /log: missing KIND/);
		expectRefusal(['template'], /template: missing KIND/);
		expectRefusal(['due', EXAMPLE_VAULT, '--json', '--ics'], /--json and --ics/);
	});

	it('log: refuses an unknown kind, a bad date, a missing note, writing nothing', () => {
		const vault = copyVault();
		const before = runCli(['due', vault, '--today', '2026-11-21', '--json']).stdout;
		expectRefusal(['log', 'Interviews/2026-11-16 Acme.md', 'thanks', '--vault', vault], /log: unknown kind 'thanks'; use one of thank-you, /);
		expectRefusal(['log', 'Interviews/2026-11-16 Acme.md', 'thank-you', '--date', '2026-02-30', '--vault', vault], /--date '2026-02-30' is not a valid date/);
		expectRefusal(['log', 'Interviews/nope.md', 'thank-you', '--vault', vault], /note 'Interviews\/nope.md' not found in the vault/);
		expectRefusal(['log', '/etc/hostname', 'thank-you', '--vault', vault], /not inside the vault/);
		expect(runCli(['due', vault, '--today', '2026-11-21', '--json']).stdout).toBe(before);
	});

	it('template: refuses an unknown kind, a missing --note, a note that is not an interview note', () => {
		expectRefusal(['template', 'thanks', '--note', 'x.md', '--vault', EXAMPLE_VAULT], /unknown kind 'thanks'; use one of thank-you, ask-timeline, status-check/);
		expectRefusal(['template', 'thank-you', '--vault', EXAMPLE_VAULT], /--note NOTE is needed/);
		expectRefusal(['template', 'thank-you', '--note', 'Job search.md', '--vault', EXAMPLE_VAULT], /is not an interview note/);
		expectRefusal(['template', 'thank-you', '--note', 'Interviews/2026-11-16 Acme.md', '--vault', EXAMPLE_VAULT, '--templates', 'Nope'], /templates folder 'Nope' not found/);
	});
});

describe('help and version', () => {
	it('prints help for the program and every command, exit 0', () => {
		const main = runCli(['--help']);
		expect(main.code).toBe(0);
		for (const c of COMMANDS) expect(main.stdout).toContain(`interview-followups ${c}`);
		for (const c of COMMANDS) {
			for (const args of [[c, '--help'], [c, '-h'], ['help', c]]) {
				const r = runCli(args);
				expect(r.code).toBe(0);
				expect(r.stderr).toBe('');
				expect(r.stdout).toMatch(new RegExp(`^Usage: interview-followups ${c}`));
				expect(r.stdout).toContain('--help');
			}
		}
		expect(runCli(['due', '--help']).stdout).toMatch(/--today YYYY-MM-DD[\s\S]*--within DAYS[\s\S]*--json[\s\S]*--ics[\s\S]*--folder DIR/);
		expect(runCli(['log', '--help']).stdout).toMatch(/--date YYYY-MM-DD[\s\S]*--vault VAULT/);
		expect(runCli(['template', '--help']).stdout).toMatch(/--note NOTE[\s\S]*--person NAME[\s\S]*--templates DIR/);
	});

	it('prints the version of package.json', () => {
		const r = runCli(['--version']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^interview-followups \d+\.\d+\.\d+\n$/);
	});
});

describe('exit 0 and 1', () => {
	it('check exits 1 on an error, 0 on warnings only, 0 on a clean vault', () => {
		const broken = runCli(['check', EXAMPLE_VAULT, '--today', '2026-11-21']);
		expect(broken.code).toBe(1);
		expect(broken.stdout).toContain("Interviews/Cyberdyne (draft).md:5: error: interview_date: 'next Tuesday' is not a date");
		expect(broken.stdout).toMatch(/1 problem in 1 file \(1 error, 0 warnings\); \d+ notes read\./);
		const json = runCli(['check', EXAMPLE_VAULT, '--today', '2026-11-21', '--json']);
		expect(json.code).toBe(1);
		expect(JSON.parse(json.stdout)).toMatchObject({ today: '2026-11-21', diagnostics: [{ severity: 'error' }] });

		const vault = tempDir();
		writeFileSync(join(vault, 'a.md'), '---\ntype: interview\nrole: Clerk\ninterview_date: 2026-11-20\n---\n');
		const warn = runCli(['check', vault]);
		expect(warn.stdout).toMatch(/a\.md(:\d+)?: warning: /);
		expect(warn.code).toBe(0);
		const clean = tempDir();
		writeFileSync(join(clean, 'a.md'), '# nothing\n');
		const ok = runCli(['check', clean]);
		expect(ok.code).toBe(0);
		expect(ok.stdout).toBe('No problems found in 1 note.\n');
	});

	it('due exits 0 even when notes have errors', () => {
		expect(runCli(['due', EXAMPLE_VAULT, '--today', '2026-11-21']).code).toBe(0);
	});
});

describe('parseCommandLine (unit)', () => {
	it('parses repeated --folder and the positionals', () => {
		const inv = parseCommandLine(['due', 'v', '--folder', 'A', '--folder', 'B', '--json']);
		expect(inv.kind).toBe('run');
		if (inv.kind !== 'run') return;
		expect(inv.parsed.positionals).toEqual(['v']);
		expect(inv.parsed.values.folder).toEqual(['A', 'B']);
		expect(inv.parsed.values.json).toBe(true);
	});

	it('throws UsageError, never anything else, for bad input', () => {
		for (const argv of [['x'], ['due', '--x'], ['due', '-z'], ['log'], ['due', '--today'], ['--nope']]) {
			expect(() => parseCommandLine(argv)).toThrow(UsageError);
		}
	});
});
