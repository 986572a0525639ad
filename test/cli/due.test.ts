import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, CLI, copyVault, EXAMPLE_VAULT, parseDue, runCli, tempDir, writeSettings, type DueJson } from './helpers';
import { ACTION_KINDS, type ActionKind } from '../../src/core/types';

afterAll(cleanTemps);

const TODAY = '2026-11-21';
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

function dueJson(vault: string, ...extra: string[]): DueJson {
	const r = runCli(['due', vault, '--today', TODAY, '--json', ...extra]);
	expect(r.stderr).toBe('');
	expect(r.code).toBe(0);
	return parseDue(r.stdout);
}

function note(dir: string, path: string, text: string): void {
	const abs = join(dir, ...path.split('/'));
	mkdirSync(join(abs, '..'), { recursive: true });
	writeFileSync(abs, text);
}

describe('due --json on the example vault', () => {
	const doc = dueJson(EXAMPLE_VAULT);

	it('has the keys of cli.md, in its order, with nulls where values are absent', () => {
		expect(Object.keys(doc)).toEqual(['today', 'actions', 'diagnostics']);
		expect(doc.today).toBe(TODAY);
		for (const a of doc.actions) {
			expect(Object.keys(a)).toEqual(['id', 'kind', 'state', 'earliest', 'due', 'company', 'role', 'note', 'person', 'gifts']);
			if (a.person !== null) expect(Object.keys(a.person)).toEqual(['name', 'title', 'email', 'phone']);
			expect(Array.isArray(a.gifts)).toBe(true);
		}
		for (const d of doc.diagnostics) expect(Object.keys(d)).toEqual(['note', 'line', 'severity', 'message']);
	});

	it('holds the action of the cli.md example, exactly', () => {
		const john = doc.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'John Roe');
		expect(john).toBeDefined();
		const { id, ...rest } = john!;
		expect(id).toMatch(/\S/);
		expect(rest).toEqual({
			kind: 'thank-you',
			state: 'overdue',
			earliest: '2026-11-16',
			due: '2026-11-18',
			company: 'Acme Finance',
			role: 'Secretary',
			note: 'Interviews/2026-11-16 Acme.md',
			person: { name: 'John Roe', title: 'Office Manager', email: 'john.roe@acme.example', phone: null },
			gifts: ['moving the office to a paperless workflow'],
		});
	});

	it('shows every group, sorted by due, then earliest, kind, company, person', () => {
		const states = new Set(doc.actions.map((a) => a.state));
		expect(states).toEqual(new Set(['overdue', 'due', 'upcoming']));
		// Kinds rank in the order of the rules table (ACTION_KINDS), not alphabetically.
		const key = (a: DueJson['actions'][number]): string[] => [a.due, a.earliest, String(ACTION_KINDS.indexOf(a.kind as ActionKind)).padStart(2, '0'), a.company?.toLowerCase() ?? '', a.person?.name.toLowerCase() ?? ''];
		for (let i = 1; i < doc.actions.length; i++) {
			const p = key(doc.actions[i - 1]);
			const q = key(doc.actions[i]);
			const cmp = p.findIndex((v, k) => v !== q[k]);
			if (cmp >= 0) expect(p[cmp] <= q[cmp], `${p.join('|')} before ${q.join('|')}`).toBe(true);
		}
		for (const a of doc.actions) {
			if (a.state === 'overdue') expect(a.due < TODAY).toBe(true);
			if (a.state === 'due') expect(a.earliest <= TODAY && TODAY <= a.due).toBe(true);
			if (a.state === 'upcoming') expect(a.earliest > TODAY && a.earliest <= '2026-11-28').toBe(true);
		}
	});

	it('reports the broken note without hiding the others, and still exits 0', () => {
		const broken = doc.diagnostics.filter((d) => d.note === 'Interviews/Cyberdyne (draft).md');
		expect(broken).toHaveLength(1);
		expect(broken[0].severity).toBe('error');
		expect(broken[0].message).toContain("'next Tuesday' is not a date");
		expect(doc.actions.length).toBeGreaterThan(5);
		expect(doc.actions.some((a) => a.company === 'Cyberdyne Systems')).toBe(false);
	});

	it('knows what was done, snoozed, rejected, at offer or still to come', () => {
		const kinds = doc.actions.map((a) => `${a.kind}:${a.company}:${a.person?.name ?? ''}`);
		// Logged in follow_ups / followups / a body task item: not listed.
		expect(kinds).not.toContain('thank-you:Acme Finance:Jane Doe');
		expect(kinds).not.toContain('thank-you:Wayne Enterprises:Lucius Fox');
		expect(kinds).not.toContain('reference-alert:Globex:Marcus Lee');
		// Snoozed until 2026-11-23.
		expect(kinds.some((k) => k.startsWith('ask-timeline:Stark Industries'))).toBe(false);
		// Rejected on 2026-11-19: referral request, no status check.
		expect(kinds).toContain('referral-request:Umbrella Corp:Alice Abernathy');
		expect(kinds.some((k) => k.startsWith('status-check:Umbrella Corp'))).toBe(false);
		// At offer: nothing more to chase, but v2 "answer-offer" (thank them, answer on time).
		expect(kinds.filter((k) => k.includes(':Hooli:')).map((k) => k.split(':')[0])).toEqual(['answer-offer']);
		// A scheduled next round: no status check before it.
		expect(kinds.some((k) => k.startsWith('status-check:Globex'))).toBe(false);
		// A person note supplies the title of a linked interviewer.
		const pepper = doc.actions.find((a) => a.kind === 'thank-you' && a.person?.name === 'Pepper Potts');
		expect(pepper?.person).toEqual({ name: 'Pepper Potts', title: 'Chief Operating Officer', email: 'pepper.potts@stark.example', phone: null });
	});

	it('gives the same ids in every run and every time zone', () => {
		const la = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json'], { env: { TZ: 'America/Los_Angeles' } });
		const ki = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json'], { env: { TZ: 'Pacific/Kiritimati' } });
		expect(la.stdout).toBe(ki.stdout);
		expect(parseDue(la.stdout)).toEqual(doc);
	});
});

