/**
 * Notes and folders the user cannot read, with the built command line as a
 * separate process. The suite often runs as root, for whom permissions do not
 * apply; then the command line runs as the unprivileged user `nobody` (uid
 * 65534), so that a file with mode 000 really cannot be opened.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, parseDue, runCli, tempDir, type Run } from './helpers';

const TODAY = '2026-11-21';
const NOBODY = 65534;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** As root, `nobody` must be able to reach the built command line (not so when the checkout is in a private folder). */
function nobodyCanRunCli(): boolean {
	const r = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`], {
		cwd: '/',
		uid: NOBODY,
		gid: NOBODY,
		timeout: 20000,
	});
	return r.status === 0;
}

const canRun = typeof process.getuid === 'function' && (!isRoot || nobodyCanRunCli());
if (!canRun) process.stderr.write('skipping test/cli/permissions.test.ts: no separate user to run the command line as\n');

afterAll(() => {
	cleanTemps();
});

const note = (company: string, interviewer: string): string =>
	['---', 'type: interview', `company: ${company}`, 'role: Clerk', 'interview_date: 2026-11-16', 'interviewers:', `  - ${interviewer}, Manager`, '---', ''].join('\n');

/** A vault of one readable note, one unreadable note and one unreadable folder; everything else readable by anyone. */
function lockedVault(): { vault: string; secret: string } {
	const root = tempDir('ifu-perm-');
	chmodSync(root, 0o755);
	const vault = join(root, 'vault');
	const write = (path: string, text: string): string => {
		const abs = join(vault, ...path.split('/'));
		mkdirSync(dirname(abs), { recursive: true, mode: 0o755 });
		writeFileSync(abs, text, { mode: 0o644 });
		return abs;
	};
	write('Interviews/Open.md', note('Open Corp', 'Olga Open'));
	const secret = write('Interviews/Secret.md', note('Secret Corp', 'Sam Secret'));
	write('Locked/Hidden.md', note('Hidden Corp', 'Hal Hidden'));
	chmodSync(secret, 0o000);
	chmodSync(join(vault, 'Locked'), 0o000);
	return { vault, secret };
}

/** The built command line, as `nobody` when the tests run as root. */
function run(args: readonly string[]): Run {
	return runCli(args, { env: { NO_COLOR: '1' }, ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}) });
}

describe.runIf(canRun)(`files that cannot be read (${isRoot ? 'as nobody, since the suite runs as root' : 'as this user'})`, () => {
	it('due lists the readable notes and names the unreadable note and folder, without crashing', () => {
		const { vault } = lockedVault();
		const r = run(['due', vault, '--today', TODAY, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const doc = parseDue(r.stdout);
		expect(doc.actions.map((a) => `${a.kind} ${a.person?.name ?? ''}`)).toContain('thank-you Olga Open');
		expect(doc.actions.some((a) => a.company === 'Secret Corp' || a.company === 'Hidden Corp')).toBe(false);
		const problems = doc.diagnostics.map((d) => `${d.note}: ${d.message}`);
		expect(problems).toContainEqual(expect.stringMatching(/^Interviews\/Secret\.md: this note cannot be read \(permission denied\); skipped/));
		expect(problems).toContainEqual(expect.stringMatching(/^Locked: this folder cannot be read \(permission denied\); its notes were skipped/));
	});

	it('check reports them as warnings (exit 0: nothing is wrong in the notes it could read)', () => {
		const { vault } = lockedVault();
		const r = run(['check', vault]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/Interviews\/Secret\.md/);
		expect(r.stdout).toMatch(/permission denied/);
	});

	it('log on a note it cannot read exits 2 with one line and changes nothing', () => {
		const { vault, secret } = lockedVault();
		const r = run(['log', '--force', 'Interviews/Secret.md', 'thank-you', 'Sam Secret', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/Secret\.md.*(cannot be read|permission denied|EACCES)/);
		chmodSync(secret, 0o644);
		expect(readFileSync(secret, 'utf8')).toBe(note('Secret Corp', 'Sam Secret'));
	});
});
