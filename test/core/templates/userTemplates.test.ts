import { describe, expect, it, vi } from 'vitest';
import Mustache from 'mustache';
import {
	BUILT_IN_TEMPLATES,
	buildTemplateContext,
	isTemplateKind,
	renderTemplate,
	SENDABLE_KINDS,
	TEMPLATE_KINDS,
	templateFileName,
	templatePath,
	type TemplateContext,
} from '../../../src/core/templates';
import { acme } from './fixtures';

const { jane, app, index } = acme();
const view = buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17', settings: { userName: 'Sam Lee' } });
const withUser = (text: string, kind: (typeof TEMPLATE_KINDS)[number] = 'thank-you', folder = 'Templates/Follow-ups') =>
	renderTemplate(kind, view, { userTemplates: { [kind]: text }, templatesFolder: folder });

describe('template kinds and files', () => {
	it('the eight kinds as the command line names them (cli.md v2), one file each', () => {
		expect(TEMPLATE_KINDS).toEqual(['thank-you', 'ask-timeline', 'status-check', 'reference-alert', 'referral-request', 'withdraw', 'prepare', 'interview']);
		expect(SENDABLE_KINDS).not.toContain('interview');
		expect(SENDABLE_KINDS).not.toContain('prepare');
		expect(TEMPLATE_KINDS.map(templateFileName)).toEqual([
			'thank-you.md',
			'ask-timeline.md',
			'status-check.md',
			'reference-alert.md',
			'referral-request.md',
			'withdraw.md',
			'prepare.md',
			'interview.md',
		]);
		expect(templatePath('Templates/Follow-ups/', 'interview')).toBe('Templates/Follow-ups/interview.md');
		expect(templatePath('', 'thank-you')).toBe('thank-you.md');
		expect(templatePath('\\Templates\\', 'thank-you')).toBe('Templates/thank-you.md');
		expect(isTemplateKind('status-check')).toBe(true);
		expect(isTemplateKind('ask-timeline')).toBe(true);
		expect(isTemplateKind('collect-names')).toBe(false);
	});
});