describe('due as text', () => {
	it('groups Overdue / Due / Upcoming with relative dates, without colour in a pipe', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', TODAY]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const out = r.stdout;
		expect(out).not.toMatch(ANSI);
		expect(out).toMatch(/^Interview follow-ups for Saturday 21 November 2026/);
		const overdue = out.indexOf('\nOverdue (');
		const due = out.indexOf('\nDue (');
		const upcoming = out.indexOf('\nUpcoming, through Sat 28 Nov (');
		expect(overdue).toBeGreaterThan(0);
		expect(due).toBeGreaterThan(overdue);
		expect(upcoming).toBeGreaterThan(due);
		expect(out).toContain('Send a thank-you note to John Roe (Office Manager)');
		expect(out).toContain('3 days overdue (due Wed 18 Nov)');
		expect(out).toContain('4 days overdue (due Tue 17 Nov)');
		expect(out).toContain('due in 2 days (Mon 23 Nov)');
		// v2: B + 10 days is Sunday 29 November, rolled forward to Monday.
		expect(out).toMatch(/in 5 days \(Thu 26 Nov\), due Mon 30 Nov/);
		expect(out).not.toMatch(/due Sun /);
		expect(out).toContain('Gift idea: moving the office to a paperless workflow');
		expect(out).toContain('Log it in: Interviews/2026-11-16 Acme.md');
		expect(out).toContain("Interviews/Cyberdyne (draft).md:5: error: interview_date: 'next Tuesday' is not a date");
	});

	it('says "due today" and "tomorrow"', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', '2026-11-18', '--within', '1']);
		expect(r.stdout).toContain('due today');
		const r2 = runCli(['due', EXAMPLE_VAULT, '--today', '2026-11-25', '--within', '3']);
		expect(r2.stdout).toMatch(/tomorrow \(Thu 26 Nov\)/);
	});

	it('--why adds the advice each action follows', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--why']);
		const whys = r.stdout.split('\n').filter((l) => l.startsWith('    Why: '));
		expect(whys).toHaveLength(parseDue(runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json']).stdout).actions.length);
		expect(r.stdout).toMatch(/Why: .*thank-you note.*"Within two business days/);
		expect(runCli(['due', EXAMPLE_VAULT, '--today', TODAY]).stdout).not.toContain('Why:');
	});

	it('uses colour on a terminal, and never with NO_COLOR', () => {
		const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
		if (probe.error) {
			console.warn('skipped: no `script` command to give the CLI a terminal');
			return;
		}
		const cmd = `'${process.execPath}' '${CLI}' due '${EXAMPLE_VAULT}' --today ${TODAY}`;
		const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
		expect(tty.stdout).toMatch(ANSI);
		expect(tty.stdout).toContain('Overdue');
		const noColour = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
		expect(noColour.stdout).toContain('Overdue');
		expect(noColour.stdout).not.toMatch(ANSI);
	});
});

