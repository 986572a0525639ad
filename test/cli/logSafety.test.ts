/**
 * `log` against everything that could cost a byte of a note: two runs at
 * once, an editor appending lines, a program holding the note open, SIGKILL
 * at any moment, a root run on a user's note, read-only notes, hard links,
 * links out of the vault and files that are not notes.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
	chmodSync,
	chownSync,
	closeSync,
	fstatSync,
	linkSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	statSync,
	symlinkSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, runCli, sleep, spawnCli, tempDir, type Run } from './helpers';

afterAll(cleanTemps);

const TODAY = '2026-11-21';
const NOTE = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\nfollow_ups:\n  - "2026-11-17 thank-you: Jane Doe"\n---\n# Notes\n\nWe talked about the job.\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const onLinux = process.platform === 'linux';

function vaultWith(text = NOTE, name = 'n.md'): { vault: string; file: string } {
	const vault = tempDir('ifu-safe-');
	const file = join(vault, name);
	writeFileSync(file, text);
	return { vault, file };
}

/** The built command line as a separate process, without waiting for it. */
function logAsync(vault: string, note: string, text: string, env: Record<string, string> = {}): Promise<Run> {
	const child = spawnCli(['log', '--force', note, 'contact', 'Jane Doe', '--date', TODAY, '--text', text, '--vault', vault], { env });
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
	child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	child.stdin.end();
	return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const entryOf = (text: string): string => `"${TODAY} contact: Jane Doe — ${text}"`;

/** The pid of a process that has exited. */
function deadPid(): number {
	const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
	return Number(r.stdout);
}

/** Dot-files `log` leaves only when killed: temporary files and locks. */
function leftovers(dir: string): string[] {
	return readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock') || f.endsWith('.stale'));
}

describe('two logs at once on one note', () => {
	it('100 rounds: every run that exited 0 has its entry, and a refusal is exit 2 with one line', async () => {
		const { vault, file } = vaultWith();
		const ok: string[] = [];
		const refusals: string[] = [];
		for (let round = 0; round < 100; round++) {
			const runs = await Promise.all([logAsync(vault, 'n.md', `r${round}a`), logAsync(vault, 'n.md', `r${round}b`)]);
			runs.forEach((r, i) => {
				const text = `r${round}${'ab'[i]}`;
				if (r.code === 0) ok.push(text);
				else {
					expect(r.code, r.stderr).toBe(2);
					expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
					refusals.push(r.stderr);
				}
			});
		}
		const final = readFileSync(file, 'utf8');
		const lost = ok.filter((text) => !final.includes(entryOf(text)));
		process.stderr.write(`concurrency: 200 runs, ${ok.length} written, ${refusals.length} refused, ${lost.length} lost\n`);
		expect(lost).toEqual([]);
		// Nothing but the entries was added, once each.
		expect(final.split('\n').filter((l) => l.includes(`${TODAY} contact`))).toHaveLength(ok.length);
		expect(final.endsWith('---\n# Notes\n\nWe talked about the job.\n')).toBe(true);
		expect(leftovers(vault)).toEqual([]);
		// The lock makes the two runs take turns: the first of each round never waits, so it is written;
		// the second is refused only if it waited for the lock longer than log's patience (a very slow machine).
		expect(ok.length).toBeGreaterThanOrEqual(100);
		for (const message of refusals) expect(message).toMatch(/is being written by another run/);
		// A hang guard only: 200 runs take minutes on a loaded machine.
	}, 1800000);

	it('an editor appending a line every 0-20 ms loses no line', async () => {
		const { vault, file } = vaultWith();
		// A separate process, as an editor would be: open, append one line, close.
		const appender = spawn(
			process.execPath,
			[
				'-e',
				`const fs=require('fs');let i=0;let stop=false;process.stdin.on('data',()=>{stop=true});
				 (function next(){if(stop){process.stdout.write(String(i));process.exit(0)}
				 fs.appendFileSync(${JSON.stringify(file)},'appended line '+(i++)+'\\n');setTimeout(next,Math.random()*20)})();`,
			],
			{ stdio: ['pipe', 'pipe', 'inherit'] },
		);
		let count = '';
		appender.stdout.setEncoding('utf8').on('data', (d: string) => (count += d));
		const ok: string[] = [];
		for (let i = 0; i < 30; i++) {
			const r = await logAsync(vault, 'n.md', `a${i}`);
			if (r.code === 0) ok.push(`a${i}`);
			else expect(r.code, r.stderr).toBe(2);
		}
		appender.stdin.write('stop\n');
		await new Promise((r) => appender.on('exit', r));
		const lines = Number(count);
		expect(lines).toBeGreaterThan(0);
		const final = readFileSync(file, 'utf8');
		const lost = Array.from({ length: lines }, (_, i) => `appended line ${i}\n`).filter((line) => !final.includes(line));
		const lostEntries = ok.filter((text) => !final.includes(entryOf(text)));
		process.stderr.write(`appending writer: ${lines} lines appended, ${lost.length} lost; ${ok.length} of 30 logs written, ${lostEntries.length} lost\n`);
		expect(lost).toEqual([]);
		expect(lostEntries).toEqual([]);
	}, 600000);

	it.runIf(onLinux)('a program holding the note open for writing loses nothing: log refuses, the later write is kept', async () => {
		const { vault, file } = vaultWith();
		// `exec 3<>n.md`: open without truncating, write later.
		const fd = openSync(file, 'r+');
		try {
			const r = await logAsync(vault, 'n.md', 'held');
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(/held open for writing by another program \(pid \d+\)/);
			writeSync(fd, 'HELD WRITE\n', fstatSync(fd).size);
		} finally {
			closeSync(fd);
		}
		expect(readFileSync(file, 'utf8')).toBe(`${NOTE}HELD WRITE\n`);
	});

	it('a program rewriting the note (`exec 3>n.md`: truncated, written later) loses nothing: an empty note is never written', async () => {
		const { vault, file } = vaultWith();
		const saved = readFileSync(file);
		const fd = openSync(file, 'w');
		try {
			const r = await logAsync(vault, 'n.md', 'truncated');
			expect(r.code).toBe(2);
			// Refused as held open (Linux) or, where that cannot be seen, as empty.
			expect(r.stderr).toMatch(/n\.md (is empty|is held open for writing)/);
			writeSync(fd, saved);
		} finally {
			closeSync(fd);
		}
		expect(readFileSync(file).equals(saved)).toBe(true);
	});

	it('an empty note is never the base of a write', () => {
		const { vault, file } = vaultWith('');
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^interview-followups: log: n\.md is empty \(a program may be rewriting it right now\); nothing written/);
		expect(readFileSync(file, 'utf8')).toBe('');
	});

	/** A `log` paused right after its last check before the rename; `go` lets it rename. */
	async function pausedLog(vault: string): Promise<{ go: () => void; exited: Promise<number | null>; stderr: () => string }> {
		const child = spawnCli(['log', '--force', 'n.md', 'contact', 'Jane Doe', '--date', TODAY, '--vault', vault], {
			env: { INTERVIEW_FOLLOWUPS_TEST_HOOK: 'pause-after-check' },
		});
		let stderr = '';
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
		// However slow the machine: the hook says when it is there.
		await new Promise<void>((resolve, reject) => {
			child.stderr.on('data', () => {
				if (stderr.includes('paused after check')) resolve();
			});
			void exited.then(() => reject(new Error(`log exited before the pause: ${stderr}`)));
		});
		return { go: () => child.stdin.write('go\n'), exited, stderr: () => stderr };
	}

	it('a write to the old file between the check and the rename is kept (the log reports it and writes nothing)', async () => {
		const { vault, file } = vaultWith();
		const log = await pausedLog(vault);
		// An editor opens the note right after the check and saves into it before the rename.
		const fd = openSync(file, 'a');
		writeSync(fd, 'LATE WRITE\n');
		closeSync(fd);
		log.go();
		expect(await log.exited).toBe(2);
		expect(log.stderr()).toMatch(/was written by another program while the entry was being written; its text was kept/);
		expect(readFileSync(file, 'utf8')).toBe(`${NOTE}LATE WRITE\n`);
		expect(leftovers(vault)).toEqual([]);
	});

	it.runIf(onLinux)('a program that opened the note before the rename and writes after log gave up: its write lands in the note, however late', async () => {
		const { vault, file } = vaultWith();
		const log = await pausedLog(vault);
		const fd = openSync(file, 'a');
		try {
			log.go();
			// log waits for the holder, gives up, and puts the held file back as the note.
			expect(await log.exited).toBe(2);
			expect(log.stderr()).toMatch(/was opened for writing by another program \(pid \d+\) while the entry was being written; the note was put back/);
			writeSync(fd, 'LATE WRITE\n');
		} finally {
			closeSync(fd);
		}
		expect(readFileSync(file, 'utf8')).toBe(`${NOTE}LATE WRITE\n`);
		expect(leftovers(vault)).toEqual([]);
	});
});