describe('user templates', () => {
	it('override the built-in for their kind only', () => {
		const r = renderTemplate('thank-you', view, { userTemplates: { 'thank-you': 'Subject: Hi {{first_name}}\n\nThanks, {{person_name}} of {{company}}!\n' } });
		expect(r.source).toBe('user');
		expect(r.subject).toBe('Hi Jane');
		expect(r.body).toBe('Thanks, Jane Doe of Acme Finance!');
		expect(r.markdown).toBe('Subject: Hi Jane\n\nThanks, Jane Doe of Acme Finance!\n');
		expect(r.diagnostics).toEqual([]);
		const other = renderTemplate('status-check', view, { userTemplates: { 'thank-you': 'x' } });
		expect(other.source).toBe('built-in');
		expect(other.markdown).toBe(renderTemplate('status-check', view).markdown);
	});

	it('a template without a Subject line has no subject; the whole text is the body', () => {
		const r = withUser('Dear {{first_name}},\n\nthank you.\n');
		expect(r.subject).toBeNull();
		expect(r.body).toBe('Dear Jane,\n\nthank you.');
		expect(r.mailto).toBe(`mailto:jane@acme.example?body=${encodeURIComponent('Dear Jane,\r\n\r\nthank you.')}`);
	});

	it('an unknown variable stays visible as written and is reported with the file and line, never a crash', () => {
		const r = withUser('Subject: Hi\n\nDear {{first_name}},\n{{unknown_var}} and {{{raw_unknown}}} and {{& amp_unknown}}\n');
		expect(r.source).toBe('user');
		expect(r.markdown).toContain('{{unknown_var}} and {{{raw_unknown}}} and {{& amp_unknown}}');
		expect(r.diagnostics).toHaveLength(3);
		expect(r.diagnostics[0]).toMatchObject({ note: 'Templates/Follow-ups/thank-you.md', severity: 'warning', line: 4 });
		expect(r.diagnostics[0].message).toContain('{{unknown_var}}');
		expect(r.diagnostics.map((d) => d.message).join(' ')).toMatch(/raw_unknown[\s\S]*amp_unknown/);
	});

	it('rendering does not corrupt mustache\'s template cache (the same template renders the same twice)', () => {
		const text = 'A {{unknown_var}} B {{company}}';
		const first = withUser(text).markdown;
		expect(withUser(text).markdown).toBe(first);
		expect(Mustache.parse(text).map((t) => t[0])).toEqual(['text', 'name', 'text', 'name']);
	});

	it('names are checked per scope: item fields only inside their list, dotted names and . where they do not apply', () => {
		const ok = withUser('{{#interviewers}}- {{name}}, {{title}}{{#topics}} ({{topic}}){{/topics}} {{company}}\n{{/interviewers}}{{#gift}}[{{.}}]{{/gift}}');
		expect(ok.diagnostics).toEqual([]);
		expect(ok.markdown).toBe('- Jane Doe, VP Engineering (training for the Boston marathon) Acme Finance\n- John Roe, Office Manager Acme Finance\n[training for the Boston marathon]');
		const bad = withUser('{{name}} {{company.length}} {{#interviewers}}{{nickname}}{{.}}{{/interviewers}} {{.}} {{gifts}}');
		expect(bad.markdown).toBe('{{name}} {{company.length}} {{nickname}}{{.}}{{nickname}}{{.}} {{.}} {{gifts}}');
		expect(bad.diagnostics.map((d) => d.message)).toEqual([
			expect.stringContaining('unknown variable {{name}}'),
			expect.stringContaining('unknown variable {{company.length}}'),
			expect.stringContaining('unknown variable {{nickname}}'),
			expect.stringContaining('unknown variable {{.}}'),
			expect.stringContaining('unknown variable {{.}}'),
			expect.stringContaining('{{gifts}} is a list'),
		]);
	});

	it('an unknown section keeps its tags visible and its content', () => {
		const r = withUser('A {{#mystery}}inside {{company}}{{/mystery}} B {{^nothing}}not{{/nothing}}');
		expect(r.markdown).toBe('A {{#mystery}}inside Acme Finance{{/mystery}} B {{^nothing}}not{{/nothing}}');
		expect(r.diagnostics.map((d) => d.message)).toEqual([
			expect.stringContaining('unknown section {{#mystery}}'),
			expect.stringContaining('unknown section {{^nothing}}'),
		]);
	});

	it('broken syntax is reported and the built-in is used, never a throw', () => {
		for (const text of ['{{#gift}}never closed', 'line\n{{/gift}}', 'Hello {{first_name', '{{#a}}{{/b}}', '{{=<% %>=}} <%#x%> unclosed']) {
			let r: ReturnType<typeof withUser> | undefined;
			expect(() => (r = withUser(text)), text).not.toThrow();
			expect(r!.source).toBe('built-in');
			expect(r!.markdown).toBe(renderTemplate('thank-you', view).markdown);
			expect(r!.diagnostics).toHaveLength(1);
			expect(r!.diagnostics[0]).toMatchObject({ note: 'Templates/Follow-ups/thank-you.md', severity: 'error' });
			expect(r!.diagnostics[0].message).toMatch(/broken template syntax.*built-in template was used/);
		}
		expect(withUser('line one\n{{/gift}}').diagnostics[0].line).toBe(2);
	});

	it('an empty template file is reported and the built-in used', () => {
		const r = withUser('  \n', 'status-check');
		expect(r.source).toBe('built-in');
		expect(r.diagnostics).toMatchObject([{ note: 'Templates/Follow-ups/status-check.md', severity: 'warning' }]);
		expect(r.markdown).toBe(renderTemplate('status-check', view).markdown);
	});

	it('partials are refused (left visible), comments vanish, changed delimiters work', () => {
		const r = withUser('{{> header}}{{! a comment }}{{=<% %>=}}<% company %> <% nope %> <%#mystery%>x<%/mystery%>');
		expect(r.markdown).toBe('{{> header}}Acme Finance <% nope %> <%#mystery%>x<%/mystery%>');
		expect(r.diagnostics.map((d) => d.message)).toEqual([
			expect.stringContaining('partials'),
			expect.stringContaining('{{nope}}'),
			expect.stringContaining('{{#mystery}}'),
		]);
	});

	it('Obsidian core Templates variables: {{date}} is today, {{title}} and {{date:FORMAT}} are shown as written', () => {
		const r = withUser('{{date}} {{title}} {{time}} {{date:YYYY-MM-DD}}');
		expect(r.markdown).toBe('2026-11-17 {{title}} {{time}} {{date:YYYY-MM-DD}}');
		expect(r.diagnostics).toHaveLength(3);
	});

	it('HTML escaping is off, and the global Mustache.escape is left alone', () => {
		const escapeBefore = Mustache.escape;
		const v = { ...view, company: 'A & B <C> "D" \'E\' =F /G `H`' } as TemplateContext;
		const r = renderTemplate('thank-you', v, { userTemplates: { 'thank-you': '{{company}}|{{{company}}}|{{& company}}' } });
		expect(r.markdown).toBe('A & B <C> "D" \'E\' =F /G `H`|A & B <C> "D" \'E\' =F /G `H`|A & B <C> "D" \'E\' =F /G `H`');
		expect(Mustache.escape).toBe(escapeBefore);
		expect(Mustache.escape('<a>')).toBe('&lt;a&gt;');
		expect(Mustache.render('{{x}}', { x: '<a>' })).toBe('&lt;a&gt;');
	});

	it('no template can run code: functions in a view are dropped, prototype names are unknown', () => {
		const spy = vi.fn(() => 'pwned');
		const hostile = { ...view, company: spy, gift: spy, interviewers: [{ name: spy }], lambda: spy } as unknown as TemplateContext;
		const r = renderTemplate('thank-you', hostile, {
			userTemplates: { 'thank-you': '[{{company}}][{{#gift}}x{{/gift}}][{{#interviewers}}{{name}}{{/interviewers}}][{{lambda}}]' },
		});
		expect(spy).not.toHaveBeenCalled();
		expect(r.markdown).toBe('[][][][{{lambda}}]');
		const proto = withUser('{{constructor}}{{#constructor}}x{{/constructor}}{{__proto__}}{{toString}}{{hasOwnProperty}}{{valueOf.call}}');
		expect(proto.markdown).toBe('{{constructor}}{{#constructor}}x{{/constructor}}{{__proto__}}{{toString}}{{hasOwnProperty}}{{valueOf.call}}');
		expect(proto.diagnostics).toHaveLength(6);
		const items = withUser('{{#interviewers}}{{constructor}}{{/interviewers}}');
		expect(items.markdown).toBe('{{constructor}}{{constructor}}');
	});

	it('a user template for the interview note fills the frontmatter values', () => {
		const r = withUser('---\ntype: {{interview_type}}\ncompany: {{company_yaml}}\n---\n# {{company}}\n', 'interview');
		expect(r.markdown).toBe('---\ntype: interview\ncompany: "Acme Finance"\n---\n# Acme Finance\n');
		expect(r.subject).toBeNull();
	});

	it('values passed to userTemplates that are not strings are ignored', () => {
		const r = renderTemplate('thank-you', view, { userTemplates: { 'thank-you': 42 as unknown as string } });
		expect(r.source).toBe('built-in');
		expect(r.diagnostics).toEqual([]);
	});

	it('every built-in is available to copy as a starting point', () => {
		for (const kind of TEMPLATE_KINDS) {
			const copy = renderTemplate(kind, view, { userTemplates: { [kind]: BUILT_IN_TEMPLATES[kind] } });
			expect(copy.source).toBe('user');
			expect(copy.markdown).toBe(renderTemplate(kind, view).markdown);
		}
	});
});
