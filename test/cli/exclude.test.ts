import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTemps, parseDue, runCli, tempDir, writeSettings } from './helpers';

afterAll(cleanTemps);

function vaultOf(files: Record<string, string>): string {
	const dir = tempDir('ifu-exclude-');
	for (const [path, text] of Object.entries(files)) {
		const abs = join(dir, ...path.split('/'));
		mkdirSync(join(abs, '..'), { recursive: true });
		writeFileSync(abs, text);
	}
	return dir;
}

const TEMPLATE = '---\ntype: interview\ncompany: "{{company}}"\ninterview_date: <% tp.date.now() %>\n---\n';
const REAL = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: [Jane Doe]\n---\n';

function companies(vault: string, ...extra: string[]): { companies: string[]; diagnostics: ReturnType<typeof parseDue>['diagnostics'] } {
	const r = runCli(['due', vault, '--today', '2026-11-21', '--json', ...extra]);
	expect(r.code).toBe(0);
	const doc = parseDue(r.stdout);
	return { companies: [...new Set(doc.actions.map((a) => a.company).filter((c): c is string => c !== null))].sort(), diagnostics: doc.diagnostics };
}

describe('excluded folders in the command line', () => {
	it("leaves out the core Templates folder and Templater's, read from the configuration folder", () => {
		const vault = vaultOf({
			'.config/app.json': '{}',
			'.config/templates.json': '{"folder":"Meta/Templates"}',
			'.config/plugins/templater-obsidian/data.json': '{"templates_folder":"/Templater/"}',
			'Meta/Templates/Interview.md': TEMPLATE,
			'Templater/Interview.md': TEMPLATE,
			'Interviews/acme.md': REAL,
		});
		const r = companies(vault);
		expect(r.companies).toEqual(['Acme']);
		expect(r.diagnostics.filter((d) => d.note.includes('Templat'))).toEqual([]);
	});
	it('finds the configuration folder by its templates configuration alone (no app.json)', () => {
		const vault = vaultOf({
			'.vault/plugins/templater-obsidian/data.json': '{"templates_folder":"Templater"}',
			'Templater/Interview.md': TEMPLATE,
			'Interviews/acme.md': REAL,
		});
		const r = companies(vault);
		expect(r.companies).toEqual(['Acme']);
		expect(r.diagnostics.filter((d) => d.note.includes('Templat'))).toEqual([]);
	});
	it('--exclude DIR (repeatable) and the excludedFolders setting; without them the template is an application', () => {
		const vault = vaultOf({ 'Tpl/Interview.md': TEMPLATE, 'Old/x.md': REAL.replace('Acme', 'Globex'), 'Interviews/acme.md': REAL });
		const tpl = (r: ReturnType<typeof companies>): number => r.diagnostics.filter((d) => d.note === 'Tpl/Interview.md').length;
		const all = companies(vault);
		expect(all.companies).toEqual(['Acme', 'Globex']);
		expect(tpl(all)).toBeGreaterThan(0);
		const some = companies(vault, '--exclude', 'Tpl', '--exclude', 'Old/');
		expect(some.companies).toEqual(['Acme']);
		expect(tpl(some)).toBe(0);
		writeSettings(vault, { excludedFolders: ['Tpl'] }, '.config');
		expect(tpl(companies(vault))).toBe(0);
	});
	it('--exclude outside the vault cannot run (exit 2)', () => {
		const r = runCli(['due', vaultOf({ 'a.md': REAL }), '--exclude', '/nowhere/else']);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--exclude');
	});
});

describe('diagnostics carry their line; due ends with the count', () => {
	const vault = vaultOf({
		'Interviews/acme.md': REAL,
		'Interviews/bad.md': '---\ntype: interview\ncompany: Globex\ninterview_date: next Tuesday\n---\n',
		'notes/broken.md': '---\ntype: interview\nrole: [a\n---\n',
	});
	it('due --json and check --json give line as a number or null', () => {
		for (const cmd of ['due', 'check']) {
			const r = runCli([cmd, vault, '--today', '2026-11-21', '--json']);
			const doc = parseDue(r.stdout);
			const bad = doc.diagnostics.find((d) => d.note === 'Interviews/bad.md' && d.severity === 'error');
			expect(bad?.line).toBe(4);
			expect(doc.diagnostics.filter((d) => d.note === 'notes/broken.md').map((d) => [d.severity, d.line])).toEqual([
				['error', 3],
				['error', 3],
			]);
			for (const d of doc.diagnostics) expect(d.line === null || typeof d.line === 'number').toBe(true);
		}
	});
	it('due as text ends with one line counting errors and warnings and naming the command', () => {
		const r = runCli(['due', vault, '--today', '2026-11-21'], { env: { NO_COLOR: '1' } });
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines[lines.length - 1]).toMatch(/^\d+ errors?(?: and \d+ warnings?)? in \d+ notes: run 'interview-followups check .+' to see them\.$/);
	});
});

describe("check reports a company's several active applications together", () => {
	it('a note on each, naming both roles', () => {
		const head = (role: string, date: string): string => `---\ntype: interview\ncompany: Acme\nrole: ${role}\ninterview_date: ${date}\ninterviewers: [Jane Doe]\n---\n`;
		const vault = vaultOf({ 'a.md': head('Senior UX Researcher', '2026-11-02'), 'b.md': head('Sr. UX Researcher', '2026-11-09'), 'c.md': head('UX Designer', '2026-11-10') });
		const doc = parseDue(runCli(['check', vault, '--today', '2026-11-21', '--json']).stdout);
		const notes = doc.diagnostics.filter((d) => d.message.includes('active applications'));
		expect(notes.map((d) => [d.note, d.severity, d.line])).toEqual([
			['b.md', 'info', null],
			['c.md', 'info', null],
		]);
		expect(notes[0].message).toContain("'Senior UX Researcher' (b.md)");
		expect(notes[0].message).toContain("'UX Designer' (c.md)");
	});
});
