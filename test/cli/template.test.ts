/**
 * `template KIND --note NOTE [--person NAME] [--templates DIR]` as a separate process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
		expect(status.stdout).toMatch(/pressure|rush|hurry|push/i);
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

	it('the signOff and familyNameFirst of data.json reach the letter, as they reach the plugin\'s', () => {
		const vault = copyVault();
		writeSettings(vault, { userName: 'Sam Seeker', signOff: 'Best,', familyNameFirst: true });
		const r = runCli(['template', 'thank-you', '--note', ACME, '--vault', vault, '--today', '2026-11-21']);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('Dear John Roe,');
		expect(r.stdout).toMatch(/\nBest,\nSam Seeker/);
		writeSettings(vault, { userName: 'Sam Seeker', signOff: 7 });
		const bad = runCli(['template', 'thank-you', '--note', ACME, '--vault', vault, '--today', '2026-11-21']);
		expect(bad.stderr).toMatch(/data\.json: signOff: 7: not a text; using the built-in closings/);
		expect(bad.stdout).toContain('Dear John,');
	});

	it('--note naming a file that is there but is no note says so, not "not found"', () => {
		const vault = tempDir('ifu-tpl-');
		writeFileSync(join(vault, 'data.csv'), 'a,b\n');
		const r = runCli(['template', 'thank-you', '--note', 'data.csv', '--vault', vault]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe("interview-followups: 'data.csv' is not a note (notes are .md files); give the path of a note\n");
	});

	it('template ask-timeline: the short note asking about further rounds and the decision', () => {
		const r = runCli(['template', 'ask-timeline', '--note', 'Interviews/2026-11-20 Stark.md', ...base]);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^Subject: /);
		expect(r.stdout).toMatch(/interviews/);
		expect(r.stdout).toMatch(/decide|decision/);
		expect(r.stdout).not.toMatch(/has a decision been made|where things stand/);
	});

	it('warns when the message does not fit the notes, and prints it all the same', () => {
		const ref = runCli(['template', 'thank-you', '--note', ACME, '--person', 'Ann Smith', ...base]);
		expect(ref.code).toBe(0);
		expect(ref.stderr).toMatch(/warning: Ann Smith \(a reference of this application\) is not an interviewer of Interviews\/2026-11-16 Acme\.md, .*\(the interviewers there: Jane Doe, John Roe\)/);
		expect(ref.stdout).toContain('Dear Ann,');
		const referral = runCli(['template', 'referral-request', '--note', ACME, ...base]);
		expect(referral.stderr).toMatch(/warning: a referral request follows a rejection, but this application's status is interviewing/);
		const withdraw = runCli(['template', 'withdraw', '--note', ACME, ...base]);
		expect(withdraw.stderr).toMatch(/warning: the withdrawal says you accepted another offer, but no other application is hired/);
		// A rejected application's referral request has no warning.
		expect(runCli(['template', 'referral-request', '--note', 'Interviews/2026-11-10 Umbrella.md', ...base]).stderr).toBe('');
	});
});

describe('the README', () => {
	it('shows the thank-you and the status check as they come out for the example vault', () => {
		const readme = readFileSync(join(EXAMPLE_VAULT, '..', '..', 'README.md'), 'utf8');
		for (const note of [ACME, 'Interviews/2026-11-13 Initech.md']) {
			const kind = note === ACME ? 'thank-you' : 'status-check';
			const out = runCli(['template', kind, '--note', note, ...base]).stdout.replace(/\n$/, '');
			expect(readme).toContain(`\`\`\`\`markdown\n${out}\n\`\`\`\``);
		}
	});
});

describe('template --action ID', () => {
	function due(vault: string, today: string) {
		const r = runCli(['due', vault, '--today', today, '--json']);
		expect(r.code).toBe(0);
		return (JSON.parse(r.stdout) as { actions: Array<{ id: string; kind: string; person: { name: string } | null }> }).actions;
	}

	it('prints the message of an action taken from due --json', () => {
		const actions = due(EXAMPLE_VAULT, '2026-11-21');
		const check = actions.find((a) => a.kind === 'status-check' && a.person?.name === 'Bill Lumbergh')!;
		const r = runCli(['template', '--action', check.id, ...base]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Dear Bill,');
		// The same message as the kind and note give.
		expect(r.stdout).toBe(runCli(['template', 'status-check', '--note', 'Interviews/2026-11-13 Initech.md', ...base]).stdout);
		const json = JSON.parse(runCli(['template', '--action', check.id, '--json', ...base]).stdout) as TemplateJson & { actions: string[] };
		expect(json.actions).toEqual([check.id]);
		expect(json.kind).toBe('status-check');
	});

	it('a thank-you and an ask-timeline open for the same person come as one message, which answers both', () => {
		const vault = tempDir();
		mkdirSync(join(vault, 'Interviews'));
		writeFileSync(
			join(vault, 'Interviews', 'Hooli.md'),
			'---\ntype: interview\ncompany: Hooli\nrole: Analyst\ninterview_date: 2026-11-19T10:00\ninterviewers:\n  - Gavin Belson, CEO <gavin@hooli.example>\n---\n',
		);
		const actions = due(vault, '2026-11-20');
		const thanks = actions.find((a) => a.kind === 'thank-you')!;
		const ask = actions.find((a) => a.kind === 'ask-timeline')!;
		expect(thanks.person?.name).toBe('Gavin Belson');
		expect(ask.person?.name).toBe('Gavin Belson');
		const one = runCli(['template', '--action', thanks.id, '--vault', vault, '--today', '2026-11-20', '--json']);
		expect(one.code).toBe(0);
		const doc = JSON.parse(one.stdout) as TemplateJson & { actions: string[] };
		expect(doc.kind).toBe('thank-you');
		expect(doc.actions).toEqual([thanks.id, ask.id]);
		expect(doc.body).toMatch(/thank/i);
		expect(doc.body).toMatch(/interviews/);
		expect(doc.body).toMatch(/decide|decision/);
		// Asked from the other action, it is the same message.
		const other = JSON.parse(runCli(['template', '--action', ask.id, '--vault', vault, '--today', '2026-11-20', '--json']).stdout) as TemplateJson & { actions: string[] };
		expect(other.markdown).toBe(doc.markdown);
		expect(other.actions).toEqual([thanks.id, ask.id]);
	});

	it('an unknown id, or an action with nothing to send, exits 2 with what to do', () => {
		const r = runCli(['template', '--action', 'thank-you-000000000000', ...base]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/no open action has the id 'thank-you-000000000000'.*due --json/);
		const names = due(EXAMPLE_VAULT, '2026-11-21').find((a) => a.kind === 'collect-names')!;
		const n = runCli(['template', '--action', names.id, ...base]);
		expect(n.code).toBe(2);
		expect(n.stderr).toMatch(/collect-names action has no message/);
		expect(runCli(['template', 'thank-you', '--action', names.id, ...base]).code).toBe(2);
	});
});
