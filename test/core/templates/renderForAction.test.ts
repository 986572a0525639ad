import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../../src/core/dates';
import { computeSchedule } from '../../../src/core/rules';
import { renderForAction, templateKindForAction } from '../../../src/core/templates';
import { DEFAULT_SETTINGS, type Action } from '../../../src/core/types';
import { acme, application, interview, log, People, person } from './fixtures';

function action(extra: Partial<Action>): Action {
	return {
		id: 'x',
		kind: 'thank-you',
		state: 'due',
		earliest: '2026-11-16',
		due: '2026-11-18',
		company: 'Acme Finance',
		role: 'Secretary',
		note: 'Interviews/Acme Finance 2026-11-16.md',
		person: { name: 'John Roe', title: 'Office Manager', email: 'john.roe@acme.example', phone: null },
		gifts: [],
		reason: 'r',
		application: 'acme finance|secretary',
		...extra,
	};
}

describe('renderForAction', () => {
	const { input } = acme();
	const options = { today: '2026-11-17', settings: { ...DEFAULT_SETTINGS, userName: 'Sam Lee', templatesFolder: 'Templates' } };

	it('maps action kinds to template kinds', () => {
		expect(templateKindForAction('thank-you')).toBe('thank-you');
		expect(templateKindForAction('status-check')).toBe('status-check');
		expect(templateKindForAction('ask-timeline')).toBe('ask-timeline');
		expect(templateKindForAction('withdraw')).toBe('withdraw');
		expect(templateKindForAction('prepare')).toBe('prepare');
		expect(templateKindForAction('find-contact')).toBeNull();
		expect(templateKindForAction('answer-offer')).toBeNull();
		expect(templateKindForAction('reference-alert')).toBe('reference-alert');
		expect(templateKindForAction('referral-request')).toBe('referral-request');
		expect(templateKindForAction('collect-names')).toBeNull();
		expect(templateKindForAction('keep-looking')).toBeNull();
	});

	it('a thank-you for the person and interview the action names', () => {
		const r = renderForAction(action({}), input, options)!;
		expect(r.kind).toBe('thank-you');
		expect(r.markdown).toMatch(/^Dear John,$/m);
		expect(r.markdown).toContain('Monday 16 November');
		expect(r.markdown).toMatch(/\nSam Lee\n$/);
		expect(r.mailto).toMatch(/^mailto:john\.roe@acme\.example\?/);
	});

	it('the action\'s gifts are offered', () => {
		const r = renderForAction(action({ gifts: ['sailing in Maine'] }), input, options)!;
		expect(r.markdown).toContain('sailing in Maine');
	});

	it('ask-timeline asks 004\'s two questions (further interviews, decision), and nothing pushy', () => {
		const r = renderForAction(action({ kind: 'ask-timeline', person: { name: 'Jane Doe', title: null, email: null, phone: null } }), input, options)!;
		expect(r.kind).toBe('ask-timeline');
		expect(r.markdown).toMatch(/interviews/);
		expect(r.markdown).toMatch(/decide|decision/);
		expect(r.markdown).not.toMatch(/has a decision been made|where things stand/);
		expect(r.markdown).not.toMatch(/\n\n\n/);
		expect(r.mailto).toMatch(/^mailto:jane@acme\.example/); // the index knows her email
	});

	it('actions without a message give null', () => {
		expect(renderForAction(action({ kind: 'collect-names', person: null }), input, options)).toBeNull();
		expect(renderForAction(action({ kind: 'keep-looking', person: null, application: null, company: null, note: null }), input, options)).toBeNull();
	});

	it('works from the action alone when the index no longer knows the application or the person', () => {
		const empty = { applications: () => [], person: () => undefined };
		const r = renderForAction(
			action({ company: 'Globex', role: 'Clerk', application: 'globex|clerk', person: { name: 'Hank Scorpio', title: 'CEO', email: 'hank@globex.example', phone: null } }),
			empty,
			options,
		)!;
		expect(r.markdown).toMatch(/^Dear Hank,$/m);
		expect(r.markdown).toContain('Globex');
		expect(r.markdown).toContain('the Clerk position');
		expect(r.mailto).toMatch(/^mailto:hank@globex\.example/);
	});

	it('diagnostics name the template file in the configured folder', () => {
		const r = renderForAction(action({}), input, { ...options, userTemplates: { 'thank-you': '{{nope}}' } })!;
		expect(r.diagnostics).toMatchObject([{ note: 'Templates/thank-you.md', severity: 'warning', line: 1 }]);
	});

	it('every action of a real schedule (rules engine) renders, addressed to the action\'s person', () => {
		const jane = person('Jane Doe', { title: 'VP Engineering', email: 'jane@acme.example', topics: ['training for the Boston marathon'] });
		const john = person('John Roe', { title: 'Office Manager' });
		const ann = person('Ann Smith', { email: 'ann@example.org' });
		const mo = person('Mo Globex', { title: 'Recruiter', email: 'mo@globex.example' });
		const acmeApp = application('Acme Finance', 'Secretary', [
			interview('acme.md', '2026-11-16T10:00', { interviewers: [jane.id, john.id], references: [ann.id], followUps: [log('2026-11-16', 'thank-you', 'John Roe')] }),
		]);
		const globex = application('Globex', 'Clerk', [
			interview('globex.md', '2026-11-02', { interviewers: [mo.id], status: 'rejected', followUps: [log('2026-11-20', 'rejected', null)] }),
		]);
		const index = new People([jane, john, ann, mo]);
		const source = { applications: () => [acmeApp, globex], person: (id: string) => index.person(id) };
		const schedule = computeSchedule(source, endOfDay('2026-11-21'), DEFAULT_SETTINGS);
		const kinds = new Set(schedule.actions.map((a) => a.kind));
		expect(kinds).toContain('thank-you');
		expect(kinds).toContain('referral-request');
		expect(kinds).toContain('reference-alert');
		let rendered = 0;
		for (const a of schedule.actions) {
			const r = renderForAction(a, source, { today: schedule.today });
			if (templateKindForAction(a.kind) === null) {
				expect(r).toBeNull();
				continue;
			}
			rendered++;
			expect(r).not.toBeNull();
			expect(r!.diagnostics).toEqual([]);
			if (a.person) expect(r!.markdown).toContain(`Dear ${a.person.name.split(' ')[0]},`);
			if (a.company) expect(r!.markdown.includes(a.company) || (a.role !== null && r!.markdown.includes(a.role))).toBe(true);
			if (a.gifts.length > 0 && (a.kind === 'thank-you' || a.kind === 'status-check')) expect(a.gifts.some((g) => r!.markdown.includes(g))).toBe(true);
		}
		expect(rendered).toBeGreaterThanOrEqual(3);
	});
});
