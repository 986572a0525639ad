/**
 * Templates take the rules' facts (issue #14): the contact, the decision date
 * and the rounds a message speaks of are the ones the schedule uses, worked
 * out once in src/core/rules/facts.ts.
 */
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../../src/core/dates';
import { computeSchedule } from '../../../src/core/rules';
import { buildTemplateContext, renderForAction } from '../../../src/core/templates';
import { VaultIndex } from '../../../src/core/vaultIndex';
import { DEFAULT_SETTINGS } from '../../../src/core/types';

const C = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] };

function vault(files: Record<string, string>): VaultIndex {
	const vi = new VaultIndex(C);
	for (const [path, text] of Object.entries(files)) vi.upsert(path, text);
	return vi;
}

describe('templates take the rules\' facts', () => {
	// Two notes of one day: the afternoon one is the later, whatever the paths say.
	const vi = vault({
		'a.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16T14:00\ninterviewers: [Xena Park]\ncontact: Xena Park <xena@acme.example>\ndecision_date: 2026-11-20\n---\n',
		'b.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16T09:00\ninterviewers: [Yuri Gold]\ncontact: Yuri Gold <yuri@acme.example>\ndecision_date: 2026-12-18\n---\n',
	});
	const now = endOfDay('2026-12-01');
	const schedule = computeSchedule(vi, now, DEFAULT_SETTINGS);
	const app = vi.applications()[0];

	it('the contact a message names is the contact the schedule names (same-day notes ordered by time)', () => {
		const check = schedule.actions.find((a) => a.kind === 'status-check');
		expect(check?.person?.name).toBe('Xena Park');
		const view = buildTemplateContext({ kind: 'reference-alert', application: app, index: vi, today: '2026-12-01' });
		expect(view.contact_name).toBe(check?.person?.name);
	});

	it('the decision date a message names is the one the rules use', () => {
		const view = buildTemplateContext({ kind: 'status-check', application: app, index: vi, today: '2026-12-01' });
		expect(view.decision_date_iso).toBe('2026-11-20');
		const check = schedule.actions.find((a) => a.kind === 'status-check')!;
		const r = renderForAction(check, vi, { today: '2026-12-01' })!;
		expect(r.markdown).toContain('Friday 20 November');
		expect(r.markdown).toMatch(/^Dear Xena,$/m);
	});

	it('an interview later today has not happened: it is the scheduled round, not the one followed up', () => {
		const later = vault({
			'r1.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16T10:00\ninterviewers: [Xena Park]\n---\n',
			'r2.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-20T15:00\ninterviewers: [Xena Park]\n---\n',
		});
		const view = buildTemplateContext({ application: later.applications()[0], index: later, today: '2026-11-20', now: { date: '2026-11-20', time: '12:00:00' } });
		expect(view.interview_date_iso).toBe('2026-11-16');
		expect(view.next_interview_yaml).toBe('2026-11-20T15:00');
	});
});