describe('log killed at random moments', () => {
	it('100 SIGKILLs: the note is always the old or the new one, and the next run is not blocked', async () => {
		const { vault, file } = vaultWith();
		const fresh = NOTE.replace('\n---\n#', `\n  - "${TODAY} contact: Jane Doe — k"\n---\n#`);
		// How long a whole run takes here, to spread the kills over it.
		const t0 = Date.now();
		expect((await logAsync(vault, 'n.md', 'k')).code).toBe(0);
		const whole = Date.now() - t0;
		expect(readFileSync(file, 'utf8')).toBe(fresh);
		let sawOld = 0;
		let sawNew = 0;
		for (let i = 0; i < 100; i++) {
			writeFileSync(file, NOTE);
			const child = spawnCli(['log', '--force', 'n.md', 'contact', 'Jane Doe', '--date', TODAY, '--text', 'k', '--vault', vault]);
			const exited = new Promise<void>((r) => child.on('exit', () => r()));
			await sleep(Math.random() * whole * 1.2);
			child.kill('SIGKILL');
			await exited;
			const now = readFileSync(file, 'utf8');
			expect(now === NOTE || now === fresh, `kill ${i}: neither the old nor the new note:\n${now}`).toBe(true);
			if (now === NOTE) sawOld++;
			else sawNew++;
		}
		process.stderr.write(`kill: 100 SIGKILLs, ${sawOld} left the old note, ${sawNew} the new one, 0 anything else\n`);
		// What the killed runs left (a lock, a temporary file) neither blocks (a blocked run is refused) nor stays.
		writeFileSync(file, NOTE);
		expect((await logAsync(vault, 'n.md', 'k')).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toBe(fresh);
		expect(leftovers(vault)).toEqual([]);
	}, 900000);

	it('a temporary file left by a killed run is removed by the next log of any note of that folder', () => {
		const { vault } = vaultWith();
		writeFileSync(join(vault, 'other.md'), NOTE);
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault], { env: { INTERVIEW_FOLLOWUPS_TEST_HOOK: 'crash-after-temp-write' } });
		expect(r.code).toBe(null);
		expect(leftovers(vault).length).toBeGreaterThan(0);
		// And a stale lock that a run killed while breaking it left aside.
		writeFileSync(join(vault, `.n.md.lock.${deadPid()}.stale`), '1\n');
		expect(runCli(['log', '--force', 'other.md', 'contact', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(leftovers(vault)).toEqual([]);
	});
});

describe('log keeps owner, group, mode and links, and refuses what it may not write', () => {
	it.runIf(isRoot)('run as root on a note of user nobody: the note stays nobody\'s, with its mode', () => {
		const { vault, file } = vaultWith();
		chownSync(file, 65534, 65534);
		chmodSync(file, 0o640);
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const st = statSync(file);
		expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
		expect(readFileSync(file, 'utf8')).toContain(`"${TODAY} contact"`);
	});

	it('a read-only note (0444) is refused, even for root', () => {
		const { vault, file } = vaultWith();
		chmodSync(file, 0o444);
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('interview-followups: log: n.md is read-only (mode 0444); nothing written (make it writable first)\n');
		expect(readFileSync(file, 'utf8')).toBe(NOTE);
	});

	it.runIf(isRoot)('a note this user cannot write is refused (as nobody, on a note of root mode 0644)', () => {
		const { vault, file } = vaultWith();
		chmodSync(vault, 0o777);
		chmodSync(join(vault, '..'), 0o755);
		chmodSync(file, 0o644);
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault], { uid: 65534, gid: 65534 });
		expect(r.code, r.stderr).toBe(2);
		expect(r.stderr).toMatch(/n\.md cannot be written by this user \(EACCES\); nothing written/);
		expect(readFileSync(file, 'utf8')).toBe(NOTE);
	});

	it('a note with two hard links is written in place: both names show the entry', () => {
		const { vault, file } = vaultWith();
		mkdirSync(join(vault, 'Elsewhere'));
		linkSync(file, join(vault, 'Elsewhere', 'same.md'));
		const ino = statSync(file).ino;
		expect(runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(statSync(file).ino).toBe(ino);
		expect(statSync(file).nlink).toBe(2);
		expect(readFileSync(join(vault, 'Elsewhere', 'same.md'), 'utf8')).toContain(`"${TODAY} contact"`);
		expect(readFileSync(file, 'utf8')).toBe(NOTE.replace('\n---\n#', `\n  - "${TODAY} contact"\n---\n#`));
	});

	it('a symlinked note that resolves outside the vault is refused', () => {
		const outside = tempDir('ifu-out-');
		writeFileSync(join(outside, 'secret.md'), NOTE);
		const { vault } = vaultWith();
		symlinkSync(join(outside, 'secret.md'), join(vault, 'link.md'));
		const r = runCli(['log', '--force', 'link.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/link\.md' is a link to .*secret\.md, outside the vault; nothing written/);
		expect(readFileSync(join(outside, 'secret.md'), 'utf8')).toBe(NOTE);
	});

	it('files that are not notes are never written: app.json in the configuration folder, .git/config, data.csv, a file without extension, a note in a dot-folder', () => {
		const { vault } = vaultWith();
		const files: Record<string, string> = {
			'.config/app.json': '{"x":1}\n',
			'.git/config': '[core]\n',
			'data.csv': 'a,b\n',
			Acme: 'plain text\n',
			'.trash/old.md': NOTE,
		};
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(join(vault, path, '..'), { recursive: true });
			writeFileSync(join(vault, path), text);
		}
		const said: Record<string, string> = {
			'.trash/old.md': "log: '.trash/old.md' is a dot-file or lies in a dot-folder, which Obsidian does not show; nothing written (only notes of the vault are written)",
		};
		for (const path of Object.keys(files)) {
			const r = runCli(['log', '--force', path, 'contact', 'X', '--date', TODAY, '--vault', vault]);
			expect(r.code, path).toBe(2);
			// The file is there: "not found" would send the user looking for it.
			const message = said[path] ?? `'${path}' is not a note (only .md files outside dot-folders are written); nothing written`;
			expect(r.stderr, path).toBe(`interview-followups: ${message}\n`);
			expect(readFileSync(join(vault, path), 'utf8'), path).toBe(files[path]);
		}
		// `NOTE` without .md means NOTE.md, never the extensionless file.
		writeFileSync(join(vault, 'Acme.md'), NOTE);
		expect(runCli(['log', '--force', 'Acme', 'contact', '--date', TODAY, '--vault', vault]).code).toBe(0);
		expect(readFileSync(join(vault, 'Acme'), 'utf8')).toBe('plain text\n');
		expect(readFileSync(join(vault, 'Acme.md'), 'utf8')).toContain(`"${TODAY} contact"`);
	});

	it('a note in a templates or excluded folder is refused, whatever it says, with why and where to log instead', () => {
		const { vault } = vaultWith();
		const folders: Record<string, string> = {
			'.config/templates.json': '{"folder":"Templates"}',
			'.config/plugins/templater-obsidian/data.json': '{"templates_folder":"Templater"}',
			'.config/plugins/interview-followups/data.json': '{"templatesFolder":"Mine","excludedFolders":["Archive"]}',
		};
		for (const [path, text] of Object.entries(folders)) {
			mkdirSync(join(vault, path, '..'), { recursive: true });
			writeFileSync(join(vault, path), text);
		}
		const cases: Array<[string, string, string[]]> = [
			['Templates/Interview.md', 'Templates', []],
			['Templater/Interview.md', 'Templater', []],
			['Mine/Interview.md', 'Mine', []],
			['Archive/Old.md', 'Archive', []],
			['Old/Acme.md', 'Old', ['--exclude', 'Old']],
		];
		for (const [path, folder, extra] of cases) {
			mkdirSync(join(vault, path, '..'), { recursive: true });
			writeFileSync(join(vault, path), NOTE);
			const why = `'${path}' is in an excluded folder ('${folder}': templates folders and the excluded folders hold no interview notes); write in the interview note itself; nothing written`;
			// Not even --force writes there: a template's entry would be copied into every note made from it.
			for (const command of [['log', path, 'thank-you', 'Jane Doe', '--date', TODAY], ['log', path, 'contact', '--force'], ['snooze', path, 'status-check', '--until', '2099-01-01']]) {
				const r = runCli([...command, '--vault', vault, ...extra]);
				expect(r.code, `${command.join(' ')}`).toBe(2);
				expect(r.stderr, `${command.join(' ')}`).toBe(`interview-followups: ${command[0]}: ${why}\n`);
				expect(readFileSync(join(vault, path), 'utf8'), path).toBe(NOTE);
			}
		}
		// The same note outside those folders is logged into.
		expect(runCli(['log', 'n.md', 'contact', '--date', TODAY, '--vault', vault]).code).toBe(0);
	});

	it('a note named ..dots.md is found, and refused as the dot-file it is (Obsidian does not show it)', () => {
		const { vault, file } = vaultWith(NOTE, '..dots.md');
		const r = runCli(['log', '--force', '..dots.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe("interview-followups: log: '..dots.md' is a dot-file or lies in a dot-folder, which Obsidian does not show; nothing written (only notes of the vault are written)\n");
		expect(readFileSync(file, 'utf8')).toBe(NOTE);
	});

	it('a note over the size limit is refused at once', () => {
		const { vault, file } = vaultWith(`${NOTE}${'x'.repeat(6 * 1024 * 1024)}\n`);
		const r = runCli(['log', '--force', 'n.md', 'contact', '--date', TODAY, '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/n\.md is 6\.0 MB, over the 5\.0 MB limit for a note; nothing written/);
		expect(statSync(file).size).toBe(NOTE.length + 6 * 1024 * 1024 + 1);
	});

	it('--folder leading out of the vault is refused', () => {
		const { vault } = vaultWith();
		const r = runCli(['due', vault, '--folder', '../..', '--today', TODAY]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--folder '\.\.\/\.\.' leads out of the vault/);
	});
});
