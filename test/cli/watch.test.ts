/**
 * `watch` as a separate process: a save, an atomic save (temp file renamed
 * over the note), a delete, a rename, a burst of changes, ignored folders,
 * settings reloaded, Ctrl+C.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findConfigDir } from '../../src/cli/settings';
import { cleanTemps, copyVault, LineReader, settingsPathIn, sleep, spawnCli, tempDir, writeSettings, type DueJson } from './helpers';

afterAll(cleanTemps);

const TODAY = '2026-11-21';

interface Watch {
	child: ChildProcessWithoutNullStreams;
	out: LineReader;
	err: LineReader;
	/** The next JSON document. */
	next(timeoutMs?: number): Promise<DueJson>;
	exit: Promise<number | null>;
}

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
	for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

async function startWatch(vault: string, ...extra: string[]): Promise<{ w: Watch; first: DueJson }> {
	const child = spawnCli(['watch', vault, '--today', TODAY, '--json', ...extra]);
	running.push(child);
	const out = new LineReader(child.stdout);
	const err = new LineReader(child.stderr);
	const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
	const w: Watch = {
		child,
		out,
		err,
		exit,
		next: async (timeoutMs = 15000) => JSON.parse(await out.next(() => true, timeoutMs)) as DueJson,
	};
	const first = await w.next(30000);
	return { w, first };
}

const interview = (company: string, date = '2026-11-20', extra = '') =>
	`---\ntype: interview\ncompany: ${company}\nrole: Clerk\ninterview_date: ${date}\ninterviewers:\n  - Ann Lee, Manager <ann@${company.toLowerCase()}.example>\n${extra}---\n# ${company}\n`;

function companies(d: DueJson): Set<string> {
	return new Set(d.actions.map((a) => a.company).filter((c): c is string => c !== null));
}