describe('the progress line', () => {
	it('goes to stderr on a terminal while notes are read, and is erased; never in a pipe', () => {
		const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
		if (probe.error) {
			console.warn('skipped: no `script` command to give the CLI a terminal');
			return;
		}
		// The threshold (a second) is lowered so that the small example vault shows it.
		const cmd = `'${process.execPath}' '${CLI}' due '${EXAMPLE_VAULT}' --today ${TODAY} --json`;
		const tty = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: { ...process.env, INTERVIEW_FOLLOWUPS_PROGRESS_AFTER_MS: '0' } });
		const erase = `\r${String.fromCharCode(27)}[2K`;
		expect(tty.stdout).toMatch(new RegExp(`${erase.replace('[', '\\[')}Reading notes… \\d+ of \\d+`));
		expect(tty.stdout).toContain(`${erase}{`);
		const pipe = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json'], { env: { INTERVIEW_FOLLOWUPS_PROGRESS_AFTER_MS: '0' } });
		expect(pipe.stderr).toBe('');
	});
});

describe('due options', () => {
	it('--within bounds the upcoming group', () => {
		const none = dueJson(EXAMPLE_VAULT, '--within', '0');
		expect(none.actions.some((a) => a.state === 'upcoming')).toBe(false);
		const wide = dueJson(EXAMPLE_VAULT, '--within', '30');
		const week = dueJson(EXAMPLE_VAULT);
		expect(wide.actions.length).toBeGreaterThan(week.actions.length);
		for (const a of wide.actions) expect(a.earliest <= '2026-12-21').toBe(true);
	});

	it('takes the default window from the settings, and --within over it', () => {
		const vault = copyVault();
		writeSettings(vault, { withinDays: 0 });
		expect(dueJson(vault).actions.some((a) => a.state === 'upcoming')).toBe(false);
		expect(dueJson(vault, '--within', '7').actions.some((a) => a.state === 'upcoming')).toBe(true);
	});

	it('--folder makes every note under a folder an interview note (repeatable, with the settings)', () => {
		const vault = tempDir();
		const plain = (company: string) => `---\ncompany: ${company}\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n`;
		note(vault, 'Jobs/a.md', plain('Alpha'));
		note(vault, 'More/b.md', plain('Beta'));
		note(vault, 'Elsewhere/c.md', plain('Gamma'));
		const companies = (d: DueJson) => new Set(d.actions.map((a) => a.company).filter((c) => c !== null));
		expect(companies(dueJson(vault))).toEqual(new Set());
		expect(companies(dueJson(vault, '--folder', 'Jobs'))).toEqual(new Set(['Alpha']));
		expect(companies(dueJson(vault, '--folder', 'Jobs/', '--folder', './More'))).toEqual(new Set(['Alpha', 'Beta']));
		writeSettings(vault, { interviewFolders: ['Elsewhere'] }, '.obsidian-config');
		expect(companies(dueJson(vault, '--folder', join(vault, 'Jobs')))).toEqual(new Set(['Alpha', 'Gamma']));
	});

	it('warns about a --folder that is not in the vault, and goes on', () => {
		const r = runCli(['due', EXAMPLE_VAULT, '--today', TODAY, '--json', '--folder', 'Nowhere']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/warning: --folder 'Nowhere' is not a folder of the vault/);
		expect(parseDue(r.stdout).actions.length).toBeGreaterThan(0);
	});

	it('lists keep-looking with null company, role, note and person', () => {
		const vault = tempDir();
		note(vault, 'one.md', '---\ntype: interview\ncompany: Solo\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n');
		const d = dueJson(vault);
		const kl = d.actions.find((a) => a.kind === 'keep-looking');
		expect(kl).toMatchObject({ state: 'due', earliest: TODAY, due: TODAY, company: null, role: null, note: null, person: null, gifts: [] });
	});

	it('defaults to the current folder, and to today on the local clock', () => {
		const r = runCli(['due', '--json'], { cwd: EXAMPLE_VAULT });
		expect(r.code).toBe(0);
		const d = parseDue(r.stdout);
		expect(d.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(d.diagnostics.some((x) => x.note === 'Interviews/Cyberdyne (draft).md')).toBe(true);
	});
});

describe('settings from data.json', () => {
	it('reads the plugin settings (a tag other than the default)', () => {
		const vault = tempDir();
		note(vault, 'a.md', '---\ntags: [job-talk]\ncompany: Alpha\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n');
		expect(dueJson(vault).actions.filter((a) => a.company === 'Alpha')).toEqual([]);
		writeSettings(vault, { interviewTag: 'job-talk', minActive: 0 });
		const d = dueJson(vault);
		expect(d.actions.some((a) => a.company === 'Alpha')).toBe(true);
		expect(d.actions.some((a) => a.kind === 'keep-looking')).toBe(false);
	});

	it('finds the settings in a renamed configuration folder, or the one given', () => {
		const vault = tempDir();
		note(vault, 'a.md', '---\ntags: [job-talk]\ncompany: Alpha\nrole: Clerk\ninterview_date: 2026-11-20\ninterviewers:\n  - Ann Lee, Manager\n---\n');
		writeSettings(vault, { interviewTag: 'job-talk' }, '.config-mobile');
		expect(dueJson(vault).actions.some((a) => a.company === 'Alpha')).toBe(true);
		writeSettings(vault, { interviewTag: 'nothing' }, '.other');
		expect(dueJson(vault, '--config-dir', '.other').actions.some((a) => a.company === 'Alpha')).toBe(false);
	});

	it('warns on stderr about a malformed data.json and uses the defaults', () => {
		const vault = copyVault();
		writeSettings(vault, '{ "withinDays": 0, ');
		const r = runCli(['due', vault, '--today', TODAY, '--json']);
		expect(r.code).toBe(0);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/warning: \.obsidian\/plugins\/interview-followups\/data\.json is not valid JSON .*using the default settings/);
		expect(parseDue(r.stdout)).toEqual(dueJson(EXAMPLE_VAULT));
	});

	it('warns about a value of the wrong type and keeps the others', () => {
		const vault = copyVault();
		writeSettings(vault, { withinDays: 'seven', interviewFolders: 'Jobs', cadenceMin: 7 });
		const r = runCli(['due', vault, '--today', TODAY, '--json']);
		expect(r.code).toBe(0);
		// The plugin's validator (core/settings.ts): one line per bad value.
		expect(r.stderr).toMatch(/withinDays: "seven" is not a whole number from 0 to 365; using 7/);
		expect(r.stderr).toMatch(/interviewFolders: "Jobs" is not a list of folders inside the vault; using \[\]/);
		expect(r.stderr.trim().split('\n')).toHaveLength(2);
		expect(parseDue(r.stdout).actions.some((a) => a.state === 'upcoming')).toBe(true);
	});
});
