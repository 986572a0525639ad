/**
 * `log` as a separate process: what it writes, what it keeps, and what happens
 * under a concurrent edit or a crash.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, localToday } from '../../src/core/dates';
import { cleanTemps, copyVault, LineReader, parseDue, runCli, sleep, spawnCli, tempDir, until } from './helpers';

afterAll(cleanTemps);

const ACME = 'Interviews/2026-11-16 Acme.md';
const TODAY = '2026-11-21';

function read(vault: string, path: string): Buffer {
	return readFileSync(join(vault, ...path.split('/')));
}

function temps(dir: string): string[] {
	return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('log writes one entry and nothing else', () => {
	it('appends DATE KIND: PERSON to follow_ups, byte for byte elsewhere, and the action is done', () => {
		const vault = copyVault();
		const before = read(vault, ACME).toString('utf8');
		const due = parseDue(runCli(['due', vault, '--today', TODAY, '--json']).stdout);
		expect(due.actions.some((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe')).toBe(true);

		const r = runCli(['log', ACME, 'thank-you', 'John Roe', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toBe(`Logged "2026-11-21 thank-you: John Roe" in ${ACME} (follow_ups).\n`);
		const after = read(vault, ACME).toString('utf8');
		const line = '  - "2026-11-21 thank-you: John Roe"\n';
		const at = before.indexOf('---\n# Acme Finance');
		expect(after).toBe(before.slice(0, at) + line + before.slice(at));

		const again = parseDue(runCli(['due', vault, '--today', TODAY, '--json']).stdout);
		expect(again.actions.some((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe')).toBe(false);
		expect(again.actions.length).toBe(due.actions.length - 1);
		expect(temps(join(vault, 'Interviews'))).toEqual([]);
	});

	it('writes to the alias key a note uses, with the note text after " — "', () => {
		const vault = copyVault();
		const note = 'Interviews/2026-11-13 Initech.md';
		const r = runCli(['log', note, 'status-check', 'Bill Lumbergh', '--date', TODAY, '--text', 'they decide next week', '--vault', vault]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('(log)');
		expect(read(vault, note).toString('utf8')).toContain('  - 2026-11-13 ask-timeline: Bill Lumbergh\n  - "2026-11-21 status-check: Bill Lumbergh — they decide next week"\n---\n');
	});

	it('takes today as the default date, a kind in any case, and no person', () => {
		const vault = copyVault();
		const note = 'Interviews/2026-11-20 Stark.md';
		const r = runCli(['log', note, 'Thank You', '--vault', vault]);
		expect(r.code).toBe(0);
		expect(read(vault, note).toString('utf8')).toContain(`follow_ups:\n  - "${localToday()} thank-you"\n---\n`);
	});

	it('accepts the note as an absolute path, relative to the current folder, or without .md', () => {
		const vault = copyVault();
		expect(runCli(['log', join(vault, ACME), 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(runCli(['log', 'Interviews/2026-11-16 Acme', 'contact', '--date', TODAY], { cwd: vault }).code).toBe(0);
		expect(runCli(['log', '2026-11-16 Acme.md', 'offer', '--date', TODAY, '--vault', vault], { cwd: join(vault, 'Interviews') }).code).toBe(0);
		const text = read(vault, ACME).toString('utf8');
		expect(text).toContain('  - "2026-11-21 contact: Jane Doe"\n  - "2026-11-21 contact"\n  - "2026-11-21 offer"\n---');
	});

	it('keeps CRLF line endings and a byte order mark', () => {
		const vault = tempDir();
		const text = '\uFEFF---\r\ntype: interview\r\ncompany: Acme\r\nfollow_ups:\r\n  - "2026-11-17 thank-you: Jane Doe"\r\n---\r\nBody line\r\n';
		writeFileSync(join(vault, 'crlf.md'), text);
		expect(runCli(['log', '--force', 'crlf.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		const after = readFileSync(join(vault, 'crlf.md'), 'utf8');
		expect(after).toBe('\uFEFF---\r\ntype: interview\r\ncompany: Acme\r\nfollow_ups:\r\n  - "2026-11-17 thank-you: Jane Doe"\r\n  - "2026-11-21 contact: Jane Doe"\r\n---\r\nBody line\r\n');
	});

	it('adds a frontmatter to a note without one', () => {
		const vault = tempDir();
		writeFileSync(join(vault, 'plain.md'), '# Call with Acme\n\nNotes.\n');
		expect(runCli(['log', '--force', 'plain.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(readFileSync(join(vault, 'plain.md'), 'utf8')).toBe('---\nfollow_ups:\n  - "2026-11-21 contact: Jane Doe"\n---\n# Call with Acme\n\nNotes.\n');
	});

	it('keeps the file mode, and a symlinked note stays a symlink', () => {
		const vault = tempDir();
		writeFileSync(join(vault, 'real.md'), '---\nfollow_ups: []\n---\n');
		chmodSync(join(vault, 'real.md'), 0o640);
		symlinkSync('real.md', join(vault, 'link.md'));
		expect(runCli(['log', '--force', 'link.md', 'contact', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(lstatSync(join(vault, 'link.md')).isSymbolicLink()).toBe(true);
		expect(readlinkSync(join(vault, 'link.md'))).toBe('real.md');
		expect(readFileSync(join(vault, 'real.md'), 'utf8')).toBe('---\nfollow_ups: ["2026-11-21 contact"]\n---\n');
		expect(statSync(join(vault, 'real.md')).mode & 0o777).toBe(0o640);
	});

	it('--dry-run writes nothing', () => {
		const vault = copyVault();
		const before = read(vault, ACME);
		const r = runCli(['log', ACME, 'contact', '--dry-run', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Would log "2026-11-21 contact" in Interviews\/2026-11-16 Acme\.md \(follow_ups\); nothing written\.\n$/);
		expect(read(vault, ACME).equals(before)).toBe(true);
	});

	it('refuses a note whose frontmatter is not valid YAML, or which is not UTF-8, writing nothing (exit 2)', () => {
		const vault = tempDir();
		const bad = '---\ncompany: [Acme\n---\nbody\n';
		writeFileSync(join(vault, 'bad.md'), bad);
		const r = runCli(['log', '--force', 'bad.md', 'contact', '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^interview-followups: log: bad\.md: the frontmatter is not valid YAML \(line \d+: .*\); fix it, then try again; nothing written\n$/);
		expect(readFileSync(join(vault, 'bad.md'), 'utf8')).toBe(bad);
		const latin1 = Buffer.from('---\ncompany: Caf\xe9\n---\n', 'latin1');
		writeFileSync(join(vault, 'latin1.md'), latin1);
		const r2 = runCli(['log', '--force', 'latin1.md', 'contact', '--vault', vault]);
		expect(r2.code).toBe(2);
		expect(r2.stderr).toMatch(/not valid UTF-8/);
		expect(readFileSync(join(vault, 'latin1.md')).equals(latin1)).toBe(true);
	});
});

describe('log under a concurrent edit', () => {
	it('refuses (exit 2) when the note changes between its read and the rename, keeping the other edit', async () => {
		const vault = copyVault();
		const child = spawnCli(['log', ACME, 'thank-you', 'John Roe', '--date', TODAY, '--vault', vault], {
			env: { INTERVIEW_FOLLOWUPS_TEST_HOOK: 'pause-after-temp-write' },
		});
		const err = new LineReader(child.stderr);
		const out = new LineReader(child.stdout);
		const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
		await err.next((l) => l.includes('paused after temp write'));
		// The temporary file is there, complete, and the note is still the old one.
		expect(temps(join(vault, 'Interviews'))).toHaveLength(1);
		const theirs = `${read(vault, ACME).toString('utf8')}\nA line the user typed meanwhile.\n`;
		writeFileSync(join(vault, ...ACME.split('/')), theirs);
		child.stdin.write('go\n');
		const code = await exited;
		expect(code).toBe(2);
		const message = err.pending().filter((l) => l !== '');
		expect(message).toHaveLength(1);
		expect(message[0]).toBe(`interview-followups: log: ${ACME} changed on disk while the entry was being written; nothing written (run the command again)`);
		expect(out.lines).toEqual([]);
		expect(read(vault, ACME).toString('utf8')).toBe(theirs);
		expect(temps(join(vault, 'Interviews'))).toEqual([]);
		// Run again: now it goes through, on top of the other edit.
		expect(runCli(['log', ACME, 'thank-you', 'John Roe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		const final = read(vault, ACME).toString('utf8');
		expect(final).toContain('A line the user typed meanwhile.');
		expect(final).toContain('  - "2026-11-21 thank-you: John Roe"\n---');
	});
});

describe('log interrupted', () => {
	it('a crash between the temporary file and the rename leaves the old note whole; the next run cleans up', () => {
		const vault = copyVault();
		const before = read(vault, ACME);
		const r = runCli(['log', ACME, 'thank-you', 'John Roe', '--date', TODAY, '--vault', vault], {
			env: { INTERVIEW_FOLLOWUPS_TEST_HOOK: 'crash-after-temp-write' },
		});
		expect(r.code).toBe(null); // killed by SIGKILL
		expect(read(vault, ACME).equals(before)).toBe(true);
		const left = temps(join(vault, 'Interviews'));
		expect(left).toHaveLength(1);
		expect(left[0].startsWith('.2026-11-16 Acme.md.')).toBe(true);
		// The leftover is a dot-file: no note, no diagnostic.
		const due = parseDue(runCli(['due', vault, '--today', TODAY, '--json']).stdout);
		expect(due.diagnostics.every((d) => !d.note.endsWith('.tmp'))).toBe(true);
		expect(runCli(['log', ACME, 'thank-you', 'John Roe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(temps(join(vault, 'Interviews'))).toEqual([]);
		expect(read(vault, ACME).toString('utf8')).toContain('"2026-11-21 thank-you: John Roe"');
	});

	it('killed at random moments while writing a big note, the note is always the old or the new one, never partial', async () => {
		const vault = tempDir();
		const body = `${'A long body line of meeting notes, repeated to make the write take a while.\n'.repeat(50000)}`;
		const old = `---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\nfollow_ups:\n  - "2026-11-17 thank-you: Jane Doe"\n---\n${body}`;
		const fresh = old.replace('---\n' + body, `  - "${TODAY} contact: Jane Doe"\n---\n${body}`);
		expect(fresh).not.toBe(old);
		const file = join(vault, 'big.md');
		// How long one whole run takes here, to spread the kills over its life: start-up, reading, writing, renaming.
		let whole = 0;
		for (let i = 0; i < 2; i++) {
			writeFileSync(file, old);
			const t0 = Date.now();
			const child = spawnCli(['log', '--force', 'big.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]);
			await new Promise<void>((r) => child.on('exit', () => r()));
			whole = Math.max(whole, Date.now() - t0);
			expect(readFileSync(file, 'utf8')).toBe(fresh);
		}
		let sawOld = 0;
		let sawNew = 0;
		const runs = 12;
		for (let i = 0; i < runs; i++) {
			writeFileSync(file, old);
			const child = spawnCli(['log', '--force', 'big.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]);
			const exited = new Promise<void>((r) => child.on('exit', () => r()));
			await sleep(Math.round(whole * (0.3 + (0.7 * i) / (runs - 1)) + Math.random() * 20));
			child.kill('SIGKILL');
			await exited;
			const now = readFileSync(file, 'utf8');
			expect(now === old || now === fresh, `run ${i}: the note is neither the old nor the new one (${now.length} chars)`).toBe(true);
			if (now === old) sawOld++;
			else sawNew++;
		}
		process.stderr.write(`log: a whole run: ${whole} ms; killed runs: ${sawOld} left the old note, ${sawNew} the new one\n`);
		expect(sawOld + sawNew).toBe(runs);
		// Leftover temporary files are dot-files, and the next run removes them.
		writeFileSync(file, old);
		expect(runCli(['log', '--force', 'big.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(fresh);
		await until(() => temps(vault).length === 0, 2000, 'temporary files removed');
	}, 120000);
});

describe('log records the undated status a referral-request, answer-offer or withdraw counts from (follow-up-rules.md v2, "Status date")', () => {
	// Dates relative to the real today: log's clock is the machine's, and the status date never passes it.
	const day = (n: number): string => addDays(localToday(), n);
	const at = (date: string): Date => {
		const [y, m, d] = date.split('-').map(Number);
		return new Date(y, m - 1, d, 12, 0, 0);
	};
	function vaultWith(notes: Record<string, { text: string; modified: string }>): string {
		const vault = tempDir();
		for (const [path, n] of Object.entries(notes)) {
			const abs = join(vault, ...path.split('/'));
			mkdirSync(dirname(abs), { recursive: true });
			writeFileSync(abs, n.text);
			utimesSync(abs, at(n.modified), at(n.modified));
		}
		return vault;
	}
	const note = (company: string, date: string, extra: string[]): string =>
		['---', 'type: interview', `company: ${company}`, 'role: Clerk', `interview_date: ${date}`, ...extra, '---', ''].join('\n');

	it('referral-request: "DATE rejected" (the day the note last changed) and the entry, in one write; a later edit of the note leaves it done', () => {
		const acme = note('Acme', day(-10), ['interviewers: ["Jane Doe, Manager <jane@acme.example>"]', 'status: rejected', 'follow_ups:', `  - "${day(-10)} thank-you"`]);
		const vault = vaultWith({ 'Interviews/Acme.md': { text: acme, modified: day(-7) } });
		const due = (): string[] => parseDue(runCli(['due', vault, '--json']).stdout).actions.filter((a) => a.kind === 'referral-request').map((a) => a.earliest);
		expect(due()).toEqual([day(-7)]);
		const undated = (): string[] =>
			parseDue(runCli(['check', vault, '--json']).stdout).diagnostics.filter((d) => d.message.includes('no follow-up log entry says since when')).map((d) => d.note);
		expect(undated()).toEqual(['Interviews/Acme.md']);

		const r = runCli(['log', 'Interviews/Acme.md', 'referral-request', 'Jane Doe', '--date', day(-5), '--vault', vault]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(
			`Logged "${day(-7)} rejected" and "${day(-5)} referral-request: Jane Doe" in Interviews/Acme.md (follow_ups): ` +
				`the rejection had no dated entry, so it is recorded on ${day(-7)}, the date the schedule counted from, and no longer moves when the note changes.\n`,
		);
		const after = readFileSync(join(vault, 'Interviews', 'Acme.md'), 'utf8');
		expect(after).toBe(acme.replace(/---\n$/, `  - "${day(-7)} rejected"\n  - "${day(-5)} referral-request: Jane Doe"\n---\n`));
		// The note changes again today: the rejection keeps its date, the referral request stays done.
		utimesSync(join(vault, 'Interviews', 'Acme.md'), at(day(0)), at(day(0)));
		expect(due()).toEqual([]);
		expect(undated()).toEqual([]);
	});

	it('withdraw after an undated hire elsewhere: "DATE hired" goes into the hired note first, then the withdrawal; --dry-run writes neither', () => {
		const acme = note('Acme', day(-12), ['interviewers: ["Jane Doe, Manager <jane@acme.example>"]', 'status: hired', 'follow_ups:', `  - "${day(-12)} thank-you"`]);
		const globex = note('Globex', day(-11), ['interviewers: ["Bob Smith, Lead <bob@globex.example>"]', 'follow_ups:', `  - "${day(-11)} thank-you"`]);
		const vault = vaultWith({ 'Interviews/Acme.md': { text: acme, modified: day(-6) }, 'Interviews/Globex.md': { text: globex, modified: day(-11) } });
		const args = ['log', 'Interviews/Globex.md', 'withdraw', 'Bob Smith', '--date', day(-4), '--vault', vault];

		const dry = runCli([...args, '--dry-run']);
		expect(dry.code).toBe(0);
		expect(dry.stdout.split('\n')[0]).toBe(`Would log "${day(-6)} hired" in Interviews/Acme.md (follow_ups): the hire had no dated entry, so it is recorded on ${day(-6)}, the date the schedule counted from, and no longer moves when the note changes.`);
		expect(dry.stdout.split('\n')[1]).toBe(`Would log "${day(-4)} withdraw: Bob Smith" in Interviews/Globex.md (follow_ups); nothing written.`);
		expect(readFileSync(join(vault, 'Interviews', 'Acme.md'), 'utf8')).toBe(acme);
		expect(readFileSync(join(vault, 'Interviews', 'Globex.md'), 'utf8')).toBe(globex);

		const r = runCli(args);
		expect(r.code).toBe(0);
		expect(readFileSync(join(vault, 'Interviews', 'Acme.md'), 'utf8')).toContain(`  - "${day(-12)} thank-you"\n  - "${day(-6)} hired"\n---\n`);
		expect(readFileSync(join(vault, 'Interviews', 'Globex.md'), 'utf8')).toContain(`  - "${day(-11)} thank-you"\n  - "${day(-4)} withdraw: Bob Smith"\n---\n`);
		utimesSync(join(vault, 'Interviews', 'Acme.md'), at(day(0)), at(day(0)));
		expect(parseDue(runCli(['due', vault, '--json']).stdout).actions.filter((a) => a.kind === 'withdraw')).toEqual([]);
	});

	it('a dated status, or another kind, is logged alone', () => {
		const acme = note('Acme', day(-10), ['status: rejected', 'follow_ups:', `  - "${day(-8)} rejected"`]);
		const vault = vaultWith({ 'Interviews/Acme.md': { text: acme, modified: day(-7) } });
		const r = runCli(['log', 'Interviews/Acme.md', 'referral-request', '--date', day(-5), '--vault', vault]);
		expect(r.stdout).toBe(`Logged "${day(-5)} referral-request" in Interviews/Acme.md (follow_ups).\n`);
	});
});