describe('watch --json', () => {
	it('prints the list, then a fresh one after a save, one JSON document per line', async () => {
		const vault = copyVault();
		const { w, first } = await startWatch(vault);
		expect(first.today).toBe(TODAY);
		expect(companies(first).has('Acme Finance')).toBe(true);
		expect(companies(first).has('Newco')).toBe(false);

		writeFileSync(join(vault, 'Interviews', 'Newco.md'), interview('Newco'));
		const after = await w.next();
		expect(companies(after).has('Newco')).toBe(true);
		expect(after.actions.find((a) => a.company === 'Newco' && a.kind === 'thank-you')?.note).toBe('Interviews/Newco.md');
		// Everything else is still there.
		for (const c of companies(first)) expect(companies(after).has(c)).toBe(true);

		// An edit of a note already known.
		writeFileSync(join(vault, 'Interviews', 'Newco.md'), interview('Newco', '2026-11-20', 'follow_ups:\n  - "2026-11-20 thank-you"\n'));
		const edited = await w.next();
		expect(edited.actions.some((a) => a.company === 'Newco' && a.kind === 'thank-you')).toBe(false);
		expect(w.out.pending()).toEqual([]);
	});

	it('follows an atomic save (a temporary file renamed over the note)', async () => {
		const vault = copyVault();
		const { w } = await startWatch(vault);
		const target = join(vault, 'Interviews', '2026-11-16 Acme.md');
		const temp = join(vault, 'Interviews', '2026-11-16 Acme.md.tmp-1234');
		writeFileSync(temp, interview('Acme Renamed Co'));
		renameSync(temp, target);
		let doc = await w.next();
		// An editor may show the vault between its two steps; the last list is the truth.
		while (!companies(doc).has('Acme Renamed Co')) doc = await w.next();
		expect(companies(doc).has('Acme Finance')).toBe(false);
		expect(doc.actions.find((a) => a.company === 'Acme Renamed Co')?.note).toBe('Interviews/2026-11-16 Acme.md');
		// Vim-style: write `.note.md.swp`-like dot files, then the note itself.
		writeFileSync(join(vault, 'Interviews', '.2026-11-16 Acme.md.swp'), 'binary\u0000junk');
		writeFileSync(target, interview('Acme Third'));
		doc = await w.next();
		while (!companies(doc).has('Acme Third')) doc = await w.next();
		expect(doc.diagnostics.some((d) => d.note.includes('.swp'))).toBe(false);
	});

	it('drops a deleted note at once, and follows a renamed one', async () => {
		const vault = copyVault();
		const { w, first } = await startWatch(vault);
		expect(companies(first).has('Initech')).toBe(true);
		rmSync(join(vault, 'Interviews', '2026-11-13 Initech.md'));
		const gone = await w.next();
		expect(companies(gone).has('Initech')).toBe(false);

		renameSync(join(vault, 'Interviews', '2026-11-20 Stark.md'), join(vault, 'Interviews', 'Stark onsite.md'));
		let doc = await w.next();
		while (doc.actions.some((a) => a.note === 'Interviews/2026-11-20 Stark.md')) doc = await w.next();
		const stark = doc.actions.filter((a) => a.company === 'Stark Industries');
		expect(stark.length).toBeGreaterThan(0);
		for (const a of stark) expect(a.note).toBe('Interviews/Stark onsite.md');

		// A whole folder moved away.
		renameSync(join(vault, 'Interviews'), join(vault, 'Archive'));
		doc = await w.next();
		while (doc.actions.some((a) => a.note?.startsWith('Interviews/'))) doc = await w.next();
		expect(doc.actions.some((a) => a.note?.startsWith('Archive/'))).toBe(true);
	});

	it('coalesces a burst of thousands of changes into few lists', async () => {
		const vault = copyVault();
		const { w } = await startWatch(vault);
		mkdirSync(join(vault, 'Burst'));
		const n = 2000;
		// Half into a folder that is new, half into one the watcher already knows.
		for (let i = 0; i < n; i++) writeFileSync(join(vault, i % 2 === 0 ? 'Burst' : 'Interviews', `n${i}.md`), interview(`Burst${i}`));
		// Wait until the last list has every note, then for the quiet after it.
		let doc: DueJson;
		try {
			doc = await w.next(30000);
		} catch (e) {
			throw new Error(`${String(e)}\nstderr: ${w.err.lines.join('\n')}`);
		}
		let lists = 1;
		while (!companies(doc).has(`Burst${n - 1}`) || [...companies(doc)].filter((c) => c.startsWith('Burst')).length < n) {
			const have = [...companies(doc)].filter((c) => c.startsWith('Burst'));
			try {
				doc = await w.next(30000);
			} catch (e) {
				const missing = Array.from({ length: n }, (_, i) => `Burst${i}`).filter((c) => !have.includes(c));
				throw new Error(`${String(e)}\n${have.length} of ${n} notes in the last of ${lists} lists; missing ${missing.slice(0, 20).join(', ')}`);
			}
			lists++;
		}
		await sleep(1000);
		lists += w.out.pending().length;
		expect([...companies(doc)].filter((c) => c.startsWith('Burst'))).toHaveLength(n);
		expect(lists).toBeLessThanOrEqual(20);
		process.stderr.write(`watch: ${n} notes written, ${lists} lists printed\n`);
	}, 90000);

	it('ignores the configuration folder, .git, .trash, node_modules and other dot-folders', async () => {
		const vault = copyVault();
		const { w } = await startWatch(vault);
		const configDir = findConfigDir(vault);
		expect(configDir).not.toBeNull();
		for (const dir of [configDir!, '.git', '.trash', 'node_modules', 'Interviews/.hidden']) {
			mkdirSync(join(vault, dir), { recursive: true });
			writeFileSync(join(vault, dir, 'x.md'), interview(`Ignored ${dir}`));
		}
		writeFileSync(join(vault, 'Interviews', 'notes.txt'), 'not markdown');
		await sleep(800);
		expect(w.out.pending()).toEqual([]);
		// The watcher is alive: a real note still gets through.
		writeFileSync(join(vault, 'Interviews', 'Real.md'), interview('Real'));
		const doc = await w.next();
		expect(companies(doc).has('Real')).toBe(true);
		expect([...companies(doc)].some((c) => c.startsWith('Ignored'))).toBe(false);
	});

	it('reloads the plugin settings when they change', async () => {
		const vault = copyVault();
		writeFileSync(join(vault, 'Tagged.md'), '---\ntags: [job-talk]\ncompany: Tagged\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n');
		const { w, first } = await startWatch(vault);
		expect(companies(first).has('Tagged')).toBe(false);
		writeSettings(vault, { interviewTag: 'job-talk' });
		const doc = await w.next();
		expect(companies(doc).has('Tagged')).toBe(true);
	});

	it('a settings save seen half-way (file truncated, then written) prints one list, with the new settings', async () => {
		const vault = copyVault();
		writeFileSync(join(vault, 'Tagged.md'), '---\ntags: [job-talk]\ncompany: Tagged\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n');
		writeSettings(vault, {});
		const { w } = await startWatch(vault);
		const fd = openSync(settingsPathIn(vault), 'w');
		// 10 ms between the truncation and the write, as a slow save has (watch used to read the empty file).
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
		writeSync(fd, JSON.stringify({ interviewTag: 'job-talk' }));
		closeSync(fd);
		const doc = await w.next();
		expect(companies(doc).has('Tagged')).toBe(true);
		expect(w.err.lines.filter((l) => l !== '')).toEqual([]);
	});

	it('works on a vault never opened in Obsidian (no configuration folder)', async () => {
		const vault = tempDir();
		writeFileSync(join(vault, 'a.md'), interview('Alpha'));
		const { w, first } = await startWatch(vault);
		expect(companies(first)).toEqual(new Set(['Alpha']));
		writeFileSync(join(vault, 'b.md'), interview('Beta'));
		expect(companies(await w.next())).toEqual(new Set(['Alpha', 'Beta']));
	});

	it('stops cleanly on Ctrl+C (exit 0)', async () => {
		const vault = copyVault();
		const { w } = await startWatch(vault);
		w.child.kill('SIGINT');
		expect(await w.exit).toBe(0);
	});
});

describe('watch as text', () => {
	it('prints a readable list, then another after a change', async () => {
		const vault = copyVault();
		const child = spawnCli(['watch', vault, '--today', TODAY]);
		running.push(child);
		const out = new LineReader(child.stdout);
		await out.next((l) => l.startsWith('Interview follow-ups for Saturday 21 November 2026'), 30000);
		await out.next((l) => l.startsWith('Overdue ('));
		out.skipAll();
		writeFileSync(join(vault, 'Interviews', 'Newco.md'), interview('Newco'));
		await out.next((l) => l.startsWith('Interview follow-ups for Saturday 21 November 2026'));
		await out.next((l) => l.includes('Newco, Clerk'));
		child.kill('SIGTERM');
	});
});
