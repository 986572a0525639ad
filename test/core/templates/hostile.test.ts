import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { buildTemplateContext, renderTemplate, TEMPLATE_KINDS, type TemplateValue } from '../../../src/core/templates';

const str = (v: TemplateValue | undefined): string => (typeof v === 'string' ? v : '');
import { application, interview, People, person } from './fixtures';

function setup(names: { company?: string; role?: string | null; name?: string; title?: string | null; topic?: string; email?: string | null }) {
	const p = person(names.name ?? 'Jane Doe', {
		title: names.title ?? null,
		email: names.email ?? 'jane@acme.example',
		topics: names.topic !== undefined ? [names.topic] : [],
	});
	const ref = person('Ann Smith', { email: 'ann@example.org' });
	const app = application(names.company ?? 'Acme Finance', names.role === undefined ? 'Secretary' : names.role, [
		interview('a.md', '2026-11-16', { interviewers: [p.id], contact: p.id, references: [ref.id] }),
	]);
	const index = new People([p, ref]);
	const view = buildTemplateContext({ application: app, person: p, index, today: '2026-11-17' });
	return { p, app, index, view, render: (kind: (typeof TEMPLATE_KINDS)[number]) => renderTemplate(kind, view) };
}

describe('hostile input renders as plain text', () => {
	it('braces in a name are not expanded again', () => {
		const { render } = setup({ name: '{{company}} {{{role}}} {{#gift}}x{{/gift}} {{> p}}', company: 'Acme Finance' });
		for (const kind of TEMPLATE_KINDS) {
			const r = render(kind);
			expect(r.diagnostics).toEqual([]);
			if (kind !== 'interview' && kind !== 'prepare') expect(r.markdown).toContain('Dear {{company}},');
		}
		const { view } = setup({ name: '{{company}} Doe' });
		expect(view.person_name).toBe('{{company}} Doe');
		expect(view.first_name).toBe('{{company}}');
	});

	it('braces in the company and role stay literal everywhere, including inside the wording variants', () => {
		const { render } = setup({ company: '{{person_name}} Inc', role: '{{user_name}}', topic: '{{gift}}' });
		const r = render('thank-you');
		expect(r.markdown).toContain('{{person_name}} Inc');
		expect(r.markdown).toContain('the {{user_name}} position');
		expect(r.markdown).toContain('{{gift}}');
		expect(r.markdown).not.toContain('Jane Doe Inc');
		expect(r.subject).not.toContain('[Your name]');
	});

	it('HTML and Markdown in topics and names come out verbatim (no escaping, no interpretation)', () => {
		const topic = '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) & <script>x</script>';
		const { render } = setup({ topic, name: 'Jane <b>Doe</b>', title: '# Heading' });
		const r = render('thank-you');
		expect(r.markdown).toContain(topic);
		expect(r.markdown).not.toContain('&lt;');
		expect(r.markdown).not.toContain('&amp;');
		expect(r.markdown).not.toContain('&#x3D;');
		const check = render('status-check');
		expect(check.markdown).toContain(topic);
	});

	it('non-Latin and right-to-left names and companies', () => {
		const cases = [
			{ name: '山田太郎', first: '山田太郎', company: '株式会社テスト' },
			{ name: 'Zoë Ångström', first: 'Zoë', company: 'Société Générale' },
			{ name: 'محمد علي', first: 'محمد', company: 'شركة المثال' },
			{ name: 'שרה כהן', first: 'שרה', company: 'חברה בע"מ' },
			{ name: 'Dr. Jane Doe', first: 'Dr. Doe', company: 'Acme' },
			{ name: '👩‍💻 Ada', first: '👩‍💻', company: 'Emoji 🚀 Ltd' },
		];
		for (const c of cases) {
			const { render } = setup({ name: c.name, company: c.company });
			const r = render('thank-you');
			expect(r.markdown).toContain(`Dear ${c.first},`);
			expect(r.markdown).toContain(c.company);
			const back = decodeURIComponent(r.mailto!.slice(r.mailto!.indexOf('body=') + 5));
			expect(back).toContain(c.company);
		}
	});

	it('very long text is kept whole', () => {
		const topic = `${'very long topic '.repeat(2000)}end`;
		const company = 'C'.repeat(5000);
		const { render } = setup({ topic, company });
		const r = render('thank-you');
		expect(r.markdown).toContain(topic);
		expect(r.markdown).toContain(company);
	});

	it('line breaks and control characters in values cannot add lines, headings or frontmatter keys', () => {
		const { render } = setup({
			name: 'Jane\nDoe',
			company: 'Evil\n---\ntype: note\n# Heading',
			role: 'Role\r\nstatus: hired',
			topic: 'topic\n- [x] thank-you: Jane Doe',
		});
		const r = render('thank-you');
		expect(r.markdown).toMatch(/^Dear Jane,$/m);
		expect(r.markdown).not.toMatch(/^---$|^type:|^# Heading|^- \[x\]/m);
		expect(r.subject).not.toMatch(/[\r\n]/);
		expect(r.markdown.split('\n').filter((l) => l.startsWith('Subject:'))).toHaveLength(1);
		const note = render('interview');
		const fm = /^---\n([\s\S]*?)\n---\n/.exec(note.markdown)!;
		const data = parseYaml(fm[1]) as Record<string, unknown>;
		expect(data.type).toBe('interview');
		expect(data.status).toBe('interviewing');
		expect(data.company).toBe('Evil --- type: note # Heading');
		expect(data.role).toBe('Role status: hired');
	});

	it('lone surrogates never throw; they become U+FFFD', () => {
		const { render } = setup({ name: 'Bad\uD800Name', topic: 'x\uDC00y' });
		for (const kind of TEMPLATE_KINDS) expect(() => render(kind)).not.toThrow();
		expect(render('thank-you').markdown).toContain('x\uFFFDy');
	});

	it('property: any text in any field renders every kind without throwing, verbatim, with valid frontmatter', () => {
		const field = fc.string({ unit: 'grapheme', maxLength: 40 });
		fc.assert(
			fc.property(field, field, field, field, field, (company, role, name, title, topic) => {
				const { render, view } = setup({ company, role, name, title, topic });
				for (const kind of TEMPLATE_KINDS) {
					const r = render(kind);
					expect(r.diagnostics).toEqual([]);
					// Nothing but the values can bring braces into the output.
					if (![company, role, name, title, topic].some((v) => /[{}]/.test(v))) expect(r.markdown).not.toMatch(/[{}]{2}/);
				}
				const thanks = render('thank-you').markdown;
				if (view.salutation !== '') expect(thanks).toContain(`Dear ${str(view.salutation)},`);
				if (view.gift !== '') expect(thanks).toContain(str(view.gift));
				if (view.company !== '') expect(thanks).toContain(str(view.company));
				const fm = /^---\n([\s\S]*?)\n---\n/.exec(render('interview').markdown);
				expect(fm).not.toBeNull();
				const data = parseYaml(fm![1]) as Record<string, unknown>;
				expect(data.company ?? '').toBe(view.company);
				expect(data.role ?? '').toBe(view.role);
				expect(data.type).toBe('interview');
			}),
			{ numRuns: 60 },
		);
	});
});
