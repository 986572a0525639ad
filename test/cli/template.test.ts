/**
 * `template KIND --note NOTE [--person NAME] [--templates DIR]` as a separate process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, copyVault, EXAMPLE_VAULT, runCli, tempDir, writeSettings } from './helpers';

afterAll(cleanTemps);

const ACME = 'Interviews/2026-11-16 Acme.md';
const base = ['--vault', EXAMPLE_VAULT, '--today', '2026-11-21'];

interface TemplateJson {
	kind: string;
	note: string | null;
	person: { name: string; title: string | null; email: string | null; phone: string | null } | null;
	subject: string | null;
	body: string;
	markdown: string;
	mailto: string | null;
	source: string;
}

describe('template', () => {
	it('fills the thank-you note for the person the schedule still owes one', () => {
		const r = runCli(['template', 'thank-you', '--note', ACME, ...base]);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const out = r.stdout;
		expect(out).toMatch(/^Subject: /);
		expect(out).toContain('Dear John,');
		expect(out).toContain('Acme Finance');
		expect(out).toContain('Secretary');
		expect(out).toContain('moving the office to a paperless workflow');
		// The user's name and phone come from the plugin settings in the vault.
		expect(out).toContain('Sam Seeker');
		expect(out).toContain('+1 555 0199');
		// The same wording every time for the same person.
		expect(runCli(['template', 'thank-you', '--note', ACME, ...base]).stdout).toBe(out);
	});

	it('--person picks whom it is for, with what that person cared about', () => {
		const jane = runCli(['template', 'thank-you', '--note', ACME, '--person', 'jane  doe', ...base]);
		expect(jane.code).toBe(0);
		expect(jane.stdout).toContain('Dear Jane,');
		expect(jane.stdout).toContain('Boston marathon');
		const john = runCli(['template', 'thank-you', '--note', ACME, '--person', 'John Roe', ...base]);
		// Two people at one company get different wording.
		expect(jane.stdout.replace(/Jane|Boston marathon|training for the/g, '')).not.toBe(john.stdout.replace(/John|moving the office to a paperless workflow/g, ''));
	});

	it('warns about a person no note names, and uses the name', () => {
		const r = runCli(['template', 'status-check', '--note', ACME, '--person', 'Zed Unknown', ...base]);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/warning: no note names 'Zed Unknown'/);
		expect(r.stdout).toContain('Dear Zed,');
	});

	it('prints every kind: status check, reference heads-up, referral request, new interview note', () => {
		const status = runCli(['template', 'status-check', '--note', 'Interviews/2026-11-13 Initech.md', ...base]);
		expect(status.stdout).toContain('Dear Bill,');
		expect(status.stdout).toMatch(/not meant as pressure/i);
		const ref = runCli(['template', 'reference-alert', '--note', ACME, ...base]);
		expect(ref.stdout).toContain('Ann');
		expect(ref.stdout).toContain('Acme Finance');
		const referral = runCli(['template', 'referral-request', '--note', 'Interviews/2026-11-10 Umbrella.md', ...base]);
		expect(referral.stdout).toContain('Dear Alice,');
		const next = runCli(['template', 'interview', '--note', 'Interviews/2026-11-10 Globex phone screen.md', ...base]);
		expect(next.code).toBe(0);
		expect(next.stdout).toMatch(/^---\ntype: interview\ncompany: "Globex"\nrole: "Data Analyst"\n/);
		expect(next.stdout).toMatch(/second interviews/i);
		const blank = runCli(['template', 'interview', ...base]);
		expect(blank.code).toBe(0);
		expect(blank.stdout).toMatch(/^---\ntype: interview\n/);
	});

	it('--json gives subject, body and a mailto link', () => {
		const r = runCli(['template', 'thank-you', '--note', ACME, '--json', ...base]);
		const doc = JSON.parse(r.stdout) as TemplateJson;
		expect(Object.keys(doc)).toEqual(['kind', 'note', 'person', 'subject', 'body', 'markdown', 'mailto', 'source']);
		expect(doc).toMatchObject({ kind: 'thank-you', note: ACME, source: 'built-in' });
		expect(doc.person).toEqual({ name: 'John Roe', title: 'Office Manager', email: 'john.roe@acme.example', phone: null });
		expect(doc.mailto).toMatch(/^mailto:john\.roe@acme\.example\?subject=/);
		expect(doc.markdown).toContain(doc.body);
	});

	it('uses the user template of the kind, from --templates or the templatesFolder setting', () => {
		const dir = tempDir();
		writeFileSync(join(dir, 'thank-you.md'), 'Subject: Thanks, {{first_name}}\n\nHi {{first_name}}, thanks for the {{role}} interview at {{company}}.\n');
		const r = runCli(['template', 'thank-you', '--note', ACME, '--templates', dir, '--json', ...base]);
		const doc = JSON.parse(r.stdout) as TemplateJson;
		expect(doc.source).toBe('user');
		expect(doc.subject).toBe('Thanks, John');
		expect(doc.body).toBe('Hi John, thanks for the Secretary interview at Acme Finance.');

		const vault = copyVault();
		mkdirSync(join(vault, 'Templates'));
		writeFileSync(join(vault, 'Templates', 'status-check.md'), 'Checking in with {{person_name}} about {{company}} {{unknown_thing}}\n');
		writeSettings(vault, { templatesFolder: 'Templates', userName: 'Sam Seeker' });
		const mine = runCli(['template', 'status-check', '--note', 'Interviews/2026-11-13 Initech.md', '--vault', vault, '--today', '2026-11-21']);
		expect(mine.code).toBe(0);
		expect(mine.stdout).toBe('Checking in with Bill Lumbergh about Initech {{unknown_thing}}\n');
		expect(mine.stderr).toMatch(/Templates\/status-check\.md:1: warning: .*unknown_thing/);
		// A kind without a user template falls back to the built-in one.
		const builtIn = runCli(['template', 'thank-you', '--note', ACME, '--vault', vault, '--today', '2026-11-21', '--json']);
		expect((JSON.parse(builtIn.stdout) as TemplateJson).source).toBe('built-in');
	});

	it('warns when the templatesFolder setting names a folder that does not exist', () => {
		const vault = copyVault();
		writeSettings(vault, { templatesFolder: 'Missing' });
		const r = runCli(['template', 'thank-you', '--note', ACME, '--vault', vault, '--today', '2026-11-21']);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/templates folder 'Missing' .* is not in the vault; using the built-in templates/);
		expect(r.stdout).toContain('Dear John,');
	});
});
